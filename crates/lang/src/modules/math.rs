//! The `math` module.

use super::*;

pub(super) fn math_module() -> Value {
    let f = |name: &'static str, func: NativeFn| (name, native(name, func));
    module(
        "math",
        vec![
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
            f("floor", math_floor),
            f("ceil", math_ceil),
            f("trunc", math_trunc),
            f("sqrt", math_sqrt),
            f("pow", math_pow),
            f("exp", math_exp),
            f("log", math_log),
            f("log10", math_log10),
            f("log2", math_log2),
            f("fabs", math_fabs),
            f("isclose", math_isclose),
            f("fsum", math_fsum),
            f("gcd", math_gcd),
            f("lcm", math_lcm),
            f("factorial", math_factorial),
            f("isnan", math_isnan),
            f("isinf", math_isinf),
            f("isfinite", math_isfinite),
            f("sin", math_sin),
            f("cos", math_cos),
            f("tan", math_tan),
            f("asin", math_asin),
            f("acos", math_acos),
            f("atan", math_atan),
            f("atan2", math_atan2),
            f("hypot", math_hypot),
            f("degrees", math_degrees),
            f("radians", math_radians),
            f("copysign", math_copysign),
            f("modf", math_modf),
            f("prod", math_prod),
            f("comb", math_comb),
        ],
    )
}

pub(super) fn one_float(args: Args, fname: &str) -> Result<f64, Error> {
    let v = params(args, fname, &["x"], 1)?;
    arg(&v, 0).to_float()
}

pub(super) fn float_to_int(f: f64) -> R {
    if f.is_nan() {
        return Err(Error::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(exc(
            "OverflowError",
            "cannot convert float infinity to integer",
        ));
    }
    if f.abs() >= 9.223372036854776e18 {
        return Err(exc("OverflowError", "integer overflow"));
    }
    Ok(Value::Int(f as i64))
}

pub(super) fn rounding(args: Args, fname: &str, op: fn(f64) -> f64) -> R {
    let v = params(args, fname, &["x"], 1)?;
    match arg(&v, 0) {
        Value::Int(i) => Ok(Value::Int(i)),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        other => float_to_int(op(other.to_float()?)),
    }
}

pub(super) fn math_floor(_vm: &mut Vm<'_>, args: Args) -> R {
    rounding(args, "floor", f64::floor)
}
pub(super) fn math_ceil(_vm: &mut Vm<'_>, args: Args) -> R {
    rounding(args, "ceil", f64::ceil)
}
pub(super) fn math_trunc(_vm: &mut Vm<'_>, args: Args) -> R {
    rounding(args, "trunc", f64::trunc)
}

pub(super) fn domain() -> Error {
    Error::value_error("math domain error")
}

pub(super) fn checked(x: f64, inputs_finite: bool) -> R {
    if x.is_infinite() && inputs_finite {
        return Err(exc("OverflowError", "math range error"));
    }
    if x.is_nan() && inputs_finite {
        return Err(domain());
    }
    Ok(Value::Float(x))
}

pub(super) fn math_sqrt(_vm: &mut Vm<'_>, args: Args) -> R {
    let x = one_float(args, "sqrt")?;
    if x < 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.sqrt()))
}

pub(super) fn math_pow(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "pow", &["x", "y"], 2)?;
    let (x, y) = (arg(&v, 0).to_float()?, arg(&v, 1).to_float()?);
    if x == 0.0 && y < 0.0 {
        return Err(domain());
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(domain());
    }
    checked(x.powf(y), x.is_finite() && y.is_finite())
}

pub(super) fn math_exp(_vm: &mut Vm<'_>, args: Args) -> R {
    let x = one_float(args, "exp")?;
    checked(x.exp(), x.is_finite())
}

pub(super) fn ln_value(v: &Value) -> Result<f64, Error> {
    let x = v.to_float()?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(x.ln())
}

pub(super) fn math_log(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "log", &["x", "base"], 1)?;
    let num = ln_value(&arg(&v, 0))?;
    match v[1].as_ref() {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = ln_value(b)?;
            if den == 0.0 {
                return Err(exc("ZeroDivisionError", "float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

pub(super) fn math_log10(_vm: &mut Vm<'_>, args: Args) -> R {
    let x = one_float(args, "log10")?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.log10()))
}

pub(super) fn math_log2(_vm: &mut Vm<'_>, args: Args) -> R {
    let x = one_float(args, "log2")?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.log2()))
}

pub(super) fn math_fabs(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(Value::Float(one_float(args, "fabs")?.abs()))
}

macro_rules! math_unary {
    ($name:ident, $py:expr, |$x:ident| $body:expr, $domain:expr) => {
        fn $name(_vm: &mut Vm<'_>, args: Args) -> R {
            let $x = one_float(args, $py)?;
            if !($domain) {
                return Err(domain());
            }
            Ok(Value::Float($body))
        }
    };
}

math_unary!(math_sin, "sin", |x| x.sin(), x.is_finite());
math_unary!(math_cos, "cos", |x| x.cos(), x.is_finite());
math_unary!(math_tan, "tan", |x| x.tan(), x.is_finite());
math_unary!(math_asin, "asin", |x| x.asin(), (-1.0..=1.0).contains(&x));
math_unary!(math_acos, "acos", |x| x.acos(), (-1.0..=1.0).contains(&x));
math_unary!(math_atan, "atan", |x| x.atan(), !x.is_nan() || x.is_nan());
math_unary!(math_degrees, "degrees", |x| x.to_degrees(), true);
math_unary!(math_radians, "radians", |x| x.to_radians(), true);

pub(super) fn math_atan2(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "atan2", &["y", "x"], 2)?;
    Ok(Value::Float(
        arg(&v, 0).to_float()?.atan2(arg(&v, 1).to_float()?),
    ))
}

pub(super) fn math_copysign(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "copysign", &["x", "y"], 2)?;
    Ok(Value::Float(
        arg(&v, 0).to_float()?.copysign(arg(&v, 1).to_float()?),
    ))
}

pub(super) fn math_modf(_vm: &mut Vm<'_>, args: Args) -> R {
    let x = one_float(args, "modf")?;
    let t = x.trunc();
    Ok(Value::tuple(vec![Value::Float(x - t), Value::Float(t)]))
}

pub(super) fn math_hypot(_vm: &mut Vm<'_>, args: Args) -> R {
    let mut acc = 0.0f64;
    for v in &args.positional {
        acc = acc.hypot(v.to_float()?);
    }
    Ok(Value::Float(acc))
}

pub(super) fn math_isclose(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "isclose", &["a", "b", "rel_tol", "abs_tol"], 2)?;
    let (a, b) = (arg(&v, 0).to_float()?, arg(&v, 1).to_float()?);
    let rel = match &v[2] {
        Some(x) => x.to_float()?,
        None => 1e-9,
    };
    let abs = match &v[3] {
        Some(x) => x.to_float()?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(Error::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

/// `math.fsum`: exact summation (Shewchuk's algorithm, as CPython).
pub(super) fn math_fsum(vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "fsum", &["seq"], 1)?;
    let items = vm.iterate(&arg(&v, 0))?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for item in items {
        let mut x = item.to_float()?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        if inf_sum.is_nan() {
            return Err(Error::value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    if partials.iter().any(|p| p.is_infinite()) {
        return Err(exc("OverflowError", "intermediate overflow in fsum"));
    }
    let mut hi = 0.0;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

pub(super) fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a.min(i64::MAX as u64) as i64
}

pub(super) fn math_gcd(_vm: &mut Vm<'_>, args: Args) -> R {
    let mut acc = 0i64;
    for v in &args.positional {
        acc = gcd(acc, v.to_index()?);
    }
    Ok(Value::Int(acc))
}

pub(super) fn math_lcm(_vm: &mut Vm<'_>, args: Args) -> R {
    let mut acc = 1i64;
    for v in &args.positional {
        let x = v.to_index()?;
        if x == 0 || acc == 0 {
            acc = 0;
            continue;
        }
        acc = (acc / gcd(acc, x))
            .checked_mul(x)
            .map(i64::abs)
            .ok_or_else(|| exc("OverflowError", "integer overflow"))?;
    }
    Ok(Value::Int(acc))
}

pub(super) fn math_factorial(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "factorial", &["n"], 1)?;
    let n = arg(&v, 0).to_index()?;
    if n < 0 {
        return Err(Error::value_error("factorial() not defined for negative values"));
    }
    let mut acc: i64 = 1;
    for k in 2..=n {
        acc = acc
            .checked_mul(k)
            .ok_or_else(|| exc("OverflowError", "integer overflow"))?;
    }
    Ok(Value::Int(acc))
}

pub(super) fn math_comb(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "comb", &["n", "k"], 2)?;
    let (n, k) = (arg(&v, 0).to_index()?, arg(&v, 1).to_index()?);
    if n < 0 || k < 0 {
        return Err(Error::value_error("n must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.min(n - k);
    let mut acc: i128 = 1;
    for i in 0..k {
        acc = acc * i128::from(n - i) / i128::from(i + 1);
        if acc > i128::from(i64::MAX) {
            return Err(exc("OverflowError", "integer overflow"));
        }
    }
    Ok(Value::Int(acc as i64))
}

pub(super) fn math_prod(vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "prod", &["iterable", "start"], 1)?;
    let mut acc = v[1].clone().unwrap_or(Value::Int(1));
    for item in vm.iterate(&arg(&v, 0))? {
        acc = vm.binop(crate::ir::BinOp::Mul, &acc, &item)?;
    }
    Ok(acc)
}

pub(super) fn math_isnan(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(Value::Bool(one_float(args, "isnan")?.is_nan()))
}
pub(super) fn math_isinf(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(Value::Bool(one_float(args, "isinf")?.is_infinite()))
}
pub(super) fn math_isfinite(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(Value::Bool(one_float(args, "isfinite")?.is_finite()))
}
