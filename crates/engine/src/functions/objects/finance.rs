//! docassemble's financial classes: `Value`, `PeriodicValue`, `FinancialList`,
//! `PeriodicFinancialList` (`Income`, `Expense`), `Asset`, and `OfficeList`/`Organization`.
//!
//! Amounts are kept as Python numbers (docassemble uses `Decimal`): a total that is a whole
//! number is an `int`, otherwise a `float`.

use std::collections::HashMap;
use std::rc::Rc;

use lang::value::{Dict, Key};
use lang::{Args, Class, Error, NativeFn, Value, Vm};

use super::{get, instance_name, need, self_obj, set, trigger_gather};

/// The classes defined here, parent first.
pub(crate) const CLASSES: [(&str, &str); 9] = [
    ("Value", "DAObject"),
    ("PeriodicValue", "Value"),
    ("FinancialList", "DADict"),
    ("PeriodicFinancialList", "FinancialList"),
    ("Income", "PeriodicFinancialList"),
    ("Asset", "FinancialList"),
    ("Expense", "PeriodicFinancialList"),
    ("OfficeList", "DAList"),
    ("Organization", "Person"),
];

/// Adds the financial classes' methods and item types (the classes themselves exist already).
pub(crate) fn register(m: &HashMap<&'static str, Rc<Class>>) {
    let set_methods = |class: &str, methods: &[(&str, NativeFn)]| {
        if let Some(c) = m.get(class) {
            for (n, f) in methods {
                c.set_attr(n, Value::native(n, *f));
            }
        }
    };
    set_methods(
        "Value",
        &[
            ("amount", value_amount),
            ("__str__", value_str),
            ("__float__", value_float),
            ("__int__", value_int),
            ("__lt__", value_lt),
            ("__le__", value_le),
            ("__gt__", value_gt),
            ("__ge__", value_ge),
            ("__eq__", value_eq),
            ("__ne__", value_ne),
        ],
    );
    set_methods("PeriodicValue", &[("amount", value_amount)]);
    set_methods("FinancialList", &[("total", fin_total), ("existing_items", fin_existing), ("__str__", fin_str)]);
    set_methods("PeriodicFinancialList", &[("total", fin_total)]);
    let item_type = |list: &str, item: &str| {
        if let (Some(c), Some(it)) = (m.get(list), m.get(item)) {
            let mut d = Dict::default();
            d.insert(Key::str("object_type"), Value::Class(it.clone()));
            c.set_attr("_using", Value::dict(d));
        }
    };
    item_type("FinancialList", "Value");
    item_type("PeriodicFinancialList", "PeriodicValue");
    item_type("OfficeList", "Address");
}

/// Whether `v`'s class is `name` or derives from it.
pub(crate) fn is_a(v: &Value, name: &str) -> bool {
    fn class_is(c: &Class, name: &str) -> bool {
        &*c.name == name || c.bases.iter().any(|b| class_is(b, name))
    }
    match v {
        Value::Object(o) => class_is(&o.borrow().class, name),
        _ => false,
    }
}

/// The number in a value (`int`, `float`, numeric text, or a `Value` object's amount).
pub(crate) fn number(vm: &mut Vm<'_>, v: &Value) -> Result<f64, Error> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        Value::Bool(b) => Ok(if *b { 1.0 } else { 0.0 }),
        Value::Str(s) => {
            let t: String = s.trim().chars().filter(|c| *c != ',' && *c != '$').collect();
            t.parse::<f64>().map_err(|_| Error::exception("ValueError", format!("could not convert string to number: {}", v.repr())))
        }
        Value::None => Err(Error::exception("TypeError", "a number is required, not 'NoneType'")),
        Value::Object(_) if is_a(v, "Value") => amount_of(vm, v, 1.0),
        Value::Object(_) => match vm.special_method(v, "__float__") {
            Some(m) => {
                let r = vm.call(&m, Args::new(Vec::new()))?;
                number(vm, &r)
            }
            None => Err(Error::exception("TypeError", format!("a number is required, not '{}'", v.class_name()))),
        },
        other => Err(Error::exception("TypeError", format!("a number is required, not '{}'", other.class_name()))),
    }
}

/// A number as docassemble's `Decimal` would print: whole numbers as `int`.
pub(crate) fn num_value(f: f64) -> Value {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        #[allow(clippy::cast_possible_truncation)]
        Value::Int(f as i64)
    } else {
        Value::Float(f)
    }
}

/// `value.amount(period_to_use=1)`: 0 when it does not exist; a periodic value is
/// `value * period / period_to_use`.
fn amount_of(vm: &mut Vm<'_>, me: &Value, period_to_use: f64) -> Result<f64, Error> {
    let exists = need(vm, me, "exists")?;
    if !vm.truthy(&exists)? {
        return Ok(0.0);
    }
    let v = need(vm, me, "value")?;
    let v = number(vm, &v)?;
    if is_a(me, "PeriodicValue") {
        let p = need(vm, me, "period")?;
        let p = number(vm, &p)?;
        if period_to_use == 0.0 {
            return Err(Error::exception("ZeroDivisionError", "division by zero"));
        }
        return Ok(v * p / period_to_use);
    }
    Ok(v)
}

fn period_arg(vm: &mut Vm<'_>, args: &mut Args) -> Result<f64, Error> {
    match super::arg(args, 1, "period_to_use") {
        Some(p) => number(vm, &p),
        None => Ok(1.0),
    }
}

fn value_amount(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let p = period_arg(vm, &mut args)?;
    Ok(num_value(amount_of(vm, &me, p)?))
}

fn value_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(Value::from_str(&num_value(amount_of(vm, &me, 1.0)?).str()))
}

fn value_float(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(Value::Float(amount_of(vm, &me, 1.0)?))
}

fn value_int(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    #[allow(clippy::cast_possible_truncation)]
    Ok(Value::Int(amount_of(vm, &me, 1.0)?.trunc() as i64))
}

/// `self.value` and the other side's value (a `Value`'s `.value`, or the number itself).
fn compare_parts(vm: &mut Vm<'_>, args: &Args) -> Result<(f64, f64), Error> {
    let me = self_obj(args)?;
    let a = need(vm, &me, "value")?;
    let a = number(vm, &a)?;
    let other = args.positional.get(1).cloned().unwrap_or(Value::None);
    let b = if is_a(&other, "Value") {
        let v = need(vm, &other, "value")?;
        number(vm, &v)?
    } else {
        number(vm, &other)?
    };
    Ok((a, b))
}

fn value_lt(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (a, b) = compare_parts(vm, &args)?;
    Ok(Value::Bool(a < b))
}

fn value_le(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (a, b) = compare_parts(vm, &args)?;
    Ok(Value::Bool(a <= b))
}

fn value_gt(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (a, b) = compare_parts(vm, &args)?;
    Ok(Value::Bool(a > b))
}

fn value_ge(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (a, b) = compare_parts(vm, &args)?;
    Ok(Value::Bool(a >= b))
}

fn value_eq(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    // identity first (objects in lists are compared with `in`), then the values
    if let (Some(a), Some(b)) = (args.positional.first(), args.positional.get(1)) {
        if a.identity() != 0 && a.identity() == b.identity() {
            return Ok(Value::Bool(true));
        }
    }
    match compare_parts(vm, &args) {
        Ok((a, b)) => Ok(Value::Bool(a == b)),
        Err(Error::Exception { .. }) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn value_ne(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let eq = value_eq(vm, args)?;
    Ok(Value::Bool(!eq.truthy()))
}

/// The items of a financial list, sorted by key.
fn sorted_items(me: &Value) -> Vec<(Key, Value)> {
    let mut items: Vec<(Key, Value)> = match get(me, "elements") {
        Some(Value::Dict(d)) => d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        _ => Vec::new(),
    };
    items.sort_by_key(|a| a.0.to_value().str());
    items
}

/// `FinancialList.total()` / `PeriodicFinancialList.total(period_to_use=1)`.
fn fin_total(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let periodic = is_a(&me, "PeriodicFinancialList");
    let p = if periodic { period_arg(vm, &mut args)? } else { 1.0 };
    trigger_gather(vm, &me)?;
    if periodic && p == 0.0 {
        return Ok(Value::Int(0));
    }
    let mut total = 0.0;
    for (_, item) in sorted_items(&me) {
        total += amount_of(vm, &item, p)?;
    }
    Ok(num_value(total))
}

fn fin_existing(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    let mut out = Vec::new();
    for (k, item) in sorted_items(&me) {
        let e = need(vm, &item, "exists")?;
        if vm.truthy(&e)? {
            out.push(k.to_value());
        }
    }
    Ok(Value::list(out))
}

fn fin_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let t = fin_total(vm, args)?;
    Ok(Value::from_str(&t.str()))
}

/// docassemble's `_new_item_init_callback` of financial lists: a new item exists, and
/// takes `new_item_value` / `new_item_period` when they were asked with the name.
pub(crate) fn new_item_callback(list: &Value, item: &Value) {
    if !is_a(list, "FinancialList") {
        return;
    }
    set(item, "exists", Value::Bool(true));
    for (from, to) in [("new_item_value", "value"), ("new_item_period", "period")] {
        if let Some(v) = get(list, from) {
            set(item, to, v);
            if let Value::Object(o) = list {
                o.borrow_mut().attrs.shift_remove(from);
            }
        }
    }
    let _ = instance_name(list);
}

#[cfg(test)]
mod tests {
    use super::num_value;
    use lang::Value;

    #[test]
    fn totals_print_like_decimals() {
        assert!(matches!(num_value(410.0), Value::Int(410)));
        assert!(matches!(num_value(410.5), Value::Float(f) if (f - 410.5).abs() < 1e-9));
        assert!(matches!(num_value(f64::NAN), Value::Float(_)));
        assert!(matches!(num_value(1e20), Value::Float(_)));
    }
}
