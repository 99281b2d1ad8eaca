//! `DABreadCrumbs`: the trail of the actions in progress, each named by the `breadcrumb:` (or
//! the question text) of the question last asked for it.

use std::collections::HashMap;
use std::rc::Rc;

use lang::value::{Dict, Key};
use lang::{Args, Class, Error, Value, Vm};

use super::self_obj;

/// The classes defined here, parent first.
pub(crate) const CLASSES: [(&str, &str); 1] = [("DABreadCrumbs", "DAObject")];

/// Key of the session's info holding the event stack's breadcrumbs, top of the stack first:
/// `[{"action": …, "breadcrumb": …}]` (see the runtime's question texts).
pub(crate) const CRUMBS_KEY: &str = "__breadcrumbs";

/// The crumbs, the oldest action first (docassemble's `get_action_stack()`).
fn crumbs(vm: &mut Vm<'_>) -> Result<Vec<(String, String)>, Error> {
    let host = crate::functions::host(vm)?;
    let Some(items) = host.info.get(CRUMBS_KEY).and_then(|j| j.as_array()) else { return Ok(Vec::new()) };
    Ok(items
        .iter()
        .rev()
        .filter_map(|i| {
            let label = i.get("breadcrumb")?.as_str()?;
            Some((i.get("action").and_then(|a| a.as_str()).unwrap_or_default().to_string(), label.to_string()))
        })
        .collect())
}

/// `bc.get_crumbs()`: `[{'action': …, 'breadcrumb': …}, …]`.
fn get_crumbs(vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    let items = crumbs(vm)?
        .into_iter()
        .map(|(action, label)| {
            let mut d = Dict::default();
            d.insert(Key::str("action"), Value::from_str(&action));
            d.insert(Key::str("breadcrumb"), Value::from_str(&label));
            Value::dict(d)
        })
        .collect();
    Ok(Value::list(items))
}

/// `bc.show()`: the trail as HTML, or nothing for fewer than two crumbs.
fn show(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let _ = self_obj(&args)?;
    let crumbs = crumbs(vm)?;
    if crumbs.len() < 2 {
        return Ok(Value::from_str(""));
    }
    let last = crumbs.len() - 1;
    let language = crate::functions::host(vm)?.language.clone();
    let mut items = String::new();
    for (i, (_, label)) in crumbs.iter().enumerate() {
        // as docassemble draws them: the last crumb plain, the others marked active
        if i == last {
            items.push_str(&format!("<li class=\"da-breadcrumb-item breadcrumb-item\">{label}</li>"));
        } else {
            items.push_str(&format!("<li class=\"da-breadcrumb-item breadcrumb-item active\" aria-current=\"page\">{label}</li>"));
        }
    }
    let html = format!(
        "<nav class=\"da-breadcrumb mt-2\" aria-label=\"{}\"><ol class=\"breadcrumb\">{items}</ol></nav>\n",
        crate::functions::word(&language, "breadcrumb")
    );
    Ok(Value::from_str(&crate::html::safe_html(&html)))
}

/// Adds the methods of `DABreadCrumbs` (the class exists already).
pub(crate) fn register(m: &HashMap<&'static str, Rc<Class>>) {
    if let Some(c) = m.get("DABreadCrumbs") {
        c.set_attr("get_crumbs", Value::native("get_crumbs", get_crumbs));
        c.set_attr("show", Value::native("show", show));
    }
}
