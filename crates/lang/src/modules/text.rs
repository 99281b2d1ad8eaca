//! The `string`, `copy` and `collections` modules.

use super::*;

pub(super) fn string_module() -> Value {
    module(
        "string",
        vec![
            ("ascii_letters", s("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")),
            ("ascii_lowercase", s("abcdefghijklmnopqrstuvwxyz")),
            ("ascii_uppercase", s("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
            ("digits", s("0123456789")),
            ("hexdigits", s("0123456789abcdefABCDEF")),
            ("octdigits", s("01234567")),
            ("punctuation", s("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")),
            ("whitespace", s(" \t\n\r\u{b}\u{c}")),
            (
                "printable",
                s("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\u{b}\u{c}"),
            ),
            ("capwords", native("capwords", string_capwords)),
        ],
    )
}

pub(super) fn string_capwords(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "capwords", &["s", "sep"], 1)?;
    let text = text_arg(&arg(&v, 0))?;
    let cap = |w: &str| {
        let mut cs = w.chars();
        match cs.next() {
            Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
            None => String::new(),
        }
    };
    Ok(ss(match v[1].as_ref() {
        None | Some(Value::None) => crate::methods::split_str(&text, None, -1)
            .iter()
            .map(|w| cap(w))
            .collect::<Vec<_>>()
            .join(" "),
        Some(sep) => {
            let sep = str_arg(sep, "sep")?;
            if sep.is_empty() {
                return Err(Error::value_error("empty separator"));
            }
            text.split(sep).map(cap).collect::<Vec<_>>().join(sep)
        }
    }))
}

pub(super) fn copy_copy(vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "copy", &["x"], 1)?;
    let x = arg(&v, 0);
    Ok(match &x {
        Value::List(l) => {
            let items = l.borrow().clone();
            vm.new_items(items.len())?;
            Value::list(items)
        }
        Value::Dict(d) => Value::dict(d.borrow().clone()),
        Value::Set(d) => Value::Set(Rc::new(RefCell::new(d.borrow().clone()))),
        Value::Object(o) => {
            let o = o.borrow();
            if &*o.class.name == "module" {
                return Ok(x.clone());
            }
            Value::Object(Rc::new(RefCell::new(Object {
                class: o.class.clone(),
                attrs: o.attrs.clone(),
                instance_name: o.instance_name.clone(),
            })))
        }
        _ => x.clone(),
    })
}

/// Units of work per container `deepcopy` copies (a memo entry and a new allocation).
const DEEPCOPY_NODE_WORK: usize = 8;

pub(super) fn deep(vm: &mut Vm<'_>, x: &Value, memo: &mut HashMap<usize, Value>, depth: u32) -> R {
    if depth > 200 {
        return Err(Error::Limit(LimitKind::Depth));
    }
    let id = x.identity();
    if id != 0 {
        if let Some(v) = memo.get(&id) {
            return Ok(v.clone());
        }
        // a container copied: its memo entry and its allocation
        vm.charge(DEEPCOPY_NODE_WORK)?;
    }
    Ok(match x {
        Value::List(l) => {
            let out = Value::list(Vec::new());
            memo.insert(id, out.clone());
            let items = l.borrow().clone();
            vm.new_items(items.len())?;
            let mut copied = Vec::with_capacity(items.len());
            for it in &items {
                copied.push(deep(vm, it, memo, depth + 1)?);
            }
            if let Value::List(o) = &out {
                *o.borrow_mut() = copied;
            }
            out
        }
        Value::Tuple(t) => {
            let mut copied = Vec::with_capacity(t.len());
            for it in t.iter() {
                copied.push(deep(vm, it, memo, depth + 1)?);
            }
            Value::tuple(copied)
        }
        Value::Dict(d) => {
            let out = Value::dict(IndexMap::default());
            memo.insert(id, out.clone());
            let entries: Vec<(Key, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            vm.new_items(entries.len())?;
            let mut copied: Dict = IndexMap::default();
            for (k, v) in entries {
                let k = match &k {
                    Key::Ident(_) => key_of(&deep(vm, &k.to_value(), memo, depth + 1)?)?,
                    _ => k,
                };
                copied.insert(k, deep(vm, &v, memo, depth + 1)?);
            }
            if let Value::Dict(o) = &out {
                *o.borrow_mut() = copied;
            }
            out
        }
        Value::Set(d) => Value::Set(Rc::new(RefCell::new(d.borrow().clone()))),
        Value::Object(o) => {
            let (class, attrs, name) = {
                let o = o.borrow();
                (o.class.clone(), o.attrs.clone(), o.instance_name.clone())
            };
            if &*class.name == "module" {
                return Ok(x.clone());
            }
            let out = Value::Object(Rc::new(RefCell::new(Object {
                class,
                attrs: IndexMap::default(),
                instance_name: name,
            })));
            memo.insert(id, out.clone());
            vm.new_items(attrs.len())?;
            let mut copied = IndexMap::default();
            for (k, v) in attrs {
                copied.insert(k, deep(vm, &v, memo, depth + 1)?);
            }
            if let Value::Object(o) = &out {
                o.borrow_mut().attrs = copied;
            }
            out
        }
        other => other.clone(),
    })
}

pub(super) fn copy_deepcopy(vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "deepcopy", &["x", "memo"], 1)?;
    let mut memo = HashMap::new();
    deep(vm, &arg(&v, 0), &mut memo, 0)
}
