//! `DAList`: append/first/last, extending and clearing, and the gathering protocol
//! (`there_are_any`, `there_is_another`, `target_number`/`ask_number`, `object_type`,
//! `complete_attribute`, `gathered`, `auto_gather`, `appendObject`).

#[allow(clippy::wildcard_imports)]
use super::*;

/// A `DAList` holding `items`.
pub(crate) fn make_dalist(host: &EngineHost, name: &str, items: Vec<Value>) -> Value {
    let cls = host.class("DAList");
    let obj = Value::new_object(cls, if name.is_empty() { None } else { Some(name) });
    set(&obj, "elements", Value::list(items));
    set(&obj, "gathered", Value::Bool(true));
    set(&obj, "auto_gather", Value::Bool(false));
    obj
}

pub(super) fn new_list(vm: &mut Vm<'_>, items: Vec<Value>) -> Result<Value, Error> {
    let h = super::host(vm)?;
    Ok(make_dalist(h, "", items))
}

/// `lst.append(*items, set_instance_name=False)`: objects without a name, or all objects
/// with `set_instance_name=True`, are renamed after their place (`lst[3]`).
pub(super) fn list_append(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let rename = args.take_kw("set_instance_name").is_some_and(|v| v.truthy());
    let base = instance_name(&me);
    if let Value::List(l) = elements_value(&me) {
        let mut added = false;
        for v in args.positional.iter().skip(1) {
            if let Value::Object(o) = v {
                let unnamed = o.borrow().instance_name.is_none();
                if (rename || unnamed) && !base.is_empty() {
                    let n = l.borrow().len();
                    super::rename_tree(v, &format!("{base}[{n}]"));
                }
            }
            l.borrow_mut().push(v.clone());
            added = true;
        }
        if added {
            set(&me, "there_are_any", Value::Bool(true));
        }
    }
    Ok(Value::None)
}

pub(super) fn list_first(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    coll_items(&me).first().cloned().ok_or_else(|| Error::Undefined(format!("{}[0]", instance_name(&me))))
}

pub(super) fn list_last(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    coll_items(&me).last().cloned().ok_or_else(|| Error::Undefined(format!("{}[0]", instance_name(&me))))
}

pub(super) fn is_list(v: &Value) -> bool {
    matches!(get(v, "elements"), Some(Value::List(_)) | Some(Value::Dict(_)))
}

pub(crate) fn elements(v: &Value) -> Vec<Value> {
    match get(v, "elements") {
        Some(Value::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    }
}

/// Gathers the list unless it is gathered or `auto_gather` is off.
pub(crate) fn trigger_gather(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    if !is_list(me) {
        return Ok(());
    }
    let h = super::host(vm)?;
    if h.suppress_gather || h.gathering.contains_key(&instance_name(me)) {
        return Ok(());
    }
    if get(me, "gathered").is_some_and(|g| g.truthy()) {
        return Ok(());
    }
    if get(me, "auto_gather").is_some_and(|g| !g.truthy()) {
        // not gathered automatically: whoever gathers it must set `gathered`
        return Err(Error::Undefined(format!("{}.gathered", instance_name(me))));
    }
    gather(vm, me)
}

/// Gathers the rows of a `table:` (unless `auto_gather` is off or it is gathered).
pub(crate) fn gather_for_table(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    if !is_list(me) || super::host(vm)?.suppress_gather {
        return Ok(());
    }
    if get(me, "gathered").is_some_and(|g| g.truthy()) || get(me, "auto_gather").is_some_and(|g| !g.truthy()) {
        return Ok(());
    }
    gather(vm, me)
}

/// Makes sure an item is complete: its `complete_attribute`(s), or its text for objects.
pub(super) fn ensure_complete(vm: &mut Vm<'_>, me: &Value, item: &Value) -> Result<(), Error> {
    match get(me, "complete_attribute") {
        Some(Value::None) | None => {
            if let Value::Object(_) = item {
                vm.str_of(item)?;
            }
        }
        Some(Value::List(attrs)) => {
            let attrs = attrs.borrow().clone();
            for a in attrs {
                attr_path(vm, item, &a.str())?;
            }
        }
        Some(a) => {
            attr_path(vm, item, &a.str())?;
        }
    }
    Ok(())
}

/// Reads `item.a.b` (raising `Undefined` with the full name when missing).
pub(super) fn attr_path(vm: &mut Vm<'_>, item: &Value, path: &str) -> Result<Value, Error> {
    let mut cur = item.clone();
    for part in path.split('.') {
        cur = match &cur {
            Value::Object(_) => attr_value(vm, &cur, part)?,
            _ => return Err(Error::exception("AttributeError", format!("no attribute {part}"))),
        };
    }
    Ok(cur)
}

/// The number of items when `there_is_another` was answered yes (untyped lists).
pub(super) const ANOTHER_AT: &str = "_da_another_at";

pub(super) fn add_item(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    let n = elements(me).len();
    let name = format!("{}[{n}]", instance_name(me));
    // `ask_object_type=True`: the class of each new item is asked (`new_object_type`)
    let class = if asks_object_type(me) {
        let t = need(vm, me, "new_object_type")?;
        del(me, "new_object_type");
        Some(t)
    } else {
        get(me, "object_type")
    };
    match class {
        Some(Value::Class(c)) => {
            let obj = vm.call(&Value::Class(c), Args::new(vec![Value::from_str(&name)]))?;
            if let Value::Object(o) = &obj {
                o.borrow_mut().instance_name = Some(Rc::from(name.as_str()));
            }
            if let Some(Value::List(l)) = get(me, "elements") {
                l.borrow_mut().push(obj);
            }
            Ok(())
        }
        _ => Err(Error::Undefined(name)),
    }
}

/// `ask_object_type=True`: each new item's class is asked.
fn asks_object_type(me: &Value) -> bool {
    get(me, "ask_object_type").is_some_and(|v| v.truthy())
}

/// docassemble's `DAList.gather()`.
pub(crate) fn gather(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    gather_with(vm, me, None)
}

/// `gather(minimum=n)`: at least `minimum` items before asking whether there are more.
pub(super) fn gather_with(vm: &mut Vm<'_>, me: &Value, minimum: Option<usize>) -> Result<(), Error> {
    if get(me, "gathered").is_some_and(|g| g.truthy()) {
        return Ok(());
    }
    let name = instance_name(me);
    let h = super::host(vm)?;
    let seeking = h.seeking.clone().unwrap_or_default();
    h.gathering.entry(name.clone()).or_insert(seeking);
    gather_inner(vm, me, minimum)?;
    super::host(vm)?.gathering.remove(&name);
    Ok(())
}

pub(super) fn gather_inner(vm: &mut Vm<'_>, me: &Value, minimum: Option<usize>) -> Result<(), Error> {
    if is_dict(me) {
        return gather_dict(vm, me);
    }
    if is_set(me) {
        return gather_set(vm, me);
    }
    let minimum = match (minimum, get(me, "minimum_number")) {
        (Some(m), _) => m,
        (None, Some(Value::Int(i))) => usize::try_from(i).unwrap_or(0),
        _ => 0,
    };
    let ask_number = get(me, "ask_number").is_some_and(|v| v.truthy());
    if ask_number {
        let target = need(vm, me, "target_number")?;
        let target = match target {
            Value::Int(i) => i,
            #[allow(clippy::cast_possible_truncation)]
            Value::Float(f) => f as i64,
            other => other.str().trim().parse().unwrap_or(0),
        };
        for _ in 0..10_000 {
            for item in elements(me) {
                ensure_complete(vm, me, &item)?;
            }
            if i64::try_from(elements(me).len()).unwrap_or(0) < target {
                add_item(vm, me)?;
                continue;
            }
            break;
        }
    } else {
        if elements(me).is_empty() && minimum == 0 {
            let any = need(vm, me, "there_are_any")?;
            if !vm.truthy(&any)? {
                finish_gather(vm, me)?;
                return Ok(());
            }
        }
        for _ in 0..10_000 {
            for item in elements(me) {
                ensure_complete(vm, me, &item)?;
            }
            if elements(me).is_empty() || elements(me).len() < minimum {
                add_item(vm, me)?;
                continue;
            }
            let another = need(vm, me, "there_is_another")?;
            if vm.truthy(&another)? {
                if asks_object_type(me) {
                    // the new item's class is asked before `there_is_another` is let go
                    need(vm, me, "new_object_type")?;
                }
                if matches!(get(me, "object_type"), Some(Value::Class(_))) || asks_object_type(me) {
                    del(me, "there_is_another");
                    add_item(vm, me)?;
                    continue;
                }
                // an item asked by a question: `there_is_another` stays until it is there
                // (so the same question comes back if the screen is shown again)
                let n = i64::try_from(elements(me).len()).unwrap_or(0);
                match get(me, ANOTHER_AT) {
                    Some(Value::Int(at)) if n > at => {
                        del(me, ANOTHER_AT);
                        del(me, "there_is_another");
                        continue;
                    }
                    Some(Value::Int(_)) => {}
                    _ => set(me, ANOTHER_AT, Value::Int(n)),
                }
                add_item(vm, me)?;
                continue;
            }
            break;
        }
    }
    finish_gather(vm, me)?;
    Ok(())
}

pub(super) fn list_gather(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    // `gather(number=n)`: gather exactly n items
    let number = args.keyword.iter().find(|(k, _)| &**k == "number").map(|(_, v)| v.clone());
    if let Some(n) = number {
        set(&me, "target_number", n);
        set(&me, "ask_number", Value::Bool(true));
    }
    let minimum = match args.keyword.iter().find(|(k, _)| &**k == "minimum").map(|(_, v)| v.clone()) {
        Some(Value::Int(i)) => usize::try_from(i).ok(),
        _ => None,
    };
    gather_with(vm, &me, minimum)?;
    Ok(Value::Bool(true))
}

/// Renames an object and the objects inside it (`name.attr`, `name[0]`, `name['k']`).
pub(crate) fn rename_tree(v: &Value, name: &str) {
    super::copying::rename(v, name, 0);
}

/// Appends a new object of the list's `object_type` (named after its index).
pub(crate) fn append_object(vm: &mut Vm<'_>, me: &Value) -> Result<Value, Error> {
    list_append_object(vm, Args::new(vec![me.clone()]))
}

pub(super) fn list_append_object(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let n = elements(&me).len();
    let name = format!("{}[{n}]", instance_name(&me));
    let class = match args.positional.get(1).cloned().or_else(|| get(&me, "object_type")) {
        Some(Value::Class(c)) => c,
        _ => super::host(vm)?.class("DAObject"),
    };
    let kw = std::mem::take(&mut args.keyword);
    // the arguments after the class go to the constructor, after the new item's name
    let mut positional = vec![Value::from_str(&name)];
    positional.extend(args.positional.iter().skip(2).cloned());
    let obj = vm.call(&Value::Class(class), Args { positional, keyword: kw })?;
    if let Value::Object(o) = &obj {
        o.borrow_mut().instance_name = Some(Rc::from(name.as_str()));
    }
    if let Some(Value::List(l)) = get(&me, "elements") {
        l.borrow_mut().push(obj.clone());
    }
    Ok(obj)
}

/// `cancel_add_or_edit()`: drops an item being added (the last one, when it is not complete)
/// and the gathering flags of an add. (Dropping the pending add/edit actions of this list
/// from the event stack is the engine's part.)
pub(super) fn cancel_add_or_edit(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let items = elements(&me);
    if let Some(last) = items.last() {
        let complete = match ensure_complete(vm, &me, last) {
            Ok(()) => true,
            Err(Error::Undefined(_)) => false,
            Err(e) => return Err(e),
        };
        if !complete {
            if let Some(Value::List(l)) = get(&me, "elements") {
                l.borrow_mut().pop();
            }
            if count(&me) == 0 {
                set(&me, "there_are_any", Value::Bool(false));
            }
        }
    }
    for a in ["doing_gathered_and_complete", "_necessary_length", "there_is_one_other", ANOTHER_AT] {
        del(&me, a);
    }
    Ok(Value::None)
}

pub(super) fn list_complete_elements(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let mut out = Vec::new();
    for item in elements(&me) {
        match ensure_complete(vm, &me, &item) {
            Ok(()) => out.push(item),
            Err(Error::Undefined(_)) => {}
            Err(e) => return Err(e),
        }
    }
    let h = super::host(vm)?;
    Ok(super::make_dalist(h, "", out))
}

pub(super) fn list_extend(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let items = match args.positional.get(1) {
        Some(v) => vm.iterate(v)?,
        None => Vec::new(),
    };
    if let Some(Value::List(l)) = get(&me, "elements") {
        l.borrow_mut().extend(items);
    }
    Ok(Value::None)
}
