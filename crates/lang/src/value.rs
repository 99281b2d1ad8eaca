//! Runtime values of the interview language.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;
use std::sync::Arc;

/// An insertion-ordered table hashed with foldhash (keys are the interview's names and
/// values: SipHash cost a twentieth of a step; the evaluator's deadline bounds what a
/// table of colliding keys could cost).
pub type IndexMap<K, V> = indexmap::IndexMap<K, V, foldhash::fast::RandomState>;

/// A Python value. Containers and objects are shared (`Rc<RefCell<…>>`) so that
/// aliasing behaves as in Python (`b = a; b.append(1)` changes `a`).
#[derive(Clone, Debug)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// A 64-bit int; overflow is an error, never a wrap.
    Int(i64),
    /// A float.
    Float(f64),
    /// An immutable string.
    Str(Rc<str>),
    /// A mutable list (`l.borrow()` / `l.borrow_mut()` through [`ListData`]'s `Deref`).
    List(Rc<RefCell<Vec<Value>>>),
    /// An immutable tuple (derefs to `[Value]`).
    Tuple(Rc<[Value]>),
    /// An insertion-ordered dict (`d.borrow()` through [`DictData`]'s `Deref`).
    Dict(Rc<RefCell<Dict>>),
    /// A set (insertion-ordered storage; values are `None`).
    Set(Rc<RefCell<Dict>>),
    /// `datetime.date`.
    Date(chrono::NaiveDate),
    /// `datetime.datetime` (naive).
    DateTime(chrono::NaiveDateTime),
    /// `datetime.time`.
    Time(chrono::NaiveTime),
    /// An instance of a class (DAObject and friends, or a `class` defined in code;
    /// also exceptions and module objects, whose class is named `module`).
    Object(Rc<RefCell<Object>>),
    /// A function defined with `def` or `lambda`.
    Function(Rc<Function>),
    /// A `def` function bound to an instance (`obj.method`).
    Method(Rc<BoundMethod>),
    /// A native (Rust) function: builtins and the engine's library.
    Native(Rc<NativeFunction>),
    /// A class (builtin types such as `int`, exception classes, engine classes, `class` statements).
    Class(Rc<Class>),
    /// `range(start, stop, step)` (lazy).
    Range(i64, i64, i64),
    /// An iterator from `iter()` (a snapshot of the items and a position).
    Iter(Rc<RefCell<IterState>>),
}

thread_local! {
    static DROPPING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static PENDING: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Drops values without deep recursion: nested containers are queued and freed in a loop,
/// so a list nested 100,000 deep cannot overflow the stack when it goes away.
pub(crate) fn drop_values(items: impl IntoIterator<Item = Value>) {
    let nested = DROPPING.try_with(|d| d.get()).unwrap_or(false);
    if nested {
        let mut items = Some(items);
        let queued = PENDING.try_with(|p| {
            if let (Ok(mut p), Some(it)) = (p.try_borrow_mut(), items.take()) {
                p.extend(it);
            }
        });
        let _ = queued;
        // If the queue was unavailable the items are dropped here (shallow in practice).
        drop(items);
        return;
    }
    if DROPPING.try_with(|d| d.set(true)).is_err() {
        return;
    }
    let mut work: Vec<Value> = items.into_iter().collect();
    loop {
        let next = match work.pop() {
            Some(v) => Some(v),
            None => PENDING
                .try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop()))
                .ok()
                .flatten(),
        };
        match next {
            Some(v) => dismantle(v, &mut work),
            None => break,
        }
    }
    let _ = DROPPING.try_with(|d| d.set(false));
}

/// Drops `v` shallowly: if it is the last reference to a container, its items are moved
/// to `work` first (so nested containers are freed by the caller's loop, not recursively).
fn dismantle(v: Value, work: &mut Vec<Value>) {
    match v {
        Value::List(rc) => {
            if Rc::strong_count(&rc) == 1 {
                if let Ok(mut items) = rc.try_borrow_mut() {
                    work.extend(std::mem::take(&mut *items));
                }
            }
        }
        Value::Tuple(mut rc) => {
            if let Some(items) = Rc::get_mut(&mut rc) {
                for x in items.iter_mut() {
                    work.push(std::mem::replace(x, Value::None));
                }
            }
        }
        Value::Dict(rc) | Value::Set(rc) => {
            if Rc::strong_count(&rc) == 1 {
                if let Ok(mut d) = rc.try_borrow_mut() {
                    for (k, x) in std::mem::take(&mut *d) {
                        if let Key::Ident(IdentKey(kv)) = k {
                            work.push(kv);
                        }
                        work.push(x);
                    }
                }
            }
        }
        Value::Method(mut rc) => {
            if let Some(m) = Rc::get_mut(&mut rc) {
                work.push(std::mem::replace(&mut m.receiver, Value::None));
                work.push(std::mem::replace(&mut m.func, Value::None));
            }
        }
        Value::Native(mut rc) => {
            if let Some(n) = Rc::get_mut(&mut rc) {
                if let Some(r) = n.receiver.take() {
                    work.push(r);
                }
            }
        }
        Value::Function(mut rc) => {
            if let Some(f) = Rc::get_mut(&mut rc) {
                work.extend(std::mem::take(&mut f.defaults).into_iter().flatten());
            }
        }
        Value::Iter(rc) => {
            if Rc::strong_count(&rc) == 1 {
                if let Ok(mut st) = rc.try_borrow_mut() {
                    work.extend(std::mem::take(&mut st.items));
                    if let Some(g) = st.gen.take() {
                        work.extend(g.into_values());
                    }
                }
            }
        }
        _ => {}
    }
}

/// Drops one value without deep recursion (see [`drop_values`]).
pub(crate) fn drop_value(v: Value) {
    let last = match &v {
        Value::List(r) => Rc::strong_count(r) == 1,
        Value::Dict(r) | Value::Set(r) => Rc::strong_count(r) == 1,
        Value::Tuple(r) => Rc::strong_count(r) == 1,
        Value::Object(r) => Rc::strong_count(r) == 1,
        Value::Function(r) => Rc::strong_count(r) == 1,
        Value::Method(r) => Rc::strong_count(r) == 1,
        Value::Native(r) => Rc::strong_count(r) == 1 && r.receiver.is_some(),
        Value::Iter(r) => Rc::strong_count(r) == 1,
        _ => false,
    };
    if last {
        drop_values(std::iter::once(v));
    }
}

impl Drop for Namespace {
    fn drop(&mut self) {
        if Rc::strong_count(&self.0) == 1 {
            if let Ok(mut map) = self.0.try_borrow_mut() {
                let vars = std::mem::take(&mut *map);
                drop(map);
                let values: Vec<Value> = vars.into_values().collect();
                let roots: Vec<_> = values.iter().filter_map(crate::gc::Node0::value).collect();
                if !roots.is_empty() {
                    crate::gc::collect(roots);
                }
                drop_values(values);
            }
        }
    }
}

/// State of an iterator value.
#[derive(Debug, Default)]
pub struct IterState {
    /// Items to yield.
    pub items: Vec<Value>,
    /// Next position.
    pub pos: usize,
    /// The lazy source of a generator expression (`None` once exhausted).
    pub(crate) gen: Option<Box<GenState>>,
    /// Set while the generator computes its next item (re-entry is a ValueError).
    pub(crate) running: bool,
}

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
    pub(crate) code: Arc<crate::ir::GenCode>,
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

/// A native function value: a name for `repr` and error messages, the code, and an
/// optional bound receiver (for methods).
pub struct NativeFunction {
    /// Name shown in `repr` and errors.
    pub name: Rc<str>,
    /// The code.
    pub func: crate::NativeFn,
    /// `self` for a bound method, if any (prepended to the positional arguments).
    pub receiver: Option<Value>,
}

impl std::fmt::Debug for NativeFunction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<built-in function {}>", self.name)
    }
}

/// A function defined by `def` or `lambda`: compiled code plus captured state.
pub struct Function {
    /// The compiled definition (shared with the program).
    pub def: Arc<crate::ir::FuncDef>,
    /// Evaluated default values, aligned with `def.params` (None = no default).
    pub defaults: Vec<Option<Value>>,
    /// The enclosing function scope, for closures.
    pub closure: Option<Rc<Scope>>,
    /// The class whose body defined this function (for `super()`), held weakly (no cycle).
    pub class: Option<std::rc::Weak<Class>>,
    /// The namespace the function was defined in (its globals), held weakly (no cycle).
    pub globals: Option<std::rc::Weak<RefCell<IndexMap<Rc<str>, Value>>>>,
}

impl std::fmt::Debug for Function {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<function {}>", self.def.name)
    }
}

/// A method bound to its instance.
#[derive(Debug)]
pub struct BoundMethod {
    /// The instance (`self`).
    pub receiver: Value,
    /// The function.
    pub func: Value,
}

/// A function-local scope (locals of one call, or of a comprehension / class body).
#[derive(Debug, Default)]
pub struct Scope {
    /// Variables.
    pub vars: RefCell<IndexMap<Rc<str>, Value>>,
    /// The enclosing scope (closures, comprehensions).
    pub parent: Option<Rc<Scope>>,
    /// True for a class body (not visible from the methods defined in it).
    pub is_class: bool,
    /// True for a comprehension scope.
    pub is_comp: bool,
}

/// Dict (and set) storage: keys are hashable values, kept in insertion order.
pub type Dict = IndexMap<Key, Value>;

/// A hashable value usable as a dict key or set member.
///
/// Equality and hashing follow Python: `1 == 1.0 == True` are the same key.
/// [`Key::to_value`] gives back the original value.
#[derive(Clone, Debug)]
pub enum Key {
    /// `None`.
    None,
    /// A bool (same key as the int 0 / 1).
    Bool(bool),
    /// An int.
    Int(i64),
    /// A float, by its bits (an integral float is the same key as the int).
    Float(u64),
    /// A string.
    Str(Rc<str>),
    /// A tuple of keys.
    Tuple(Rc<[Key]>),
    /// A date.
    Date(chrono::NaiveDate),
    /// A datetime.
    DateTime(chrono::NaiveDateTime),
    /// A time.
    Time(chrono::NaiveTime),
    /// An object (or class, function …), by identity.
    Ident(IdentKey),
}

/// A value hashed by identity.
#[derive(Clone, Debug)]
pub struct IdentKey(pub Value);

impl IdentKey {
    fn addr(&self) -> usize {
        self.0.identity()
    }
}

impl Key {
    /// The numeric value of a number-like key, as an exact `i64` when integral.
    pub(crate) fn as_int(&self) -> Option<i64> {
        match self {
            Key::Bool(b) => Some(*b as i64),
            Key::Int(i) => Some(*i),
            Key::Float(bits) => {
                let f = f64::from_bits(*bits);
                if f.fract() == 0.0 && f.abs() < 9.0e18 {
                    Some(f as i64)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// The value this key was made from.
    pub fn to_value(&self) -> Value {
        match self {
            Key::None => Value::None,
            Key::Bool(b) => Value::Bool(*b),
            Key::Int(i) => Value::Int(*i),
            Key::Float(bits) => Value::Float(f64::from_bits(*bits)),
            Key::Str(s) => Value::Str(s.clone()),
            Key::Tuple(items) => Value::Tuple(items.iter().map(Key::to_value).collect()),
            Key::Date(d) => Value::Date(*d),
            Key::DateTime(d) => Value::DateTime(*d),
            Key::Time(t) => Value::Time(*t),
            Key::Ident(v) => v.0.clone(),
        }
    }

    /// A string key.
    pub fn str(s: &str) -> Key {
        Key::Str(Rc::from(s))
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        match (self, other) {
            (Key::None, Key::None) => true,
            (Key::Str(a), Key::Str(b)) => a == b,
            (Key::Tuple(a), Key::Tuple(b)) => a == b,
            (Key::Date(a), Key::Date(b)) => a == b,
            (Key::DateTime(a), Key::DateTime(b)) => a == b,
            (Key::Time(a), Key::Time(b)) => a == b,
            (Key::Ident(a), Key::Ident(b)) => a.addr() == b.addr(),
            (Key::Float(a), Key::Float(b)) => f64::from_bits(*a) == f64::from_bits(*b),
            (a, b) => match (a.as_int(), b.as_int()) {
                (Some(x), Some(y)) => x == y,
                _ => false,
            },
        }
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        if let Some(i) = self.as_int() {
            0u8.hash(state);
            i.hash(state);
            return;
        }
        match self {
            Key::None => 1u8.hash(state),
            Key::Float(bits) => {
                2u8.hash(state);
                bits.hash(state)
            }
            Key::Str(s) => {
                3u8.hash(state);
                s.hash(state)
            }
            Key::Tuple(t) => {
                4u8.hash(state);
                t.hash(state)
            }
            Key::Date(d) => d.hash(state),
            Key::DateTime(d) => d.hash(state),
            Key::Time(d) => d.hash(state),
            Key::Ident(v) => v.addr().hash(state),
            Key::Bool(_) | Key::Int(_) => {}
        }
    }
}

/// An instance: class name, attributes, and the docassemble instance name when it has one.
#[derive(Debug)]
pub struct Object {
    /// The class (shared by all instances).
    pub class: Rc<Class>,
    /// Attributes in assignment order.
    pub attrs: IndexMap<Rc<str>, Value>,
    /// docassemble's `instanceName` (e.g. `children[1]`): used to spell undefined paths.
    pub instance_name: Option<Rc<str>>,
}

impl Drop for Object {
    fn drop(&mut self) {
        let attrs = std::mem::take(&mut self.attrs);
        if !attrs.is_empty() {
            drop_values(attrs.into_values());
        }
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        let vars = std::mem::take(self.vars.get_mut());
        if !vars.is_empty() {
            drop_values(vars.into_values());
        }
    }
}

/// A class: native (registered by the engine) or defined by a `class` statement.
#[derive(Debug)]
pub struct Class {
    /// Class name (`Individual`).
    pub name: Rc<str>,
    /// Base classes, nearest first.
    pub bases: Vec<Rc<Class>>,
    /// Class attributes and methods.
    pub attrs: RefCell<IndexMap<Rc<str>, Value>>,
    /// Attributes shared read-only with other classes, seen after `attrs`: a library class's
    /// table, which every request's copy of the class reads without copying it (`attrs` then
    /// holds what the copy changed and its own copies of mutable values).
    pub shared: Option<Rc<IndexMap<Rc<str>, Value>>>,
    /// For builtin types (`int`, `str` …): the function that calling the class runs
    /// instead of creating an [`Object`].
    pub constructor: Option<crate::NativeFn>,
}

impl Class {
    /// A new class with `bases` and no attributes.
    pub fn new(name: &str, bases: Vec<Rc<Class>>) -> Rc<Class> {
        Rc::new(Class {
            name: Rc::from(name),
            bases,
            attrs: RefCell::default(),
            shared: None,
            constructor: None,
        })
    }

    /// Looks up an attribute in this class and its bases (depth first, nearest first).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        self.lookup_depth(name, 0)
    }

    /// An attribute of this class itself (not of its bases).
    pub fn own_attr(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some(v.clone());
        }
        self.shared.as_ref().and_then(|s| s.get(name).cloned())
    }

    /// The names of this class's own attributes (not its bases'), its own table's first.
    pub fn attr_names(&self) -> Vec<Rc<str>> {
        let own = self.attrs.borrow();
        let mut names: Vec<Rc<str>> = own.keys().cloned().collect();
        if let Some(s) = &self.shared {
            names.extend(s.keys().filter(|k| !own.contains_key(&***k)).cloned());
        }
        names
    }

    fn lookup_depth(&self, name: &str, depth: u32) -> Option<Value> {
        if let Some(v) = self.own_attr(name) {
            return Some(v);
        }
        if depth > 64 {
            return None;
        }
        self.bases
            .iter()
            .find_map(|b| b.lookup_depth(name, depth + 1))
    }

    /// True if `self` is `other` or derives from it.
    pub fn is_subclass(&self, other: &Class) -> bool {
        self.is_subclass_depth(other, 0)
    }

    fn is_subclass_depth(&self, other: &Class, depth: u32) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        depth < 64
            && self
                .bases
                .iter()
                .any(|b| b.is_subclass_depth(other, depth + 1))
    }

    /// Sets a class attribute (engine: methods as [`Value::native`]).
    pub fn set_attr(&self, name: &str, v: Value) {
        self.attrs.borrow_mut().insert(Rc::from(name), v);
    }
}

/// Arguments of a call.
#[derive(Debug, Default)]
pub struct Args {
    /// Positional arguments.
    pub positional: Vec<Value>,
    /// Keyword arguments in call order.
    pub keyword: Vec<(Rc<str>, Value)>,
}

impl Args {
    /// Positional-only arguments.
    pub fn new(positional: Vec<Value>) -> Args {
        Args {
            positional,
            keyword: Vec::new(),
        }
    }

    /// Removes and returns keyword argument `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.keyword.iter().position(|(k, _)| &**k == name)?;
        Some(self.keyword.remove(i).1)
    }

    /// Positional argument `i`, if given.
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.positional.get(i)
    }
}

/// The user dictionary: a Python namespace, insertion ordered, cheap to clone (shared).
#[derive(Clone, Debug, Default)]
pub struct Namespace(pub Rc<RefCell<IndexMap<Rc<str>, Value>>>);

impl Namespace {
    /// An empty namespace.
    pub fn new() -> Namespace {
        Namespace::default()
    }

    /// The value bound to `name`.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.0.borrow().get(name).cloned()
    }

    /// Binds `name` to `v`.
    pub fn set(&self, name: &str, v: Value) {
        let old = {
            let mut map = self.0.borrow_mut();
            if let Some(slot) = map.get_mut(name) {
                Some(std::mem::replace(slot, v))
            } else {
                map.insert(Rc::from(name), v);
                None
            }
        };
        if let Some(old) = old {
            drop_value(old);
        }
    }

    /// Unbinds `name`, returning its value.
    pub fn remove(&self, name: &str) -> Option<Value> {
        self.0.borrow_mut().shift_remove(name)
    }

    /// The bound names in insertion order.
    pub fn names(&self) -> Vec<String> {
        self.0.borrow().keys().map(|k| k.to_string()).collect()
    }

    /// True if `name` is bound.
    pub fn contains(&self, name: &str) -> bool {
        self.0.borrow().contains_key(name)
    }
}

/// Maximum nesting followed by `repr`, `==` and friends before giving up.
pub(crate) const MAX_NEST: u32 = 200;

thread_local! {
    /// Nodes a walk over values (`==`, `repr`, hashing) may still visit; unlimited outside
    /// [`crate::Vm`]'s walks. At 0 the walk gives up (the Vm reports the step limit).
    static WALK_LEFT: std::cell::Cell<u64> = const { std::cell::Cell::new(u64::MAX) };
    /// The deadline of the current walk (looked at every 65,536 nodes).
    static WALK_DEADLINE: std::cell::Cell<Option<std::time::Instant>> = const { std::cell::Cell::new(None) };
    static NEST_OVERFLOW: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static REPR_ANCESTORS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Starts a walk allowed to visit `allowance` nodes; returns the enclosing walk's allowance.
pub(crate) fn walk_begin(allowance: u64, deadline: Option<std::time::Instant>) -> u64 {
    WALK_DEADLINE.with(|d| d.set(deadline));
    WALK_LEFT.with(|w| {
        let outer = w.get();
        w.set(allowance.min(outer));
        outer
    })
}

/// Ends a walk: returns what was left of its allowance and charges what it used to the
/// enclosing walk (`outer`, from [`walk_begin`]).
pub(crate) fn walk_end(outer: u64) -> u64 {
    WALK_LEFT.with(|w| {
        let left = w.get();
        w.set(outer);
        left
    })
}

/// Counts `n` nodes of the current walk; false once its allowance is spent.
#[inline]
pub(crate) fn walk_tick(n: u64) -> bool {
    WALK_LEFT.with(|w| {
        let left = w.get();
        if left == u64::MAX {
            return true;
        }
        let now_left = left.saturating_sub(n);
        if (left ^ now_left) >> 16 != 0 && WALK_DEADLINE.with(|d| d.get()).is_some_and(|d| std::time::Instant::now() >= d) {
            w.set(0);
            return false;
        }
        w.set(now_left);
        left > n
    })
}

fn set_nest_overflow() {
    let _ = NEST_OVERFLOW.try_with(|f| f.set(true));
}

/// Clears the "nesting too deep" flag (set by `repr`/`==` when they give up).
pub(crate) fn take_nest_overflow() -> bool {
    NEST_OVERFLOW
        .try_with(|f| f.replace(false))
        .unwrap_or(false)
}

impl Value {
    /// A string value.
    pub fn from_str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    /// A list value.
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    /// A tuple value.
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }

    /// A dict value.
    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }

    /// A set value (keys of `d`; values are ignored).
    pub fn set(d: Dict) -> Value {
        Value::Set(Rc::new(RefCell::new(d)))
    }

    /// A native function value named `name`.
    pub fn native(name: &str, func: crate::NativeFn) -> Value {
        Value::Native(Rc::new(NativeFunction {
            name: Rc::from(name),
            func,
            receiver: None,
        }))
    }

    /// A new instance of `class` (no `__init__` is run), with docassemble's instance name.
    pub fn new_object(class: Rc<Class>, instance_name: Option<&str>) -> Value {
        Value::Object(Rc::new(RefCell::new(Object {
            class,
            attrs: IndexMap::default(),
            instance_name: instance_name.map(Rc::from),
        })))
    }

    /// An address identifying shared values (0 for plain values).
    pub fn identity(&self) -> usize {
        match self {
            Value::List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Dict(r) | Value::Set(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Object(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Method(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Native(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
            _ => 0,
        }
    }

    /// Python's `type(x).__name__`.
    pub fn type_name(&self) -> &str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::Date(_) => "date",
            Value::DateTime(_) => "datetime",
            Value::Time(_) => "time",
            Value::Object(_) => "object",
            Value::Function(_) => "function",
            Value::Method(_) => "method",
            Value::Native(n) if n.receiver.is_some() => "builtin_function_or_method",
            Value::Native(_) => "builtin_function_or_method",
            Value::Class(_) => "type",
            Value::Range(..) => "range",
            Value::Iter(_) => "iterator",
        }
    }

    /// The class name of the value (`int`, `Individual`, `ValueError`).
    pub fn class_name(&self) -> Rc<str> {
        match self {
            Value::Object(o) => o.borrow().class.name.clone(),
            other => Rc::from(other.type_name()),
        }
    }

    /// Python truthiness (objects are true; engine objects with `__len__` are handled by the Vm).
    pub fn truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
            Value::Time(t) => *t != chrono::NaiveTime::MIN,
            Value::Range(a, b, s) => range_len(*a, *b, *s) > 0,
            _ => true,
        }
    }

    /// Python `str()` (objects without a Vm: their default representation).
    pub fn str(&self) -> String {
        match self {
            Value::Str(s) => String::from(&**s),
            Value::Object(o) => {
                let o = o.borrow();
                if let Some(s) = crate::exception::exception_str_plain(&o) {
                    return s;
                }
                drop(o);
                self.repr()
            }
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
            Value::DateTime(d) => {
                if d.and_utc().timestamp_subsec_micros() != 0 {
                    d.format("%Y-%m-%d %H:%M:%S%.6f").to_string()
                } else {
                    d.format("%Y-%m-%d %H:%M:%S").to_string()
                }
            }
            Value::Time(t) => {
                use chrono::Timelike;
                if t.nanosecond() / 1000 != 0 {
                    t.format("%H:%M:%S%.6f").to_string()
                } else {
                    t.format("%H:%M:%S").to_string()
                }
            }
            other => other.repr(),
        }
    }

    /// Python `repr()`.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.repr_into(&mut out, 0);
        out
    }

    pub(crate) fn repr_into(&self, out: &mut String, depth: u32) {
        if !walk_tick(1) {
            return;
        }
        if depth > MAX_NEST {
            set_nest_overflow();
            out.push_str("...");
            return;
        }
        if let Value::List(_) | Value::Dict(_) = self {
            let id = self.identity();
            let cyclic = REPR_ANCESTORS.with(|a| a.borrow().contains(&id));
            if cyclic {
                out.push_str(if let Value::List(_) = self {
                    "[...]"
                } else {
                    "{...}"
                });
                return;
            }
            REPR_ANCESTORS.with(|a| a.borrow_mut().push(id));
            self.repr_inner(out, depth);
            REPR_ANCESTORS.with(|a| a.borrow_mut().pop());
            return;
        }
        self.repr_inner(out, depth);
    }

    fn repr_inner(&self, out: &mut String, depth: u32) {
        match self {
            Value::None => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::Float(f) => out.push_str(&float_repr(*f)),
            Value::Str(s) => str_repr_into(s, out),
            Value::List(l) => {
                out.push('[');
                for (i, v) in l.borrow().iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    v.repr_into(out, depth + 1);
                }
                out.push(']');
            }
            Value::Tuple(t) => {
                out.push('(');
                for (i, v) in t.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    v.repr_into(out, depth + 1);
                }
                if t.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Value::Dict(d) => {
                out.push('{');
                for (i, (k, v)) in d.borrow().iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    k.to_value().repr_into(out, depth + 1);
                    out.push_str(": ");
                    v.repr_into(out, depth + 1);
                }
                out.push('}');
            }
            Value::Set(d) => {
                let d = d.borrow();
                if d.is_empty() {
                    out.push_str("set()");
                    return;
                }
                out.push('{');
                for (i, k) in d.keys().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    k.to_value().repr_into(out, depth + 1);
                }
                out.push('}');
            }
            Value::Date(d) => {
                use chrono::Datelike;
                out.push_str(&format!(
                    "datetime.date({}, {}, {})",
                    d.year(),
                    d.month(),
                    d.day()
                ))
            }
            Value::DateTime(d) => {
                use chrono::{Datelike, Timelike};
                out.push_str(&format!(
                    "datetime.datetime({}, {}, {}, {}, {}",
                    d.year(),
                    d.month(),
                    d.day(),
                    d.hour(),
                    d.minute()
                ));
                let us = d.nanosecond() / 1000;
                if d.second() != 0 || us != 0 {
                    out.push_str(&format!(", {}", d.second()));
                }
                if us != 0 {
                    out.push_str(&format!(", {us}"));
                }
                out.push(')');
            }
            Value::Time(t) => {
                use chrono::Timelike;
                out.push_str(&format!("datetime.time({}, {}", t.hour(), t.minute()));
                let us = t.nanosecond() / 1000;
                if t.second() != 0 || us != 0 {
                    out.push_str(&format!(", {}", t.second()));
                }
                if us != 0 {
                    out.push_str(&format!(", {us}"));
                }
                out.push(')');
            }
            Value::Object(o) => {
                let ob = o.borrow();
                if let Some(r) = crate::exception::exception_repr_plain(&ob) {
                    out.push_str(&r);
                } else if &*ob.class.name == "module" {
                    let name = ob
                        .attrs
                        .get("__name__")
                        .map(|v| v.str())
                        .unwrap_or_default();
                    out.push_str(&format!("<module '{name}'>"));
                } else {
                    out.push_str(&format!("<{} object>", ob.class.name));
                }
            }
            Value::Function(f) => out.push_str(&format!("<function {}>", f.def.name)),
            Value::Method(m) => {
                let name = match &m.func {
                    Value::Function(f) => f.def.name.to_string(),
                    other => other.repr(),
                };
                out.push_str(&format!("<bound method {} of {}>", name, m.receiver.repr()))
            }
            Value::Native(n) => {
                if n.receiver.is_some() {
                    out.push_str(&format!("<built-in method {}>", n.name))
                } else {
                    out.push_str(&format!("<built-in function {}>", n.name))
                }
            }
            Value::Class(c) => out.push_str(&format!("<class '{}'>", c.name)),
            Value::Range(a, b, s) => {
                if *s == 1 {
                    out.push_str(&format!("range({a}, {b})"))
                } else {
                    out.push_str(&format!("range({a}, {b}, {s})"))
                }
            }
            Value::Iter(_) => out.push_str("<iterator>"),
        }
    }

    /// Python `==` on plain values (objects compare by identity).
    pub fn py_eq(&self, other: &Value) -> bool {
        self.eq_depth(other, 0)
    }

    pub(crate) fn eq_depth(&self, other: &Value, depth: u32) -> bool {
        if !walk_tick(1) {
            return false;
        }
        if depth > MAX_NEST {
            set_nest_overflow();
            return false;
        }
        use Value::*;
        match (self, other) {
            (None, None) => true,
            (Str(a), Str(b)) => a == b,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Int(_) | Bool(_) | Float(_), Int(_) | Bool(_) | Float(_)) => {
                match (self.as_num(), other.as_num()) {
                    (Some(Num::I(a)), Some(Num::I(b))) => a == b,
                    (Some(a), Some(b)) => num_f_eq(a, b),
                    _ => false,
                }
            }
            (List(a), List(b)) => {
                if Rc::ptr_eq(a, b) {
                    return true;
                }
                let (a, b) = (a.borrow(), b.borrow());
                a.len() == b.len()
                    && a.iter()
                        .zip(b.iter())
                        .all(|(x, y)| x.eq_depth(y, depth + 1))
            }
            (Tuple(a), Tuple(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b.iter())
                        .all(|(x, y)| x.eq_depth(y, depth + 1))
            }
            (Dict(a), Dict(b)) => {
                if Rc::ptr_eq(a, b) {
                    return true;
                }
                let (a, b) = (a.borrow(), b.borrow());
                a.len() == b.len()
                    && a.iter()
                        .all(|(k, v)| b.get(k).is_some_and(|w| v.eq_depth(w, depth + 1)))
            }
            (Set(a), Set(b)) => {
                if Rc::ptr_eq(a, b) {
                    return true;
                }
                let (a, b) = (a.borrow(), b.borrow());
                a.len() == b.len() && a.keys().all(|k| b.contains_key(k))
            }
            (Date(a), Date(b)) => a == b,
            (DateTime(a), DateTime(b)) => a == b,
            (Time(a), Time(b)) => a == b,
            (Range(a, b, c), Range(x, y, z)) => {
                let (n1, n2) = (range_len(*a, *b, *c), range_len(*x, *y, *z));
                n1 == n2 && (n1 == 0 || (a == x && (n1 == 1 || c == z)))
            }
            (Native(a), Native(b)) => {
                a.name == b.name
                    && a.func as usize == b.func as usize
                    && match (&a.receiver, &b.receiver) {
                        (Option::None, Option::None) => true,
                        (Some(x), Some(y)) => x.identity() == y.identity() && x.identity() != 0,
                        _ => false,
                    }
            }
            (Method(a), Method(b)) => {
                a.receiver.identity() == b.receiver.identity()
                    && a.func.identity() == b.func.identity()
            }
            (a, b) => {
                let (x, y) = (a.identity(), b.identity());
                x != 0 && x == y
            }
        }
    }

    /// The value as a number, if it is one (bools count).
    pub(crate) fn as_num(&self) -> Option<Num> {
        match self {
            Value::Bool(b) => Some(Num::I(*b as i64)),
            Value::Int(i) => Some(Num::I(*i)),
            Value::Float(f) => Some(Num::F(*f)),
            _ => None,
        }
    }

    /// The dict key for this value; `Err(type name)` if it is unhashable.
    pub fn to_key(&self) -> Result<Key, String> {
        self.to_key_depth(0)
    }

    fn to_key_depth(&self, depth: u32) -> Result<Key, String> {
        if !walk_tick(1) {
            return Err("tuple (too large)".into());
        }
        if depth > MAX_NEST {
            return Err("deeply nested tuple".into());
        }
        Ok(match self {
            Value::None => Key::None,
            Value::Bool(b) => Key::Bool(*b),
            Value::Int(i) => Key::Int(*i),
            // Equal to the int key when integral (see `Key`'s Eq/Hash), but keeps its type.
            Value::Float(f) => Key::Float(f.to_bits()),
            Value::Str(s) => Key::Str(s.clone()),
            Value::Tuple(t) => {
                let mut keys = Vec::with_capacity(t.len());
                for v in t.iter() {
                    keys.push(v.to_key_depth(depth + 1)?);
                }
                Key::Tuple(Rc::from(keys))
            }
            Value::Date(d) => Key::Date(*d),
            Value::DateTime(d) => Key::DateTime(*d),
            Value::Time(d) => Key::Time(*d),
            Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                return Err(self.type_name().to_string())
            }
            Value::Range(a, b, s) => {
                Key::Tuple(Rc::from(vec![Key::Int(*a), Key::Int(*b), Key::Int(*s)]))
            }
            other => Key::Ident(IdentKey(other.clone())),
        })
    }
}

/// A number in arithmetic.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Num {
    I(i64),
    F(f64),
}

impl Num {
    pub(crate) fn f(self) -> f64 {
        match self {
            Num::I(i) => i as f64,
            Num::F(f) => f,
        }
    }
}

fn num_f_eq(a: Num, b: Num) -> bool {
    match (a, b) {
        (Num::I(x), Num::F(y)) | (Num::F(y), Num::I(x)) => {
            // Exact: an integral float below 2**127 converts to i128 without loss.
            y.is_finite() && y.fract() == 0.0 && y as i128 == x as i128
        }
        (a, b) => a.f() == b.f(),
    }
}

/// Number of elements of `range(a, b, s)`.
/// (Saturates at `i64::MAX`.)
pub fn range_len(a: i64, b: i64, s: i64) -> i64 {
    range_len_wide(a, b, s).min(i64::MAX as i128) as i64
}

fn range_len_wide(a: i64, b: i64, s: i64) -> i128 {
    let (a, b, s) = (a as i128, b as i128, s as i128);
    if s > 0 && b > a {
        (b - a - 1) / s + 1
    } else if s < 0 && a > b {
        (a - b - 1) / -s + 1
    } else {
        0
    }
}

/// Python's `repr()` of a str.
pub fn str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    str_repr_into(s, &mut out);
    out
}

fn str_repr_into(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c)
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !is_printable(c) => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"))
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"))
                } else {
                    out.push_str(&format!("\\U{n:08x}"))
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

/// Python's `repr()` of a float.
pub fn float_repr(f: f64) -> String {
    crate::format::float_repr(f)
}

/// Coercions of arguments, with CPython's errors.
impl Value {
    /// The integer of an int or bool (what builtins accept as an index or count); otherwise
    /// `TypeError: '…' object cannot be interpreted as an integer`.
    pub fn to_index(&self) -> Result<i64, crate::Error> {
        match self {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            other => Err(crate::Error::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ))),
        }
    }

    /// The float of an int, bool or float; otherwise `TypeError: must be real number, not …`.
    pub fn to_float(&self) -> Result<f64, crate::Error> {
        match self {
            Value::Int(i) => Ok(*i as f64),
            Value::Bool(b) => Ok(*b as i64 as f64),
            Value::Float(f) => Ok(*f),
            other => Err(crate::Error::type_error(format!("must be real number, not {}", other.type_name()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_python_equality() {
        let mut d = Dict::default();
        d.insert(Value::Int(1).to_key().unwrap(), Value::None);
        assert!(d.contains_key(&Value::Float(1.0).to_key().unwrap()));
        assert!(d.contains_key(&Value::Bool(true).to_key().unwrap()));
        assert!(!d.contains_key(&Value::from_str("1").to_key().unwrap()));
    }

    #[test]
    fn reprs() {
        assert_eq!(Value::from_str("it's").repr(), "\"it's\"");
        assert_eq!(Value::tuple(vec![Value::Int(1)]).repr(), "(1,)");
        assert_eq!(Value::Float(1.0).repr(), "1.0");
        assert_eq!(Value::Float(1e16).repr(), "1e+16");
        assert_eq!(Value::Float(0.0001).repr(), "0.0001");
        assert_eq!(Value::Float(1.5e-5).repr(), "1.5e-05");
    }
}

/// Approximates Python's `str.isprintable` for one character (used by `repr`).
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    !(n < 0x20
        || (0x7f..0xa1).contains(&n)
        || n == 0xad
        || (0x600..0x606).contains(&n)
        || n == 0x61c
        || n == 0x6dd
        || n == 0x70f
        || n == 0x1680
        || n == 0x180e
        || (0x2000..0x2010).contains(&n)
        || (0x2028..0x2030).contains(&n)
        || (0x205f..0x2070).contains(&n)
        || n == 0x3000
        || (0xd800..0xf900).contains(&n)
        || n == 0xfeff
        || (0xfff0..0xfffc).contains(&n)
        || (0xe0000..0xe0080).contains(&n)
        || n >= 0xf0000)
}
