//! Methods of `list` and `tuple`.

use super::*;

pub(super) fn list_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "append" => list_append,
        "extend" => list_extend,
        "insert" => list_insert,
        "pop" => list_pop,
        "remove" => list_remove,
        "index" => list_index,
        "count" => seq_count,
        "sort" => list_sort,
        "reverse" => list_reverse,
        "copy" => list_copy,
        "clear" => list_clear,
        _ => return None,
    })
}

pub(super) fn recv_list(v: &Value) -> Result<Rc<RefCell<Vec<Value>>>, Error> {
    match v {
        Value::List(l) => Ok(l.clone()),
        other => Err(Error::type_error(format!(
            "descriptor requires a 'list' object but received '{}'",
            other.type_name()
        ))),
    }
}

pub(super) fn list_append(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "list.append", &["object"], 1, false)?;
    let l = recv_list(&recv)?;
    let mut l = l.borrow_mut();
    check_len(vm, l.len() + 1)?;
    l.push(p.raw(0).cloned().unwrap_or(Value::None));
    Ok(Value::None)
}

pub(super) fn list_extend(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "list.extend", &["iterable"], 1, false)?;
    let l = recv_list(&recv)?;
    let items = iterate(vm, p.raw(0).unwrap_or(&Value::None))?;
    let mut l = l.borrow_mut();
    check_len(vm, l.len() + items.len())?;
    l.extend(items);
    Ok(Value::None)
}

pub(super) fn list_insert(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "insert", &["index", "object"], 2, false)?;
    let l = recv_list(&recv)?;
    let i = (p.raw(0).unwrap_or(&Value::None)).to_index()?;
    let mut l = l.borrow_mut();
    check_len(vm, l.len() + 1)?;
    let len = l.len() as i64;
    let at = if i < 0 { (len + i).max(0) } else { i.min(len) } as usize;
    l.insert(at, p.raw(1).cloned().unwrap_or(Value::None));
    Ok(Value::None)
}

pub(super) fn list_pop(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "pop", &["index"], 0, false)?;
    let l = recv_list(&recv)?;
    let mut l = l.borrow_mut();
    if l.is_empty() {
        return Err(exc("IndexError", "pop from empty list"));
    }
    let len = l.len() as i64;
    let i = match p.raw(0) {
        None => len - 1,
        Some(v) => v.to_index()?,
    };
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(exc("IndexError", "pop index out of range"));
    }
    Ok(l.remove(i as usize))
}

pub(super) fn list_remove(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "list.remove", &["value"], 1, false)?;
    let l = recv_list(&recv)?;
    let x = p.raw(0).cloned().unwrap_or(Value::None);
    let items = l.borrow().clone();
    let mut pos = None;
    for (i, v) in items.iter().enumerate() {
        if vm.eq(v, &x)? {
            pos = Some(i);
            break;
        }
    }
    let pos = pos.filter(|&i| i < l.borrow().len());
    match pos {
        Some(i) => {
            l.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(Error::value_error("list.remove(x): x not in list")),
    }
}

pub(super) fn seq_items(v: &Value) -> Vec<Value> {
    match v {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => Vec::new(),
    }
}

pub(super) fn index_impl(vm: &mut Vm<'_>, args: Args, qual: &str) -> Result<Option<i64>, Error> {
    let (recv, p) = parse(args, qual, &["value", "start", "stop"], 1, false)?;
    let items = seq_items(&recv);
    let x = p.raw(0).cloned().unwrap_or(Value::None);
    let (a, b) = slice_bounds(items.len(), p.raw(1), p.raw(2))?;
    for (i, item) in items.iter().enumerate().take(b).skip(a) {
        if vm.eq(item, &x)? {
            return Ok(Some(i as i64));
        }
    }
    Ok(None)
}

pub(super) fn list_index(vm: &mut Vm<'_>, args: Args) -> R {
    let x = args.positional.get(1).cloned().unwrap_or(Value::None);
    match index_impl(vm, args, "index")? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(Error::value_error(format!("{} is not in list", x.repr()))),
    }
}

pub(super) fn tuple_index(vm: &mut Vm<'_>, args: Args) -> R {
    match index_impl(vm, args, "index")? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(Error::value_error("tuple.index(x): x not in tuple")),
    }
}

pub(super) fn seq_count(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "count", &["value"], 1, false)?;
    let x = p.raw(0).cloned().unwrap_or(Value::None);
    let mut n = 0;
    for v in seq_items(&recv) {
        if vm.eq(&v, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

pub(super) fn list_sort(vm: &mut Vm<'_>, args: Args) -> R {
    if args.positional.len() > 1 {
        return Err(Error::type_error("sort() takes no positional arguments"));
    }
    let (recv, p) = parse(args, "sort", &["key", "reverse"], 0, true)?;
    let l = recv_list(&recv)?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let reverse = p.get(1).is_some_and(Value::truthy);
    match crate::builtins::sorted_values(vm, items.clone(), p.get(0), reverse) {
        Ok(sorted) => {
            *l.borrow_mut() = sorted;
            Ok(Value::None)
        }
        Err(e) => {
            *l.borrow_mut() = items;
            Err(e)
        }
    }
}

pub(super) fn list_reverse(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "list.reverse", &[], 0, false)?;
    recv_list(&recv)?.borrow_mut().reverse();
    Ok(Value::None)
}

pub(super) fn list_copy(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "list.copy", &[], 0, false)?;
    let items = recv_list(&recv)?.borrow().clone();
    Ok(Value::list(items))
}

pub(super) fn list_clear(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "list.clear", &[], 0, false)?;
    recv_list(&recv)?.borrow_mut().clear();
    Ok(Value::None)
}
