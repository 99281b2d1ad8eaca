//! Seams to the library modules (format.rs, methods.rs, modules.rs), with fallbacks
//! used until they are available.

use crate::value::{Args, Value};
use crate::{Error, NativeFn, Vm};

/// Python's `repr()` of a float.
pub(crate) fn float_repr(f: f64) -> String {
    crate::fallback::float_repr(f)
}

/// `format(v, spec)`.
pub(crate) fn format_value(vm: &mut Vm<'_>, v: &Value, spec: &str) -> Result<String, Error> {
    let _ = spec;
    vm.str_of(v)
}

/// `fmt % args`.
pub(crate) fn percent_format(vm: &mut Vm<'_>, fmt: &str, args: &Value) -> Result<String, Error> {
    let items = match args {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let mut it = items.into_iter();
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('%') => out.push('%'),
            Some('r') => out.push_str(&vm.repr_of(&it.next().unwrap_or(Value::None))?),
            Some(_) => out.push_str(&vm.str_of(&it.next().unwrap_or(Value::None))?),
            None => {}
        }
    }
    Ok(out)
}

/// `fmt.format(*args, **kwargs)`.
#[allow(dead_code)]
pub(crate) fn str_format(vm: &mut Vm<'_>, fmt: &str, args: Args) -> Result<String, Error> {
    let _ = (vm, args);
    Ok(fmt.to_string())
}

/// A method of a builtin value.
pub(crate) fn method(receiver: &Value, name: &str) -> Option<NativeFn> {
    let _ = (receiver, name);
    None
}

/// Date/datetime/timedelta arithmetic and comparison.
pub(crate) fn temporal_binop(op: &str, a: &Value, b: &Value) -> Option<Result<Value, Error>> {
    let _ = (op, a, b);
    None
}

/// An importable module.
pub(crate) fn import(name: &str) -> Option<Value> {
    let _ = name;
    None
}
