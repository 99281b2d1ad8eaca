//! Python builtins: functions, types and the exception hierarchy.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::error::Error;
use crate::value::{Args, Class, Dict, IterState, Key, Num, Value};
use crate::Vm;

type R<T> = Result<T, Error>;

mod types;
mod core;
mod sequences;
mod objects;

pub(crate) use self::types::*;
pub use self::core::*;
pub use self::sequences::*;
use self::objects::*;

struct Registry {
    names: HashMap<&'static str, Value>,
    classes: HashMap<&'static str, Rc<Class>>,
}

/// Names refused by the sandbox.
const FORBIDDEN: &[&str] = &[
    "open",
    "eval",
    "exec",
    "compile",
    "__import__",
    "globals",
    "locals",
    "vars",
    "input",
    "breakpoint",
    "memoryview",
    "dir",
    "exit",
    "quit",
    "help",
    "delattr",
    "__build_class__",
    "__builtins__",
    "copyright",
    "credits",
    "license",
    "bytes",
    "bytearray",
];

/// The exception hierarchy: (name, base).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("FloatingPointError", "ArithmeticError"),
    ("LookupError", "Exception"),
    ("KeyError", "LookupError"),
    ("IndexError", "LookupError"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("TypeError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("AttributeError", "Exception"),
    ("StopIteration", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("AssertionError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("SyntaxError", "Exception"),
    ("OSError", "Exception"),
    ("EnvironmentError", "Exception"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("GeneratorExit", "BaseException"),
];

impl Registry {
    fn new() -> Registry {
        let mut names = HashMap::new();
        let mut classes: HashMap<&'static str, Rc<Class>> = HashMap::new();
        let object = Class::new("object", vec![]);
        classes.insert("object", object.clone());
        let type_class = |name: &'static str,
                          base: Option<&'static str>,
                          ctor: Option<crate::NativeFn>,
                          classes: &mut HashMap<&'static str, Rc<Class>>| {
            let bases = match base {
                Some(b) => classes.get(b).cloned().into_iter().collect(),
                None => vec![object.clone()],
            };
            let c = Rc::new(Class {
                name: Rc::from(name),
                bases,
                attrs: RefCell::default(),
                shared: None,
                constructor: ctor,
            });
            classes.insert(name, c.clone());
            c
        };
        let types: &[(&'static str, Option<&'static str>, Option<crate::NativeFn>)] = &[
            ("int", None, Some(b_int)),
            ("bool", Some("int"), Some(b_bool)),
            ("float", None, Some(b_float)),
            ("str", None, Some(b_str)),
            ("list", None, Some(b_list)),
            ("tuple", None, Some(b_tuple)),
            ("dict", None, Some(b_dict)),
            ("set", None, Some(b_set)),
            ("frozenset", None, Some(b_set)),
            ("range", None, Some(b_range)),
            ("type", None, Some(b_type)),
            ("NoneType", None, None),
            ("date", None, None),
            ("datetime", Some("date"), None),
            ("time", None, None),
            ("function", None, None),
            ("method", None, None),
            ("builtin_function_or_method", None, None),
            ("iterator", None, None),
            ("property", None, Some(b_property)),
            ("classmethod", None, Some(b_classmethod)),
            ("staticmethod", None, Some(b_staticmethod)),
        ];
        for (name, base, ctor) in types {
            let c = type_class(name, *base, *ctor, &mut classes);
            if ctor.is_some() {
                names.insert(*name, Value::Class(c));
            }
        }
        names.insert("object", Value::Class(object.clone()));
        let base_exc = Class::new("BaseException", vec![object.clone()]);
        base_exc.set_attr("__init__", Value::native("__init__", exc_init));
        classes.insert("BaseException", base_exc.clone());
        names.insert("BaseException", Value::Class(base_exc));
        for (name, base) in EXCEPTIONS {
            let b = classes.get(base).cloned().into_iter().collect();
            let c = Class::new(name, b);
            classes.insert(name, c.clone());
            names.insert(*name, Value::Class(c));
        }
        let funcs: &[(&'static str, crate::NativeFn)] = &[
            ("print", b_print),
            ("len", b_len),
            ("repr", b_repr),
            ("ascii", b_repr),
            ("format", b_format),
            ("abs", b_abs),
            ("round", b_round),
            ("min", b_min),
            ("max", b_max),
            ("sum", b_sum),
            ("any", b_any),
            ("all", b_all),
            ("sorted", b_sorted),
            ("reversed", b_reversed),
            ("enumerate", b_enumerate),
            ("zip", b_zip),
            ("map", b_map),
            ("filter", b_filter),
            ("isinstance", b_isinstance),
            ("issubclass", b_issubclass),
            ("chr", b_chr),
            ("ord", b_ord),
            ("hex", b_hex),
            ("oct", b_oct),
            ("bin", b_bin),
            ("divmod", b_divmod),
            ("pow", b_pow),
            ("hasattr", b_hasattr),
            ("getattr", b_getattr),
            ("setattr", b_setattr),
            ("iter", b_iter),
            ("next", b_next),
            ("callable", b_callable),
            ("id", b_id),
            ("hash", b_hash),
        ];
        for (name, f) in funcs {
            names.insert(*name, Value::native(name, *f));
        }
        Registry { names, classes }
    }
}

thread_local! {
    static REGISTRY: Registry = Registry::new();
}

/// A builtin name: `Some(Ok(value))`, `Some(Err(Forbidden))` for refused names, `None` if unknown.
pub(crate) fn lookup(name: &str) -> Option<R<Value>> {
    if let Some(v) = REGISTRY.with(|r| r.names.get(name).cloned()) {
        return Some(Ok(v));
    }
    if FORBIDDEN.contains(&name) {
        return Some(Err(Error::Forbidden(name.to_string())));
    }
    None
}

/// The builtin class called `name` (types and exceptions); a fresh empty class if unknown.
pub fn class(name: &str) -> Rc<Class> {
    REGISTRY
        .with(|r| r.classes.get(name).cloned())
        .unwrap_or_else(|| Class::new(name, vec![]))
}

/// The builtin exception class called `name`.
pub(crate) fn exception_class(name: &str) -> Option<Rc<Class>> {
    let c = REGISTRY.with(|r| r.classes.get(name).cloned())?;
    if crate::exception::is_exception_class(&c) || name == "BaseException" {
        Some(c)
    } else {
        None
    }
}

/// The class of a value (`type(v)`).
pub fn type_of(v: &Value) -> Rc<Class> {
    match v {
        Value::Object(o) => o.borrow().class.clone(),
        other => class(other.type_name()),
    }
}

/// `isinstance(v, cls)` for one class.
pub fn is_instance(v: &Value, cls: &Class) -> bool {
    if &*cls.name == "object" && cls.bases.is_empty() {
        return true;
    }
    let t = type_of(v);
    if t.is_subclass(cls) {
        return true;
    }
    // Builtin value types may be named by classes made elsewhere (modules' `date`).
    if !matches!(v, Value::Object(_)) {
        let mut c = Some(t);
        while let Some(k) = c {
            if k.name == cls.name {
                return true;
            }
            c = k.bases.first().cloned();
        }
    }
    false
}

fn no_kwargs(args: &Args, fname: &str) -> R<()> {
    if let Some((k, _)) = args.keyword.first() {
        return Err(Error::exception(
            "TypeError",
            format!("{fname}() got an unexpected keyword argument '{k}'"),
        ));
    }
    Ok(())
}

fn nargs(args: &Args, min: usize, max: usize, fname: &str) -> R<()> {
    let n = args.positional.len();
    if n < min || n > max {
        let msg = if min == max {
            if min == 1 {
                format!("{fname}() takes exactly one argument ({n} given)")
            } else {
                format!("{fname} expected {min} arguments, got {n}")
            }
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(Error::exception("TypeError", msg));
    }
    Ok(())
}

fn int_arg(v: &Value, what: &str) -> R<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(Error::exception(
            "TypeError",
            format!(
                "'{}' object cannot be interpreted as an integer{what}",
                other.class_name()
            ),
        )),
    }
}

fn new_iter(items: Vec<Value>) -> Value {
    Value::Iter(Rc::new(RefCell::new(IterState {
        items,
        pos: 0,
        ..Default::default()
    })))
}

fn exc_init(_vm: &mut Vm, args: Args) -> R<Value> {
    let mut pos = args.positional.into_iter();
    if let Some(Value::Object(o)) = pos.next() {
        let rest: Vec<Value> = pos.collect();
        let mut o = o.borrow_mut();
        o.attrs.shift_remove("__message__");
        o.attrs.insert(Rc::from("args"), Value::tuple(rest));
    }
    Ok(Value::None)
}

/// `property(fget)`: a class attribute read by calling `fget(instance)`.
fn b_property(_vm: &mut Vm<'_>, args: Args) -> R<Value> {
    descriptor("property", args)
}

/// `classmethod(f)`: a class attribute bound to the class.
fn b_classmethod(_vm: &mut Vm<'_>, args: Args) -> R<Value> {
    descriptor("classmethod", args)
}

/// `staticmethod(f)`: a class attribute never bound.
fn b_staticmethod(_vm: &mut Vm<'_>, args: Args) -> R<Value> {
    descriptor("staticmethod", args)
}

/// `classmethod(f)` for a host's class attribute (a native bound to the class it is read from).
pub fn classmethod(f: Value) -> Value {
    descriptor("classmethod", Args::new(vec![f])).unwrap_or(Value::None)
}

fn descriptor(kind: &str, args: Args) -> R<Value> {
    if !args.keyword.is_empty() || args.positional.len() != 1 {
        return Err(Error::type_error(format!("{kind}() takes one function")));
    }
    let obj = Value::new_object(class(kind), None);
    if let Value::Object(o) = &obj {
        o.borrow_mut().attrs.insert(Rc::from("__func__"), args.positional[0].clone());
    }
    Ok(obj)
}

/// What a class attribute `v` (a `property`, `classmethod` or `staticmethod`, else itself)
/// gives when read from `owner`.
pub enum Descriptor {
    /// `property`: call the getter with the instance.
    Getter(Value),
    /// `classmethod`: the function, bound to the class.
    ClassMethod(Value),
    /// `staticmethod`: the function, unbound.
    Static(Value),
    /// An ordinary attribute.
    Plain,
}

/// Classifies a class attribute as a descriptor.
pub fn descriptor_of(v: &Value) -> Descriptor {
    let Value::Object(o) = v else { return Descriptor::Plain };
    let o = o.borrow();
    let Some(func) = o.attrs.get("__func__").cloned() else { return Descriptor::Plain };
    let is = |kind: &str| Rc::ptr_eq(&o.class, &class(kind));
    if is("property") {
        Descriptor::Getter(func)
    } else if is("classmethod") {
        Descriptor::ClassMethod(func)
    } else if is("staticmethod") {
        Descriptor::Static(func)
    } else {
        Descriptor::Plain
    }
}
