//! The classes of `docassemble.base.legal`: `Case` (its court and lists of parties),
//! `Court`, `Document` and `LegalFiling`.

use std::collections::HashMap;
use std::rc::Rc;

use lang::{Args, Class, Error, NativeFn, Value, Vm};

use super::{get, need, self_obj};

/// The classes of this module with their bases.
pub(crate) const CLASSES: [(&str, &str); 4] =
    [("Court", "DAObject"), ("Case", "DAObject"), ("Document", "DAObject"), ("LegalFiling", "Document")];

/// The lists of parties a case can have (its `PartyList` attributes), in the order
/// docassemble's `Case.init` and `set_action_type` create them.
const PARTY_LISTS: [&str; 6] = ["defendant", "plaintiff", "petitioner", "respondent", "appellee", "appellant"];

/// Adds the methods of this module's classes.
pub(crate) fn register(m: &HashMap<&'static str, Rc<Class>>) {
    let set = |class: &str, methods: &[(&str, NativeFn)]| {
        if let Some(c) = m.get(class) {
            for (n, f) in methods {
                c.set_attr(n, Value::native(n, *f));
            }
        }
    };
    set(
        "Case",
        &[
            ("__str__", case_str),
            ("case_id_in_caption", case_id_in_caption),
            ("determine_court", nothing),
            ("all_known_people", all_known_people),
            ("parties", parties),
        ],
    );
    set("Court", &[("__str__", court_str), ("in_the_court", in_the_court)]);
    set("Document", &[("__str__", document_str)]);
}

/// The attribute objects `Case.init` creates: attribute → class.
pub(crate) fn children(class: &str) -> &'static [(&'static str, &'static str)] {
    match class {
        "Case" => &[("court", "Court"), ("defendant", "PartyList"), ("plaintiff", "PartyList")],
        _ => &[],
    }
}

/// The plain attributes `init` sets (read before anything sets them): `Case.firstParty` is
/// its plaintiffs, `secondParty` its defendants; `Court.jurisdiction` is empty.
pub(crate) fn initial(class: &str, attr: &str) -> Option<Initial> {
    Some(match (class, attr) {
        ("Case", "firstParty") => Initial::Alias("plaintiff"),
        ("Case", "secondParty") => Initial::Alias("defendant"),
        ("Case", "is_solo_action") => Initial::Value(Value::Bool(false)),
        ("Case", "state") => Initial::Value(Value::None),
        ("Case", "action_type") => Initial::Value(Value::from_str("plaintiff defendant")),
        ("Court", "jurisdiction") => Initial::Value(Value::list(Vec::new())),
        _ => return None,
    })
}

/// What an attribute that `init` sets starts as.
pub(crate) enum Initial {
    /// Another attribute of the object.
    Alias(&'static str),
    /// A value.
    Value(Value),
}

fn nothing(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::None)
}

fn case_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let id = need(vm, &me, "case_id")?;
    Ok(Value::from_str(&vm.str_of(&id)?))
}

fn case_id_in_caption(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(Value::from_str(&match get(&me, "case_id") {
        Some(id) => format!("Case No. {}", vm.str_of(&id)?),
        None => "Case No.".to_string(),
    }))
}

fn court_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let name = need(vm, &me, "name")?;
    Ok(Value::from_str(&vm.str_of(&name)?))
}

fn in_the_court(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let name = need(vm, &me, "name")?;
    Ok(Value::from_str(&format!("In the {}", vm.str_of(&name)?)))
}

fn document_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let title = need(vm, &me, "title")?;
    Ok(Value::from_str(&vm.str_of(&title)?))
}

/// The case's lists of parties that exist (created lazily: reading one creates it).
fn party_lists(vm: &mut Vm<'_>, me: &Value) -> Result<Vec<Value>, Error> {
    let mut out = Vec::new();
    for name in PARTY_LISTS {
        let present = get(me, name);
        let list = match present {
            Some(l) => Some(l),
            // the two lists `init` creates exist from the start
            None if name == "defendant" || name == "plaintiff" => Some(super::person::attr_value(vm, me, name)?),
            None => None,
        };
        if let Some(l) = list {
            out.push(l);
        }
    }
    Ok(out)
}

fn elements(v: &Value) -> Vec<Value> {
    match get(v, "elements") {
        Some(Value::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

/// `identified()`: the person's name is known.
fn identified(p: &Value) -> bool {
    match get(p, "name") {
        Some(n @ Value::Object(_)) => get(&n, "first").is_some() || get(&n, "text").is_some(),
        Some(Value::None) | None => false,
        Some(_) => true,
    }
}

fn add_person_and_children(p: &Value, out: &mut Vec<Value>, depth: u32) {
    if depth > 32 || out.iter().any(|o| same(o, p)) || !identified(p) {
        return;
    }
    out.push(p.clone());
    if let Some(children) = get(p, "child") {
        for c in elements(&children) {
            add_person_and_children(&c, out, depth + 1);
        }
    }
}

/// `case.all_known_people()`: the identified parties and their children, without gathering.
fn all_known_people(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let mut out = Vec::new();
    for list in party_lists(vm, &me)? {
        for p in elements(&list) {
            add_person_and_children(&p, &mut out, 0);
        }
    }
    Ok(Value::list(out))
}

/// `case.parties()`: every party (each list gathered first).
fn parties(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let mut out: Vec<Value> = Vec::new();
    for list in party_lists(vm, &me)? {
        for p in vm.iterate(&list)? {
            if !out.iter().any(|o| same(o, &p)) {
                out.push(p);
            }
        }
    }
    Ok(Value::list(out))
}
