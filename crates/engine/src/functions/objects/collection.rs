//! The container protocol shared by `DAList`, `DADict` and `DASet`: indexing, iteration,
//! length and text, deleting items, `reset_gathered`, `item`, the gathered-state queries,
//! and the nouns and add action of a group.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn elements_value(v: &Value) -> Value {
    get(v, "elements").unwrap_or(Value::None)
}

/// `DAList.init(**kwargs)` / `DADict` / `DASet`: empty elements, the keyword arguments
/// as attributes, `auto_gather`, the items of `DADict.using(keys=…)`.
pub(super) fn coll_init(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let is_dict = super::finance::is_a(&me, "DADict") || matches!(&me, Value::Object(o) if o.borrow().class.name.contains("Dict"));
    let el = if is_dict { Value::dict(Dict::default()) } else { Value::list(Vec::new()) };
    set(&me, "elements", el);
    let plain_list = !is_dict && !super::finance::is_a(&me, "DASet");
    if plain_list {
        // a DAList's attributes in the order docassemble's `init` gives them (they show in
        // its JSON form); the keyword arguments and `.using()` values take their places
        let using = |name: &str| given_or_using(&args, &me, name);
        for (name, default) in [("auto_gather", Value::Bool(true)), ("ask_number", Value::Bool(false)), ("minimum_number", Value::None)] {
            set(&me, name, using(name).unwrap_or(default));
        }
        for (name, default) in [
            ("object_type", Value::None),
            ("object_type_parameters", Value::dict(Dict::default())),
            ("complete_attribute", Value::None),
            ("ask_object_type", Value::Bool(false)),
        ] {
            // kept when the subclass's `init` set it before (`if not hasattr(self, …)`)
            if let Some(v) = using(name) {
                set(&me, name, v);
            } else if get(&me, name).is_none() {
                set(&me, name, default);
            }
        }
    }
    let mut given_elements = false;
    for (k, v) in std::mem::take(&mut args.keyword) {
        given_elements |= &*k == "elements" && !is_dict;
        set(&me, &k, v);
    }
    // `DAList(elements=[…])` is gathered, as docassemble's constructor says
    if given_elements {
        let any = matches!(get(&me, "elements"), Some(Value::List(l)) if !l.borrow().is_empty());
        set(&me, "there_are_any", Value::Bool(any));
        set(&me, "gathered", Value::Bool(true));
        set(&me, "revisit", Value::Bool(true));
    }
    super::apply_using(&me);
    if get(&me, "auto_gather").is_none() {
        set(&me, "auto_gather", Value::Bool(true));
    }
    // `DADict.using(object_type=…, keys=[…])`: an item of object_type for each key
    if is_dict {
        if let Some(keys) = get(&me, "keys").filter(|k| matches!(k, Value::List(_) | Value::Tuple(_))) {
            if let Value::Object(o) = &me {
                o.borrow_mut().attrs.shift_remove("keys");
            }
            if matches!(get(&me, "object_type"), Some(Value::Class(_))) {
                super::dict_new(vm, Args::new(vec![me.clone(), keys]))?;
            }
        }
    }
    Ok(Value::None)
}

/// A keyword argument of the constructor, else the class's `.using()` value.
fn given_or_using(args: &Args, me: &Value, name: &str) -> Option<Value> {
    if let Some((_, v)) = args.keyword.iter().find(|(k, _)| &**k == name) {
        return Some(v.clone());
    }
    let class = match me {
        Value::Object(o) => o.borrow().class.clone(),
        _ => return None,
    };
    match class.lookup("_using") {
        Some(Value::Dict(d)) => d.borrow().get(&Key::str(name)).cloned(),
        _ => None,
    }
}

pub(super) fn coll_getitem(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    match elements_value(&me) {
        Value::Dict(d) => {
            let k = vm.key_of(&key)?;
            let found = d.borrow().get(&k).cloned();
            match found {
                Some(v) => Ok(v),
                // a dictionary of objects makes the item when it is first used
                None if matches!(get(&me, "object_type"), Some(Value::Class(_))) => {
                    let class = get(&me, "object_type").unwrap_or(Value::None);
                    super::dict_init_object(vm, Args::new(vec![me.clone(), key, class]))
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
                    && matches!(get(&me, "object_type"), Some(Value::Class(_)))
                    && !get(&me, "gathered").is_some_and(|g| g.truthy()) =>
                {
                    let mut last = Value::None;
                    for _ in 0..11 {
                        if (l.borrow().len() as i64) > i {
                            break;
                        }
                        last = super::append_object(vm, &me)?;
                    }
                    Ok(last)
                }
                None => Err(Error::Undefined(format!("{}[{}]", instance_name(&me), i))),
            }
        }
        _ => Err(Error::exception("TypeError", "object is not subscriptable")),
    }
}

pub(super) fn coll_setitem(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    let val = args.positional.get(2).cloned().unwrap_or(Value::None);
    match elements_value(&me) {
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

pub(super) fn coll_contains(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let item = args.positional.get(1).cloned().unwrap_or(Value::None);
    let el = elements_value(&me);
    Ok(Value::Bool(vm.contains(&el, &item)?))
}

pub(super) fn coll_iter(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    super::trigger_gather(vm, &me)?;
    let el = elements_value(&me);
    let items = vm.iterate(&el)?;
    Ok(Value::list(items))
}

pub(super) fn coll_items(v: &Value) -> Vec<Value> {
    match elements_value(v) {
        Value::Dict(d) => d.borrow().keys().map(Key::to_value).collect(),
        Value::List(l) => l.borrow().clone(),
        _ => Vec::new(),
    }
}

pub(super) fn coll_len(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    // docassemble's `_target_or_actual()`: a list that asks for its number counts that number
    if get(&me, "ask_number").is_some_and(|a| a.truthy()) && !get(&me, "gathered").is_some_and(|g| g.truthy()) {
        if get(&me, "there_are_any").is_some_and(|a| !a.truthy()) {
            return Ok(Value::Int(0));
        }
        return match get(&me, "target_number") {
            Some(Value::Int(i)) => Ok(Value::Int(i)),
            Some(Value::Float(f)) => Ok(Value::Int(f.trunc() as i64)),
            Some(other) => Ok(Value::Int(other.str().trim().parse().unwrap_or(0))),
            None => Err(Error::Undefined(format!("{}.target_number", instance_name(&me)))),
        };
    }
    super::trigger_gather(vm, &me)?;
    let n = match elements_value(&me) {
        Value::Dict(d) => d.borrow().len(),
        Value::List(l) => l.borrow().len(),
        _ => 0,
    };
    Ok(Value::Int(i64::try_from(n).unwrap_or(0)))
}

pub(super) fn coll_number_as_word(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let n = coll_len(vm, args)?;
    text::nice_number_value(&n, false)
}

pub(super) fn coll_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    super::trigger_gather(vm, &me)?;
    let items = sorted_keys(vm, &me);
    let mut strs = Vec::new();
    for it in &items {
        strs.push(vm.str_of(it)?);
    }
    Ok(Value::from_str(&text::comma_and_list_str(&strs, "and", true)))
}

pub(super) fn coll_repr(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let el = elements_value(&me);
    Ok(Value::from_str(&vm.repr_of(&el)?))
}

pub(super) fn list_clear(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    match get(&me, "elements") {
        Some(Value::List(l)) => l.borrow_mut().clear(),
        Some(Value::Dict(d)) => d.borrow_mut().clear(),
        _ => {}
    }
    Ok(Value::None)
}

/// `del coll[key]` on a DAList/DADict (a list re-indexes its items' names).
pub(super) fn coll_delitem(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    match get(&me, "elements") {
        Some(Value::List(l)) => {
            let len = l.borrow().len();
            let idx = match key {
                Value::Int(i) if i < 0 => usize::try_from(i + i64::try_from(len).unwrap_or(0)).ok(),
                Value::Int(i) => usize::try_from(i).ok(),
                _ => None,
            };
            match idx {
                Some(i) if i < len => {
                    l.borrow_mut().remove(i);
                }
                _ => return Err(Error::exception("IndexError", "list assignment index out of range")),
            }
            let base = instance_name(&me);
            for (n, item) in l.borrow().iter().enumerate() {
                if let Value::Object(o) = item {
                    let mut b = o.borrow_mut();
                    let old = b.instance_name.as_deref().unwrap_or("").to_string();
                    if old.starts_with(&format!("{base}[")) {
                        b.instance_name = Some(Rc::from(format!("{base}[{n}]").as_str()));
                    }
                }
            }
        }
        Some(Value::Dict(d)) => {
            let k = vm.key_of(&key)?;
            if d.borrow_mut().shift_remove(&k).is_none() {
                // an item not there yet is sought (docassemble asks for it, then removes it)
                return Err(Error::Undefined(format!("{}[{}]", instance_name(&me), key.repr())));
            }
        }
        _ => {}
    }
    Ok(Value::None)
}

/// `reset_gathered(recursive=False, only_if_empty=False, mark_incomplete=False)`: the list is
/// to be gathered again (asking whether there are more); `mark_incomplete` forgets each
/// item's `complete_attribute` so that the items are completed again.
pub(super) fn reset_gathered(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let recursive = args.take_kw("recursive").is_some_and(|v| v.truthy());
    let only_if_empty = args.take_kw("only_if_empty").is_some_and(|v| v.truthy());
    let mark_incomplete = args.take_kw("mark_incomplete").is_some_and(|v| v.truthy());
    reset_one(&me, only_if_empty, mark_incomplete);
    if recursive {
        reset_nested(&me, 0);
    }
    Ok(Value::None)
}

/// `reset_gathered(recursive=True)`: the lists inside the items too.
pub(super) fn reset_nested(me: &Value, depth: u32) {
    if depth > 50 {
        return;
    }
    let items = if is_dict(me) { dict_values(me) } else { elements(me) };
    for item in items {
        if is_list(&item) {
            reset_one(&item, false, false);
            reset_nested(&item, depth + 1);
        }
    }
}

pub(super) fn reset_one(me: &Value, only_if_empty: bool, mark_incomplete: bool) {
    if only_if_empty && count(me) > 0 {
        return;
    }
    if count(me) == 0 {
        del(me, "there_are_any");
    }
    for a in ["there_is_another", "there_is_one_other", "gathered", "revisit", "new_object_type", ANOTHER_AT] {
        del(me, a);
    }
    if mark_incomplete {
        if let Some(Value::Str(attr)) = get(me, "complete_attribute") {
            let items = if is_dict(me) { dict_values(me) } else { elements(me) };
            for item in items {
                del(&item, &attr);
            }
        }
    }
}

/// `coll.item(i)`: the item, or a `DAEmpty` (blank text, any attribute blank) when there is none.
pub(super) fn list_item(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    let found = match get(&me, "elements") {
        Some(Value::List(l)) => match key {
            Value::Int(i) if i >= 0 => usize::try_from(i).ok().and_then(|i| l.borrow().get(i).cloned()),
            _ => None,
        },
        Some(Value::Dict(d)) => {
            let k = vm.key_of(&key)?;
            let v = d.borrow().get(&k).cloned();
            v
        }
        _ => None,
    };
    match found {
        Some(v) => Ok(v),
        None => Ok(Value::new_object(super::host(vm)?.class("DAEmpty"), None)),
    }
}

/// `has_been_gathered()`: whether `gathered` is set (never gathers).
pub(super) fn has_been_gathered(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(Value::Bool(get(&me, "gathered").is_some_and(|v| v.truthy()) || get(&me, "was_gathered").is_some_and(|v| v.truthy())))
}

/// `number_gathered()`: the items there so far (never gathers).
pub(super) fn number_gathered(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if args.take_kw("if_started").is_some_and(|v| v.truthy())
        && get(&me, "gathered").is_none()
        && get(&me, "there_are_any").is_none()
        && count(&me) == 0
    {
        trigger_gather(vm, &me)?;
    }
    Ok(Value::Int(i64::try_from(count(&me)).unwrap_or(0)))
}

/// `gathered_and_complete()`: gathers the list and makes sure every item is complete.
pub(super) fn gathered_and_complete(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    let items = if is_dict(&me) { dict_values(&me) } else { elements(&me) };
    for item in items {
        ensure_complete(vm, &me, &item)?;
    }
    Ok(Value::Bool(true))
}

pub(crate) fn count(v: &Value) -> usize {
    if is_dict(v) {
        dict_len(v)
    } else {
        elements(v).len()
    }
}

/// `coll.quantity_noun(noun)`: `quantity_noun(coll.number(), noun)`.
pub(super) fn list_quantity_noun(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    let n = i64::try_from(count(&me)).unwrap_or(0);
    let mut rest = args;
    rest.positional.remove(0);
    rest.positional.insert(0, Value::Int(n));
    super::text::quantity_noun(vm, rest)
}

/// `coll.add_action(label=…)`: an "Add another" button (the `_da_list_add` action).
pub(super) fn list_add_action(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let label = match args.take_kw("label") {
        Some(v) => vm.str_of(&v)?,
        None => {
            if count(&me) == 0 {
                "Add an item".to_string()
            } else {
                "Add another".to_string()
            }
        }
    };
    let color = match args.take_kw("color") {
        Some(v) => vm.str_of(&v)?,
        None => "success".into(),
    };
    let mut m = serde_json::Map::new();
    m.insert("list".into(), serde_json::Value::String(instance_name(&me)));
    let h = super::host(vm)?;
    let url = h.action_url("_da_list_add", &m);
    let html = format!(
        "<a href=\"{}\" class=\"btn btn-sm btn-{} btn-darevisit\"><i class=\"fas fa-plus-circle\"></i> {}</a>",
        crate::html::html_escape(&url),
        crate::html::html_escape(&color),
        crate::html::html_escape(&label)
    );
    Ok(Value::from_str(&crate::html::safe_html(&html)))
}

/// The last part of an instance name (`case.defendant` → `defendant`).
fn last_name_part(me: &Value) -> String {
    let name = instance_name(me);
    name.rsplit('.').next().unwrap_or("").to_string()
}

/// `list.as_singular_noun()`: the singular of the last part of its name, however many
/// items there are (no gathering).
pub(super) fn list_as_singular_noun(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(Value::from_str(&super::text::singular(&last_name_part(&me))))
}

/// `dict.as_singular_noun()` / `set.as_singular_noun()`: the last part of its name as it is.
pub(super) fn dict_as_singular_noun(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(Value::from_str(&last_name_part(&me)))
}

pub(super) fn list_as_noun(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let capitalize = args.take_kw("capitalize").is_some_and(|v| v.truthy());
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    let noun = match args.positional.get(1) {
        Some(v) => v.str(),
        // docassemble: the last part of the instance name, `_` as spaces
        None => {
            let name = instance_name(&me);
            let last = name.rsplit('.').next().unwrap_or("").to_string();
            last.split('[').next().unwrap_or("").replace('_', " ")
        }
    };
    let noun = noun.rsplit('.').next().unwrap_or("").replace('_', " ");
    // docassemble: singular for one item, plural otherwise, then capitalized when asked
    let out = if count(&me) == 1 { super::text::singular(&noun) } else { super::text::plural(&noun) };
    Ok(Value::from_str(&if capitalize { super::text::capitalize_str(&out) } else { out }))
}
