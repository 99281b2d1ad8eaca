//! Calls: natives, Python functions (argument binding), classes and bound methods.

use super::*;

/// Units of work per item of a list or tuple a native built (often an allocation each).
const BUILT_ITEM_WORK: usize = 4;
/// Units of work per key of a dict or set a native built (hashing and inserting).
const BUILT_KEY_WORK: usize = 8;

impl<'a> Vm<'a> {
    /// Charges a method call on a builtin value for the work it does over its receiver:
    /// every `str` method scans its string; list/tuple/dict/set methods other than the
    /// constant-time ones walk their items.
    fn charge_receiver(&mut self, receiver: &Value, method: &str) -> R<()> {
        let constant = matches!(
            method,
            "append" | "pop" | "get" | "setdefault" | "add" | "discard" | "popitem" | "__getitem__"
        );
        match receiver {
            Value::Str(s) => self.charge_bytes(s.len()),
            _ if constant => Ok(()),
            Value::List(l) => self.charge(l.borrow().len()),
            Value::Tuple(t) => self.charge(t.len()),
            Value::Dict(d) | Value::Set(d) => self.charge(d.borrow().len()),
            _ => Ok(()),
        }
    }

    /// Charges what a native built and returned: a string's bytes (also against the memory
    /// limit), a new container's items (one it handed back unchanged costs nothing more).
    fn charge_built(&mut self, r: &R<Value>) -> R<()> {
        match r {
            Ok(Value::Str(s)) => {
                self.charge_bytes(s.len())?;
                self.alloc(s.len())
            }
            Ok(Value::List(l)) if Rc::strong_count(l) == 1 => self.charge(l.borrow().len().saturating_mul(BUILT_ITEM_WORK)),
            Ok(Value::Tuple(t)) if Rc::strong_count(t) == 1 => self.charge(t.len().saturating_mul(BUILT_ITEM_WORK)),
            Ok(Value::Dict(d) | Value::Set(d)) if Rc::strong_count(d) == 1 => {
                self.charge(d.borrow().len().saturating_mul(BUILT_KEY_WORK))
            }
            _ => Ok(()),
        }
    }

    /// Calls `f` with `args`.
    pub fn call(&mut self, f: &Value, args: Args) -> R<Value> {
        stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.call_inner(f, args))
    }

    pub(super) fn call_inner(&mut self, f: &Value, mut args: Args) -> R<Value> {
        self.step()?;
        match f {
            Value::Native(n) => {
                if let Some(r) = &n.receiver {
                    args.positional.insert(0, r.clone());
                }
                // Keep containers alive past the call so that, if the native held the last
                // reference, they are freed here without deep recursion.
                let mut keep: Vec<Value> = args
                    .positional
                    .iter()
                    .filter(|v| {
                        matches!(
                            v,
                            Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_)
                        )
                    })
                    .cloned()
                    .collect();
                // Methods that discard items of their receiver: hold the items so that the
                // last reference is released here, iteratively.
                if matches!(
                    &*n.name,
                    "clear"
                        | "remove"
                        | "update"
                        | "difference_update"
                        | "intersection_update"
                        | "symmetric_difference_update"
                ) {
                    match &n.receiver {
                        Some(Value::List(l)) => keep.extend(l.borrow().iter().cloned()),
                        Some(Value::Dict(d)) => keep.extend(d.borrow().values().cloned()),
                        Some(Value::Set(d)) => keep.extend(d.borrow().keys().map(Key::to_value)),
                        _ => {}
                    }
                }
                if let Some(r) = &n.receiver {
                    self.charge_receiver(r, &n.name)?;
                }
                self.enter()?;
                let r = (n.func)(self, args);
                self.depth -= 1;
                if !keep.is_empty() {
                    crate::value::drop_values(keep);
                }
                // what a native built counts against the memory limit (strings: their bytes)
                self.charge_built(&r)?;
                r
            }
            Value::Function(func) => self.call_function(func, args, None),
            Value::Method(m) => {
                args.positional.insert(0, m.receiver.clone());
                match &m.func {
                    Value::Function(func) => {
                        self.call_function(func, args, Some(m.receiver.clone()))
                    }
                    other => {
                        let other = other.clone();
                        self.call(&other, args)
                    }
                }
            }
            Value::Class(c) => {
                if let Some(ctor) = c.constructor {
                    self.enter()?;
                    let r = ctor(self, args);
                    self.depth -= 1;
                    self.charge_built(&r)?;
                    return r;
                }
                let obj = Value::new_object(c.clone(), None);
                if is_exception_class(c) {
                    if let Value::Object(o) = &obj {
                        o.borrow_mut()
                            .attrs
                            .insert(Rc::from("args"), Value::tuple(args.positional.clone()));
                    }
                }
                if let Some(init) = c.lookup("__init__") {
                    let r = self.call(&bind(init, &obj), args)?;
                    if !matches!(r, Value::None) {
                        return Err(Error::exception(
                            "TypeError",
                            "__init__() should return None",
                        ));
                    }
                } else if !is_exception_class(c)
                    && (!args.positional.is_empty() || !args.keyword.is_empty())
                {
                    return Err(Error::exception(
                        "TypeError",
                        format!("{}() takes no arguments", c.name),
                    ));
                }
                Ok(obj)
            }
            Value::Object(o) => {
                let class = o.borrow().class.clone();
                match class.lookup("__call__") {
                    Some(m) => self.call(&bind(m, f), args),
                    None => Err(Error::exception(
                        "TypeError",
                        format!("'{}' object is not callable", class.name),
                    )),
                }
            }
            other => Err(Error::exception(
                "TypeError",
                format!("'{}' object is not callable", other.type_name()),
            )),
        }
    }

    pub(super) fn call_function(&mut self, func: &Rc<Function>, args: Args, self_: Option<Value>) -> R<Value> {
        let def = &func.def;
        let scope = Rc::new(Scope {
            vars: RefCell::default(),
            parent: func.closure.clone(),
            is_class: false,
            is_comp: false,
        });
        {
            let mut vars = scope.vars.borrow_mut();
            let nparams = def
                .params
                .iter()
                .filter(|p| p.kind == ir::ParamKind::Normal)
                .count();
            let mut set = vec![false; def.params.len()];
            let mut positional = args.positional.into_iter();
            for (i, v) in positional.by_ref().take(nparams).enumerate() {
                vars.insert(Rc::from(&*def.params[i].name), v);
                set[i] = true;
            }
            let rest: Vec<Value> = positional.collect();
            match &def.vararg {
                Some(name) => {
                    vars.insert(Rc::from(&**name), Value::tuple(rest));
                }
                None => {
                    if !rest.is_empty() {
                        let given = nparams + rest.len();
                        return Err(Error::exception(
                            "TypeError",
                            format!(
                                "{}() takes {} positional argument{} but {} {} given",
                                def.name,
                                nparams,
                                if nparams == 1 { "" } else { "s" },
                                given,
                                if given == 1 { "was" } else { "were" }
                            ),
                        ));
                    }
                }
            }
            let mut kwargs = Dict::default();
            for (k, v) in args.keyword {
                match def.params.iter().position(|p| *p.name == *k) {
                    Some(i) => {
                        if set[i] {
                            return Err(Error::exception(
                                "TypeError",
                                format!("{}() got multiple values for argument '{k}'", def.name),
                            ));
                        }
                        vars.insert(k, v);
                        set[i] = true;
                    }
                    None => {
                        if def.kwarg.is_some() {
                            kwargs.insert(Key::Str(k), v);
                        } else {
                            return Err(Error::exception(
                                "TypeError",
                                format!("{}() got an unexpected keyword argument '{k}'", def.name),
                            ));
                        }
                    }
                }
            }
            if let Some(name) = &def.kwarg {
                vars.insert(Rc::from(&**name), Value::dict(kwargs));
            }
            let mut missing = Vec::new();
            for (i, p) in def.params.iter().enumerate() {
                if !set[i] {
                    match &func.defaults[i] {
                        Some(d) => {
                            vars.insert(Rc::from(&*p.name), d.clone());
                        }
                        None => missing.push(format!("'{}'", p.name)),
                    }
                }
            }
            if !missing.is_empty() {
                let n = missing.len();
                let list = match n {
                    1 => missing[0].clone(),
                    2 => format!("{} and {}", missing[0], missing[1]),
                    _ => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
                };
                return Err(Error::exception(
                    "TypeError",
                    format!(
                        "{}() missing {} required positional argument{}: {}",
                        def.name,
                        n,
                        if n == 1 { "" } else { "s" },
                        list
                    ),
                ));
            }
        }
        let self_ = self_.or_else(|| {
            def.params
                .first()
                .and_then(|p| scope.vars.borrow().get(&*p.name).cloned())
        });
        let frame = Frame {
            locals: Some(scope),
            func: Some(func.clone()),
            self_,
            class_ctx: None,
        };
        self.enter()?;
        let saved_line = self.line;
        // Run in the namespace the function was defined in (Python's __globals__).
        let defining = func.globals.as_ref().and_then(std::rc::Weak::upgrade);
        let swapped = match defining {
            Some(g) if !Rc::ptr_eq(&g, &self.globals.0) => {
                Some(std::mem::replace(&mut self.globals, Namespace(g)))
            }
            _ => None,
        };
        let r = self.exec_block(&def.body, &frame);
        if let Some(saved) = swapped {
            self.globals = saved;
        }
        // A closure created by this call may form a cycle with its scope.
        if let Some(scope) = &frame.locals {
            if Rc::strong_count(scope) > 1 {
                crate::gc::collect(vec![crate::gc::Node0::scope(scope)]);
            }
        }
        self.line = saved_line;
        self.depth -= 1;
        match r? {
            Ctrl::Return(v) => Ok(v),
            _ => Ok(Value::None),
        }
    }
}
