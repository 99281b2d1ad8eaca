//! Operators: arithmetic, comparison, ordering, containment and sequence repetition.

use super::*;

impl<'a> Vm<'a> {
    pub(super) fn unary(&mut self, op: UnOp, v: Value) -> R<Value> {
        match op {
            UnOp::Not => Ok(Value::Bool(!self.truthy(&v)?)),
            UnOp::Neg => match v {
                Value::Int(i) => i.checked_neg().map(Value::Int).ok_or_else(overflow),
                Value::Bool(b) => Ok(Value::Int(-(b as i64))),
                Value::Float(f) => Ok(Value::Float(-f)),
                other => self.unary_dunder(other, "__neg__", "-"),
            },
            UnOp::Pos => match v {
                Value::Int(_) | Value::Float(_) => Ok(v),
                Value::Bool(b) => Ok(Value::Int(b as i64)),
                other => self.unary_dunder(other, "__pos__", "+"),
            },
            UnOp::Invert => match v {
                Value::Int(i) => Ok(Value::Int(!i)),
                Value::Bool(b) => Ok(Value::Int(!(b as i64))),
                other => self.unary_dunder(other, "__invert__", "~"),
            },
        }
    }

    pub(super) fn unary_dunder(&mut self, v: Value, dunder: &str, sym: &str) -> R<Value> {
        if let Some(m) = self.special_method(&v, dunder) {
            return self.call(&m, Args::default());
        }
        if let Some(r) = crate::methods::temporal_binop(sym, &v, &Value::None) {
            return r;
        }
        Err(Error::exception(
            "TypeError",
            format!("bad operand type for unary {sym}: '{}'", v.class_name()),
        ))
    }

    /// A binary operator.
    pub fn binop(&mut self, op: BinOp, a: &Value, b: &Value) -> R<Value> {
        use Value::*;
        // Fast path: ints.
        if let (Int(x), Int(y)) = (a, b) {
            return int_op(op, *x, *y);
        }
        if let (Some(x), Some(y)) = (a.as_num(), b.as_num()) {
            return match (x, y) {
                (Num::I(x), Num::I(y)) => match op {
                    BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor
                        if matches!((a, b), (Bool(_), Bool(_))) =>
                    {
                        let r = int_op(op, x, y)?;
                        Ok(Bool(r.truthy()))
                    }
                    _ => int_op(op, x, y),
                },
                _ => float_op(op, x.f(), y.f(), a, b),
            };
        }
        match (op, a, b) {
            (BinOp::Add, Str(x), Str(y)) => {
                self.new_str(x.len() + y.len())?;
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                return Ok(Str(Rc::from(s)));
            }
            (BinOp::Add, List(x), List(y)) => {
                let n = x.borrow().len() + y.borrow().len();
                self.new_items(n)?;
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                return Ok(Value::list(v));
            }
            (BinOp::Add, Tuple(x), Tuple(y)) => {
                self.new_items(x.len() + y.len())?;
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                return Ok(Value::tuple(v));
            }
            (BinOp::Mul, Str(_) | List(_) | Tuple(_), Int(_) | Bool(_)) => {
                return self.repeat(a, b)
            }
            (BinOp::Mul, Int(_) | Bool(_), Str(_) | List(_) | Tuple(_)) => {
                return self.repeat(b, a)
            }
            (BinOp::Mod, Str(fmt), _) => {
                let s = crate::format::percent_format(self, fmt, b)?;
                self.new_str(s.len())?;
                return Ok(Value::from_str(&s));
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Set(x), Set(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                let d = set_op(op, &x, &y);
                drop((x, y));
                self.new_items(d.len())?;
                return Ok(Value::set(d));
            }
            (BinOp::BitOr, Dict(x), Dict(y)) => {
                let mut d = x.borrow().clone();
                for (k, v) in y.borrow().iter() {
                    d.insert(k.clone(), v.clone());
                }
                self.new_items(d.len())?;
                return Ok(Value::dict(d));
            }
            _ => {}
        }
        if is_temporal(a) || is_temporal(b) {
            if let Some(r) = crate::methods::temporal_binop(op.symbol(), a, b) {
                return r;
            }
        }
        if let Object(_) = a {
            if let Some(m) = self.special_method(a, dunder(op, false)) {
                return self.call(&m, Args::new(vec![b.clone()]));
            }
        }
        if let Object(_) = b {
            if let Some(m) = self.special_method(b, dunder(op, true)) {
                return self.call(&m, Args::new(vec![a.clone()]));
            }
        }
        Err(binop_type_error(op, a, b))
    }

    pub(super) fn repeat(&mut self, seq: &Value, n: &Value) -> R<Value> {
        let n = match n {
            Value::Int(i) => (*i).max(0) as u64,
            Value::Bool(b) => *b as u64,
            _ => 0,
        };
        match seq {
            Value::Str(s) => {
                let total = (s.len() as u64).saturating_mul(n);
                self.new_str(usize::try_from(total).unwrap_or(usize::MAX))?;
                Ok(Value::from_str(&s.repeat(n as usize)))
            }
            Value::List(l) => {
                let len = l.borrow().len() as u64;
                let total = len.saturating_mul(n);
                self.new_items(usize::try_from(total).unwrap_or(usize::MAX))?;
                let items = l.borrow();
                let mut out = Vec::with_capacity(total as usize);
                for _ in 0..n {
                    out.extend(items.iter().cloned());
                }
                Ok(Value::list(out))
            }
            Value::Tuple(t) => {
                let total = (t.len() as u64).saturating_mul(n);
                self.new_items(usize::try_from(total).unwrap_or(usize::MAX))?;
                let mut out = Vec::with_capacity(total as usize);
                for _ in 0..n {
                    out.extend(t.iter().cloned());
                }
                Ok(Value::tuple(out))
            }
            _ => Ok(Value::None),
        }
    }

    /// Python `==` (calls `__eq__` of objects).
    pub fn eq(&mut self, a: &Value, b: &Value) -> R<bool> {
        if let Value::Object(_) = a {
            if let Some(m) = self.special_method(a, "__eq__") {
                let r = self.call(&m, Args::new(vec![b.clone()]))?;
                return Ok(r.truthy());
            }
        }
        if let Value::Object(_) = b {
            if let Some(m) = self.special_method(b, "__eq__") {
                let r = self.call(&m, Args::new(vec![a.clone()]))?;
                return Ok(r.truthy());
            }
        }
        if (is_temporal(a) || is_temporal(b)) && !matches!((a, b), (Value::Date(_), Value::Date(_)))
        {
            if let Some(r) = crate::methods::temporal_binop("==", a, b) {
                return Ok(r?.truthy());
            }
        }
        crate::value::take_nest_overflow();
        let r = match a {
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) => self.walk(|| a.py_eq(b))?,
            _ => a.py_eq(b),
        };
        if crate::value::take_nest_overflow() {
            return Err(recursion_error("in comparison"));
        }
        Ok(r)
    }

    /// Python `<`.
    pub fn lt(&mut self, a: &Value, b: &Value) -> R<bool> {
        Ok(self.order(a, b, "<")? == Some(std::cmp::Ordering::Less))
    }

    /// Ordering of two values (`None` when unordered, e.g. NaN); TypeError when not comparable.
    pub fn order(&mut self, a: &Value, b: &Value, sym: &str) -> R<Option<std::cmp::Ordering>> {
        use std::cmp::Ordering;
        use Value::*;
        match (a, b) {
            (Int(x), Int(y)) => return Ok(Some(x.cmp(y))),
            (Str(x), Str(y)) => return Ok(Some(x.cmp(y))),
            _ => {}
        }
        if let (Some(x), Some(y)) = (a.as_num(), b.as_num()) {
            return Ok(match (x, y) {
                (Num::I(x), Num::I(y)) => Some(x.cmp(&y)),
                (Num::I(x), Num::F(y)) => cmp_int_float(x, y),
                (Num::F(x), Num::I(y)) => cmp_int_float(y, x).map(Ordering::reverse),
                (Num::F(x), Num::F(y)) => x.partial_cmp(&y),
            });
        }
        match (a, b) {
            (List(x), List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                return self.order_seq(&x, &y, sym);
            }
            (Tuple(x), Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                return self.order_seq(&x, &y, sym);
            }
            (Date(x), Date(y)) => return Ok(Some(x.cmp(y))),
            (DateTime(x), DateTime(y)) => return Ok(Some(x.cmp(y))),
            (Time(x), Time(y)) => return Ok(Some(x.cmp(y))),
            (Set(x), Set(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                let sub = x.keys().all(|k| y.contains_key(k));
                let sup = y.keys().all(|k| x.contains_key(k));
                return Ok(match (sub, sup) {
                    (true, true) => Some(Ordering::Equal),
                    (true, false) => Some(Ordering::Less),
                    (false, true) => Some(Ordering::Greater),
                    _ => Option::None,
                });
            }
            _ => {}
        }
        if is_temporal(a) || is_temporal(b) {
            if let Some(r) = crate::methods::temporal_binop("<", a, b) {
                if r?.truthy() {
                    return Ok(Some(Ordering::Less));
                }
                return Ok(Some(if self.eq(a, b)? {
                    Ordering::Equal
                } else {
                    Ordering::Greater
                }));
            }
        }
        if let Object(_) = a {
            if let Some(m) = self.special_method(a, "__lt__") {
                if self.call(&m, Args::new(vec![b.clone()]))?.truthy() {
                    return Ok(Some(Ordering::Less));
                }
                return Ok(Some(if self.eq(a, b)? {
                    Ordering::Equal
                } else {
                    Ordering::Greater
                }));
            }
        }
        if let Object(_) = b {
            if let Some(m) = self.special_method(b, "__lt__") {
                if self.call(&m, Args::new(vec![a.clone()]))?.truthy() {
                    return Ok(Some(Ordering::Greater));
                }
                return Ok(Some(if self.eq(a, b)? {
                    Ordering::Equal
                } else {
                    Ordering::Less
                }));
            }
        }
        Err(Error::exception(
            "TypeError",
            format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                a.class_name(),
                b.class_name()
            ),
        ))
    }

    pub(super) fn order_seq(&mut self, x: &[Value], y: &[Value], sym: &str) -> R<Option<std::cmp::Ordering>> {
        self.enter()?;
        let r = self.order_seq_inner(x, y, sym);
        self.depth -= 1;
        r
    }

    pub(super) fn order_seq_inner(
        &mut self,
        x: &[Value],
        y: &[Value],
        sym: &str,
    ) -> R<Option<std::cmp::Ordering>> {
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq(p, q)? {
                return self.order(p, q, sym);
            }
        }
        Ok(Some(x.len().cmp(&y.len())))
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> R<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(x) => {
                    self.charge_bytes(s.len())?;
                    Ok(s.contains(&**x))
                }
                other => Err(Error::exception(
                    "TypeError",
                    format!(
                        "'in <string>' requires string as left operand, not {}",
                        other.class_name()
                    ),
                )),
            },
            Value::List(l) => {
                let items = l.borrow().clone();
                self.charge(items.len())?;
                for v in &items {
                    if self.eq(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                self.charge(t.len())?;
                for v in t.iter() {
                    if self.eq(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) | Value::Set(d) => {
                let k = self.key_of(item)?;
                Ok(d.borrow().contains_key(&k))
            }
            Value::Range(a, b, s) => Ok(match item.as_num() {
                Some(Num::I(i)) => {
                    let n = crate::value::range_len(*a, *b, *s);
                    n > 0
                        && ((*s > 0 && i >= *a && i < *b) || (*s < 0 && i <= *a && i > *b))
                        && (i as i128 - *a as i128) % *s as i128 == 0
                }
                _ => false,
            }),
            // Consumes an iterator only up to the first match, as CPython does.
            Value::Iter(st) => {
                while let Some(v) = self.iter_next(st)? {
                    if self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Object(_) => {
                if let Some(m) = self.special_method(container, "__contains__") {
                    return Ok(self.call(&m, Args::new(vec![item.clone()]))?.truthy());
                }
                let items = self.iterate(container)?;
                for v in &items {
                    if self.eq(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            other => {
                let items = self.iterate(other).map_err(|_| {
                    Error::exception(
                        "TypeError",
                        format!("argument of type '{}' is not iterable", other.class_name()),
                    )
                })?;
                for v in &items {
                    if self.eq(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    pub(super) fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> R<bool> {
        use std::cmp::Ordering::*;
        Ok(match op {
            CmpOp::Eq => self.eq(a, b)?,
            CmpOp::Ne => !self.eq(a, b)?,
            CmpOp::Lt => self.order(a, b, "<")? == Some(Less),
            CmpOp::Le => matches!(self.order(a, b, "<=")?, Some(Less | Equal)),
            CmpOp::Gt => self.order(a, b, ">")? == Some(Greater),
            CmpOp::Ge => matches!(self.order(a, b, ">=")?, Some(Greater | Equal)),
            CmpOp::Is => is(a, b),
            CmpOp::IsNot => !is(a, b),
            CmpOp::In => self.contains(b, a)?,
            CmpOp::NotIn => !self.contains(b, a)?,
        })
    }
}

pub(super) fn is_temporal(v: &Value) -> bool {
    match v {
        Value::Date(_) | Value::DateTime(_) | Value::Time(_) => true,
        Value::Object(o) => &*o.borrow().class.name == "timedelta",
        _ => false,
    }
}

pub(super) fn dunder(op: BinOp, reflected: bool) -> &'static str {
    match (op, reflected) {
        (BinOp::Add, false) => "__add__",
        (BinOp::Add, true) => "__radd__",
        (BinOp::Sub, false) => "__sub__",
        (BinOp::Sub, true) => "__rsub__",
        (BinOp::Mul, false) => "__mul__",
        (BinOp::Mul, true) => "__rmul__",
        (BinOp::Div, false) => "__truediv__",
        (BinOp::Div, true) => "__rtruediv__",
        (BinOp::FloorDiv, false) => "__floordiv__",
        (BinOp::FloorDiv, true) => "__rfloordiv__",
        (BinOp::Mod, false) => "__mod__",
        (BinOp::Mod, true) => "__rmod__",
        (BinOp::Pow, false) => "__pow__",
        (BinOp::Pow, true) => "__rpow__",
        (BinOp::BitOr, false) => "__or__",
        (BinOp::BitOr, true) => "__ror__",
        (BinOp::BitAnd, false) => "__and__",
        (BinOp::BitAnd, true) => "__rand__",
        (BinOp::BitXor, false) => "__xor__",
        (BinOp::BitXor, true) => "__rxor__",
        (BinOp::LShift, _) => "__lshift__",
        (BinOp::RShift, _) => "__rshift__",
        (BinOp::MatMul, _) => "__matmul__",
    }
}

pub(super) fn cmp_int_float(x: i64, y: f64) -> Option<std::cmp::Ordering> {
    if y.is_nan() {
        return None;
    }
    if y >= 9.3e18 {
        return Some(std::cmp::Ordering::Less);
    }
    if y <= -9.3e18 {
        return Some(std::cmp::Ordering::Greater);
    }
    let fl = y.floor();
    let yi = fl as i64;
    match x.cmp(&yi) {
        std::cmp::Ordering::Equal => {
            if y > fl {
                Some(std::cmp::Ordering::Less)
            } else {
                Some(std::cmp::Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

pub(super) fn is(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (None, None) => true,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Int(y)) => x == y,
        (Float(x), Float(y)) => x.to_bits() == y.to_bits(),
        (Str(x), Str(y)) => Rc::ptr_eq(x, y) || (x.len() <= 1 && x == y),
        (Date(x), Date(y)) => x == y,
        (Range(..), Range(..)) => false,
        _ => {
            let (x, y) = (a.identity(), b.identity());
            x != 0 && x == y
        }
    }
}

pub(super) fn recursion_error(what: &str) -> Error {
    Error::exception(
        "RecursionError",
        format!("maximum recursion depth exceeded {what}"),
    )
}

pub(crate) fn overflow() -> Error {
    Error::exception("OverflowError", "integer overflow")
}

pub(super) fn int_op(op: BinOp, x: i64, y: i64) -> R<Value> {
    let v = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Div => {
            if y == 0 {
                return Err(Error::exception("ZeroDivisionError", "division by zero"));
            }
            return Ok(Value::Float(x as f64 / y as f64));
        }
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(Error::exception(
                    "ZeroDivisionError",
                    "integer division or modulo by zero",
                ));
            }
            x.checked_div_euclid(y).map(|_| floor_div(x, y))
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(Error::exception(
                    "ZeroDivisionError",
                    "integer modulo by zero",
                ));
            }
            if y == -1 {
                Some(0)
            } else {
                Some(py_mod(x, y))
            }
        }
        BinOp::Pow => {
            if y < 0 {
                if x == 0 {
                    return Err(Error::exception(
                        "ZeroDivisionError",
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                return Ok(Value::Float((x as f64).powf(y as f64)));
            }
            u32::try_from(y)
                .ok()
                .and_then(|e| x.checked_pow(e))
                .or(match x {
                    0 | 1 => Some(x),
                    -1 => Some(if y % 2 == 0 { 1 } else { -1 }),
                    _ => None,
                })
        }
        BinOp::LShift => {
            if y < 0 {
                return Err(Error::exception("ValueError", "negative shift count"));
            }
            if x == 0 {
                Some(0)
            } else if y >= 64 {
                None
            } else {
                let r = x.checked_shl(y as u32);
                r.filter(|r| r >> y == x)
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(Error::exception("ValueError", "negative shift count"));
            }
            Some(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            })
        }
        BinOp::BitOr => Some(x | y),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitXor => Some(x ^ y),
        BinOp::MatMul => {
            return Err(Error::exception(
                "TypeError",
                "unsupported operand type(s) for @: 'int' and 'int'",
            ))
        }
    };
    v.map(Value::Int).ok_or_else(overflow)
}

pub(super) fn floor_div(x: i64, y: i64) -> i64 {
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

pub(super) fn py_mod(x: i64, y: i64) -> i64 {
    let r = x % y;
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

pub(super) fn float_op(op: BinOp, x: f64, y: f64, a: &Value, b: &Value) -> R<Value> {
    let v = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Err(Error::exception(
                    "ZeroDivisionError",
                    "float division by zero",
                ));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(Error::exception(
                    "ZeroDivisionError",
                    "float floor division by zero",
                ));
            }
            (x / y).floor()
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(Error::exception("ZeroDivisionError", "float modulo"));
            }
            let r = x % y;
            if r != 0.0 && ((r < 0.0) != (y < 0.0)) {
                r + y
            } else if r == 0.0 {
                0.0f64.copysign(y)
            } else {
                r
            }
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(Error::exception(
                    "ZeroDivisionError",
                    "0.0 cannot be raised to a negative power",
                ));
            }
            if x < 0.0 && y.fract() != 0.0 {
                return Err(Error::exception(
                    "ValueError",
                    "math domain error (complex result)",
                ));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(Error::exception(
                    "OverflowError",
                    "(34, 'Numerical result out of range')",
                ));
            }
            r
        }
        _ => {
            return Err(Error::exception(
                "TypeError",
                format!(
                    "unsupported operand type(s) for {}: '{}' and '{}'",
                    op.symbol(),
                    a.class_name(),
                    b.class_name()
                ),
            ))
        }
    };
    Ok(Value::Float(v))
}

/// The TypeError for an operator its operands do not support.
fn binop_type_error(op: BinOp, a: &Value, b: &Value) -> Error {
    use Value::*;
    if let (BinOp::Add, Str(_)) = (op, a) {
        return Error::exception(
            "TypeError",
            format!(
                "can only concatenate str (not \"{}\") to str",
                b.class_name()
            ),
        );
    }
    if let (BinOp::Add, List(_)) = (op, a) {
        return Error::exception(
            "TypeError",
            format!(
                "can only concatenate list (not \"{}\") to list",
                b.class_name()
            ),
        );
    }
    if let (BinOp::Add, Tuple(_)) = (op, a) {
        return Error::exception(
            "TypeError",
            format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                b.class_name()
            ),
        );
    }
    if matches!(op, BinOp::Mul) && matches!(a, Str(_) | List(_) | Tuple(_)) {
        return Error::exception(
            "TypeError",
            format!(
                "can't multiply sequence by non-int of type '{}'",
                b.class_name()
            ),
        );
    }
    let sym = if op == BinOp::Pow {
        "** or pow()"
    } else {
        op.symbol()
    };
    Error::exception(
        "TypeError",
        format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            a.class_name(),
            b.class_name()
        ),
    )
}

/// `|`, `&`, `-` or `^` of two sets (`op` is one of those).
fn set_op(op: BinOp, x: &crate::value::Dict, y: &crate::value::Dict) -> crate::value::Dict {
    let pair = |(k, v): (&Key, &Value)| (k.clone(), v.clone());
    match op {
        BinOp::BitOr => x.iter().chain(y.iter()).map(pair).collect(),
        BinOp::BitAnd => x.iter().filter(|(k, _)| y.contains_key(*k)).map(pair).collect(),
        BinOp::Sub => x.iter().filter(|(k, _)| !y.contains_key(*k)).map(pair).collect(),
        _ => x
            .iter()
            .filter(|(k, _)| !y.contains_key(*k))
            .chain(y.iter().filter(|(k, _)| !x.contains_key(*k)))
            .map(pair)
            .collect(),
    }
}
