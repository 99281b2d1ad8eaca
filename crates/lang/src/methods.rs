//! Methods and attributes of builtin values (str, list, dict, set, tuple, int,
//! float, date, datetime, time, timedelta) and date arithmetic.
//!
//! [`method`] returns the native function for `receiver.name`; the evaluator binds
//! it, so the receiver arrives as positional argument 0. [`attribute`] gives data
//! attributes (`d.year`). [`temporal_binop`] implements `+ - * / // %` and
//! comparisons between dates, datetimes, times and timedeltas.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use indexmap::IndexMap;

use crate::format;
use crate::value::{Args, Class, Dict, Key, Object, Value};
use crate::{Error, NativeFn, Vm};

type R = Result<Value, Error>;
/// (string, separator, maxsplit) of split/rsplit.
type SplitArgs = (Rc<str>, Option<Rc<str>>, i64);
/// (haystack, needle, start, end, nothing-to-find) of find/index/count.
type FindArgs = (Rc<str>, Rc<str>, usize, usize, bool);

pub(crate) fn exc(kind: &str, msg: impl Into<String>) -> Error {
    Error::exception(kind, msg)
}

fn type_error(msg: impl Into<String>) -> Error {
    exc("TypeError", msg)
}

fn value_error(msg: impl Into<String>) -> Error {
    exc("ValueError", msg)
}

fn s(text: &str) -> Value {
    Value::Str(Rc::from(text))
}

fn ss(text: String) -> Value {
    Value::Str(Rc::from(text.as_str()))
}

/// Refuses strings and collections longer than the length limit.
pub(crate) fn check_len(vm: &Vm<'_>, n: usize) -> Result<(), Error> {
    vm.check_len(n)
}

/// The dict key of `v`, or `TypeError: unhashable type: 'list'`.
pub(crate) fn key_of(v: &Value) -> Result<Key, Error> {
    v.to_key()
        .map_err(|t| type_error(format!("unhashable type: '{t}'")))
}

// ---------------------------------------------------------------------------
// argument parsing
// ---------------------------------------------------------------------------

/// Arguments of a method call after the receiver was taken out.
struct Params {
    vals: Vec<Option<Value>>,
}

impl Params {
    fn get(&self, i: usize) -> Option<&Value> {
        self.vals
            .get(i)
            .and_then(|v| v.as_ref())
            .filter(|v| !matches!(v, Value::None))
    }
    fn raw(&self, i: usize) -> Option<&Value> {
        self.vals.get(i).and_then(|v| v.as_ref())
    }
}

/// Splits off the receiver and maps the rest onto `names` (`required` of them
/// mandatory). `kw` says whether keywords are accepted; `qual` is the name used
/// in CPython's messages (`str.lower`, `split`).
fn parse(
    args: Args,
    qual: &str,
    names: &[&str],
    required: usize,
    kw: bool,
) -> Result<(Value, Params), Error> {
    let mut pos = args.positional.into_iter();
    let recv = pos.next().unwrap_or(Value::None);
    let pos: Vec<Value> = pos.collect();
    let short = qual.rsplit('.').next().unwrap_or(qual);
    if !kw && !args.keyword.is_empty() {
        return Err(type_error(format!("{qual}() takes no keyword arguments")));
    }
    if pos.len() > names.len() {
        return Err(type_error(match (names.len(), required) {
            (0, _) => format!("{qual}() takes no arguments ({} given)", pos.len()),
            (1, 1) => format!("{qual}() takes exactly one argument ({} given)", pos.len()),
            (n, r) if n == r => format!(
                "{short}() takes exactly {n} arguments ({} given)",
                pos.len()
            ),
            (n, _) => format!(
                "{short}() takes at most {n} argument{} ({} given)",
                if n == 1 { "" } else { "s" },
                pos.len()
            ),
        }));
    }
    let mut vals: Vec<Option<Value>> = pos.into_iter().map(Some).collect();
    vals.resize(names.len(), None);
    for (k, v) in args.keyword {
        match names.iter().position(|n| **n == *k) {
            Some(i) if vals[i].is_none() => vals[i] = Some(v),
            Some(_) => {
                return Err(type_error(format!(
                    "argument for {short}() given by name ('{k}') and position"
                )))
            }
            None => {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for {short}()"
                )))
            }
        }
    }
    let given = vals.iter().take(required).filter(|v| v.is_some()).count();
    if given < required {
        let n = vals.iter().filter(|v| v.is_some()).count();
        return Err(type_error(if required == 1 && names.len() == 1 {
            format!("{qual}() takes exactly one argument ({n} given)")
        } else {
            format!(
                "{short}() takes at least {required} argument{} ({n} given)",
                if required == 1 { "" } else { "s" }
            )
        }));
    }
    Ok((recv, Params { vals }))
}

fn as_int(v: &Value) -> Result<i64, Error> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

fn as_str<'a>(v: &'a Value, what: &str) -> Result<&'a str, Error> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(type_error(format!(
            "{what} must be str, not {}",
            other.type_name()
        ))),
    }
}

/// The items of an iterable value (list, tuple, set, dict keys, str, range, iterator).
pub(crate) fn iterate(vm: &mut Vm<'_>, v: &Value) -> Result<Vec<Value>, Error> {
    vm.iterate(v)
}

/// Python's `a < b` (objects' `__lt__`, dates, timedeltas included).
pub(crate) fn py_lt(vm: &mut Vm<'_>, a: &Value, b: &Value) -> Result<bool, Error> {
    vm.lt(a, b)
}

/// A stable merge sort with a fallible "less than" (never panics, whatever the order).
pub(crate) fn merge_sort<T: Clone>(
    items: Vec<T>,
    lt: &mut dyn FnMut(&T, &T) -> Result<bool, Error>,
) -> Result<Vec<T>, Error> {
    if items.len() <= 1 {
        return Ok(items);
    }
    let mut v = items;
    let right = v.split_off(v.len() / 2);
    let left = merge_sort(v, lt)?;
    let right = merge_sort(right, lt)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if lt(&right[j], &left[i])? {
            out.push(right[j].clone());
            j += 1;
        } else {
            out.push(left[i].clone());
            i += 1;
        }
    }
    out.extend_from_slice(&left[i..]);
    out.extend_from_slice(&right[j..]);
    Ok(out)
}

// ---------------------------------------------------------------------------
// dispatch
// ---------------------------------------------------------------------------

/// The method `name` of a builtin value, or `None`. The evaluator binds it: when
/// called, the receiver is positional argument 0.
///
/// `dict.keys()`, `values()` and `items()` return lists (snapshots), not views.
pub fn method(receiver: &Value, name: &str) -> Option<NativeFn> {
    Some(match receiver {
        Value::Str(_) => str_method(name)?,
        Value::List(_) => list_method(name)?,
        Value::Dict(_) => dict_method(name)?,
        Value::Set(_) => set_method(name)?,
        Value::Tuple(_) => match name {
            "index" => tuple_index,
            "count" => seq_count,
            _ => return None,
        },
        Value::Int(_) | Value::Bool(_) => match name {
            "bit_length" => int_bit_length,
            "conjugate" => num_conjugate,
            _ => return None,
        },
        Value::Float(_) => match name {
            "is_integer" => float_is_integer,
            "conjugate" => num_conjugate,
            _ => return None,
        },
        Value::Date(_) | Value::DateTime(_) | Value::Time(_) => temporal_method(receiver, name)?,
        Value::Object(o) => {
            let class = o.borrow().class.name.clone();
            match &*class {
                "timedelta" => match name {
                    "total_seconds" => td_total_seconds,
                    _ => return None,
                },
                _ => crate::modules::object_method(&class, name)?,
            }
        }
        _ => return None,
    })
}

/// The method `name` of the builtin type called `type_name` (`str`, `list`, `dict`,
/// `set`, `tuple`, `int`, `float`), for unbound use such as `key=str.lower`: the
/// first positional argument is the receiver. Also `dict.fromkeys(iterable, value=None)`.
pub fn unbound_method(type_name: &str, name: &str) -> Option<NativeFn> {
    if (type_name, name) == ("dict", "fromkeys") {
        // a class method: dict.fromkeys(iterable, value=None)
        return Some(dict_fromkeys);
    }
    let sample = match type_name {
        "str" => Value::from_str(""),
        "list" => Value::list(Vec::new()),
        "dict" => Value::dict(IndexMap::new()),
        "set" => new_set(IndexMap::new()),
        "tuple" => Value::tuple(Vec::new()),
        "int" => Value::Int(0),
        "float" => Value::Float(0.0),
        "date" => Value::Date(NaiveDate::MIN),
        "datetime" => Value::DateTime(NaiveDateTime::MIN),
        "time" => Value::Time(NaiveTime::MIN),
        _ => return None,
    };
    method(&sample, name)
}

/// A data attribute of a builtin value (`d.year`, `dt.hour`, `x.real`), or `None`.
pub fn attribute(receiver: &Value, name: &str) -> Option<Value> {
    match receiver {
        Value::Date(d) => date_attr(d, name),
        Value::DateTime(dt) => date_attr(&dt.date(), name).or_else(|| time_attr(&dt.time(), name)),
        Value::Time(t) => time_attr(t, name),
        Value::Int(i) => match name {
            "real" | "numerator" => Some(Value::Int(*i)),
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        },
        Value::Bool(b) => match name {
            "real" | "numerator" => Some(Value::Int(*b as i64)),
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        },
        Value::Float(f) => match name {
            "real" => Some(Value::Float(*f)),
            "imag" => Some(Value::Float(0.0)),
            _ => None,
        },
        _ => None,
    }
}

fn date_attr(d: &NaiveDate, name: &str) -> Option<Value> {
    Some(Value::Int(match name {
        "year" => d.year().into(),
        "month" => d.month().into(),
        "day" => d.day().into(),
        _ => return None,
    }))
}

fn time_attr(t: &NaiveTime, name: &str) -> Option<Value> {
    Some(match name {
        "hour" => Value::Int(t.hour().into()),
        "minute" => Value::Int(t.minute().into()),
        "second" => Value::Int(t.second().into()),
        "microsecond" => Value::Int((t.nanosecond() / 1000).min(999_999).into()),
        "tzinfo" => Value::None,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// str
// ---------------------------------------------------------------------------

fn str_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "lower" => str_lower,
        "upper" => str_upper,
        "casefold" => str_casefold,
        "swapcase" => str_swapcase,
        "title" => str_title,
        "capitalize" => str_capitalize,
        "strip" => str_strip,
        "lstrip" => str_lstrip,
        "rstrip" => str_rstrip,
        "split" => str_split,
        "rsplit" => str_rsplit,
        "splitlines" => str_splitlines,
        "join" => str_join,
        "replace" => str_replace,
        "startswith" => str_startswith,
        "endswith" => str_endswith,
        "find" => str_find,
        "rfind" => str_rfind,
        "index" => str_index,
        "rindex" => str_rindex,
        "count" => str_count,
        "format" => str_format_method,
        "format_map" => str_format_map,
        "isdigit" => str_isdigit,
        "isdecimal" => str_isdecimal,
        "isnumeric" => str_isnumeric,
        "isalpha" => str_isalpha,
        "isalnum" => str_isalnum,
        "isspace" => str_isspace,
        "isupper" => str_isupper,
        "islower" => str_islower,
        "istitle" => str_istitle,
        "isascii" => str_isascii,
        "isidentifier" => str_isidentifier,
        "isprintable" => str_isprintable,
        "zfill" => str_zfill,
        "center" => str_center,
        "ljust" => str_ljust,
        "rjust" => str_rjust,
        "partition" => str_partition,
        "rpartition" => str_rpartition,
        "encode" => str_encode,
        "expandtabs" => str_expandtabs,
        "removeprefix" => str_removeprefix,
        "removesuffix" => str_removesuffix,
        _ => return None,
    })
}

/// The receiver of a str method (a wrong type only arrives through `str.lower(5)`).
fn recv_str(v: &Value) -> Result<Rc<str>, Error> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(format!(
            "descriptor for 'str' objects doesn't apply to a '{}' object",
            other.type_name()
        ))),
    }
}

/// Python's `str.isspace` for one character.
pub(crate) fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

macro_rules! str_simple {
    ($name:ident, $qual:expr, |$s:ident| $body:expr) => {
        fn $name(_vm: &mut Vm<'_>, args: Args) -> R {
            let (recv, _) = parse(args, $qual, &[], 0, false)?;
            let $s = recv_str(&recv)?;
            Ok($body)
        }
    };
}

str_simple!(str_lower, "str.lower", |st| ss(st.to_lowercase()));
str_simple!(str_upper, "str.upper", |st| ss(st.to_uppercase()));
str_simple!(str_casefold, "str.casefold", |st| ss(st
    .to_lowercase()
    .replace('ß', "ss")));
str_simple!(str_swapcase, "str.swapcase", |st| ss(st
    .chars()
    .flat_map(|c| {
        if c.is_uppercase() {
            c.to_lowercase().collect::<Vec<_>>()
        } else if c.is_lowercase() {
            c.to_uppercase().collect::<Vec<_>>()
        } else {
            vec![c]
        }
    })
    .collect()));
str_simple!(str_title, "str.title", |st| ss(title(&st)));
str_simple!(str_capitalize, "str.capitalize", |st| ss(capitalize(&st)));
str_simple!(str_isdigit, "str.isdigit", |st| Value::Bool(
    !st.is_empty()
        && st
            .chars()
            .all(|c| c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()))
));
str_simple!(str_isdecimal, "str.isdecimal", |st| Value::Bool(
    !st.is_empty()
        && st
            .chars()
            .all(|c| c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()))
));
str_simple!(str_isnumeric, "str.isnumeric", |st| Value::Bool(
    !st.is_empty() && st.chars().all(|c| c.is_numeric())
));
str_simple!(str_isalpha, "str.isalpha", |st| Value::Bool(
    !st.is_empty() && st.chars().all(|c| c.is_alphabetic())
));
str_simple!(str_isalnum, "str.isalnum", |st| Value::Bool(
    !st.is_empty() && st.chars().all(|c| c.is_alphanumeric())
));
str_simple!(str_isspace, "str.isspace", |st| Value::Bool(
    !st.is_empty() && st.chars().all(py_isspace)
));
str_simple!(str_isupper, "str.isupper", |st| Value::Bool(
    st.chars().any(|c| c.is_uppercase()) && !st.chars().any(|c| c.is_lowercase())
));
str_simple!(str_islower, "str.islower", |st| Value::Bool(
    st.chars().any(|c| c.is_lowercase()) && !st.chars().any(|c| c.is_uppercase())
));
str_simple!(str_istitle, "str.istitle", |st| Value::Bool(istitle(&st)));
str_simple!(str_isascii, "str.isascii", |st| Value::Bool(st.is_ascii()));
str_simple!(str_isidentifier, "str.isidentifier", |st| Value::Bool({
    let mut cs = st.chars();
    match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}));
str_simple!(str_isprintable, "str.isprintable", |st| Value::Bool(
    st.chars()
        .all(|c| c == ' ' || !(c.is_control() || c.is_whitespace()))
));

/// Titlecase of one character (differs from uppercase for the Latin digraphs).
fn to_title(c: char) -> String {
    match c {
        'ǆ' | 'ǅ' | 'Ǆ' => "ǅ".into(),
        'ǉ' | 'ǈ' | 'Ǉ' => "ǈ".into(),
        'ǌ' | 'ǋ' | 'Ǌ' => "ǋ".into(),
        'ǳ' | 'ǲ' | 'Ǳ' => "ǲ".into(),
        c => c.to_uppercase().collect(),
    }
}

fn title(st: &str) -> String {
    let mut out = String::with_capacity(st.len());
    let mut prev_cased = false;
    for c in st.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.push_str(&to_title(c));
        }
        prev_cased = is_cased(c) || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ');
    }
    out
}

fn capitalize(st: &str) -> String {
    let mut cs = st.chars();
    match cs.next() {
        None => String::new(),
        Some(first) => {
            let mut out = to_title(first);
            out.push_str(&cs.as_str().to_lowercase());
            out
        }
    }
}

fn istitle(st: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in st.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn strip_impl(args: Args, qual: &str, left: bool, right: bool) -> R {
    let (recv, p) = parse(args, qual, &["chars"], 0, false)?;
    let st = recv_str(&recv)?;
    let out: &str = match p.get(0) {
        None => {
            let mut t: &str = &st;
            if left {
                t = t.trim_start_matches(py_isspace);
            }
            if right {
                t = t.trim_end_matches(py_isspace);
            }
            t
        }
        Some(v) => {
            let Value::Str(chars) = v else {
                return Err(type_error(format!(
                    "{} arg must be None or str",
                    qual.trim_start_matches("str.")
                )));
            };
            let set: Vec<char> = chars.chars().collect();
            let mut t: &str = &st;
            if left {
                t = t.trim_start_matches(|c| set.contains(&c));
            }
            if right {
                t = t.trim_end_matches(|c| set.contains(&c));
            }
            t
        }
    };
    Ok(s(out))
}

fn str_strip(_vm: &mut Vm<'_>, args: Args) -> R {
    strip_impl(args, "str.strip", true, true)
}
fn str_lstrip(_vm: &mut Vm<'_>, args: Args) -> R {
    strip_impl(args, "str.lstrip", true, false)
}
fn str_rstrip(_vm: &mut Vm<'_>, args: Args) -> R {
    strip_impl(args, "str.rstrip", false, true)
}

fn split_args(args: Args, name: &str) -> Result<SplitArgs, Error> {
    let (recv, p) = parse(args, name, &["sep", "maxsplit"], 0, true)?;
    let sep = match p.get(0) {
        None => None,
        Some(Value::Str(x)) => {
            if x.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(x.clone())
        }
        Some(other) => {
            return Err(type_error(format!(
                "must be str or None, not {}",
                other.type_name()
            )))
        }
    };
    let max = match p.raw(1) {
        None => -1,
        Some(v) => as_int(v)?,
    };
    Ok((recv_str(&recv)?, sep, max))
}

/// `s.split(sep, maxsplit)` as Python does it.
pub(crate) fn split_str(st: &str, sep: Option<&str>, max: i64) -> Vec<String> {
    let mut out = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest = st;
            let mut n = 0;
            while max < 0 || n < max {
                match rest.find(sep) {
                    Some(i) => {
                        out.push(rest[..i].to_string());
                        rest = &rest[i + sep.len()..];
                        n += 1;
                    }
                    None => break,
                }
            }
            out.push(rest.to_string());
        }
        None => {
            let mut rest = st.trim_start_matches(py_isspace);
            let mut n = 0;
            while !rest.is_empty() {
                if max >= 0 && n >= max {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(py_isspace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(py_isspace);
                n += 1;
            }
        }
    }
    out
}

fn rsplit_str(st: &str, sep: Option<&str>, max: i64) -> Vec<String> {
    let mut out = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest = st;
            let mut n = 0;
            while max < 0 || n < max {
                match rest.rfind(sep) {
                    Some(i) => {
                        out.push(rest[i + sep.len()..].to_string());
                        rest = &rest[..i];
                        n += 1;
                    }
                    None => break,
                }
            }
            out.push(rest.to_string());
        }
        None => {
            let mut rest = st.trim_end_matches(py_isspace);
            let mut n = 0;
            while !rest.is_empty() {
                if max >= 0 && n >= max {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest
                    .rfind(py_isspace)
                    .map(|i| i + rest[i..].chars().next().map_or(1, char::len_utf8))
                    .unwrap_or(0);
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(py_isspace);
                n += 1;
            }
        }
    }
    out.reverse();
    out
}

fn str_list(items: Vec<String>) -> Value {
    Value::list(items.into_iter().map(ss).collect())
}

fn str_split(_vm: &mut Vm<'_>, args: Args) -> R {
    let (st, sep, max) = split_args(args, "split")?;
    Ok(str_list(split_str(&st, sep.as_deref(), max)))
}

fn str_rsplit(_vm: &mut Vm<'_>, args: Args) -> R {
    let (st, sep, max) = split_args(args, "rsplit")?;
    Ok(str_list(rsplit_str(&st, sep.as_deref(), max)))
}

fn str_splitlines(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "splitlines", &["keepends"], 0, true)?;
    let keep = p.get(0).is_some_and(Value::truthy);
    let st = recv_str(&recv)?;
    let mut out = Vec::new();
    let mut line = String::new();
    let mut cs = st.chars().peekable();
    while let Some(c) = cs.next() {
        let brk = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !brk {
            line.push(c);
            continue;
        }
        let mut ending = c.to_string();
        if c == '\r' && cs.peek() == Some(&'\n') {
            cs.next();
            ending.push('\n');
        }
        if keep {
            line.push_str(&ending);
        }
        out.push(std::mem::take(&mut line));
    }
    if !line.is_empty() {
        out.push(line);
    }
    Ok(str_list(out))
}

fn str_join(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "str.join", &["iterable"], 1, false)?;
    let sep = recv_str(&recv)?;
    let iterable = p.raw(0).cloned().unwrap_or(Value::None);
    if matches!(
        iterable,
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_)
    ) {
        return Err(type_error("can only join an iterable"));
    }
    let items = iterate(vm, &iterable)?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let Value::Str(x) = item else {
            return Err(type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                item.type_name()
            )));
        };
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(x);
        check_len(vm, out.len())?;
    }
    Ok(ss(out))
}

fn str_replace(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "replace", &["old", "new", "count"], 2, false)?;
    let st = recv_str(&recv)?;
    let old = as_str(p.raw(0).unwrap_or(&Value::None), "replace() argument 1")?;
    let new = as_str(p.raw(1).unwrap_or(&Value::None), "replace() argument 2")?;
    let count = match p.raw(2) {
        None => -1,
        Some(v) => as_int(v)?,
    };
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = String::new();
    if old.is_empty() {
        let mut n = 0;
        for c in st.chars() {
            if n < limit {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
            check_len(vm, out.len())?;
        }
        if n < limit {
            out.push_str(new);
        }
    } else {
        let matches = st.matches(old).count().min(limit);
        check_len(
            vm,
            st.len().saturating_add(matches.saturating_mul(new.len())),
        )?;
        let mut rest: &str = &st;
        let mut n = 0;
        while n < limit {
            match rest.find(old) {
                Some(i) => {
                    out.push_str(&rest[..i]);
                    out.push_str(new);
                    rest = &rest[i + old.len()..];
                    n += 1;
                }
                None => break,
            }
        }
        out.push_str(rest);
    }
    check_len(vm, out.len())?;
    Ok(ss(out))
}

/// Resolves Python slice bounds `start`/`end` (None, negative) over `len` items.
fn slice_bounds(
    len: usize,
    start: Option<&Value>,
    end: Option<&Value>,
) -> Result<(usize, usize), Error> {
    let norm = |v: Option<&Value>, default: usize| -> Result<usize, Error> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = as_int(v).map_err(|_| {
                    type_error("slice indices must be integers or None or have an __index__ method")
                })?;
                Ok(if i < 0 {
                    (len as i64 + i).max(0) as usize
                } else {
                    (i as usize).min(len)
                })
            }
        }
    };
    Ok((norm(start, 0)?, norm(end, len)?))
}

/// Byte offset of char index `ci` in `st`.
fn byte_at(st: &str, ci: usize) -> usize {
    if st.is_ascii() {
        return ci.min(st.len());
    }
    st.char_indices().nth(ci).map_or(st.len(), |(b, _)| b)
}

fn char_index(st: &str, byte: usize) -> usize {
    if st.is_ascii() {
        byte
    } else {
        st[..byte].chars().count()
    }
}

/// (haystack, sub, start char index) for find/index/count; None when start > len.
fn find_setup(args: Args, qual: &str) -> Result<FindArgs, Error> {
    let (recv, p) = parse(args, qual, &["sub", "start", "end"], 1, false)?;
    let st = recv_str(&recv)?;
    let sub = match p.raw(0) {
        Some(Value::Str(x)) => x.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "must be str, not {}",
                other.type_name()
            )));
        }
        None => Rc::from(""),
    };
    let len = st.chars().count();
    let raw_start = p.raw(1).cloned();
    let (a, b) = slice_bounds(len, p.raw(1), p.raw(2))?;
    // CPython: a start beyond the end finds nothing, even the empty string.
    let beyond = match raw_start {
        Some(Value::Int(i)) if i >= 0 => i as usize > len,
        _ => false,
    };
    Ok((st, sub, a, b, beyond || a > b))
}

fn find_impl(args: Args, qual: &str, rev: bool) -> Result<i64, Error> {
    let (st, sub, a, b, none) = find_setup(args, qual)?;
    if none {
        return Ok(-1);
    }
    let (ba, bb) = (byte_at(&st, a), byte_at(&st, b));
    let hay = &st[ba..bb];
    let found = if rev {
        hay.rfind(&*sub)
    } else {
        hay.find(&*sub)
    };
    Ok(match found {
        Some(i) => (a + char_index(hay, i)) as i64,
        None => -1,
    })
}

fn str_find(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(Value::Int(find_impl(args, "str.find", false)?))
}
fn str_rfind(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(Value::Int(find_impl(args, "str.rfind", true)?))
}
fn str_index(_vm: &mut Vm<'_>, args: Args) -> R {
    match find_impl(args, "str.index", false)? {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}
fn str_rindex(_vm: &mut Vm<'_>, args: Args) -> R {
    match find_impl(args, "str.rindex", true)? {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn str_count(_vm: &mut Vm<'_>, args: Args) -> R {
    let (st, sub, a, b, none) = find_setup(args, "str.count")?;
    if none {
        return Ok(Value::Int(0));
    }
    let hay = &st[byte_at(&st, a)..byte_at(&st, b)];
    let n = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(&*sub).count()
    };
    Ok(Value::Int(n as i64))
}

fn affix_impl(args: Args, qual: &str, ends: bool) -> R {
    let (recv, p) = parse(args, qual, &["prefix", "start", "end"], 1, false)?;
    let st = recv_str(&recv)?;
    let len = st.chars().count();
    let (a, b) = slice_bounds(len, p.raw(1), p.raw(2))?;
    if a > b || matches!(p.raw(1), Some(Value::Int(i)) if *i >= 0 && *i as usize > len) {
        return Ok(Value::Bool(false));
    }
    let hay = &st[byte_at(&st, a)..byte_at(&st, b)];
    let test = |x: &str| {
        if ends {
            hay.ends_with(x)
        } else {
            hay.starts_with(x)
        }
    };
    let word = if ends { "endswith" } else { "startswith" };
    match p.raw(0) {
        Some(Value::Str(x)) => Ok(Value::Bool(test(x))),
        Some(Value::Tuple(t)) => {
            for item in t.iter() {
                match item {
                    Value::Str(x) => {
                        if test(x) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(type_error(format!(
                            "tuple for {word} must only contain str, not {}",
                            other.type_name()
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        Some(other) => Err(type_error(format!(
            "{word} first arg must be str or a tuple of str, not {}",
            other.type_name()
        ))),
        None => Ok(Value::Bool(false)),
    }
}

fn str_startswith(_vm: &mut Vm<'_>, args: Args) -> R {
    affix_impl(args, "startswith", false)
}
fn str_endswith(_vm: &mut Vm<'_>, args: Args) -> R {
    affix_impl(args, "endswith", true)
}

fn str_format_method(vm: &mut Vm<'_>, mut args: Args) -> R {
    if args.positional.is_empty() {
        return Err(type_error("unbound method str.format() needs an argument"));
    }
    let recv = args.positional.remove(0);
    let fmt = recv_str(&recv)?;
    Ok(ss(format::str_format(vm, &fmt, args)?))
}

fn str_format_map(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "str.format_map", &["mapping"], 1, false)?;
    let fmt = recv_str(&recv)?;
    let mapping = p.raw(0).cloned().unwrap_or(Value::None);
    Ok(ss(format::str_format_map(vm, &fmt, &mapping)?))
}

fn width_fill(vm: &Vm<'_>, p: &Params, qual: &str) -> Result<(usize, char), Error> {
    let w = as_int(p.raw(0).unwrap_or(&Value::Int(0)))?;
    let fill = match p.raw(1) {
        None => ' ',
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(Value::Str(_)) => {
            return Err(type_error(
                "The fill character must be exactly one character long",
            ))
        }
        Some(other) => {
            return Err(type_error(format!(
                "{qual}() argument 2 must be str, not {}",
                other.type_name()
            )))
        }
    };
    let w = w.max(0) as usize;
    check_len(vm, w)?;
    Ok((w, fill))
}

fn just(vm: &Vm<'_>, args: Args, qual: &str, mode: char) -> R {
    let (recv, p) = parse(args, qual, &["width", "fillchar"], 1, false)?;
    let (w, fill) = width_fill(vm, &p, qual)?;
    let st = recv_str(&recv)?;
    let len = st.chars().count();
    if len >= w {
        return Ok(Value::Str(st));
    }
    let marg = w - len;
    let left = match mode {
        '<' => 0,
        '>' => marg,
        // CPython's centering puts the odd space on the left when the width is odd.
        _ => marg / 2 + (marg & w & 1),
    };
    let mut out: String = std::iter::repeat_n(fill, left).collect();
    out.push_str(&st);
    out.extend(std::iter::repeat_n(fill, marg - left));
    Ok(ss(out))
}

fn str_center(vm: &mut Vm<'_>, args: Args) -> R {
    just(vm, args, "center", '^')
}
fn str_ljust(vm: &mut Vm<'_>, args: Args) -> R {
    just(vm, args, "ljust", '<')
}
fn str_rjust(vm: &mut Vm<'_>, args: Args) -> R {
    just(vm, args, "rjust", '>')
}

fn str_zfill(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "str.zfill", &["width"], 1, false)?;
    let w = as_int(p.raw(0).unwrap_or(&Value::Int(0)))?.max(0) as usize;
    check_len(vm, w)?;
    let st = recv_str(&recv)?;
    let len = st.chars().count();
    if len >= w {
        return Ok(Value::Str(st));
    }
    let (sign, rest) = match st.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &st[1..]),
        _ => (String::new(), &st[..]),
    };
    Ok(ss(format!("{sign}{}{rest}", "0".repeat(w - len))))
}

fn partition_impl(args: Args, qual: &str, rev: bool) -> R {
    let (recv, p) = parse(args, qual, &["sep"], 1, false)?;
    let st = recv_str(&recv)?;
    let sep = match p.raw(0) {
        Some(Value::Str(x)) => x.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "must be str, not {}",
                other.type_name()
            )))
        }
        None => Rc::from(""),
    };
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if rev { st.rfind(&*sep) } else { st.find(&*sep) };
    Ok(match found {
        Some(i) => Value::tuple(vec![
            s(&st[..i]),
            Value::Str(sep.clone()),
            s(&st[i + sep.len()..]),
        ]),
        None if rev => Value::tuple(vec![s(""), s(""), Value::Str(st.clone())]),
        None => Value::tuple(vec![Value::Str(st.clone()), s(""), s("")]),
    })
}

fn str_partition(_vm: &mut Vm<'_>, args: Args) -> R {
    partition_impl(args, "str.partition", false)
}
fn str_rpartition(_vm: &mut Vm<'_>, args: Args) -> R {
    partition_impl(args, "str.rpartition", true)
}

fn str_encode(_vm: &mut Vm<'_>, _args: Args) -> R {
    Err(Error::Forbidden(
        "str.encode (there is no bytes type)".into(),
    ))
}

fn str_expandtabs(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "expandtabs", &["tabsize"], 0, true)?;
    let size = match p.raw(0) {
        None => 8,
        Some(v) => as_int(v)?,
    };
    let st = recv_str(&recv)?;
    let mut out = String::new();
    let mut col = 0usize;
    for c in st.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size as usize - col % size as usize;
                    check_len(vm, out.len().saturating_add(n))?;
                    out.extend(std::iter::repeat_n(' ', n));
                    col += n;
                    check_len(vm, out.len())?;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(ss(out))
}

fn str_removeprefix(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "str.removeprefix", &["prefix"], 1, false)?;
    let st = recv_str(&recv)?;
    let pre = as_str(p.raw(0).unwrap_or(&Value::None), "removeprefix() argument")?;
    Ok(s(st.strip_prefix(pre).unwrap_or(&st)))
}

fn str_removesuffix(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "str.removesuffix", &["suffix"], 1, false)?;
    let st = recv_str(&recv)?;
    let suf = as_str(p.raw(0).unwrap_or(&Value::None), "removesuffix() argument")?;
    Ok(s(st.strip_suffix(suf).unwrap_or(&st)))
}

// ---------------------------------------------------------------------------
// list / tuple
// ---------------------------------------------------------------------------

fn list_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "append" => list_append,
        "extend" => list_extend,
        "insert" => list_insert,
        "pop" => list_pop,
        "remove" => list_remove,
        "index" => list_index,
        "count" => seq_count,
        "sort" => list_sort,
        "reverse" => list_reverse,
        "copy" => list_copy,
        "clear" => list_clear,
        _ => return None,
    })
}

fn recv_list(v: &Value) -> Result<Rc<RefCell<Vec<Value>>>, Error> {
    match v {
        Value::List(l) => Ok(l.clone()),
        other => Err(type_error(format!(
            "descriptor requires a 'list' object but received '{}'",
            other.type_name()
        ))),
    }
}

fn list_append(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "list.append", &["object"], 1, false)?;
    let l = recv_list(&recv)?;
    let mut l = l.borrow_mut();
    check_len(vm, l.len() + 1)?;
    l.push(p.raw(0).cloned().unwrap_or(Value::None));
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "list.extend", &["iterable"], 1, false)?;
    let l = recv_list(&recv)?;
    let items = iterate(vm, p.raw(0).unwrap_or(&Value::None))?;
    let mut l = l.borrow_mut();
    check_len(vm, l.len() + items.len())?;
    l.extend(items);
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "insert", &["index", "object"], 2, false)?;
    let l = recv_list(&recv)?;
    let i = as_int(p.raw(0).unwrap_or(&Value::None))?;
    let mut l = l.borrow_mut();
    check_len(vm, l.len() + 1)?;
    let len = l.len() as i64;
    let at = if i < 0 { (len + i).max(0) } else { i.min(len) } as usize;
    l.insert(at, p.raw(1).cloned().unwrap_or(Value::None));
    Ok(Value::None)
}

fn list_pop(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "pop", &["index"], 0, false)?;
    let l = recv_list(&recv)?;
    let mut l = l.borrow_mut();
    if l.is_empty() {
        return Err(exc("IndexError", "pop from empty list"));
    }
    let len = l.len() as i64;
    let i = match p.raw(0) {
        None => len - 1,
        Some(v) => as_int(v)?,
    };
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(exc("IndexError", "pop index out of range"));
    }
    Ok(l.remove(i as usize))
}

fn list_remove(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "list.remove", &["value"], 1, false)?;
    let l = recv_list(&recv)?;
    let x = p.raw(0).cloned().unwrap_or(Value::None);
    let items = l.borrow().clone();
    let mut pos = None;
    for (i, v) in items.iter().enumerate() {
        if vm.eq(v, &x)? {
            pos = Some(i);
            break;
        }
    }
    let pos = pos.filter(|&i| i < l.borrow().len());
    match pos {
        Some(i) => {
            l.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

fn seq_items(v: &Value) -> Vec<Value> {
    match v {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn index_impl(vm: &mut Vm<'_>, args: Args, qual: &str) -> Result<Option<i64>, Error> {
    let (recv, p) = parse(args, qual, &["value", "start", "stop"], 1, false)?;
    let items = seq_items(&recv);
    let x = p.raw(0).cloned().unwrap_or(Value::None);
    let (a, b) = slice_bounds(items.len(), p.raw(1), p.raw(2))?;
    for (i, item) in items.iter().enumerate().take(b).skip(a) {
        if vm.eq(item, &x)? {
            return Ok(Some(i as i64));
        }
    }
    Ok(None)
}

fn list_index(vm: &mut Vm<'_>, args: Args) -> R {
    let x = args.positional.get(1).cloned().unwrap_or(Value::None);
    match index_impl(vm, args, "index")? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(value_error(format!("{} is not in list", x.repr()))),
    }
}

fn tuple_index(vm: &mut Vm<'_>, args: Args) -> R {
    match index_impl(vm, args, "index")? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(value_error("tuple.index(x): x not in tuple")),
    }
}

fn seq_count(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "count", &["value"], 1, false)?;
    let x = p.raw(0).cloned().unwrap_or(Value::None);
    let mut n = 0;
    for v in seq_items(&recv) {
        if vm.eq(&v, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// Sorts `items` as `sorted()`/`list.sort()` do: stable, optional key function
/// (called through the evaluator), optional reverse.
pub fn sort_values(
    vm: &mut Vm<'_>,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> Result<Vec<Value>, Error> {
    let mut pairs: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for item in items {
        let k = match key {
            Some(f) => vm.call(f, Args::new(vec![item.clone()]))?,
            None => item.clone(),
        };
        pairs.push((k, item));
    }
    if reverse {
        pairs.reverse();
    }
    let mut sorted = merge_sort(pairs, &mut |a, b| py_lt(vm, &a.0, &b.0))?;
    if reverse {
        sorted.reverse();
    }
    Ok(sorted.into_iter().map(|(_, v)| v).collect())
}

fn list_sort(vm: &mut Vm<'_>, args: Args) -> R {
    if args.positional.len() > 1 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let (recv, p) = parse(args, "sort", &["key", "reverse"], 0, true)?;
    let l = recv_list(&recv)?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let reverse = p.get(1).is_some_and(Value::truthy);
    match sort_values(vm, items.clone(), p.get(0), reverse) {
        Ok(sorted) => {
            *l.borrow_mut() = sorted;
            Ok(Value::None)
        }
        Err(e) => {
            *l.borrow_mut() = items;
            Err(e)
        }
    }
}

fn list_reverse(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "list.reverse", &[], 0, false)?;
    recv_list(&recv)?.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "list.copy", &[], 0, false)?;
    let items = recv_list(&recv)?.borrow().clone();
    Ok(Value::list(items))
}

fn list_clear(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "list.clear", &[], 0, false)?;
    recv_list(&recv)?.borrow_mut().clear();
    Ok(Value::None)
}

// ---------------------------------------------------------------------------
// dict
// ---------------------------------------------------------------------------

fn dict_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "get" => dict_get,
        "keys" => dict_keys,
        "values" => dict_values,
        "items" => dict_items,
        "pop" => dict_pop,
        "popitem" => dict_popitem,
        "setdefault" => dict_setdefault,
        "update" => dict_update,
        "copy" => dict_copy,
        "clear" => dict_clear,
        "fromkeys" => dict_fromkeys_bound,
        _ => return None,
    })
}

/// `d.fromkeys(…)` through an instance: the receiver is ignored.
fn dict_fromkeys_bound(vm: &mut Vm<'_>, mut args: Args) -> R {
    if !args.positional.is_empty() {
        args.positional.remove(0);
    }
    dict_fromkeys(vm, args)
}

fn recv_dict(v: &Value) -> Result<Rc<RefCell<Dict>>, Error> {
    match v {
        Value::Dict(d) | Value::Set(d) => Ok(d.clone()),
        other => Err(type_error(format!(
            "descriptor requires a 'dict' object but received '{}'",
            other.type_name()
        ))),
    }
}

fn dict_get(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "get", &["key", "default"], 1, false)?;
    let d = recv_dict(&recv)?;
    let k = key_of(p.raw(0).unwrap_or(&Value::None))?;
    let found = d.borrow().get(&k).cloned();
    Ok(found.unwrap_or_else(|| p.raw(1).cloned().unwrap_or(Value::None)))
}

fn dict_fromkeys(vm: &mut Vm<'_>, args: Args) -> R {
    let mut a = Args::new(vec![Value::None]);
    a.positional.extend(args.positional);
    a.keyword = args.keyword;
    let (_, p) = parse(a, "fromkeys", &["iterable", "value"], 1, false)?;
    let value = p.raw(1).cloned().unwrap_or(Value::None);
    let mut d: Dict = IndexMap::new();
    for item in iterate(vm, p.raw(0).unwrap_or(&Value::None))? {
        d.insert(key_of(&item)?, value.clone());
    }
    check_len(vm, d.len())?;
    Ok(Value::dict(d))
}

fn dict_keys(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "dict.keys", &[], 0, false)?;
    let keys = recv_dict(&recv)?
        .borrow()
        .keys()
        .map(Key::to_value)
        .collect();
    Ok(Value::list(keys))
}

fn dict_values(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "dict.values", &[], 0, false)?;
    let vals = recv_dict(&recv)?.borrow().values().cloned().collect();
    Ok(Value::list(vals))
}

fn dict_items(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "dict.items", &[], 0, false)?;
    let items = recv_dict(&recv)?
        .borrow()
        .iter()
        .map(|(k, v)| Value::tuple(vec![k.to_value(), v.clone()]))
        .collect();
    Ok(Value::list(items))
}

fn dict_pop(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "pop", &["key", "default"], 1, false)?;
    let d = recv_dict(&recv)?;
    let kv = p.raw(0).cloned().unwrap_or(Value::None);
    let k = key_of(&kv)?;
    let removed = d.borrow_mut().shift_remove(&k);
    match removed {
        Some(v) => Ok(v),
        None => match p.raw(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.key_error(&kv)),
        },
    }
}

fn dict_popitem(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "dict.popitem", &[], 0, false)?;
    let d = recv_dict(&recv)?;
    let last = d.borrow_mut().pop();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k.to_value(), v])),
        None => Err(vm.key_error(&s("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "setdefault", &["key", "default"], 1, false)?;
    let d = recv_dict(&recv)?;
    let k = key_of(p.raw(0).unwrap_or(&Value::None))?;
    let mut d = d.borrow_mut();
    if let Some(v) = d.get(&k) {
        return Ok(v.clone());
    }
    let v = p.raw(1).cloned().unwrap_or(Value::None);
    check_len(vm, d.len() + 1)?;
    d.insert(k, v.clone());
    Ok(v)
}

/// The (key, value) pairs of a dict-like argument (`dict.update`, `dict()`).
pub(crate) fn pairs_of(vm: &mut Vm<'_>, v: &Value) -> Result<Vec<(Key, Value)>, Error> {
    if let Value::Dict(d) = v {
        return Ok(d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect());
    }
    let items = iterate(vm, v)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let pair = match item {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            Value::Str(st) => st.chars().map(|c| ss(c.to_string())).collect(),
            _ => {
                return Err(type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )))
            }
        };
        if pair.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        out.push((key_of(&pair[0])?, pair[1].clone()));
    }
    Ok(out)
}

fn dict_update(vm: &mut Vm<'_>, mut args: Args) -> R {
    let keyword = std::mem::take(&mut args.keyword);
    let (recv, p) = parse(args, "update", &["other"], 0, false)?;
    let d = recv_dict(&recv)?;
    let mut pairs = match p.raw(0) {
        Some(v) => pairs_of(vm, v)?,
        None => Vec::new(),
    };
    pairs.extend(keyword.into_iter().map(|(k, v)| (Key::Str(k), v)));
    let mut d = d.borrow_mut();
    for (k, v) in pairs {
        d.insert(k, v);
    }
    check_len(vm, d.len())?;
    Ok(Value::None)
}

fn dict_copy(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "dict.copy", &[], 0, false)?;
    let d = recv_dict(&recv)?.borrow().clone();
    Ok(match recv {
        Value::Set(_) => Value::Set(Rc::new(RefCell::new(d))),
        _ => Value::dict(d),
    })
}

fn dict_clear(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "dict.clear", &[], 0, false)?;
    recv_dict(&recv)?.borrow_mut().clear();
    Ok(Value::None)
}

// ---------------------------------------------------------------------------
// set
// ---------------------------------------------------------------------------

fn set_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "add" => set_add,
        "discard" => set_discard,
        "remove" => set_remove,
        "pop" => set_pop,
        "union" => set_union,
        "intersection" => set_intersection,
        "difference" => set_difference,
        "symmetric_difference" => set_symmetric_difference,
        "issubset" => set_issubset,
        "issuperset" => set_issuperset,
        "isdisjoint" => set_isdisjoint,
        "update" => set_update,
        "intersection_update" => set_intersection_update,
        "difference_update" => set_difference_update,
        "clear" => dict_clear,
        "copy" => dict_copy,
        _ => return None,
    })
}

fn new_set(d: Dict) -> Value {
    Value::Set(Rc::new(RefCell::new(d)))
}

fn key_set(vm: &mut Vm<'_>, v: &Value) -> Result<Dict, Error> {
    if let Value::Set(d) = v {
        return Ok(d.borrow().clone());
    }
    let mut out = IndexMap::new();
    for item in iterate(vm, v)? {
        out.insert(key_of(&item)?, Value::None);
    }
    Ok(out)
}

fn set_add(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "set.add", &["object"], 1, false)?;
    let d = recv_dict(&recv)?;
    let k = key_of(p.raw(0).unwrap_or(&Value::None))?;
    let mut d = d.borrow_mut();
    if !d.contains_key(&k) {
        check_len(vm, d.len() + 1)?;
        d.insert(k, Value::None);
    }
    Ok(Value::None)
}

fn set_discard(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "set.discard", &["object"], 1, false)?;
    let k = key_of(p.raw(0).unwrap_or(&Value::None))?;
    recv_dict(&recv)?.borrow_mut().shift_remove(&k);
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "set.remove", &["object"], 1, false)?;
    let kv = p.raw(0).cloned().unwrap_or(Value::None);
    let k = key_of(&kv)?;
    match recv_dict(&recv)?.borrow_mut().shift_remove(&k) {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(&kv)),
    }
}

fn set_pop(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "set.pop", &[], 0, false)?;
    let d = recv_dict(&recv)?;
    let first = d.borrow_mut().shift_remove_index(0);
    match first {
        Some((k, _)) => Ok(k.to_value()),
        None => Err(vm.key_error(&s("pop from an empty set"))),
    }
}

fn set_op(vm: &mut Vm<'_>, args: Args, qual: &str, op: fn(&mut Dict, &Dict)) -> R {
    let mut pos = args.positional.into_iter();
    let recv = pos.next().unwrap_or(Value::None);
    if !args.keyword.is_empty() {
        return Err(type_error(format!("{qual}() takes no keyword arguments")));
    }
    let mut acc = recv_dict(&recv)?.borrow().clone();
    for other in pos {
        let o = key_set(vm, &other)?;
        op(&mut acc, &o);
    }
    check_len(vm, acc.len())?;
    Ok(new_set(acc))
}

fn op_union(a: &mut Dict, b: &Dict) {
    for k in b.keys() {
        a.entry(k.clone()).or_insert(Value::None);
    }
}
fn op_intersection(a: &mut Dict, b: &Dict) {
    a.retain(|k, _| b.contains_key(k));
}
fn op_difference(a: &mut Dict, b: &Dict) {
    a.retain(|k, _| !b.contains_key(k));
}
fn op_symmetric(a: &mut Dict, b: &Dict) {
    for k in b.keys() {
        if a.shift_remove(k).is_none() {
            a.insert(k.clone(), Value::None);
        }
    }
}

fn set_union(vm: &mut Vm<'_>, args: Args) -> R {
    set_op(vm, args, "set.union", op_union)
}
fn set_intersection(vm: &mut Vm<'_>, args: Args) -> R {
    set_op(vm, args, "set.intersection", op_intersection)
}
fn set_difference(vm: &mut Vm<'_>, args: Args) -> R {
    set_op(vm, args, "set.difference", op_difference)
}
fn set_symmetric_difference(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "set.symmetric_difference", &["other"], 1, false)?;
    let other = p.raw(0).cloned().unwrap_or(Value::None);
    set_op(
        vm,
        Args::new(vec![recv, other]),
        "set.symmetric_difference",
        op_symmetric,
    )
}

fn set_update_impl(vm: &mut Vm<'_>, args: Args, qual: &str, op: fn(&mut Dict, &Dict)) -> R {
    let recv = args.positional.first().cloned().unwrap_or(Value::None);
    let result = set_op(vm, args, qual, op)?;
    if let (Value::Set(target), Value::Set(new)) = (&recv, &result) {
        let new = new.borrow().clone();
        *target.borrow_mut() = new;
    }
    Ok(Value::None)
}

fn set_update(vm: &mut Vm<'_>, args: Args) -> R {
    set_update_impl(vm, args, "set.update", op_union)
}
fn set_intersection_update(vm: &mut Vm<'_>, args: Args) -> R {
    set_update_impl(vm, args, "set.intersection_update", op_intersection)
}
fn set_difference_update(vm: &mut Vm<'_>, args: Args) -> R {
    set_update_impl(vm, args, "set.difference_update", op_difference)
}

fn set_relation(vm: &mut Vm<'_>, args: Args, qual: &str) -> Result<(Dict, Dict), Error> {
    let (recv, p) = parse(args, qual, &["other"], 1, false)?;
    let a = recv_dict(&recv)?.borrow().clone();
    let b = key_set(vm, p.raw(0).unwrap_or(&Value::None))?;
    Ok((a, b))
}

fn set_issubset(vm: &mut Vm<'_>, args: Args) -> R {
    let (a, b) = set_relation(vm, args, "set.issubset")?;
    Ok(Value::Bool(a.keys().all(|k| b.contains_key(k))))
}
fn set_issuperset(vm: &mut Vm<'_>, args: Args) -> R {
    let (a, b) = set_relation(vm, args, "set.issuperset")?;
    Ok(Value::Bool(b.keys().all(|k| a.contains_key(k))))
}
fn set_isdisjoint(vm: &mut Vm<'_>, args: Args) -> R {
    let (a, b) = set_relation(vm, args, "set.isdisjoint")?;
    Ok(Value::Bool(!a.keys().any(|k| b.contains_key(k))))
}

// ---------------------------------------------------------------------------
// numbers
// ---------------------------------------------------------------------------

fn int_bit_length(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "int.bit_length", &[], 0, false)?;
    let i = as_int(&recv)?;
    Ok(Value::Int(i64::from(64 - i.unsigned_abs().leading_zeros())))
}

fn num_conjugate(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "conjugate", &[], 0, false)?;
    Ok(match recv {
        Value::Bool(b) => Value::Int(b as i64),
        other => other,
    })
}

fn float_is_integer(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "float.is_integer", &[], 0, false)?;
    Ok(Value::Bool(
        matches!(recv, Value::Float(f) if f.is_finite() && f.fract() == 0.0),
    ))
}

// ---------------------------------------------------------------------------
// date / datetime / time
// ---------------------------------------------------------------------------

fn temporal_method(receiver: &Value, name: &str) -> Option<NativeFn> {
    let is_time = matches!(receiver, Value::Time(_));
    let is_date = matches!(receiver, Value::Date(_));
    Some(match name {
        "isoformat" => t_isoformat,
        "strftime" => t_strftime,
        "__format__" => t_format,
        "replace" => t_replace,
        "weekday" if !is_time => t_weekday,
        "isoweekday" if !is_time => t_isoweekday,
        "isocalendar" if !is_time => t_isocalendar,
        "toordinal" if !is_time => t_toordinal,
        "ctime" if !is_time => t_ctime,
        "timetuple" if !is_time => return None,
        "date" if !is_time && !is_date => t_date,
        "time" if !is_time && !is_date => t_time,
        "timestamp" if !is_time && !is_date => t_timestamp,
        _ => return None,
    })
}

fn date_of(v: &Value) -> Option<NaiveDate> {
    match v {
        Value::Date(d) => Some(*d),
        Value::DateTime(dt) => Some(dt.date()),
        _ => None,
    }
}

fn t_weekday(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "weekday", &[], 0, false)?;
    let d = date_of(&recv).ok_or_else(|| type_error("weekday() needs a date"))?;
    Ok(Value::Int(d.weekday().num_days_from_monday().into()))
}

fn t_isoweekday(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "isoweekday", &[], 0, false)?;
    let d = date_of(&recv).ok_or_else(|| type_error("isoweekday() needs a date"))?;
    Ok(Value::Int(d.weekday().number_from_monday().into()))
}

fn t_isocalendar(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "isocalendar", &[], 0, false)?;
    let d = date_of(&recv).ok_or_else(|| type_error("isocalendar() needs a date"))?;
    let w = d.iso_week();
    Ok(Value::tuple(vec![
        Value::Int(w.year().into()),
        Value::Int(w.week().into()),
        Value::Int(d.weekday().number_from_monday().into()),
    ]))
}

fn t_toordinal(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "toordinal", &[], 0, false)?;
    let d = date_of(&recv).ok_or_else(|| type_error("toordinal() needs a date"))?;
    Ok(Value::Int(i64::from(d.num_days_from_ce())))
}

fn t_ctime(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "ctime", &[], 0, false)?;
    Ok(ss(match recv {
        Value::Date(d) => format::strftime_date(d, "%c"),
        Value::DateTime(dt) => format::strftime(dt.date(), dt.time(), "%c"),
        _ => String::new(),
    }))
}

fn t_date(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "date", &[], 0, false)?;
    date_of(&recv)
        .map(Value::Date)
        .ok_or_else(|| type_error("date() needs a datetime"))
}

fn t_time(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "time", &[], 0, false)?;
    match recv {
        Value::DateTime(dt) => Ok(Value::Time(dt.time())),
        _ => Err(type_error("time() needs a datetime")),
    }
}

/// `datetime.timestamp()`: naive datetimes are taken as UTC (Colloquy has no host time zone).
fn t_timestamp(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "timestamp", &[], 0, false)?;
    match recv {
        Value::DateTime(dt) => {
            let u = dt.and_utc();
            Ok(Value::Float(
                u.timestamp() as f64 + f64::from(u.timestamp_subsec_micros()) / 1e6,
            ))
        }
        _ => Err(type_error("timestamp() needs a datetime")),
    }
}

fn timespec_time(t: &NaiveTime, spec: &str) -> Result<String, Error> {
    let us = t.nanosecond() / 1000;
    let (h, m, sec) = (t.hour(), t.minute(), t.second());
    Ok(match spec {
        "auto" => format::time_str(t),
        "hours" => format!("{h:02}"),
        "minutes" => format!("{h:02}:{m:02}"),
        "seconds" => format!("{h:02}:{m:02}:{sec:02}"),
        "milliseconds" => format!("{h:02}:{m:02}:{sec:02}.{:03}", us / 1000),
        "microseconds" => format!("{h:02}:{m:02}:{sec:02}.{us:06}"),
        _ => return Err(value_error("Unknown timespec value")),
    })
}

fn t_isoformat(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "isoformat", &["sep", "timespec"], 0, true)?;
    match &recv {
        Value::Date(d) => {
            if p.raw(0).is_some() {
                return Err(type_error("date.isoformat() takes no arguments (1 given)"));
            }
            Ok(ss(d.format("%Y-%m-%d").to_string()))
        }
        Value::DateTime(dt) => {
            let sep = match p.raw(0) {
                None => 'T',
                Some(Value::Str(x)) if x.chars().count() == 1 => x.chars().next().unwrap_or('T'),
                Some(_) => {
                    return Err(type_error(
                        "isoformat() argument 1 must be a unicode character",
                    ))
                }
            };
            let spec = match p.raw(1) {
                None => "auto".to_string(),
                Some(v) => as_str(v, "timespec")?.to_string(),
            };
            Ok(ss(format!(
                "{}{sep}{}",
                dt.date().format("%Y-%m-%d"),
                timespec_time(&dt.time(), &spec)?
            )))
        }
        Value::Time(t) => {
            // time.isoformat(timespec='auto') takes timespec first
            let spec = match p.raw(0).or(p.raw(1)) {
                None => "auto".to_string(),
                Some(v) => as_str(v, "timespec")?.to_string(),
            };
            Ok(ss(timespec_time(t, &spec)?))
        }
        _ => Err(type_error("isoformat() needs a date")),
    }
}

fn t_strftime(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "strftime", &["format"], 1, true)?;
    let fmt = match p.raw(0) {
        Some(Value::Str(f)) => f.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "strftime() argument 1 must be str, not {}",
                other.type_name()
            )))
        }
        None => Rc::from(""),
    };
    Ok(ss(match recv {
        Value::Date(d) => format::strftime_date(d, &fmt),
        Value::DateTime(dt) => format::strftime(dt.date(), dt.time(), &fmt),
        Value::Time(t) => format::strftime(
            NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default(),
            t,
            &fmt,
        ),
        _ => String::new(),
    }))
}

fn t_format(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "__format__", &["format_spec"], 1, false)?;
    let spec = as_str(p.raw(0).unwrap_or(&Value::None), "format_spec")?.to_string();
    Ok(ss(format::format_value(vm, &recv, &spec)?))
}

/// Builds a date, checking Python's ranges and messages.
pub(crate) fn make_date(y: i64, m: i64, d: i64) -> Result<NaiveDate, Error> {
    if !(1..=9999).contains(&y) {
        return Err(value_error(format!("year {y} is out of range")));
    }
    if !(1..=12).contains(&m) {
        return Err(value_error("month must be in 1..12"));
    }
    NaiveDate::from_ymd_opt(y as i32, m as u32, d.clamp(0, 99) as u32)
        .filter(|_| d >= 1)
        .ok_or_else(|| value_error("day is out of range for month"))
}

/// Builds a time, checking Python's ranges and messages.
pub(crate) fn make_time(h: i64, mi: i64, sec: i64, us: i64) -> Result<NaiveTime, Error> {
    if !(0..=23).contains(&h) {
        return Err(value_error("hour must be in 0..23"));
    }
    if !(0..=59).contains(&mi) {
        return Err(value_error("minute must be in 0..59"));
    }
    if !(0..=59).contains(&sec) {
        return Err(value_error("second must be in 0..59"));
    }
    if !(0..=999_999).contains(&us) {
        return Err(value_error("microsecond must be in 0..999999"));
    }
    NaiveTime::from_hms_micro_opt(h as u32, mi as u32, sec as u32, us as u32)
        .ok_or_else(|| value_error("invalid time"))
}

fn t_replace(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(
        args,
        "replace",
        &[
            "year",
            "month",
            "day",
            "hour",
            "minute",
            "second",
            "microsecond",
            "tzinfo",
            "fold",
        ],
        0,
        true,
    )?;
    let get = |i: usize, cur: i64| -> Result<i64, Error> {
        match p.raw(i) {
            None => Ok(cur),
            Some(v) => as_int(v),
        }
    };
    if p.get(7).is_some() {
        return Err(Error::Forbidden("time zones (tzinfo)".into()));
    }
    match recv {
        Value::Date(d) => {
            if (3..7).any(|i| p.raw(i).is_some()) {
                return Err(type_error(
                    "'hour' is an invalid keyword argument for replace()",
                ));
            }
            Ok(Value::Date(make_date(
                get(0, d.year().into())?,
                get(1, d.month().into())?,
                get(2, d.day().into())?,
            )?))
        }
        Value::DateTime(dt) => {
            let d = make_date(
                get(0, dt.year().into())?,
                get(1, dt.month().into())?,
                get(2, dt.day().into())?,
            )?;
            let t = make_time(
                get(3, dt.hour().into())?,
                get(4, dt.minute().into())?,
                get(5, dt.second().into())?,
                get(6, (dt.nanosecond() / 1000).into())?,
            )?;
            Ok(Value::DateTime(NaiveDateTime::new(d, t)))
        }
        Value::Time(t) => {
            // time.replace(hour, minute, second, microsecond): positional order differs
            let vals: Vec<Option<&Value>> = (0..7).map(|i| p.raw(i)).collect();
            let pick = |named: usize, positional: usize, cur: u32| -> Result<i64, Error> {
                match vals[named].or(if positional < 3 {
                    vals[positional]
                } else {
                    None
                }) {
                    None => Ok(cur.into()),
                    Some(v) => as_int(v),
                }
            };
            Ok(Value::Time(make_time(
                pick(3, 0, t.hour())?,
                pick(4, 1, t.minute())?,
                pick(5, 2, t.second())?,
                pick(6, 9, t.nanosecond() / 1000)?,
            )?))
        }
        _ => Err(type_error("replace() needs a date")),
    }
}

// ---------------------------------------------------------------------------
// timedelta
// ---------------------------------------------------------------------------

thread_local! {
    static TIMEDELTA: Rc<Class> = {
        let c = Rc::new(Class {
            name: Rc::from("timedelta"),
            bases: Vec::new(),
            attrs: RefCell::default(),
            constructor: Some(crate::modules::timedelta_new),
        });
        c.set_attr("__str__", Value::native("timedelta.__str__", td_str));
        c.set_attr("__repr__", Value::native("timedelta.__repr__", td_repr));
        c.set_attr("__bool__", Value::native("timedelta.__bool__", td_bool));
        c.set_attr("total_seconds", Value::native("total_seconds", td_total_seconds));
        c.set_attr("__abs__", Value::native("timedelta.__abs__", td_abs));
        c.set_attr("__neg__", Value::native("timedelta.__neg__", td_neg));
        c.set_attr("__pos__", Value::native("timedelta.__pos__", td_pos));
        c
    };
}

/// The class of timedelta values (shared per thread).
pub fn timedelta_class() -> Rc<Class> {
    TIMEDELTA.with(Rc::clone)
}

const US_PER_DAY: i128 = 86_400_000_000;
const MAX_TD_DAYS: i128 = 999_999_999;

/// A timedelta value from a total number of microseconds, or OverflowError.
pub fn timedelta_from_micros(total: i128) -> R {
    let days = total.div_euclid(US_PER_DAY);
    let rem = total.rem_euclid(US_PER_DAY);
    if days.abs() > MAX_TD_DAYS {
        return Err(exc(
            "OverflowError",
            format!("days={days}; must have magnitude <= 999999999"),
        ));
    }
    let mut attrs = IndexMap::new();
    attrs.insert(Rc::from("days"), Value::Int(days as i64));
    attrs.insert(Rc::from("seconds"), Value::Int((rem / 1_000_000) as i64));
    attrs.insert(
        Rc::from("microseconds"),
        Value::Int((rem % 1_000_000) as i64),
    );
    Ok(Value::Object(Rc::new(RefCell::new(Object {
        class: timedelta_class(),
        attrs,
        instance_name: None,
    }))))
}

/// (days, seconds, microseconds) of a timedelta value.
pub fn timedelta_parts(v: &Value) -> Option<(i64, i64, i64)> {
    let Value::Object(o) = v else { return None };
    let o = o.borrow();
    if &*o.class.name != "timedelta" {
        return None;
    }
    let get = |n: &str| match o.attrs.get(n) {
        Some(Value::Int(i)) => *i,
        _ => 0,
    };
    Some((get("days"), get("seconds"), get("microseconds")))
}

fn td_micros((d, s, us): (i64, i64, i64)) -> i128 {
    i128::from(d) * US_PER_DAY + i128::from(s) * 1_000_000 + i128::from(us)
}

fn recv_td(args: &Args) -> Result<(i64, i64, i64), Error> {
    args.positional
        .first()
        .and_then(timedelta_parts)
        .ok_or_else(|| type_error("descriptor requires a 'datetime.timedelta' object"))
}

/// Python's `str(timedelta)`.
pub fn timedelta_str((days, secs, us): (i64, i64, i64)) -> String {
    let (hh, rem) = (secs / 3600, secs % 3600);
    let (mm, sec) = (rem / 60, rem % 60);
    let mut out = String::new();
    if days != 0 {
        out.push_str(&format!(
            "{days} day{}, ",
            if days.abs() != 1 { "s" } else { "" }
        ));
    }
    out.push_str(&format!("{hh}:{mm:02}:{sec:02}"));
    if us != 0 {
        out.push_str(&format!(".{us:06}"));
    }
    out
}

/// Python's `repr(timedelta)`.
pub fn timedelta_repr((days, secs, us): (i64, i64, i64)) -> String {
    let mut parts = Vec::new();
    if days != 0 {
        parts.push(format!("days={days}"));
    }
    if secs != 0 {
        parts.push(format!("seconds={secs}"));
    }
    if us != 0 {
        parts.push(format!("microseconds={us}"));
    }
    if parts.is_empty() {
        parts.push("0".into());
    }
    format!("datetime.timedelta({})", parts.join(", "))
}

fn td_str(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(ss(timedelta_str(recv_td(&args)?)))
}
fn td_repr(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(ss(timedelta_repr(recv_td(&args)?)))
}
fn td_bool(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(Value::Bool(td_micros(recv_td(&args)?) != 0))
}
fn td_abs(_vm: &mut Vm<'_>, args: Args) -> R {
    timedelta_from_micros(td_micros(recv_td(&args)?).abs())
}
fn td_neg(_vm: &mut Vm<'_>, args: Args) -> R {
    timedelta_from_micros(-td_micros(recv_td(&args)?))
}
fn td_pos(_vm: &mut Vm<'_>, args: Args) -> R {
    timedelta_from_micros(td_micros(recv_td(&args)?))
}
fn td_total_seconds(_vm: &mut Vm<'_>, args: Args) -> R {
    let (_, _) = parse(
        Args::new(args.positional.clone()),
        "total_seconds",
        &[],
        0,
        false,
    )?;
    Ok(Value::Float(td_micros(recv_td(&args)?) as f64 / 1e6))
}

/// Rounds half to even.
fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

fn date_add_days(d: NaiveDate, days: i64) -> R {
    d.checked_add_signed(
        Duration::try_days(days).ok_or_else(|| exc("OverflowError", "date value out of range"))?,
    )
    .filter(|d| (1..=9999).contains(&d.year()))
    .map(Value::Date)
    .ok_or_else(|| exc("OverflowError", "date value out of range"))
}

fn datetime_add_micros(dt: NaiveDateTime, us: i128) -> R {
    let us = i64::try_from(us).map_err(|_| exc("OverflowError", "date value out of range"))?;
    dt.checked_add_signed(Duration::microseconds(us))
        .filter(|d| (1..=9999).contains(&d.year()))
        .map(Value::DateTime)
        .ok_or_else(|| exc("OverflowError", "date value out of range"))
}

fn cmp_result(op: &str, o: Ordering) -> Option<bool> {
    Some(match op {
        "<" => o == Ordering::Less,
        "<=" => o != Ordering::Greater,
        ">" => o == Ordering::Greater,
        ">=" => o != Ordering::Less,
        "==" => o == Ordering::Equal,
        "!=" => o != Ordering::Equal,
        _ => return None,
    })
}

fn temporal_kind(v: &Value) -> Option<&'static str> {
    match v {
        Value::Date(_) => Some("datetime.date"),
        Value::DateTime(_) => Some("datetime.datetime"),
        Value::Time(_) => Some("datetime.time"),
        other => timedelta_parts(other).map(|_| "datetime.timedelta"),
    }
}

/// Arithmetic and comparisons involving dates, datetimes, times and timedeltas
/// (`op` is `+ - * / // % < <= > >= == !=`). `None` when the operands are not
/// temporal (or the combination is unsupported: the caller raises its TypeError).
pub fn temporal_binop(op: &str, a: &Value, b: &Value) -> Option<Result<Value, Error>> {
    use Value::{Bool, Date, DateTime, Float, Int, Time};
    let (ka, kb) = (temporal_kind(a), temporal_kind(b));
    if ka.is_none() && kb.is_none() {
        return None;
    }
    let ta = timedelta_parts(a);
    let tb = timedelta_parts(b);
    // unary minus / plus / abs (the evaluator passes None as the second operand)
    if let (Some(x), Value::None) = (ta, b) {
        match op {
            "-" => return Some(timedelta_from_micros(-td_micros(x))),
            "+" => return Some(timedelta_from_micros(td_micros(x))),
            "abs" => return Some(timedelta_from_micros(td_micros(x).abs())),
            _ => {}
        }
    }
    // comparisons
    if matches!(op, "<" | "<=" | ">" | ">=" | "==" | "!=") {
        let ord = match (a, b) {
            (Date(x), Date(y)) => Some(x.cmp(y)),
            (DateTime(x), DateTime(y)) => Some(x.cmp(y)),
            (Time(x), Time(y)) => Some(x.cmp(y)),
            _ => match (ta, tb) {
                (Some(x), Some(y)) => Some(td_micros(x).cmp(&td_micros(y))),
                _ => None,
            },
        };
        return Some(match ord {
            Some(o) => Ok(Bool(cmp_result(op, o).unwrap_or(false))),
            None => match op {
                "==" => Ok(Bool(false)),
                "!=" => Ok(Bool(true)),
                _ => {
                    if matches!((a, b), (Date(_), DateTime(_)) | (DateTime(_), Date(_))) {
                        return Some(Err(type_error(
                            "can't compare datetime.datetime to datetime.date",
                        )));
                    }
                    let name = |v: &Value| {
                        temporal_kind(v)
                            .map(str::to_string)
                            .unwrap_or_else(|| v.class_name().to_string())
                    };
                    Err(type_error(format!(
                        "'{op}' not supported between instances of '{}' and '{}'",
                        name(a),
                        name(b)
                    )))
                }
            },
        });
    }
    let num = |v: &Value| match v {
        Int(i) => Some(*i as f64),
        Bool(x) => Some(*x as i64 as f64),
        Float(f) => Some(*f),
        _ => None,
    };
    let int = |v: &Value| match v {
        Int(i) => Some(i128::from(*i)),
        Bool(x) => Some(i128::from(*x)),
        _ => None,
    };
    let r = match (op, a, b) {
        ("+", Date(d), _) if tb.is_some() => date_add_days(*d, tb?.0),
        ("+", _, Date(d)) if ta.is_some() => date_add_days(*d, ta?.0),
        ("-", Date(d), _) if tb.is_some() => date_add_days(*d, -tb?.0),
        ("-", Date(x), Date(y)) => {
            timedelta_from_micros(i128::from((*x - *y).num_days()) * US_PER_DAY)
        }
        ("+", DateTime(d), _) if tb.is_some() => datetime_add_micros(*d, td_micros(tb?)),
        ("+", _, DateTime(d)) if ta.is_some() => datetime_add_micros(*d, td_micros(ta?)),
        ("-", DateTime(d), _) if tb.is_some() => datetime_add_micros(*d, -td_micros(tb?)),
        ("-", DateTime(x), DateTime(y)) => {
            let diff = *x - *y;
            match diff.num_microseconds() {
                Some(us) => timedelta_from_micros(i128::from(us)),
                None => Err(exc("OverflowError", "date value out of range")),
            }
        }
        _ => match (ta, tb) {
            (Some(x), Some(y)) => {
                let (x, y) = (td_micros(x), td_micros(y));
                match op {
                    "+" => timedelta_from_micros(x + y),
                    "-" => timedelta_from_micros(x - y),
                    "/" => {
                        if y == 0 {
                            Err(exc("ZeroDivisionError", "division by zero"))
                        } else {
                            Ok(Float(x as f64 / y as f64))
                        }
                    }
                    "//" => {
                        if y == 0 {
                            Err(exc(
                                "ZeroDivisionError",
                                "integer division or modulo by zero",
                            ))
                        } else {
                            i64::try_from(
                                x.div_euclid(y) - i128::from(y < 0 && x.rem_euclid(y) != 0),
                            )
                            .map(Int)
                            .map_err(|_| exc("OverflowError", "result too large"))
                        }
                    }
                    "%" => {
                        if y == 0 {
                            Err(exc(
                                "ZeroDivisionError",
                                "integer division or modulo by zero",
                            ))
                        } else {
                            let m = x.rem_euclid(y);
                            timedelta_from_micros(if y < 0 && m != 0 { m + y } else { m })
                        }
                    }
                    _ => return unsupported(op, a, b),
                }
            }
            (Some(x), None) => {
                let x = td_micros(x);
                match op {
                    "*" => match int(b) {
                        Some(n) => match x.checked_mul(n) {
                            Some(v) => timedelta_from_micros(v),
                            None => Err(exc("OverflowError", "date value out of range")),
                        },
                        None => {
                            let Some(f) = num(b) else {
                                return unsupported(op, a, b);
                            };
                            td_from_float(x as f64 * f)
                        }
                    },
                    "/" => {
                        let Some(f) = num(b) else {
                            return unsupported(op, a, b);
                        };
                        if f == 0.0 {
                            Err(exc("ZeroDivisionError", "division by zero"))
                        } else {
                            td_from_float(x as f64 / f)
                        }
                    }
                    "//" => {
                        let Some(n) = int(b) else {
                            return unsupported(op, a, b);
                        };
                        if n == 0 {
                            Err(exc(
                                "ZeroDivisionError",
                                "integer division or modulo by zero",
                            ))
                        } else {
                            let q = x.div_euclid(n) - i128::from(n < 0 && x.rem_euclid(n) != 0);
                            timedelta_from_micros(q)
                        }
                    }
                    _ => return unsupported(op, a, b),
                }
            }
            (None, Some(y)) if op == "*" => match int(a) {
                Some(n) => match td_micros(y).checked_mul(n) {
                    Some(v) => timedelta_from_micros(v),
                    None => Err(exc("OverflowError", "date value out of range")),
                },
                None => match num(a) {
                    Some(f) => td_from_float(td_micros(y) as f64 * f),
                    None => return unsupported(op, a, b),
                },
            },
            _ => return unsupported(op, a, b),
        },
    };
    Some(r)
}

/// CPython's TypeError for an operator between a temporal value and something it
/// does not combine with; `None` (let the evaluator decide) when the other operand
/// is an object that may implement the reflected operator, or for unary operators.
fn unsupported(op: &str, a: &Value, b: &Value) -> Option<Result<Value, Error>> {
    let plain_object = |v: &Value| matches!(v, Value::Object(_)) && temporal_kind(v).is_none();
    if (matches!(b, Value::None) && matches!(op, "-" | "+" | "~" | "abs"))
        || plain_object(a)
        || plain_object(b)
    {
        return None;
    }
    let name = |v: &Value| {
        temporal_kind(v)
            .map(str::to_string)
            .unwrap_or_else(|| v.class_name().to_string())
    };
    let sym = if op == "**" { "** or pow()" } else { op };
    Some(Err(type_error(format!(
        "unsupported operand type(s) for {sym}: '{}' and '{}'",
        name(a),
        name(b)
    ))))
}

fn td_from_float(us: f64) -> R {
    if !us.is_finite() || us.abs() > 1e20 {
        return Err(exc("OverflowError", "cannot convert float to timedelta"));
    }
    timedelta_from_micros(round_half_even(us) as i128)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn call(recv: Value, name: &str, args: Vec<Value>) -> String {
        let f = method(&recv, name).unwrap_or_else(|| panic!("no method {name}"));
        let mut pos = vec![recv];
        pos.extend(args);
        let mut out = String::new();
        let mut vm = Vm::new(crate::Limits::default(), &mut out);
        match f(&mut vm, Args::new(pos)) {
            Ok(v) => v.repr(),
            Err(e) => format!("!! {e}"),
        }
    }

    fn st(x: &str) -> Value {
        s(x)
    }

    #[test]
    fn str_methods_match_cpython() {
        use Value::Int;
        let cases: Vec<(Value, &str, Vec<Value>, &str)> = vec![
            (
                st("a"),
                "lower",
                vec![Int(1)],
                "!! TypeError: str.lower() takes no arguments (1 given)",
            ),
            (
                st("a"),
                "split",
                vec![Int(1), Int(2), Int(3)],
                "!! TypeError: split() takes at most 2 arguments (3 given)",
            ),
            (
                st("a"),
                "startswith",
                vec![],
                "!! TypeError: startswith() takes at least 1 argument (0 given)",
            ),
            (
                st("abc"),
                "index",
                vec![st("z")],
                "!! ValueError: substring not found",
            ),
            (
                st("a"),
                "join",
                vec![Value::list(vec![Int(1)])],
                "!! TypeError: sequence item 0: expected str instance, int found",
            ),
            (
                st("a"),
                "startswith",
                vec![Int(1)],
                "!! TypeError: startswith first arg must be str or a tuple of str, not int",
            ),
            (
                st("a"),
                "center",
                vec![Int(5), st("ab")],
                "!! TypeError: The fill character must be exactly one character long",
            ),
            (
                st("a"),
                "split",
                vec![st("")],
                "!! ValueError: empty separator",
            ),
            (
                st("a"),
                "zfill",
                vec![st("x")],
                "!! TypeError: 'str' object cannot be interpreted as an integer",
            ),
            (st("ab"), "center", vec![Int(5)], "'  ab '"),
            (st("abc"), "center", vec![Int(6)], "' abc  '"),
            (st("-42"), "zfill", vec![Int(6)], "'-00042'"),
            (st("+"), "zfill", vec![Int(3)], "'+00'"),
            (st("a\tb"), "expandtabs", vec![Int(4)], "'a   b'"),
            (
                st("Hello world it's"),
                "title",
                vec![],
                "\"Hello World It'S\"",
            ),
            (st("ǆa"), "capitalize", vec![], "'ǅa'"),
            (st("ß"), "casefold", vec![], "'ss'"),
            (
                st("  a  b  "),
                "split",
                vec![Value::None, Int(1)],
                "['a', 'b  ']",
            ),
            (
                st("  a  b  "),
                "rsplit",
                vec![Value::None, Int(1)],
                "['  a', 'b']",
            ),
            (
                st("a,b,,c"),
                "split",
                vec![st(","), Int(2)],
                "['a', 'b', ',c']",
            ),
            (
                st("a,b,,c"),
                "rsplit",
                vec![st(","), Int(2)],
                "['a,b', '', 'c']",
            ),
            (st("a\r\nb\nc\r"), "splitlines", vec![], "['a', 'b', 'c']"),
            (
                st("a\r\nb\n"),
                "splitlines",
                vec![Value::Bool(true)],
                "['a\\r\\n', 'b\\n']",
            ),
            (st("abc"), "replace", vec![st(""), st("-")], "'-a-b-c-'"),
            (
                st("abc"),
                "replace",
                vec![st(""), st("-"), Int(2)],
                "'-a-bc'",
            ),
            (st("abc"), "count", vec![st("")], "4"),
            (st("abc"), "find", vec![st(""), Int(4)], "-1"),
            (st("abc"), "find", vec![st(""), Int(3)], "3"),
            (st("abc"), "count", vec![st(""), Int(4)], "0"),
            (st("aaa"), "count", vec![st("aa")], "1"),
            (st("héllo"), "find", vec![st("l")], "2"),
            (st("héllo"), "rfind", vec![st("l"), Int(0), Int(-1)], "3"),
            (
                st("hello"),
                "startswith",
                vec![Value::tuple(vec![st("x"), st("he")])],
                "True",
            ),
            (
                st("hello"),
                "endswith",
                vec![st("ll"), Int(0), Int(4)],
                "True",
            ),
            (st("a b"), "partition", vec![st(" ")], "('a', ' ', 'b')"),
            (st("ab"), "rpartition", vec![st(" ")], "('', '', 'ab')"),
            (st("  x "), "strip", vec![], "'x'"),
            (st("xxaxx"), "lstrip", vec![st("x")], "'axx'"),
            (st("123"), "isdigit", vec![], "True"),
            (st(""), "isdigit", vec![], "False"),
            (st("A1"), "isupper", vec![], "True"),
            (st("1"), "isupper", vec![], "False"),
            (st("Hello World"), "istitle", vec![], "True"),
            (
                st("x"),
                "encode",
                vec![],
                "!! forbidden: str.encode (there is no bytes type)",
            ),
            (st("a b  c"), "split", vec![], "['a', 'b', 'c']"),
            (st("{0}-{x}"), "format", vec![Int(1)], "!! KeyError: 'x'"),
        ];
        for (recv, name, args, want) in cases {
            assert_eq!(call(recv.clone(), name, args), want, "{recv:?}.{name}");
        }
    }

    #[test]
    fn list_dict_set_methods() {
        use Value::Int;
        let l = || Value::list(vec![Int(3), Int(1), Int(2)]);
        assert_eq!(
            call(Value::list(vec![]), "pop", vec![]),
            "!! IndexError: pop from empty list"
        );
        assert_eq!(
            call(l(), "pop", vec![Int(5)]),
            "!! IndexError: pop index out of range"
        );
        assert_eq!(call(l(), "pop", vec![Int(-1)]), "2");
        assert_eq!(
            call(l(), "remove", vec![Int(9)]),
            "!! ValueError: list.remove(x): x not in list"
        );
        assert_eq!(
            call(l(), "index", vec![Int(9)]),
            "!! ValueError: 9 is not in list"
        );
        assert_eq!(call(l(), "index", vec![Int(2)]), "2");
        assert_eq!(
            call(Value::tuple(vec![Int(1)]), "index", vec![Int(2)]),
            "!! ValueError: tuple.index(x): x not in tuple"
        );
        let list = l();
        call(list.clone(), "sort", vec![]);
        assert_eq!(list.repr(), "[1, 2, 3]");
        let mixed = Value::list(vec![Int(3), st("a")]);
        assert_eq!(
            call(mixed.clone(), "sort", vec![]),
            "!! TypeError: '<' not supported between instances of 'str' and 'int'"
        );
        assert_eq!(mixed.repr(), "[3, 'a']");
        let d = Value::dict(IndexMap::new());
        assert_eq!(call(d.clone(), "pop", vec![Int(1)]), "!! KeyError: 1");
        assert_eq!(
            call(d.clone(), "popitem", vec![]),
            "!! KeyError: 'popitem(): dictionary is empty'"
        );
        assert_eq!(call(d.clone(), "setdefault", vec![st("a"), Int(1)]), "1");
        assert_eq!(call(d.clone(), "get", vec![st("a")]), "1");
        assert_eq!(call(d.clone(), "get", vec![st("b"), Int(7)]), "7");
        assert_eq!(call(d.clone(), "items", vec![]), "[('a', 1)]");
        assert_eq!(
            call(
                d.clone(),
                "update",
                vec![Value::list(vec![Value::tuple(vec![
                    Int(1),
                    Int(2),
                    Int(3)
                ])])]
            ),
            "!! ValueError: dictionary update sequence element #0 has length 3; 2 is required"
        );
        let set = new_set(IndexMap::new());
        assert_eq!(
            call(set.clone(), "pop", vec![]),
            "!! KeyError: 'pop from an empty set'"
        );
        call(set.clone(), "add", vec![Int(1)]);
        assert_eq!(call(set.clone(), "remove", vec![Int(2)]), "!! KeyError: 2");
        assert_eq!(
            call(
                set.clone(),
                "union",
                vec![Value::list(vec![Int(2), Int(1)])]
            ),
            "{1, 2}"
        );
        assert_eq!(
            call(
                set.clone(),
                "issubset",
                vec![Value::list(vec![Int(2), Int(1)])]
            ),
            "True"
        );
    }

    #[test]
    fn sort_is_stable_and_reverse_keeps_order_of_equals() {
        let mut out = String::new();
        let mut vm = Vm::new(crate::Limits::default(), &mut out);
        let items = vec![
            Value::tuple(vec![Value::Int(1), s("a")]),
            Value::tuple(vec![Value::Int(0), s("b")]),
            Value::tuple(vec![Value::Int(1), s("c")]),
        ];
        let key = Value::native("first", |_vm, a| match a.positional.first() {
            Some(Value::Tuple(t)) => Ok(t[0].clone()),
            _ => Ok(Value::None),
        });
        let out = sort_values(&mut vm, items.clone(), Some(&key), true).unwrap();
        assert_eq!(Value::list(out).repr(), "[(1, 'a'), (1, 'c'), (0, 'b')]");
        let out = sort_values(&mut vm, items, Some(&key), false).unwrap();
        assert_eq!(Value::list(out).repr(), "[(0, 'b'), (1, 'a'), (1, 'c')]");
        let nan = vec![Value::Float(f64::NAN), Value::Int(1), Value::Float(0.5)];
        assert!(sort_values(&mut vm, nan, None, false).is_ok());
    }

    #[test]
    fn temporal_arithmetic() {
        let d = |y, m, dd| Value::Date(NaiveDate::from_ymd_opt(y, m, dd).unwrap());
        let td = |us: i128| timedelta_from_micros(us).unwrap();
        let show = |r: Option<R>| match r {
            Some(Ok(v)) => match timedelta_parts(&v) {
                Some(p) => timedelta_repr(p),
                None => v.repr(),
            },
            Some(Err(e)) => format!("!! {e}"),
            None => "none".into(),
        };
        assert_eq!(
            show(temporal_binop("-", &d(2020, 1, 1), &d(2019, 1, 1))),
            "datetime.timedelta(days=365)"
        );
        assert_eq!(
            show(temporal_binop("-", &d(2020, 1, 2), &td(3_600_000_000))),
            "datetime.date(2020, 1, 2)"
        );
        assert_eq!(
            show(temporal_binop("+", &d(9999, 12, 31), &td(US_PER_DAY))),
            "!! OverflowError: date value out of range"
        );
        assert_eq!(
            timedelta_str(timedelta_parts(&td(-1)).unwrap()),
            "-1 day, 23:59:59.999999"
        );
        assert_eq!(
            timedelta_repr(timedelta_parts(&td(-1)).unwrap()),
            "datetime.timedelta(days=-1, seconds=86399, microseconds=999999)"
        );
        let hour = td(3_600_000_000);
        assert_eq!(
            show(temporal_binop("/", &hour, &td(420_000_000))),
            "8.571428571428571"
        );
        assert_eq!(
            show(temporal_binop("*", &hour, &Value::Float(1.5))),
            "datetime.timedelta(seconds=5400)"
        );
        assert_eq!(
            show(temporal_binop("//", &hour, &Value::Int(7))),
            "datetime.timedelta(seconds=514, microseconds=285714)"
        );
        assert_eq!(
            show(temporal_binop("/", &td(1_000_000), &Value::Int(3))),
            "datetime.timedelta(microseconds=333333)"
        );
        let dt = Value::DateTime(
            NaiveDate::from_ymd_opt(2020, 1, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
        );
        assert_eq!(
            show(temporal_binop("<", &d(2020, 1, 1), &dt)),
            "!! TypeError: can't compare datetime.datetime to datetime.date"
        );
        assert_eq!(show(temporal_binop("==", &d(2020, 1, 1), &dt)), "False");
        assert_eq!(
            show(temporal_binop("+", &Value::Int(1), &Value::Int(2))),
            "none"
        );
    }
}
