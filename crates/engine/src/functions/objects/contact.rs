//! Contact methods of `Person`/`Individual`: `sms_number()`, `facsimile_number()`,
//! `email_address()`, `address_block()`, `identified()`.

use std::collections::HashMap;
use std::rc::Rc;

use lang::{Args, Class, Error, NativeFn, Value, Vm};

use super::{attr_value, get, need, self_obj, set};

/// Adds the contact methods to `Person` (and so `Individual`, `Organization`).
pub(crate) fn register(m: &HashMap<&'static str, Rc<Class>>) {
    let methods: [(&str, NativeFn); 5] = [
        ("sms_number", sms_number),
        ("facsimile_number", facsimile_number),
        ("email_address", email_address),
        ("address_block", address_block),
        ("identified", identified),
    ];
    for class in ["Person", "Individual"] {
        if let Some(c) = m.get(class) {
            for (n, f) in &methods {
                c.set_attr(n, Value::native(n, *f));
            }
        }
    }
    if let Some(c) = m.get("Individual") {
        c.set_attr("salutation", Value::native("salutation", salutation));
    }
    if let Some(c) = m.get("Name") {
        c.set_attr("defined", Value::native("defined", name_is_defined));
    }
    if let Some(c) = m.get("IndividualName") {
        c.set_attr("defined", Value::native("defined", name_is_defined));
        // the name is made of parts unless the interview says otherwise (`uses_parts = False`)
        c.set_attr("uses_parts", Value::Bool(true));
    }
    if let Some(c) = m.get("Address") {
        c.set_attr("geocode", Value::native("geocode", address_geocode));
        c.set_attr("normalize", Value::native("normalize", address_normalize));
    }
    if let Some(c) = m.get("DALink") {
        c.set_attr("__str__", Value::native("__str__", link_str));
        c.set_attr("show", Value::native("show", link_str));
    }
    if let Some(c) = m.get("DAEmailRecipient") {
        c.set_attr("__str__", Value::native("__str__", recipient_str));
        c.set_attr("email_address", Value::native("email_address", recipient_email_address));
    }
    if let (Some(l), Some(r)) = (m.get("DAEmailRecipientList"), m.get("DAEmailRecipient")) {
        let mut d = lang::value::Dict::default();
        d.insert(lang::Key::str("object_type"), Value::Class(r.clone()));
        l.set_attr("_using", Value::dict(d));
    }
}

/// `str(recipient)`: the e-mail address.
fn recipient_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let a = need(vm, &me, "address")?;
    Ok(Value::from_str(&vm.str_of(&a)?))
}

/// `recipient.email_address(include_name=None)`: `"Name" <address>` when it has a name.
fn recipient_email_address(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let include = super::arg(&mut args, 1, "include_name").unwrap_or(Value::None);
    let a = need(vm, &me, "address")?;
    let a = vm.str_of(&a)?;
    let name = match get(&me, "name") {
        Some(Value::None) | None => String::new(),
        Some(n) => vm.str_of(&n)?,
    };
    let with_name = match include {
        Value::Bool(b) => b,
        _ => !name.is_empty(),
    };
    Ok(Value::from_str(&if with_name { format!("\"{}\" <{a}>", name.replace('"', "")) } else { a }))
}

/// The country for a phone number: the argument, else `country`, else `address.country`, else US.
fn phone_country(vm: &mut Vm<'_>, args: &mut Args, me: &Value) -> Result<Value, Error> {
    if let Some(c) = super::arg(args, 1, "country").filter(|c| !matches!(c, Value::None)) {
        return Ok(c);
    }
    if let Some(c) = get(me, "country") {
        return Ok(c);
    }
    if let Some(a) = get(me, "address") {
        if let Some(c) = get(&a, "country") {
            return Ok(c);
        }
    }
    let _ = vm;
    Ok(Value::from_str("US"))
}

fn e164(vm: &mut Vm<'_>, number: Value, country: Value) -> Result<Value, Error> {
    match crate::functions::native("phone_number_in_e164") {
        Some(f) => f(vm, Args { positional: vec![number], keyword: vec![(Rc::from("country"), country)] }),
        None => Ok(number),
    }
}

/// `person.sms_number(country=None)`: `mobile_number` (or `phone_number`) in E.164 form.
fn sms_number(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let number = match get(&me, "mobile_number") {
        Some(n) if get(&me, "uses_whatsapp").is_some() => Value::from_str(&format!("whatsapp:{}", vm.str_of(&n)?)),
        Some(n) => n,
        None => need(vm, &me, "phone_number")?,
    };
    let country = phone_country(vm, &mut args, &me)?;
    e164(vm, number, country)
}

/// `person.facsimile_number(country=None)`: `fax_number` in E.164 form.
fn facsimile_number(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let number = need(vm, &me, "fax_number")?;
    let country = phone_country(vm, &mut args, &me)?;
    e164(vm, number, country)
}

/// Whether the person's name has been given (`name.first`, or `name.text`).
fn name_defined(me: &Value) -> bool {
    match get(me, "name") {
        Some(n @ Value::Object(_)) => get(&n, "first").is_some() || get(&n, "text").is_some(),
        Some(Value::None) | None => false,
        Some(_) => true,
    }
}

fn identified(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(Value::Bool(name_defined(&me)))
}

/// `person.email_address(include_name=None)`: `"Name" <email>` when the name is known.
fn email_address(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let include = super::arg(&mut args, 1, "include_name").unwrap_or(Value::None);
    let email = need(vm, &me, "email")?;
    let email = vm.str_of(&email)?;
    let with_name = match include {
        Value::Bool(true) => true,
        Value::Bool(false) => false,
        _ => name_defined(&me),
    };
    if with_name {
        let name = attr_value(vm, &me, "name")?;
        let name = vm.str_of(&name)?.replace('"', "");
        return Ok(Value::from_str(&format!("\"{name}\" <{email}>")));
    }
    Ok(Value::from_str(&email))
}

/// `person.address_block()`: the name, then the address as a block.
fn address_block(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let name = attr_value(vm, &me, "name")?;
    let name = vm.str_of(&name)?;
    let address = attr_value(vm, &me, "address")?;
    let block = match vm.special_method(&address, "block") {
        Some(f) => vm.call(&f, Args { positional: Vec::new(), keyword: args.keyword.clone() })?,
        None => Value::from_str(&vm.str_of(&address)?),
    };
    Ok(Value::from_str(&format!("{name}  \n{}", block.str())))
}

/// `name.defined()`: whether the name has been given (`first` of an individual's name,
/// `text` otherwise).
fn name_is_defined(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let individual = super::finance::is_a(&me, "IndividualName");
    let attr = if individual { "first" } else { "text" };
    Ok(Value::Bool(get(&me, attr).is_some()))
}

/// `str(link)`: a Markdown link to `url` with `anchor_text` (the URL when there is no text).
fn link_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let url = need(vm, &me, "url")?;
    let url = vm.str_of(&url)?;
    let text = match get(&me, "anchor_text") {
        Some(Value::None) | None => url.clone(),
        Some(t) => vm.str_of(&t)?,
    };
    Ok(Value::from_str(&format!("[{text}]({url})")))
}

fn truthy_attr(me: &Value, attr: &str) -> bool {
    get(me, attr).is_some_and(|v| v.truthy())
}

/// `individual.salutation(with_name=False, with_name_and_punctuation=False)`: "Mr.", "Ms.",
/// "Dr.", "Judge" (or `salutation_to_use`), optionally with the last name.
fn salutation(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let with_name = args.take_kw("with_name").is_some_and(|v| v.truthy());
    let with_punct = args.take_kw("with_name_and_punctuation").is_some_and(|v| v.truthy());
    let suffix = match get(&me, "name") {
        Some(n @ Value::Object(_)) => match get(&n, "suffix") {
            Some(Value::None) | None => String::new(),
            Some(x) => vm.str_of(&x)?,
        },
        _ => String::new(),
    };
    let mut used_gender = false;
    let salut = match get(&me, "salutation_to_use") {
        Some(v) if !matches!(v, Value::None) => vm.str_of(&v)?,
        _ if truthy_attr(&me, "is_doctor") => "Dr.".into(),
        _ if truthy_attr(&me, "is_judge") => "Judge".into(),
        _ if suffix == "MD" || suffix == "PhD" => "Dr.".into(),
        _ if suffix == "J" => "Judge".into(),
        _ => {
            used_gender = true;
            let g = need(vm, &me, "gender")?;
            if vm.str_of(&g)? == "female" { "Ms.".into() } else { "Mr.".into() }
        }
    };
    if !(with_name || with_punct) {
        return Ok(Value::from_str(&salut));
    }
    let gender = match get(&me, "gender") {
        Some(g) => vm.str_of(&g)?,
        None => String::new(),
    };
    let name = attr_value(vm, &me, "name")?;
    let with = if used_gender && gender != "male" && gender != "female" {
        vm.str_of(&name)?
    } else {
        let last = need(vm, &name, "last")?;
        format!("{salut} {}", vm.str_of(&last)?)
    };
    if with_punct {
        let punct = if truthy_attr(&me, "is_friendly") { "," } else { ":" };
        return Ok(Value::from_str(&format!("{with}{punct}")));
    }
    Ok(Value::from_str(&with))
}

/// `address.geocode()`: no geocoding service is configured, so (as docassemble does then) the
/// address is marked as tried and not found, and the answer is False.
fn address_geocode(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    for attr in ["_geocoded", "geolocated"] {
        set(&me, attr, Value::Bool(true));
    }
    for attr in ["_geocode_success", "geolocate_success"] {
        set(&me, attr, Value::Bool(false));
    }
    Ok(Value::Bool(false))
}

/// `address.normalize()`: replaces the parts by the geocoder's normalised ones when geocoding
/// succeeds; without a geocoding service it does not, and the address is left as entered.
fn address_normalize(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    address_geocode(vm, Args::new(vec![me]))
}
