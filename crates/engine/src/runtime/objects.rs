//! Objects the runtime makes from blocks: `template` blocks as `DALazyTemplate` objects and
//! the objects of `objects:` blocks.

use std::rc::Rc;

use lang::Value;

use super::{Flow, Run, R};

/// Renders a `template` block into a `DALazyTemplate` (content and subject as text).
pub(super) fn template_object(run: &mut Run<'_>, t: &crate::model::TemplateBlock) -> R<Value> {
    let content = match &t.content {
        Some(c) => run.render_raw(c)?,
        None => String::new(),
    };
    let subject = match &t.subject {
        Some(c) => Some(run.render_raw(c)?),
        None => None,
    };
    let cls = run.host.class("DALazyTemplate");
    let obj = Value::new_object(cls, Some(t.variable.name()));
    if let Value::Object(o) = &obj {
        let mut o = o.borrow_mut();
        o.attrs.insert(Rc::from("content"), Value::from_str(content.trim_end()));
        o.attrs.insert(Rc::from("subject"), Value::from_str(subject.as_deref().unwrap_or("").trim_end()));
    }
    Ok(obj)
}

/// Creates an object of `class` named `name` (`objects:` blocks).
pub(super) fn instantiate(run: &mut Run<'_>, class: &Value, name: &str, pos: &crate::model::Pos) -> R<Value> {
    match class {
        Value::Class(_) => {
            let obj = run.call(class, vec![Value::from_str(name)], pos)?;
            if let Value::Object(o) = &obj {
                o.borrow_mut().instance_name = Some(Rc::from(name));
            }
            Ok(obj)
        }
        _ => Err(Flow::Fatal(format!("{pos}: objects: the class of {name} is not a class"))),
    }
}
