//! `print`, `len`, `repr`, `format` and the numeric reductions (`abs`, `round`, `min`, `max`,
//! `sum`, `any`, `all`).

use super::*;

pub(super) fn b_print(vm: &mut Vm, mut args: Args) -> R<Value> {
    let sep = match args.take_kw("sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(Error::exception(
                "TypeError",
                format!("sep must be None or a string, not {}", other.class_name()),
            ))
        }
    };
    let end = match args.take_kw("end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(Error::exception(
                "TypeError",
                format!("end must be None or a string, not {}", other.class_name()),
            ))
        }
    };
    args.take_kw("flush");
    if args.take_kw("file").is_some() {
        return Err(Error::Forbidden("print(file=...)".into()));
    }
    no_kwargs(&args, "print")?;
    let mut out = String::new();
    for (i, v) in args.positional.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_of(v)?);
        vm.check_len(out.len())?;
    }
    out.push_str(&end);
    vm.alloc(out.len())?;
    vm.print(&out);
    Ok(Value::None)
}

/// The number of items of a list, tuple, dict or set (0 for other values).
pub(crate) fn len_hint(v: &Value) -> usize {
    match v {
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) | Value::Set(d) => d.borrow().len(),
        _ => 0,
    }
}

/// `len(v)`.
pub fn len_of(vm: &mut Vm, v: &Value) -> R<i64> {
    Ok(match v {
        Value::Str(s) => {
            if s.is_ascii() {
                s.len() as i64
            } else {
                s.chars().count() as i64
            }
        }
        Value::List(l) => l.borrow().len() as i64,
        Value::Tuple(t) => t.len() as i64,
        Value::Dict(d) | Value::Set(d) => d.borrow().len() as i64,
        Value::Range(a, b, s) => {
            let (a, b, s) = (*a as i128, *b as i128, *s as i128);
            let n = if s > 0 && b > a {
                (b - a - 1) / s + 1
            } else if s < 0 && a > b {
                (a - b - 1) / -s + 1
            } else {
                0
            };
            i64::try_from(n).map_err(|_| {
                Error::exception(
                    "OverflowError",
                    "Python int too large to convert to C ssize_t",
                )
            })?
        }
        Value::Object(_) => match vm.special_method(v, "__len__") {
            Some(m) => match vm.call(&m, Args::default())? {
                Value::Int(i) => i,
                Value::Bool(b) => b as i64,
                other => {
                    return Err(Error::exception(
                        "TypeError",
                        format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.class_name()
                        ),
                    ))
                }
            },
            None => {
                return Err(Error::exception(
                    "TypeError",
                    format!("object of type '{}' has no len()", v.class_name()),
                ))
            }
        },
        other => {
            return Err(Error::exception(
                "TypeError",
                format!("object of type '{}' has no len()", other.class_name()),
            ))
        }
    })
}

pub(super) fn b_len(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "len")?;
    nargs(&args, 1, 1, "len")?;
    Ok(Value::Int(len_of(vm, &args.positional[0])?))
}

pub(super) fn b_repr(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "repr")?;
    nargs(&args, 1, 1, "repr")?;
    Ok(Value::Str(Rc::from(vm.repr_of(&args.positional[0])?)))
}

pub(super) fn b_format(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "format")?;
    nargs(&args, 1, 2, "format")?;
    let spec = match args.positional.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(Error::exception(
                "TypeError",
                format!(
                    "format() argument 2 must be str, not {}",
                    other.class_name()
                ),
            ))
        }
    };
    let s = crate::format::format_value(vm, &args.positional[0], &spec)?;
    Ok(Value::Str(Rc::from(s)))
}

pub(super) fn b_abs(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "abs")?;
    nargs(&args, 1, 1, "abs")?;
    match &args.positional[0] {
        Value::Int(i) => i
            .checked_abs()
            .map(Value::Int)
            .ok_or_else(crate::interp::overflow),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        other => match vm.special_method(other, "__abs__") {
            Some(m) => vm.call(&m, Args::default()),
            None => Err(Error::exception(
                "TypeError",
                format!("bad operand type for abs(): '{}'", other.class_name()),
            )),
        },
    }
}

/// Round half to even.
pub(super) fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (f - f.trunc()).abs() == 0.5 {
        2.0 * (f / 2.0).round()
    } else {
        r
    }
}

pub(super) fn b_round(_vm: &mut Vm, mut args: Args) -> R<Value> {
    let nd_kw = args.take_kw("ndigits");
    no_kwargs(&args, "round")?;
    nargs(&args, 1, 2, "round")?;
    let nd = match args.positional.get(1).or(nd_kw.as_ref()) {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(v, "")?),
    };
    match (&args.positional[0], nd) {
        (Value::Int(i), None) => Ok(Value::Int(*i)),
        (Value::Bool(b), None) => Ok(Value::Int(*b as i64)),
        (Value::Int(_) | Value::Bool(_), Some(n)) => {
            let i = int_arg(&args.positional[0], "")?;
            if n >= 0 {
                return Ok(Value::Int(i));
            }
            if n < -18 {
                return Ok(Value::Int(0));
            }
            let p = 10i64.pow((-n) as u32);
            let q = i.div_euclid(p);
            let r = i.rem_euclid(p);
            let twice = r as i128 * 2;
            let q = if twice > p as i128 || (twice == p as i128 && q % 2 != 0) {
                q + 1
            } else {
                q
            };
            q.checked_mul(p)
                .map(Value::Int)
                .ok_or_else(crate::interp::overflow)
        }
        (Value::Float(f), None) => float_to_int(round_half_even(*f)),
        (Value::Float(f), Some(n)) => {
            if !f.is_finite() {
                return Ok(Value::Float(*f));
            }
            if n > 300 {
                return Ok(Value::Float(*f));
            }
            if n >= 0 {
                let s = format!("{:.*}", n as usize, f);
                Ok(Value::Float(s.parse::<f64>().unwrap_or(*f)))
            } else {
                let p = 10f64.powi((-n) as i32);
                let r = round_half_even(f / p) * p;
                Ok(Value::Float(if r.is_finite() { r } else { 0.0 }))
            }
        }
        (other, _) => Err(Error::exception(
            "TypeError",
            format!(
                "type {} doesn't define __round__ method",
                other.class_name()
            ),
        )),
    }
}

pub(super) fn min_max(vm: &mut Vm, mut args: Args, want_max: bool) -> R<Value> {
    let fname = if want_max { "max" } else { "min" };
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let default = args.take_kw("default");
    no_kwargs(&args, fname)?;
    let items = match args.positional.len() {
        0 => {
            return Err(Error::exception(
                "TypeError",
                format!("{fname} expected at least 1 argument, got 0"),
            ))
        }
        1 => vm.iterate(&args.positional[0])?,
        _ => {
            if default.is_some() {
                return Err(Error::exception(
                    "TypeError",
                    format!(
                        "Cannot specify a default for {fname}() with multiple positional arguments"
                    ),
                ));
            }
            args.positional
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call(f, Args::new(vec![item.clone()]))?,
            None => item.clone(),
        };
        best = Some(match best {
            None => (k, item),
            Some((bk, bi)) => {
                let better = if want_max {
                    vm.lt(&bk, &k)?
                } else {
                    vm.lt(&k, &bk)?
                };
                if better {
                    (k, item)
                } else {
                    (bk, bi)
                }
            }
        });
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| {
            Error::exception("ValueError", format!("{fname}() arg is an empty sequence"))
        }),
    }
}

pub(super) fn b_min(vm: &mut Vm, args: Args) -> R<Value> {
    min_max(vm, args, false)
}

pub(super) fn b_max(vm: &mut Vm, args: Args) -> R<Value> {
    min_max(vm, args, true)
}

pub(super) fn b_sum(vm: &mut Vm, mut args: Args) -> R<Value> {
    let start_kw = args.take_kw("start");
    no_kwargs(&args, "sum")?;
    nargs(&args, 1, 2, "sum")?;
    let mut acc = args
        .positional
        .get(1)
        .cloned()
        .or(start_kw)
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(Error::exception(
            "TypeError",
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    // Sum floats with compensation like CPython (which uses exact partial sums).
    let items = vm.iterate(&args.positional[0])?;
    if items
        .iter()
        .all(|v| matches!(v, Value::Float(_) | Value::Int(_) | Value::Bool(_)))
        && items.iter().any(|v| matches!(v, Value::Float(_)))
        && matches!(acc, Value::Int(_) | Value::Float(_) | Value::Bool(_))
    {
        let mut vals: Vec<f64> = Vec::with_capacity(items.len() + 1);
        let mut int_part: i64 = 0;
        let mut int_only = true;
        for v in std::iter::once(&acc).chain(items.iter()) {
            match v.as_num() {
                Some(Num::I(i)) if int_only => match int_part.checked_add(i) {
                    Some(s) => int_part = s,
                    None => return Err(crate::interp::overflow()),
                },
                Some(n) => {
                    int_only = false;
                    vals.push(n.f())
                }
                None => {}
            }
        }
        vals.insert(0, int_part as f64);
        return Ok(Value::Float(fsum(&vals)));
    }
    for v in items {
        acc = vm.binop(crate::ir::BinOp::Add, &acc, &v)?;
    }
    Ok(acc)
}

/// Sums floats the way CPython's `sum` does for floats (compensated summation).
pub(super) fn fsum(vals: &[f64]) -> f64 {
    // CPython 3.12 uses Neumaier summation in sum(); earlier versions add left to right.
    let mut s = 0.0f64;
    for v in vals {
        s += v;
    }
    s
}

pub(super) fn b_any(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "any")?;
    nargs(&args, 1, 1, "any")?;
    if let Value::Iter(st) = &args.positional[0] {
        while let Some(v) = vm.iter_next(st)? {
            if vm.truthy(&v)? {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    for v in vm.iterate(&args.positional[0])? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub(super) fn b_all(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "all")?;
    nargs(&args, 1, 1, "all")?;
    if let Value::Iter(st) = &args.positional[0] {
        while let Some(v) = vm.iter_next(st)? {
            if !vm.truthy(&v)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    for v in vm.iterate(&args.positional[0])? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
