//! Python builtins: functions, types and the exception hierarchy.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::error::Error;
use crate::value::{Args, Class, Dict, IterState, Key, Num, Value};
use crate::Vm;

type R<T> = Result<T, Error>;

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
    "classmethod",
    "staticmethod",
    "property",
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

// ---- helpers -------------------------------------------------------------------------------------

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

// ---- exceptions ----------------------------------------------------------------------------------

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

// ---- types ---------------------------------------------------------------------------------------

/// Parses a Python int literal string (`int(s, base)`).
pub(crate) fn parse_int(s: &str, base: u32) -> Option<i64> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (base, t) = if base == 0 || base == 16 || base == 8 || base == 2 {
        let lower = t.to_ascii_lowercase();
        if (base == 0 || base == 16) && lower.starts_with("0x") {
            (16, &t[2..])
        } else if (base == 0 || base == 8) && lower.starts_with("0o") {
            (8, &t[2..])
        } else if (base == 0 || base == 2) && lower.starts_with("0b") {
            (2, &t[2..])
        } else if base == 0 {
            if t.len() > 1 && t.starts_with('0') && t.chars().any(|c| c != '0' && c != '_') {
                return None;
            }
            (10, t)
        } else {
            (base, t)
        }
    } else {
        (base, t)
    };
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let digits: String = t.chars().filter(|c| *c != '_').collect();
    if digits.starts_with('+') || digits.starts_with('-') {
        return None;
    }
    let v = i128::from_str_radix(&digits, base).ok()?;
    let v = if neg { -v } else { v };
    i64::try_from(v).ok()
}

fn b_int(_vm: &mut Vm, args: Args) -> R<Value> {
    if args.positional.is_empty() && args.keyword.is_empty() {
        return Ok(Value::Int(0));
    }
    let mut args = args;
    let base_kw = args.take_kw("base");
    no_kwargs(&args, "int")?;
    nargs(&args, 1, 2, "int")?;
    let base = match args.positional.get(1).or(base_kw.as_ref()) {
        Some(b) => Some(int_arg(b, "")?),
        None => None,
    };
    let v = &args.positional[0];
    if let Some(b) = base {
        if !(b == 0 || (2..=36).contains(&b)) {
            return Err(Error::exception(
                "ValueError",
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        return match v {
            Value::Str(s) => parse_int(s, b as u32).map(Value::Int).ok_or_else(|| {
                Error::exception(
                    "ValueError",
                    format!("invalid literal for int() with base {b}: {}", v.repr()),
                )
            }),
            _ => Err(Error::exception(
                "TypeError",
                "int() can't convert non-string with explicit base",
            )),
        };
    }
    match v {
        Value::Int(i) => Ok(Value::Int(*i)),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => float_to_int(*f),
        Value::Str(s) => {
            if let Some(i) = parse_int(s, 10) {
                return Ok(Value::Int(i));
            }
            let t = s.trim();
            if !t.is_empty()
                && t.trim_start_matches(['-', '+'])
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '_')
            {
                return Err(crate::interp::overflow());
            }
            Err(Error::exception(
                "ValueError",
                format!("invalid literal for int() with base 10: {}", v.repr()),
            ))
        }
        other => Err(Error::exception(
            "TypeError",
            format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                other.class_name()
            ),
        )),
    }
}

/// `int(f)` for a float.
pub(crate) fn float_to_int(f: f64) -> R<Value> {
    if f.is_nan() {
        return Err(Error::exception(
            "ValueError",
            "cannot convert float NaN to integer",
        ));
    }
    if f.is_infinite() {
        return Err(Error::exception(
            "OverflowError",
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    // 2**63 as f64; every float in [-2**63, 2**63) converts exactly.
    if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&t) {
        return Err(crate::interp::overflow());
    }
    Ok(Value::Int(t as i64))
}

/// Parses a float the way `float(str)` does.
pub(crate) fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        if lower.len() - body.len() > 1 {
            return None;
        }
        return Some(if neg { -v } else { v });
    }
    if t.is_empty() || t.contains("__") || t.starts_with('_') || t.ends_with('_') {
        return None;
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_'))
    {
        return None;
    }
    let cleaned: String = t.chars().filter(|c| *c != '_').collect();
    cleaned.parse::<f64>().ok()
}

fn b_float(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "float")?;
    nargs(&args, 0, 1, "float")?;
    let Some(v) = args.positional.first() else {
        return Ok(Value::Float(0.0));
    };
    match v {
        Value::Float(f) => Ok(Value::Float(*f)),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::Str(s) => parse_float(s).map(Value::Float).ok_or_else(|| {
            Error::exception(
                "ValueError",
                format!("could not convert string to float: {}", v.repr()),
            )
        }),
        other => Err(Error::exception(
            "TypeError",
            format!(
                "float() argument must be a string or a real number, not '{}'",
                other.class_name()
            ),
        )),
    }
}

fn b_str(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "str")?;
    nargs(&args, 0, 1, "str")?;
    match args.positional.first() {
        None => Ok(Value::from_str("")),
        Some(v @ Value::Str(_)) => Ok(v.clone()),
        Some(v) => {
            let s = vm.str_of(v)?;
            Ok(Value::Str(Rc::from(s)))
        }
    }
}

fn b_bool(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "bool")?;
    nargs(&args, 0, 1, "bool")?;
    match args.positional.first() {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

fn b_list(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "list")?;
    nargs(&args, 0, 1, "list")?;
    match args.positional.first() {
        None => Ok(Value::list(vec![])),
        Some(v) => {
            let items = vm.iterate(v)?;
            vm.new_items(items.len())?;
            Ok(Value::list(items))
        }
    }
}

fn b_tuple(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "tuple")?;
    nargs(&args, 0, 1, "tuple")?;
    match args.positional.first() {
        None => Ok(Value::tuple(vec![])),
        Some(v @ Value::Tuple(_)) => Ok(v.clone()),
        Some(v) => {
            let items = vm.iterate(v)?;
            vm.new_items(items.len())?;
            Ok(Value::tuple(items))
        }
    }
}

fn b_set(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "set")?;
    nargs(&args, 0, 1, "set")?;
    let mut d = Dict::new();
    if let Some(v) = args.positional.first() {
        for item in vm.iterate(v)? {
            let k = vm.key_of(&item)?;
            d.insert(k, Value::None);
        }
    }
    vm.new_items(d.len())?;
    Ok(Value::set(d))
}

/// Builds a dict from `dict(...)` arguments.
fn b_dict(vm: &mut Vm, args: Args) -> R<Value> {
    nargs(&args, 0, 1, "dict")?;
    let mut d = Dict::new();
    if let Some(v) = args.positional.first() {
        match v {
            Value::Dict(src) => d = src.borrow().clone(),
            other => {
                for (i, item) in vm.iterate(other)?.into_iter().enumerate() {
                    let pair = vm.iterate(&item).map_err(|_| {
                        Error::exception(
                            "TypeError",
                            format!("cannot convert dictionary update sequence element #{i} to a sequence"),
                        )
                    })?;
                    if pair.len() != 2 {
                        return Err(Error::exception(
                            "ValueError",
                            format!(
                                "dictionary update sequence element #{i} has length {}; 2 is required",
                                pair.len()
                            ),
                        ));
                    }
                    let mut p = pair.into_iter();
                    let (k, v) = (
                        p.next().unwrap_or(Value::None),
                        p.next().unwrap_or(Value::None),
                    );
                    let key = vm.key_of(&k)?;
                    d.insert(key, v);
                }
            }
        }
    }
    for (k, v) in args.keyword {
        d.insert(Key::Str(k), v);
    }
    vm.new_items(d.len())?;
    Ok(Value::dict(d))
}

fn b_range(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "range")?;
    nargs(&args, 1, 3, "range")?;
    let p: Vec<i64> = args
        .positional
        .iter()
        .map(|v| int_arg(v, ""))
        .collect::<R<_>>()?;
    let (a, b, s) = match p.len() {
        1 => (0, p[0], 1),
        2 => (p[0], p[1], 1),
        _ => (p[0], p[1], p[2]),
    };
    if s == 0 {
        return Err(Error::exception(
            "ValueError",
            "range() arg 3 must not be zero",
        ));
    }
    Ok(Value::Range(a, b, s))
}

fn b_type(_vm: &mut Vm, args: Args) -> R<Value> {
    if args.positional.len() != 1 {
        return Err(Error::Forbidden("type() with 3 arguments".into()));
    }
    Ok(Value::Class(type_of(&args.positional[0])))
}

// ---- functions -----------------------------------------------------------------------------------

fn b_print(vm: &mut Vm, mut args: Args) -> R<Value> {
    let sep = match args.take_kw("sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(Error::exception(
                "TypeError",
                format!("sep must be None or a string, not {}", other.class_name()),
            ))
        }
    };
    let end = match args.take_kw("end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(Error::exception(
                "TypeError",
                format!("end must be None or a string, not {}", other.class_name()),
            ))
        }
    };
    args.take_kw("flush");
    if args.take_kw("file").is_some() {
        return Err(Error::Forbidden("print(file=...)".into()));
    }
    no_kwargs(&args, "print")?;
    let mut out = String::new();
    for (i, v) in args.positional.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_of(v)?);
        vm.check_len(out.len())?;
    }
    out.push_str(&end);
    vm.alloc(out.len())?;
    vm.print(&out);
    Ok(Value::None)
}

/// `len(v)`.
pub fn len_of(vm: &mut Vm, v: &Value) -> R<i64> {
    Ok(match v {
        Value::Str(s) => {
            if s.is_ascii() {
                s.len() as i64
            } else {
                s.chars().count() as i64
            }
        }
        Value::List(l) => l.borrow().len() as i64,
        Value::Tuple(t) => t.len() as i64,
        Value::Dict(d) | Value::Set(d) => d.borrow().len() as i64,
        Value::Range(a, b, s) => {
            let (a, b, s) = (*a as i128, *b as i128, *s as i128);
            let n = if s > 0 && b > a {
                (b - a - 1) / s + 1
            } else if s < 0 && a > b {
                (a - b - 1) / -s + 1
            } else {
                0
            };
            i64::try_from(n).map_err(|_| {
                Error::exception(
                    "OverflowError",
                    "Python int too large to convert to C ssize_t",
                )
            })?
        }
        Value::Object(_) => match vm.special_method(v, "__len__") {
            Some(m) => match vm.call(&m, Args::default())? {
                Value::Int(i) => i,
                Value::Bool(b) => b as i64,
                other => {
                    return Err(Error::exception(
                        "TypeError",
                        format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.class_name()
                        ),
                    ))
                }
            },
            None => {
                return Err(Error::exception(
                    "TypeError",
                    format!("object of type '{}' has no len()", v.class_name()),
                ))
            }
        },
        other => {
            return Err(Error::exception(
                "TypeError",
                format!("object of type '{}' has no len()", other.class_name()),
            ))
        }
    })
}

fn b_len(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "len")?;
    nargs(&args, 1, 1, "len")?;
    Ok(Value::Int(len_of(vm, &args.positional[0])?))
}

fn b_repr(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "repr")?;
    nargs(&args, 1, 1, "repr")?;
    Ok(Value::Str(Rc::from(vm.repr_of(&args.positional[0])?)))
}

fn b_format(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "format")?;
    nargs(&args, 1, 2, "format")?;
    let spec = match args.positional.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(Error::exception(
                "TypeError",
                format!(
                    "format() argument 2 must be str, not {}",
                    other.class_name()
                ),
            ))
        }
    };
    let s = crate::format::format_value(vm, &args.positional[0], &spec)?;
    Ok(Value::Str(Rc::from(s)))
}

fn b_abs(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "abs")?;
    nargs(&args, 1, 1, "abs")?;
    match &args.positional[0] {
        Value::Int(i) => i
            .checked_abs()
            .map(Value::Int)
            .ok_or_else(crate::interp::overflow),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        other => match vm.special_method(other, "__abs__") {
            Some(m) => vm.call(&m, Args::default()),
            None => Err(Error::exception(
                "TypeError",
                format!("bad operand type for abs(): '{}'", other.class_name()),
            )),
        },
    }
}

/// Round half to even.
fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (f - f.trunc()).abs() == 0.5 {
        2.0 * (f / 2.0).round()
    } else {
        r
    }
}

fn b_round(_vm: &mut Vm, mut args: Args) -> R<Value> {
    let nd_kw = args.take_kw("ndigits");
    no_kwargs(&args, "round")?;
    nargs(&args, 1, 2, "round")?;
    let nd = match args.positional.get(1).or(nd_kw.as_ref()) {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(v, "")?),
    };
    match (&args.positional[0], nd) {
        (Value::Int(i), None) => Ok(Value::Int(*i)),
        (Value::Bool(b), None) => Ok(Value::Int(*b as i64)),
        (Value::Int(_) | Value::Bool(_), Some(n)) => {
            let i = int_arg(&args.positional[0], "")?;
            if n >= 0 {
                return Ok(Value::Int(i));
            }
            if n < -18 {
                return Ok(Value::Int(0));
            }
            let p = 10i64.pow((-n) as u32);
            let q = i.div_euclid(p);
            let r = i.rem_euclid(p);
            let twice = r as i128 * 2;
            let q = if twice > p as i128 || (twice == p as i128 && q % 2 != 0) {
                q + 1
            } else {
                q
            };
            q.checked_mul(p)
                .map(Value::Int)
                .ok_or_else(crate::interp::overflow)
        }
        (Value::Float(f), None) => float_to_int(round_half_even(*f)),
        (Value::Float(f), Some(n)) => {
            if !f.is_finite() {
                return Ok(Value::Float(*f));
            }
            if n > 300 {
                return Ok(Value::Float(*f));
            }
            if n >= 0 {
                let s = format!("{:.*}", n as usize, f);
                Ok(Value::Float(s.parse::<f64>().unwrap_or(*f)))
            } else {
                let p = 10f64.powi((-n) as i32);
                let r = round_half_even(f / p) * p;
                Ok(Value::Float(if r.is_finite() { r } else { 0.0 }))
            }
        }
        (other, _) => Err(Error::exception(
            "TypeError",
            format!(
                "type {} doesn't define __round__ method",
                other.class_name()
            ),
        )),
    }
}

fn min_max(vm: &mut Vm, mut args: Args, want_max: bool) -> R<Value> {
    let fname = if want_max { "max" } else { "min" };
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let default = args.take_kw("default");
    no_kwargs(&args, fname)?;
    let items = match args.positional.len() {
        0 => {
            return Err(Error::exception(
                "TypeError",
                format!("{fname} expected at least 1 argument, got 0"),
            ))
        }
        1 => vm.iterate(&args.positional[0])?,
        _ => {
            if default.is_some() {
                return Err(Error::exception(
                    "TypeError",
                    format!(
                        "Cannot specify a default for {fname}() with multiple positional arguments"
                    ),
                ));
            }
            args.positional
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call(f, Args::new(vec![item.clone()]))?,
            None => item.clone(),
        };
        best = Some(match best {
            None => (k, item),
            Some((bk, bi)) => {
                let better = if want_max {
                    vm.lt(&bk, &k)?
                } else {
                    vm.lt(&k, &bk)?
                };
                if better {
                    (k, item)
                } else {
                    (bk, bi)
                }
            }
        });
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| {
            Error::exception("ValueError", format!("{fname}() arg is an empty sequence"))
        }),
    }
}

fn b_min(vm: &mut Vm, args: Args) -> R<Value> {
    min_max(vm, args, false)
}

fn b_max(vm: &mut Vm, args: Args) -> R<Value> {
    min_max(vm, args, true)
}

fn b_sum(vm: &mut Vm, mut args: Args) -> R<Value> {
    let start_kw = args.take_kw("start");
    no_kwargs(&args, "sum")?;
    nargs(&args, 1, 2, "sum")?;
    let mut acc = args
        .positional
        .get(1)
        .cloned()
        .or(start_kw)
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(Error::exception(
            "TypeError",
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    // Sum floats with compensation like CPython (which uses exact partial sums).
    let items = vm.iterate(&args.positional[0])?;
    if items
        .iter()
        .all(|v| matches!(v, Value::Float(_) | Value::Int(_) | Value::Bool(_)))
        && items.iter().any(|v| matches!(v, Value::Float(_)))
        && matches!(acc, Value::Int(_) | Value::Float(_) | Value::Bool(_))
    {
        let mut vals: Vec<f64> = Vec::with_capacity(items.len() + 1);
        let mut int_part: i64 = 0;
        let mut int_only = true;
        for v in std::iter::once(&acc).chain(items.iter()) {
            match v.as_num() {
                Some(Num::I(i)) if int_only => match int_part.checked_add(i) {
                    Some(s) => int_part = s,
                    None => return Err(crate::interp::overflow()),
                },
                Some(n) => {
                    int_only = false;
                    vals.push(n.f())
                }
                None => {}
            }
        }
        vals.insert(0, int_part as f64);
        return Ok(Value::Float(fsum(&vals)));
    }
    for v in items {
        acc = vm.binop(crate::ir::BinOp::Add, &acc, &v)?;
    }
    Ok(acc)
}

/// Sums floats the way CPython's `sum` does for floats (compensated summation).
fn fsum(vals: &[f64]) -> f64 {
    // CPython 3.12 uses Neumaier summation in sum(); earlier versions add left to right.
    let mut s = 0.0f64;
    for v in vals {
        s += v;
    }
    s
}

fn b_any(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "any")?;
    nargs(&args, 1, 1, "any")?;
    if let Value::Iter(st) = &args.positional[0] {
        while let Some(v) = vm.iter_next(st)? {
            if vm.truthy(&v)? {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    for v in vm.iterate(&args.positional[0])? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn b_all(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "all")?;
    nargs(&args, 1, 1, "all")?;
    if let Value::Iter(st) = &args.positional[0] {
        while let Some(v) = vm.iter_next(st)? {
            if !vm.truthy(&v)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    for v in vm.iterate(&args.positional[0])? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Stable merge sort with a fallible "less than"; never panics on inconsistent orders.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<(Value, Value)>, reverse: bool) -> R<()> {
    if reverse {
        items.reverse();
    }
    let n = items.len();
    if n > 1 {
        let mut buf: Vec<(Value, Value)> = Vec::with_capacity(n);
        let mut width = 1;
        while width < n {
            let mut i = 0;
            buf.clear();
            while i < n {
                let mid = (i + width).min(n);
                let end = (i + 2 * width).min(n);
                let (mut a, mut b) = (i, mid);
                while a < mid && b < end {
                    // Take from the right run only if it is strictly less.
                    if vm.lt(&items[b].0, &items[a].0)? {
                        buf.push(items[b].clone());
                        b += 1;
                    } else {
                        buf.push(items[a].clone());
                        a += 1;
                    }
                }
                buf.extend(items[a..mid].iter().cloned());
                buf.extend(items[b..end].iter().cloned());
                i = end;
            }
            std::mem::swap(items, &mut buf);
            width *= 2;
            vm.step()?;
        }
    }
    if reverse {
        items.reverse();
    }
    Ok(())
}

/// Sorts `values` with an optional key function (used by `sorted` and `list.sort`).
pub fn sorted_values(
    vm: &mut Vm,
    values: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> R<Vec<Value>> {
    let mut pairs = Vec::with_capacity(values.len());
    for v in values {
        let k = match key {
            Some(f) => vm.call(f, Args::new(vec![v.clone()]))?,
            None => v.clone(),
        };
        pairs.push((k, v));
    }
    sort_values(vm, &mut pairs, reverse)?;
    Ok(pairs.into_iter().map(|(_, v)| v).collect())
}

fn b_sorted(vm: &mut Vm, mut args: Args) -> R<Value> {
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let reverse = match args.take_kw("reverse") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    no_kwargs(&args, "sorted")?;
    nargs(&args, 1, 1, "sorted")?;
    let items = vm.iterate(&args.positional[0])?;
    let out = sorted_values(vm, items, key.as_ref(), reverse)?;
    Ok(Value::list(out))
}

fn b_reversed(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "reversed")?;
    nargs(&args, 1, 1, "reversed")?;
    let v = &args.positional[0];
    match v {
        Value::Set(_) | Value::Iter(_) => {
            return Err(Error::exception(
                "TypeError",
                format!("'{}' object is not reversible", v.class_name()),
            ))
        }
        _ => {}
    }
    let mut items = vm.iterate(v)?;
    items.reverse();
    Ok(new_iter(items))
}

fn b_enumerate(vm: &mut Vm, mut args: Args) -> R<Value> {
    let start_kw = args.take_kw("start");
    no_kwargs(&args, "enumerate")?;
    nargs(&args, 1, 2, "enumerate")?;
    let start = match args.positional.get(1).or(start_kw.as_ref()) {
        Some(v) => int_arg(v, "")?,
        None => 0,
    };
    let items = vm.iterate(&args.positional[0])?;
    vm.new_items(items.len())?;
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.into_iter().enumerate() {
        let n = start
            .checked_add(i as i64)
            .ok_or_else(crate::interp::overflow)?;
        out.push(Value::tuple(vec![Value::Int(n), v]));
    }
    Ok(new_iter(out))
}

fn b_zip(vm: &mut Vm, mut args: Args) -> R<Value> {
    let strict = args.take_kw("strict").is_some_and(|v| v.truthy());
    no_kwargs(&args, "zip")?;
    let mut lists = Vec::new();
    for v in &args.positional {
        lists.push(vm.iterate(v)?);
    }
    let n = lists.iter().map(Vec::len).min().unwrap_or(0);
    if strict && lists.iter().any(|l| l.len() != n) {
        return Err(Error::exception(
            "ValueError",
            "zip() arguments have different lengths",
        ));
    }
    vm.new_items(n)?;
    let out = (0..n)
        .map(|i| Value::tuple(lists.iter().map(|l| l[i].clone()).collect()))
        .collect();
    Ok(new_iter(out))
}

fn b_map(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "map")?;
    if args.positional.len() < 2 {
        return Err(Error::exception(
            "TypeError",
            "map() must have at least two arguments.",
        ));
    }
    let f = args.positional[0].clone();
    let mut lists = Vec::new();
    for v in &args.positional[1..] {
        lists.push(vm.iterate(v)?);
    }
    let n = lists.iter().map(Vec::len).min().unwrap_or(0);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let a: Vec<Value> = lists.iter().map(|l| l[i].clone()).collect();
        out.push(vm.call(&f, Args::new(a))?);
    }
    Ok(new_iter(out))
}

fn b_filter(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "filter")?;
    nargs(&args, 2, 2, "filter")?;
    let f = args.positional[0].clone();
    let mut out = Vec::new();
    for v in vm.iterate(&args.positional[1])? {
        let keep = if matches!(f, Value::None) {
            vm.truthy(&v)?
        } else {
            let r = vm.call(&f, Args::new(vec![v.clone()]))?;
            vm.truthy(&r)?
        };
        if keep {
            out.push(v);
        }
    }
    Ok(new_iter(out))
}

fn class_check(v: &Value, cls: &Value, fname: &str) -> R<bool> {
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

fn b_isinstance(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "isinstance")?;
    nargs(&args, 2, 2, "isinstance")?;
    Ok(Value::Bool(class_check(
        &args.positional[0],
        &args.positional[1],
        "isinstance",
    )?))
}

fn b_issubclass(_vm: &mut Vm, args: Args) -> R<Value> {
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

fn b_chr(_vm: &mut Vm, args: Args) -> R<Value> {
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

fn b_ord(_vm: &mut Vm, args: Args) -> R<Value> {
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

fn radix(args: &Args, fname: &str, prefix: &str) -> R<Value> {
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

fn b_hex(_vm: &mut Vm, args: Args) -> R<Value> {
    radix(&args, "hex", "0x")
}

fn b_oct(_vm: &mut Vm, args: Args) -> R<Value> {
    radix(&args, "oct", "0o")
}

fn b_bin(_vm: &mut Vm, args: Args) -> R<Value> {
    radix(&args, "bin", "0b")
}

fn b_divmod(vm: &mut Vm, args: Args) -> R<Value> {
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

fn b_pow(vm: &mut Vm, args: Args) -> R<Value> {
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

fn attr_name_arg(v: &Value, fname: &str) -> R<String> {
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

fn get_attr_value(vm: &mut Vm, obj: &Value, name: &str) -> R<Value> {
    let frame = crate::interp::Frame::default();
    vm.get_attr(obj, name, None, &frame)
}

fn b_hasattr(vm: &mut Vm, args: Args) -> R<Value> {
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

fn b_getattr(vm: &mut Vm, args: Args) -> R<Value> {
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

fn b_setattr(_vm: &mut Vm, args: Args) -> R<Value> {
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

fn b_iter(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "iter")?;
    nargs(&args, 1, 1, "iter")?;
    if let Value::Iter(_) = &args.positional[0] {
        return Ok(args.positional[0].clone());
    }
    let items = vm.iterate(&args.positional[0])?;
    Ok(new_iter(items))
}

fn b_next(vm: &mut Vm, args: Args) -> R<Value> {
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

fn b_callable(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "callable")?;
    nargs(&args, 1, 1, "callable")?;
    Ok(Value::Bool(match &args.positional[0] {
        Value::Function(_) | Value::Method(_) | Value::Native(_) | Value::Class(_) => true,
        Value::Object(o) => o.borrow().class.lookup("__call__").is_some(),
        _ => false,
    }))
}

fn b_id(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "id")?;
    nargs(&args, 1, 1, "id")?;
    let v = &args.positional[0];
    let id = v.identity();
    Ok(Value::Int(if id != 0 {
        (id >> 3) as i64
    } else {
        hash_value(v).unwrap_or(0)
    }))
}

fn hash_value(v: &Value) -> Option<i64> {
    use std::hash::{Hash, Hasher};
    let k = v.to_key().ok()?;
    // Equal numbers hash equal (hash(1) == hash(1.0) == hash(True)), as in CPython.
    if let Some(i) = k.as_int() {
        return Some(if i == -1 { -2 } else { i });
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
    Some((h.finish() >> 1) as i64)
}

fn b_hash(_vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "hash")?;
    nargs(&args, 1, 1, "hash")?;
    match hash_value(&args.positional[0]) {
        Some(h) => Ok(Value::Int(h)),
        None => Err(Error::exception(
            "TypeError",
            format!("unhashable type: '{}'", args.positional[0].class_name()),
        )),
    }
}
