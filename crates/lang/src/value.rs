//! Runtime values of the interview language.

use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;

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
    /// A mutable list.
    List(Rc<RefCell<Vec<Value>>>),
    /// An immutable tuple.
    Tuple(Rc<[Value]>),
    /// An insertion-ordered dict.
    Dict(Rc<RefCell<Dict>>),
    /// A set (insertion-ordered storage; Python's order is unspecified anyway).
    Set(Rc<RefCell<Dict>>),
    /// `datetime.date`.
    Date(chrono::NaiveDate),
    /// `datetime.datetime` (naive).
    DateTime(chrono::NaiveDateTime),
    /// `datetime.time`.
    Time(chrono::NaiveTime),
    /// An instance of a class (DAObject and friends, or a `class` defined in code).
    Object(Rc<RefCell<Object>>),
    /// A function defined with `def` or `lambda`, or a bound method; defined by the interpreter.
    Function(Rc<dyn std::any::Any>),
    /// A native (Rust) function: builtins and the engine's library.
    Native(Rc<NativeFunction>),
}

/// A native function value: a name for `repr` and error messages, the code, and an
/// optional bound receiver (for methods).
pub struct NativeFunction {
    /// Name shown in `repr` and errors.
    pub name: Rc<str>,
    /// The code.
    pub func: crate::NativeFn,
    /// `self` for a bound method, if any.
    pub receiver: Option<Value>,
}

impl std::fmt::Debug for NativeFunction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<built-in function {}>", self.name)
    }
}

/// Dict (and set) storage: keys are hashable values, kept in insertion order.
pub type Dict = IndexMap<Key, Value>;

/// A hashable value usable as a dict key or set member.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    /// `None`.
    None,
    /// A bool, int, or a float with an integral value (`1 == 1.0 == True` as in Python).
    Int(i64),
    /// A non-integral float, by its bits.
    Float(u64),
    /// A string.
    Str(Rc<str>),
    /// A tuple of keys.
    Tuple(Rc<[Key]>),
    /// A date, datetime or time, by its canonical text.
    Temporal(Rc<str>),
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

/// A class: native (registered by the engine) or defined by a `class` statement.
#[derive(Debug)]
pub struct Class {
    /// Class name (`Individual`).
    pub name: Rc<str>,
    /// Base classes, nearest first.
    pub bases: Vec<Rc<Class>>,
    /// Class attributes and methods.
    pub attrs: RefCell<IndexMap<Rc<str>, Value>>,
}

/// Arguments of a call.
#[derive(Debug, Default)]
pub struct Args {
    /// Positional arguments.
    pub positional: Vec<Value>,
    /// Keyword arguments in call order.
    pub keyword: Vec<(Rc<str>, Value)>,
}

/// The user dictionary: a Python namespace, insertion ordered, cheap to clone (shared).
#[derive(Clone, Debug, Default)]
pub struct Namespace(pub Rc<RefCell<IndexMap<Rc<str>, Value>>>);
