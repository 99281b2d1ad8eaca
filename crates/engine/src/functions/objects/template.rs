//! `DALazyTemplate`: the text of a `template` block, rendered when the block runs, or on use
//! (`str()`, `show(**kwargs)`) when it needs what is not defined yet.

#[allow(clippy::wildcard_imports)]
use super::*;
use std::sync::Arc;

/// The attribute holding the Mako source of a template rendered on use.
pub(crate) const SOURCE_CONTENT: &str = "source_content";

pub(super) fn tmpl_str(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let kwargs = std::mem::take(&mut args.keyword);
    render_content(vm, &me, kwargs)
}

/// The template's text: rendered now from its source with `kwargs` bound (docassemble's
/// `show(**kwargs)`) when it has one, else the text rendered when the block ran.
pub(crate) fn render_content(vm: &mut Vm<'_>, me: &Value, kwargs: Vec<(Rc<str>, Value)>) -> Result<Value, Error> {
    let source = match get(me, SOURCE_CONTENT) {
        Some(Value::Str(s)) => s,
        _ => return Ok(get(me, "content").unwrap_or_else(|| Value::from_str(""))),
    };
    let pos = crate::model::Pos { file: Arc::from(instance_name(me)), line: 1, column: 0 };
    let tm = crate::compile::template(&source, &pos).map_err(|e| Error::exception("SyntaxError", e))?;
    let ns = crate::functions::host(vm)?.ns.clone();
    let saved: Vec<(Rc<str>, Option<Value>)> = kwargs.iter().map(|(k, _)| (k.clone(), ns.get(k))).collect();
    for (k, v) in kwargs {
        ns.set(&k, v);
    }
    let out = tm.render(vm, &ns, &|s: &str| s.to_string());
    for (k, old) in saved {
        match old {
            Some(v) => ns.set(&k, v),
            None => {
                ns.remove(&k);
            }
        }
    }
    Ok(Value::from_str(out?.trim_end()))
}
