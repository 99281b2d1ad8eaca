//! Objects the runtime makes from blocks: `template` blocks as `DALazyTemplate` objects and
//! the objects of `objects:` blocks.

use std::rc::Rc;

use lang::Value;

use super::{Flow, Run, R};

/// Renders a `template` block into a `DALazyTemplate` (content and subject as text). A content
/// that needs a variable not defined yet is kept as its source and rendered on use (docassemble
/// renders every template on use; `show(company=…)` may supply what is missing).
pub(super) fn template_object(run: &mut Run<'_>, t: &crate::model::TemplateBlock) -> R<Value> {
    let cls = run.host.class("DALazyTemplate");
    let obj = Value::new_object(cls, Some(t.variable.name()));
    let (rendered, source) = match (&t.content, content_file_code(run, t)?) {
        (_, Some(tm)) => {
            let r = run.run_vm(|vm, ns| tm.render(vm, ns, &|s: &str| s.to_string()));
            (r.map_err(|e| run.flow(e, &block_pos(t))), tm.source().to_string())
        }
        (Some(c), None) => (run.render_raw(c), c.source().to_string()),
        (None, None) => (Ok(String::new()), String::new()),
    };
    let content = match rendered {
        Ok(text) => Some(text),
        // a variable no block defines: left to the use (`show(name=…)` may give it)
        Err(Flow::Undefined(var)) if run.candidates(&var).is_empty() => {
            set_attr(&obj, crate::functions::objects::template::SOURCE_CONTENT, Value::from_str(&source));
            None
        }
        Err(e) => return Err(e),
    };
    let subject = match &t.subject {
        Some(c) => Some(run.render_raw(c)?),
        None => None,
    };
    if let Some(content) = content {
        set_attr(&obj, "content", Value::from_str(content.trim_end()));
    }
    set_attr(&obj, "subject", Value::from_str(subject.as_deref().unwrap_or("").trim_end()));
    Ok(obj)
}

fn set_attr(obj: &Value, name: &str, v: Value) {
    if let Value::Object(o) = obj {
        o.borrow_mut().attrs.insert(Rc::from(name), v);
    }
}

fn block_pos(t: &crate::model::TemplateBlock) -> crate::model::Pos {
    let line = t.content_file.as_ref().map_or(1, |n| n.line);
    crate::model::Pos { file: std::sync::Arc::from(format!("template {}", t.variable.name())), line, column: 0 }
}

/// `content file: {code: …}`: the package files the expression names, read at load time (a
/// file named by code must also be named in a string of the interview), as one template.
fn content_file_code(run: &mut Run<'_>, t: &crate::model::TemplateBlock) -> R<Option<std::sync::Arc<lang::Template>>> {
    let Some(code) = t.content_file.as_ref().and_then(|n| n.get("code")).and_then(|c| c.as_str()) else {
        return Ok(None);
    };
    let pos = block_pos(t);
    let v = run.eval_src(code, &pos)?;
    let names: Vec<String> = match &v {
        Value::List(l) => l.borrow().iter().map(Value::str).collect(),
        Value::Tuple(items) => items.iter().map(Value::str).collect(),
        other => vec![other.str()],
    };
    let mut combined = String::new();
    for name in names {
        let Some(bytes) = super::attach::package_file(&run.iv.run_data, &run.host.package, &name) else {
            return Err(Flow::Fatal(format!(
                "{pos}: content file {name} was not found (a file named by code must also be named in a string of the interview, so that it is read when the interview loads)"
            )));
        };
        if !combined.is_empty() {
            combined.push('\n');
        }
        combined.push_str(&String::from_utf8_lossy(&bytes));
    }
    crate::compile::template(&combined, &pos).map(Some).map_err(Flow::Fatal)
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
