//! `DAObject`: construction, instance names, attribute objects created on first access
//! (`initializeAttribute`, `.using()` defaults), text, and the `DAEmpty` stand-in.

#[allow(clippy::wildcard_imports)]
use super::*;

/// `DAObject.__init__(name, *pargs, **kwargs)`: names the object, then runs its
/// `init(*pargs, **kwargs)` — a subclass's own `init` (which calls `super().init(…)`) or
/// the library's, as docassemble does.
pub(super) fn obj_init(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if let Some(Value::Str(name)) = args.positional.get(1) {
        if let Value::Object(o) = &me {
            o.borrow_mut().instance_name = Some(name.clone());
        }
    }
    let Some(init) = vm.special_method(&me, "init") else { return Ok(Value::None) };
    let mut rest = Args::new(args.positional.iter().skip(2).cloned().collect());
    rest.keyword = args.keyword;
    vm.call(&init, rest)
}

/// `DAObject.init(**kwargs)`: the keyword arguments become attributes (and `.using()`
/// defaults apply).
pub(super) fn obj_base_init(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    for (k, v) in std::mem::take(&mut args.keyword) {
        set(&me, &k, v);
    }
    super::apply_using(&me);
    Ok(Value::None)
}

pub(super) fn obj_name(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if let Value::Object(o) = &me {
        if let Some(n) = &o.borrow().instance_name {
            // docassemble: `recipient[3]` → "fourth recipient", `park.gate` → "gate in the park"
            return Ok(Value::from_str(&super::nice_object_name(n)));
        }
    }
    Ok(Value::from_str(""))
}

/// `obj.attr` when `attr` is missing: attribute objects are created, list flags trigger
/// gathering, everything else is undefined (and so sought).
pub(super) fn obj_getattr(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let attr = args.positional.get(1).map(Value::str).unwrap_or_default();
    let class = match &me {
        Value::Object(o) => o.borrow().class.clone(),
        _ => return Err(Error::exception("TypeError", "not an object")),
    };
    let mut c = Some(class.clone());
    while let Some(cl) = c {
        for (a, child) in children(&cl.name) {
            if *a == attr {
                // made as its class makes it (a `PartyList` is an empty list to gather)
                let cls = super::host(vm)?.class(child);
                let name = format!("{}.{attr}", instance_name(&me));
                let obj = vm.call(&Value::Class(cls), Args::new(vec![Value::from_str(&name)]))?;
                if let Value::Object(o) = &obj {
                    o.borrow_mut().instance_name = Some(Rc::from(name.as_str()));
                }
                set(&me, &attr, obj.clone());
                return Ok(obj);
            }
        }
        match super::legal::initial(&cl.name, &attr) {
            Some(super::legal::Initial::Alias(other)) => {
                let v = super::person::attr_value(vm, &me, other)?;
                set(&me, &attr, v.clone());
                return Ok(v);
            }
            Some(super::legal::Initial::Value(v)) => {
                set(&me, &attr, v.clone());
                return Ok(v);
            }
            None => {}
        }
        c = cl.bases.first().cloned();
    }
    if attr == "instanceName" {
        return Ok(Value::from_str(&instance_name(&me)));
    }
    if is_list(&me) && attr == "gathered" && get(&me, "auto_gather").is_none_or(|g| g.truthy()) {
        gather(vm, &me)?;
        return Ok(Value::Bool(true));
    }
    Err(Error::Undefined(format!("{}.{attr}", instance_name(&me))))
}

/// `str(obj)`: its `name` attribute when it has one, else its readable instance name.
pub(super) fn obj_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if let Some(n) = get(&me, "name") {
        return Ok(Value::from_str(&vm.str_of(&n)?));
    }
    Ok(Value::from_str(&nice_object_name(&instance_name(&me))))
}

/// docassemble's `object_name()`: `park.front_gate` → "the front gate in the park",
/// `fruit[1]` → "the second fruit".
pub(crate) fn nice_object_name(name: &str) -> String {
    let Some(p) = crate::vars::path::parse(name) else { return name.replace('_', " ") };
    let mut words: Vec<String> = vec![p.root.replace('_', " ")];
    for seg in &p.segs {
        match seg {
            crate::vars::path::Seg::Attr(a) => words.push(a.replace('_', " ")),
            crate::vars::path::Seg::Index(t) => {
                let base = words.pop().unwrap_or_default();
                let ord = match crate::vars::path::literal(t) {
                    Some(Value::Int(i)) => super::text::ordinal_number_str(i + 1),
                    Some(v) => v.str(),
                    None => t.clone(),
                };
                words.push(format!("{ord} {base}"));
            }
        }
    }
    words.reverse();
    words.join(" in the ")
}

pub(super) fn init_attribute(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let attr = args.positional.get(1).map(Value::str).unwrap_or_default();
    if let Some(v) = get(&me, &attr) {
        return Ok(v);
    }
    let class = match args.positional.get(2) {
        Some(Value::Class(c)) => c.clone(),
        _ => super::host(vm)?.class("DAObject"),
    };
    let name = format!("{}.{attr}", instance_name(&me));
    let obj = vm.call(&Value::Class(class), Args::new(vec![Value::from_str(&name)]))?;
    if let Value::Object(o) = &obj {
        o.borrow_mut().instance_name = Some(Rc::from(name.as_str()));
    }
    set(&me, &attr, obj.clone());
    Ok(obj)
}

pub(super) fn empty_getattr(vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::new_object(super::host(vm)?.class("DAEmpty"), None))
}

pub(super) fn empty_false(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::Bool(false))
}

pub(super) fn empty_zero(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::Int(0))
}

pub(super) fn empty_list(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::list(Vec::new()))
}

pub(super) fn empty_str(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::from_str(""))
}
