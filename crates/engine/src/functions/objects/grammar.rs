//! docassemble's language methods of objects (English): `pronoun*()`, `possessive()`,
//! `object_possessive()`, `is_are_you()`, `do_question()` and friends, `does_verb()`,
//! `did_verb()`, `itself()`, `yourself_or_name()`, `is_user()`, honouring the point of view
//! (`_point_of_view` = `1`, `1p`, `2`, `2p`, or `2` for the object set with `set_info(user=…)`),
//! the gender of an `Individual`, and the number of items of a list. Also the attribute
//! helpers of `DAObject`: `attr()`, `attribute_defined()`, `attr_name()`, `invalidate_attr()`,
//! `delattr()`, `getattr_fresh()`.

use std::collections::HashMap;
use std::rc::Rc;

use lang::{Args, Class, Error, NativeFn, Value, Vm};

use super::finance::is_a;
use super::{count, del, get, instance_name, need, nice_object_name, self_obj, trigger_gather};
use super::text::{capitalize_str, plural, verb_third_person};

/// Adds the language methods to the object classes.
pub(crate) fn register(m: &HashMap<&'static str, Rc<Class>>) {
    let methods: [(&str, NativeFn); 27] = [
        ("pronoun_possessive", pronoun_possessive),
        ("pronoun", pronoun),
        ("pronoun_objective", pronoun),
        ("pronoun_subjective", pronoun_subjective),
        ("possessive", possessive),
        ("object_possessive", object_possessive),
        ("is_are_you", is_are_you),
        ("yourself_or_name", yourself_or_name),
        ("itself", itself),
        ("is_user", is_user_method),
        ("do_question", do_question),
        ("did_question", did_question),
        ("were_question", were_question),
        ("have_question", have_question),
        ("does_verb", does_verb),
        ("did_verb", did_verb),
        ("subjective_pronoun_or_name", subjective_pronoun_or_name),
        ("pronoun_or_name", pronoun_or_name),
        ("get_point_of_view", get_point_of_view),
        ("attr", attr),
        ("attribute_defined", attribute_defined),
        ("attr_name", attr_name),
        ("invalidate_attr", invalidate_attr),
        ("delattr", delattr),
        ("getattr_fresh", getattr_fresh),
        ("subject", subjective_pronoun_or_name),
        ("is_user", is_user_method),
    ];
    // set on every class that had its own version (the lists, Person, Individual) too
    for class in ["DAObject", "Person", "Individual", "DAList", "DADict"] {
        if let Some(c) = m.get(class) {
            for (n, f) in &methods {
                c.set_attr(n, Value::native(n, *f));
            }
        }
    }
    for class in ["Individual"] {
        if let Some(c) = m.get(class) {
            c.set_attr("familiar", Value::native("familiar", familiar));
        }
    }
}

/// What kind of speaker an object is in the third person.
enum Kind {
    /// An `Individual`, by `gender`.
    Individual,
    /// A list or dictionary with this many items.
    Group(usize),
    /// Anything else ("it").
    Thing,
}

fn is_group(v: &Value) -> bool {
    matches!(get(v, "elements"), Some(Value::List(_)) | Some(Value::Dict(_)))
}

fn kind(vm: &mut Vm<'_>, me: &Value) -> Result<Kind, Error> {
    if is_group(me) {
        trigger_gather(vm, me)?;
        return Ok(Kind::Group(count(me)));
    }
    if is_a(me, "Individual") {
        return Ok(Kind::Individual);
    }
    Ok(Kind::Thing)
}

/// The single item of a one-item list or dictionary.
fn only_item(me: &Value) -> Option<Value> {
    match get(me, "elements") {
        Some(Value::List(l)) => l.borrow().first().cloned(),
        Some(Value::Dict(d)) => d.borrow().values().next().cloned(),
        _ => None,
    }
}

/// Whether `me` is the object given to `set_info(user=…)`.
pub(crate) fn is_user(vm: &mut Vm<'_>, me: &Value) -> Result<bool, Error> {
    let name = instance_name(me);
    if name.is_empty() {
        return Ok(false);
    }
    let h = super::host(vm)?;
    Ok(h.info.get("user").and_then(|u| u.get("name")).and_then(|n| n.as_str()) == Some(name.as_str()))
}

/// docassemble's `get_point_of_view()`: `_point_of_view`, else `2` for the user.
fn point_of_view(vm: &mut Vm<'_>, me: &Value) -> Result<Option<String>, Error> {
    if let Some(p) = get(me, "_point_of_view") {
        return Ok(if matches!(p, Value::None) { None } else { Some(p.str()) });
    }
    Ok(if is_user(vm, me)? { Some("2".into()) } else { None })
}

/// The person to speak in: the `person=` argument, else the object's point of view.
fn person(vm: &mut Vm<'_>, args: &mut Args, me: &Value) -> Result<String, Error> {
    if let Some(p) = args.take_kw("person") {
        return Ok(p.str());
    }
    Ok(point_of_view(vm, me)?.unwrap_or_default())
}

fn cap_kw(args: &mut Args) -> bool {
    args.take_kw("capitalize").is_some_and(|c| c.truthy())
}

fn out(s: String, cap: bool) -> Result<Value, Error> {
    Ok(Value::from_str(&if cap { capitalize_str(&s) } else { s }))
}

fn str_arg(vm: &mut Vm<'_>, args: &Args, i: usize) -> Result<String, Error> {
    match args.positional.get(i) {
        Some(v) => vm.str_of(v),
        None => Ok(String::new()),
    }
}

/// Calls `f` with the single item of a list in place of the list.
fn delegate(vm: &mut Vm<'_>, f: NativeFn, item: Value, args: &Args, person: &str, cap: bool) -> Result<Value, Error> {
    let mut positional = args.positional.clone();
    if let Some(first) = positional.first_mut() {
        *first = item;
    }
    let mut keyword = args.keyword.clone();
    if !person.is_empty() {
        keyword.push((Rc::from("person"), Value::from_str(person)));
    }
    if cap {
        keyword.push((Rc::from("capitalize"), Value::Bool(true)));
    }
    f(vm, Args { positional, keyword })
}

/// The gender-dependent word of an individual: (female, other, male).
fn by_gender(vm: &mut Vm<'_>, me: &Value, words: (&str, &str, &str)) -> Result<String, Error> {
    let g = need(vm, me, "gender")?;
    let g = vm.str_of(&g)?;
    Ok(match g.as_str() {
        "female" => words.0,
        "other" => words.1,
        _ => words.2,
    }
    .to_string())
}

/// The third-person word for `me`: (individual female/other/male, group, thing), with a
/// one-item group speaking as its item.
fn third(vm: &mut Vm<'_>, me: &Value, f: NativeFn, args: &Args, cap: bool, words: (&str, &str, &str, &str, &str)) -> Result<Option<String>, Error> {
    match kind(vm, me)? {
        Kind::Individual => Ok(Some(by_gender(vm, me, (words.0, words.1, words.2))?)),
        Kind::Group(1) => match only_item(me) {
            Some(item) => {
                let r = delegate(vm, f, item, args, "", false)?;
                let s = r.str();
                Ok(Some(if cap { capitalize_str(&s) } else { s }))
            }
            None => Ok(Some(words.4.to_string())),
        },
        Kind::Group(_) => Ok(Some(words.3.to_string())),
        Kind::Thing => Ok(Some(words.4.to_string())),
    }
}

fn pronoun_possessive(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let target = str_arg(vm, &args, 1)?;
    let cap = cap_kw(&mut args);
    let p = person(vm, &mut args, &me)?;
    let word = match p.as_str() {
        "2" | "2p" => "your".to_string(),
        "1" => "my".to_string(),
        "1p" => "our".to_string(),
        _ => match kind(vm, &me)? {
            Kind::Individual => by_gender(vm, &me, ("her", "their", "his"))?,
            Kind::Group(1) => match only_item(&me) {
                Some(item) => return delegate(vm, pronoun_possessive, item, &args, "", cap),
                None => "its".into(),
            },
            Kind::Group(_) => "their".into(),
            Kind::Thing => "its".into(),
        },
    };
    out(format!("{word} {target}"), cap)
}

fn pronoun(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let cap = cap_kw(&mut args);
    let p = person(vm, &mut args, &me)?;
    let word = match p.as_str() {
        "2" | "2p" => "you".to_string(),
        "1" => "me".to_string(),
        "1p" => "us".to_string(),
        _ => third(vm, &me, pronoun, &args, false, ("her", "them", "him", "them", "it"))?.unwrap_or_default(),
    };
    out(word, cap)
}

fn pronoun_subjective(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let cap = cap_kw(&mut args);
    let p = person(vm, &mut args, &me)?;
    let word = match p.as_str() {
        "2" | "2p" => "you".to_string(),
        "1" => "I".to_string(),
        "1p" => "we".to_string(),
        _ => third(vm, &me, pronoun_subjective, &args, false, ("she", "they", "he", "they", "it"))?.unwrap_or_default(),
    };
    out(word, cap)
}

fn itself(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let cap = cap_kw(&mut args);
    let p = person(vm, &mut args, &me)?;
    let word = match p.as_str() {
        "2" => "yourself".to_string(),
        "2p" => "yourselves".to_string(),
        "1" => "myself".to_string(),
        "1p" => "ourselves".to_string(),
        _ => third(vm, &me, itself, &args, false, ("herself", "themselves", "himself", "themselves", "itself"))?.unwrap_or_default(),
    };
    out(word, cap)
}

/// `possessify(a, b)`: "a's b".
pub(crate) fn possessify(a: &str, b: &str) -> String {
    format!("{a}'s {b}").trim_end().to_string()
}

/// The noun naming a list: the last part of its instance name, `_` as spaces.
fn list_noun(me: &Value) -> String {
    let name = instance_name(me);
    let last = name.rsplit('.').next().unwrap_or("").to_string();
    last.split('[').next().unwrap_or("").replace('_', " ")
}

fn possessive(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let target = str_arg(vm, &args, 1)?;
    let cap = cap_kw(&mut args);
    if is_group(&me) {
        // a list speaks of itself by its noun: "fruit's seeds", "fruits' seeds"
        trigger_gather(vm, &me)?;
        let noun = list_noun(&me);
        let s = if count(&me) == 1 { format!("{noun}'s {target}") } else { format!("{}' {target}", plural(&noun)) };
        return out(s.trim_end().to_string(), cap);
    }
    let p = person(vm, &mut args, &me)?;
    let s = match p.as_str() {
        "2" | "2p" => format!("your {target}"),
        "1" => format!("my {target}"),
        "1p" => format!("our {target}"),
        _ => {
            let who = vm.str_of(&me)?;
            possessify(&who, &target)
        }
    };
    out(s, cap)
}

fn object_possessive(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let target = str_arg(vm, &args, 1)?;
    let cap = cap_kw(&mut args);
    if is_a(&me, "Person") {
        let p = person(vm, &mut args, &me)?;
        let word = match p.as_str() {
            "2" | "2p" => Some("your"),
            "1" => Some("my"),
            "1p" => Some("our"),
            _ => None,
        };
        if let Some(w) = word {
            return out(format!("{w} {target}"), cap);
        }
    }
    let name = instance_name(&me);
    let oname = nice_object_name(&name);
    let s = if name.contains('.') { format!("the {target} of the {oname}") } else { possessify(&format!("the {oname}"), &target) };
    out(s, cap)
}

fn is_are_you(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let cap = cap_kw(&mut args);
    let p = person(vm, &mut args, &me)?;
    let s = match p.as_str() {
        "2" | "2p" => "are you".to_string(),
        "1" => "am I".to_string(),
        "1p" => "are we".to_string(),
        _ => {
            let plural = matches!(kind(vm, &me)?, Kind::Group(n) if n != 1);
            let who = vm.str_of(&me)?;
            format!("{} {who}", if plural { "are" } else { "is" })
        }
    };
    out(s, cap)
}

fn yourself_or_name(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let cap = cap_kw(&mut args);
    let p = person(vm, &mut args, &me)?;
    let s = match p.as_str() {
        "2" => "yourself".to_string(),
        "2p" => "yourselves".to_string(),
        "1" => "myself".to_string(),
        "1p" => "ourselves".to_string(),
        _ => vm.str_of(&me)?,
    };
    out(s, cap)
}

fn subjective_pronoun_or_name(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let cap = cap_kw(&mut args);
    let p = person(vm, &mut args, &me)?;
    let s = match p.as_str() {
        "2" | "2p" => "you".to_string(),
        "1" => "I".to_string(),
        "1p" => "we".to_string(),
        _ => vm.str_of(&me)?,
    };
    out(s, cap)
}

fn pronoun_or_name(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let cap = cap_kw(&mut args);
    let p = person(vm, &mut args, &me)?;
    let s = match p.as_str() {
        "2" | "2p" => "you".to_string(),
        "1" => "me".to_string(),
        "1p" => "us".to_string(),
        _ => vm.str_of(&me)?,
    };
    out(s, cap)
}

fn is_user_method(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(Value::Bool(is_user(vm, &me)?))
}

fn get_point_of_view(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(point_of_view(vm, &me)?.map(|p| Value::from_str(&p)).unwrap_or(Value::None))
}

/// The question forms: (you, I, we, third singular, third plural) auxiliaries.
fn question(vm: &mut Vm<'_>, mut args: Args, aux: (&str, &str, &str, &str, &str)) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let what = str_arg(vm, &args, 1)?;
    let cap = cap_kw(&mut args);
    let p = person(vm, &mut args, &me)?;
    let s = match p.as_str() {
        "2" | "2p" => format!("{} you {what}", aux.0),
        "1" => format!("{} I {what}", aux.1),
        "1p" => format!("{} we {what}", aux.2),
        _ => {
            let plural = matches!(kind(vm, &me)?, Kind::Group(n) if n != 1);
            let who = vm.str_of(&me)?;
            format!("{} {who} {what}", if plural { aux.4 } else { aux.3 })
        }
    };
    out(s.trim_end().to_string(), cap)
}

fn do_question(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    question(vm, args, ("do", "do", "do", "does", "do"))
}

fn did_question(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    question(vm, args, ("did", "did", "did", "did", "did"))
}

fn were_question(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    question(vm, args, ("were", "was", "were", "was", "were"))
}

fn have_question(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    question(vm, args, ("have", "have", "have", "has", "have"))
}

/// The base form of a verb given in any present form ("is" → "be", "has" → "have").
pub(crate) fn verb_base(verb: &str) -> String {
    match verb {
        "is" | "are" | "am" | "be" => "be".into(),
        "has" | "have" => "have".into(),
        "does" | "do" => "do".into(),
        _ => verb.to_string(),
    }
}

/// The grammatical person of `me` for verbs: `1`, `1p`, `2`, `2p`, `3` or `3p`.
fn verb_person(vm: &mut Vm<'_>, args: &mut Args, me: &Value) -> Result<String, Error> {
    let p = person(vm, args, me)?;
    Ok(match p.as_str() {
        "1" | "1p" | "2" | "2p" => p,
        // docassemble: plural only for more than one item (no items: "is")
        _ => match kind(vm, me)? {
            Kind::Group(n) if n > 1 => "3p".into(),
            _ => "3".into(),
        },
    })
}

/// The present tense of `verb` for a person.
pub(crate) fn verb_present(verb: &str, person: &str) -> String {
    let base = verb_base(verb);
    match (base.as_str(), person) {
        ("be", "1") => "am".into(),
        ("be", "3") => "is".into(),
        ("be", _) => "are".into(),
        (_, "3") => verb_third_person(&base),
        _ => base,
    }
}

/// The past tense of `verb` for a person ("went", "visited", "was"/"were"), as pattern.en
/// conjugates it.
pub(crate) fn verb_past(verb: &str, person: &str) -> String {
    let base = verb_base(verb);
    if base == "be" {
        return if person == "1" || person == "3" { "was".into() } else { "were".into() };
    }
    crate::functions::inflect::past_tense(&base)
}

fn does_verb(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let verb = str_arg(vm, &args, 1)?;
    let cap = cap_kw(&mut args);
    let past = args.take_kw("past").is_some_and(|v| v.truthy()) || args.take_kw("present").is_some_and(|v| !v.truthy());
    let p = verb_person(vm, &mut args, &me)?;
    out(if past { verb_past(&verb, &p) } else { verb_present(&verb, &p) }, cap)
}

fn did_verb(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let verb = str_arg(vm, &args, 1)?;
    let cap = cap_kw(&mut args);
    let p = verb_person(vm, &mut args, &me)?;
    out(verb_past(&verb, &p), cap)
}

fn familiar(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let name = super::attr_value(vm, &me, "name")?;
    let first = need(vm, &name, "first")?;
    Ok(Value::from_str(&vm.str_of(&first)?))
}

// ---- attribute helpers ---------------------------------------------------------------------

fn name_arg(args: &Args) -> String {
    args.positional.get(1).map(Value::str).unwrap_or_default()
}

/// `obj.attr('a')`: the attribute, or None when it is not defined (never asks).
fn attr(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(get(&me, &name_arg(&args)).unwrap_or(Value::None))
}

fn attribute_defined(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(Value::Bool(get(&me, &name_arg(&args)).is_some()))
}

fn attr_name(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    Ok(Value::from_str(&format!("{}.{}", instance_name(&me), name_arg(&args))))
}

/// `obj.invalidate_attr('a')`: forgets the attribute, keeping its old value as the default
/// of the question that asks it again.
fn invalidate_attr(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let a = name_arg(&args);
    if let Some(old) = get(&me, &a) {
        let full = format!("{}.{a}", instance_name(&me));
        let h = super::host(vm)?;
        h.dirty.insert(full, crate::vars::json::to_json(&old));
        del(&me, &a);
    }
    Ok(Value::None)
}

/// `obj.delattr('a', 'b', …)`: removes the attributes that are defined.
fn delattr(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    for a in args.positional.iter().skip(1) {
        del(&me, &a.str());
    }
    Ok(Value::None)
}

/// `obj.getattr_fresh('a')`: forgets the attribute and asks for it again.
fn getattr_fresh(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let a = name_arg(&args);
    del(&me, &a);
    need(vm, &me, &a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_tenses() {
        assert_eq!(verb_past("go", "3"), "went");
        assert_eq!(verb_past("visit", "3"), "visited");
        assert_eq!(verb_past("return", "2"), "returned");
        assert_eq!(verb_past("invest", "2"), "invested");
        assert_eq!(verb_past("stop", "3"), "stopped");
        assert_eq!(verb_past("carry", "3"), "carried");
        assert_eq!(verb_past("like", "3"), "liked");
        assert_eq!(verb_past("is", "1"), "was");
        assert_eq!(verb_past("be", "3p"), "were");
    }

    #[test]
    fn present_tenses() {
        assert_eq!(verb_present("eat", "2"), "eat");
        assert_eq!(verb_present("eat", "3"), "eats");
        assert_eq!(verb_present("belong", "3p"), "belong");
        assert_eq!(verb_present("is", "3p"), "are");
        assert_eq!(verb_present("be", "1"), "am");
        assert_eq!(verb_present("has", "3"), "has");
    }

    #[test]
    fn possessify_adds_apostrophe_s() {
        assert_eq!(possessify("apple", "core"), "apple's core");
        assert_eq!(possessify("the users", "name"), "the users's name");
    }
}
