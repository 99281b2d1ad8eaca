//! Language functions: numbers and nouns in words, lists, capitalisation, currency.

use lang::{Args, Error, NativeFn, Value, Vm};

use super::arg;

/// The natives of this module by name (the language functions of the library).
pub(crate) const NATIVES: &[(&str, NativeFn)] = &[
    ("phone_number_is_valid", super::phone::phone_number_is_valid),
    ("phone_number_in_e164", super::phone::phone_number_in_e164),
    ("phone_number_formatted", super::phone::phone_number_formatted),
    ("currency", currency),
    ("ordinal", ordinal),
    ("ordinal_number", ordinal_number),
    ("capitalize", capitalize),
    ("title_case", title_case),
    ("comma_and_list", comma_and_list),
    ("comma_list", comma_list),
    ("noun_plural", noun_plural),
    ("noun_singular", noun_singular),
    ("nice_number", nice_number),
    ("quantity_noun", quantity_noun),
    ("indefinite_article", indefinite_article),
    ("a_an", indefinite_article),
    ("space_to_underscore", space_to_underscore),
    ("single_paragraph", single_paragraph),
    ("quote_paragraphs", quote_paragraphs),
    ("indent", indent),
    ("fix_punctuation", fix_punctuation),
    ("word", word),
    ("yesno", yesno),
    ("noun_plural_if", noun_plural),
    ("add_separators", add_separators),
    ("verb_past", verb_past),
    ("verb_present", verb_present),
    ("possessify", possessify),
    ("plain", word),
    ("bold", bold),
    ("italic", italic),
    ("alpha", alpha),
    ("roman", roman),
];

fn s_arg(vm: &mut Vm<'_>, args: &mut Args, i: usize, name: &str) -> Result<String, Error> {
    match arg(args, i, name) {
        Some(v) => vm.str_of(&v),
        None => Ok(String::new()),
    }
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Str(s) => crate::validate::parse_float(s),
        _ => None,
    }
}

/// `1234567.891` → `1,234,567.89` with `decimals` digits.
pub(crate) fn group_thousands(f: f64, decimals: usize) -> String {
    let neg = f < 0.0;
    let s = format!("{:.*}", decimals, f.abs());
    let (int_part, frac) = match s.split_once('.') {
        Some((a, b)) => (a.to_string(), Some(b.to_string())),
        None => (s.clone(), None),
    };
    let mut out = String::new();
    let bytes: Vec<char> = int_part.chars().collect();
    for (i, c) in bytes.iter().enumerate() {
        if i > 0 && (bytes.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(*c);
    }
    if let Some(fr) = frac {
        out.push('.');
        out.push_str(&fr);
    }
    if neg {
        format!("-{out}")
    } else {
        out
    }
}

fn currency(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let v = arg(&mut args, 0, "value").unwrap_or(Value::None);
    let decimals = arg(&mut args, 1, "decimals").map(|d| d.truthy()).unwrap_or(true);
    let symbol = match args.take_kw("symbol") {
        Some(s) => vm.str_of(&s)?,
        None => "$".to_string(),
    };
    let f = match &v {
        // objects with a number in them (`Value`, `PeriodicValue`, anything with `__float__`)
        Value::Object(_) => Some(super::objects::finance::number(vm, &v)?),
        _ => num(&v),
    };
    let Some(f) = f else { return Ok(Value::from_str("")) };
    let body = group_thousands(f.abs(), if decimals { 2 } else { 0 });
    Ok(Value::from_str(&if f < 0.0 { format!("-{symbol}{body}") } else { format!("{symbol}{body}") }))
}

const ORDINALS: [&str; 10] = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/// 1 → "first", 11 → "11th".
pub(crate) fn ordinal_number_str(n: i64) -> String {
    if (1..=10).contains(&n) {
        return ORDINALS[usize::try_from(n - 1).unwrap_or(0)].to_string();
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn int_of(v: &Value) -> Result<i64, Error> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        #[allow(clippy::cast_possible_truncation)]
        Value::Float(f) => Ok(*f as i64),
        Value::Str(s) => s.trim().parse().map_err(|_| Error::exception("ValueError", format!("invalid literal for int() with base 10: '{s}'"))),
        _ => Err(Error::exception("TypeError", "an integer is required")),
    }
}

fn ordinal(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let v = arg(&mut args, 0, "j").ok_or_else(|| super::missing("ordinal", "j"))?;
    let cap = args.take_kw("capitalize").is_some_and(|c| c.truthy());
    let s = ordinal_number_str(int_of(&v)? + 1);
    Ok(Value::from_str(&if cap { capitalize_str(&s) } else { s }))
}

fn ordinal_number(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let v = arg(&mut args, 0, "i").ok_or_else(|| super::missing("ordinal_number", "i"))?;
    Ok(Value::from_str(&ordinal_number_str(int_of(&v)?)))
}

/// First letter upper-cased.
pub(crate) fn capitalize_str(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn capitalize(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let s = s_arg(vm, &mut args, 0, "a")?;
    Ok(Value::from_str(&capitalize_str(&s)))
}

fn title_case(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let s = s_arg(vm, &mut args, 0, "text")?;
    const SMALL: [&str; 16] = ["a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "v", "via"];
    let words: Vec<&str> = s.split(' ').collect();
    let n = words.len();
    let out: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && i + 1 < n && SMALL.contains(&w.to_lowercase().as_str()) {
                w.to_lowercase()
            } else if w.chars().skip(1).any(char::is_uppercase) {
                (*w).to_string()
            } else {
                capitalize_str(w)
            }
        })
        .collect();
    Ok(Value::from_str(&out.join(" ")))
}

/// "a, b, and c" / "a and b".
pub(crate) fn comma_and_list_str(items: &[String], and: &str, oxford: bool) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        2 => format!("{} {and} {}", items[0], items[1]),
        n => {
            let head = items[..n - 1].join(", ");
            if oxford {
                format!("{head}, {and} {}", items[n - 1])
            } else {
                format!("{head} {and} {}", items[n - 1])
            }
        }
    }
}

fn list_items(vm: &mut Vm<'_>, args: &Args) -> Result<Vec<String>, Error> {
    let mut items = Vec::new();
    for v in &args.positional {
        match v {
            Value::List(_) | Value::Tuple(_) | Value::Set(_) | Value::Dict(_) | Value::Object(_)
                if !matches!(v, Value::Object(o) if o.borrow().attrs.get("elements").is_none()) =>
            {
                for it in vm.iterate(v)? {
                    items.push(vm.str_of(&it)?);
                }
            }
            other => items.push(vm.str_of(other)?),
        }
    }
    Ok(items)
}

fn comma_and_list(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let and = match args.take_kw("and_string") {
        Some(v) => vm.str_of(&v)?,
        None => "and".to_string(),
    };
    let oxford = args.take_kw("oxford").map(|v| v.truthy()).unwrap_or(true);
    let items = list_items(vm, &args)?;
    Ok(Value::from_str(&comma_and_list_str(&items, &and, oxford)))
}

fn comma_list(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let comma = match args.take_kw("comma_string") {
        Some(v) => vm.str_of(&v)?,
        None => ", ".to_string(),
    };
    let items = list_items(vm, &args)?;
    Ok(Value::from_str(&items.join(&comma)))
}

const IRREGULAR: [(&str, &str); 14] = [
    ("child", "children"),
    ("person", "people"),
    ("man", "men"),
    ("woman", "women"),
    ("mouse", "mice"),
    ("goose", "geese"),
    ("foot", "feet"),
    ("tooth", "teeth"),
    ("ox", "oxen"),
    ("fish", "fish"),
    ("sheep", "sheep"),
    ("deer", "deer"),
    ("series", "series"),
    ("species", "species"),
];

/// English plural of a word (or of the last word of a phrase).
pub(crate) fn plural(word: &str) -> String {
    if word.is_empty() {
        return String::new();
    }
    let (head, last) = match word.rfind(' ') {
        Some(i) => (&word[..=i], &word[i + 1..]),
        None => ("", word),
    };
    let lower = last.to_lowercase();
    for (s, p) in IRREGULAR {
        if lower == s {
            let mut out = p.to_string();
            if last.chars().next().is_some_and(char::is_uppercase) {
                out = capitalize_str(&out);
            }
            return format!("{head}{out}");
        }
        if lower == p {
            return word.to_string();
        }
    }
    let pl = if lower.ends_with("ss") || lower.ends_with('x') || lower.ends_with('z') || lower.ends_with("ch") || lower.ends_with("sh") || (lower.ends_with('s') && !lower.ends_with("ss")) && lower.len() < 4 {
        format!("{last}es")
    } else if lower.ends_with('s') {
        last.to_string()
    } else if lower.ends_with('y') && !lower.ends_with("ay") && !lower.ends_with("ey") && !lower.ends_with("oy") && !lower.ends_with("uy") {
        format!("{}ies", &last[..last.len() - 1])
    } else if lower.ends_with("fe") {
        format!("{}ves", &last[..last.len() - 2])
    } else if lower.ends_with("lf") || lower.ends_with("af") {
        format!("{}ves", &last[..last.len() - 1])
    } else if lower.ends_with("o") && ["potato", "tomato", "hero", "echo", "veto"].contains(&lower.as_str()) {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    format!("{head}{pl}")
}

/// "like" → "likes", "have" → "has", "do" → "does".
pub(crate) fn verb_third_person(verb: &str) -> String {
    match verb {
        "have" => "has".into(),
        "be" => "is".into(),
        "do" => "does".into(),
        "go" => "goes".into(),
        v if v.ends_with('s') || v.ends_with("sh") || v.ends_with("ch") || v.ends_with('x') => format!("{v}es"),
        v if v.ends_with('y') && !v.ends_with("ay") && !v.ends_with("ey") && !v.ends_with("oy") => {
            format!("{}ies", &v[..v.len() - 1])
        }
        v => format!("{v}s"),
    }
}

/// English singular of a word.
pub(crate) fn singular(word: &str) -> String {
    let lower = word.to_lowercase();
    for (s, p) in IRREGULAR {
        if lower == p {
            return s.to_string();
        }
    }
    if lower.ends_with("ies") && word.len() > 3 {
        return format!("{}y", &word[..word.len() - 3]);
    }
    if (lower.ends_with("ches") || lower.ends_with("shes") || lower.ends_with("xes") || lower.ends_with("sses")) && word.len() > 2 {
        return word[..word.len() - 2].to_string();
    }
    if lower.ends_with('s') && !lower.ends_with("ss") && word.len() > 1 {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

fn count_of(vm: &mut Vm<'_>, v: &Value) -> Result<Option<f64>, Error> {
    if let Some(n) = num(v) {
        return Ok(Some(n));
    }
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) | Value::Object(_) => {
            Ok(Some(vm.iterate(v)?.len() as f64))
        }
        _ => Ok(None),
    }
}

fn noun_plural(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let w = s_arg(vm, &mut args, 0, "noun")?;
    if let Some(c) = arg(&mut args, 1, "count") {
        if count_of(vm, &c)? == Some(1.0) {
            return Ok(Value::from_str(&w));
        }
    }
    Ok(Value::from_str(&plural(&singular_if_plural(&w))))
}

fn singular_if_plural(w: &str) -> String {
    w.to_string()
}

fn noun_singular(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let w = s_arg(vm, &mut args, 0, "noun")?;
    if let Some(c) = arg(&mut args, 1, "count") {
        if count_of(vm, &c)? != Some(1.0) {
            return Ok(Value::from_str(&w));
        }
    }
    Ok(Value::from_str(&singular(&w)))
}

/// docassemble's person codes (`1sg`, `2sg`, `3sg`, `1pl`, `2pl`, `3pl`, `pl`; a trailing
/// `p` means past) as the grammar module's persons (`1`, `2`, `3`, `1p`, `2p`, `3p`).
fn person_code(code: &str) -> &'static str {
    let plural = code.contains("pl");
    match (code.chars().next(), plural) {
        (Some('1'), false) => "1",
        (Some('1'), true) => "1p",
        (Some('2'), false) => "2",
        (Some('2'), true) => "2p",
        (_, true) => "3p",
        _ => "3",
    }
}

/// `verb_present(verb, person='3sg')`: "is", "has", "eats".
fn verb_present(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let verb = s_arg(vm, &mut args, 0, "verb")?;
    let person = s_arg(vm, &mut args, 1, "person")?;
    let person = if person.is_empty() { "3" } else { person_code(&person) };
    Ok(Value::from_str(&super::objects::grammar::verb_present(&verb, person)))
}

/// `verb_past(verb, person='3sgp')`: "was", "had", "ate".
fn verb_past(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let verb = s_arg(vm, &mut args, 0, "verb")?;
    let person = s_arg(vm, &mut args, 1, "person")?;
    let person = if person.is_empty() { "3" } else { person_code(&person) };
    Ok(Value::from_str(&super::objects::grammar::verb_past(&verb, person)))
}

/// `possessify(a, b)`: "a's b".
fn possessify(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let a = s_arg(vm, &mut args, 0, "a")?;
    let b = s_arg(vm, &mut args, 1, "b")?;
    Ok(Value::from_str(&super::objects::grammar::possessify(&a, &b)))
}

const WORDS: [&str; 11] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/// `nice_number` of a value.
pub(crate) fn nice_number_value(v: &Value, cap: bool) -> Result<Value, Error> {
    let out = match v {
        Value::Int(i) if (0..=10).contains(i) => WORDS[usize::try_from(*i).unwrap_or(0)].to_string(),
        Value::Int(i) => group_thousands(*i as f64, 0),
        Value::Float(f) => {
            if f.fract() == 0.0 && (0.0..=10.0).contains(f) {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                WORDS[*f as usize].to_string()
            } else if f.fract() == 0.0 {
                group_thousands(*f, 0)
            } else {
                let s = group_thousands(*f, 2);
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            }
        }
        other => other.str(),
    };
    Ok(Value::from_str(&if cap { capitalize_str(&out) } else { out }))
}

fn nice_number(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let v = arg(&mut args, 0, "num").unwrap_or(Value::None);
    let cap = args.take_kw("capitalize").is_some_and(|c| c.truthy());
    nice_number_value(&v, cap)
}

pub(crate) fn quantity_noun(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let n = arg(&mut args, 0, "num").unwrap_or(Value::None);
    let noun = s_arg(vm, &mut args, 1, "noun")?;
    let cap = args.take_kw("capitalize").is_some_and(|c| c.truthy());
    let as_word = args.take_kw("as_integer");
    let _ = as_word;
    let words = nice_number_value(&n, cap)?.str();
    let one = num(&n) == Some(1.0);
    Ok(Value::from_str(&format!("{words} {}", if one { noun } else { plural(&noun) })))
}

/// "an apple" / "a pear".
pub(crate) fn indefinite(word: &str) -> String {
    let lower = word.to_lowercase();
    let an = match lower.chars().next() {
        Some('a' | 'e' | 'i' | 'o') => !lower.starts_with("one") && !lower.starts_with("eu"),
        Some('u') => !(lower.starts_with("uni") || lower.starts_with("use") || lower.starts_with("usu") || lower.starts_with("uti")),
        Some('h') => lower.starts_with("hour") || lower.starts_with("honest") || lower.starts_with("honor"),
        _ => false,
    };
    format!("{} {word}", if an { "an" } else { "a" })
}

fn indefinite_article(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let w = s_arg(vm, &mut args, 0, "word")?;
    Ok(Value::from_str(&indefinite(&w)))
}

fn space_to_underscore(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let s = s_arg(vm, &mut args, 0, "a")?;
    let out: String = s
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .filter(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        .collect();
    Ok(Value::from_str(&out))
}

fn single_paragraph(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let s = s_arg(vm, &mut args, 0, "text")?;
    let out: Vec<&str> = s.split_whitespace().collect();
    Ok(Value::from_str(&out.join(" ")))
}

/// `quote_paragraphs(text)`: each line as a Markdown block quote (`> `, docassemble's
/// `'> ' + re.sub('[\r\n]', '\n> ', text.strip())`). The `>` is marked as trusted markup so
/// that a `${ }` showing it keeps the quote (the text itself is still escaped).
fn quote_paragraphs(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let s = s_arg(vm, &mut args, 0, "text")?;
    let quote = crate::html::safe_html(">");
    let out: Vec<String> = s.trim().split(['\r', '\n']).map(|l| format!("{quote} {l}")).collect();
    Ok(Value::from_str(&out.join("\n")))
}

fn indent(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let s = s_arg(vm, &mut args, 0, "text")?;
    let by = arg(&mut args, 1, "by").and_then(|v| int_of(&v).ok()).unwrap_or(4);
    let pad = " ".repeat(usize::try_from(by).unwrap_or(4).min(40));
    let out: Vec<String> = s.lines().map(|l| format!("{pad}{l}")).collect();
    Ok(Value::from_str(&out.join("\n")))
}

fn fix_punctuation(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let s = s_arg(vm, &mut args, 0, "text")?;
    let mark = match arg(&mut args, 1, "mark") {
        Some(v) => vm.str_of(&v)?,
        None => ".".to_string(),
    };
    let t = s.trim_end();
    if t.is_empty() || t.ends_with(['.', '?', '!']) {
        return Ok(Value::from_str(t));
    }
    Ok(Value::from_str(&format!("{t}{mark}")))
}

fn word(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let s = s_arg(vm, &mut args, 0, "text")?;
    Ok(Value::from_str(&s))
}

fn yesno(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let v = arg(&mut args, 0, "value").unwrap_or(Value::None);
    Ok(Value::from_str(if v.truthy() { "Yes" } else { "No" }))
}

/// `add_separators(items, separator=';', last_separator='; and', end_mark='.')`: the items
/// as a list, each ending with its separator (docassemble's `add_separators_en`).
fn add_separators(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let mut kw = |name: &str, default: &str, vm: &mut Vm<'_>| -> Result<String, Error> {
        match args.take_kw(name) {
            Some(v) => vm.str_of(&v),
            None => Ok(default.to_string()),
        }
    };
    let separator = kw("separator", ";", vm)?;
    let last_separator = kw("last_separator", "; and", vm)?;
    let end_mark = kw("end_mark", ".", vm)?;
    let mut items: Vec<String> = list_items(vm, &args)?.into_iter().map(|s| s.trim_end().to_string()).collect();
    let fix = |text: &str, mark: &str| -> String {
        let t = text.trim_end();
        if [mark, ".", "?", "!"].iter().any(|m| !m.is_empty() && t.ends_with(m)) {
            t.to_string()
        } else {
            format!("{t}{mark}")
        }
    };
    let n = items.len();
    if n >= 2 {
        for item in items.iter_mut().take(n - 2) {
            *item = fix(item.trim_end_matches(','), &separator);
        }
        let penultimate = &mut items[n - 2];
        if !penultimate.ends_with(&last_separator) {
            if let Some(first) = last_separator.chars().next() {
                *penultimate = penultimate.trim_end_matches(first).to_string();
            }
            penultimate.push_str(&last_separator);
        }
    }
    if let Some(last) = items.last_mut() {
        *last = fix(last, &end_mark);
    }
    Ok(Value::list(items.iter().map(|s| Value::from_str(s)).collect()))
}

fn bold(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let s = s_arg(vm, &mut args, 0, "text")?;
    Ok(Value::from_str(&format!("**{s}**")))
}

fn italic(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let s = s_arg(vm, &mut args, 0, "text")?;
    Ok(Value::from_str(&format!("_{s}_")))
}

fn alpha(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let n = int_of(&arg(&mut args, 0, "num").unwrap_or(Value::Int(0)))?;
    let c = u8::try_from(n.rem_euclid(26)).unwrap_or(0);
    Ok(Value::from_str(&char::from(b'A' + c).to_string()))
}

fn roman(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let mut n = int_of(&arg(&mut args, 0, "num").unwrap_or(Value::Int(0)))? + 1;
    let table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    Ok(Value::from_str(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(plural("apple"), "apples");
        assert_eq!(plural("child"), "children");
        assert_eq!(plural("berry"), "berries");
        assert_eq!(plural("box"), "boxes");
        assert_eq!(singular("apples"), "apple");
        assert_eq!(ordinal_number_str(1), "first");
        assert_eq!(ordinal_number_str(22), "22nd");
        assert_eq!(comma_and_list_str(&["a".into(), "b".into(), "c".into()], "and", true), "a, b, and c");
        assert_eq!(group_thousands(1234567.891, 2), "1,234,567.89");
        assert_eq!(indefinite("apple"), "an apple");
    }
}

#[cfg(test)]
mod verb_tests {
    use super::person_code;
    use crate::functions::objects::grammar::{possessify, verb_past, verb_present};

    #[test]
    fn docassemble_person_codes_and_tenses() {
        assert_eq!(person_code("3sg"), "3");
        assert_eq!(person_code("1sgp"), "1");
        assert_eq!(person_code("pl"), "3p");
        assert_eq!(person_code("ppl"), "3p");
        assert_eq!(person_code("2sg"), "2");
        assert_eq!(verb_present("be", person_code("3sg")), "is");
        assert_eq!(verb_present("be", person_code("pl")), "are");
        assert_eq!(verb_present("eat", person_code("3sg")), "eats");
        assert_eq!(verb_past("be", person_code("3sgp")), "was");
        assert_eq!(verb_past("be", person_code("ppl")), "were");
        assert_eq!(verb_past("eat", "3"), "ate");
        assert_eq!(possessify("Fred", "cat"), "Fred's cat");
    }
}
