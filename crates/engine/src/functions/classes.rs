//! The engine's classes of tier T0–T1: `DAObject`, `DADict` (checkbox results), `DAList`,
//! `DADateTime` (dates from fields and date functions), `DALazyTemplate` (template blocks),
//! and the date-difference result.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{Datelike, NaiveDateTime, Timelike};
use lang::value::{Dict, Key};
use lang::{Args, Class, Error, NativeFn, Value, Vm};

use super::{arg, dates, text, EngineHost};

fn class_with(name: &str, bases: Vec<Rc<Class>>, methods: &[(&str, NativeFn)]) -> Rc<Class> {
    let c = Class::new(name, bases);
    for (m, f) in methods {
        c.set_attr(m, Value::native(m, *f));
    }
    c
}

/// Whether `name` is one of the engine's classes (without building them).
pub(crate) fn is_class_name(name: &str) -> bool {
    matches!(name, "DAObject" | "DADict" | "DAList" | "DADateTime" | "DALazyTemplate" | "DADateDifference" | "DADateInterval")
        || super::objects::CLASSES.iter().any(|(n, _)| *n == name)
        || super::finance::CLASSES.iter().any(|(n, _)| *n == name)
}

/// Builds the engine's classes for one request.
pub(crate) fn build() -> HashMap<&'static str, Rc<Class>> {
    let mut m = HashMap::new();
    let object = class_with("DAObject", vec![], &[("__init__", obj_init), ("object_name", obj_name)]);
    let dict = class_with(
        "DADict",
        vec![object.clone()],
        &[
            ("__init__", coll_init),
            ("__getitem__", coll_getitem),
            ("__setitem__", coll_setitem),
            ("__contains__", coll_contains),
            ("__iter__", coll_iter),
            ("__len__", coll_len),
            ("__str__", coll_str),
            ("__repr__", coll_repr),
            ("true_values", dict_true_values),
            ("false_values", dict_false_values),
            ("all_true", dict_all_true),
            ("all_false", dict_all_false),
            ("any_true", dict_any_true),
            ("any_false", dict_any_false),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
            ("get", dict_get),
            ("number", coll_len),
            ("number_as_word", coll_number_as_word),
            ("comma_and_list", coll_str),
        ],
    );
    let list = class_with(
        "DAList",
        vec![object.clone()],
        &[
            ("__init__", coll_init),
            ("__getitem__", coll_getitem),
            ("__setitem__", coll_setitem),
            ("__contains__", coll_contains),
            ("__iter__", coll_iter),
            ("__len__", coll_len),
            ("__str__", coll_str),
            ("__repr__", coll_repr),
            ("append", list_append),
            ("number", coll_len),
            ("number_as_word", coll_number_as_word),
            ("comma_and_list", coll_str),
            ("first", list_first),
            ("last", list_last),
        ],
    );
    let dt = class_with(
        "DADateTime",
        vec![object.clone()],
        &[
            ("__str__", dt_str),
            ("__repr__", dt_repr),
            ("__eq__", dt_eq),
            ("__lt__", dt_lt),
            ("__le__", dt_le),
            ("__gt__", dt_gt),
            ("__ge__", dt_ge),
            ("__add__", dt_add),
            ("__sub__", dt_sub),
            ("format", dt_format_date),
            ("format_date", dt_format_date),
            ("format_time", dt_format_time),
            ("format_datetime", dt_format_datetime),
            ("plus", dt_plus),
            ("minus", dt_minus),
            ("replace_time", dt_replace_time),
            ("replace", dt_replace),
            ("time", dt_time),
            ("date", dt_date),
            ("strftime", dt_strftime),
            ("isoformat", dt_isoformat),
        ],
    );
    let tmpl = class_with("DALazyTemplate", vec![object.clone()], &[("__str__", tmpl_str), ("show", tmpl_str)]);
    let diff = class_with("DADateDifference", vec![object.clone()], &[("describe", diff_describe)]);
    let interval = class_with("DADateInterval", vec![object.clone()], &[]);
    m.insert("DAObject", object);
    m.insert("DADict", dict);
    m.insert("DAList", list);
    m.insert("DADateTime", dt);
    m.insert("DALazyTemplate", tmpl);
    m.insert("DADateDifference", diff);
    m.insert("DADateInterval", interval);
    super::objects::register(&mut m);
    m
}

fn self_obj(args: &Args) -> Result<Value, Error> {
    args.positional.first().cloned().ok_or_else(|| Error::exception("TypeError", "method needs self"))
}

fn attr(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Object(o) => o.borrow().attrs.get(name).cloned(),
        _ => None,
    }
}

fn set_attr(v: &Value, name: &str, val: Value) {
    if let Value::Object(o) = v {
        o.borrow_mut().attrs.insert(Rc::from(name), val);
    }
}

// ---- DAObject ---------------------------------------------------------------------

fn obj_init(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if let Some(Value::Str(name)) = args.positional.get(1) {
        if let Value::Object(o) = &me {
            o.borrow_mut().instance_name = Some(name.clone());
        }
    }
    for (k, v) in std::mem::take(&mut args.keyword) {
        set_attr(&me, &k, v);
    }
    super::objects::apply_using(&me);
    Ok(Value::None)
}

fn obj_name(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if let Value::Object(o) = &me {
        if let Some(n) = &o.borrow().instance_name {
            // docassemble: `recipient[3]` → "fourth recipient", `park.gate` → "gate in the park"
            return Ok(Value::from_str(&super::objects::nice_object_name(n)));
        }
    }
    Ok(Value::from_str(""))
}

// ---- DADict / DAList ----------------------------------------------------------------

fn elements(v: &Value) -> Value {
    attr(v, "elements").unwrap_or(Value::None)
}

fn coll_init(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let is_dict = super::finance::is_a(&me, "DADict") || matches!(&me, Value::Object(o) if o.borrow().class.name.contains("Dict"));
    if let Some(Value::Str(name)) = args.positional.get(1) {
        if let Value::Object(o) = &me {
            o.borrow_mut().instance_name = Some(name.clone());
        }
    }
    let el = if is_dict { Value::dict(Dict::new()) } else { Value::list(Vec::new()) };
    set_attr(&me, "elements", el);
    for (k, v) in std::mem::take(&mut args.keyword) {
        set_attr(&me, &k, v);
    }
    super::objects::apply_using(&me);
    if attr(&me, "auto_gather").is_none() {
        set_attr(&me, "auto_gather", Value::Bool(true));
    }
    // `DADict.using(object_type=…, keys=[…])`: an item of object_type for each key
    if is_dict {
        if let Some(keys) = attr(&me, "keys").filter(|k| matches!(k, Value::List(_) | Value::Tuple(_))) {
            if let Value::Object(o) = &me {
                o.borrow_mut().attrs.shift_remove("keys");
            }
            if matches!(attr(&me, "object_type"), Some(Value::Class(_))) {
                super::objects::dict_new(vm, Args::new(vec![me.clone(), keys]))?;
            }
        }
    }
    Ok(Value::None)
}

fn instance_name(v: &Value) -> String {
    match v {
        Value::Object(o) => o.borrow().instance_name.as_deref().unwrap_or("").to_string(),
        _ => String::new(),
    }
}

fn coll_getitem(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    match elements(&me) {
        Value::Dict(d) => {
            let k = vm.key_of(&key)?;
            let found = d.borrow().get(&k).cloned();
            match found {
                Some(v) => Ok(v),
                // a dictionary of objects makes the item when it is first used
                None if matches!(attr(&me, "object_type"), Some(Value::Class(_))) => {
                    let class = attr(&me, "object_type").unwrap_or(Value::None);
                    super::objects::dict_init_object(vm, Args::new(vec![me.clone(), key, class]))
                }
                None => Err(Error::Undefined(format!("{}[{}]", instance_name(&me), key.repr()))),
            }
        }
        Value::List(l) => {
            let len = l.borrow().len();
            let i = match key {
                Value::Int(i) => i,
                _ => return Err(Error::exception("TypeError", "list indices must be integers")),
            };
            let idx = if i < 0 { i + len as i64 } else { i };
            let found = usize::try_from(idx).ok().and_then(|ix| l.borrow().get(ix).cloned());
            match found {
                Some(v) => Ok(v),
                // a list of objects makes its items up to the one asked for (at most 10 more)
                None if i >= 0
                    && i < len as i64 + 10
                    && matches!(attr(&me, "object_type"), Some(Value::Class(_)))
                    && !attr(&me, "gathered").is_some_and(|g| g.truthy()) =>
                {
                    let mut last = Value::None;
                    for _ in 0..11 {
                        if (l.borrow().len() as i64) > i {
                            break;
                        }
                        last = super::objects::append_object(vm, &me)?;
                    }
                    Ok(last)
                }
                None => Err(Error::Undefined(format!("{}[{}]", instance_name(&me), i))),
            }
        }
        _ => Err(Error::exception("TypeError", "object is not subscriptable")),
    }
}

fn coll_setitem(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    let val = args.positional.get(2).cloned().unwrap_or(Value::None);
    match elements(&me) {
        Value::Dict(d) => {
            let k = vm.key_of(&key)?;
            d.borrow_mut().insert(k, val);
            Ok(Value::None)
        }
        Value::List(l) => {
            let len = l.borrow().len();
            if let Value::Int(i) = key {
                if usize::try_from(i).ok() == Some(len) {
                    l.borrow_mut().push(val);
                    return Ok(Value::None);
                }
                let idx = if i < 0 { i + len as i64 } else { i };
                if let Some(slot) = usize::try_from(idx).ok().and_then(|ix| l.borrow_mut().get_mut(ix).map(|s| *s = val.clone())) {
                    let _ = slot;
                    return Ok(Value::None);
                }
            }
            Err(Error::exception("IndexError", "list assignment index out of range"))
        }
        _ => Err(Error::exception("TypeError", "object does not support item assignment")),
    }
}

fn coll_contains(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let item = args.positional.get(1).cloned().unwrap_or(Value::None);
    let el = elements(&me);
    Ok(Value::Bool(vm.contains(&el, &item)?))
}

fn coll_iter(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    super::objects::trigger_gather(vm, &me)?;
    let el = elements(&me);
    let items = vm.iterate(&el)?;
    Ok(Value::list(items))
}

fn coll_items(v: &Value) -> Vec<Value> {
    match elements(v) {
        Value::Dict(d) => d.borrow().keys().map(Key::to_value).collect(),
        Value::List(l) => l.borrow().clone(),
        _ => Vec::new(),
    }
}

fn coll_len(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    // docassemble's `_target_or_actual()`: a list that asks for its number counts that number
    if attr(&me, "ask_number").is_some_and(|a| a.truthy()) && !attr(&me, "gathered").is_some_and(|g| g.truthy()) {
        if attr(&me, "there_are_any").is_some_and(|a| !a.truthy()) {
            return Ok(Value::Int(0));
        }
        return match attr(&me, "target_number") {
            Some(Value::Int(i)) => Ok(Value::Int(i)),
            Some(Value::Float(f)) => Ok(Value::Int(f.trunc() as i64)),
            Some(other) => Ok(Value::Int(other.str().trim().parse().unwrap_or(0))),
            None => Err(Error::Undefined(format!("{}.target_number", instance_name(&me)))),
        };
    }
    super::objects::trigger_gather(vm, &me)?;
    let n = match elements(&me) {
        Value::Dict(d) => d.borrow().len(),
        Value::List(l) => l.borrow().len(),
        _ => 0,
    };
    Ok(Value::Int(i64::try_from(n).unwrap_or(0)))
}

fn coll_number_as_word(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let n = coll_len(vm, args)?;
    text::nice_number_value(&n, false)
}

fn coll_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    super::objects::trigger_gather(vm, &me)?;
    let items = sorted_keys(vm, &me);
    let mut strs = Vec::new();
    for it in &items {
        strs.push(vm.str_of(it)?);
    }
    Ok(Value::from_str(&text::comma_and_list_str(&strs, "and", true)))
}

fn coll_repr(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let el = elements(&me);
    Ok(Value::from_str(&vm.repr_of(&el)?))
}

fn dict_filter(args: &Args, want: bool) -> Result<Vec<Value>, Error> {
    let me = self_obj(args)?;
    Ok(match elements(&me) {
        Value::Dict(d) => d.borrow().iter().filter(|(_, v)| v.truthy() == want).map(|(k, _)| k.to_value()).collect(),
        _ => Vec::new(),
    })
}

/// A `DAList` holding `items`.
pub(crate) fn make_dalist(host: &EngineHost, name: &str, items: Vec<Value>) -> Value {
    let cls = host.class("DAList");
    let obj = Value::new_object(cls, if name.is_empty() { None } else { Some(name) });
    set_attr(&obj, "elements", Value::list(items));
    set_attr(&obj, "gathered", Value::Bool(true));
    set_attr(&obj, "auto_gather", Value::Bool(false));
    obj
}

fn new_list(vm: &mut Vm<'_>, items: Vec<Value>) -> Result<Value, Error> {
    let h = super::host(vm)?;
    Ok(make_dalist(h, "", items))
}

fn dict_true_values(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let items = dict_filter(&args, true)?;
    new_list(vm, items)
}

fn dict_false_values(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let items = dict_filter(&args, false)?;
    new_list(vm, items)
}

fn dict_all_true(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    Ok(Value::Bool(dict_filter(&args, false)?.is_empty()))
}

fn dict_all_false(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    Ok(Value::Bool(dict_filter(&args, true)?.is_empty()))
}

fn dict_any_true(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    Ok(Value::Bool(!dict_filter(&args, true)?.is_empty()))
}

fn dict_any_false(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    Ok(Value::Bool(!dict_filter(&args, false)?.is_empty()))
}

/// The keys of a `DADict` in sorted order when they can be sorted (docassemble's
/// `keys()` and `str()`); the items of a list as they are.
fn sorted_keys(vm: &mut Vm<'_>, me: &Value) -> Vec<Value> {
    let items = coll_items(me);
    if !matches!(elements(me), Value::Dict(_)) || super::finance::is_a(me, "DAOrderedDict") {
        return items;
    }
    lang::builtins::sorted_values(vm, items.clone(), None, false).unwrap_or(items)
}

fn dict_keys(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    super::objects::trigger_gather(vm, &me)?;
    Ok(Value::list(sorted_keys(vm, &me)))
}

fn dict_values(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(match elements(&me) {
        Value::Dict(d) => Value::list(d.borrow().values().cloned().collect()),
        other => other,
    })
}

fn dict_items(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(match elements(&me) {
        Value::Dict(d) => Value::list(d.borrow().iter().map(|(k, v)| Value::tuple(vec![k.to_value(), v.clone()])).collect()),
        _ => Value::list(Vec::new()),
    })
}

fn dict_get(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if args.positional.len() == 2 {
        // `d.get(key)`: the item, asked for (or made) when it is not there
        return coll_getitem(vm, args);
    }
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    let default = args.positional.get(2).cloned().unwrap_or(Value::None);
    if let Value::Dict(d) = elements(&me) {
        let k = vm.key_of(&key)?;
        if let Some(v) = d.borrow().get(&k) {
            return Ok(v.clone());
        }
    }
    Ok(default)
}

/// `lst.append(*items, set_instance_name=False)`: objects without a name, or all objects
/// with `set_instance_name=True`, are renamed after their place (`lst[3]`).
fn list_append(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let rename = args.take_kw("set_instance_name").is_some_and(|v| v.truthy());
    let base = instance_name(&me);
    if let Value::List(l) = elements(&me) {
        let mut added = false;
        for v in args.positional.iter().skip(1) {
            if let Value::Object(o) = v {
                let unnamed = o.borrow().instance_name.is_none();
                if (rename || unnamed) && !base.is_empty() {
                    let n = l.borrow().len();
                    super::objects::rename_tree(v, &format!("{base}[{n}]"));
                }
            }
            l.borrow_mut().push(v.clone());
            added = true;
        }
        if added {
            set_attr(&me, "there_are_any", Value::Bool(true));
        }
    }
    Ok(Value::None)
}

fn list_first(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    coll_items(&me).first().cloned().ok_or_else(|| Error::Undefined(format!("{}[0]", instance_name(&me))))
}

fn list_last(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    coll_items(&me).last().cloned().ok_or_else(|| Error::Undefined(format!("{}[0]", instance_name(&me))))
}

/// The checkbox result: a `DADict` of option → bool, gathered.
pub fn make_dadict(host: &EngineHost, name: &str, pairs: Vec<(Value, bool)>) -> Value {
    let cls = host.class("DADict");
    let obj = Value::new_object(cls, if name.is_empty() { None } else { Some(name) });
    let mut d = Dict::new();
    for (k, v) in pairs {
        if let Ok(key) = k.to_key() {
            d.insert(key, Value::Bool(v));
        }
    }
    set_attr(&obj, "elements", Value::dict(d));
    set_attr(&obj, "gathered", Value::Bool(true));
    set_attr(&obj, "auto_gather", Value::Bool(false));
    obj
}

// ---- DADateTime ---------------------------------------------------------------------

/// A `DADateTime` object for `dt`.
pub fn make_datetime(host: &EngineHost, dt: NaiveDateTime) -> Value {
    let cls = host.class("DADateTime");
    let obj = Value::new_object(cls, None);
    fill_datetime(&obj, dt);
    obj
}

fn fill_datetime(obj: &Value, dt: NaiveDateTime) {
    set_attr(obj, "_dt", Value::DateTime(dt));
    set_attr(obj, "year", Value::Int(i64::from(dt.year())));
    set_attr(obj, "month", Value::Int(i64::from(dt.month())));
    set_attr(obj, "day", Value::Int(i64::from(dt.day())));
    set_attr(obj, "hour", Value::Int(i64::from(dt.hour())));
    set_attr(obj, "minute", Value::Int(i64::from(dt.minute())));
    set_attr(obj, "second", Value::Int(i64::from(dt.second())));
    set_attr(obj, "microsecond", Value::Int(i64::from(dt.nanosecond() / 1000)));
    set_attr(obj, "dow", Value::Int(i64::from(dt.weekday().number_from_monday())));
}

/// The date-time inside a `DADateTime` (or a plain date/datetime value).
pub fn datetime_of(v: &Value) -> Option<NaiveDateTime> {
    match v {
        Value::DateTime(d) => Some(*d),
        Value::Date(d) => d.and_hms_opt(0, 0, 0),
        Value::Object(o) => match o.borrow().attrs.get("_dt") {
            Some(Value::DateTime(d)) => Some(*d),
            _ => None,
        },
        _ => None,
    }
}

fn me_dt(args: &Args) -> Result<NaiveDateTime, Error> {
    let me = self_obj(args)?;
    datetime_of(&me).ok_or_else(|| Error::exception("TypeError", "not a date"))
}

fn new_dt(vm: &mut Vm<'_>, dt: NaiveDateTime) -> Result<Value, Error> {
    let h = super::host(vm)?;
    Ok(make_datetime(h, dt))
}

fn dt_str(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    Ok(Value::from_str(&dates::format_date_str(dt.date(), "long")))
}

fn dt_repr(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    Ok(Value::from_str(&format!("DADateTime({})", dt.format("%Y-%m-%d %H:%M:%S"))))
}

fn other_dt(args: &Args) -> Option<NaiveDateTime> {
    args.positional.get(1).and_then(datetime_of)
}

fn dt_cmp(args: &Args) -> Result<Option<std::cmp::Ordering>, Error> {
    let a = me_dt(args)?;
    Ok(other_dt(args).map(|b| a.cmp(&b)))
}

fn dt_eq(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    Ok(Value::Bool(dt_cmp(&args)? == Some(std::cmp::Ordering::Equal)))
}

fn dt_lt(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    match dt_cmp(&args)? {
        Some(o) => Ok(Value::Bool(o.is_lt())),
        None => Err(Error::exception("TypeError", "can't compare a date with that")),
    }
}

fn dt_le(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    match dt_cmp(&args)? {
        Some(o) => Ok(Value::Bool(o.is_le())),
        None => Err(Error::exception("TypeError", "can't compare a date with that")),
    }
}

fn dt_gt(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    match dt_cmp(&args)? {
        Some(o) => Ok(Value::Bool(o.is_gt())),
        None => Err(Error::exception("TypeError", "can't compare a date with that")),
    }
}

fn dt_ge(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    match dt_cmp(&args)? {
        Some(o) => Ok(Value::Bool(o.is_ge())),
        None => Err(Error::exception("TypeError", "can't compare a date with that")),
    }
}

fn interval_parts(v: &Value) -> Option<dates::Interval> {
    if let Value::Object(o) = v {
        let o = o.borrow();
        if &*o.class.name == "DADateInterval" {
            let g = |k: &str| match o.attrs.get(k) {
                Some(Value::Int(i)) => *i as f64,
                Some(Value::Float(f)) => *f,
                _ => 0.0,
            };
            return Some(dates::Interval {
                years: g("years"),
                months: g("months"),
                weeks: g("weeks"),
                days: g("days"),
                hours: g("hours"),
                minutes: g("minutes"),
                seconds: g("seconds"),
            });
        }
    }
    None
}

fn dt_add(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let other = args.positional.get(1).cloned().unwrap_or(Value::None);
    if let Some(iv) = interval_parts(&other) {
        return new_dt(vm, dates::add_interval(dt, &iv, 1.0));
    }
    Err(Error::exception("TypeError", "unsupported operand type(s) for +"))
}

fn dt_sub(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let other = args.positional.get(1).cloned().unwrap_or(Value::None);
    if let Some(iv) = interval_parts(&other) {
        return new_dt(vm, dates::add_interval(dt, &iv, -1.0));
    }
    if let Some(b) = datetime_of(&other) {
        return dates::make_difference(vm, b, dt);
    }
    Err(Error::exception("TypeError", "unsupported operand type(s) for -"))
}

fn fmt_arg(args: &mut Args, default: &str) -> String {
    arg(args, 1, "format").map(|v| v.str()).unwrap_or_else(|| default.to_string())
}

fn dt_format_date(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let f = fmt_arg(&mut args, "long");
    Ok(Value::from_str(&dates::format_date_str(dt.date(), &f)))
}

fn dt_format_time(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let f = fmt_arg(&mut args, "short");
    Ok(Value::from_str(&dates::format_time_str(dt.time(), &f)))
}

fn dt_format_datetime(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let f = fmt_arg(&mut args, "long");
    Ok(Value::from_str(&dates::format_datetime_str(dt, &f)))
}

fn kw_interval(args: &mut Args) -> dates::Interval {
    let mut iv = dates::Interval::default();
    for (k, v) in std::mem::take(&mut args.keyword) {
        let n = match v {
            Value::Int(i) => i as f64,
            Value::Float(f) => f,
            _ => 0.0,
        };
        match &*k {
            "years" => iv.years = n,
            "months" => iv.months = n,
            "weeks" => iv.weeks = n,
            "days" => iv.days = n,
            "hours" => iv.hours = n,
            "minutes" => iv.minutes = n,
            "seconds" => iv.seconds = n,
            _ => {}
        }
    }
    iv
}

fn dt_plus(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let iv = kw_interval(&mut args);
    new_dt(vm, dates::add_interval(dt, &iv, 1.0))
}

fn dt_minus(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let iv = kw_interval(&mut args);
    new_dt(vm, dates::add_interval(dt, &iv, -1.0))
}

fn dt_replace_time(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let t = match args.positional.get(1) {
        Some(Value::Time(t)) => *t,
        Some(other) => match datetime_of(other) {
            Some(d) => d.time(),
            None => return Err(Error::exception("TypeError", "replace_time() needs a time")),
        },
        None => return Err(Error::exception("TypeError", "replace_time() needs a time")),
    };
    new_dt(vm, dt.date().and_time(t))
}

fn dt_replace(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let mut y = dt.year();
    let (mut mo, mut d, mut h, mut mi, mut s) = (dt.month(), dt.day(), dt.hour(), dt.minute(), dt.second());
    for (k, v) in std::mem::take(&mut args.keyword) {
        let n = match v {
            Value::Int(i) => i,
            _ => continue,
        };
        match &*k {
            "year" => y = i32::try_from(n).unwrap_or(y),
            "month" => mo = u32::try_from(n).unwrap_or(mo),
            "day" => d = u32::try_from(n).unwrap_or(d),
            "hour" => h = u32::try_from(n).unwrap_or(h),
            "minute" => mi = u32::try_from(n).unwrap_or(mi),
            "second" => s = u32::try_from(n).unwrap_or(s),
            _ => {}
        }
    }
    let nd = chrono::NaiveDate::from_ymd_opt(y, mo, d)
        .and_then(|date| date.and_hms_opt(h, mi, s))
        .ok_or_else(|| Error::exception("ValueError", "day is out of range for month"))?;
    new_dt(vm, nd)
}

fn dt_time(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    Ok(Value::Time(me_dt(&args)?.time()))
}

fn dt_date(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    Ok(Value::Date(me_dt(&args)?.date()))
}

fn dt_strftime(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let f = args.positional.get(1).map(Value::str).unwrap_or_default();
    Ok(Value::from_str(&lang::format::strftime(dt.date(), dt.time(), &f)))
}

fn dt_isoformat(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    Ok(Value::from_str(&dt.format("%Y-%m-%dT%H:%M:%S").to_string()))
}

// ---- DALazyTemplate ---------------------------------------------------------------------

fn tmpl_str(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(attr(&me, "content").unwrap_or_else(|| Value::from_str("")))
}

fn diff_describe(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let g = |k: &str| match attr(&me, k) {
        Some(Value::Float(f)) => f,
        Some(Value::Int(i)) => i as f64,
        _ => 0.0,
    };
    Ok(Value::from_str(&dates::describe(g("days"))))
}
