//! `DADict`: checkbox results (`true_values`, `all_true` …), dict access, and gathering
//! by key (`new`, `initialize_object`, `there_is_another`).

#[allow(clippy::wildcard_imports)]
use super::*;

/// The keys whose values are (or are not) true, after gathering: sorted by key, or in the
/// order they were added with `insertion_order=True` (docassemble's `true_values()`).
fn dict_filter(vm: &mut Vm<'_>, mut args: Args, want: bool) -> Result<Vec<Value>, Error> {
    let insertion_order = args.take_kw("insertion_order").is_some_and(|v| v.truthy());
    let me = self_obj(&args)?;
    super::trigger_gather(vm, &me)?;
    let Value::Dict(d) = elements_value(&me) else { return Ok(Vec::new()) };
    let keys = if insertion_order { d.borrow().keys().map(Key::to_value).collect() } else { sorted_keys(vm, &me) };
    let mut out = Vec::new();
    for k in keys {
        let key = vm.key_of(&k)?;
        if d.borrow().get(&key).is_some_and(|v| v.truthy() == want) {
            out.push(k);
        }
    }
    Ok(out)
}

pub(super) fn dict_true_values(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let items = dict_filter(vm, args, true)?;
    new_list(vm, items)
}

pub(super) fn dict_false_values(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let items = dict_filter(vm, args, false)?;
    new_list(vm, items)
}

pub(super) fn dict_all_true(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    dict_all(vm, args, true)
}

pub(super) fn dict_all_false(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    dict_all(vm, args, false)
}

/// `all_true(*keys, exclusive=False)` / `all_false(…)`: whether the values of the given keys
/// (all keys when none are given) are all `want`; a key that is not there makes it false;
/// `exclusive`: every other key must have the other value.
fn dict_all(vm: &mut Vm<'_>, mut args: Args, want: bool) -> Result<Value, Error> {
    let exclusive = args.take_kw("exclusive").is_some_and(|v| v.truthy());
    let me = self_obj(&args)?;
    let mut keys = Vec::new();
    for a in args.positional.iter().skip(1) {
        match a {
            Value::Str(_) => keys.push(a.clone()),
            Value::List(_) | Value::Tuple(_) | Value::Set(_) => keys.extend(vm.iterate(a)?),
            Value::Object(_) if is_list(a) => keys.extend(vm.iterate(a)?),
            other => keys.push(other.clone()),
        }
    }
    let Value::Dict(d) = elements_value(&me) else { return Ok(Value::Bool(keys.is_empty())) };
    let mut listed = Vec::with_capacity(keys.len());
    for k in &keys {
        let key = vm.key_of(k)?;
        if !d.borrow().contains_key(&key) {
            return Ok(Value::Bool(false));
        }
        listed.push(key);
    }
    let all = d.borrow().iter().all(|(k, v)| {
        if keys.is_empty() || listed.contains(k) {
            v.truthy() == want
        } else {
            !exclusive || v.truthy() != want
        }
    });
    if all {
        // the answer is only sure once the dictionary is gathered (docassemble gathers here)
        super::trigger_gather(vm, &me)?;
    }
    Ok(Value::Bool(all))
}

/// `any_true(*keys)`: `not all_false(*keys)`.
pub(super) fn dict_any_true(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    Ok(Value::Bool(!dict_all(vm, args, false)?.truthy()))
}

/// `any_false(*keys)`: `not all_true(*keys)`.
pub(super) fn dict_any_false(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    Ok(Value::Bool(!dict_all(vm, args, true)?.truthy()))
}

/// The keys of a `DADict` in sorted order when they can be sorted (docassemble's
/// `keys()` and `str()`); the items of a list as they are.
pub(super) fn sorted_keys(vm: &mut Vm<'_>, me: &Value) -> Vec<Value> {
    let items = coll_items(me);
    if !matches!(elements_value(me), Value::Dict(_)) || super::finance::is_a(me, "DAOrderedDict") {
        return items;
    }
    lang::builtins::sorted_values(vm, items.clone(), None, false).unwrap_or(items)
}

pub(super) fn dict_keys(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    super::trigger_gather(vm, &me)?;
    Ok(Value::list(sorted_keys(vm, &me)))
}

pub(super) fn dict_values_method(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(match elements_value(&me) {
        Value::Dict(d) => Value::list(d.borrow().values().cloned().collect()),
        other => other,
    })
}

pub(super) fn dict_items(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(match elements_value(&me) {
        Value::Dict(d) => Value::list(d.borrow().iter().map(|(k, v)| Value::tuple(vec![k.to_value(), v.clone()])).collect()),
        _ => Value::list(Vec::new()),
    })
}

pub(super) fn dict_get(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if args.positional.len() == 2 {
        // `d.get(key)`: the item, asked for (or made) when it is not there
        return coll_getitem(vm, args);
    }
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    let default = args.positional.get(2).cloned().unwrap_or(Value::None);
    if let Value::Dict(d) = elements_value(&me) {
        let k = vm.key_of(&key)?;
        if let Some(v) = d.borrow().get(&k) {
            return Ok(v.clone());
        }
    }
    Ok(default)
}

/// The checkbox result: a `DADict` of option → bool, gathered.
pub fn make_dadict(host: &EngineHost, name: &str, pairs: Vec<(Value, bool)>) -> Value {
    let cls = host.class("DADict");
    let obj = Value::new_object(cls, if name.is_empty() { None } else { Some(name) });
    let mut d = Dict::default();
    for (k, v) in pairs {
        if let Ok(key) = k.to_key() {
            d.insert(key, Value::Bool(v));
        }
    }
    set(&obj, "elements", Value::dict(d));
    set(&obj, "gathered", Value::Bool(true));
    set(&obj, "auto_gather", Value::Bool(false));
    obj
}

pub(super) fn is_dict(v: &Value) -> bool {
    matches!(get(v, "elements"), Some(Value::Dict(_)))
}

pub(super) fn dict_values(v: &Value) -> Vec<Value> {
    match get(v, "elements") {
        Some(Value::Dict(d)) => d.borrow().values().cloned().collect(),
        _ => Vec::new(),
    }
}

/// The values of a `DADict` in the order of its sorted keys (the order docassemble checks
/// that its items are complete in); insertion order when the keys cannot be sorted.
fn sorted_values(vm: &mut Vm<'_>, me: &Value) -> Vec<Value> {
    let Some(Value::Dict(d)) = get(me, "elements") else { return Vec::new() };
    let keys = sorted_keys(vm, me);
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let Ok(key) = vm.key_of(&k) else { return dict_values(me) };
        match d.borrow().get(&key) {
            Some(v) => out.push(v.clone()),
            None => return dict_values(me),
        }
    }
    out
}

pub(super) fn dict_len(v: &Value) -> usize {
    match get(v, "elements") {
        Some(Value::Dict(d)) => d.borrow().len(),
        _ => 0,
    }
}

/// Adds the entry named by `new_item_name` (an object of `object_type`, or asks for the value).
pub(super) fn add_dict_item(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    let key = need(vm, me, "new_item_name")?;
    let name = format!("{}[{}]", instance_name(me), key.repr());
    match get(me, "object_type") {
        Some(Value::Class(c)) => {
            let obj = vm.call(&Value::Class(c), Args::new(vec![Value::from_str(&name)]))?;
            if let Value::Object(o) = &obj {
                o.borrow_mut().instance_name = Some(Rc::from(name.as_str()));
            }
            super::finance::new_item_callback(me, &obj);
            if let Some(Value::Dict(d)) = get(me, "elements") {
                let k = vm.key_of(&key)?;
                d.borrow_mut().insert(k, obj);
            }
            consumed_new_item(me);
            Ok(())
        }
        _ => {
            // a name already there is dropped with its value kept for the next question, as
            // docassemble's `gather()` does before it adds anything (the entry keeps its value)
            let present = match get(me, "elements") {
                Some(Value::Dict(d)) => {
                    let k = vm.key_of(&key)?;
                    let has = d.borrow().contains_key(&k);
                    has
                }
                _ => false,
            };
            if present {
                consumed_new_item(me);
                return Ok(());
            }
            if let Some(value) = get(me, "new_item_value") {
                if let Some(Value::Dict(d)) = get(me, "elements") {
                    let k = vm.key_of(&key)?;
                    d.borrow_mut().insert(k, value);
                }
                del(me, "new_item_value");
                consumed_new_item(me);
                return Ok(());
            }
            Err(Error::Undefined(name))
        }
    }
}

/// `new_item_name` was used (a new key, or one already there): the `there_is_another`
/// that asked for it is answered, as docassemble deletes both together (a `False` set by
/// the add action, which stands for docassemble's `there_is_one_other`, stays).
fn consumed_new_item(me: &Value) {
    del(me, "new_item_name");
    if get(me, "there_is_another").is_some_and(|v| v.truthy()) {
        del(me, "there_is_another");
        del(me, ANOTHER_AT);
    }
}

pub(super) fn gather_dict(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    let ask_number = get(me, "ask_number").is_some_and(|v| v.truthy());
    let target = if ask_number {
        let t = need(vm, me, "target_number")?;
        match t {
            Value::Int(i) => usize::try_from(i).unwrap_or(0),
            other => other.str().trim().parse().unwrap_or(0),
        }
    } else {
        0
    };
    if !ask_number && dict_len(me) == 0 && get(me, "new_item_name").is_none() {
        let any = need(vm, me, "there_are_any")?;
        if !vm.truthy(&any)? {
            finish_gather(vm, me)?;
            return Ok(());
        }
    }
    for _ in 0..10_000 {
        for item in sorted_values(vm, me) {
            ensure_complete(vm, me, &item)?;
        }
        if get(me, "new_item_name").is_some() {
            add_dict_item(vm, me)?;
            continue;
        }
        if ask_number {
            if dict_len(me) < target {
                add_dict_item(vm, me)?;
                continue;
            }
            break;
        }
        if dict_len(me) == 0 {
            add_dict_item(vm, me)?;
            continue;
        }
        let another = need(vm, me, "there_is_another")?;
        if vm.truthy(&another)? {
            // `there_is_another` stays until the new item is there (a refresh asks for it again)
            let n = i64::try_from(dict_len(me)).unwrap_or(0);
            match get(me, ANOTHER_AT) {
                Some(Value::Int(at)) if n > at => {
                    del(me, ANOTHER_AT);
                    del(me, "there_is_another");
                    continue;
                }
                Some(Value::Int(_)) => {}
                _ => set(me, ANOTHER_AT, Value::Int(n)),
            }
            add_dict_item(vm, me)?;
            continue;
        }
        break;
    }
    finish_gather(vm, me)?;
    Ok(())
}

/// `DADict.new(*keys)`: an item of `object_type` for each key not there yet (lists flattened).
pub(crate) fn dict_new(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let mut keys = Vec::new();
    for a in args.positional.iter().skip(1) {
        match a {
            Value::List(l) => keys.extend(l.borrow().iter().cloned()),
            Value::Tuple(t) => keys.extend(t.iter().cloned()),
            // a DAList / DASet / DADict of keys (`new(choices.true_values())`)
            Value::Object(_) if is_list(a) => keys.extend(vm.iterate(a)?),
            Value::Set(_) => keys.extend(vm.iterate(a)?),
            other => keys.push(other.clone()),
        }
    }
    let class = get(&me, "object_type").unwrap_or(Value::None);
    for key in keys {
        let present = match get(&me, "elements") {
            Some(Value::Dict(d)) => {
                let k = vm.key_of(&key)?;
                let has = d.borrow().contains_key(&k);
                has
            }
            _ => true,
        };
        if !present {
            dict_init_object(vm, Args::new(vec![me.clone(), key, class.clone()]))?;
        }
    }
    Ok(Value::None)
}

pub(crate) fn dict_init_object(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    let class = match args.positional.get(2).cloned().or_else(|| get(&me, "object_type")) {
        Some(Value::Class(c)) => c,
        _ => super::host(vm)?.class("DAObject"),
    };
    let name = format!("{}[{}]", instance_name(&me), key.repr());
    let obj = vm.call(&Value::Class(class), Args::new(vec![Value::from_str(&name)]))?;
    if let Value::Object(o) = &obj {
        o.borrow_mut().instance_name = Some(Rc::from(name.as_str()));
    }
    if let Some(Value::Dict(d)) = get(&me, "elements") {
        let k = vm.key_of(&key)?;
        d.borrow_mut().insert(k, obj.clone());
    }
    Ok(obj)
}
