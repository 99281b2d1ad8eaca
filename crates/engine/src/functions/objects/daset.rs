//! `DASet`: a gathered set of unique items, and the set operations of `DAList`/`DADict`.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Whether `v` is a `DASet` (or a subclass of it).
pub(super) fn is_set(v: &Value) -> bool {
    fn class_is(c: &Class) -> bool {
        &*c.name == "DASet" || c.bases.iter().any(|b| class_is(b))
    }
    match v {
        Value::Object(o) => class_is(&o.borrow().class),
        _ => false,
    }
}

/// Adds `item` to a set's elements unless present (strings kept in sorted order).
pub(super) fn set_insert(vm: &mut Vm<'_>, me: &Value, item: Value) -> Result<(), Error> {
    let Some(Value::List(l)) = get(me, "elements") else { return Ok(()) };
    let items = l.borrow().clone();
    for x in &items {
        if vm.eq(x, &item)? {
            return Ok(());
        }
    }
    let pos = match &item {
        Value::Str(s) => items.iter().position(|x| matches!(x, Value::Str(t) if t > s)).unwrap_or(items.len()),
        // objects in the order of their text (docassemble compares objects by str())
        Value::Object(_) => match vm.str_of(&item) {
            Ok(me_s) => {
                let mut at = items.len();
                for (n, x) in items.iter().enumerate() {
                    if matches!(x, Value::Object(_)) && vm.str_of(x).is_ok_and(|t| t > me_s) {
                        at = n;
                        break;
                    }
                }
                at
            }
            Err(_) => items.len(),
        },
        _ => items.len(),
    };
    l.borrow_mut().insert(pos, item);
    Ok(())
}

/// The items of a list/set (a dictionary's values) for the set operations.
pub(super) fn set_items(vm: &mut Vm<'_>, v: &Value) -> Result<Vec<Value>, Error> {
    if is_list(v) {
        trigger_gather(vm, v)?;
        return Ok(if is_dict(v) { dict_values(v) } else { elements(v) });
    }
    vm.iterate(v)
}

pub(super) fn contains_eq(vm: &mut Vm<'_>, items: &[Value], x: &Value) -> Result<bool, Error> {
    for y in items {
        if vm.eq(x, y)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A gathered `DASet` of these items.
pub(super) fn new_set(vm: &mut Vm<'_>, items: Vec<Value>) -> Result<Value, Error> {
    let h = super::host(vm)?;
    let obj = Value::new_object(h.class("DASet"), None);
    set(&obj, "elements", Value::list(items));
    set(&obj, "gathered", Value::Bool(true));
    set(&obj, "auto_gather", Value::Bool(false));
    Ok(obj)
}

pub(super) fn set_op(vm: &mut Vm<'_>, args: &Args) -> Result<(Vec<Value>, Vec<Value>), Error> {
    let me = self_obj(args)?;
    let mine = set_items(vm, &me)?;
    let other = match args.positional.get(1) {
        Some(o) => set_items(vm, o)?,
        None => Vec::new(),
    };
    Ok((mine, other))
}

pub(super) fn set_union(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (mine, other) = set_op(vm, &args)?;
    let s = new_set(vm, Vec::new())?;
    for x in mine.into_iter().chain(other) {
        set_insert(vm, &s, x)?;
    }
    Ok(s)
}

pub(super) fn set_intersection(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (mine, other) = set_op(vm, &args)?;
    let mut out = Vec::new();
    for x in mine {
        if contains_eq(vm, &other, &x)? {
            out.push(x);
        }
    }
    new_set(vm, out)
}

pub(super) fn set_difference(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (mine, other) = set_op(vm, &args)?;
    let mut out = Vec::new();
    for x in mine {
        if !contains_eq(vm, &other, &x)? {
            out.push(x);
        }
    }
    new_set(vm, out)
}

pub(super) fn set_isdisjoint(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (mine, other) = set_op(vm, &args)?;
    for x in &mine {
        if contains_eq(vm, &other, x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

pub(super) fn set_issubset(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (mine, other) = set_op(vm, &args)?;
    for x in &mine {
        if !contains_eq(vm, &other, x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

pub(super) fn set_issuperset(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (mine, other) = set_op(vm, &args)?;
    for x in &other {
        if !contains_eq(vm, &mine, x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

pub(super) const SET_METHODS: [(&str, NativeFn); 6] = [
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("isdisjoint", set_isdisjoint),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
];

pub(super) fn set_add(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    for item in args.positional.iter().skip(1) {
        set_insert(vm, &me, item.clone())?;
    }
    Ok(Value::None)
}

/// docassemble's `DASet.gather()`: items arrive through `new_item`.
pub(super) fn gather_set(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    let ask_number = get(me, "ask_number").is_some_and(|v| v.truthy());
    let target = if ask_number {
        match need(vm, me, "target_number")? {
            Value::Int(i) => usize::try_from(i).unwrap_or(0),
            other => other.str().trim().parse().unwrap_or(0),
        }
    } else {
        0
    };
    if !ask_number && elements(me).is_empty() && get(me, "new_item").is_none() {
        let any = need(vm, me, "there_are_any")?;
        if !vm.truthy(&any)? {
            set(me, "gathered", Value::Bool(true));
            return Ok(());
        }
    }
    for _ in 0..10_000 {
        if let Some(item) = get(me, "new_item") {
            set_insert(vm, me, item)?;
            del(me, "new_item");
            if get(me, ANOTHER_AT).is_some() {
                del(me, ANOTHER_AT);
                del(me, "there_is_another");
            }
            continue;
        }
        let more = if ask_number {
            elements(me).len() < target
        } else if elements(me).is_empty() {
            true
        } else {
            let another = need(vm, me, "there_is_another")?;
            let t = vm.truthy(&another)?;
            if t {
                // kept until the new item is given (a refresh asks for it again)
                set(me, ANOTHER_AT, Value::Int(i64::try_from(elements(me).len()).unwrap_or(0)));
            }
            t
        };
        if !more {
            break;
        }
        need(vm, me, "new_item")?;
    }
    set(me, "gathered", Value::Bool(true));
    Ok(())
}
