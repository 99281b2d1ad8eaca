//! The docassemble object library, first slice (tier T2): `.using()`, lazily created
//! attribute objects (`Individual.name`, `Person.address`), `Thing`, `Person`, `Individual`,
//! `Name`, `IndividualName`, `Address`, and the `DAList` gathering protocol
//! (`there_are_any`, `there_is_another`, `target_number`/`ask_number`, `object_type`,
//! `complete_attribute`, `gathered`, `auto_gather`).

use std::collections::HashMap;
use std::rc::Rc;

use lang::value::{Dict, Key};
use lang::{Args, Class, Error, NativeFn, Value, Vm};

/// Attribute objects created on first access: class → [(attribute, class of the attribute)].
fn children(class: &str) -> &'static [(&'static str, &'static str)] {
    match class {
        "Individual" => &[("name", "IndividualName"), ("address", "Address")],
        "Person" => &[("name", "Name"), ("address", "Address")],
        "Event" => &[("address", "City")],
        "Thing" => &[("name", "Name")],
        _ => &[],
    }
}

/// The names of the classes defined here, parent first.
pub(crate) const CLASSES: [(&str, &str); 15] = [
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
];

/// Adds this module's classes and methods to the engine's class table.
pub(crate) fn register(m: &mut HashMap<&'static str, Rc<Class>>) {
    for (name, base) in CLASSES.iter().chain(super::finance::CLASSES.iter()) {
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
            ("quantity_noun", list_quantity_noun),
            ("add_action", list_add_action),
        ],
    );
    set(
        m,
        "DADict",
        &[("clear", list_clear), ("__delitem__", coll_delitem), ("reset_gathered", reset_gathered), ("new", dict_new), ("item", list_item), ("initialize_object", dict_init_object), ("has_been_gathered", has_been_gathered), ("number_gathered", number_gathered), ("gathered_and_complete", gathered_and_complete), ("add_action", list_add_action), ("initializeObject", dict_init_object), ("as_noun", list_as_noun)],
    );
    set(m, "DASet", &[("add", set_add), ("append", set_add)]);
    for l in ["PartyList", "ChildList"] {
        if let (Some(c), Some(ind)) = (m.get(l), m.get("Individual")) {
            let mut d = Dict::new();
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
            ("__str__", addr_one_line),
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
    super::finance::register(m);
    super::grammar::register(m);
    super::person::register(m);
    super::copying::register(m);
    for (name, f) in USING_CLASSES.iter().zip(USING_FNS.iter()) {
        set(m, name, &[("using", *f)]);
    }
}

const USING_CLASSES: [&str; 25] = [
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
];

const USING_FNS: [NativeFn; 25] = [using::<0>, using::<1>, using::<2>, using::<3>, using::<4>, using::<5>, using::<6>, using::<7>, using::<8>, using::<9>, using::<10>, using::<11>, using::<12>, using::<13>, using::<14>, using::<15>, using::<16>, using::<17>, using::<18>, using::<19>, using::<20>, using::<21>, using::<22>, using::<23>, using::<24>];


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
    let mut d = Dict::new();
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

/// `obj.attr` when `attr` is missing: attribute objects are created, list flags trigger
/// gathering, everything else is undefined (and so sought).
fn obj_getattr(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let attr = args.positional.get(1).map(Value::str).unwrap_or_default();
    let class = match &me {
        Value::Object(o) => o.borrow().class.clone(),
        _ => return Err(Error::exception("TypeError", "not an object")),
    };
    let mut c = Some(class.clone());
    while let Some(cl) = c {
        for (a, child) in children(&cl.name) {
            if *a == attr {
                let h = super::host(vm)?;
                let obj = Value::new_object(h.class(child), Some(&format!("{}.{attr}", instance_name(&me))));
                set(&me, &attr, obj.clone());
                return Ok(obj);
            }
        }
        c = cl.bases.first().cloned();
    }
    if attr == "instanceName" {
        return Ok(Value::from_str(&instance_name(&me)));
    }
    if is_list(&me) && attr == "gathered" && get(&me, "auto_gather").is_none_or(|g| g.truthy()) {
        gather(vm, &me)?;
        return Ok(Value::Bool(true));
    }
    Err(Error::Undefined(format!("{}.{attr}", instance_name(&me))))
}

/// `str(obj)`: its `name` attribute when it has one, else its readable instance name.
fn obj_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if let Some(n) = get(&me, "name") {
        return Ok(Value::from_str(&vm.str_of(&n)?));
    }
    Ok(Value::from_str(&nice_object_name(&instance_name(&me))))
}

/// docassemble's `object_name()`: `park.front_gate` → "the front gate in the park",
/// `fruit[1]` → "the second fruit".
pub(crate) fn nice_object_name(name: &str) -> String {
    let Some(p) = crate::vars::path::parse(name) else { return name.replace('_', " ") };
    let mut words: Vec<String> = vec![p.root.replace('_', " ")];
    for seg in &p.segs {
        match seg {
            crate::vars::path::Seg::Attr(a) => words.push(a.replace('_', " ")),
            crate::vars::path::Seg::Index(t) => {
                let base = words.pop().unwrap_or_default();
                let ord = match crate::vars::path::literal(t) {
                    Some(Value::Int(i)) => super::text::ordinal_number_str(i + 1),
                    Some(v) => v.str(),
                    None => t.clone(),
                };
                words.push(format!("{ord} {base}"));
            }
        }
    }
    words.reverse();
    words.join(" in the ")
}

fn thing_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let name = attr_value(vm, &me, "name")?;
    Ok(Value::from_str(&vm.str_of(&name)?))
}

/// `me.attr` through the evaluator's rules (creates attribute objects).
pub(crate) fn attr_value(vm: &mut Vm<'_>, me: &Value, attr: &str) -> Result<Value, Error> {
    if let Some(v) = get(me, attr) {
        return Ok(v);
    }
    obj_getattr(vm, Args::new(vec![me.clone(), Value::from_str(attr)]))
}

fn name_full(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let t = need(vm, &me, "text")?;
    Ok(Value::from_str(&vm.str_of(&t)?))
}

fn opt_str(vm: &mut Vm<'_>, me: &Value, attr: &str) -> Result<String, Error> {
    match get(me, attr) {
        Some(Value::None) | None => Ok(String::new()),
        Some(v) => vm.str_of(&v),
    }
}

fn iname_full(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let middle_mode = args.take_kw("middle").map(|v| v.str()).unwrap_or_else(|| "initial".into());
    let use_suffix = args.take_kw("use_suffix").map(|v| v.truthy()).unwrap_or(true);
    let first = need(vm, &me, "first")?;
    let first = vm.str_of(&first)?;
    let mut parts = vec![first];
    let middle = opt_str(vm, &me, "middle")?;
    if !middle.is_empty() {
        if middle_mode == "initial" {
            if let Some(c) = middle.chars().next() {
                parts.push(format!("{c}."));
            }
        } else if middle_mode == "full" {
            parts.push(middle);
        }
    }
    let last = opt_str(vm, &me, "last")?;
    if !last.is_empty() {
        parts.push(last);
    }
    let mut out = parts.join(" ");
    let suffix = opt_str(vm, &me, "suffix")?;
    if use_suffix && !suffix.is_empty() {
        out = format!("{out} {suffix}");
    }
    Ok(Value::from_str(&out))
}

fn iname_firstlast(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let first = need(vm, &me, "first")?;
    let first = vm.str_of(&first)?;
    let last = opt_str(vm, &me, "last")?;
    Ok(Value::from_str(format!("{first} {last}").trim()))
}

fn iname_lastfirst(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let first = need(vm, &me, "first")?;
    let first = vm.str_of(&first)?;
    let last = opt_str(vm, &me, "last")?;
    Ok(Value::from_str(&if last.is_empty() { first } else { format!("{last}, {first}") }))
}

fn iname_familiar(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let first = need(vm, &me, "first")?;
    Ok(Value::from_str(&vm.str_of(&first)?))
}

/// An optional attribute as text ("" when missing or None).
fn opt_attr(vm: &mut Vm<'_>, me: &Value, attr: &str) -> Result<String, Error> {
    opt_str(vm, me, attr)
}

/// docassemble's `formatted_unit()`: "Unit 5", "Suite 200", "Floor 3", "Room 12".
fn formatted_unit(vm: &mut Vm<'_>, me: &Value) -> Result<String, Error> {
    let unit = opt_attr(vm, me, "unit")?;
    if !unit.is_empty() {
        let lower = unit.to_lowercase();
        let labelled = ["unit", "floor", "suite", "apt", "apartment", "room", "ste", "fl"].iter().any(|w| lower.contains(w));
        return Ok(if labelled || !unit.chars().all(|c| c.is_ascii_digit()) { unit } else { format!("Unit {unit}") });
    }
    let floor = opt_attr(vm, me, "floor")?;
    if !floor.is_empty() {
        return Ok(format!("Floor {floor}"));
    }
    let room = opt_attr(vm, me, "room")?;
    if !room.is_empty() {
        return Ok(format!("Room {room}"));
    }
    Ok(String::new())
}

/// The street line (without the unit): `address`, or `street_number street`.
fn street_line(vm: &mut Vm<'_>, me: &Value) -> Result<String, Error> {
    if get(me, "address").is_none() && get(me, "street_number").is_some() && get(me, "street").is_some() {
        let n = opt_attr(vm, me, "street_number")?;
        let st = opt_attr(vm, me, "street")?;
        return Ok(format!("{n} {st}"));
    }
    let a = need(vm, me, "address")?;
    vm.str_of(&a)
}

/// "City, ST 12345" (with the sublocality first when there is one).
fn city_line(vm: &mut Vm<'_>, me: &Value) -> Result<String, Error> {
    let city = need(vm, me, "city")?;
    let mut line = vm.str_of(&city)?;
    let state = opt_attr(vm, me, "state")?;
    if !state.is_empty() {
        line = format!("{line}, {state}");
    }
    let mut zip = opt_attr(vm, me, "zip")?;
    if zip.is_empty() {
        zip = opt_attr(vm, me, "postal_code")?;
    }
    if !zip.is_empty() {
        line = format!("{line} {zip}");
    }
    Ok(line)
}

fn city_only(me: &Value) -> bool {
    get(me, "city_only").is_some_and(|v| v.truthy()) || super::finance::is_a(me, "City")
}

/// The country's name when it is to be shown (`show_country`, or a country other than the US).
fn country_line(vm: &mut Vm<'_>, me: &Value, show: Option<bool>) -> Result<Option<String>, Error> {
    let country = opt_attr(vm, me, "country")?;
    let show = show.unwrap_or(!country.is_empty() && country != "US");
    if !show {
        return Ok(None);
    }
    let code = if country.is_empty() { "US".to_string() } else { country };
    let name = super::countries::country_name(vm, Args::new(vec![Value::from_str(&code)]))?;
    Ok(Some(name.str()))
}

fn show_country_kw(args: &mut Args) -> Option<bool> {
    match args.take_kw("show_country") {
        Some(Value::None) | None => None,
        Some(v) => Some(v.truthy()),
    }
}

fn addr_one_line(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let include_unit = args.take_kw("include_unit").is_none_or(|v| v.truthy());
    let show = show_country_kw(&mut args);
    let mut out = String::new();
    if !city_only(&me) {
        out.push_str(&street_line(vm, &me)?);
        let unit = if include_unit { formatted_unit(vm, &me)? } else { String::new() };
        if !unit.is_empty() {
            out.push_str(", ");
            out.push_str(&unit);
        }
        out.push_str(", ");
    }
    let sub = opt_attr(vm, &me, "sublocality_level_1")?;
    if !sub.is_empty() {
        out.push_str(&sub);
        out.push_str(", ");
    }
    out.push_str(&city_line(vm, &me)?);
    if let Some(c) = country_line(vm, &me, show)? {
        out.push_str(", ");
        out.push_str(&c);
    }
    Ok(Value::from_str(&out))
}

fn addr_block(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let international = args.take_kw("international").is_some_and(|v| v.truthy());
    let show = show_country_kw(&mut args);
    let mut lines = Vec::new();
    if !city_only(&me) {
        lines.push(street_line(vm, &me)?);
        let unit = formatted_unit(vm, &me)?;
        if !unit.is_empty() {
            lines.push(unit);
        }
    }
    let sub = opt_attr(vm, &me, "sublocality_level_1")?;
    if !sub.is_empty() {
        lines.push(sub);
    }
    if international {
        // the postal format: city, region and postal code in capitals, then the country
        lines.push(city_line(vm, &me)?.to_uppercase());
        if let Some(c) = country_line(vm, &me, Some(true))? {
            lines.push(c.to_uppercase());
        }
    } else {
        lines.push(city_line(vm, &me)?);
        if let Some(c) = country_line(vm, &me, show)? {
            lines.push(c);
        }
    }
    Ok(Value::from_str(&lines.join("  \n")))
}

fn addr_line_one(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if city_only(&me) {
        return Ok(Value::from_str(""));
    }
    let mut out = street_line(vm, &me)?;
    let unit = formatted_unit(vm, &me)?;
    if !unit.is_empty() {
        out = format!("{out}, {unit}");
    }
    Ok(Value::from_str(&out))
}

fn addr_line_two(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let sub = opt_attr(vm, &me, "sublocality_level_1")?;
    let line = city_line(vm, &me)?;
    Ok(Value::from_str(&if sub.is_empty() { line } else { format!("{sub}, {line}") }))
}

fn addr_formatted_unit(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(Value::from_str(&formatted_unit(vm, &me)?))
}

// ---- DAList gathering -------------------------------------------------------------------

fn is_list(v: &Value) -> bool {
    matches!(get(v, "elements"), Some(Value::List(_)) | Some(Value::Dict(_)))
}

fn is_dict(v: &Value) -> bool {
    matches!(get(v, "elements"), Some(Value::Dict(_)))
}

fn dict_values(v: &Value) -> Vec<Value> {
    match get(v, "elements") {
        Some(Value::Dict(d)) => d.borrow().values().cloned().collect(),
        _ => Vec::new(),
    }
}

fn dict_len(v: &Value) -> usize {
    match get(v, "elements") {
        Some(Value::Dict(d)) => d.borrow().len(),
        _ => 0,
    }
}

/// Adds the entry named by `new_item_name` (an object of `object_type`, or asks for the value).
fn add_dict_item(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    let key = need(vm, me, "new_item_name")?;
    let name = format!("{}[{}]", instance_name(me), key.repr());
    match get(me, "object_type") {
        Some(Value::Class(c)) => {
            let obj = vm.call(&Value::Class(c), Args::new(vec![Value::from_str(&name)]))?;
            if let Value::Object(o) = &obj {
                o.borrow_mut().instance_name = Some(Rc::from(name.as_str()));
            }
            super::finance::new_item_callback(me, &obj);
            if let Some(Value::Dict(d)) = get(me, "elements") {
                let k = vm.key_of(&key)?;
                d.borrow_mut().insert(k, obj);
            }
            del(me, "new_item_name");
            Ok(())
        }
        _ => {
            if let Some(value) = get(me, "new_item_value") {
                if let Some(Value::Dict(d)) = get(me, "elements") {
                    let k = vm.key_of(&key)?;
                    d.borrow_mut().insert(k, value);
                }
                del(me, "new_item_value");
                del(me, "new_item_name");
                return Ok(());
            }
            let present = match get(me, "elements") {
                Some(Value::Dict(d)) => {
                    let k = vm.key_of(&key)?;
                    let has = d.borrow().contains_key(&k);
                    has
                }
                _ => false,
            };
            if present {
                del(me, "new_item_name");
                Ok(())
            } else {
                Err(Error::Undefined(name))
            }
        }
    }
}

fn gather_dict(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    let ask_number = get(me, "ask_number").is_some_and(|v| v.truthy());
    let target = if ask_number {
        let t = need(vm, me, "target_number")?;
        match t {
            Value::Int(i) => usize::try_from(i).unwrap_or(0),
            other => other.str().trim().parse().unwrap_or(0),
        }
    } else {
        0
    };
    if !ask_number && dict_len(me) == 0 && get(me, "new_item_name").is_none() {
        let any = need(vm, me, "there_are_any")?;
        if !vm.truthy(&any)? {
            set(me, "gathered", Value::Bool(true));
            return Ok(());
        }
    }
    for _ in 0..10_000 {
        for item in dict_values(me) {
            ensure_complete(vm, me, &item)?;
        }
        if get(me, "new_item_name").is_some() {
            add_dict_item(vm, me)?;
            continue;
        }
        if ask_number {
            if dict_len(me) < target {
                add_dict_item(vm, me)?;
                continue;
            }
            break;
        }
        if dict_len(me) == 0 {
            add_dict_item(vm, me)?;
            continue;
        }
        let another = need(vm, me, "there_is_another")?;
        if vm.truthy(&another)? {
            // `there_is_another` stays until the new item is there (a refresh asks for it again)
            let n = i64::try_from(dict_len(me)).unwrap_or(0);
            match get(me, ANOTHER_AT) {
                Some(Value::Int(at)) if n > at => {
                    del(me, ANOTHER_AT);
                    del(me, "there_is_another");
                    continue;
                }
                Some(Value::Int(_)) => {}
                _ => set(me, ANOTHER_AT, Value::Int(n)),
            }
            add_dict_item(vm, me)?;
            continue;
        }
        break;
    }
    set(me, "gathered", Value::Bool(true));
    Ok(())
}

pub(crate) fn elements(v: &Value) -> Vec<Value> {
    match get(v, "elements") {
        Some(Value::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    }
}

/// Gathers the list unless it is gathered or `auto_gather` is off.
pub(crate) fn trigger_gather(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    if !is_list(me) {
        return Ok(());
    }
    let h = super::host(vm)?;
    if h.suppress_gather || h.gathering.contains(&instance_name(me)) {
        return Ok(());
    }
    if get(me, "gathered").is_some_and(|g| g.truthy()) {
        return Ok(());
    }
    if get(me, "auto_gather").is_some_and(|g| !g.truthy()) {
        // not gathered automatically: whoever gathers it must set `gathered`
        return Err(Error::Undefined(format!("{}.gathered", instance_name(me))));
    }
    gather(vm, me)
}

/// Gathers the rows of a `table:` (unless `auto_gather` is off or it is gathered).
pub(crate) fn gather_for_table(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    if !is_list(me) || super::host(vm)?.suppress_gather {
        return Ok(());
    }
    if get(me, "gathered").is_some_and(|g| g.truthy()) || get(me, "auto_gather").is_some_and(|g| !g.truthy()) {
        return Ok(());
    }
    gather(vm, me)
}

/// Makes sure an item is complete: its `complete_attribute`(s), or its text for objects.
fn ensure_complete(vm: &mut Vm<'_>, me: &Value, item: &Value) -> Result<(), Error> {
    match get(me, "complete_attribute") {
        Some(Value::None) | None => {
            if let Value::Object(_) = item {
                vm.str_of(item)?;
            }
        }
        Some(Value::List(attrs)) => {
            let attrs = attrs.borrow().clone();
            for a in attrs {
                attr_path(vm, item, &a.str())?;
            }
        }
        Some(a) => {
            attr_path(vm, item, &a.str())?;
        }
    }
    Ok(())
}

/// Reads `item.a.b` (raising `Undefined` with the full name when missing).
fn attr_path(vm: &mut Vm<'_>, item: &Value, path: &str) -> Result<Value, Error> {
    let mut cur = item.clone();
    for part in path.split('.') {
        cur = match &cur {
            Value::Object(_) => attr_value(vm, &cur, part)?,
            _ => return Err(Error::exception("AttributeError", format!("no attribute {part}"))),
        };
    }
    Ok(cur)
}

/// The number of items when `there_is_another` was answered yes (untyped lists).
const ANOTHER_AT: &str = "_da_another_at";

fn add_item(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    let n = elements(me).len();
    let name = format!("{}[{n}]", instance_name(me));
    match get(me, "object_type") {
        Some(Value::Class(c)) => {
            let obj = vm.call(&Value::Class(c), Args::new(vec![Value::from_str(&name)]))?;
            if let Value::Object(o) = &obj {
                o.borrow_mut().instance_name = Some(Rc::from(name.as_str()));
            }
            if let Some(Value::List(l)) = get(me, "elements") {
                l.borrow_mut().push(obj);
            }
            Ok(())
        }
        _ => Err(Error::Undefined(name)),
    }
}

/// Whether `v` is a `DASet` (or a subclass of it).
fn is_set(v: &Value) -> bool {
    fn class_is(c: &Class) -> bool {
        &*c.name == "DASet" || c.bases.iter().any(|b| class_is(b))
    }
    match v {
        Value::Object(o) => class_is(&o.borrow().class),
        _ => false,
    }
}

/// Adds `item` to a set's elements unless present (strings kept in sorted order).
fn set_insert(vm: &mut Vm<'_>, me: &Value, item: Value) -> Result<(), Error> {
    let Some(Value::List(l)) = get(me, "elements") else { return Ok(()) };
    let items = l.borrow().clone();
    for x in &items {
        if vm.eq(x, &item)? {
            return Ok(());
        }
    }
    let pos = match &item {
        Value::Str(s) => items.iter().position(|x| matches!(x, Value::Str(t) if t > s)).unwrap_or(items.len()),
        // objects in the order of their text (docassemble compares objects by str())
        Value::Object(_) => match vm.str_of(&item) {
            Ok(me_s) => {
                let mut at = items.len();
                for (n, x) in items.iter().enumerate() {
                    if matches!(x, Value::Object(_)) && vm.str_of(x).is_ok_and(|t| t > me_s) {
                        at = n;
                        break;
                    }
                }
                at
            }
            Err(_) => items.len(),
        },
        _ => items.len(),
    };
    l.borrow_mut().insert(pos, item);
    Ok(())
}

/// The items of a list/set (a dictionary's values) for the set operations.
fn set_items(vm: &mut Vm<'_>, v: &Value) -> Result<Vec<Value>, Error> {
    if is_list(v) {
        trigger_gather(vm, v)?;
        return Ok(if is_dict(v) { dict_values(v) } else { elements(v) });
    }
    vm.iterate(v)
}

fn contains_eq(vm: &mut Vm<'_>, items: &[Value], x: &Value) -> Result<bool, Error> {
    for y in items {
        if vm.eq(x, y)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A gathered `DASet` of these items.
fn new_set(vm: &mut Vm<'_>, items: Vec<Value>) -> Result<Value, Error> {
    let h = super::host(vm)?;
    let obj = Value::new_object(h.class("DASet"), None);
    set(&obj, "elements", Value::list(items));
    set(&obj, "gathered", Value::Bool(true));
    set(&obj, "auto_gather", Value::Bool(false));
    Ok(obj)
}

fn set_op(vm: &mut Vm<'_>, args: &Args) -> Result<(Vec<Value>, Vec<Value>), Error> {
    let me = self_obj(args)?;
    let mine = set_items(vm, &me)?;
    let other = match args.positional.get(1) {
        Some(o) => set_items(vm, o)?,
        None => Vec::new(),
    };
    Ok((mine, other))
}

fn set_union(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (mine, other) = set_op(vm, &args)?;
    let s = new_set(vm, Vec::new())?;
    for x in mine.into_iter().chain(other) {
        set_insert(vm, &s, x)?;
    }
    Ok(s)
}

fn set_intersection(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (mine, other) = set_op(vm, &args)?;
    let mut out = Vec::new();
    for x in mine {
        if contains_eq(vm, &other, &x)? {
            out.push(x);
        }
    }
    new_set(vm, out)
}

fn set_difference(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (mine, other) = set_op(vm, &args)?;
    let mut out = Vec::new();
    for x in mine {
        if !contains_eq(vm, &other, &x)? {
            out.push(x);
        }
    }
    new_set(vm, out)
}

fn set_isdisjoint(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (mine, other) = set_op(vm, &args)?;
    for x in &mine {
        if contains_eq(vm, &other, x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_issubset(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (mine, other) = set_op(vm, &args)?;
    for x in &mine {
        if !contains_eq(vm, &other, x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_issuperset(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let (mine, other) = set_op(vm, &args)?;
    for x in &other {
        if !contains_eq(vm, &mine, x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

const SET_METHODS: [(&str, NativeFn); 6] = [
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("isdisjoint", set_isdisjoint),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
];

fn set_add(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    for item in args.positional.iter().skip(1) {
        set_insert(vm, &me, item.clone())?;
    }
    Ok(Value::None)
}

/// docassemble's `DASet.gather()`: items arrive through `new_item`.
fn gather_set(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    let ask_number = get(me, "ask_number").is_some_and(|v| v.truthy());
    let target = if ask_number {
        match need(vm, me, "target_number")? {
            Value::Int(i) => usize::try_from(i).unwrap_or(0),
            other => other.str().trim().parse().unwrap_or(0),
        }
    } else {
        0
    };
    if !ask_number && elements(me).is_empty() && get(me, "new_item").is_none() {
        let any = need(vm, me, "there_are_any")?;
        if !vm.truthy(&any)? {
            set(me, "gathered", Value::Bool(true));
            return Ok(());
        }
    }
    for _ in 0..10_000 {
        if let Some(item) = get(me, "new_item") {
            set_insert(vm, me, item)?;
            del(me, "new_item");
            if get(me, ANOTHER_AT).is_some() {
                del(me, ANOTHER_AT);
                del(me, "there_is_another");
            }
            continue;
        }
        let more = if ask_number {
            elements(me).len() < target
        } else if elements(me).is_empty() {
            true
        } else {
            let another = need(vm, me, "there_is_another")?;
            let t = vm.truthy(&another)?;
            if t {
                // kept until the new item is given (a refresh asks for it again)
                set(me, ANOTHER_AT, Value::Int(i64::try_from(elements(me).len()).unwrap_or(0)));
            }
            t
        };
        if !more {
            break;
        }
        need(vm, me, "new_item")?;
    }
    set(me, "gathered", Value::Bool(true));
    Ok(())
}

/// docassemble's `DAList.gather()`.
pub(crate) fn gather(vm: &mut Vm<'_>, me: &Value) -> Result<(), Error> {
    gather_with(vm, me, None)
}

/// `gather(minimum=n)`: at least `minimum` items before asking whether there are more.
fn gather_with(vm: &mut Vm<'_>, me: &Value, minimum: Option<usize>) -> Result<(), Error> {
    if get(me, "gathered").is_some_and(|g| g.truthy()) {
        return Ok(());
    }
    let name = instance_name(me);
    super::host(vm)?.gathering.insert(name.clone());
    gather_inner(vm, me, minimum)?;
    super::host(vm)?.gathering.remove(&name);
    Ok(())
}

fn gather_inner(vm: &mut Vm<'_>, me: &Value, minimum: Option<usize>) -> Result<(), Error> {
    if is_dict(me) {
        return gather_dict(vm, me);
    }
    if is_set(me) {
        return gather_set(vm, me);
    }
    let minimum = match (minimum, get(me, "minimum_number")) {
        (Some(m), _) => m,
        (None, Some(Value::Int(i))) => usize::try_from(i).unwrap_or(0),
        _ => 0,
    };
    let ask_number = get(me, "ask_number").is_some_and(|v| v.truthy());
    if ask_number {
        let target = need(vm, me, "target_number")?;
        let target = match target {
            Value::Int(i) => i,
            #[allow(clippy::cast_possible_truncation)]
            Value::Float(f) => f as i64,
            other => other.str().trim().parse().unwrap_or(0),
        };
        for _ in 0..10_000 {
            for item in elements(me) {
                ensure_complete(vm, me, &item)?;
            }
            if i64::try_from(elements(me).len()).unwrap_or(0) < target {
                add_item(vm, me)?;
                continue;
            }
            break;
        }
    } else {
        if elements(me).is_empty() && minimum == 0 {
            let any = need(vm, me, "there_are_any")?;
            if !vm.truthy(&any)? {
                set(me, "gathered", Value::Bool(true));
                return Ok(());
            }
        }
        for _ in 0..10_000 {
            for item in elements(me) {
                ensure_complete(vm, me, &item)?;
            }
            if elements(me).is_empty() || elements(me).len() < minimum {
                add_item(vm, me)?;
                continue;
            }
            let another = need(vm, me, "there_is_another")?;
            if vm.truthy(&another)? {
                if matches!(get(me, "object_type"), Some(Value::Class(_))) {
                    del(me, "there_is_another");
                    add_item(vm, me)?;
                    continue;
                }
                // an item asked by a question: `there_is_another` stays until it is there
                // (so the same question comes back if the screen is shown again)
                let n = i64::try_from(elements(me).len()).unwrap_or(0);
                match get(me, ANOTHER_AT) {
                    Some(Value::Int(at)) if n > at => {
                        del(me, ANOTHER_AT);
                        del(me, "there_is_another");
                        continue;
                    }
                    Some(Value::Int(_)) => {}
                    _ => set(me, ANOTHER_AT, Value::Int(n)),
                }
                add_item(vm, me)?;
                continue;
            }
            break;
        }
    }
    if get(me, "auto_gather").is_none_or(|g| g.truthy()) {
        set(me, "revisit", Value::Bool(true));
    }
    set(me, "gathered", Value::Bool(true));
    Ok(())
}

fn list_gather(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    // `gather(number=n)`: gather exactly n items
    let number = args.keyword.iter().find(|(k, _)| &**k == "number").map(|(_, v)| v.clone());
    if let Some(n) = number {
        set(&me, "target_number", n);
        set(&me, "ask_number", Value::Bool(true));
    }
    let minimum = match args.keyword.iter().find(|(k, _)| &**k == "minimum").map(|(_, v)| v.clone()) {
        Some(Value::Int(i)) => usize::try_from(i).ok(),
        _ => None,
    };
    gather_with(vm, &me, minimum)?;
    Ok(Value::Bool(true))
}

/// Renames an object and the objects inside it (`name.attr`, `name[0]`, `name['k']`).
pub(crate) fn rename_tree(v: &Value, name: &str) {
    super::copying::rename(v, name, 0);
}

/// Appends a new object of the list's `object_type` (named after its index).
pub(crate) fn append_object(vm: &mut Vm<'_>, me: &Value) -> Result<Value, Error> {
    list_append_object(vm, Args::new(vec![me.clone()]))
}

fn list_append_object(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let n = elements(&me).len();
    let name = format!("{}[{n}]", instance_name(&me));
    let class = match args.positional.get(1).cloned().or_else(|| get(&me, "object_type")) {
        Some(Value::Class(c)) => c,
        _ => super::host(vm)?.class("DAObject"),
    };
    let kw = std::mem::take(&mut args.keyword);
    let obj = vm.call(&Value::Class(class), Args { positional: vec![Value::from_str(&name)], keyword: kw })?;
    if let Value::Object(o) = &obj {
        o.borrow_mut().instance_name = Some(Rc::from(name.as_str()));
    }
    if let Some(Value::List(l)) = get(&me, "elements") {
        l.borrow_mut().push(obj.clone());
    }
    Ok(obj)
}

/// `cancel_add_or_edit()`: drops an item being added (the last one, when it is not complete)
/// and the gathering flags of an add. (Dropping the pending add/edit actions of this list
/// from the event stack is the engine's part.)
fn cancel_add_or_edit(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let items = elements(&me);
    if let Some(last) = items.last() {
        let complete = match ensure_complete(vm, &me, last) {
            Ok(()) => true,
            Err(Error::Undefined(_)) => false,
            Err(e) => return Err(e),
        };
        if !complete {
            if let Some(Value::List(l)) = get(&me, "elements") {
                l.borrow_mut().pop();
            }
            if count(&me) == 0 {
                set(&me, "there_are_any", Value::Bool(false));
            }
        }
    }
    for a in ["doing_gathered_and_complete", "_necessary_length", "there_is_one_other", ANOTHER_AT] {
        del(&me, a);
    }
    Ok(Value::None)
}

fn list_complete_elements(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let mut out = Vec::new();
    for item in elements(&me) {
        match ensure_complete(vm, &me, &item) {
            Ok(()) => out.push(item),
            Err(Error::Undefined(_)) => {}
            Err(e) => return Err(e),
        }
    }
    let h = super::host(vm)?;
    Ok(super::classes::make_dalist(h, "", out))
}

fn init_attribute(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let attr = args.positional.get(1).map(Value::str).unwrap_or_default();
    if let Some(v) = get(&me, &attr) {
        return Ok(v);
    }
    let class = match args.positional.get(2) {
        Some(Value::Class(c)) => c.clone(),
        _ => super::host(vm)?.class("DAObject"),
    };
    let name = format!("{}.{attr}", instance_name(&me));
    let obj = vm.call(&Value::Class(class), Args::new(vec![Value::from_str(&name)]))?;
    if let Value::Object(o) = &obj {
        o.borrow_mut().instance_name = Some(Rc::from(name.as_str()));
    }
    set(&me, &attr, obj.clone());
    Ok(obj)
}

/// `DADict.new(*keys)`: an item of `object_type` for each key not there yet (lists flattened).
pub(crate) fn dict_new(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let mut keys = Vec::new();
    for a in args.positional.iter().skip(1) {
        match a {
            Value::List(l) => keys.extend(l.borrow().iter().cloned()),
            Value::Tuple(t) => keys.extend(t.iter().cloned()),
            // a DAList / DASet / DADict of keys (`new(choices.true_values())`)
            Value::Object(_) if is_list(a) => keys.extend(vm.iterate(a)?),
            Value::Set(_) => keys.extend(vm.iterate(a)?),
            other => keys.push(other.clone()),
        }
    }
    let class = get(&me, "object_type").unwrap_or(Value::None);
    for key in keys {
        let present = match get(&me, "elements") {
            Some(Value::Dict(d)) => {
                let k = vm.key_of(&key)?;
                let has = d.borrow().contains_key(&k);
                has
            }
            _ => true,
        };
        if !present {
            dict_init_object(vm, Args::new(vec![me.clone(), key, class.clone()]))?;
        }
    }
    Ok(Value::None)
}

pub(crate) fn dict_init_object(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    let class = match args.positional.get(2).cloned().or_else(|| get(&me, "object_type")) {
        Some(Value::Class(c)) => c,
        _ => super::host(vm)?.class("DAObject"),
    };
    let name = format!("{}[{}]", instance_name(&me), key.repr());
    let obj = vm.call(&Value::Class(class), Args::new(vec![Value::from_str(&name)]))?;
    if let Value::Object(o) = &obj {
        o.borrow_mut().instance_name = Some(Rc::from(name.as_str()));
    }
    if let Some(Value::Dict(d)) = get(&me, "elements") {
        let k = vm.key_of(&key)?;
        d.borrow_mut().insert(k, obj.clone());
    }
    Ok(obj)
}

fn list_extend(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let items = match args.positional.get(1) {
        Some(v) => vm.iterate(v)?,
        None => Vec::new(),
    };
    if let Some(Value::List(l)) = get(&me, "elements") {
        l.borrow_mut().extend(items);
    }
    Ok(Value::None)
}

fn list_clear(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    match get(&me, "elements") {
        Some(Value::List(l)) => l.borrow_mut().clear(),
        Some(Value::Dict(d)) => d.borrow_mut().clear(),
        _ => {}
    }
    Ok(Value::None)
}

/// `del coll[key]` on a DAList/DADict (a list re-indexes its items' names).
fn coll_delitem(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    match get(&me, "elements") {
        Some(Value::List(l)) => {
            let len = l.borrow().len();
            let idx = match key {
                Value::Int(i) if i < 0 => usize::try_from(i + i64::try_from(len).unwrap_or(0)).ok(),
                Value::Int(i) => usize::try_from(i).ok(),
                _ => None,
            };
            match idx {
                Some(i) if i < len => {
                    l.borrow_mut().remove(i);
                }
                _ => return Err(Error::exception("IndexError", "list assignment index out of range")),
            }
            let base = instance_name(&me);
            for (n, item) in l.borrow().iter().enumerate() {
                if let Value::Object(o) = item {
                    let mut b = o.borrow_mut();
                    let old = b.instance_name.as_deref().unwrap_or("").to_string();
                    if old.starts_with(&format!("{base}[")) {
                        b.instance_name = Some(Rc::from(format!("{base}[{n}]").as_str()));
                    }
                }
            }
        }
        Some(Value::Dict(d)) => {
            let k = vm.key_of(&key)?;
            if d.borrow_mut().shift_remove(&k).is_none() {
                // an item not there yet is sought (docassemble asks for it, then removes it)
                return Err(Error::Undefined(format!("{}[{}]", instance_name(&me), key.repr())));
            }
        }
        _ => {}
    }
    Ok(Value::None)
}

/// `reset_gathered(recursive=False, only_if_empty=False, mark_incomplete=False)`: the list is
/// to be gathered again (asking whether there are more); `mark_incomplete` forgets each
/// item's `complete_attribute` so that the items are completed again.
fn reset_gathered(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let recursive = args.take_kw("recursive").is_some_and(|v| v.truthy());
    let only_if_empty = args.take_kw("only_if_empty").is_some_and(|v| v.truthy());
    let mark_incomplete = args.take_kw("mark_incomplete").is_some_and(|v| v.truthy());
    reset_one(&me, only_if_empty, mark_incomplete);
    if recursive {
        reset_nested(&me, 0);
    }
    Ok(Value::None)
}

/// `reset_gathered(recursive=True)`: the lists inside the items too.
fn reset_nested(me: &Value, depth: u32) {
    if depth > 50 {
        return;
    }
    let items = if is_dict(me) { dict_values(me) } else { elements(me) };
    for item in items {
        if is_list(&item) {
            reset_one(&item, false, false);
            reset_nested(&item, depth + 1);
        }
    }
}

fn reset_one(me: &Value, only_if_empty: bool, mark_incomplete: bool) {
    if only_if_empty && count(me) > 0 {
        return;
    }
    if count(me) == 0 {
        del(me, "there_are_any");
    }
    for a in ["there_is_another", "there_is_one_other", "gathered", "revisit", "new_object_type", ANOTHER_AT] {
        del(me, a);
    }
    if mark_incomplete {
        if let Some(Value::Str(attr)) = get(me, "complete_attribute") {
            let items = if is_dict(me) { dict_values(me) } else { elements(me) };
            for item in items {
                del(&item, &attr);
            }
        }
    }
}

/// `coll.item(i)`: the item, or a `DAEmpty` (blank text, any attribute blank) when there is none.
fn list_item(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    let key = args.positional.get(1).cloned().unwrap_or(Value::None);
    let found = match get(&me, "elements") {
        Some(Value::List(l)) => match key {
            Value::Int(i) if i >= 0 => usize::try_from(i).ok().and_then(|i| l.borrow().get(i).cloned()),
            _ => None,
        },
        Some(Value::Dict(d)) => {
            let k = vm.key_of(&key)?;
            let v = d.borrow().get(&k).cloned();
            v
        }
        _ => None,
    };
    match found {
        Some(v) => Ok(v),
        None => Ok(Value::new_object(super::host(vm)?.class("DAEmpty"), None)),
    }
}

fn empty_getattr(vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::new_object(super::host(vm)?.class("DAEmpty"), None))
}

fn empty_false(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::Bool(false))
}

fn empty_zero(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::Int(0))
}

fn empty_list(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::list(Vec::new()))
}

/// `has_been_gathered()`: whether `gathered` is set (never gathers).
fn has_been_gathered(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(Value::Bool(get(&me, "gathered").is_some_and(|v| v.truthy()) || get(&me, "was_gathered").is_some_and(|v| v.truthy())))
}

/// `number_gathered()`: the items there so far (never gathers).
fn number_gathered(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if args.take_kw("if_started").is_some_and(|v| v.truthy())
        && get(&me, "gathered").is_none()
        && get(&me, "there_are_any").is_none()
        && count(&me) == 0
    {
        trigger_gather(vm, &me)?;
    }
    Ok(Value::Int(i64::try_from(count(&me)).unwrap_or(0)))
}

/// `gathered_and_complete()`: gathers the list and makes sure every item is complete.
fn gathered_and_complete(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    let items = if is_dict(&me) { dict_values(&me) } else { elements(&me) };
    for item in items {
        ensure_complete(vm, &me, &item)?;
    }
    Ok(Value::Bool(true))
}

pub(crate) fn count(v: &Value) -> usize {
    if is_dict(v) {
        dict_len(v)
    } else {
        elements(v).len()
    }
}

/// `coll.quantity_noun(noun)`: `quantity_noun(coll.number(), noun)`.
fn list_quantity_noun(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    let n = i64::try_from(count(&me)).unwrap_or(0);
    let mut rest = args;
    rest.positional.remove(0);
    rest.positional.insert(0, Value::Int(n));
    super::text::quantity_noun(vm, rest)
}

/// `coll.add_action(label=…)`: an "Add another" button (the `_da_list_add` action).
fn list_add_action(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let label = match args.take_kw("label") {
        Some(v) => vm.str_of(&v)?,
        None => {
            if count(&me) == 0 {
                "Add an item".to_string()
            } else {
                "Add another".to_string()
            }
        }
    };
    let color = match args.take_kw("color") {
        Some(v) => vm.str_of(&v)?,
        None => "success".into(),
    };
    let mut m = serde_json::Map::new();
    m.insert("list".into(), serde_json::Value::String(instance_name(&me)));
    let h = super::host(vm)?;
    let url = super::encode_action_url(&h.interview_url, "_da_list_add", &m);
    let html = format!(
        "<a href=\"{}\" class=\"btn btn-sm btn-{} btn-darevisit\"><i class=\"fas fa-plus-circle\"></i> {}</a>",
        crate::html::html_escape(&url),
        crate::html::html_escape(&color),
        crate::html::html_escape(&label)
    );
    Ok(Value::from_str(&crate::html::safe_html(&html)))
}

fn list_as_noun(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    trigger_gather(vm, &me)?;
    let noun = match args.positional.get(1) {
        Some(v) => v.str(),
        // docassemble: the last part of the instance name, `_` as spaces
        None => {
            let name = instance_name(&me);
            let last = name.rsplit('.').next().unwrap_or("").to_string();
            last.split('[').next().unwrap_or("").replace('_', " ")
        }
    };
    Ok(Value::from_str(&if count(&me) == 1 { noun } else { super::text::plural(&noun) }))
}

/// `individual.age_in_years(decimals=False, as_of=None)`: the `age` attribute when there is
/// one, else the whole years from `birthdate` to `as_of` (or now).
fn age_in_years(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    use chrono::Datelike;
    let me = self_obj(&args)?;
    let decimals = super::arg(&mut args, 1, "decimals").is_some_and(|v| v.truthy());
    let as_of = super::arg(&mut args, 2, "as_of").filter(|v| !matches!(v, Value::None));
    if let Some(age) = get(&me, "age") {
        let a = super::finance::number(vm, &age)?;
        #[allow(clippy::cast_possible_truncation)]
        return Ok(if decimals { Value::Float(a) } else { Value::Int(a.trunc() as i64) });
    }
    let b = need(vm, &me, "birthdate")?;
    let born = super::classes::datetime_of(&b).ok_or_else(|| Error::exception("TypeError", "birthdate is not a date"))?;
    let now = match as_of {
        Some(v) => match super::classes::datetime_of(&v) {
            Some(d) => d,
            None => {
                let text = vm.str_of(&v)?;
                crate::validate::parse_date(&text)
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
                    .ok_or_else(|| Error::exception("ValueError", format!("as_of is not a date: {text}")))?
            }
        },
        None => super::host(vm)?.now,
    };
    let mut years = now.year() - born.year();
    if (now.month(), now.day(), now.time()) < (born.month(), born.day(), born.time()) {
        years -= 1;
    }
    Ok(if decimals { Value::Float(f64::from(years)) } else { Value::Int(i64::from(years)) })
}

fn empty_str(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::from_str(""))
}

