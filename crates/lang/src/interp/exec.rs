//! Statements: blocks, loops, `with`, `try`/`except`, classes and function definitions, names and assignment.

use super::*;

impl<'a> Vm<'a> {
    pub(crate) fn exec_block(&mut self, body: &[Stmt], frame: &Frame) -> R<Ctrl> {
        for s in body {
            match self.exec_stmt(s, frame) {
                Ok(Ctrl::Normal) => {}
                Ok(other) => return Ok(other),
                Err(mut e) => {
                    if let Error::Exception { line, .. } = &mut e {
                        if *line == 0 {
                            *line = s.line;
                        }
                    }
                    return Err(e);
                }
            }
        }
        Ok(Ctrl::Normal)
    }

    pub(super) fn exec_stmt(&mut self, s: &Stmt, frame: &Frame) -> R<Ctrl> {
        stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.exec_stmt_inner(s, frame))
    }

    pub(super) fn exec_stmt_inner(&mut self, s: &Stmt, frame: &Frame) -> R<Ctrl> {
        self.step()?;
        self.line = s.line;
        match &s.kind {
            StmtKind::Expr(e) => {
                let v = self.eval_expr(e, frame)?;
                crate::value::drop_value(v);
            }
            StmtKind::Assign(targets, value) => {
                let v = self.eval_expr(value, frame)?;
                if targets.len() == 1 {
                    self.assign_target(&targets[0], v, frame)?;
                } else {
                    for t in targets {
                        self.assign_target(t, v.clone(), frame)?;
                    }
                }
            }
            StmtKind::AugAssign(target, op, value) => self.aug_assign(target, *op, value, frame)?,
            StmtKind::If(branches, orelse) => {
                for (test, body) in branches {
                    let t = self.eval_expr(test, frame)?;
                    if self.truthy(&t)? {
                        return self.exec_block(body, frame);
                    }
                }
                return self.exec_block(orelse, frame);
            }
            StmtKind::For(target, iter, body, orelse) => {
                let it = self.eval_expr(iter, frame)?;
                return self.exec_for(target, it, body, orelse, frame);
            }
            StmtKind::While(test, body, orelse) => {
                loop {
                    self.step()?;
                    let t = self.eval_expr(test, frame)?;
                    if !self.truthy(&t)? {
                        break;
                    }
                    match self.exec_block(body, frame)? {
                        Ctrl::Break => return Ok(Ctrl::Normal),
                        Ctrl::Return(v) => return Ok(Ctrl::Return(v)),
                        Ctrl::Normal | Ctrl::Continue => {}
                    }
                }
                return self.exec_block(orelse, frame);
            }
            StmtKind::Break => return Ok(Ctrl::Break),
            StmtKind::Continue => return Ok(Ctrl::Continue),
            StmtKind::Return(e) => {
                let v = match e {
                    Some(e) => self.eval_expr(e, frame)?,
                    None => Value::None,
                };
                return Ok(Ctrl::Return(v));
            }
            StmtKind::Pass | StmtKind::Decl => {}
            StmtKind::With(items, body) => return self.exec_with(items, body, frame),
            StmtKind::Def(def) => {
                let f = self.make_function(def, frame)?;
                self.store_name(&def.name, f, frame)?;
            }
            StmtKind::Class(name, bases, body) => self.exec_class(name, bases, body, frame)?,
            StmtKind::Decorated(decorators, name, inner) => self.exec_decorated(decorators, name, inner, frame)?,
            StmtKind::Del(targets) => {
                for t in targets {
                    self.delete_target(t, frame)?;
                }
            }
            StmtKind::Assert(test, msg) => {
                let t = self.eval_expr(test, frame)?;
                if !self.truthy(&t)? {
                    let args = match msg {
                        Some(m) => vec![self.eval_expr(m, frame)?],
                        None => vec![],
                    };
                    let exc = self.instantiate_exception("AssertionError", args)?;
                    return Err(self.raise_value(exc));
                }
            }
            StmtKind::Try(body, handlers, orelse, finally) => {
                return self.exec_try(body, handlers, orelse, finally, frame)
            }
            StmtKind::Raise(e) => return self.exec_raise(e.as_ref(), frame),
            StmtKind::Import(items) => {
                for (module, bound, top) in items {
                    let m = self.import_module(module)?;
                    if *top {
                        // `import a.b` binds `a` (only host modules are dotted)
                        let m = self.import_module(bound)?;
                        self.store_name(bound, m, frame)?;
                        continue;
                    }
                    self.store_name(bound, m, frame)?;
                }
            }
            StmtKind::ImportFrom(module, names) => self.exec_import_from(module, names, frame)?,
        }
        Ok(Ctrl::Normal)
    }

    /// `from module import names` (or `*`).
    fn exec_import_from(&mut self, module: &ir::Name, names: &[(ir::Name, ir::Name)], frame: &Frame) -> R<()> {
        let m = self.import_module(module)?;
        if names.len() == 1 && &*names[0].0 == "*" {
            let attrs: Vec<(Rc<str>, Value)> = match &m {
                Value::Object(o) => o
                    .borrow()
                    .attrs
                    .iter()
                    .filter(|(k, _)| !k.starts_with('_'))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
                _ => Vec::new(),
            };
            for (k, v) in attrs {
                self.store_name(&ir::Name::from(&*k), v, frame)?;
            }
            return Ok(());
        }
        for (name, bound) in names {
            if name.starts_with('_') {
                return Err(Error::Forbidden(format!("import {module}.{name}")));
            }
            let v = match &m {
                Value::Object(o) => {
                    let (found, class) = {
                        let ob = o.borrow();
                        (ob.attrs.get(&**name).cloned(), ob.class.clone())
                    };
                    match (found, class.lookup("__getattr__")) {
                        (Some(v), _) => Some(v),
                        // host modules resolve their names lazily
                        (None, Some(getattr)) => self
                            .call(&bind(getattr, &m), Args::new(vec![Value::from_str(name)]))
                            .ok(),
                        (None, None) => None,
                    }
                }
                _ => None,
            };
            match v {
                Some(v) => self.store_name(bound, v, frame)?,
                None => {
                    return Err(Error::exception(
                        "ImportError",
                        format!("cannot import name '{name}' from '{module}'"),
                    ))
                }
            }
        }
        Ok(())
    }

    /// `raise` (re-raising the exception being handled when `e` is `None`).
    fn exec_raise(&mut self, e: Option<&Expr>, frame: &Frame) -> R<Ctrl> {
        let exc = match e {
            None => match self.handling.last() {
                Some(v) => v.clone(),
                None => {
                    return Err(Error::exception(
                        "RuntimeError",
                        "No active exception to reraise",
                    ))
                }
            },
            Some(e) => {
                let v = self.eval_expr(e, frame)?;
                match v {
                    Value::Class(c) if is_exception_class(&c) => {
                        self.call(&Value::Class(c), Args::default())?
                    }
                    Value::Object(o) if is_exception_class(&o.borrow().class) => {
                        Value::Object(o)
                    }
                    _ => {
                        return Err(Error::exception(
                            "TypeError",
                            "exceptions must derive from BaseException",
                        ))
                    }
                }
            }
        };
        return Err(self.raise_value(exc));
    }

    pub(super) fn exec_for(
        &mut self,
        target: &ir::Target,
        it: Value,
        body: &[Stmt],
        orelse: &[Stmt],
        frame: &Frame,
    ) -> R<Ctrl> {
        macro_rules! run_body {
            ($item:expr) => {{
                self.step()?;
                self.assign_target(target, $item, frame)?;
                match self.exec_block(body, frame)? {
                    Ctrl::Break => return Ok(Ctrl::Normal),
                    Ctrl::Return(v) => return Ok(Ctrl::Return(v)),
                    Ctrl::Normal | Ctrl::Continue => {}
                }
            }};
        }
        match &it {
            Value::Range(a, b, s) => {
                let n = crate::value::range_len(*a, *b, *s);
                let mut i = *a;
                for _ in 0..n {
                    run_body!(Value::Int(i));
                    i = i.wrapping_add(*s);
                }
            }
            Value::List(l) => {
                let mut i = 0;
                loop {
                    let item = l.borrow().get(i).cloned();
                    match item {
                        Some(item) => run_body!(item),
                        None => break,
                    }
                    i += 1;
                }
            }
            Value::Dict(d) | Value::Set(d) => {
                let what = if let Value::Dict(_) = &it {
                    "dictionary"
                } else {
                    "Set"
                };
                let n = d.borrow().len();
                for i in 0..n {
                    let key = {
                        let d = d.borrow();
                        if d.len() != n {
                            None
                        } else {
                            d.get_index(i).map(|(k, _)| k.to_value())
                        }
                    };
                    match key {
                        Some(k) => run_body!(k),
                        None => {
                            return Err(Error::exception(
                                "RuntimeError",
                                format!("{what} changed size during iteration"),
                            ))
                        }
                    }
                }
                if d.borrow().len() != n {
                    return Err(Error::exception(
                        "RuntimeError",
                        format!("{what} changed size during iteration"),
                    ));
                }
            }
            Value::Iter(st) => loop {
                let item = self.iter_next(st)?;
                match item {
                    Some(item) => run_body!(item),
                    None => break,
                }
            },
            _ => {
                let items = self.iterate(&it)?;
                for item in items {
                    run_body!(item);
                }
            }
        }
        self.exec_block(orelse, frame)
    }

    pub(super) fn exec_with(
        &mut self,
        items: &[(Expr, Option<ir::Target>)],
        body: &[Stmt],
        frame: &Frame,
    ) -> R<Ctrl> {
        let Some(((expr, target), rest)) = items.split_first() else {
            return self.exec_block(body, frame);
        };
        let mgr = self.eval_expr(expr, frame)?;
        let entered = match self.special_method(&mgr, "__enter__") {
            Some(m) => self.call(&m, Args::default())?,
            None => mgr.clone(),
        };
        if let Some(t) = target {
            self.assign_target(t, entered, frame)?;
        }
        let r = self.exec_with(rest, body, frame);
        if let Some(m) = self.special_method(&mgr, "__exit__") {
            self.call(&m, Args::new(vec![Value::None, Value::None, Value::None]))?;
        }
        r
    }

    pub(super) fn exec_try(
        &mut self,
        body: &[Stmt],
        handlers: &[ir::Handler],
        orelse: &[Stmt],
        finally: &[Stmt],
        frame: &Frame,
    ) -> R<Ctrl> {
        let r = match self.exec_block(body, frame) {
            Ok(Ctrl::Normal) => self.exec_block(orelse, frame),
            Ok(c) => Ok(c),
            Err(e) if !handlers.is_empty() => self.handle(e, handlers, frame),
            Err(e) => Err(e),
        };
        if finally.is_empty() {
            return r;
        }
        // Keep the pending exception object across the finally block.
        let raised = self.raised.take();
        let undef = self.undef.take();
        match self.exec_block(finally, frame)? {
            Ctrl::Normal => {
                self.raised = raised;
                self.undef = undef;
                r
            }
            other => Ok(other),
        }
    }

    /// Tries the `except` clauses on error `e`.
    pub(super) fn handle(&mut self, e: Error, handlers: &[ir::Handler], frame: &Frame) -> R<Ctrl> {
        let mut undef_saved = None;
        let (class, exc_fn): (Rc<Class>, ExcMaker) = match &e {
            Error::Exception { kind, message, .. } => {
                let raised = self.raised.take();
                let obj = match raised {
                    Some((Value::Object(o), m))
                        if &*o.borrow().class.name == kind.as_str() && &m == message =>
                    {
                        Some(Value::Object(o))
                    }
                    _ => None,
                };
                match obj {
                    Some(Value::Object(o)) => {
                        let class = o.borrow().class.clone();
                        let v = Value::Object(o);
                        (class, Box::new(move |_| Ok(v)))
                    }
                    _ => {
                        let class = exception_class_by_name(kind);
                        let message = message.clone();
                        let c2 = class.clone();
                        (
                            class,
                            Box::new(
                                move |vm: &mut Vm| Ok(vm.exception_from_message(c2, &message)),
                            ),
                        )
                    }
                }
            }
            Error::Undefined(path) => {
                let known = self
                    .undef
                    .take()
                    .filter(|(_, _, p)| p == path)
                    .map(|(k, a, _)| (k, a));
                let (kind, arg) = known.unwrap_or_else(|| {
                    (
                        "NameError",
                        Value::from_str(&format!("name '{path}' is not defined")),
                    )
                });
                let class = exception_class_by_name(kind);
                let c2 = class.clone();
                undef_saved = Some((kind, arg.clone(), path.clone()));
                (
                    class,
                    Box::new(move |vm: &mut Vm| {
                        let _ = vm;
                        Ok(new_exception(c2, vec![arg]))
                    }),
                )
            }
            _ => return Err(e),
        };
        for h in handlers {
            let matches = match &h.kind {
                None => true,
                Some(k) => {
                    let kv = self.eval_expr(k, frame)?;
                    exception_matches(&class, &kv)?
                }
            };
            if matches {
                let exc = exc_fn(self)?;
                if let Some(name) = &h.name {
                    self.store_name(name, exc.clone(), frame)?;
                }
                self.handling.push(exc);
                let r = self.exec_block(&h.body, frame);
                self.handling.pop();
                return r;
            }
        }
        // Nobody caught it: restore the pending state and propagate.
        if undef_saved.is_some() {
            self.undef = undef_saved;
        }
        if let Error::Exception { message, .. } = &e {
            if let Ok(v) = exc_fn(self) {
                self.raised = Some((v, message.clone()));
            }
        }
        Err(e)
    }

    /// `Error::Undefined(path)`, remembering which exception it would be inside `try`.
    pub(super) fn undefined(&mut self, (kind, arg): (&'static str, Value), path: String) -> Error {
        self.undef = Some((kind, arg, path.clone()));
        Error::Undefined(path)
    }

    /// Makes `exc` the pending exception and returns the error that carries it.
    pub(crate) fn raise_value(&mut self, exc: Value) -> Error {
        let kind = exc.class_name().to_string();
        let message = self.str_of(&exc).unwrap_or_default();
        self.raised = Some((exc, message.clone()));
        Error::Exception {
            kind,
            message,
            line: 0,
        }
    }

    /// Raises `KeyError(key)` (with the key as the exception's argument).
    pub fn key_error(&mut self, key: &Value) -> Error {
        let exc = new_exception(exception_class_by_name("KeyError"), vec![key.clone()]);
        self.raise_value(exc)
    }

    pub(super) fn exception_from_message(&mut self, class: Rc<Class>, message: &str) -> Value {
        let args = if message.is_empty() {
            vec![]
        } else {
            vec![Value::from_str(message)]
        };
        let v = new_exception(class, args);
        if let Value::Object(o) = &v {
            o.borrow_mut()
                .attrs
                .insert(Rc::from("__message__"), Value::from_str(message));
        }
        v
    }

    pub(super) fn instantiate_exception(&mut self, name: &str, args: Vec<Value>) -> R<Value> {
        Ok(new_exception(exception_class_by_name(name), args))
    }

    pub(super) fn exec_class(
        &mut self,
        name: &ir::Name,
        bases: &[Expr],
        body: &[Stmt],
        frame: &Frame,
    ) -> R<()> {
        let mut base_classes = Vec::new();
        for b in bases {
            match self.eval_expr(b, frame)? {
                Value::Class(c) => base_classes.push(c),
                other => {
                    return Err(Error::exception(
                        "TypeError",
                        format!("bases must be types, not {}", other.type_name()),
                    ))
                }
            }
        }
        let class = Class::new(name, base_classes);
        let scope = Rc::new(Scope {
            vars: RefCell::default(),
            parent: frame.locals.clone(),
            is_class: true,
            is_comp: false,
        });
        let inner = Frame {
            locals: Some(scope.clone()),
            func: frame.func.clone(),
            self_: frame.self_.clone(),
            class_ctx: Some(class.clone()),
        };
        self.exec_block(body, &inner)?;
        let vars = std::mem::take(&mut *scope.vars.borrow_mut());
        *class.attrs.borrow_mut() = vars;
        self.store_name(name, Value::Class(class), frame)
    }

    /// `@d1 @d2 def f` / `class C`: the decorators are evaluated first, the definition
    /// binds its name, then `f = d1(d2(f))`.
    fn exec_decorated(&mut self, decorators: &[Expr], name: &ir::Name, inner: &StmtKind, frame: &Frame) -> R<()> {
        let mut funcs = Vec::with_capacity(decorators.len());
        for d in decorators {
            funcs.push(self.eval_expr(d, frame)?);
        }
        match inner {
            StmtKind::Def(def) => {
                let f = self.make_function(def, frame)?;
                self.store_name(&def.name, f, frame)?;
            }
            StmtKind::Class(n, bases, body) => self.exec_class(n, bases, body, frame)?,
            _ => return Err(Error::exception("SyntaxError", "only a def or class can be decorated")),
        }
        let mut v = self.lookup_name(name, frame)?;
        for d in funcs.iter().rev() {
            v = self.call(d, Args::new(vec![v]))?;
        }
        self.store_name(name, v, frame)
    }

    pub(super) fn make_function(&mut self, def: &std::sync::Arc<ir::FuncDef>, frame: &Frame) -> R<Value> {
        let mut defaults = Vec::with_capacity(def.params.len());
        for p in &def.params {
            defaults.push(match &p.default {
                Some(d) => Some(self.eval_expr(d, frame)?),
                None => None,
            });
        }
        // Closures see enclosing function scopes, never class bodies.
        let mut closure = frame.locals.clone();
        while let Some(s) = &closure {
            if s.is_class {
                closure = s.parent.clone();
            } else {
                break;
            }
        }
        Ok(Value::Function(Rc::new(Function {
            def: def.clone(),
            defaults,
            closure,
            class: frame.class_ctx.as_ref().map(Rc::downgrade),
            globals: Some(Rc::downgrade(&self.globals.0)),
        })))
    }

    // ---- names --------------------------------------------------------------------

    pub(super) fn lookup_name(&mut self, name: &str, frame: &Frame) -> R<Value> {
        if let Some(scope) = &frame.locals {
            let global = frame
                .func
                .as_ref()
                .is_some_and(|f| f.def.globals.iter().any(|g| &**g == name));
            if !global {
                let mut s = Some(scope);
                let mut first = true;
                let mut in_function = true;
                while let Some(sc) = s {
                    if first || !sc.is_class {
                        if let Some(v) = sc.vars.borrow().get(name) {
                            return Ok(v.clone());
                        }
                    }
                    if in_function && !sc.is_comp && !sc.is_class {
                        // The function's own scope: a local assigned later is unbound here.
                        in_function = false;
                        if let Some(f) = &frame.func {
                            if f.def.locals.iter().any(|l| &**l == name) {
                                let msg = format!(
                                    "cannot access local variable '{name}' where it is not associated with a value"
                                );
                                return Err(Error::exception("UnboundLocalError", msg));
                            }
                        }
                    }
                    first = false;
                    s = sc.parent.as_ref();
                }
            }
        }
        if let Some(v) = self.globals.0.borrow().get(name) {
            return Ok(v.clone());
        }
        if name.starts_with("__") {
            return Err(Error::Forbidden(format!("name {name}")));
        }
        if let Some(h) = &self.host {
            if let Some(v) = h.global(name) {
                return Ok(v);
            }
        }
        if let Some(v) = crate::builtins::lookup(name) {
            return v;
        }
        let undef_info = (
            "NameError",
            Value::from_str(&format!("name '{name}' is not defined")),
        );
        Err(self.undefined(undef_info, name.to_string()))
    }

    pub(crate) fn store_name(&mut self, name: &ir::Name, v: Value, frame: &Frame) -> R<()> {
        match &frame.locals {
            None => {
                name_object(&v, name);
                self.globals.set(name, v);
            }
            Some(scope) => {
                if let Some(f) = &frame.func {
                    if !scope.is_class && f.def.globals.iter().any(|g| g == name) {
                        self.globals.set(name, v);
                        return Ok(());
                    }
                    if !scope.is_class && f.def.nonlocals.iter().any(|g| g == name) {
                        let mut s = scope.parent.as_ref();
                        while let Some(sc) = s {
                            if !sc.is_class && sc.vars.borrow().contains_key(&**name) {
                                sc.vars.borrow_mut().insert(name.as_ref().into(), v);
                                return Ok(());
                            }
                            s = sc.parent.as_ref();
                        }
                        return Err(Error::exception(
                            "SyntaxError",
                            format!("no binding for nonlocal '{name}' found"),
                        ));
                    }
                }
                let old = {
                    let mut vars = scope.vars.borrow_mut();
                    if let Some(slot) = vars.get_mut(&**name) {
                        Some(std::mem::replace(slot, v))
                    } else {
                        vars.insert(name.as_ref().into(), v);
                        None
                    }
                };
                if let Some(old) = old {
                    crate::value::drop_value(old);
                }
            }
        }
        Ok(())
    }

    pub(super) fn delete_name(&mut self, name: &str, frame: &Frame) -> R<()> {
        let removed = match &frame.locals {
            Some(scope) => {
                let old = scope.vars.borrow_mut().shift_remove(name);
                old.map(crate::value::drop_value).is_some()
            }
            None => self
                .globals
                .remove(name)
                .map(crate::value::drop_value)
                .is_some(),
        };
        if removed {
            Ok(())
        } else {
            let undef_info = (
                "NameError",
                Value::from_str(&format!("name '{name}' is not defined")),
            );
            Err(self.undefined(undef_info, name.to_string()))
        }
    }

    // ---- targets ------------------------------------------------------------------

    pub(crate) fn assign_target(&mut self, t: &ir::Target, v: Value, frame: &Frame) -> R<()> {
        match t {
            ir::Target::Name(n) => self.store_name(n, v, frame),
            ir::Target::Attr(obj, attr) => {
                let o = self.eval_expr(obj, frame)?;
                self.set_attr(&o, attr, v, Some(obj), frame)
            }
            ir::Target::Subscript(obj, idx) => {
                let o = self.eval_expr(obj, frame)?;
                if let Expr::Slice(lo, hi, st) = idx {
                    return self.set_slice(&o, lo, hi, st, v, frame);
                }
                let i = self.eval_expr(idx, frame)?;
                self.set_item(&o, i, v, Some(obj), frame)
            }
            ir::Target::Tuple(targets, star) => {
                let items = self.iterate(&v)?;
                match star {
                    None => {
                        if items.len() != targets.len() {
                            return Err(unpack_error(targets.len(), items.len(), false));
                        }
                        for (t, item) in targets.iter().zip(items) {
                            self.assign_target(t, item, frame)?;
                        }
                    }
                    Some(si) => {
                        let before = *si;
                        let after = targets.len() - si - 1;
                        if items.len() < before + after {
                            return Err(unpack_error(targets.len() - 1, items.len(), true));
                        }
                        let mut items = items;
                        let tail = items.split_off(items.len() - after);
                        let middle = items.split_off(before);
                        for (t, item) in targets[..before].iter().zip(items) {
                            self.assign_target(t, item, frame)?;
                        }
                        self.assign_target(&targets[before], Value::list(middle), frame)?;
                        for (t, item) in targets[before + 1..].iter().zip(tail) {
                            self.assign_target(t, item, frame)?;
                        }
                    }
                }
                Ok(())
            }
        }
    }

    pub(super) fn delete_target(&mut self, t: &ir::Target, frame: &Frame) -> R<()> {
        match t {
            ir::Target::Name(n) => self.delete_name(n, frame),
            ir::Target::Attr(obj, attr) => {
                check_attr_name(attr)?;
                let o = self.eval_expr(obj, frame)?;
                match &o {
                    Value::Object(ob) => {
                        let old = ob.borrow_mut().attrs.shift_remove(&**attr);
                        if let Some(old) = old {
                            crate::value::drop_value(old);
                        } else {
                            let path = self.attr_path(&o, obj, attr, frame);
                            let undef_info = (
                                "AttributeError",
                                Value::from_str(&format!(
                                    "'{}' object has no attribute '{attr}'",
                                    o.class_name()
                                )),
                            );
                            return Err(self.undefined(undef_info, path));
                        }
                        Ok(())
                    }
                    other => Err(Error::exception(
                        "AttributeError",
                        format!("'{}' object has no attribute '{attr}'", other.type_name()),
                    )),
                }
            }
            ir::Target::Subscript(obj, idx) => {
                let o = self.eval_expr(obj, frame)?;
                if let Expr::Slice(lo, hi, st) = idx {
                    if let Value::List(l) = &o {
                        let len = l.borrow().len();
                        let (start, stop, step) = self.slice_bounds(lo, hi, st, len, frame)?;
                        let idxs: Vec<usize> = slice_indices(start, stop, step).collect();
                        let mut l = l.borrow_mut();
                        let now = l.len();
                        let mut keep = vec![true; now];
                        for i in idxs {
                            if i < now {
                                keep[i] = false;
                            }
                        }
                        let old = std::mem::take(&mut *l);
                        let mut removed = Vec::new();
                        for (item, k) in old.into_iter().zip(keep) {
                            if k {
                                l.push(item);
                            } else {
                                removed.push(item);
                            }
                        }
                        drop(l);
                        crate::value::drop_values(removed);
                        return Ok(());
                    }
                    return Err(Error::exception(
                        "TypeError",
                        format!("'{}' object does not support item deletion", o.type_name()),
                    ));
                }
                let i = self.eval_expr(idx, frame)?;
                match &o {
                    Value::List(l) => {
                        let len = l.borrow().len();
                        match norm_index(&i, len)? {
                            Some(ix) => {
                                let old = l.borrow_mut().remove(ix);
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
                        let k = self.key_of(&i)?;
                        let old = d.borrow_mut().shift_remove(&k);
                        if let Some(old) = old {
                            crate::value::drop_value(old);
                        } else {
                            let path = format!("{}[{}]", self.expr_path(obj, frame), i.repr());
                            let undef_info = ("KeyError", i.clone());
                            return Err(self.undefined(undef_info, path));
                        }
                        Ok(())
                    }
                    Value::Object(_) => {
                        if let Some(m) = self.special_method(&o, "__delitem__") {
                            self.call(&m, Args::new(vec![i]))?;
                            return Ok(());
                        }
                        Err(Error::exception(
                            "TypeError",
                            format!("'{}' object does not support item deletion", o.class_name()),
                        ))
                    }
                    other => Err(Error::exception(
                        "TypeError",
                        format!(
                            "'{}' object does not support item deletion",
                            other.type_name()
                        ),
                    )),
                }
            }
            ir::Target::Tuple(targets, _) => {
                for t in targets {
                    self.delete_target(t, frame)?;
                }
                Ok(())
            }
        }
    }

    pub(super) fn aug_assign(&mut self, target: &ir::Target, op: BinOp, value: &Expr, frame: &Frame) -> R<()> {
        match target {
            ir::Target::Name(n) => {
                let cur = self.lookup_name(n, frame)?;
                let rhs = self.eval_expr(value, frame)?;
                let v = self.inplace_op(op, cur, rhs)?;
                self.store_name(n, v, frame)
            }
            ir::Target::Attr(obj, attr) => {
                let o = self.eval_expr(obj, frame)?;
                let cur = self.get_attr(&o, attr, Some(obj), frame)?;
                let rhs = self.eval_expr(value, frame)?;
                let v = self.inplace_op(op, cur, rhs)?;
                self.set_attr(&o, attr, v, Some(obj), frame)
            }
            ir::Target::Subscript(obj, idx) => {
                let o = self.eval_expr(obj, frame)?;
                let i = self.eval_expr(idx, frame)?;
                let cur = self.get_item(&o, &i, Some(obj), frame)?;
                let rhs = self.eval_expr(value, frame)?;
                let v = self.inplace_op(op, cur, rhs)?;
                self.set_item(&o, i, v, Some(obj), frame)
            }
            ir::Target::Tuple(..) => Err(Error::exception(
                "SyntaxError",
                "illegal expression for augmented assignment",
            )),
        }
    }

    pub(super) fn inplace_op(&mut self, op: BinOp, cur: Value, rhs: Value) -> R<Value> {
        // Lists extend in place (`a += b` mutates the shared list).
        if let (BinOp::Add, Value::List(l)) = (op, &cur) {
            if !matches!(rhs, Value::List(_) | Value::Tuple(_)) {
                let items = self.iterate(&rhs)?;
                let n = l.borrow().len() + items.len();
                self.new_items(n)?;
                l.borrow_mut().extend(items);
                return Ok(cur);
            }
            let items = self.iterate(&rhs)?;
            let n = l.borrow().len() + items.len();
            self.new_items(n)?;
            l.borrow_mut().extend(items);
            return Ok(cur);
        }
        if let (BinOp::BitOr, Value::Dict(d)) = (op, &cur) {
            if let Value::Dict(other) = &rhs {
                let items: Vec<(Key, Value)> = other
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                d.borrow_mut().extend(items);
                return Ok(cur);
            }
        }
        if let (
            BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
            Value::Set(_),
            Value::Set(_),
        ) = (op, &cur, &rhs)
        {
            let new = self.binop(op, &cur, &rhs)?;
            if let (Value::Set(a), Value::Set(b)) = (&cur, &new) {
                let items = std::mem::take(&mut *b.borrow_mut());
                *a.borrow_mut() = items;
            }
            return Ok(cur);
        }
        self.binop(op, &cur, &rhs)
    }

    // ---- attributes -------------------------------------------------------------------
}

pub(super) fn unpack_error(expected: usize, got: usize, star: bool) -> Error {
    if star {
        Error::exception(
            "ValueError",
            format!("not enough values to unpack (expected at least {expected}, got {got})"),
        )
    } else if got > expected {
        Error::exception(
            "ValueError",
            format!("too many values to unpack (expected {expected})"),
        )
    } else {
        Error::exception(
            "ValueError",
            format!("not enough values to unpack (expected {expected}, got {got})"),
        )
    }
}

pub(super) fn exception_matches(class: &Rc<Class>, kv: &Value) -> R<bool> {
    match kv {
        Value::Class(k) => {
            if !is_exception_class(k) {
                return Err(Error::exception(
                    "TypeError",
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
            Ok(class.is_subclass(k))
        }
        Value::Tuple(items) => {
            for it in items.iter() {
                if exception_matches(class, it)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(Error::exception(
            "TypeError",
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    }
}
