//! The tree-walking interpreter: statements, expressions, calls, exceptions.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use indexmap::IndexMap;

use crate::error::{Error, LimitKind};
use crate::ir::{self, Arg, BinOp, CmpOp, CompKind, Elt, Expr, FPart, Lit, Stmt, StmtKind, UnOp};
use crate::limits::Limits;
use crate::value::{
    Args, BoundMethod, Class, Dict, Function, IterState, Key, NativeFunction, Num, Object, Scope,
    Value,
};
use crate::{Host, Namespace, Output};

/// Builds the exception object for a caught error (only when a handler matches).
type ExcMaker = Box<dyn FnOnce(&mut Vm) -> R<Value>>;

/// Control flow out of a block.
pub(crate) enum Ctrl {
    Normal,
    Break,
    Continue,
    Return(Value),
}

/// The evaluation context of the code being run.
#[derive(Clone, Default)]
pub(crate) struct Frame {
    /// Function / comprehension / class-body locals; `None` at module level.
    pub locals: Option<Rc<Scope>>,
    /// The function being run.
    pub func: Option<Rc<Function>>,
    /// The first argument of the function (for `super()`).
    pub self_: Option<Value>,
    /// The class whose body is being run.
    pub class_ctx: Option<Rc<Class>>,
}

type R<T> = Result<T, Error>;

/// Where a generator expression takes the items of one `for` clause from.
pub(crate) enum Cursor {
    /// A snapshot of the items.
    Items(Vec<Value>, usize),
    /// A live list (CPython iterates lists by index).
    List(Rc<RefCell<Vec<Value>>>, usize),
    /// A range: next value, items left, step.
    Range(i64, i64, i64),
    /// Another iterator (possibly a generator), pulled one item at a time.
    Iter(Rc<RefCell<IterState>>),
}

/// The state of a lazy generator expression: its code, its own comprehension scope and
/// one cursor per active `for` clause.
pub(crate) struct GenState {
    pub(crate) code: Arc<ir::GenCode>,
    pub(crate) scope: Rc<Scope>,
    pub(crate) func: Option<Rc<Function>>,
    pub(crate) self_: Option<Value>,
    pub(crate) levels: Vec<Cursor>,
}

impl std::fmt::Debug for GenState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<generator>")
    }
}

impl GenState {
    /// Every value the generator refers to (for the cycle collector).
    pub(crate) fn for_each_value(&self, mut f: impl FnMut(&Value)) {
        if let Some(v) = &self.self_ {
            f(v);
        }
        for c in &self.levels {
            match c {
                Cursor::Items(items, _) => items.iter().for_each(&mut f),
                Cursor::List(l, _) => f(&Value::List(l.clone())),
                Cursor::Iter(i) => f(&Value::Iter(i.clone())),
                Cursor::Range(..) => {}
            }
        }
    }

    /// Consumes the state, returning the values it held (scope variables included when the
    /// scope is not shared), for dropping without deep recursion.
    pub(crate) fn into_values(self) -> Vec<Value> {
        let mut out = Vec::new();
        if let Some(v) = self.self_ {
            out.push(v);
        }
        for c in self.levels {
            match c {
                Cursor::Items(items, _) => out.extend(items),
                Cursor::List(l, _) => out.push(Value::List(l)),
                Cursor::Iter(i) => out.push(Value::Iter(i)),
                Cursor::Range(..) => {}
            }
        }
        if Rc::strong_count(&self.scope) == 1 {
            if let Ok(mut vars) = self.scope.vars.try_borrow_mut() {
                out.extend(std::mem::take(&mut *vars).into_values());
            }
        }
        out
    }
}

/// Stack that must remain before recursing further; below it a new segment is used.
const RED_ZONE: usize = 512 * 1024;
/// Size of each extra stack segment.
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// The evaluator. One per request (or per evaluation); limits count per Vm.
pub struct Vm<'a> {
    pub(crate) limits: Limits,
    out: &'a mut dyn Output,
    host: Option<&'a mut dyn Host>,
    steps: u64,
    depth: u32,
    allocated: usize,
    pub(crate) globals: Namespace,
    line: u32,
    /// The exception object of the most recent `raise` (matched by class name).
    raised: Option<(Value, String)>,
    /// How many exec/eval calls are running (natives may run code in their own namespace).
    nesting: u32,
    /// Exceptions being handled (for bare `raise`).
    handling: Vec<Value>,
    /// The exception an `Undefined` would be inside `try`: class name and its single argument.
    undef: Option<(&'static str, Value, String)>,
}

impl<'a> Vm<'a> {
    /// A Vm with `limits` that prints to `out`.
    pub fn new(limits: Limits, out: &'a mut dyn Output) -> Vm<'a> {
        Vm {
            limits,
            out,
            host: None,
            steps: 0,
            depth: 0,
            allocated: 0,
            globals: Namespace::new(),
            line: 0,
            raised: None,
            nesting: 0,
            handling: Vec::new(),
            undef: None,
        }
    }

    /// Adds the embedding crate's globals and state.
    pub fn with_host(mut self, host: &'a mut dyn Host) -> Vm<'a> {
        self.host = Some(host);
        self
    }

    /// The host, for natives that need their state (`vm.host()?.as_any().downcast_mut()`).
    pub fn host(&mut self) -> Option<&mut dyn Host> {
        match &mut self.host {
            Some(h) => Some(&mut **h),
            None => None,
        }
    }

    /// Writes `text` to the output sink.
    pub fn print(&mut self, text: &str) {
        self.out.write(text);
    }

    /// The namespace of the code being run (the user dictionary).
    pub fn globals(&self) -> &Namespace {
        &self.globals
    }

    /// Steps used so far.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// Runs `f` with `ns` as the global namespace. The outermost call leaves `ns` in place
    /// so that [`Vm::call`] of a function defined there still sees its globals.
    fn with_globals<T>(&mut self, ns: &Namespace, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let saved = std::mem::replace(&mut self.globals, ns.clone());
        self.nesting += 1;
        let r = f(self);
        self.nesting -= 1;
        if self.nesting > 0 {
            self.globals = saved;
        }
        r.map_err(|e| self.finish_error(e))
    }

    /// Runs a compiled program in `ns`.
    pub fn exec(&mut self, program: &crate::Program, ns: &Namespace) -> R<()> {
        self.with_globals(ns, |vm| {
            vm.exec_block(&program.body, &Frame::default()).map(|_| ())
        })
    }

    /// Evaluates a compiled expression in `ns`.
    pub fn eval(&mut self, expr: &crate::Expression, ns: &Namespace) -> R<Value> {
        self.with_globals(ns, |vm| {
            vm.line = expr.line;
            vm.eval_expr(&expr.expr, &Frame::default())
                .map_err(|mut e| {
                    if let Error::Exception { line, .. } = &mut e {
                        if *line == 0 {
                            *line = expr.line;
                        }
                    }
                    e
                })
        })
    }

    /// Assigns `value` to a compiled target (`user.name.first`, `fruit[1]`) in `ns`.
    pub fn assign(&mut self, target: &crate::Target, ns: &Namespace, value: Value) -> R<()> {
        self.with_globals(ns, |vm| {
            vm.line = target.line;
            vm.assign_target(&target.target, value, &Frame::default())
        })
    }

    /// Deletes a compiled target (`del user.name.first`) in `ns`.
    pub fn delete(&mut self, target: &crate::Target, ns: &Namespace) -> R<()> {
        self.with_globals(ns, |vm| vm.delete_target(&target.target, &Frame::default()))
    }

    fn finish_error(&mut self, e: Error) -> Error {
        if self.nesting == 0 {
            self.raised = None;
            self.undef = None;
        }
        e
    }

    // ---- limits -----------------------------------------------------------------

    /// Counts one evaluation step.
    #[inline]
    pub fn step(&mut self) -> R<()> {
        self.steps += 1;
        if self.steps > self.limits.max_steps {
            return Err(Error::Limit(LimitKind::Steps));
        }
        Ok(())
    }

    /// Refuses a string or collection of `n` items/bytes above the length limit.
    #[inline]
    pub fn check_len(&self, n: usize) -> R<()> {
        if n > self.limits.max_len {
            return Err(Error::Limit(LimitKind::Length));
        }
        Ok(())
    }

    /// Accounts `bytes` of allocation against the memory limit.
    #[inline]
    pub fn alloc(&mut self, bytes: usize) -> R<()> {
        self.allocated = self.allocated.saturating_add(bytes);
        if self.allocated > self.limits.max_alloc {
            return Err(Error::Limit(LimitKind::Memory));
        }
        Ok(())
    }

    /// Checks the length limit and accounts memory for a new collection of `n` items.
    pub fn new_items(&mut self, n: usize) -> R<()> {
        self.check_len(n)?;
        self.alloc(n.saturating_mul(16).saturating_add(32))
    }

    /// Checks the length limit and accounts memory for a new string of `n` bytes.
    pub fn new_str(&mut self, n: usize) -> R<()> {
        self.check_len(n)?;
        self.alloc(n.saturating_add(16))
    }

    // ---- statements ---------------------------------------------------------------

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

    fn exec_stmt(&mut self, s: &Stmt, frame: &Frame) -> R<Ctrl> {
        stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.exec_stmt_inner(s, frame))
    }

    fn exec_stmt_inner(&mut self, s: &Stmt, frame: &Frame) -> R<Ctrl> {
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
            StmtKind::Raise(e) => {
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
            StmtKind::ImportFrom(module, names) => {
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
                    return Ok(Ctrl::Normal);
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
            }
        }
        Ok(Ctrl::Normal)
    }

    fn exec_for(
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

    fn exec_with(
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

    fn exec_try(
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
    fn handle(&mut self, e: Error, handlers: &[ir::Handler], frame: &Frame) -> R<Ctrl> {
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
    fn undefined(&mut self, (kind, arg): (&'static str, Value), path: String) -> Error {
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

    fn exception_from_message(&mut self, class: Rc<Class>, message: &str) -> Value {
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

    fn instantiate_exception(&mut self, name: &str, args: Vec<Value>) -> R<Value> {
        Ok(new_exception(exception_class_by_name(name), args))
    }

    fn exec_class(
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

    fn make_function(&mut self, def: &std::sync::Arc<ir::FuncDef>, frame: &Frame) -> R<Value> {
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

    fn lookup_name(&mut self, name: &str, frame: &Frame) -> R<Value> {
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

    fn delete_name(&mut self, name: &str, frame: &Frame) -> R<()> {
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

    fn delete_target(&mut self, t: &ir::Target, frame: &Frame) -> R<()> {
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

    fn aug_assign(&mut self, target: &ir::Target, op: BinOp, value: &Expr, frame: &Frame) -> R<()> {
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

    fn inplace_op(&mut self, op: BinOp, cur: Value, rhs: Value) -> R<Value> {
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

    /// The docassemble path of `obj_expr` (which evaluated to `obj`) followed by `.attr`.
    fn attr_path(&mut self, obj: &Value, obj_expr: &Expr, attr: &str, frame: &Frame) -> String {
        if let Value::Object(o) = obj {
            if let Some(n) = &o.borrow().instance_name {
                return format!("{n}.{attr}");
            }
        }
        format!("{}.{attr}", self.expr_path(obj_expr, frame))
    }

    /// The docassemble spelling of a path expression (error path only: may re-evaluate
    /// side-effect-free sub-expressions).
    fn expr_path(&mut self, e: &Expr, frame: &Frame) -> String {
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
    fn import_module(&mut self, name: &str) -> R<Value> {
        if let Some(m) = crate::ext::import(name) {
            return Ok(m);
        }
        if let Some(m) = self.host.as_ref().and_then(|h| h.import(name)) {
            return Ok(m);
        }
        Err(Error::Forbidden(format!("import {name}")))
    }

    /// `obj.name` (the expression `obj_expr` is used to spell undefined paths).
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
                    return Ok(bind(v, obj));
                }
                if let Some(f) = crate::ext::method(obj, name) {
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
                Some(v) => Ok(v),
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

    fn builtin_method(&mut self, obj: &Value, name: &str) -> R<Value> {
        if let Some(v) = crate::ext::attribute(obj, name) {
            return Ok(v);
        }
        if let Some(f) = crate::ext::method(obj, name) {
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

    fn set_attr(
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

    fn set_item(
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

    fn slice_bounds(
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

    fn get_slice(
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

    fn set_slice(
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

    /// The dict key of `v`, or TypeError if it is unhashable.
    pub fn key_of(&mut self, v: &Value) -> R<Key> {
        v.to_key()
            .map_err(|t| Error::exception("TypeError", format!("unhashable type: '{t}'")))
    }

    // ---- expressions ---------------------------------------------------------------------

    pub(crate) fn eval_expr(&mut self, e: &Expr, frame: &Frame) -> R<Value> {
        match e {
            Expr::Lit(_) | Expr::Name(_) => self.eval_inner(e, frame),
            // Deep recursion grows the stack on the heap instead of overflowing it.
            _ => stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.eval_inner(e, frame)),
        }
    }

    fn eval_inner(&mut self, e: &Expr, frame: &Frame) -> R<Value> {
        match e {
            Expr::Lit(l) => Ok(match l {
                Lit::None => Value::None,
                Lit::Bool(b) => Value::Bool(*b),
                Lit::Int(i) => Value::Int(*i),
                Lit::Float(f) => Value::Float(*f),
                Lit::Str(s) => Value::Str(Rc::from(&**s)),
                Lit::BigInt => return Err(overflow()),
                Lit::Complex => {
                    return Err(Error::exception(
                        "ValueError",
                        "complex numbers are not supported",
                    ))
                }
            }),
            Expr::Name(n) => self.lookup_name(n, frame),
            Expr::Attr(obj, name) => {
                let o = self.eval_expr(obj, frame)?;
                if let Some(v) = readable_dunder(&o, name) {
                    return Ok(v);
                }
                let r = self.get_attr(&o, name, Some(obj), frame);
                crate::value::drop_value(o);
                r
            }
            Expr::SuperAttr(name) => self.super_attr(name, frame),
            Expr::Subscript(obj, idx) => {
                let o = self.eval_expr(obj, frame)?;
                if let Expr::Slice(lo, hi, st) = &**idx {
                    return self.get_slice(&o, lo, hi, st, frame);
                }
                let i = self.eval_expr(idx, frame)?;
                let r = self.get_item(&o, &i, Some(obj), frame);
                crate::value::drop_value(o);
                r
            }
            Expr::Slice(..) => Err(Error::exception(
                "TypeError",
                "slices are only supported inside [ ]",
            )),
            Expr::Call(f, args) => {
                let fv = match &**f {
                    Expr::Name(n) if &**n == "super" => {
                        return Err(Error::exception(
                            "RuntimeError",
                            "super() is only supported as super().name",
                        ))
                    }
                    _ => self.eval_expr(f, frame)?,
                };
                let args = self.eval_args(args, frame)?;
                self.call(&fv, args)
            }
            Expr::Bin(op, a, b) => {
                let a = self.eval_expr(a, frame)?;
                let b = self.eval_expr(b, frame)?;
                let r = self.binop(*op, &a, &b);
                // Operands may be the last reference to deep data: free it without recursion.
                crate::value::drop_value(a);
                crate::value::drop_value(b);
                r
            }
            Expr::BinChain(first, rest) => {
                let mut acc = self.eval_expr(first, frame)?;
                for (op, e) in rest {
                    let b = self.eval_expr(e, frame)?;
                    acc = self.binop(*op, &acc, &b)?;
                }
                Ok(acc)
            }
            Expr::Unary(op, a) => {
                let v = self.eval_expr(a, frame)?;
                self.unary(*op, v)
            }
            Expr::BoolOp(is_and, values) => {
                let mut last = Value::None;
                for (i, v) in values.iter().enumerate() {
                    last = self.eval_expr(v, frame)?;
                    if i + 1 == values.len() {
                        break;
                    }
                    let t = self.truthy(&last)?;
                    if *is_and != t {
                        return Ok(last);
                    }
                }
                Ok(last)
            }
            Expr::Compare(left, rest) => {
                let mut l = self.eval_expr(left, frame)?;
                for (op, re) in rest {
                    let r = self.eval_expr(re, frame)?;
                    let ok = self.compare(*op, &l, &r);
                    crate::value::drop_value(std::mem::replace(&mut l, r));
                    if !ok? {
                        crate::value::drop_value(l);
                        return Ok(Value::Bool(false));
                    }
                }
                crate::value::drop_value(l);
                Ok(Value::Bool(true))
            }
            Expr::IfExp(test, body, orelse) => {
                let t = self.eval_expr(test, frame)?;
                if self.truthy(&t)? {
                    self.eval_expr(body, frame)
                } else {
                    self.eval_expr(orelse, frame)
                }
            }
            Expr::List(elts) => {
                let items = self.eval_elts(elts, frame)?;
                Ok(Value::list(items))
            }
            Expr::Tuple(elts) => {
                let items = self.eval_elts(elts, frame)?;
                Ok(Value::tuple(items))
            }
            Expr::Set(elts) => {
                let items = self.eval_elts(elts, frame)?;
                let mut d = Dict::with_capacity(items.len());
                for v in items {
                    let k = self.key_of(&v)?;
                    d.insert(k, Value::None);
                }
                Ok(Value::set(d))
            }
            Expr::Dict(items) => {
                self.new_items(items.len())?;
                let mut d = Dict::with_capacity(items.len());
                for (k, v) in items {
                    match k {
                        Some(k) => {
                            let kv = self.eval_expr(k, frame)?;
                            let key = self.key_of(&kv)?;
                            let vv = self.eval_expr(v, frame)?;
                            d.insert(key, vv);
                        }
                        None => {
                            let other = self.eval_expr(v, frame)?;
                            match &other {
                                Value::Dict(o) => {
                                    for (k, v) in o.borrow().iter() {
                                        d.insert(k.clone(), v.clone());
                                    }
                                }
                                _ => {
                                    return Err(Error::exception(
                                        "TypeError",
                                        format!("'{}' object is not a mapping", other.type_name()),
                                    ))
                                }
                            }
                        }
                    }
                }
                Ok(Value::dict(d))
            }
            Expr::Comp(kind, elt, key, gens) => {
                self.eval_comp(*kind, elt, key.as_deref(), gens, frame)
            }
            Expr::Gen(code) => self.make_gen(code, frame),
            Expr::Lambda(def) => self.make_function(def, frame),
            Expr::FString(parts) => {
                let s = self.eval_fstring(parts, frame)?;
                Ok(Value::Str(Rc::from(s)))
            }
            Expr::Named(name, value) => {
                let v = self.eval_expr(value, frame)?;
                // The walrus binds in the enclosing function scope, not the comprehension's.
                let mut target = frame.locals.clone();
                while let Some(sc) = &target {
                    if sc.is_comp {
                        target = sc.parent.clone();
                    } else {
                        break;
                    }
                }
                let outer = Frame {
                    locals: target,
                    ..frame.clone()
                };
                self.store_name(name, v.clone(), &outer)?;
                Ok(v)
            }
        }
    }

    fn eval_fstring(&mut self, parts: &[FPart], frame: &Frame) -> R<String> {
        let mut out = String::new();
        for p in parts {
            match p {
                FPart::Lit(s) => out.push_str(s),
                FPart::Value {
                    expr,
                    conv,
                    spec,
                    debug,
                } => {
                    if let Some(d) = debug {
                        out.push_str(d);
                    }
                    let v = self.eval_expr(expr, frame)?;
                    let v = match conv {
                        Some('r') | Some('a') => Value::Str(Rc::from(self.repr_of(&v)?)),
                        Some(_) => Value::Str(Rc::from(self.str_of(&v)?)),
                        None => v,
                    };
                    match spec {
                        Some(spec) => {
                            let spec = self.eval_fstring(spec, frame)?;
                            let s = crate::ext::format_value(self, &v, &spec)?;
                            out.push_str(&s);
                        }
                        None => {
                            let s = self.str_of(&v)?;
                            out.push_str(&s);
                        }
                    }
                    self.new_str(out.len())?;
                }
            }
        }
        self.new_str(out.len())?;
        Ok(out)
    }

    fn eval_elts(&mut self, elts: &[Elt], frame: &Frame) -> R<Vec<Value>> {
        let mut out = Vec::with_capacity(elts.len());
        for e in elts {
            match e {
                Elt::One(e) => out.push(self.eval_expr(e, frame)?),
                Elt::Star(e) => {
                    let v = self.eval_expr(e, frame)?;
                    out.extend(self.iterate(&v)?);
                }
            }
        }
        self.new_items(out.len())?;
        Ok(out)
    }

    fn eval_args(&mut self, args: &[Arg], frame: &Frame) -> R<Args> {
        let mut out = Args {
            positional: Vec::with_capacity(args.len()),
            keyword: Vec::new(),
        };
        for a in args {
            match a {
                Arg::Pos(e) => out.positional.push(self.eval_expr(e, frame)?),
                Arg::Star(e) => {
                    let v = self.eval_expr(e, frame)?;
                    out.positional.extend(self.iterate(&v)?);
                }
                Arg::Kw(n, e) => {
                    let v = self.eval_expr(e, frame)?;
                    out.keyword.push((Rc::from(&**n), v));
                }
                Arg::StarStar(e) => {
                    let v = self.eval_expr(e, frame)?;
                    match &v {
                        Value::Dict(d) => {
                            for (k, v) in d.borrow().iter() {
                                match k {
                                    Key::Str(s) => out.keyword.push((s.clone(), v.clone())),
                                    _ => {
                                        return Err(Error::exception(
                                            "TypeError",
                                            "keywords must be strings",
                                        ))
                                    }
                                }
                            }
                        }
                        other => {
                            return Err(Error::exception(
                                "TypeError",
                                format!(
                                    "argument after ** must be a mapping, not {}",
                                    other.type_name()
                                ),
                            ))
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    fn eval_comp(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        key: Option<&Expr>,
        gens: &[ir::CompFor],
        frame: &Frame,
    ) -> R<Value> {
        let scope = Rc::new(Scope {
            vars: RefCell::default(),
            parent: frame.locals.clone(),
            is_class: false,
            is_comp: true,
        });
        let inner = Frame {
            locals: Some(scope),
            func: frame.func.clone(),
            self_: frame.self_.clone(),
            class_ctx: None,
        };
        let mut list = Vec::new();
        let mut dict = Dict::new();
        // The first iterable is evaluated in the enclosing scope.
        let Some(g0) = gens.first() else {
            return Ok(Value::list(Vec::new()));
        };
        let first = self.eval_expr(&g0.iter, frame)?;
        self.comp_level(kind, elt, key, gens, 0, first, &inner, &mut list, &mut dict)?;
        Ok(match kind {
            CompKind::List => Value::list(list),
            CompKind::Gen => Value::Iter(Rc::new(RefCell::new(IterState {
                items: list,
                pos: 0,
                ..Default::default()
            }))),
            CompKind::Set | CompKind::Dict => {
                if kind == CompKind::Set {
                    Value::set(dict)
                } else {
                    Value::dict(dict)
                }
            }
        })
    }

    /// Creates a lazy generator: the first iterable is evaluated now, in the enclosing scope.
    fn make_gen(&mut self, code: &Arc<ir::GenCode>, frame: &Frame) -> R<Value> {
        let Some(g0) = code.gens.first() else {
            return Ok(Value::Iter(Rc::default()));
        };
        let first = self.eval_expr(&g0.iter, frame)?;
        let cursor = self.cursor(first)?;
        let scope = Rc::new(Scope {
            vars: RefCell::default(),
            parent: frame.locals.clone(),
            is_class: false,
            is_comp: true,
        });
        self.alloc(64)?;
        Ok(Value::Iter(Rc::new(RefCell::new(IterState {
            items: Vec::new(),
            pos: 0,
            gen: Some(Box::new(GenState {
                code: code.clone(),
                scope,
                func: frame.func.clone(),
                self_: frame.self_.clone(),
                levels: vec![cursor],
            })),
            running: false,
        }))))
    }

    /// A cursor over an iterable.
    fn cursor(&mut self, v: Value) -> R<Cursor> {
        Ok(match v {
            Value::List(l) => Cursor::List(l, 0),
            Value::Range(a, b, s) => {
                let n = crate::value::range_len(a, b, s);
                if n < 0 {
                    return Err(Error::exception(
                        "OverflowError",
                        "Python int too large to convert to C ssize_t",
                    ));
                }
                Cursor::Range(a, n, s)
            }
            Value::Iter(i) => Cursor::Iter(i),
            other => Cursor::Items(self.iterate(&other)?, 0),
        })
    }

    /// The next item of a cursor.
    fn cursor_next(&mut self, c: &mut Cursor) -> R<Option<Value>> {
        Ok(match c {
            Cursor::Items(items, pos) => {
                let v = items.get(*pos).cloned();
                *pos += 1;
                v
            }
            Cursor::List(l, pos) => {
                let v = l.borrow().get(*pos).cloned();
                *pos += 1;
                v
            }
            Cursor::Range(next, left, step) => {
                if *left <= 0 {
                    None
                } else {
                    let v = *next;
                    *left -= 1;
                    *next = next.wrapping_add(*step);
                    Some(Value::Int(v))
                }
            }
            Cursor::Iter(i) => {
                let i = i.clone();
                self.iter_next(&i)?
            }
        })
    }

    /// The next item of an iterator value (computing it when the iterator is a generator
    /// expression); `None` when it is exhausted.
    pub(crate) fn iter_next(&mut self, it: &Rc<RefCell<IterState>>) -> R<Option<Value>> {
        let mut gen = {
            let mut st = it.borrow_mut();
            if st.running {
                return Err(Error::exception(
                    "ValueError",
                    "generator already executing",
                ));
            }
            match st.gen.take() {
                Some(g) => {
                    st.running = true;
                    g
                }
                None => {
                    let v = st.items.get(st.pos).cloned();
                    if v.is_some() {
                        st.pos += 1;
                    }
                    return Ok(v);
                }
            }
        };
        let r = self.gen_next(&mut gen);
        let mut st = it.borrow_mut();
        st.running = false;
        match r {
            Ok(Some(v)) => {
                st.gen = Some(gen);
                Ok(Some(v))
            }
            // Exhausted, or an exception went through it: the generator is finished.
            other => {
                drop(st);
                crate::value::drop_values(gen.into_values());
                other
            }
        }
    }

    fn gen_next(&mut self, g: &mut GenState) -> R<Option<Value>> {
        // A generator made inside a function runs in that function's namespace, even when
        // it is consumed from another one (as calls do).
        let defining = g
            .func
            .as_ref()
            .and_then(|f| f.globals.as_ref())
            .and_then(std::rc::Weak::upgrade);
        let swapped = match defining {
            Some(ns) if !Rc::ptr_eq(&ns, &self.globals.0) => {
                Some(std::mem::replace(&mut self.globals, Namespace(ns)))
            }
            _ => None,
        };
        let r = self.gen_step(g);
        if let Some(saved) = swapped {
            self.globals = saved;
        }
        r
    }

    fn gen_step(&mut self, g: &mut GenState) -> R<Option<Value>> {
        let code = g.code.clone();
        let frame = Frame {
            locals: Some(g.scope.clone()),
            func: g.func.clone(),
            self_: g.self_.clone(),
            class_ctx: None,
        };
        'next: loop {
            let depth = g.levels.len();
            let Some(top) = g.levels.last_mut() else {
                return Ok(None);
            };
            let item = self.cursor_next(top)?;
            let Some(item) = item else {
                g.levels.pop();
                continue;
            };
            self.step()?;
            let clause = &code.gens[depth - 1];
            self.assign_target(&clause.target, item, &frame)?;
            for cond in &clause.ifs {
                let c = self.eval_expr(cond, &frame)?;
                if !self.truthy(&c)? {
                    continue 'next;
                }
            }
            if depth < code.gens.len() {
                let next = self.eval_expr(&code.gens[depth].iter, &frame)?;
                let c = self.cursor(next)?;
                g.levels.push(c);
                continue;
            }
            return self.eval_expr(&code.elt, &frame).map(Some);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn comp_level(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        key: Option<&Expr>,
        gens: &[ir::CompFor],
        level: usize,
        iterable: Value,
        frame: &Frame,
        list: &mut Vec<Value>,
        dict: &mut Dict,
    ) -> R<()> {
        let g = &gens[level];
        let items = self.iterate(&iterable)?;
        'items: for item in items {
            self.step()?;
            self.assign_target(&g.target, item, frame)?;
            for cond in &g.ifs {
                let c = self.eval_expr(cond, frame)?;
                if !self.truthy(&c)? {
                    continue 'items;
                }
            }
            if level + 1 < gens.len() {
                let next = self.eval_expr(&gens[level + 1].iter, frame)?;
                self.comp_level(kind, elt, key, gens, level + 1, next, frame, list, dict)?;
            } else {
                match kind {
                    CompKind::List | CompKind::Gen => {
                        let v = self.eval_expr(elt, frame)?;
                        self.check_len(list.len() + 1)?;
                        self.alloc(16)?;
                        list.push(v);
                    }
                    CompKind::Set => {
                        let v = self.eval_expr(elt, frame)?;
                        let k = self.key_of(&v)?;
                        self.check_len(dict.len() + 1)?;
                        self.alloc(48)?;
                        dict.insert(k, Value::None);
                    }
                    CompKind::Dict => {
                        let kv = match key {
                            Some(k) => self.eval_expr(k, frame)?,
                            None => Value::None,
                        };
                        let k = self.key_of(&kv)?;
                        let v = self.eval_expr(elt, frame)?;
                        self.check_len(dict.len() + 1)?;
                        self.alloc(48)?;
                        dict.insert(k, v);
                    }
                }
            }
        }
        Ok(())
    }

    fn super_attr(&mut self, name: &str, frame: &Frame) -> R<Value> {
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

    /// Calls `f` with `args`.
    pub fn call(&mut self, f: &Value, args: Args) -> R<Value> {
        stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.call_inner(f, args))
    }

    fn call_inner(&mut self, f: &Value, mut args: Args) -> R<Value> {
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
                self.enter()?;
                let r = (n.func)(self, args);
                self.depth -= 1;
                if !keep.is_empty() {
                    crate::value::drop_values(keep);
                }
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

    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > self.limits.max_depth {
            self.depth -= 1;
            return Err(Error::Limit(LimitKind::Depth));
        }
        Ok(())
    }

    fn call_function(&mut self, func: &Rc<Function>, args: Args, self_: Option<Value>) -> R<Value> {
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
            let mut kwargs = Dict::new();
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

    /// A special method (`__len__`, `__str__` …) of an object's class, bound to it.
    pub fn special_method(&self, v: &Value, name: &str) -> Option<Value> {
        if let Value::Object(o) = v {
            let class = o.borrow().class.clone();
            return class.lookup(name).map(|m| bind(m, v));
        }
        None
    }

    // ---- conversions ---------------------------------------------------------------------------

    /// Python truthiness (calls `__bool__` / `__len__` of objects).
    pub fn truthy(&mut self, v: &Value) -> R<bool> {
        if let Value::Object(_) = v {
            if let Some(m) = self.special_method(v, "__bool__") {
                let r = self.call(&m, Args::default())?;
                return Ok(r.truthy());
            }
            if let Some(m) = self.special_method(v, "__len__") {
                let r = self.call(&m, Args::default())?;
                return Ok(r.truthy());
            }
        }
        Ok(v.truthy())
    }

    /// Python `str(v)` (calls `__str__` of objects).
    pub fn str_of(&mut self, v: &Value) -> R<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Object(_) => {
                if let Some(m) = self.special_method(v, "__str__") {
                    let r = self.call(&m, Args::default())?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(Error::exception(
                            "TypeError",
                            format!("__str__ returned non-string (type {})", other.type_name()),
                        )),
                    };
                }
                if let Some(m) = self.special_method(v, "__repr__") {
                    let r = self.call(&m, Args::default())?;
                    return Ok(r.str());
                }
                Ok(v.str())
            }
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) => self.repr_of(v),
            other => Ok(other.str()),
        }
    }

    /// Python `repr(v)` (calls `__repr__` of objects, also inside containers).
    pub fn repr_of(&mut self, v: &Value) -> R<String> {
        if !contains_objects(v, 0) {
            crate::value::take_nest_overflow();
            let s = v.repr();
            if crate::value::take_nest_overflow() {
                return Err(recursion_error("while getting the repr of an object"));
            }
            self.new_str(s.len())?;
            return Ok(s);
        }
        let mut out = String::new();
        self.repr_rec(v, &mut out, 0)?;
        Ok(out)
    }

    fn repr_rec(&mut self, v: &Value, out: &mut String, depth: u32) -> R<()> {
        if depth > crate::value::MAX_NEST {
            out.push_str("...");
            return Ok(());
        }
        self.check_len(out.len())?;
        match v {
            Value::Object(_) => {
                if let Some(m) = self.special_method(v, "__repr__") {
                    let r = self.call(&m, Args::default())?;
                    out.push_str(&r.str());
                } else {
                    v.repr_into(out, depth);
                }
            }
            Value::List(l) => {
                out.push('[');
                let items = l.borrow().clone();
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_rec(x, out, depth + 1)?;
                }
                out.push(']');
            }
            Value::Tuple(t) => {
                out.push('(');
                for (i, x) in t.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_rec(x, out, depth + 1)?;
                }
                if t.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Value::Dict(d) => {
                out.push('{');
                let items: Vec<(Key, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                for (i, (k, x)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_rec(&k.to_value(), out, depth + 1)?;
                    out.push_str(": ");
                    self.repr_rec(x, out, depth + 1)?;
                }
                out.push('}');
            }
            other => other.repr_into(out, depth),
        }
        Ok(())
    }

    /// The items of an iterable.
    pub fn iterate(&mut self, v: &Value) -> R<Vec<Value>> {
        Ok(match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Str(s) => {
                let mut out = Vec::with_capacity(s.len());
                for c in s.chars() {
                    out.push(Value::from_str(c.encode_utf8(&mut [0; 4])));
                }
                self.new_items(out.len())?;
                out
            }
            Value::Dict(d) | Value::Set(d) => d.borrow().keys().map(Key::to_value).collect(),
            Value::Range(a, b, s) => {
                let n = crate::value::range_len(*a, *b, *s);
                self.new_items(n as usize)?;
                let mut out = Vec::with_capacity(n as usize);
                let mut i = *a;
                for _ in 0..n {
                    out.push(Value::Int(i));
                    i = i.wrapping_add(*s);
                }
                out
            }
            Value::Iter(st) => {
                if st.borrow().gen.is_some() || st.borrow().running {
                    let mut out = Vec::new();
                    while let Some(v) = self.iter_next(st)? {
                        self.check_len(out.len() + 1)?;
                        self.alloc(16)?;
                        out.push(v);
                    }
                    return Ok(out);
                }
                let mut st = st.borrow_mut();
                let pos = st.pos.min(st.items.len());
                let rest = st.items[pos..].to_vec();
                st.pos = st.items.len();
                rest
            }
            Value::Object(_) => {
                if let Some(m) = self.special_method(v, "__iter__") {
                    let r = self.call(&m, Args::default())?;
                    if let Value::Object(_) = r {
                        return Err(Error::exception("TypeError", "iter() returned an object"));
                    }
                    return self.iterate(&r);
                }
                return Err(Error::exception(
                    "TypeError",
                    format!("'{}' object is not iterable", v.class_name()),
                ));
            }
            other => {
                return Err(Error::exception(
                    "TypeError",
                    format!("'{}' object is not iterable", other.type_name()),
                ))
            }
        })
    }

    // ---- operators ----------------------------------------------------------------------------

    fn unary(&mut self, op: UnOp, v: Value) -> R<Value> {
        match op {
            UnOp::Not => Ok(Value::Bool(!self.truthy(&v)?)),
            UnOp::Neg => match v {
                Value::Int(i) => i.checked_neg().map(Value::Int).ok_or_else(overflow),
                Value::Bool(b) => Ok(Value::Int(-(b as i64))),
                Value::Float(f) => Ok(Value::Float(-f)),
                other => self.unary_dunder(other, "__neg__", "-"),
            },
            UnOp::Pos => match v {
                Value::Int(_) | Value::Float(_) => Ok(v),
                Value::Bool(b) => Ok(Value::Int(b as i64)),
                other => self.unary_dunder(other, "__pos__", "+"),
            },
            UnOp::Invert => match v {
                Value::Int(i) => Ok(Value::Int(!i)),
                Value::Bool(b) => Ok(Value::Int(!(b as i64))),
                other => self.unary_dunder(other, "__invert__", "~"),
            },
        }
    }

    fn unary_dunder(&mut self, v: Value, dunder: &str, sym: &str) -> R<Value> {
        if let Some(m) = self.special_method(&v, dunder) {
            return self.call(&m, Args::default());
        }
        if let Some(r) = crate::ext::temporal_binop(sym, &v, &Value::None) {
            return r;
        }
        Err(Error::exception(
            "TypeError",
            format!("bad operand type for unary {sym}: '{}'", v.class_name()),
        ))
    }

    /// A binary operator.
    pub fn binop(&mut self, op: BinOp, a: &Value, b: &Value) -> R<Value> {
        use Value::*;
        // Fast path: ints.
        if let (Int(x), Int(y)) = (a, b) {
            return int_op(op, *x, *y);
        }
        if let (Some(x), Some(y)) = (a.as_num(), b.as_num()) {
            return match (x, y) {
                (Num::I(x), Num::I(y)) => match op {
                    BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor
                        if matches!((a, b), (Bool(_), Bool(_))) =>
                    {
                        let r = int_op(op, x, y)?;
                        Ok(Bool(r.truthy()))
                    }
                    _ => int_op(op, x, y),
                },
                _ => float_op(op, x.f(), y.f(), a, b),
            };
        }
        match (op, a, b) {
            (BinOp::Add, Str(x), Str(y)) => {
                self.new_str(x.len() + y.len())?;
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                return Ok(Str(Rc::from(s)));
            }
            (BinOp::Add, List(x), List(y)) => {
                let n = x.borrow().len() + y.borrow().len();
                self.new_items(n)?;
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                return Ok(Value::list(v));
            }
            (BinOp::Add, Tuple(x), Tuple(y)) => {
                self.new_items(x.len() + y.len())?;
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                return Ok(Value::tuple(v));
            }
            (BinOp::Mul, Str(_) | List(_) | Tuple(_), Int(_) | Bool(_)) => {
                return self.repeat(a, b)
            }
            (BinOp::Mul, Int(_) | Bool(_), Str(_) | List(_) | Tuple(_)) => {
                return self.repeat(b, a)
            }
            (BinOp::Mod, Str(fmt), _) => {
                let s = crate::ext::percent_format(self, fmt, b)?;
                self.new_str(s.len())?;
                return Ok(Value::from_str(&s));
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Set(x), Set(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                let d: crate::value::Dict = match op {
                    BinOp::BitOr => x
                        .iter()
                        .chain(y.iter())
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                    BinOp::BitAnd => x
                        .iter()
                        .filter(|(k, _)| y.contains_key(*k))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                    BinOp::Sub => x
                        .iter()
                        .filter(|(k, _)| !y.contains_key(*k))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                    _ => x
                        .iter()
                        .filter(|(k, _)| !y.contains_key(*k))
                        .chain(y.iter().filter(|(k, _)| !x.contains_key(*k)))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                };
                drop((x, y));
                self.new_items(d.len())?;
                return Ok(Value::set(d));
            }
            (BinOp::BitOr, Dict(x), Dict(y)) => {
                let mut d = x.borrow().clone();
                for (k, v) in y.borrow().iter() {
                    d.insert(k.clone(), v.clone());
                }
                self.new_items(d.len())?;
                return Ok(Value::dict(d));
            }
            _ => {}
        }
        if is_temporal(a) || is_temporal(b) {
            if let Some(r) = crate::ext::temporal_binop(op.symbol(), a, b) {
                return r;
            }
        }
        if let Object(_) = a {
            if let Some(m) = self.special_method(a, dunder(op, false)) {
                return self.call(&m, Args::new(vec![b.clone()]));
            }
        }
        if let Object(_) = b {
            if let Some(m) = self.special_method(b, dunder(op, true)) {
                return self.call(&m, Args::new(vec![a.clone()]));
            }
        }
        if let (BinOp::Add, Str(_)) = (op, a) {
            return Err(Error::exception(
                "TypeError",
                format!(
                    "can only concatenate str (not \"{}\") to str",
                    b.class_name()
                ),
            ));
        }
        if let (BinOp::Add, List(_)) = (op, a) {
            return Err(Error::exception(
                "TypeError",
                format!(
                    "can only concatenate list (not \"{}\") to list",
                    b.class_name()
                ),
            ));
        }
        if let (BinOp::Add, Tuple(_)) = (op, a) {
            return Err(Error::exception(
                "TypeError",
                format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    b.class_name()
                ),
            ));
        }
        if matches!(op, BinOp::Mul) && matches!(a, Str(_) | List(_) | Tuple(_)) {
            return Err(Error::exception(
                "TypeError",
                format!(
                    "can't multiply sequence by non-int of type '{}'",
                    b.class_name()
                ),
            ));
        }
        let sym = if op == BinOp::Pow {
            "** or pow()"
        } else {
            op.symbol()
        };
        Err(Error::exception(
            "TypeError",
            format!(
                "unsupported operand type(s) for {sym}: '{}' and '{}'",
                a.class_name(),
                b.class_name()
            ),
        ))
    }

    fn repeat(&mut self, seq: &Value, n: &Value) -> R<Value> {
        let n = match n {
            Value::Int(i) => (*i).max(0) as u64,
            Value::Bool(b) => *b as u64,
            _ => 0,
        };
        match seq {
            Value::Str(s) => {
                let total = (s.len() as u64).saturating_mul(n);
                self.new_str(usize::try_from(total).unwrap_or(usize::MAX))?;
                Ok(Value::from_str(&s.repeat(n as usize)))
            }
            Value::List(l) => {
                let len = l.borrow().len() as u64;
                let total = len.saturating_mul(n);
                self.new_items(usize::try_from(total).unwrap_or(usize::MAX))?;
                let items = l.borrow();
                let mut out = Vec::with_capacity(total as usize);
                for _ in 0..n {
                    out.extend(items.iter().cloned());
                }
                Ok(Value::list(out))
            }
            Value::Tuple(t) => {
                let total = (t.len() as u64).saturating_mul(n);
                self.new_items(usize::try_from(total).unwrap_or(usize::MAX))?;
                let mut out = Vec::with_capacity(total as usize);
                for _ in 0..n {
                    out.extend(t.iter().cloned());
                }
                Ok(Value::tuple(out))
            }
            _ => Ok(Value::None),
        }
    }

    /// Python `==` (calls `__eq__` of objects).
    pub fn eq(&mut self, a: &Value, b: &Value) -> R<bool> {
        if let Value::Object(_) = a {
            if let Some(m) = self.special_method(a, "__eq__") {
                let r = self.call(&m, Args::new(vec![b.clone()]))?;
                return Ok(r.truthy());
            }
        }
        if let Value::Object(_) = b {
            if let Some(m) = self.special_method(b, "__eq__") {
                let r = self.call(&m, Args::new(vec![a.clone()]))?;
                return Ok(r.truthy());
            }
        }
        if (is_temporal(a) || is_temporal(b)) && !matches!((a, b), (Value::Date(_), Value::Date(_)))
        {
            if let Some(r) = crate::ext::temporal_binop("==", a, b) {
                return Ok(r?.truthy());
            }
        }
        crate::value::take_nest_overflow();
        let r = a.py_eq(b);
        if crate::value::take_nest_overflow() {
            return Err(recursion_error("in comparison"));
        }
        Ok(r)
    }

    /// Python `<`.
    pub fn lt(&mut self, a: &Value, b: &Value) -> R<bool> {
        Ok(self.order(a, b, "<")? == Some(std::cmp::Ordering::Less))
    }

    /// Ordering of two values (`None` when unordered, e.g. NaN); TypeError when not comparable.
    pub fn order(&mut self, a: &Value, b: &Value, sym: &str) -> R<Option<std::cmp::Ordering>> {
        use std::cmp::Ordering;
        use Value::*;
        match (a, b) {
            (Int(x), Int(y)) => return Ok(Some(x.cmp(y))),
            (Str(x), Str(y)) => return Ok(Some(x.cmp(y))),
            _ => {}
        }
        if let (Some(x), Some(y)) = (a.as_num(), b.as_num()) {
            return Ok(match (x, y) {
                (Num::I(x), Num::I(y)) => Some(x.cmp(&y)),
                (Num::I(x), Num::F(y)) => cmp_int_float(x, y),
                (Num::F(x), Num::I(y)) => cmp_int_float(y, x).map(Ordering::reverse),
                (Num::F(x), Num::F(y)) => x.partial_cmp(&y),
            });
        }
        match (a, b) {
            (List(x), List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                return self.order_seq(&x, &y, sym);
            }
            (Tuple(x), Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                return self.order_seq(&x, &y, sym);
            }
            (Date(x), Date(y)) => return Ok(Some(x.cmp(y))),
            (DateTime(x), DateTime(y)) => return Ok(Some(x.cmp(y))),
            (Time(x), Time(y)) => return Ok(Some(x.cmp(y))),
            (Set(x), Set(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                let sub = x.keys().all(|k| y.contains_key(k));
                let sup = y.keys().all(|k| x.contains_key(k));
                return Ok(match (sub, sup) {
                    (true, true) => Some(Ordering::Equal),
                    (true, false) => Some(Ordering::Less),
                    (false, true) => Some(Ordering::Greater),
                    _ => Option::None,
                });
            }
            _ => {}
        }
        if is_temporal(a) || is_temporal(b) {
            if let Some(r) = crate::ext::temporal_binop("<", a, b) {
                if r?.truthy() {
                    return Ok(Some(Ordering::Less));
                }
                return Ok(Some(if self.eq(a, b)? {
                    Ordering::Equal
                } else {
                    Ordering::Greater
                }));
            }
        }
        if let Object(_) = a {
            if let Some(m) = self.special_method(a, "__lt__") {
                if self.call(&m, Args::new(vec![b.clone()]))?.truthy() {
                    return Ok(Some(Ordering::Less));
                }
                return Ok(Some(if self.eq(a, b)? {
                    Ordering::Equal
                } else {
                    Ordering::Greater
                }));
            }
        }
        if let Object(_) = b {
            if let Some(m) = self.special_method(b, "__lt__") {
                if self.call(&m, Args::new(vec![a.clone()]))?.truthy() {
                    return Ok(Some(Ordering::Greater));
                }
                return Ok(Some(if self.eq(a, b)? {
                    Ordering::Equal
                } else {
                    Ordering::Less
                }));
            }
        }
        Err(Error::exception(
            "TypeError",
            format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                a.class_name(),
                b.class_name()
            ),
        ))
    }

    fn order_seq(&mut self, x: &[Value], y: &[Value], sym: &str) -> R<Option<std::cmp::Ordering>> {
        self.enter()?;
        let r = self.order_seq_inner(x, y, sym);
        self.depth -= 1;
        r
    }

    fn order_seq_inner(
        &mut self,
        x: &[Value],
        y: &[Value],
        sym: &str,
    ) -> R<Option<std::cmp::Ordering>> {
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq(p, q)? {
                return self.order(p, q, sym);
            }
        }
        Ok(Some(x.len().cmp(&y.len())))
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> R<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(x) => Ok(s.contains(&**x)),
                other => Err(Error::exception(
                    "TypeError",
                    format!(
                        "'in <string>' requires string as left operand, not {}",
                        other.class_name()
                    ),
                )),
            },
            Value::List(l) => {
                let items = l.borrow().clone();
                for v in &items {
                    if self.eq(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                for v in t.iter() {
                    if self.eq(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) | Value::Set(d) => {
                let k = self.key_of(item)?;
                Ok(d.borrow().contains_key(&k))
            }
            Value::Range(a, b, s) => Ok(match item.as_num() {
                Some(Num::I(i)) => {
                    let n = crate::value::range_len(*a, *b, *s);
                    n > 0
                        && ((*s > 0 && i >= *a && i < *b) || (*s < 0 && i <= *a && i > *b))
                        && (i as i128 - *a as i128) % *s as i128 == 0
                }
                _ => false,
            }),
            // Consumes an iterator only up to the first match, as CPython does.
            Value::Iter(st) => {
                while let Some(v) = self.iter_next(st)? {
                    if self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Object(_) => {
                if let Some(m) = self.special_method(container, "__contains__") {
                    return Ok(self.call(&m, Args::new(vec![item.clone()]))?.truthy());
                }
                let items = self.iterate(container)?;
                for v in &items {
                    if self.eq(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            other => {
                let items = self.iterate(other).map_err(|_| {
                    Error::exception(
                        "TypeError",
                        format!("argument of type '{}' is not iterable", other.class_name()),
                    )
                })?;
                for v in &items {
                    if self.eq(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> R<bool> {
        use std::cmp::Ordering::*;
        Ok(match op {
            CmpOp::Eq => self.eq(a, b)?,
            CmpOp::Ne => !self.eq(a, b)?,
            CmpOp::Lt => self.order(a, b, "<")? == Some(Less),
            CmpOp::Le => matches!(self.order(a, b, "<=")?, Some(Less | Equal)),
            CmpOp::Gt => self.order(a, b, ">")? == Some(Greater),
            CmpOp::Ge => matches!(self.order(a, b, ">=")?, Some(Greater | Equal)),
            CmpOp::Is => is(a, b),
            CmpOp::IsNot => !is(a, b),
            CmpOp::In => self.contains(b, a)?,
            CmpOp::NotIn => !self.contains(b, a)?,
        })
    }
}

// ---- helpers ------------------------------------------------------------------------------------

fn is_temporal(v: &Value) -> bool {
    match v {
        Value::Date(_) | Value::DateTime(_) | Value::Time(_) => true,
        Value::Object(o) => &*o.borrow().class.name == "timedelta",
        _ => false,
    }
}

fn dunder(op: BinOp, reflected: bool) -> &'static str {
    match (op, reflected) {
        (BinOp::Add, false) => "__add__",
        (BinOp::Add, true) => "__radd__",
        (BinOp::Sub, false) => "__sub__",
        (BinOp::Sub, true) => "__rsub__",
        (BinOp::Mul, false) => "__mul__",
        (BinOp::Mul, true) => "__rmul__",
        (BinOp::Div, false) => "__truediv__",
        (BinOp::Div, true) => "__rtruediv__",
        (BinOp::FloorDiv, false) => "__floordiv__",
        (BinOp::FloorDiv, true) => "__rfloordiv__",
        (BinOp::Mod, false) => "__mod__",
        (BinOp::Mod, true) => "__rmod__",
        (BinOp::Pow, false) => "__pow__",
        (BinOp::Pow, true) => "__rpow__",
        (BinOp::BitOr, false) => "__or__",
        (BinOp::BitOr, true) => "__ror__",
        (BinOp::BitAnd, false) => "__and__",
        (BinOp::BitAnd, true) => "__rand__",
        (BinOp::BitXor, false) => "__xor__",
        (BinOp::BitXor, true) => "__rxor__",
        (BinOp::LShift, _) => "__lshift__",
        (BinOp::RShift, _) => "__rshift__",
        (BinOp::MatMul, _) => "__matmul__",
    }
}

fn cmp_int_float(x: i64, y: f64) -> Option<std::cmp::Ordering> {
    if y.is_nan() {
        return None;
    }
    if y >= 9.3e18 {
        return Some(std::cmp::Ordering::Less);
    }
    if y <= -9.3e18 {
        return Some(std::cmp::Ordering::Greater);
    }
    let fl = y.floor();
    let yi = fl as i64;
    match x.cmp(&yi) {
        std::cmp::Ordering::Equal => {
            if y > fl {
                Some(std::cmp::Ordering::Less)
            } else {
                Some(std::cmp::Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

fn is(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (None, None) => true,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Int(y)) => x == y,
        (Float(x), Float(y)) => x.to_bits() == y.to_bits(),
        (Str(x), Str(y)) => Rc::ptr_eq(x, y) || (x.len() <= 1 && x == y),
        (Date(x), Date(y)) => x == y,
        (Range(..), Range(..)) => false,
        _ => {
            let (x, y) = (a.identity(), b.identity());
            x != 0 && x == y
        }
    }
}

fn contains_objects(v: &Value, depth: u32) -> bool {
    if depth > 50 {
        return false;
    }
    match v {
        Value::Object(_) => true,
        Value::List(l) => l.borrow().iter().any(|x| contains_objects(x, depth + 1)),
        Value::Tuple(t) => t.iter().any(|x| contains_objects(x, depth + 1)),
        Value::Dict(d) => d.borrow().values().any(|x| contains_objects(x, depth + 1)),
        _ => false,
    }
}

fn recursion_error(what: &str) -> Error {
    Error::exception(
        "RecursionError",
        format!("maximum recursion depth exceeded {what}"),
    )
}

pub(crate) fn overflow() -> Error {
    Error::exception("OverflowError", "integer overflow")
}

fn int_op(op: BinOp, x: i64, y: i64) -> R<Value> {
    let v = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Div => {
            if y == 0 {
                return Err(Error::exception("ZeroDivisionError", "division by zero"));
            }
            return Ok(Value::Float(x as f64 / y as f64));
        }
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(Error::exception(
                    "ZeroDivisionError",
                    "integer division or modulo by zero",
                ));
            }
            x.checked_div_euclid(y).map(|_| floor_div(x, y))
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(Error::exception(
                    "ZeroDivisionError",
                    "integer modulo by zero",
                ));
            }
            if y == -1 {
                Some(0)
            } else {
                Some(py_mod(x, y))
            }
        }
        BinOp::Pow => {
            if y < 0 {
                if x == 0 {
                    return Err(Error::exception(
                        "ZeroDivisionError",
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                return Ok(Value::Float((x as f64).powf(y as f64)));
            }
            u32::try_from(y)
                .ok()
                .and_then(|e| x.checked_pow(e))
                .or(match x {
                    0 | 1 => Some(x),
                    -1 => Some(if y % 2 == 0 { 1 } else { -1 }),
                    _ => None,
                })
        }
        BinOp::LShift => {
            if y < 0 {
                return Err(Error::exception("ValueError", "negative shift count"));
            }
            if x == 0 {
                Some(0)
            } else if y >= 64 {
                None
            } else {
                let r = x.checked_shl(y as u32);
                r.filter(|r| r >> y == x)
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(Error::exception("ValueError", "negative shift count"));
            }
            Some(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            })
        }
        BinOp::BitOr => Some(x | y),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitXor => Some(x ^ y),
        BinOp::MatMul => {
            return Err(Error::exception(
                "TypeError",
                "unsupported operand type(s) for @: 'int' and 'int'",
            ))
        }
    };
    v.map(Value::Int).ok_or_else(overflow)
}

fn floor_div(x: i64, y: i64) -> i64 {
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

fn py_mod(x: i64, y: i64) -> i64 {
    let r = x % y;
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

fn float_op(op: BinOp, x: f64, y: f64, a: &Value, b: &Value) -> R<Value> {
    let v = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Err(Error::exception(
                    "ZeroDivisionError",
                    "float division by zero",
                ));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(Error::exception(
                    "ZeroDivisionError",
                    "float floor division by zero",
                ));
            }
            (x / y).floor()
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(Error::exception("ZeroDivisionError", "float modulo"));
            }
            let r = x % y;
            if r != 0.0 && ((r < 0.0) != (y < 0.0)) {
                r + y
            } else if r == 0.0 {
                0.0f64.copysign(y)
            } else {
                r
            }
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(Error::exception(
                    "ZeroDivisionError",
                    "0.0 cannot be raised to a negative power",
                ));
            }
            if x < 0.0 && y.fract() != 0.0 {
                return Err(Error::exception(
                    "ValueError",
                    "math domain error (complex result)",
                ));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(Error::exception(
                    "OverflowError",
                    "(34, 'Numerical result out of range')",
                ));
            }
            r
        }
        _ => {
            return Err(Error::exception(
                "TypeError",
                format!(
                    "unsupported operand type(s) for {}: '{}' and '{}'",
                    op.symbol(),
                    a.class_name(),
                    b.class_name()
                ),
            ))
        }
    };
    Ok(Value::Float(v))
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

fn unpack_error(expected: usize, got: usize, star: bool) -> Error {
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

fn is_pure(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) | Expr::Name(_) => true,
        Expr::Attr(v, _) => is_pure(v),
        Expr::Subscript(v, i) => is_pure(v) && is_pure(i),
        Expr::Bin(_, a, b) => is_pure(a) && is_pure(b),
        Expr::BinChain(a, rest) => is_pure(a) && rest.iter().all(|(_, e)| is_pure(e)),
        Expr::Unary(_, a) => is_pure(a),
        _ => false,
    }
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
fn name_object(v: &Value, name: &str) {
    if let Value::Object(o) = v {
        let mut o = o.borrow_mut();
        if o.instance_name.is_none() && &*o.class.name != "module" && !is_exception_class(&o.class)
        {
            o.instance_name = Some(Rc::from(name));
        }
    }
}


// ---- exceptions -------------------------------------------------------------------------------

/// True if `c` derives from BaseException.
pub(crate) fn is_exception_class(c: &Class) -> bool {
    let base = crate::builtins::class("BaseException");
    c.is_subclass(&base)
}

/// The builtin exception class called `name` (a fresh subclass of Exception if unknown).
pub(crate) fn exception_class_by_name(name: &str) -> Rc<Class> {
    match crate::builtins::exception_class(name) {
        Some(c) => c,
        None => Class::new(name, vec![crate::builtins::class("Exception")]),
    }
}

/// A new exception instance with `args`.
pub fn new_exception(class: Rc<Class>, args: Vec<Value>) -> Value {
    let v = Value::new_object(class, None);
    if let Value::Object(o) = &v {
        o.borrow_mut()
            .attrs
            .insert(Rc::from("args"), Value::tuple(args));
    }
    v
}

fn exception_matches(class: &Rc<Class>, kv: &Value) -> R<bool> {
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

/// `str()` of an exception instance (None if `o` is not an exception).
pub(crate) fn exception_str_plain(o: &Object) -> Option<String> {
    if !is_exception_class(&o.class) {
        return None;
    }
    if let Some(Value::Str(m)) = o.attrs.get("__message__") {
        return Some(m.to_string());
    }
    let args = match o.attrs.get("args") {
        Some(Value::Tuple(t)) => t.clone(),
        _ => return Some(String::new()),
    };
    Some(match args.len() {
        0 => String::new(),
        1 => {
            if o.class.is_subclass(&crate::builtins::class("KeyError")) {
                args[0].repr()
            } else {
                args[0].str()
            }
        }
        _ => Value::Tuple(args).repr(),
    })
}

/// `repr()` of an exception instance (None if `o` is not an exception).
pub(crate) fn exception_repr_plain(o: &Object) -> Option<String> {
    if !is_exception_class(&o.class) {
        return None;
    }
    let args = match o.attrs.get("args") {
        Some(Value::Tuple(t)) => t.clone(),
        _ => Rc::from(Vec::new()),
    };
    let inner = if args.len() == 1 {
        args[0].repr()
    } else {
        let r = Value::Tuple(args.clone()).repr();
        r[1..r.len() - 1].to_string()
    };
    Some(format!("{}({inner})", o.class.name))
}

/// The default attribute map type of objects.
pub type Attrs = IndexMap<Rc<str>, Value>;

fn range_find(args: &Args) -> R<Option<i64>> {
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

fn range_index(_vm: &mut Vm, args: Args) -> R<Value> {
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

fn range_count(_vm: &mut Vm, args: Args) -> R<Value> {
    Ok(Value::Int(range_find(&args)?.is_some() as i64))
}
