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
use crate::value::IndexMap;

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
        .map_err(|t| Error::type_error(format!("unhashable type: '{t}'")))
}


mod string;
mod list;
mod dict;
mod set;
mod number;
mod temporal;

pub(crate) use self::string::*;
use self::list::*;
pub(crate) use self::dict::*;
use self::set::*;
use self::number::*;
pub use self::temporal::*;

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
        return Err(Error::type_error(format!("{qual}() takes no keyword arguments")));
    }
    if pos.len() > names.len() {
        return Err(Error::type_error(match (names.len(), required) {
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
                return Err(Error::type_error(format!(
                    "argument for {short}() given by name ('{k}') and position"
                )))
            }
            None => {
                return Err(Error::type_error(format!(
                    "'{k}' is an invalid keyword argument for {short}()"
                )))
            }
        }
    }
    let given = vals.iter().take(required).filter(|v| v.is_some()).count();
    if given < required {
        let n = vals.iter().filter(|v| v.is_some()).count();
        return Err(Error::type_error(if required == 1 && names.len() == 1 {
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

fn as_str<'a>(v: &'a Value, what: &str) -> Result<&'a str, Error> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(Error::type_error(format!(
            "{what} must be str, not {}",
            other.type_name()
        ))),
    }
}

/// The items of an iterable value (list, tuple, set, dict keys, str, range, iterator).
pub(crate) fn iterate(vm: &mut Vm<'_>, v: &Value) -> Result<Vec<Value>, Error> {
    vm.iterate(v)
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
        "dict" => Value::dict(IndexMap::default()),
        "set" => new_set(IndexMap::default()),
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
        let d = Value::dict(IndexMap::default());
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
        let set = new_set(IndexMap::default());
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
        let out = crate::builtins::sorted_values(&mut vm, items.clone(), Some(&key), true).unwrap();
        assert_eq!(Value::list(out).repr(), "[(1, 'a'), (1, 'c'), (0, 'b')]");
        let out = crate::builtins::sorted_values(&mut vm, items, Some(&key), false).unwrap();
        assert_eq!(Value::list(out).repr(), "[(0, 'b'), (1, 'a'), (1, 'c')]");
        let nan = vec![Value::Float(f64::NAN), Value::Int(1), Value::Float(0.5)];
        assert!(crate::builtins::sorted_values(&mut vm, nan, None, false).is_ok());
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
