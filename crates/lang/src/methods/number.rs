//! Methods and attributes of `int` and `float`.

use super::*;

pub(super) fn int_bit_length(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "int.bit_length", &[], 0, false)?;
    let i = recv.to_index()?;
    Ok(Value::Int(i64::from(64 - i.unsigned_abs().leading_zeros())))
}

pub(super) fn num_conjugate(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "conjugate", &[], 0, false)?;
    Ok(match recv {
        Value::Bool(b) => Value::Int(b as i64),
        other => other,
    })
}

pub(super) fn float_is_integer(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "float.is_integer", &[], 0, false)?;
    Ok(Value::Bool(
        matches!(recv, Value::Float(f) if f.is_finite() && f.fract() == 0.0),
    ))
}
