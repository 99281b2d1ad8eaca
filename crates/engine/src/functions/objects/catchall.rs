//! `DACatchAll`: the object a variable becomes when no block defines it and the interview
//! uses `features: use catchall`. Every use records its `context` (and `operand`) and then
//! needs the object's `value`, which a generic `DACatchAll` question asks; its `validation
//! code` usually replaces the object by the value (`define(x.instanceName, x.value)`).

use std::collections::HashMap;
use std::rc::Rc;

use std::cmp::Ordering;

use lang::ir::BinOp;
use lang::{Args, Class, Error, NativeFn, Value, Vm};

use super::{need, self_obj, set};

/// The classes defined here, parent first.
pub(crate) const CLASSES: [(&str, &str); 1] = [("DACatchAll", "DAObject")];

/// Records how the object is used, then its value (asked for when it is not defined yet).
fn used(vm: &mut Vm<'_>, me: &Value, context: &str, operand: Option<&Value>) -> Result<Value, Error> {
    set(me, "context", Value::from_str(context));
    if let Some(o) = operand {
        set(me, "operand", o.clone());
    }
    need(vm, me, "value")
}

fn operand_of(args: &Args) -> Value {
    args.positional.get(1).cloned().unwrap_or(Value::None)
}

macro_rules! binary {
    ($($name:ident, $context:literal, $op:expr, $reflected:literal;)*) => {
        $(
            fn $name(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
                let me = self_obj(&args)?;
                let other = operand_of(&args);
                let value = used(vm, &me, $context, Some(&other))?;
                if $reflected { vm.binop($op, &other, &value) } else { vm.binop($op, &value, &other) }
            }
        )*
    };
}

binary! {
    ca_add, "add", BinOp::Add, false;
    ca_radd, "radd", BinOp::Add, true;
    ca_sub, "sub", BinOp::Sub, false;
    ca_rsub, "rsub", BinOp::Sub, true;
    ca_mul, "mul", BinOp::Mul, false;
    ca_rmul, "rmul", BinOp::Mul, true;
    ca_truediv, "truediv", BinOp::Div, false;
    ca_rtruediv, "rtruediv", BinOp::Div, true;
    ca_floordiv, "floordiv", BinOp::FloorDiv, false;
    ca_rfloordiv, "rfloordiv", BinOp::FloorDiv, true;
    ca_mod, "mod", BinOp::Mod, false;
    ca_rmod, "rmod", BinOp::Mod, true;
    ca_pow, "pow", BinOp::Pow, false;
    ca_rpow, "rpow", BinOp::Pow, true;
    ca_and, "and", BinOp::BitAnd, false;
    ca_rand, "rand", BinOp::BitAnd, true;
    ca_or, "or", BinOp::BitOr, false;
    ca_ror, "ror", BinOp::BitOr, true;
    ca_xor, "xor", BinOp::BitXor, false;
    ca_lshift, "lshift", BinOp::LShift, false;
    ca_rshift, "rshift", BinOp::RShift, false;
}

macro_rules! compare {
    ($($name:ident, $context:literal, $op:expr;)*) => {
        $(
            fn $name(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
                let me = self_obj(&args)?;
                let other = operand_of(&args);
                let value = used(vm, &me, $context, Some(&other))?;
                Ok(Value::Bool($op(vm, &value, &other)?))
            }
        )*
    };
}

fn is_eq(vm: &mut Vm<'_>, a: &Value, b: &Value) -> Result<bool, Error> {
    vm.eq(a, b)
}

fn is_ne(vm: &mut Vm<'_>, a: &Value, b: &Value) -> Result<bool, Error> {
    Ok(!vm.eq(a, b)?)
}

fn is_lt(vm: &mut Vm<'_>, a: &Value, b: &Value) -> Result<bool, Error> {
    Ok(vm.order(a, b, "<")? == Some(Ordering::Less))
}

fn is_le(vm: &mut Vm<'_>, a: &Value, b: &Value) -> Result<bool, Error> {
    Ok(matches!(vm.order(a, b, "<=")?, Some(Ordering::Less | Ordering::Equal)))
}

fn is_gt(vm: &mut Vm<'_>, a: &Value, b: &Value) -> Result<bool, Error> {
    Ok(vm.order(a, b, ">")? == Some(Ordering::Greater))
}

fn is_ge(vm: &mut Vm<'_>, a: &Value, b: &Value) -> Result<bool, Error> {
    Ok(matches!(vm.order(a, b, ">=")?, Some(Ordering::Greater | Ordering::Equal)))
}

compare! {
    ca_eq, "eq", is_eq;
    ca_ne, "ne", is_ne;
    ca_lt, "lt", is_lt;
    ca_le, "le", is_le;
    ca_gt, "gt", is_gt;
    ca_ge, "ge", is_ge;
}

fn ca_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let value = used(vm, &me, "str", None)?;
    Ok(Value::from_str(&vm.str_of(&value)?))
}

fn ca_repr(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let value = used(vm, &me, "repr", None)?;
    Ok(Value::from_str(&vm.repr_of(&value)?))
}

fn ca_float(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let value = used(vm, &me, "float", None)?;
    Ok(Value::Float(super::finance::number(vm, &value)?))
}

fn ca_int(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let value = used(vm, &me, "int", None)?;
    let f = super::finance::number(vm, &value)?;
    if !f.is_finite() {
        return Err(Error::exception("ValueError", "cannot convert float to integer"));
    }
    #[allow(clippy::cast_possible_truncation)]
    Ok(Value::Int(f.trunc() as i64))
}

fn ca_bool(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let value = used(vm, &me, "bool", None)?;
    Ok(Value::Bool(vm.truthy(&value)?))
}

fn ca_len(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let value = used(vm, &me, "len", None)?;
    let n = vm.iterate(&value)?.len();
    Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
}

fn ca_iter(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let value = used(vm, &me, "iter", None)?;
    Ok(Value::list(vm.iterate(&value)?))
}

fn ca_contains(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let item = operand_of(&args);
    let value = used(vm, &me, "contains", Some(&item))?;
    Ok(Value::Bool(vm.contains(&value, &item)?))
}

/// docassemble's guess of the type wanted, from the last use.
fn data_type_guess(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let context = match super::get(&me, "context") {
        Some(Value::Str(s)) => s,
        _ => return Ok(Value::from_str("str")),
    };
    let guess = match &*context {
        "bool" => "bool",
        "hex" | "rlshift" | "rrshift" | "rand" | "ror" | "int" | "oct" => "int",
        "neg" | "pos" | "abs" | "invert" | "float" => "float",
        "complex" => "complex",
        "callable" => "callable",
        "add" | "radd" | "sub" | "rsub" | "mul" | "rmul" | "div" | "rdiv" | "truediv" | "rtruediv" | "floordiv" | "rfloordiv" | "mod"
        | "rmod" | "divmod" | "rdivmod" | "pow" | "rpow" | "lt" | "eq" | "gt" | "ne" | "ge" | "le" => {
            match super::get(&me, "operand") {
                Some(Value::Bool(_)) => "bool",
                Some(Value::Float(_)) => "float",
                Some(Value::Int(_)) => "int",
                _ => "str",
            }
        }
        _ => "str",
    };
    Ok(Value::from_str(guess))
}

/// Adds the methods of `DACatchAll` (the class exists already).
pub(crate) fn register(m: &HashMap<&'static str, Rc<Class>>) {
    let Some(c) = m.get("DACatchAll") else { return };
    let methods: [(&str, NativeFn); 37] = [
        ("__str__", ca_str),
        ("__repr__", ca_repr),
        ("__float__", ca_float),
        ("__int__", ca_int),
        ("__index__", ca_int),
        ("__bool__", ca_bool),
        ("__len__", ca_len),
        ("__iter__", ca_iter),
        ("__contains__", ca_contains),
        ("__eq__", ca_eq),
        ("__ne__", ca_ne),
        ("__lt__", ca_lt),
        ("__le__", ca_le),
        ("__gt__", ca_gt),
        ("__ge__", ca_ge),
        ("__add__", ca_add),
        ("__radd__", ca_radd),
        ("__sub__", ca_sub),
        ("__rsub__", ca_rsub),
        ("__mul__", ca_mul),
        ("__rmul__", ca_rmul),
        ("__truediv__", ca_truediv),
        ("__rtruediv__", ca_rtruediv),
        ("__floordiv__", ca_floordiv),
        ("__rfloordiv__", ca_rfloordiv),
        ("__mod__", ca_mod),
        ("__rmod__", ca_rmod),
        ("__pow__", ca_pow),
        ("__rpow__", ca_rpow),
        ("__and__", ca_and),
        ("__rand__", ca_rand),
        ("__or__", ca_or),
        ("__ror__", ca_ror),
        ("__xor__", ca_xor),
        ("__lshift__", ca_lshift),
        ("__rshift__", ca_rshift),
        ("data_type_guess", data_type_guess),
    ];
    for (n, f) in methods {
        c.set_attr(n, Value::native(n, f));
    }
}
