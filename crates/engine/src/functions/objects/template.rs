//! `DALazyTemplate`: the text of a `template` block.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn tmpl_str(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(get(&me, "content").unwrap_or_else(|| Value::from_str("")))
}
