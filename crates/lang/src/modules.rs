//! Modules.
use crate::NativeFn;
pub(crate) fn object_method(_class: &str, _name: &str) -> Option<NativeFn> {
    None
}
