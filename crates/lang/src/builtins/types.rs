//! The builtin types as callables: `int`, `float`, `str`, `bool`, `list`, `tuple`, `set`,
//! `dict`, `range`, `type`, and the number parsing they share.

use super::*;

/// Parses a Python int literal string (`int(s, base)`).
pub(crate) fn parse_int(s: &str, base: u32) -> Option<i64> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (base, t) = if base == 0 || base == 16 || base == 8 || base == 2 {
        let lower = t.to_ascii_lowercase();
        if (base == 0 || base == 16) && lower.starts_with("0x") {
            (16, &t[2..])
        } else if (base == 0 || base == 8) && lower.starts_with("0o") {
            (8, &t[2..])
        } else if (base == 0 || base == 2) && lower.starts_with("0b") {
            (2, &t[2..])
        } else if base == 0 {
            if t.len() > 1 && t.starts_with('0') && t.chars().any(|c| c != '0' && c != '_') {
                return None;
            }
            (10, t)
        } else {
            (base, t)
        }
    } else {
        (base, t)
    };
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let digits: String = t.chars().filter(|c| *c != '_').collect();
    if digits.starts_with('+') || digits.starts_with('-') {
        return None;
    }
    let v = i128::from_str_radix(&digits, base).ok()?;
    let v = if neg { -v } else { v };
    i64::try_from(v).ok()
}

pub(super) fn b_int(_vm: &mut Vm, args: Args) -> R<Value> {
    if args.positional.is_empty() && args.keyword.is_empty() {
        return Ok(Value::Int(0));
    }
    let mut args = args;
    let base_kw = args.take_kw("base");
    no_kwargs(&args, "int")?;
    nargs(&args, 1, 2, "int")?;
    let base = match args.positional.get(1).or(base_kw.as_ref()) {
        Some(b) => Some(int_arg(b, "")?),
        None => None,
    };
    let v = &args.positional[0];
    if let Some(b) = base {
        if !(b == 0 || (2..=36).contains(&b)) {
            return Err(Error::exception(
                "ValueError",
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        return match v {
            Value::Str(s) => parse_int(s, b as u32).map(Value::Int).ok_or_else(|| {
                Error::exception(
                    "ValueError",
                    format!("invalid literal for int() with base {b}: {}", v.repr()),
                )
            }),
            _ => Err(Error::exception(
                "TypeError",
                "int() can't convert non-string with explicit base",
            )),
        };
    }
    match v {
        Value::Int(i) => Ok(Value::Int(*i)),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => float_to_int(*f),
        Value::Str(s) => {
            if let Some(i) = parse_int(s, 10) {
                return Ok(Value::Int(i));
            }
            let t = s.trim();
            if !t.is_empty()
                && t.trim_start_matches(['-', '+'])
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '_')
            {
                return Err(crate::interp::overflow());
            }
            Err(Error::exception(
                "ValueError",
                format!("invalid literal for int() with base 10: {}", v.repr()),
            ))
        }
        other => Err(Error::exception(
            "TypeError",
            format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                other.class_name()
            ),
        )),
    }
}

/// `int(f)` for a float.
pub(crate) fn float_to_int(f: f64) -> R<Value> {
    if f.is_nan() {
        return Err(Error::exception(
            "ValueError",
            "cannot convert float NaN to integer",
        ));
    }
    if f.is_infinite() {
        return Err(Error::exception(
            "OverflowError",
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    // 2**63 as f64; every float in [-2**63, 2**63) converts exactly.
    if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&t) {
        return Err(crate::interp::overflow());
    }
    Ok(Value::Int(t as i64))
}

/// Parses a float the way `float(str)` does.
pub(crate) fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        if lower.len() - body.len() > 1 {
            return None;
        }
        return Some(if neg { -v } else { v });
    }
    if t.is_empty() || t.contains("__") || t.starts_with('_') || t.ends_with('_') {
        return None;
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_'))
    {
        return None;
    }
    let cleaned: String = t.chars().filter(|c| *c != '_').collect();
    cleaned.parse::<f64>().ok()
}

pub(super) fn b_float(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "float")?;
    nargs(&args, 0, 1, "float")?;
    let Some(v) = args.positional.first() else {
        return Ok(Value::Float(0.0));
    };
    match v {
        Value::Float(f) => Ok(Value::Float(*f)),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::Str(s) => parse_float(s).map(Value::Float).ok_or_else(|| {
            Error::exception(
                "ValueError",
                format!("could not convert string to float: {}", v.repr()),
            )
        }),
        other => Err(Error::exception(
            "TypeError",
            format!(
                "float() argument must be a string or a real number, not '{}'",
                other.class_name()
            ),
        )),
    }
}

pub(super) fn b_str(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "str")?;
    nargs(&args, 0, 1, "str")?;
    match args.positional.first() {
        None => Ok(Value::from_str("")),
        Some(v @ Value::Str(_)) => Ok(v.clone()),
        Some(v) => {
            let s = vm.str_of(v)?;
            Ok(Value::Str(Rc::from(s)))
        }
    }
}

pub(super) fn b_bool(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "bool")?;
    nargs(&args, 0, 1, "bool")?;
    match args.positional.first() {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

pub(super) fn b_list(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "list")?;
    nargs(&args, 0, 1, "list")?;
    match args.positional.first() {
        None => Ok(Value::list(vec![])),
        Some(v) => {
            let items = vm.iterate(v)?;
            vm.new_items(items.len())?;
            Ok(Value::list(items))
        }
    }
}

pub(super) fn b_tuple(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "tuple")?;
    nargs(&args, 0, 1, "tuple")?;
    match args.positional.first() {
        None => Ok(Value::tuple(vec![])),
        Some(v @ Value::Tuple(_)) => Ok(v.clone()),
        Some(v) => {
            let items = vm.iterate(v)?;
            vm.new_items(items.len())?;
            Ok(Value::tuple(items))
        }
    }
}

pub(super) fn b_set(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "set")?;
    nargs(&args, 0, 1, "set")?;
    let mut d = Dict::default();
    if let Some(v) = args.positional.first() {
        for item in vm.iterate(v)? {
            let k = vm.key_of(&item)?;
            d.insert(k, Value::None);
        }
    }
    vm.new_items(d.len())?;
    Ok(Value::set(d))
}

/// Builds a dict from `dict(...)` arguments.
pub(super) fn b_dict(vm: &mut Vm, args: Args) -> R<Value> {
    nargs(&args, 0, 1, "dict")?;
    let mut d = Dict::default();
    if let Some(v) = args.positional.first() {
        match v {
            Value::Dict(src) => d = src.borrow().clone(),
            other => {
                for (i, item) in vm.iterate(other)?.into_iter().enumerate() {
                    let pair = vm.iterate(&item).map_err(|_| {
                        Error::exception(
                            "TypeError",
                            format!("cannot convert dictionary update sequence element #{i} to a sequence"),
                        )
                    })?;
                    if pair.len() != 2 {
                        return Err(Error::exception(
                            "ValueError",
                            format!(
                                "dictionary update sequence element #{i} has length {}; 2 is required",
                                pair.len()
                            ),
                        ));
                    }
                    let mut p = pair.into_iter();
                    let (k, v) = (
                        p.next().unwrap_or(Value::None),
                        p.next().unwrap_or(Value::None),
                    );
                    let key = vm.key_of(&k)?;
                    d.insert(key, v);
                }
            }
        }
    }
    for (k, v) in args.keyword {
        d.insert(Key::Str(k), v);
    }
    vm.new_items(d.len())?;
    Ok(Value::dict(d))
}

pub(super) fn b_range(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "range")?;
    nargs(&args, 1, 3, "range")?;
    let p: Vec<i64> = args
        .positional
        .iter()
        .map(|v| int_arg(v, ""))
        .collect::<R<_>>()?;
    let (a, b, s) = match p.len() {
        1 => (0, p[0], 1),
        2 => (p[0], p[1], 1),
        _ => (p[0], p[1], p[2]),
    };
    if s == 0 {
        return Err(Error::exception(
            "ValueError",
            "range() arg 3 must not be zero",
        ));
    }
    Ok(Value::Range(a, b, s))
}

pub(super) fn b_type(_vm: &mut Vm, args: Args) -> R<Value> {
    if args.positional.len() != 1 {
        return Err(Error::Forbidden("type() with 3 arguments".into()));
    }
    Ok(Value::Class(type_of(&args.positional[0])))
}
