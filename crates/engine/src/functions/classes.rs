//! The object class library: built once per thread (every class with its methods), and copied
//! into a request class by class on first use, so that a request pays only for the classes it
//! touches and never sees what another request did to a class.
//!
//! A request can change its classes (`DAObject.x = 1` in code, `.using()` item types kept in
//! class dictionaries), so no request ever holds a class of the library itself. A copy reads
//! the library class's attribute table, shared and read-only (`Class::shared`), through its
//! own table, which starts with copies of what the shared table holds that is mutable (every
//! class, dictionary, list and object, classes by name, through the request's copies) and takes
//! what the request sets. Methods (native functions) and other immutable values are never
//! copied.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use lang::value::IndexMap;
use lang::value::{Dict, Object};
use lang::{Class, Value};

use super::{objects, EngineHost};

/// A class's attribute table.
type Table = IndexMap<Rc<str>, Value>;

/// A class of the library: the class, its attribute table as the copies share it, and the
/// entries of that table a copy must hold copies of (found once, not at every copy: a
/// class's table is mostly methods). Cloned as pointers.
#[derive(Clone)]
struct LibraryClass {
    class: Rc<Class>,
    table: Rc<Table>,
    mutable: Rc<[(Rc<str>, Value)]>,
}

thread_local! {
    /// This thread's class library (engine threads run one request at a time).
    static LIBRARY: HashMap<&'static str, LibraryClass> = build_library();
}

/// Every class of the library with all its methods, the run time's included.
fn build_library() -> HashMap<&'static str, LibraryClass> {
    let host = EngineHost {
        classes: RefCell::new(objects::build()),
        builds_library: true,
        ..EngineHost::blank(std::sync::Arc::default())
    };
    crate::runtime::install_class_methods(&host);
    host.classes
        .take()
        .into_iter()
        .map(|(name, class)| {
            let table = Rc::new(class.attrs.borrow().clone());
            let mutable = table.iter().filter(|(_, v)| needs_copy(v)).map(|(k, v)| (k.clone(), v.clone())).collect();
            (name, LibraryClass { class, table, mutable })
        })
        .collect()
}

/// The library's class of that name and its key, if the library has one.
fn library_entry(name: &str) -> Option<(&'static str, LibraryClass)> {
    LIBRARY.with(|l| l.get_key_value(name).map(|(k, c)| (*k, c.clone())))
}

impl EngineHost {
    /// This request's copy of the library's class `name` (made now if it is the first use).
    pub(super) fn library_class(&self, name: &str) -> Option<Rc<Class>> {
        if let Some(c) = self.classes.borrow().get(name) {
            return Some(c.clone());
        }
        if self.builds_library {
            return None;
        }
        let (key, entry) = library_entry(name)?;
        Some(self.copy_class(key, entry))
    }

    /// Copies a library class: its bases first, then what its attributes hold that is
    /// mutable; it reads the rest from the library's table.
    fn copy_class(&self, key: &'static str, entry: LibraryClass) -> Rc<Class> {
        let LibraryClass { class: original, table, mutable } = entry;
        let bases = original.bases.iter().map(|b| self.own_class(b)).collect();
        let copy = Rc::new(Class {
            name: original.name.clone(),
            bases,
            attrs: RefCell::default(),
            shared: Some(table),
            constructor: original.constructor,
        });
        // registered before its attributes are copied: an attribute may name the class itself
        self.classes.borrow_mut().insert(key, copy.clone());
        if !mutable.is_empty() {
            let own: Table = mutable.iter().map(|(k, v)| (k.clone(), self.own_value(v))).collect();
            *copy.attrs.borrow_mut() = own;
        }
        copy
    }

    /// The request's copy of a class if it is one of the library's, else the class itself.
    fn own_class(&self, c: &Rc<Class>) -> Rc<Class> {
        match library_entry(&c.name) {
            Some((key, entry)) if Rc::ptr_eq(&entry.class, c) => {
                if let Some(own) = self.classes.borrow().get(key) {
                    return own.clone();
                }
                self.copy_class(key, entry)
            }
            _ => c.clone(),
        }
    }

    /// A value of a library class's attributes as the request's own: mutable containers and
    /// objects copied, library classes replaced by the request's copies.
    fn own_value(&self, v: &Value) -> Value {
        match v {
            Value::Class(c) => Value::Class(self.own_class(c)),
            Value::List(l) => Value::list(l.borrow().iter().map(|x| self.own_value(x)).collect()),
            Value::Tuple(t) => Value::Tuple(t.iter().map(|x| self.own_value(x)).collect()),
            Value::Dict(d) => Value::Dict(Rc::new(RefCell::new(self.own_dict(&d.borrow())))),
            Value::Set(d) => Value::Set(Rc::new(RefCell::new(self.own_dict(&d.borrow())))),
            Value::Object(o) => {
                let o = o.borrow();
                Value::Object(Rc::new(RefCell::new(Object {
                    class: self.own_class(&o.class),
                    attrs: o.attrs.iter().map(|(k, x)| (k.clone(), self.own_value(x))).collect(),
                    instance_name: o.instance_name.clone(),
                })))
            }
            other => other.clone(),
        }
    }

    fn own_dict(&self, d: &Dict) -> Dict {
        let mut copy = Dict::default();
        for (k, x) in d.iter() {
            copy.insert(k.clone(), self.own_value(x));
        }
        copy
    }
}

/// Whether a value of a library class must be copied for a request: containers, objects and
/// classes (immutable values and functions are shared).
fn needs_copy(v: &Value) -> bool {
    matches!(v, Value::Class(_) | Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) | Value::Object(_))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lang::Key;

    fn request() -> EngineHost {
        EngineHost::blank(std::sync::Arc::default())
    }

    fn using_dict(c: &Rc<Class>) -> Rc<RefCell<Dict>> {
        match c.own_attr("_using") {
            Some(Value::Dict(d)) => d,
            other => panic!("no _using dictionary: {other:?}"),
        }
    }

    /// What one request does to its classes is not seen by the next request (on the same
    /// thread, which shares the library): class attributes, `.using()` dictionaries.
    #[test]
    fn requests_do_not_share_class_changes() {
        let first = request();
        first.class("DAObject").set_attr("leak", Value::Int(1));
        first.class("Individual").set_attr("__str__", Value::Int(2));
        using_dict(&first.class("PartyList")).borrow_mut().insert(Key::str("leak"), Value::Int(3));
        assert!(first.class("Person").lookup("leak").is_some(), "a subclass sees its request's base");
        let second = request();
        assert!(second.class("DAObject").lookup("leak").is_none());
        assert!(second.class("Person").lookup("leak").is_none());
        assert!(matches!(second.class("Individual").lookup("__str__"), Some(Value::Native(_))));
        assert!(!using_dict(&second.class("PartyList")).borrow().contains_key(&Key::str("leak")));
        assert!(!Rc::ptr_eq(&first.class("DAObject"), &second.class("DAObject")));
    }

    /// A request's copy of a class is the library's class: same bases (the request's own
    /// copies), same attributes; classes named inside it are the request's copies too.
    #[test]
    fn copies_are_whole_and_refer_to_the_requests_classes() {
        let host = request();
        for name in objects::class_names() {
            let own = host.class(name);
            let original = library_entry(name).unwrap_or_else(|| panic!("{name} is not in the library")).1.class;
            assert!(!Rc::ptr_eq(&own, &original), "{name} is the library's own class");
            let mut keys = own.attr_names();
            keys.sort_unstable();
            let mut expected: Vec<Rc<str>> = original.attrs.borrow().keys().cloned().collect();
            expected.sort_unstable();
            assert_eq!(keys, expected, "{name}");
            // the copy's own table holds copies of what is mutable, and nothing else
            assert!(own.attrs.borrow().values().all(needs_copy), "{name} copied an immutable value");
            let mutable = original.attrs.borrow().values().filter(|v| needs_copy(v)).count();
            assert_eq!(own.attrs.borrow().len(), mutable, "{name} did not copy every mutable value");
            for (b, ob) in own.bases.iter().zip(original.bases.iter()) {
                assert!(Rc::ptr_eq(b, &host.class(&ob.name)), "{name}'s base {} is not the request's", ob.name);
            }
        }
        let item = using_dict(&host.class("PartyList")).borrow().get(&Key::str("object_type")).cloned();
        assert!(matches!(item, Some(Value::Class(c)) if Rc::ptr_eq(&c, &host.class("Individual"))));
        // the run time's methods are in the library
        assert!(host.class("DAFile").lookup("url_for").is_some());
        assert!(host.class("DAContext").lookup("__init__").is_some());
        assert!(host.class("DAList").lookup("cancel_add_or_edit").is_some());
    }

    /// A request copies only the classes it uses (and their bases).
    #[test]
    fn only_used_classes_are_copied() {
        let host = request();
        let _ = host.class("Individual");
        let mut made: Vec<&str> = host.classes.borrow().keys().copied().collect();
        made.sort_unstable();
        assert_eq!(made, ["DAObject", "Individual", "Person", "Thing"]);
    }
}
