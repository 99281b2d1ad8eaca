//! Type checks, characters and radix, `divmod`/`pow`, attribute access, iterators, `id`
//! and `hash`.

use super::*;

pub(super) fn class_check(v: &Value, cls: &Value, fname: &str) -> R<bool> {
    match cls {
        Value::Class(c) => Ok(is_instance(v, c)),
        Value::Tuple(items) => {
            for c in items.iter() {
                if class_check(v, c, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::None => Ok(matches!(v, Value::None)),
        _ => Err(Error::exception(
            "TypeError",
            format!("{fname}() arg 2 must be a type, a tuple of types, or a union"),
        )),
    }
}

pub(super) fn b_isinstance(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "isinstance")?;
    nargs(&args, 2, 2, "isinstance")?;
    Ok(Value::Bool(class_check(
        &args.positional[0],
        &args.positional[1],
        "isinstance",
    )?))
}

pub(super) fn b_issubclass(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "issubclass")?;
    nargs(&args, 2, 2, "issubclass")?;
    let Value::Class(c) = &args.positional[0] else {
        return Err(Error::exception(
            "TypeError",
            "issubclass() arg 1 must be a class",
        ));
    };
    fn check(c: &Class, cls: &Value) -> R<bool> {
        match cls {
            Value::Class(k) => Ok(c.is_subclass(k) || (&*k.name == "object" && k.bases.is_empty())),
            Value::Tuple(items) => {
                for i in items.iter() {
                    if check(c, i)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(Error::exception(
                "TypeError",
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            )),
        }
    }
    Ok(Value::Bool(check(c, &args.positional[1])?))
}

pub(super) fn b_chr(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "chr")?;
    nargs(&args, 1, 1, "chr")?;
    let i = int_arg(&args.positional[0], "")?;
    match u32::try_from(i)
        .ok()
        .filter(|i| *i < 0x110000)
        .and_then(char::from_u32)
    {
        Some(c) => Ok(Value::from_str(c.encode_utf8(&mut [0; 4]))),
        None => {
            if (0xD800..0xE000).contains(&i) {
                // Lone surrogates cannot be represented; use the replacement character.
                return Ok(Value::from_str("\u{FFFD}"));
            }
            Err(Error::exception(
                "ValueError",
                "chr() arg not in range(0x110000)",
            ))
        }
    }
}

pub(super) fn b_ord(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "ord")?;
    nargs(&args, 1, 1, "ord")?;
    match &args.positional[0] {
        Value::Str(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(Error::exception(
                    "TypeError",
                    format!(
                        "ord() expected a character, but string of length {} found",
                        s.chars().count()
                    ),
                )),
            }
        }
        other => Err(Error::exception(
            "TypeError",
            format!(
                "ord() expected string of length 1, but {} found",
                other.class_name()
            ),
        )),
    }
}

pub(super) fn radix(args: &Args, fname: &str, prefix: &str) -> R<Value> {
    no_kwargs(args, fname)?;
    nargs(args, 1, 1, fname)?;
    let i = int_arg(&args.positional[0], "")?;
    let mag = i.unsigned_abs();
    let digits = match prefix {
        "0x" => format!("{mag:x}"),
        "0o" => format!("{mag:o}"),
        _ => format!("{mag:b}"),
    };
    Ok(Value::from_str(&format!(
        "{}{prefix}{digits}",
        if i < 0 { "-" } else { "" }
    )))
}

pub(super) fn b_hex(_vm: &mut Vm, args: Args) -> R<Value> {
    radix(&args, "hex", "0x")
}

pub(super) fn b_oct(_vm: &mut Vm, args: Args) -> R<Value> {
    radix(&args, "oct", "0o")
}

pub(super) fn b_bin(_vm: &mut Vm, args: Args) -> R<Value> {
    radix(&args, "bin", "0b")
}

pub(super) fn b_divmod(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "divmod")?;
    nargs(&args, 2, 2, "divmod")?;
    let (a, b) = (&args.positional[0], &args.positional[1]);
    if let (Some(Num::I(_)), Some(Num::I(0))) = (a.as_num(), b.as_num()) {
        return Err(Error::exception(
            "ZeroDivisionError",
            "integer division or modulo by zero",
        ));
    }
    if let (Some(_), Some(n)) = (a.as_num(), b.as_num()) {
        if n.f() == 0.0 {
            return Err(Error::exception("ZeroDivisionError", "float divmod()"));
        }
    }
    let q = vm.binop(crate::ir::BinOp::FloorDiv, a, b)?;
    let r = vm.binop(crate::ir::BinOp::Mod, a, b)?;
    Ok(Value::tuple(vec![q, r]))
}

pub(super) fn b_pow(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "pow")?;
    nargs(&args, 2, 3, "pow")?;
    let (a, b) = (&args.positional[0], &args.positional[1]);
    if let Some(m) = args.positional.get(2) {
        let (a, b, m) = (int_arg(a, "")?, int_arg(b, "")?, int_arg(m, "")?);
        if m == 0 {
            return Err(Error::exception(
                "ValueError",
                "pow() 3rd argument cannot be 0",
            ));
        }
        if b < 0 {
            return Err(Error::exception(
                "ValueError",
                "base is not invertible for the given modulus",
            ));
        }
        let m128 = m as i128;
        let mut result: i128 = 1;
        let mut base = (a as i128).rem_euclid(m128);
        let mut e = b;
        while e > 0 {
            if e & 1 == 1 {
                result = (result * base).rem_euclid(m128);
            }
            base = (base * base).rem_euclid(m128);
            e >>= 1;
        }
        let mut r = result.rem_euclid(m128);
        if m < 0 && r != 0 {
            r += m128;
        }
        return Ok(Value::Int(r as i64));
    }
    vm.binop(crate::ir::BinOp::Pow, a, b)
}

pub(super) fn attr_name_arg(v: &Value, fname: &str) -> R<String> {
    match v {
        Value::Str(s) => {
            if s.starts_with('_') {
                return Err(Error::Forbidden(format!("attribute {s}")));
            }
            Ok(s.to_string())
        }
        other => Err(Error::exception(
            "TypeError",
            format!(
                "{fname}(): attribute name must be string, not '{}'",
                other.class_name()
            ),
        )),
    }
}

pub(super) fn get_attr_value(vm: &mut Vm, obj: &Value, name: &str) -> R<Value> {
    let frame = crate::interp::Frame::default();
    vm.get_attr(obj, name, None, &frame)
}

pub(super) fn b_hasattr(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "hasattr")?;
    nargs(&args, 2, 2, "hasattr")?;
    let name = attr_name_arg(&args.positional[1], "hasattr")?;
    match get_attr_value(vm, &args.positional[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(Error::Undefined(_)) => Ok(Value::Bool(false)),
        Err(Error::Exception { kind, .. }) if kind == "AttributeError" => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

pub(super) fn b_getattr(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "getattr")?;
    nargs(&args, 2, 3, "getattr")?;
    let name = attr_name_arg(&args.positional[1], "getattr")?;
    match get_attr_value(vm, &args.positional[0], &name) {
        Ok(v) => Ok(v),
        Err(Error::Undefined(p)) => match args.positional.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(Error::Undefined(p)),
        },
        Err(Error::Exception {
            kind,
            message,
            line,
        }) if kind == "AttributeError" => match args.positional.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(Error::Exception {
                kind,
                message,
                line,
            }),
        },
        Err(e) => Err(e),
    }
}

pub(super) fn b_setattr(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "setattr")?;
    nargs(&args, 3, 3, "setattr")?;
    let name = attr_name_arg(&args.positional[1], "setattr")?;
    match &args.positional[0] {
        Value::Object(o) => {
            o.borrow_mut()
                .attrs
                .insert(Rc::from(name.as_str()), args.positional[2].clone());
            Ok(Value::None)
        }
        other => Err(Error::exception(
            "AttributeError",
            format!("'{}' object has no attribute '{name}'", other.class_name()),
        )),
    }
}

pub(super) fn b_iter(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "iter")?;
    nargs(&args, 1, 1, "iter")?;
    if let Value::Iter(_) = &args.positional[0] {
        return Ok(args.positional[0].clone());
    }
    let items = vm.iterate(&args.positional[0])?;
    Ok(new_iter(items))
}

pub(super) fn b_next(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "next")?;
    nargs(&args, 1, 2, "next")?;
    match &args.positional[0] {
        Value::Iter(st) => match vm.iter_next(st)? {
            Some(v) => Ok(v),
            None => match args.positional.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(Error::exception("StopIteration", "")),
            },
        },
        other => Err(Error::exception(
            "TypeError",
            format!("'{}' object is not an iterator", other.class_name()),
        )),
    }
}

pub(super) fn b_callable(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "callable")?;
    nargs(&args, 1, 1, "callable")?;
    Ok(Value::Bool(match &args.positional[0] {
        Value::Function(_) | Value::Method(_) | Value::Native(_) | Value::Class(_) => true,
        Value::Object(o) => o.borrow().class.lookup("__call__").is_some(),
        _ => false,
    }))
}

pub(super) fn b_id(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "id")?;
    nargs(&args, 1, 1, "id")?;
    let v = &args.positional[0];
    let id = v.identity();
    Ok(Value::Int(if id != 0 {
        (id >> 3) as i64
    } else {
        v.to_key().map(|k| hash_key(&k)).unwrap_or(0)
    }))
}

pub(super) fn hash_key(k: &Key) -> i64 {
    use std::hash::{Hash, Hasher};
    // Equal numbers hash equal (hash(1) == hash(1.0) == hash(True)), as in CPython.
    if let Some(i) = k.as_int() {
        return if i == -1 { -2 } else { i };
    }
    // FNV-1a over the key's hash stream: deterministic across runs.
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for b in bytes {
                self.0 ^= *b as u64;
                self.0 = self.0.wrapping_mul(0x100000001b3);
            }
        }
    }
    let mut h = Fnv(0xcbf29ce484222325);
    k.hash(&mut h);
    (h.finish() >> 1) as i64
}

pub(super) fn b_hash(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "hash")?;
    nargs(&args, 1, 1, "hash")?;
    let v = &args.positional[0];
    match vm.walk_weighted(crate::interp::KEY_NODE_WORK, || v.to_key())? {
        Ok(k) => Ok(Value::Int(hash_key(&k))),
        Err(_) => Err(Error::exception("TypeError", format!("unhashable type: '{}'", v.class_name()))),
    }
}
