//! `Undefined(path)` is the signal the engine drives interviews with: the path must be
//! spelled exactly as docassemble spells it (indices as evaluated), and code that catches
//! NameError/AttributeError/KeyError/IndexError in a `try` must see a normal exception.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use lang::{Error, Limits, Origin, RunError};

fn outcome(source: &str) -> (String, String) {
    let mut out = String::new();
    let r = lang::run_source(
        source,
        Origin::new("t.yml", 1, 0),
        Limits::default(),
        &mut out,
    );
    let what = match r {
        Ok(()) => "ok".to_string(),
        Err(RunError::Eval(Error::Undefined(p))) => format!("undefined {p}"),
        Err(RunError::Eval(e)) => format!("error {e}"),
        Err(RunError::Syntax(e)) => format!("syntax {e}"),
    };
    (what, out)
}

const SETUP: &str = "class O:\n    pass\n";

#[test]
fn paths_are_spelled_like_docassemble() {
    let cases: &[(&str, &str)] = &[
        ("print(favorite_fruit)", "favorite_fruit"),
        ("user.name.first", "user"),
        ("user = O()\nuser.name.first", "user.name"),
        (
            "user = O()\nuser.name = O()\nx = user.name.first",
            "user.name.first",
        ),
        ("fruit = []\nprint(fruit[1])", "fruit[1]"),
        ("fruit = ['a']\nprint(fruit[1])", "fruit[1]"),
        ("fruit = ['a']\ni = 0\nprint(fruit[i + 1])", "fruit[1]"),
        ("prices = {}\nprint(prices['apple'])", "prices['apple']"),
        (
            "prices = {}\nk = 'pear'\nprint(prices[k])",
            "prices['pear']",
        ),
        (
            "people = [O()]\npeople[0].name = O()\nprint(people[0].name.first)",
            "people[0].name.first",
        ),
        (
            "people = [O()]\ni = 0\npeople[i].name = O()\nprint(people[i].name.first)",
            "people[0].name.first",
        ),
        (
            "people = [O(), O()]\nfor i in range(2):\n    people[i].age",
            "people[0].age",
        ),
        ("d = {'a': O()}\nprint(d['a'].x)", "d['a'].x"),
        ("m = [[1]]\nprint(m[0][3])", "m[0][3]"),
        ("if x > 1:\n    pass", "x"),
        ("y = x if True else 0", "x"),
        ("def f():\n    return z\nf()", "z"),
        ("print(f'{undefined_in_fstring}')", "undefined_in_fstring"),
        ("print([v for v in missing_list])", "missing_list"),
        ("print(len(children))", "children"),
    ];
    let mut failures = Vec::new();
    for (src, path) in cases {
        let source = format!("{SETUP}{src}\n");
        let (what, _) = outcome(&source);
        let want = format!("undefined {path}");
        if what != want {
            failures.push(format!("{src:?}: got {what}, want {want}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn caught_lookups_are_normal_exceptions() {
    let cases: &[(&str, &str)] = &[
        ("try:\n    x\nexcept NameError:\n    print('n')", "n\n"),
        ("o = O()\ntry:\n    o.a\nexcept AttributeError:\n    print('a')", "a\n"),
        ("d = {}\ntry:\n    d['k']\nexcept KeyError as e:\n    print('k', e)", "k 'k'\n"),
        ("l = []\ntry:\n    l[0]\nexcept IndexError:\n    print('i')", "i\n"),
        ("l = []\ntry:\n    l[0]\nexcept LookupError:\n    print('l')", "l\n"),
        ("try:\n    x\nexcept Exception as e:\n    print(type(e) == NameError)", "True\n"),
        ("o = O()\nprint(getattr(o, 'a', 'dflt'), hasattr(o, 'a'))", "dflt False\n"),
        ("d = {}\nprint(d.get('k', 'dflt'), 'k' in d)", "dflt False\n"),
        ("def f():\n    try:\n        return missing\n    except NameError:\n        return 'caught'\nprint(f())", "caught\n"),
    ];
    let mut failures = Vec::new();
    for (src, expected) in cases {
        let source = format!("{SETUP}{src}\n");
        let (what, out) = outcome(&source);
        if what != "ok" || out != *expected {
            failures.push(format!(
                "{src:?}: got {what} / {out:?}, want ok / {expected:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
