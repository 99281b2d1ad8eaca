//! Exception classes and instances at the value level: class lookup, construction, and the
//! plain `str()`/`repr()` of an exception object.

use std::rc::Rc;

use crate::value::{Class, Object, Value};

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

