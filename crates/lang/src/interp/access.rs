//! Attribute, item and slice access (get, set, delete) and `super()`.

use super::*;
use crate::builtins::Descriptor;

impl<'a> Vm<'a> {
    /// The docassemble path of `obj_expr` (which evaluated to `obj`) followed by `.attr`.
    pub(super) fn attr_path(&mut self, obj: &Value, obj_expr: &Expr, attr: &str, frame: &Frame) -> String {
        if let Value::Object(o) = obj {
            if let Some(n) = &o.borrow().instance_name {
                return format!("{n}.{attr}");
            }
        }
        format!("{}.{attr}", self.expr_path(obj_expr, frame))
    }

    /// The docassemble spelling of a path expression (error path only: may re-evaluate
    /// side-effect-free sub-expressions).
    pub(super) fn expr_path(&mut self, e: &Expr, frame: &Frame) -> String {
        match e {
            Expr::Name(n) => n.to_string(),
            Expr::Attr(v, a) => {
                if is_pure(v) {
                    let saved = (self.undef.take(), self.raised.take());
                    let r = self.eval_expr(v, frame);
                    (self.undef, self.raised) = saved;
                    if let Ok(Value::Object(o)) = r {
                        if let Some(n) = &o.borrow().instance_name {
                            return format!("{n}.{a}");
                        }
                    }
                }
                format!("{}.{a}", self.expr_path(v, frame))
            }
            Expr::Subscript(v, i) => {
                let base = if is_pure(v) {
                    let saved = (self.undef.take(), self.raised.take());
                    let r = self.eval_expr(v, frame);
                    (self.undef, self.raised) = saved;
                    match r {
                        Ok(Value::Object(o)) if o.borrow().instance_name.is_some() => o
                            .borrow()
                            .instance_name
                            .as_deref()
                            .unwrap_or_default()
                            .to_string(),
                        _ => self.expr_path(v, frame),
                    }
                } else {
                    self.expr_path(v, frame)
                };
                let idx = if is_pure(i) {
                    let saved = (self.undef.take(), self.raised.take());
                    let r = self.eval_expr(i, frame);
                    (self.undef, self.raised) = saved;
                    match r {
                        Ok(v) => v.repr(),
                        Err(_) => "?".into(),
                    }
                } else {
                    "?".into()
                };
                format!("{base}[{idx}]")
            }
            Expr::Call(f, _) => format!("{}()", self.expr_path(f, frame)),
            _ => "<expression>".into(),
        }
    }

    /// The module `name`: one of `lang`'s, else one the host provides, else refused.
    pub(super) fn import_module(&mut self, name: &str) -> R<Value> {
        if let Some(m) = crate::modules::import(name) {
            return Ok(m);
        }
        if let Some(m) = self.host.as_ref().and_then(|h| h.import(name)) {
            return Ok(m);
        }
        Err(Error::Forbidden(format!("import {name}")))
    }

    /// `obj.name` (the expression `obj_expr` is used to spell undefined paths).
    /// `obj.name` as Python reads it: instance attribute, class attribute, property,
    /// `__getattr__`.
    pub fn get_attribute(&mut self, obj: &Value, name: &str) -> R<Value> {
        let frame = Frame::default();
        self.get_attr(obj, name, None, &frame)
    }

    pub(crate) fn get_attr(
        &mut self,
        obj: &Value,
        name: &str,
        obj_expr: Option<&Expr>,
        frame: &Frame,
    ) -> R<Value> {
        check_attr_name(name)?;
        match obj {
            Value::Object(o) => {
                let (found, class) = {
                    let ob = o.borrow();
                    (ob.attrs.get(name).cloned(), ob.class.clone())
                };
                if let Some(v) = found {
                    return Ok(v);
                }
                if let Some(v) = class.lookup(name) {
                    return match crate::builtins::descriptor_of(&v) {
                        Descriptor::Getter(f) => self.call(&f, Args::new(vec![obj.clone()])),
                        Descriptor::ClassMethod(f) => Ok(bind(f, &Value::Class(class.clone()))),
                        Descriptor::Static(f) => Ok(f),
                        Descriptor::Plain => Ok(bind(v, obj)),
                    };
                }
                if let Some(f) = crate::methods::method(obj, name) {
                    return Ok(Value::Native(Rc::new(NativeFunction {
                        name: Rc::from(name),
                        func: f,
                        receiver: Some(obj.clone()),
                    })));
                }
                if let (true, Some(getattr)) =
                    (&*class.name == "module", class.lookup("__getattr__"))
                {
                    return self.call(&bind(getattr, obj), Args::new(vec![Value::from_str(name)]));
                }
                if &*class.name == "module" {
                    let m = o
                        .borrow()
                        .attrs
                        .get("__name__")
                        .map(|v| v.str())
                        .unwrap_or_default();
                    return Err(Error::exception(
                        "AttributeError",
                        format!("module '{m}' has no attribute '{name}'"),
                    ));
                }
                if let Some(getattr) = class.lookup("__getattr__") {
                    return self.call(&bind(getattr, obj), Args::new(vec![Value::from_str(name)]));
                }
                let path = match obj_expr {
                    Some(e) => self.attr_path(obj, e, name, frame),
                    None => match &o.borrow().instance_name {
                        Some(n) => format!("{n}.{name}"),
                        None => name.to_string(),
                    },
                };
                let undef_info = (
                    "AttributeError",
                    Value::from_str(&format!(
                        "'{}' object has no attribute '{name}'",
                        class.name
                    )),
                );
                Err(self.undefined(undef_info, path))
            }
            Value::Class(c) => match c.lookup(name) {
                Some(v) => Ok(match crate::builtins::descriptor_of(&v) {
                    Descriptor::ClassMethod(f) => bind(f, obj),
                    Descriptor::Static(f) => f,
                    Descriptor::Getter(_) | Descriptor::Plain => v,
                }),
                None if c.constructor.is_some() => {
                    match crate::methods::unbound_method(&c.name, name) {
                        Some(f) => Ok(Value::native(name, f)),
                        None => Err(Error::exception(
                            "AttributeError",
                            format!("type object '{}' has no attribute '{name}'", c.name),
                        )),
                    }
                }
                None => Err(Error::exception(
                    "AttributeError",
                    format!("type object '{}' has no attribute '{name}'", c.name),
                )),
            },
            Value::Range(a, b, s) => match name {
                "start" => Ok(Value::Int(*a)),
                "stop" => Ok(Value::Int(*b)),
                "step" => Ok(Value::Int(*s)),
                "index" | "count" => Ok(Value::Native(Rc::new(NativeFunction {
                    name: Rc::from(name),
                    func: if name == "index" {
                        range_index
                    } else {
                        range_count
                    },
                    receiver: Some(obj.clone()),
                }))),
                _ => self.builtin_method(obj, name),
            },
            _ => self.builtin_method(obj, name),
        }
    }

    pub(super) fn builtin_method(&mut self, obj: &Value, name: &str) -> R<Value> {
        if let Some(v) = crate::methods::attribute(obj, name) {
            return Ok(v);
        }
        if let Some(f) = crate::methods::method(obj, name) {
            return Ok(Value::Native(Rc::new(NativeFunction {
                name: Rc::from(name),
                func: f,
                receiver: Some(obj.clone()),
            })));
        }
        Err(Error::exception(
            "AttributeError",
            format!("'{}' object has no attribute '{name}'", obj.type_name()),
        ))
    }

    pub(super) fn set_attr(
        &mut self,
        obj: &Value,
        name: &str,
        v: Value,
        obj_expr: Option<&Expr>,
        frame: &Frame,
    ) -> R<()> {
        check_attr_name(name)?;
        match obj {
            Value::Object(o) => {
                if let Value::Object(child) = &v {
                    if child.borrow().instance_name.is_none() && !Rc::ptr_eq(child, o) {
                        let path = match obj_expr {
                            Some(e) => self.attr_path(obj, e, name, frame),
                            None => match &o.borrow().instance_name {
                                Some(n) => format!("{n}.{name}"),
                                None => name.to_string(),
                            },
                        };
                        child.borrow_mut().instance_name = Some(Rc::from(path.as_str()));
                    }
                }
                let old = {
                    let mut ob = o.borrow_mut();
                    if let Some(slot) = ob.attrs.get_mut(name) {
                        Some(std::mem::replace(slot, v))
                    } else {
                        ob.attrs.insert(Rc::from(name), v);
                        None
                    }
                };
                if let Some(old) = old {
                    crate::value::drop_value(old);
                }
                Ok(())
            }
            Value::Class(c) => {
                c.set_attr(name, v);
                Ok(())
            }
            other => Err(Error::exception(
                "AttributeError",
                format!("'{}' object has no attribute '{name}'", other.type_name()),
            )),
        }
    }

    // ---- subscripts ---------------------------------------------------------------------

    /// `obj[index]`.
    pub(crate) fn get_item(
        &mut self,
        obj: &Value,
        index: &Value,
        obj_expr: Option<&Expr>,
        frame: &Frame,
    ) -> R<Value> {
        match obj {
            Value::List(l) => {
                let len = l.borrow().len();
                match norm_index(index, len)? {
                    Some(i) => Ok(l.borrow()[i].clone()),
                    None => {
                        let path = match obj_expr {
                            Some(e) => format!("{}[{}]", self.expr_path(e, frame), index.repr()),
                            None => format!("[{}]", index.repr()),
                        };
                        let info = ("IndexError", Value::from_str("list index out of range"));
                        Err(self.undefined(info, path))
                    }
                }
            }
            Value::Tuple(t) => match norm_index(index, t.len())? {
                Some(i) => Ok(t[i].clone()),
                None => Err(Error::exception("IndexError", "tuple index out of range")),
            },
            Value::Str(s) => {
                if s.is_ascii() {
                    match norm_index(index, s.len())? {
                        Some(i) => Ok(Value::from_str(&s[i..i + 1])),
                        None => Err(Error::exception("IndexError", "string index out of range")),
                    }
                } else {
                    let chars: Vec<char> = s.chars().collect();
                    match norm_index(index, chars.len())? {
                        Some(i) => Ok(Value::from_str(chars[i].encode_utf8(&mut [0; 4]))),
                        None => Err(Error::exception("IndexError", "string index out of range")),
                    }
                }
            }
            Value::Dict(d) => {
                let k = self.key_of(index)?;
                let found = d.borrow().get(&k).cloned();
                match found {
                    Some(v) => Ok(v),
                    None => {
                        let path = match obj_expr {
                            Some(e) => format!("{}[{}]", self.expr_path(e, frame), index.repr()),
                            None => format!("[{}]", index.repr()),
                        };
                        let undef_info = ("KeyError", index.clone());
                        Err(self.undefined(undef_info, path))
                    }
                }
            }
            Value::Range(a, b, s) => {
                let n = crate::value::range_len(*a, *b, *s);
                match norm_index(index, n as usize)? {
                    Some(i) => Ok(Value::Int((*a as i128 + *s as i128 * i as i128) as i64)),
                    None => Err(Error::exception(
                        "IndexError",
                        "range object index out of range",
                    )),
                }
            }
            Value::Object(o) => {
                let class = o.borrow().class.clone();
                match class.lookup("__getitem__") {
                    Some(f) => self.call(&bind(f, obj), Args::new(vec![index.clone()])),
                    None => Err(Error::exception(
                        "TypeError",
                        format!("'{}' object is not subscriptable", class.name),
                    )),
                }
            }
            Value::Class(_) => Ok(obj.clone()),
            other => Err(Error::exception(
                "TypeError",
                format!("'{}' object is not subscriptable", other.type_name()),
            )),
        }
    }

    pub(super) fn set_item(
        &mut self,
        obj: &Value,
        index: Value,
        v: Value,
        obj_expr: Option<&Expr>,
        frame: &Frame,
    ) -> R<()> {
        match obj {
            Value::List(l) => {
                let len = l.borrow().len();
                match norm_index(&index, len)? {
                    Some(i) => {
                        if let Value::Object(child) = &v {
                            if child.borrow().instance_name.is_none() {
                                if let Some(e) = obj_expr {
                                    let p =
                                        format!("{}[{}]", self.expr_path(e, frame), index.repr());
                                    child.borrow_mut().instance_name = Some(Rc::from(p.as_str()));
                                }
                            }
                        }
                        let old = match l.borrow_mut().get_mut(i) {
                            Some(slot) => std::mem::replace(slot, v),
                            None => {
                                return Err(Error::exception(
                                    "IndexError",
                                    "list assignment index out of range",
                                ))
                            }
                        };
                        crate::value::drop_value(old);
                        Ok(())
                    }
                    None => Err(Error::exception(
                        "IndexError",
                        "list assignment index out of range",
                    )),
                }
            }
            Value::Dict(d) => {
                let k = self.key_of(&index)?;
                if let Value::Object(child) = &v {
                    if child.borrow().instance_name.is_none() {
                        if let Some(e) = obj_expr {
                            let p = format!("{}[{}]", self.expr_path(e, frame), index.repr());
                            child.borrow_mut().instance_name = Some(Rc::from(p.as_str()));
                        }
                    }
                }
                let n = d.borrow().len();
                self.check_len(n + 1)?;
                self.alloc(48)?;
                let old = d.borrow_mut().insert(k, v);
                if let Some(old) = old {
                    crate::value::drop_value(old);
                }
                Ok(())
            }
            Value::Object(o) => {
                let class = o.borrow().class.clone();
                match class.lookup("__setitem__") {
                    Some(f) => {
                        self.call(&bind(f, obj), Args::new(vec![index, v]))?;
                        Ok(())
                    }
                    None => Err(Error::exception(
                        "TypeError",
                        format!("'{}' object does not support item assignment", class.name),
                    )),
                }
            }
            other => Err(Error::exception(
                "TypeError",
                format!(
                    "'{}' object does not support item assignment",
                    other.type_name()
                ),
            )),
        }
    }

    pub(super) fn slice_bounds(
        &mut self,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        st: &Option<Box<Expr>>,
        len: usize,
        frame: &Frame,
    ) -> R<(i64, i64, i64)> {
        let get = |vm: &mut Vm, e: &Option<Box<Expr>>| -> R<Option<i64>> {
            match e {
                None => Ok(None),
                Some(e) => match vm.eval_expr(e, frame)? {
                    Value::None => Ok(None),
                    Value::Int(i) => Ok(Some(i)),
                    Value::Bool(b) => Ok(Some(b as i64)),
                    _ => Err(Error::exception(
                        "TypeError",
                        "slice indices must be integers or None or have an __index__ method",
                    )),
                },
            }
        };
        let lo = get(self, lo)?;
        let hi = get(self, hi)?;
        let st = get(self, st)?;
        adjust_slice(lo, hi, st, len)
    }

    pub(super) fn get_slice(
        &mut self,
        obj: &Value,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        st: &Option<Box<Expr>>,
        frame: &Frame,
    ) -> R<Value> {
        match obj {
            Value::List(l) => {
                let len = l.borrow().len();
                let (a, b, s) = self.slice_bounds(lo, hi, st, len, frame)?;
                let l = l.borrow();
                // (The list may have changed while the bounds were evaluated.)
                let items: Vec<Value> = slice_indices(a, b, s)
                    .filter_map(|i| l.get(i).cloned())
                    .collect();
                drop(l);
                self.new_items(items.len())?;
                Ok(Value::list(items))
            }
            Value::Tuple(t) => {
                let (a, b, s) = self.slice_bounds(lo, hi, st, t.len(), frame)?;
                let items: Vec<Value> = slice_indices(a, b, s).map(|i| t[i].clone()).collect();
                self.new_items(items.len())?;
                Ok(Value::tuple(items))
            }
            Value::Str(s) => {
                if s.is_ascii() {
                    let (a, b, st) = self.slice_bounds(lo, hi, st, s.len(), frame)?;
                    let bytes = s.as_bytes();
                    let out: String = if st == 1 {
                        if a < b {
                            s[a as usize..b as usize].to_string()
                        } else {
                            String::new()
                        }
                    } else {
                        slice_indices(a, b, st).map(|i| bytes[i] as char).collect()
                    };
                    self.new_str(out.len())?;
                    Ok(Value::from_str(&out))
                } else {
                    let chars: Vec<char> = s.chars().collect();
                    let (a, b, st) = self.slice_bounds(lo, hi, st, chars.len(), frame)?;
                    let out: String = slice_indices(a, b, st).map(|i| chars[i]).collect();
                    self.new_str(out.len())?;
                    Ok(Value::from_str(&out))
                }
            }
            Value::Range(ra, rb, rs) => {
                let n = crate::value::range_len(*ra, *rb, *rs);
                let (a, b, s) = self.slice_bounds(lo, hi, st, n as usize, frame)?;
                let start = *ra as i128 + a as i128 * *rs as i128;
                let stop = *ra as i128 + b as i128 * *rs as i128;
                let step = *rs as i128 * s as i128;
                match (
                    i64::try_from(start),
                    i64::try_from(stop),
                    i64::try_from(step),
                ) {
                    (Ok(a), Ok(b), Ok(c)) => Ok(Value::Range(a, b, c)),
                    _ => Err(overflow()),
                }
            }
            // an iterable object (docassemble's DAList) slices as the list of its items
            Value::Object(_) if self.special_method(obj, "__iter__").is_some() => {
                let items = self.iterate(obj)?;
                self.get_slice(&Value::list(items), lo, hi, st, frame)
            }
            Value::Object(_) => Err(Error::exception(
                "TypeError",
                format!(
                    "'{}' object is not subscriptable by a slice",
                    obj.class_name()
                ),
            )),
            other => Err(Error::exception(
                "TypeError",
                format!("'{}' object is not subscriptable", other.type_name()),
            )),
        }
    }

    pub(super) fn set_slice(
        &mut self,
        obj: &Value,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        st: &Option<Box<Expr>>,
        v: Value,
        frame: &Frame,
    ) -> R<()> {
        let Value::List(l) = obj else {
            return Err(Error::exception(
                "TypeError",
                format!(
                    "'{}' object does not support item assignment",
                    obj.type_name()
                ),
            ));
        };
        let len = l.borrow().len();
        let (a, b, s) = self.slice_bounds(lo, hi, st, len, frame)?;
        let items = self.iterate(&v)?;
        if s == 1 {
            let now = l.borrow().len();
            let a = (a.max(0) as usize).min(now);
            let b = (b.max(0) as usize).min(now).max(a);
            self.new_items(now + items.len())?;
            let removed: Vec<Value> = l.borrow_mut().splice(a..b, items).collect();
            crate::value::drop_values(removed);
            Ok(())
        } else {
            let idxs: Vec<usize> = slice_indices(a, b, s).collect();
            if idxs.len() != items.len() {
                return Err(Error::exception(
                    "ValueError",
                    format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        items.len(),
                        idxs.len()
                    ),
                ));
            }
            let mut l = l.borrow_mut();
            for (i, item) in idxs.into_iter().zip(items) {
                if let Some(slot) = l.get_mut(i) {
                    *slot = item;
                }
            }
            Ok(())
        }
    }

    pub(super) fn super_attr(&mut self, name: &str, frame: &Frame) -> R<Value> {
        let (class, this) = match (&frame.func, &frame.self_) {
            (Some(f), Some(s)) => match f.class.as_ref().and_then(std::rc::Weak::upgrade) {
                Some(c) => (c, s.clone()),
                None => return Err(Error::exception("RuntimeError", "super(): no arguments")),
            },
            _ => return Err(Error::exception("RuntimeError", "super(): no arguments")),
        };
        for b in &class.bases {
            if let Some(v) = b.lookup(name) {
                return Ok(bind(v, &this));
            }
        }
        if name == "__init__" {
            // object.__init__: accepts no arguments and does nothing.
            return Ok(Value::native("__init__", |_, _| Ok(Value::None)));
        }
        Err(Error::exception(
            "AttributeError",
            format!("'super' object has no attribute '{name}'"),
        ))
    }

    // ---- calls -------------------------------------------------------------------------------
}

/// Normalises a sequence index (negative from the end); `None` when out of range.
pub(crate) fn norm_index(index: &Value, len: usize) -> R<Option<usize>> {
    let i = match index {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        other => {
            return Err(Error::exception(
                "TypeError",
                format!(
                    "indices must be integers or slices, not {}",
                    other.class_name()
                ),
            ))
        }
    };
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i as u64 >= len as u64 {
        Ok(None)
    } else {
        Ok(Some(i as usize))
    }
}

/// Python's slice index adjustment: (start, stop, step) for a sequence of `len`.
pub(crate) fn adjust_slice(
    lo: Option<i64>,
    hi: Option<i64>,
    st: Option<i64>,
    len: usize,
) -> R<(i64, i64, i64)> {
    let len = len as i64;
    let step = st.unwrap_or(1);
    if step == 0 {
        return Err(Error::exception("ValueError", "slice step cannot be zero"));
    }
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) => {
                let v = if v < 0 { v.saturating_add(len) } else { v };
                if step > 0 {
                    v.clamp(0, len)
                } else {
                    v.clamp(-1, len - 1)
                }
            }
        }
    };
    if step > 0 {
        Ok((clamp(lo, 0), clamp(hi, len), step))
    } else {
        Ok((clamp(lo, len - 1), clamp(hi, -1), step))
    }
}

/// The indices selected by an adjusted slice.
pub(crate) fn slice_indices(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let n = crate::value::range_len(start, stop, step).max(0);
    (0..n).map(move |k| (start + k * step) as usize)
}

/// The two dunder attributes the sandbox lets author code read (attribute syntax only):
/// `obj.__class__` of an object (not of a builtin value or a module) and `__name__` of a
/// class without a builtin constructor (engine, user and exception classes) or of a function.
pub(crate) fn readable_dunder(obj: &Value, name: &str) -> Option<Value> {
    match (name, obj) {
        ("__class__", Value::Object(o)) => {
            let class = o.borrow().class.clone();
            (&*class.name != "module").then_some(Value::Class(class))
        }
        ("__name__", Value::Class(c)) if c.constructor.is_none() => {
            Some(Value::Str(c.name.clone()))
        }
        ("__name__", Value::Function(f)) => Some(Value::from_str(&f.def.name)),
        ("__name__", Value::Native(n)) if n.receiver.is_none() => {
            Some(Value::Str(n.name.clone()))
        }
        _ => None,
    }
}

/// Refuses attribute names starting with `_`.
pub(crate) fn check_attr_name(name: &str) -> R<()> {
    if name.starts_with('_') {
        return Err(Error::Forbidden(format!("attribute {name}")));
    }
    Ok(())
}

/// Binds a class attribute to an instance (functions become methods, natives get a receiver).
pub(crate) fn bind(v: Value, obj: &Value) -> Value {
    match v {
        Value::Function(_) => Value::Method(Rc::new(BoundMethod {
            receiver: obj.clone(),
            func: v,
        })),
        Value::Native(n) if n.receiver.is_none() => Value::Native(Rc::new(NativeFunction {
            name: n.name.clone(),
            func: n.func,
            receiver: Some(obj.clone()),
        })),
        other => other,
    }
}

/// Gives an anonymous object the name it is first assigned to.
pub(super) fn name_object(v: &Value, name: &str) {
    if let Value::Object(o) = v {
        let mut o = o.borrow_mut();
        if o.instance_name.is_none() && &*o.class.name != "module" && !is_exception_class(&o.class)
        {
            o.instance_name = Some(Rc::from(name));
        }
    }
}

pub(super) fn range_find(args: &Args) -> R<Option<i64>> {
    let (Some(Value::Range(a, b, s)), Some(x)) = (args.positional.first(), args.positional.get(1))
    else {
        return Err(Error::exception(
            "TypeError",
            "index() takes exactly one argument",
        ));
    };
    let i = match x.as_num() {
        Some(Num::I(i)) => i as i128,
        Some(Num::F(f)) if f.fract() == 0.0 && f.abs() < 9.0e18 => f as i128,
        _ => return Ok(None),
    };
    let (a, b, s) = (*a as i128, *b as i128, *s as i128);
    let inside = if s > 0 {
        i >= a && i < b
    } else {
        i <= a && i > b
    };
    if inside && (i - a) % s == 0 {
        Ok(i64::try_from((i - a) / s).ok())
    } else {
        Ok(None)
    }
}

pub(super) fn range_index(_vm: &mut Vm, args: Args) -> R<Value> {
    match range_find(&args)? {
        Some(i) => Ok(Value::Int(i)),
        None => {
            let x = args.positional.get(1).map(Value::repr).unwrap_or_default();
            Err(Error::exception(
                "ValueError",
                format!("{x} is not in range"),
            ))
        }
    }
}

pub(super) fn range_count(_vm: &mut Vm, args: Args) -> R<Value> {
    Ok(Value::Int(range_find(&args)?.is_some() as i64))
}
