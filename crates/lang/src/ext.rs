//! Seams to the library modules (format.rs, methods.rs, modules.rs).

use crate::value::{Args, Value};
use crate::{Error, NativeFn, Vm};

/// Python's `repr()` of a float.
pub(crate) fn float_repr(f: f64) -> String {
    crate::format::float_repr(f)
}

/// `format(v, spec)`.
pub(crate) fn format_value(vm: &mut Vm<'_>, v: &Value, spec: &str) -> Result<String, Error> {
    crate::format::format_value(vm, v, spec)
}

/// `fmt % args`.
pub(crate) fn percent_format(vm: &mut Vm<'_>, fmt: &str, args: &Value) -> Result<String, Error> {
    crate::format::percent_format(vm, fmt, args)
}

/// `fmt.format(*args, **kwargs)`.
#[allow(dead_code)]
pub(crate) fn str_format(vm: &mut Vm<'_>, fmt: &str, args: Args) -> Result<String, Error> {
    crate::format::str_format(vm, fmt, args)
}

/// A method of a builtin value.
pub(crate) fn method(receiver: &Value, name: &str) -> Option<NativeFn> {
    crate::methods::method(receiver, name)
}

/// A data attribute of a builtin value (`d.year`).
pub(crate) fn attribute(receiver: &Value, name: &str) -> Option<Value> {
    crate::methods::attribute(receiver, name)
}

/// Date/datetime/timedelta arithmetic and comparison.
pub(crate) fn temporal_binop(op: &str, a: &Value, b: &Value) -> Option<Result<Value, Error>> {
    crate::methods::temporal_binop(op, a, b)
}

/// An importable module.
pub(crate) fn import(name: &str) -> Option<Value> {
    crate::modules::import(name)
}
