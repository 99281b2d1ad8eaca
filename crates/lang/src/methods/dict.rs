//! Methods of `dict`.

use super::*;

pub(super) fn dict_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "get" => dict_get,
        "keys" => dict_keys,
        "values" => dict_values,
        "items" => dict_items,
        "pop" => dict_pop,
        "popitem" => dict_popitem,
        "setdefault" => dict_setdefault,
        "update" => dict_update,
        "copy" => dict_copy,
        "clear" => dict_clear,
        "fromkeys" => dict_fromkeys_bound,
        _ => return None,
    })
}

/// `d.fromkeys(…)` through an instance: the receiver is ignored.
pub(super) fn dict_fromkeys_bound(vm: &mut Vm<'_>, mut args: Args) -> R {
    if !args.positional.is_empty() {
        args.positional.remove(0);
    }
    dict_fromkeys(vm, args)
}

pub(super) fn recv_dict(v: &Value) -> Result<Rc<RefCell<Dict>>, Error> {
    match v {
        Value::Dict(d) | Value::Set(d) => Ok(d.clone()),
        other => Err(Error::type_error(format!(
            "descriptor requires a 'dict' object but received '{}'",
            other.type_name()
        ))),
    }
}

pub(super) fn dict_get(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "get", &["key", "default"], 1, false)?;
    let d = recv_dict(&recv)?;
    let k = key_of(p.raw(0).unwrap_or(&Value::None))?;
    let found = d.borrow().get(&k).cloned();
    Ok(found.unwrap_or_else(|| p.raw(1).cloned().unwrap_or(Value::None)))
}

pub(super) fn dict_fromkeys(vm: &mut Vm<'_>, args: Args) -> R {
    let mut a = Args::new(vec![Value::None]);
    a.positional.extend(args.positional);
    a.keyword = args.keyword;
    let (_, p) = parse(a, "fromkeys", &["iterable", "value"], 1, false)?;
    let value = p.raw(1).cloned().unwrap_or(Value::None);
    let mut d: Dict = IndexMap::default();
    for item in iterate(vm, p.raw(0).unwrap_or(&Value::None))? {
        d.insert(key_of(&item)?, value.clone());
    }
    check_len(vm, d.len())?;
    Ok(Value::dict(d))
}

pub(super) fn dict_keys(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "dict.keys", &[], 0, false)?;
    let keys = recv_dict(&recv)?
        .borrow()
        .keys()
        .map(Key::to_value)
        .collect();
    Ok(Value::list(keys))
}

pub(super) fn dict_values(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "dict.values", &[], 0, false)?;
    let vals = recv_dict(&recv)?.borrow().values().cloned().collect();
    Ok(Value::list(vals))
}

pub(super) fn dict_items(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "dict.items", &[], 0, false)?;
    let items = recv_dict(&recv)?
        .borrow()
        .iter()
        .map(|(k, v)| Value::tuple(vec![k.to_value(), v.clone()]))
        .collect();
    Ok(Value::list(items))
}

pub(super) fn dict_pop(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "pop", &["key", "default"], 1, false)?;
    let d = recv_dict(&recv)?;
    let kv = p.raw(0).cloned().unwrap_or(Value::None);
    let k = key_of(&kv)?;
    let removed = d.borrow_mut().shift_remove(&k);
    match removed {
        Some(v) => Ok(v),
        None => match p.raw(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.key_error(&kv)),
        },
    }
}

pub(super) fn dict_popitem(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "dict.popitem", &[], 0, false)?;
    let d = recv_dict(&recv)?;
    let last = d.borrow_mut().pop();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k.to_value(), v])),
        None => Err(vm.key_error(&s("popitem(): dictionary is empty"))),
    }
}

pub(super) fn dict_setdefault(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "setdefault", &["key", "default"], 1, false)?;
    let d = recv_dict(&recv)?;
    let k = key_of(p.raw(0).unwrap_or(&Value::None))?;
    let mut d = d.borrow_mut();
    if let Some(v) = d.get(&k) {
        return Ok(v.clone());
    }
    let v = p.raw(1).cloned().unwrap_or(Value::None);
    check_len(vm, d.len() + 1)?;
    d.insert(k, v.clone());
    Ok(v)
}

/// The (key, value) pairs of a dict-like argument (`dict.update`, `dict()`).
pub(crate) fn pairs_of(vm: &mut Vm<'_>, v: &Value) -> Result<Vec<(Key, Value)>, Error> {
    if let Value::Dict(d) = v {
        return Ok(d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect());
    }
    let items = iterate(vm, v)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let pair = match item {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            Value::Str(st) => st.chars().map(|c| ss(c.to_string())).collect(),
            _ => {
                return Err(Error::type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )))
            }
        };
        if pair.len() != 2 {
            return Err(Error::value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        out.push((key_of(&pair[0])?, pair[1].clone()));
    }
    Ok(out)
}

pub(super) fn dict_update(vm: &mut Vm<'_>, mut args: Args) -> R {
    let keyword = std::mem::take(&mut args.keyword);
    let (recv, p) = parse(args, "update", &["other"], 0, false)?;
    let d = recv_dict(&recv)?;
    let mut pairs = match p.raw(0) {
        Some(v) => pairs_of(vm, v)?,
        None => Vec::new(),
    };
    pairs.extend(keyword.into_iter().map(|(k, v)| (Key::Str(k), v)));
    let mut d = d.borrow_mut();
    for (k, v) in pairs {
        d.insert(k, v);
    }
    check_len(vm, d.len())?;
    Ok(Value::None)
}

pub(super) fn dict_copy(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "dict.copy", &[], 0, false)?;
    let d = recv_dict(&recv)?.borrow().clone();
    Ok(match recv {
        Value::Set(_) => Value::Set(Rc::new(RefCell::new(d))),
        _ => Value::dict(d),
    })
}

pub(super) fn dict_clear(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "dict.clear", &[], 0, false)?;
    recv_dict(&recv)?.borrow_mut().clear();
    Ok(Value::None)
}
