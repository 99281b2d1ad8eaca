//! The importable modules: `datetime`, `math`, `json`, `re` (a subset on the `regex`
//! crate), `string`, `copy`, `itertools`, `random` (see [`crate::random`]) and
//! `collections` (OrderedDict only).
//!
//! A module is a [`Value::Object`] whose class is named `module` (its attributes are
//! the module's names, plus `__name__`). `decimal`, `os`, `time` … are not
//! provided. `datetime.date.today()` / `datetime.datetime.now()` raise
//! `Error::Forbidden("clock")`: the engine passes its own clock.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use crate::value::IndexMap;

use crate::format::float_repr;
use crate::methods::{
    check_len, exc, key_of, make_date, make_time, timedelta_class, timedelta_from_micros,
};
use crate::value::{Args, Class, Dict, Key, Object, Value};
use crate::{Error, LimitKind, NativeFn, Vm};

type R = Result<Value, Error>;
/// (pattern, repl, string, count, flags) of sub/subn.
type SubArgs = (Value, Value, Rc<str>, i64, Option<Value>);

fn ss(text: String) -> Value {
    Value::Str(Rc::from(text.as_str()))
}

fn s(text: &str) -> Value {
    Value::Str(Rc::from(text))
}

/// Maps a call's arguments onto `names` (the first `required` mandatory).
fn params(
    args: Args,
    fname: &str,
    names: &[&str],
    required: usize,
) -> Result<Vec<Option<Value>>, Error> {
    if args.positional.len() > names.len() {
        return Err(Error::type_error(if names.len() == 1 {
            format!(
                "{fname}() takes exactly one argument ({} given)",
                args.positional.len()
            )
        } else {
            format!(
                "{fname}() takes at most {} arguments ({} given)",
                names.len(),
                args.positional.len()
            )
        }));
    }
    let mut vals: Vec<Option<Value>> = args.positional.into_iter().map(Some).collect();
    vals.resize(names.len(), None);
    for (k, v) in args.keyword {
        match names.iter().position(|n| **n == *k) {
            Some(i) if vals[i].is_none() => vals[i] = Some(v),
            Some(_) => {
                return Err(Error::type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position"
                )))
            }
            None => {
                return Err(Error::type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    for (i, name) in names.iter().enumerate().take(required) {
        if vals[i].is_none() {
            return Err(Error::type_error(format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(vals)
}

fn arg(vals: &[Option<Value>], i: usize) -> Value {
    vals.get(i).cloned().flatten().unwrap_or(Value::None)
}

fn str_arg<'a>(v: &'a Value, what: &str) -> Result<&'a str, Error> {
    match v {
        Value::Str(x) => Ok(x),
        other => Err(Error::type_error(format!(
            "{what} must be str, not {}",
            other.type_name()
        ))),
    }
}


mod datetime;
mod math;
mod json;
mod re;
mod text;
mod itertools;

pub use self::datetime::*;
use self::math::*;
use self::json::*;
pub use self::re::*;
use self::text::*;
use self::itertools::*;

// ---------------------------------------------------------------------------
// module objects
// ---------------------------------------------------------------------------

thread_local! {
    static MODULE_CLASS: Rc<Class> = Class::new("module", Vec::new());
    static CLASSES: RefCell<HashMap<&'static str, Rc<Class>>> = RefCell::new(HashMap::new());
}

fn module(name: &str, items: Vec<(&str, Value)>) -> Value {
    let mut attrs: IndexMap<Rc<str>, Value> = IndexMap::default();
    attrs.insert(Rc::from("__name__"), s(name));
    for (k, v) in items {
        attrs.insert(Rc::from(k), v);
    }
    Value::Object(Rc::new(RefCell::new(Object {
        class: MODULE_CLASS.with(Rc::clone),
        attrs,
        instance_name: None,
    })))
}

/// A per-thread class named `name`, built once by `make`.
fn cached_class(name: &'static str, make: fn() -> Rc<Class>) -> Rc<Class> {
    if let Some(c) = CLASSES.with(|m| m.borrow().get(name).cloned()) {
        return c;
    }
    let c = make();
    CLASSES.with(|m| m.borrow_mut().insert(name, c.clone()));
    c
}

fn class_with(
    name: &str,
    bases: Vec<Rc<Class>>,
    ctor: Option<NativeFn>,
    attrs: Vec<(&str, Value)>,
) -> Rc<Class> {
    let c = Rc::new(Class {
        name: Rc::from(name),
        bases,
        attrs: RefCell::default(),
        shared: None,
        constructor: ctor,
    });
    for (k, v) in attrs {
        c.set_attr(k, v);
    }
    c
}

fn native(name: &str, f: NativeFn) -> Value {
    Value::native(name, f)
}

/// The module called `name`, if Colloquy provides it.
pub fn import(name: &str) -> Option<Value> {
    Some(match name {
        "datetime" => datetime_module(),
        "math" => math_module(),
        "json" => json_module(),
        "re" => re_module(),
        "string" => string_module(),
        "copy" => module(
            "copy",
            vec![
                ("copy", native("copy", copy_copy)),
                ("deepcopy", native("deepcopy", copy_deepcopy)),
            ],
        ),
        "itertools" => itertools_module(),
        "random" => module("random", crate::random::random_module()),
        "collections" => module(
            "collections",
            vec![("OrderedDict", native("OrderedDict", ordered_dict))],
        ),
        _ => return None,
    })
}

/// Native methods of objects created by the modules (`re.Pattern`, `re.Match`), for
/// evaluators that look methods up by class name.
pub(crate) fn object_method(class: &str, name: &str) -> Option<NativeFn> {
    let c = match class {
        "re.Pattern" => pattern_class(),
        "re.Match" => match_class(),
        _ => return None,
    };
    match c.lookup(name)? {
        Value::Native(n) => Some(n.func),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn regex_translation() {
        assert_eq!(translate_regex(r"\d+\Z").unwrap(), r"\d+\z");
        assert_eq!(
            translate_regex(r"a{,3}b{2}c{x}").unwrap(),
            r"a{0,3}b{2}c\{x\}"
        );
        assert_eq!(translate_regex(r"[]a&&b]").unwrap(), r"[\]a\&\&b]");
        assert_eq!(
            translate_regex(r"(?P<year>\d{4})").unwrap(),
            r"(?P<year>\d{4})"
        );
        assert!(translate_regex(r"(a)\1").is_err());
        assert!(translate_regex(r"(?=a)").is_err());
        assert!(translate_regex(r"(?P=x)").is_err());
        assert_eq!(translate_regex(r"\/\-").unwrap(), r"\x{2f}\x{2d}");
    }

    #[test]
    fn strptime_basics() {
        let dt = strptime("2020-01-02 3:04 PM", "%Y-%m-%d %I:%M %p").unwrap();
        assert_eq!(dt.to_string(), "2020-01-02 15:04:00");
        let dt = strptime("March 5, 24", "%B %d, %y").unwrap();
        assert_eq!(dt.to_string(), "2024-03-05 00:00:00");
        match strptime("x", "%Y") {
            Err(e) => assert_eq!(
                e.to_string(),
                "ValueError: time data 'x' does not match format '%Y'"
            ),
            Ok(_) => panic!(),
        }
        match strptime("2020-01-02x", "%Y-%m-%d") {
            Err(e) => assert_eq!(e.to_string(), "ValueError: unconverted data remains: x"),
            Ok(_) => panic!(),
        }
    }

    /// Snippets whose expected output was recorded from CPython 3.11 (`python3 -c`); the
    /// last line of an uncaught exception is compared as `Kind: message`.
    #[test]
    fn differential_against_recorded_cpython() {
        const CASES: &[(&str, &str)] = &[
            (
                r#"print('%s|%5.1f|%-4d|%x|%r|%%' % ('a', 2.25, 7, 255, 'q'), '%(n)s=%(v)03d' % {'n': 'k', 'v': 7})"#,
                r#"a|  2.2|7   |ff|'q'|% k=007
"#,
            ),
            (
                r#"print('{} {:>6.2f} {x[1]} {0!r:^7}'.format('s', 3.14159, x=[1, 2]), f'{1234567.891:,.2f} {0.5:.0%} {255:#06x}')"#,
                r#"ValueError: cannot switch from automatic field numbering to manual field specification
"#,
            ),
            (
                r#"print(0.1 + 0.2, 1e16, 1.5e-07, -0.0, 10.0, 1/3, 2.5e-5, float('inf'), 1e22, 123456789.0)"#,
                r#"0.30000000000000004 1e+16 1.5e-07 -0.0 10.0 0.3333333333333333 2.5e-05 inf 1e+22 123456789.0
"#,
            ),
            (
                r#"print(format(1234, '010,'), format(-5, '^06'), format('ab', '05'), format(True, '>5'), format(1e20, '.3'))"#,
                r#"00,001,234 00-500 ab000     1 1e+20
"#,
            ),
            (
                r#"try:
    '{0.__class__}'.format(1)
except Exception as e:
    print('no')"#,
                r#"forbidden: attribute __class__
"#,
            ),
            (
                r#"print('a,b,,c'.split(','), '  a  b '.split(), 'a b c'.rsplit(None, 1), 'x\r\ny\n'.splitlines(True))
print('banana'.find('an', 2), 'banana'.rfind('an'), 'banana'.count('a'), 'abc'.replace('', '-'))
print('ab'.center(5, '*'), '-42'.zfill(6), "they're".title(), 'ß'.casefold(), 'a\tb'.expandtabs(4))"#,
                r#"['a', 'b', '', 'c'] ['a', 'b'] ['a b', 'c'] ['x\r\n', 'y\n']
3 3 3 -a-b-c-
**ab* -00042 They'Re ss a   b
"#,
            ),
            (
                r#"print('abc'.index('z'))"#,
                r#"ValueError: substring not found
"#,
            ),
            (
                r#"l = [3, 1, 2]
l.sort(reverse=True); l.append(0); l.insert(-1, 9); print(l, l.pop(), l.index(9), l.count(1))
print(sorted(['b', 'A', 'c'], key=str.lower), sorted([(1, 'b'), (0, 'z'), (1, 'a')], key=lambda t: t[0], reverse=True))"#,
                r#"[3, 2, 1, 9] 0 3 1
['A', 'b', 'c'] [(1, 'b'), (1, 'a'), (0, 'z')]
"#,
            ),
            (
                r#"[1].remove(2)"#,
                r#"ValueError: list.remove(x): x not in list
"#,
            ),
            (
                r#"d = {'b': 1}
print(d.get('a'), d.get('a', 0), d.setdefault('c', 2), d.pop('b'), list(d.items()), dict.fromkeys('ab', 0))
d.update([('x', 1)], y=2); print(d, d.popitem())"#,
                r#"None 0 2 1 [('c', 2)] {'a': 0, 'b': 0}
{'c': 2, 'x': 1} ('y', 2)
"#,
            ),
            (
                r#"{}.pop('k')"#,
                r#"KeyError: 'k'
"#,
            ),
            (
                r#"s = {1, 2}
s.add(3); s.discard(9); print(sorted(s.union([5])), sorted(s & {2, 3}), s.issubset({1, 2, 3, 4}))"#,
                r#"[1, 2, 3, 5] [2, 3] True
"#,
            ),
            (
                r#"import datetime
d = datetime.date(2024, 3, 5)
print(d, repr(d), d.weekday(), d.isoformat(), d.strftime('%A %-d %B %Y'), f'{d:%m/%d/%y}', d.replace(day=1))"#,
                r#"2024-03-05 datetime.date(2024, 3, 5) 1 2024-03-05 Tuesday 5 March 2024 03/05/24 2024-03-01
"#,
            ),
            (
                r#"from datetime import date, datetime, timedelta
x = date(2024, 1, 10) - date(2023, 12, 25)
t = timedelta(days=1, hours=2, seconds=4.5)
print(x, x.days, repr(x), t, -t, abs(-t), t * 2, t / 2, t // 3, t.total_seconds(), datetime(2020, 1, 1, 12) - timedelta(hours=13))"#,
                r#"16 days, 0:00:00 16 datetime.timedelta(days=16) 1 day, 2:00:04.500000 -2 days, 21:59:55.500000 1 day, 2:00:04.500000 2 days, 4:00:09 13:00:02.250000 8:40:01.500000 93604.5 2019-12-31 23:00:00
"#,
            ),
            (
                r#"import datetime
print(datetime.date.today())"#,
                r#"forbidden: clock
"#,
            ),
            (
                r#"import datetime
print(datetime.datetime.strptime('03/04/21 3:05 PM', '%m/%d/%y %I:%M %p'), datetime.date.fromisoformat('2021-05-06'))"#,
                r#"2021-03-04 15:05:00 2021-05-06
"#,
            ),
            (
                r#"import datetime
datetime.date(2020, 2, 30)"#,
                r#"ValueError: day is out of range for month
"#,
            ),
            (
                r#"import math
print(math.floor(2.5), math.ceil(-2.5), math.sqrt(16), math.isclose(0.1 + 0.2, 0.3), math.fsum([0.1] * 10), math.gcd(12, 18), math.log(8, 2))"#,
                r#"2 -2 4.0 True 1.0 6 3.0
"#,
            ),
            (
                r#"import math
math.sqrt(-1)"#,
                r#"ValueError: math domain error
"#,
            ),
            (
                r#"import json
print(json.dumps({'a': [1, 2.5, None, True], 'é': 'x\n'}), json.dumps({'b': 1, 'a': {}}, indent=2, sort_keys=True))
print(json.loads('{"a": [1, -2.5e3, null, true, "x\\u00e9"]}'))"#,
                r#"{"a": [1, 2.5, null, true], "\u00e9": "x\n"} {
  "a": {},
  "b": 1
}
{'a': [1, -2500.0, None, True, 'xé']}
"#,
            ),
            (
                r#"import json
try:
    json.loads('[1,]')
except ValueError as e:
    print('caught', e)"#,
                r#"caught Expecting value: line 1 column 4 (char 3)
"#,
            ),
            (
                r#"import re
m = re.match(r'(\d+)-(?P<b>\d+)', '12-34x')
print(m.group(0), m.group(1, 2), m.groups(), m.span(), m.start('b'), m.groupdict(), m)
print(re.findall(r'(\w)(\d)', 'a1b2'), re.sub(r'(\w+)@', r'<\1>', 'joe@x'), re.sub('x*', '-', 'abxd'), re.split('(,)', 'a,b'))
print(re.compile('A+', re.I).findall('aAb'), re.sub('a', lambda m: m.group().upper(), 'banana'), re.escape('a.b'))"#,
                r#"12-34 ('12', '34') ('12', '34') (0, 5) 3 {'b': '34'} <re.Match object; span=(0, 5), match='12-34'>
[('a', '1'), ('b', '2')] <joe>x -a-b--d- ['a', ',', 'b']
['aA'] bAnAnA a\.b
"#,
            ),
            (
                r#"import re
try:
    re.compile(r'(a)\1')
except re.error as e:
    print('refused')"#,
                r#"refused
"#,
            ),
            (
                r#"import copy, string
a = [[1], {'x': [2]}]
b = copy.deepcopy(a); b[0].append(9)
print(a, b, string.ascii_uppercase[:3], string.capwords('hello  world'))"#,
                r#"[[1], {'x': [2]}] [[1, 9], {'x': [2]}] ABC Hello World
"#,
            ),
        ];
        for (src, want) in CASES {
            let mut out = String::new();
            let r = crate::run_source(
                src,
                crate::Origin::anonymous(),
                crate::Limits::default(),
                &mut out,
            );
            if let Err(e) = r {
                out.push_str(&format!("{e}\n"));
            }
            assert_eq!(&out, want, "snippet:\n{src}");
        }
    }
}
