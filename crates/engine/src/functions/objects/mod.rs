//! docassemble's object library as `lang` classes, grouped by class: [`daobject`],
//! [`collection`] (what `DAList`, `DADict` and `DASet` share), [`dalist`], [`dadict`],
//! [`daset`], [`person`] (Thing, Person, Individual, Name, Address) and its [`contact`]
//! methods, [`datetime`], [`template`], the financial classes ([`finance`]), the classes of
//! `docassemble.base.legal` ([`legal`]), the language
//! methods of objects ([`grammar`]) and copying/reshaping ([`copying`]).
//!
//! `mod.rs` builds the class table once per request ([`build`]) and holds the helpers every
//! class uses (`self_obj`, `get`/`set`, `need`, `.using()`).

pub(crate) mod breadcrumbs;
mod catchall;
mod collection;
mod contact;
mod copying;
mod dadict;
mod dalist;
mod daobject;
mod daset;
mod datetime;
pub(crate) mod finance;
pub(crate) mod grammar;
mod legal;
mod person;
mod postal_formats;
pub(crate) mod template;

use std::collections::HashMap;
use std::rc::Rc;

use lang::value::{Dict, Key};
use lang::{Args, Class, Error, NativeFn, Value, Vm};

use super::{arg, dates, host, text, EngineHost};
#[allow(clippy::wildcard_imports)]
use self::{collection::*, dadict::*, dalist::*, daobject::*, daset::*, datetime::*, person::*, template::*};

pub use dadict::make_dadict;
pub(crate) use dalist::{gather, gather_for_table, make_dalist};
pub use datetime::{datetime_of, make_datetime};

fn class_with(name: &str, bases: Vec<Rc<Class>>, methods: &[(&str, NativeFn)]) -> Rc<Class> {
    let c = Class::new(name, bases);
    for (m, f) in methods {
        c.set_attr(m, Value::native(m, *f));
    }
    c
}

/// The names of the engine's classes (without building them).
pub(crate) fn class_names() -> impl Iterator<Item = &'static str> {
    ["DAObject", "DADict", "DAList", "DADateTime", "DALazyTemplate", "DADateDifference", "DADateInterval"]
        .into_iter()
        .chain(CLASSES.iter().map(|(n, _)| *n))
        .chain(finance::CLASSES.iter().map(|(n, _)| *n))
        .chain(legal::CLASSES.iter().map(|(n, _)| *n))
        .chain(catchall::CLASSES.iter().map(|(n, _)| *n))
        .chain(breadcrumbs::CLASSES.iter().map(|(n, _)| *n))
}

/// Builds the engine's classes for one request.
pub(crate) fn build() -> HashMap<&'static str, Rc<Class>> {
    let mut m = HashMap::new();
    let object = class_with("DAObject", vec![], &[("__init__", obj_init), ("init", obj_base_init), ("object_name", obj_name)]);
    let dict = class_with(
        "DADict",
        vec![object.clone()],
        &[
            ("init", coll_init),
            ("__getitem__", coll_getitem),
            ("__setitem__", coll_setitem),
            ("__contains__", coll_contains),
            ("__iter__", coll_iter),
            ("__len__", coll_len),
            ("__str__", coll_str),
            ("__repr__", coll_repr),
            ("true_values", dict_true_values),
            ("false_values", dict_false_values),
            ("all_true", dict_all_true),
            ("all_false", dict_all_false),
            ("any_true", dict_any_true),
            ("any_false", dict_any_false),
            ("keys", dict_keys),
            ("values", dict_values_method),
            ("items", dict_items),
            ("get", dict_get),
            ("number", coll_len),
            ("number_as_word", coll_number_as_word),
            ("comma_and_list", coll_str),
        ],
    );
    let list = class_with(
        "DAList",
        vec![object.clone()],
        &[
            ("init", coll_init),
            ("__getitem__", coll_getitem),
            ("__setitem__", coll_setitem),
            ("__contains__", coll_contains),
            ("__iter__", coll_iter),
            ("__len__", coll_len),
            ("__str__", coll_str),
            ("__repr__", coll_repr),
            ("append", list_append),
            ("number", coll_len),
            ("number_as_word", coll_number_as_word),
            ("comma_and_list", coll_str),
            ("first", list_first),
            ("last", list_last),
        ],
    );
    let dt = class_with(
        "DADateTime",
        vec![object.clone()],
        &[
            ("__str__", dt_str),
            ("__repr__", dt_repr),
            ("__eq__", dt_eq),
            ("__lt__", dt_lt),
            ("__le__", dt_le),
            ("__gt__", dt_gt),
            ("__ge__", dt_ge),
            ("__add__", dt_add),
            ("__sub__", dt_sub),
            ("format", dt_format_date),
            ("format_date", dt_format_date),
            ("format_time", dt_format_time),
            ("format_datetime", dt_format_datetime),
            ("plus", dt_plus),
            ("minus", dt_minus),
            ("replace_time", dt_replace_time),
            ("replace", dt_replace),
            ("time", dt_time),
            ("date", dt_date),
            ("strftime", dt_strftime),
            ("isoformat", dt_isoformat),
        ],
    );
    let tmpl = class_with("DALazyTemplate", vec![object.clone()], &[("__str__", tmpl_str), ("show", tmpl_str)]);
    let diff = class_with("DADateDifference", vec![object.clone()], &[("describe", diff_describe)]);
    let interval = class_with("DADateInterval", vec![object.clone()], &[]);
    m.insert("DAObject", object);
    m.insert("DADict", dict);
    m.insert("DAList", list);
    m.insert("DADateTime", dt);
    m.insert("DALazyTemplate", tmpl);
    m.insert("DADateDifference", diff);
    m.insert("DADateInterval", interval);
    register(&mut m);
    m
}

/// Attribute objects created on first access: class → [(attribute, class of the attribute)].
fn children(class: &str) -> &'static [(&'static str, &'static str)] {
    match class {
        "Individual" => &[("name", "IndividualName"), ("address", "Address")],
        "Person" => &[("name", "Name"), ("address", "Address")],
        "Event" => &[("address", "City")],
        "Thing" => &[("name", "Name")],
        other => legal::children(other),
    }
}

/// The names of the classes defined here, parent first.
pub(crate) const CLASSES: [(&str, &str); 20] = [
    ("Thing", "DAObject"),
    ("Person", "Thing"),
    ("Individual", "Person"),
    ("Name", "DAObject"),
    ("IndividualName", "Name"),
    ("Address", "DAObject"),
    ("PartyList", "DAList"),
    ("ChildList", "DAList"),
    ("DASet", "DAList"),
    ("Event", "DAObject"),
    ("City", "Address"),
    ("DAEmpty", "DAObject"),
    ("DAEmailRecipient", "DAObject"),
    ("DAEmailRecipientList", "DAList"),
    ("DALink", "DAObject"),
    ("DAFile", "DAObject"),
    ("DAFileCollection", "DAObject"),
    ("DAFileList", "DAList"),
    ("DAStaticFile", "DAObject"),
    ("DAContext", "DADict"),
];

/// Adds this module's classes and methods to the engine's class table.
pub(crate) fn register(m: &mut HashMap<&'static str, Rc<Class>>) {
    for (name, base) in CLASSES.iter().chain(finance::CLASSES.iter()).chain(legal::CLASSES.iter()).chain(catchall::CLASSES.iter()).chain(breadcrumbs::CLASSES.iter()) {
        let Some(b) = m.get(base).cloned() else { continue };
        let c = Class::new(name, vec![b]);
        m.insert(name, c);
    }
    let set = |m: &HashMap<&'static str, Rc<Class>>, class: &str, methods: &[(&str, NativeFn)]| {
        if let Some(c) = m.get(class) {
            for (n, f) in methods {
                c.set_attr(n, Value::native(n, *f));
            }
        }
    };
    set(
        m,
        "DAObject",
        &[
            ("__getattr__", obj_getattr),
            ("__str__", obj_str),
            ("initializeAttribute", init_attribute),
            ("initializeObject", init_attribute),
            ("initialize_attribute", init_attribute),
            ("first_name_hint", empty_str),
            ("last_name_hint", empty_str),
        ],
    );
    set(
        m,
        "DAList",
        &[
            ("gather", list_gather),
            ("appendObject", list_append_object),
            ("complete_elements", list_complete_elements),
            ("extend", list_extend),
            ("clear", list_clear),
            ("__delitem__", coll_delitem),
            ("reset_gathered", reset_gathered),
            ("item", list_item),
            ("append_object", list_append_object),
            ("cancel_add_or_edit", cancel_add_or_edit),
            ("has_been_gathered", has_been_gathered),
            ("number_gathered", number_gathered),
            ("gathered_and_complete", gathered_and_complete),
            ("as_noun", list_as_noun),
            ("as_singular_noun", list_as_singular_noun),
            ("quantity_noun", list_quantity_noun),
            ("add_action", list_add_action),
        ],
    );
    set(
        m,
        "DADict",
        &[("clear", list_clear), ("__delitem__", coll_delitem), ("reset_gathered", reset_gathered), ("new", dict_new), ("item", list_item), ("initialize_object", dict_init_object), ("has_been_gathered", has_been_gathered), ("number_gathered", number_gathered), ("gathered_and_complete", gathered_and_complete), ("add_action", list_add_action), ("initializeObject", dict_init_object), ("as_noun", list_as_noun), ("as_singular_noun", dict_as_singular_noun)],
    );
    set(m, "DASet", &[("add", set_add), ("append", set_add), ("as_singular_noun", dict_as_singular_noun)]);
    for l in ["PartyList", "ChildList"] {
        if let (Some(c), Some(ind)) = (m.get(l), m.get("Individual")) {
            let mut d = Dict::default();
            d.insert(Key::str("object_type"), Value::Class(ind.clone()));
            c.set_attr("_using", Value::dict(d));
        }
    }
    set(m, "Thing", &[("__str__", thing_str)]);
    set(
        m,
        "Individual",
        &[("__str__", thing_str), ("age_in_years", age_in_years)],
    );
    set(
        m,
        "Name",
        &[("__str__", name_full), ("full", name_full), ("firstlast", name_full), ("lastfirst", name_full), ("familiar", name_full)],
    );
    set(
        m,
        "IndividualName",
        &[("__str__", iname_full), ("full", iname_full), ("firstlast", iname_firstlast), ("lastfirst", iname_lastfirst), ("familiar", iname_familiar)],
    );
    set(
        m,
        "Address",
        &[
            ("__str__", addr_block),
            ("on_one_line", addr_one_line),
            ("block", addr_block),
            ("line_one", addr_line_one),
            ("line_two", addr_line_two),
            ("formatted_unit", addr_formatted_unit),
        ],
    );
    set(
        m,
        "DAEmpty",
        &[
            ("__getattr__", empty_getattr),
            ("__getitem__", empty_getattr),
            ("__str__", empty_str),
            ("__repr__", empty_str),
            ("__bool__", empty_false),
            ("__len__", empty_zero),
            ("__iter__", empty_list),
        ],
    );
    set(m, "DAList", &SET_METHODS);
    set(m, "DADict", &SET_METHODS);
    finance::register(m);
    catchall::register(m);
    breadcrumbs::register(m);
    grammar::register(m);
    contact::register(m);
    legal::register(m);
    copying::register(m);
    for (name, f) in USING_CLASSES.iter().zip(USING_FNS.iter()) {
        // a classmethod: `Subclass.using(…)` (a package's subclass) keeps the subclass
        if let Some(c) = m.get(name) {
            c.set_attr("using", lang::builtins::classmethod(Value::native("using", *f)));
        }
    }
}

const USING_CLASSES: [&str; 29] = [
    "DAObject",
    "DAList",
    "DADict",
    "Thing",
    "Person",
    "Individual",
    "PartyList",
    "ChildList",
    "DASet",
    "Address",
    "Name",
    "IndividualName",
    "Value",
    "PeriodicValue",
    "FinancialList",
    "PeriodicFinancialList",
    "Income",
    "Asset",
    "Expense",
    "OfficeList",
    "Organization",
    "Event",
    "City",
    "DAEmailRecipient",
    "DAEmailRecipientList",
    "DAFile",
    "DAFileCollection",
    "DAFileList",
    "DAStaticFile",
];

const USING_FNS: [NativeFn; 29] = [using::<0>, using::<1>, using::<2>, using::<3>, using::<4>, using::<5>, using::<6>, using::<7>, using::<8>, using::<9>, using::<10>, using::<11>, using::<12>, using::<13>, using::<14>, using::<15>, using::<16>, using::<17>, using::<18>, using::<19>, using::<20>, using::<21>, using::<22>, using::<23>, using::<24>, using::<25>, using::<26>, using::<27>, using::<28>];

/// Marks a group gathered, running a subclass's `hook_on_gather()` before and
/// `hook_after_gather()` after, as docassemble's `gather()` does.
pub(super) fn finish_gather(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    if let Some(hook) = vm.special_method(me, "hook_on_gather") {
        vm.call(&hook, Args::new(Vec::new()))?;
    }
    set(me, "gathered", Value::Bool(true));
    if get(me, "auto_gather").is_none_or(|g| g.truthy()) {
        set(me, "revisit", Value::Bool(true));
    }
    if let Some(hook) = vm.special_method(me, "hook_after_gather") {
        vm.call(&hook, Args::new(Vec::new()))?;
    }
    Ok(())
}

pub(crate) fn self_obj(args: &Args) -> Result<Value, Error> {
    args.positional.first().cloned().ok_or_else(|| Error::exception("TypeError", "method needs self"))
}

pub(crate) fn instance_name(v: &Value) -> String {
    match v {
        Value::Object(o) => o.borrow().instance_name.as_deref().unwrap_or("").to_string(),
        _ => String::new(),
    }
}

pub(crate) fn get(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Object(o) => o.borrow().attrs.get(name).cloned(),
        _ => None,
    }
}

pub(crate) fn set(v: &Value, name: &str, val: Value) {
    if let Value::Object(o) = v {
        o.borrow_mut().attrs.insert(Rc::from(name), val);
    }
}

pub(crate) fn del(v: &Value, name: &str) {
    if let Value::Object(o) = v {
        o.borrow_mut().attrs.shift_remove(name);
    }
}

/// An attribute or `Undefined(instance.attr)` (which makes the engine seek it).
pub(crate) fn need(vm: &mut Vm<'_>, v: &Value, name: &str) -> Result<Value, Error> {
    if let Some(x) = get(v, name) {
        return Ok(x);
    }
    let _ = vm;
    Err(Error::Undefined(format!("{}.{name}", instance_name(v))))
}

/// `Class.using(**kwargs)`: a subclass (same name) whose instances get these attributes.
fn using<const N: usize>(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let h = super::host(vm)?;
    // called on a class (`Address.using(...)`): that class; otherwise the one it was set on
    let base = match args.positional.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => h.class(USING_CLASSES[N]),
    };
    let sub = Class::new(&base.name, vec![base.clone()]);
    let mut d = Dict::default();
    if let Some(Value::Dict(prev)) = base.lookup("_using") {
        for (k, v) in prev.borrow().iter() {
            d.insert(k.clone(), v.clone());
        }
    }
    for (k, v) in args.keyword {
        d.insert(Key::str(&k), v);
    }
    sub.set_attr("_using", Value::dict(d));
    Ok(Value::Class(sub))
}

/// Applies `.using()` options of the object's class (called from `__init__`).
pub(crate) fn apply_using(me: &Value) {
    let class = match me {
        Value::Object(o) => o.borrow().class.clone(),
        _ => return,
    };
    if let Some(Value::Dict(d)) = class.lookup("_using") {
        for (k, v) in d.borrow().iter() {
            let name = k.to_value().str();
            let has = get(me, &name).is_some();
            if !has {
                set(me, &name, v.clone());
            }
        }
    }
}
