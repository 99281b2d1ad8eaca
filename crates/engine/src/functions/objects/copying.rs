//! Copying and reshaping of objects and lists: `copy_shallow()`, `copy_deep()`, and the
//! Python-list methods of `DAList` (`remove`, `pop`, `insert`, `index`, `sort`, `reverse`,
//! `sort_elements`, `delitem`, `filter`, `copy`, `item_name`, `current_index`, `+`).

use std::collections::HashMap;
use std::rc::Rc;

use lang::value::Dict;
use lang::{Args, Class, Error, NativeFn, Value, Vm};

use super::{del, elements, get, instance_name, self_obj, set, trigger_gather};

/// Adds the methods to `DAObject` and `DAList`.
pub(crate) fn register(m: &HashMap<&'static str, Rc<Class>>) {
    let on = |class: &str, methods: &[(&str, NativeFn)]| {
        if let Some(c) = m.get(class) {
            for (n, f) in methods {
                c.set_attr(n, Value::native(n, *f));
            }
        }
    };
    on("DAObject", &[("copy_shallow", copy_shallow), ("copy_deep", copy_deep), ("as_serializable", as_serializable)]);
    on(
        "DAList",
        &[
            ("remove", list_remove),
            ("pop", list_pop),
            ("insert", list_insert),
            ("index", list_index),
            ("sort", list_sort),
            ("sort_elements", list_sort_elements),
            ("reverse", list_reverse),
            ("delitem", list_delitem),
            ("filter", list_filter),
            ("copy", list_copy),
            ("item_name", item_name),
            ("current_index", current_index),
            ("__add__", list_add),
            ("__radd__", list_radd),
        ],
    );
    on("DADict", &[("item_name", item_name), ("pop", dict_pop), ("update", dict_update), ("setdefault", dict_setdefault), ("copy", dict_copy)]);
}

fn name_arg(vm: &mut Vm<'_>, args: &Args) -> Result<Option<String>, Error> {
    match args.positional.get(1) {
        Some(Value::None) | None => Ok(None),
        Some(v) => Ok(Some(vm.str_of(v)?)),
    }
}

fn new_like(me: &Value, name: Option<&str>) -> Option<Value> {
    let Value::Object(o) = me else { return None };
    let b = o.borrow();
    let copy = Value::new_object(b.class.clone(), name.or(b.instance_name.as_deref()));
    if let Value::Object(c) = &copy {
        c.borrow_mut().attrs = b.attrs.clone();
    }
    Some(copy)
}

/// `obj.copy_shallow('name')`: a new object sharing the attribute values.
fn copy_shallow(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let name = name_arg(vm, &args)?;
    Ok(new_like(&me, name.as_deref()).unwrap_or(me))
}

/// `obj.copy_deep('name')`: a copy of the object and everything in it, the objects inside
/// renamed after the new name (`name.attr`, `name[0]`, `name['key']`).
fn copy_deep(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let name = name_arg(vm, &args)?.unwrap_or_else(|| instance_name(&me));
    let mut seen: HashMap<usize, Value> = HashMap::new();
    let copy = deep(vm, &me, &mut seen, 0)?;
    rename(&copy, &name, 0);
    Ok(copy)
}

const MAX_DEPTH: u32 = 100;

fn deep(vm: &mut Vm<'_>, v: &Value, seen: &mut HashMap<usize, Value>, depth: u32) -> Result<Value, Error> {
    if depth > MAX_DEPTH {
        return Err(Error::exception("RecursionError", "maximum recursion depth exceeded while copying"));
    }
    vm.step()?;
    let id = v.identity();
    if id != 0 {
        if let Some(c) = seen.get(&id) {
            return Ok(c.clone());
        }
    }
    let out = match v {
        Value::Object(o) => {
            let (class, name, attrs) = {
                let b = o.borrow();
                (b.class.clone(), b.instance_name.clone(), b.attrs.clone())
            };
            if &*class.name == "module" {
                return Ok(v.clone());
            }
            let copy = Value::new_object(class, name.as_deref());
            seen.insert(id, copy.clone());
            for (k, a) in attrs.iter() {
                let c = deep(vm, a, seen, depth + 1)?;
                set(&copy, k, c);
            }
            return Ok(copy);
        }
        Value::List(l) => {
            let items = l.borrow().clone();
            let mut out = Vec::with_capacity(items.len());
            for x in &items {
                out.push(deep(vm, x, seen, depth + 1)?);
            }
            Value::list(out)
        }
        Value::Dict(d) => {
            let items: Vec<_> = d.borrow().iter().map(|(k, x)| (k.clone(), x.clone())).collect();
            let mut out = Dict::default();
            for (k, x) in items {
                out.insert(k, deep(vm, &x, seen, depth + 1)?);
            }
            Value::dict(out)
        }
        other => other.clone(),
    };
    if id != 0 {
        seen.insert(id, out.clone());
    }
    Ok(out)
}

/// docassemble's `_set_instance_name_recursively`.
pub(crate) fn rename(v: &Value, name: &str, depth: u32) {
    if depth > MAX_DEPTH {
        return;
    }
    let Value::Object(o) = v else { return };
    o.borrow_mut().instance_name = Some(Rc::from(name));
    let attrs: Vec<(Rc<str>, Value)> = o.borrow().attrs.iter().map(|(k, x)| (k.clone(), x.clone())).collect();
    for (k, x) in attrs {
        if &*k == "elements" {
            match &x {
                Value::List(l) => {
                    for (n, item) in l.borrow().iter().enumerate() {
                        rename(item, &format!("{name}[{n}]"), depth + 1);
                    }
                }
                Value::Dict(d) => {
                    for (key, item) in d.borrow().iter() {
                        rename(item, &format!("{name}[{}]", key.to_value().repr()), depth + 1);
                    }
                }
                _ => {}
            }
        } else {
            rename(&x, &format!("{name}.{k}"), depth + 1);
        }
    }
}

/// Renames list items after their (new) position: `name[0]`, `name[1]` ….
fn reset_names(me: &Value) {
    let base = instance_name(me);
    if base.is_empty() {
        return;
    }
    for (n, item) in elements(me).iter().enumerate() {
        if let Value::Object(o) = item {
            let old = o.borrow().instance_name.as_deref().unwrap_or("").to_string();
            if old.starts_with(&format!("{base}[")) {
                rename(item, &format!("{base}[{n}]"), 0);
            }
        }
    }
}

fn list_of(me: &Value) -> Option<Rc<std::cell::RefCell<Vec<Value>>>> {
    match get(me, "elements") {
        Some(Value::List(l)) => Some(l),
        _ => None,
    }
}

fn list_remove(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let Some(l) = list_of(&me) else { return Ok(Value::None) };
    for x in args.positional.iter().skip(1) {
        let items = l.borrow().clone();
        let mut at = None;
        for (n, y) in items.iter().enumerate() {
            if vm.eq(y, x)? {
                at = Some(n);
                break;
            }
        }
        if let Some(n) = at {
            l.borrow_mut().remove(n);
        }
    }
    if l.borrow().is_empty() {
        set(&me, "there_are_any", Value::Bool(false));
    }
    reset_names(&me);
    Ok(Value::None)
}

fn index_of(len: usize, v: Option<&Value>) -> Result<Option<usize>, Error> {
    match v {
        None | Some(Value::None) => Ok(len.checked_sub(1)),
        Some(Value::Int(i)) => {
            let i = if *i < 0 { *i + i64::try_from(len).unwrap_or(0) } else { *i };
            Ok(usize::try_from(i).ok().filter(|i| *i < len))
        }
        Some(_) => Err(Error::exception("TypeError", "list indices must be integers")),
    }
}

fn list_pop(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let Some(l) = list_of(&me) else { return Err(Error::exception("IndexError", "pop from empty list")) };
    let len = l.borrow().len();
    let Some(i) = index_of(len, args.positional.get(1))? else {
        return Err(Error::exception("IndexError", "pop index out of range"));
    };
    let v = l.borrow_mut().remove(i);
    if l.borrow().is_empty() {
        set(&me, "there_are_any", Value::Bool(false));
    }
    reset_names(&me);
    Ok(v)
}

fn list_insert(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let Some(l) = list_of(&me) else { return Ok(Value::None) };
    let len = l.borrow().len();
    let at = match args.positional.get(1) {
        Some(Value::Int(i)) if *i < 0 => usize::try_from(*i + i64::try_from(len).unwrap_or(0)).unwrap_or(0),
        Some(Value::Int(i)) => usize::try_from(*i).unwrap_or(len).min(len),
        _ => return Err(Error::exception("TypeError", "insert() needs an integer position")),
    };
    let item = args.positional.get(2).cloned().unwrap_or(Value::None);
    l.borrow_mut().insert(at, item);
    set(&me, "there_are_any", Value::Bool(true));
    reset_names(&me);
    Ok(Value::None)
}

fn list_index(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    let x = args.positional.get(1).cloned().unwrap_or(Value::None);
    for (n, y) in elements(&me).iter().enumerate() {
        if vm.eq(y, &x)? {
            return Ok(Value::Int(i64::try_from(n).unwrap_or(0)));
        }
    }
    Err(Error::exception("ValueError", format!("{} is not in list", x.repr())))
}

fn sort_in_place(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let key = args.take_kw("key");
    let reverse = args.take_kw("reverse").is_some_and(|v| v.truthy());
    let items = elements(&me);
    let sorted = lang::builtins::sorted_values(vm, items, key.as_ref(), reverse)?;
    set(&me, "elements", Value::list(sorted));
    reset_names(&me);
    Ok(me)
}

fn list_sort(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    sort_in_place(vm, args)
}

fn list_sort_elements(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    sort_in_place(vm, args)
}

fn list_reverse(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    if let Some(l) = list_of(&me) {
        l.borrow_mut().reverse();
    }
    reset_names(&me);
    Ok(me)
}

fn list_delitem(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let Some(l) = list_of(&me) else { return Ok(Value::None) };
    let len = l.borrow().len();
    let mut idx: Vec<usize> = args
        .positional
        .iter()
        .skip(1)
        .filter_map(|v| match v {
            Value::Int(i) => usize::try_from(*i).ok().filter(|i| *i < len),
            _ => None,
        })
        .collect();
    idx.sort_unstable();
    idx.dedup();
    for i in idx.into_iter().rev() {
        l.borrow_mut().remove(i);
    }
    reset_names(&me);
    Ok(Value::None)
}

/// `lst.filter(name=None, **attrs)`: a gathered copy with the items whose attributes match.
fn list_filter(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    let conditions = std::mem::take(&mut args.keyword);
    let mut out = Vec::new();
    for item in elements(&me) {
        let mut keep = true;
        for (k, want) in &conditions {
            let have = super::attr_value(vm, &item, k)?;
            if !vm.eq(&have, want)? {
                keep = false;
                break;
            }
        }
        if keep {
            out.push(item);
        }
    }
    let name = name_arg(vm, &args)?;
    let copy = new_like(&me, name.as_deref()).unwrap_or_else(|| me.clone());
    let empty = out.is_empty();
    set(&copy, "elements", Value::list(out));
    set(&copy, "gathered", Value::Bool(true));
    if empty {
        set(&copy, "there_are_any", Value::Bool(false));
    }
    Ok(copy)
}

fn list_copy(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    Ok(Value::list(elements(&me)))
}

/// `coll.item_name(i)`: the variable name of an item (`fruit[0]`, `fruit['a']`).
fn item_name(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let k = args.positional.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::from_str(&format!("{}[{}]", instance_name(&me), k.repr())))
}

/// `lst.current_index()`: the index of the item being worked on (the last one).
fn current_index(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let n = elements(&me).len();
    Ok(Value::Int(i64::try_from(n.saturating_sub(1)).unwrap_or(0)))
}

fn is_empty_object(v: &Value) -> bool {
    matches!(v, Value::Object(o) if &*o.borrow().class.name == "DAEmpty")
}

fn concat(vm: &mut Vm<'_>, me: &Value, other: &Value, me_first: bool) -> Result<Value, Error> {
    trigger_gather(vm, me)?;
    if is_empty_object(other) {
        return Ok(me.clone());
    }
    let mine = elements(me);
    let theirs = match other {
        Value::Object(_) if get(other, "elements").is_some() => {
            trigger_gather(vm, other)?;
            elements(other)
        }
        Value::List(l) => {
            let l = l.borrow().clone();
            let items = if me_first { [mine, l].concat() } else { [l, mine].concat() };
            return Ok(Value::list(items));
        }
        _ => return Err(Error::exception("TypeError", format!("can only concatenate a list (not \"{}\") to a list", other.class_name()))),
    };
    let items = if me_first { [mine, theirs].concat() } else { [theirs, mine].concat() };
    let copy = new_like(me, None).unwrap_or_else(|| me.clone());
    if let Value::Object(o) = &copy {
        o.borrow_mut().instance_name = None;
    }
    set(&copy, "elements", Value::list(items));
    set(&copy, "gathered", Value::Bool(true));
    set(&copy, "auto_gather", Value::Bool(false));
    del(&copy, "there_is_another");
    Ok(copy)
}

fn list_add(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let other = args.positional.get(1).cloned().unwrap_or(Value::None);
    concat(vm, &me, &other, true)
}

fn list_radd(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let other = args.positional.get(1).cloned().unwrap_or(Value::None);
    concat(vm, &me, &other, false)
}

fn dict_elements(me: &Value) -> Option<Rc<std::cell::RefCell<Dict>>> {
    match get(me, "elements") {
        Some(Value::Dict(d)) => Some(d),
        _ => None,
    }
}

fn dict_pop(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let Some(d) = dict_elements(&me) else { return Ok(Value::None) };
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    let k = vm.key_of(&key)?;
    if d.borrow().len() == 1 {
        set(&me, "there_are_any", Value::Bool(false));
    }
    let removed = d.borrow_mut().shift_remove(&k);
    match (removed, args.positional.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(vm.key_error(&key)),
    }
}

fn dict_update(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let Some(d) = dict_elements(&me) else { return Ok(Value::None) };
    if let Some(other) = args.positional.get(1).cloned() {
        let pairs: Vec<(Value, Value)> = match &other {
            Value::Dict(o) => o.borrow().iter().map(|(k, v)| (k.to_value(), v.clone())).collect(),
            Value::Object(_) => match dict_elements(&other) {
                Some(o) => o.borrow().iter().map(|(k, v)| (k.to_value(), v.clone())).collect(),
                None => Vec::new(),
            },
            _ => Vec::new(),
        };
        for (k, v) in pairs {
            let k = vm.key_of(&k)?;
            d.borrow_mut().insert(k, v);
        }
    }
    for (k, v) in std::mem::take(&mut args.keyword) {
        d.borrow_mut().insert(lang::Key::str(&k), v);
    }
    Ok(Value::None)
}

fn dict_setdefault(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let Some(d) = dict_elements(&me) else { return Ok(Value::None) };
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    let default = args.positional.get(2).cloned().unwrap_or(Value::None);
    let k = vm.key_of(&key)?;
    let found = d.borrow().get(&k).cloned();
    Ok(match found {
        Some(v) => v,
        None => {
            d.borrow_mut().insert(k, default.clone());
            default
        }
    })
}

fn dict_copy(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(match dict_elements(&me) {
        Some(d) => Value::dict(d.borrow().clone()),
        None => Value::dict(Dict::default()),
    })
}

/// `obj.as_serializable()`: plain dictionaries, lists and scalars (docassemble's `safe_json`):
/// an object is `{'_class': 'docassemble.base.util.X', 'instanceName': …, attributes…}`.
fn as_serializable(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    safe_json(vm, &me, 0)
}

fn safe_json(vm: &mut Vm<'_>, v: &Value, depth: u32) -> Result<Value, Error> {
    if depth > 20 {
        return Ok(Value::None);
    }
    vm.step()?;
    Ok(match v {
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_) => v.clone(),
        Value::Date(d) => Value::from_str(&d.format("%Y-%m-%d").to_string()),
        Value::DateTime(d) => Value::from_str(&d.format("%Y-%m-%dT%H:%M:%S").to_string()),
        Value::Time(t) => Value::from_str(&t.format("%H:%M:%S").to_string()),
        Value::List(l) => {
            let items = l.borrow().clone();
            let mut out = Vec::with_capacity(items.len());
            for x in &items {
                out.push(safe_json(vm, x, depth + 1)?);
            }
            Value::list(out)
        }
        Value::Tuple(t) => {
            let mut out = Vec::with_capacity(t.len());
            for x in t.iter() {
                out.push(safe_json(vm, x, depth + 1)?);
            }
            Value::list(out)
        }
        Value::Dict(d) | Value::Set(d) => {
            let set_like = matches!(v, Value::Set(_));
            let items: Vec<_> = d.borrow().iter().map(|(k, x)| (k.to_value(), x.clone())).collect();
            if set_like {
                let mut out = Vec::new();
                for (k, _) in items {
                    out.push(safe_json(vm, &k, depth + 1)?);
                }
                return Ok(Value::list(out));
            }
            let mut out = Dict::default();
            for (k, x) in items {
                let key = match k {
                    Value::Str(_) | Value::Int(_) | Value::Bool(_) | Value::None => k,
                    other => Value::from_str(&vm.str_of(&other)?),
                };
                let kk = vm.key_of(&key)?;
                out.insert(kk, safe_json(vm, &x, depth + 1)?);
            }
            Value::dict(out)
        }
        Value::Object(o) => {
            let (class, name, attrs) = {
                let b = o.borrow();
                (b.class.name.clone(), b.instance_name.clone(), b.attrs.clone())
            };
            if datetime_like(v) {
                return Ok(match super::datetime_of(v) {
                    Some(dt) => Value::from_str(&dt.format("%Y-%m-%dT%H:%M:%S").to_string()),
                    None => Value::None,
                });
            }
            let mut out = Dict::default();
            out.insert(lang::Key::str("_class"), Value::from_str(&format!("docassemble.base.util.{class}")));
            out.insert(lang::Key::str("instanceName"), name.map(|n| Value::from_str(&n)).unwrap_or(Value::None));
            for (k, x) in attrs.iter() {
                if k.starts_with("_da_") || k.starts_with("_dt") {
                    continue;
                }
                out.insert(lang::Key::str(k), safe_json(vm, x, depth + 1)?);
            }
            Value::dict(out)
        }
        // a class: docassemble's `{'_class': 'type', 'name': 'module.Class'}`
        Value::Class(c) => {
            let mut out = Dict::default();
            out.insert(lang::Key::str("_class"), Value::from_str("type"));
            out.insert(lang::Key::str("name"), Value::from_str(&format!("docassemble.base.util.{}", c.name)));
            Value::dict(out)
        }
        _ => Value::None,
    })
}

fn datetime_like(v: &Value) -> bool {
    matches!(v, Value::Object(o) if &*o.borrow().class.name == "DADateTime")
}
