//! Methods of `set` and `frozenset`.

use super::*;

pub(super) fn set_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "add" => set_add,
        "discard" => set_discard,
        "remove" => set_remove,
        "pop" => set_pop,
        "union" => set_union,
        "intersection" => set_intersection,
        "difference" => set_difference,
        "symmetric_difference" => set_symmetric_difference,
        "issubset" => set_issubset,
        "issuperset" => set_issuperset,
        "isdisjoint" => set_isdisjoint,
        "update" => set_update,
        "intersection_update" => set_intersection_update,
        "difference_update" => set_difference_update,
        "clear" => dict_clear,
        "copy" => dict_copy,
        _ => return None,
    })
}

pub(super) fn new_set(d: Dict) -> Value {
    Value::Set(Rc::new(RefCell::new(d)))
}

pub(super) fn key_set(vm: &mut Vm<'_>, v: &Value) -> Result<Dict, Error> {
    if let Value::Set(d) = v {
        return Ok(d.borrow().clone());
    }
    let mut out = IndexMap::default();
    for item in iterate(vm, v)? {
        out.insert(key_of(&item)?, Value::None);
    }
    Ok(out)
}

pub(super) fn set_add(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "set.add", &["object"], 1, false)?;
    let d = recv_dict(&recv)?;
    let k = key_of(p.raw(0).unwrap_or(&Value::None))?;
    let mut d = d.borrow_mut();
    if !d.contains_key(&k) {
        check_len(vm, d.len() + 1)?;
        d.insert(k, Value::None);
    }
    Ok(Value::None)
}

pub(super) fn set_discard(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "set.discard", &["object"], 1, false)?;
    let k = key_of(p.raw(0).unwrap_or(&Value::None))?;
    recv_dict(&recv)?.borrow_mut().shift_remove(&k);
    Ok(Value::None)
}

pub(super) fn set_remove(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "set.remove", &["object"], 1, false)?;
    let kv = p.raw(0).cloned().unwrap_or(Value::None);
    let k = key_of(&kv)?;
    match recv_dict(&recv)?.borrow_mut().shift_remove(&k) {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(&kv)),
    }
}

pub(super) fn set_pop(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "set.pop", &[], 0, false)?;
    let d = recv_dict(&recv)?;
    let first = d.borrow_mut().shift_remove_index(0);
    match first {
        Some((k, _)) => Ok(k.to_value()),
        None => Err(vm.key_error(&s("pop from an empty set"))),
    }
}

pub(super) fn set_op(vm: &mut Vm<'_>, args: Args, qual: &str, op: fn(&mut Dict, &Dict)) -> R {
    let mut pos = args.positional.into_iter();
    let recv = pos.next().unwrap_or(Value::None);
    if !args.keyword.is_empty() {
        return Err(Error::type_error(format!("{qual}() takes no keyword arguments")));
    }
    let mut acc = recv_dict(&recv)?.borrow().clone();
    for other in pos {
        let o = key_set(vm, &other)?;
        op(&mut acc, &o);
    }
    check_len(vm, acc.len())?;
    Ok(new_set(acc))
}

pub(super) fn op_union(a: &mut Dict, b: &Dict) {
    for k in b.keys() {
        a.entry(k.clone()).or_insert(Value::None);
    }
}
pub(super) fn op_intersection(a: &mut Dict, b: &Dict) {
    a.retain(|k, _| b.contains_key(k));
}
pub(super) fn op_difference(a: &mut Dict, b: &Dict) {
    a.retain(|k, _| !b.contains_key(k));
}
pub(super) fn op_symmetric(a: &mut Dict, b: &Dict) {
    for k in b.keys() {
        if a.shift_remove(k).is_none() {
            a.insert(k.clone(), Value::None);
        }
    }
}

pub(super) fn set_union(vm: &mut Vm<'_>, args: Args) -> R {
    set_op(vm, args, "set.union", op_union)
}
pub(super) fn set_intersection(vm: &mut Vm<'_>, args: Args) -> R {
    set_op(vm, args, "set.intersection", op_intersection)
}
pub(super) fn set_difference(vm: &mut Vm<'_>, args: Args) -> R {
    set_op(vm, args, "set.difference", op_difference)
}
pub(super) fn set_symmetric_difference(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "set.symmetric_difference", &["other"], 1, false)?;
    let other = p.raw(0).cloned().unwrap_or(Value::None);
    set_op(
        vm,
        Args::new(vec![recv, other]),
        "set.symmetric_difference",
        op_symmetric,
    )
}

pub(super) fn set_update_impl(vm: &mut Vm<'_>, args: Args, qual: &str, op: fn(&mut Dict, &Dict)) -> R {
    let recv = args.positional.first().cloned().unwrap_or(Value::None);
    let result = set_op(vm, args, qual, op)?;
    if let (Value::Set(target), Value::Set(new)) = (&recv, &result) {
        let new = new.borrow().clone();
        *target.borrow_mut() = new;
    }
    Ok(Value::None)
}

pub(super) fn set_update(vm: &mut Vm<'_>, args: Args) -> R {
    set_update_impl(vm, args, "set.update", op_union)
}
pub(super) fn set_intersection_update(vm: &mut Vm<'_>, args: Args) -> R {
    set_update_impl(vm, args, "set.intersection_update", op_intersection)
}
pub(super) fn set_difference_update(vm: &mut Vm<'_>, args: Args) -> R {
    set_update_impl(vm, args, "set.difference_update", op_difference)
}

pub(super) fn set_relation(vm: &mut Vm<'_>, args: Args, qual: &str) -> Result<(Dict, Dict), Error> {
    let (recv, p) = parse(args, qual, &["other"], 1, false)?;
    let a = recv_dict(&recv)?.borrow().clone();
    let b = key_set(vm, p.raw(0).unwrap_or(&Value::None))?;
    Ok((a, b))
}

pub(super) fn set_issubset(vm: &mut Vm<'_>, args: Args) -> R {
    let (a, b) = set_relation(vm, args, "set.issubset")?;
    Ok(Value::Bool(a.keys().all(|k| b.contains_key(k))))
}
pub(super) fn set_issuperset(vm: &mut Vm<'_>, args: Args) -> R {
    let (a, b) = set_relation(vm, args, "set.issuperset")?;
    Ok(Value::Bool(b.keys().all(|k| a.contains_key(k))))
}
pub(super) fn set_isdisjoint(vm: &mut Vm<'_>, args: Args) -> R {
    let (a, b) = set_relation(vm, args, "set.isdisjoint")?;
    Ok(Value::Bool(!a.keys().any(|k| b.contains_key(k))))
}
