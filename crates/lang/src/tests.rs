//! Unit tests of the evaluator.

use super::*;

fn run(src: &str) -> String {
    let mut out = String::new();
    match run_source(src, Origin::anonymous(), Limits::default(), &mut out) {
        Ok(()) => out,
        Err(e) => format!("{out}!{e}"),
    }
}

#[test]
fn basics() {
    assert_eq!(run("x = 1 + 2\nprint(x)"), "3\n");
    assert_eq!(run("for i in range(3):\n    print(i, end=' ')"), "0 1 2 ");
    assert_eq!(
        run("if 1 < 2:\n    print('yes')\nelse:\n    print('no')"),
        "yes\n"
    );
}

#[test]
fn compiled_code_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Program>();
    check::<Expression>();
    check::<Target>();
}

fn run_with_stack(src: &str, limits: Limits, stack: usize) -> Option<String> {
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let mut out = String::new();
            match run_source(&src, Origin::anonymous(), limits, &mut out) {
                Ok(()) => out,
                Err(e) => format!("{out}!{e}"),
            }
        })
        .ok()?
        .join()
        .ok()
}

#[test]
fn deep_recursion_is_a_limit_not_a_crash() {
    let src = "def f(n):\n    return f(n + 1) + 1\nf(0)";
    let r = run_with_stack(src, Limits::default(), 8 << 20);
    assert_eq!(r.as_deref(), Some("!limit: recursion"));
}

#[test]
#[ignore]
fn measure_drop_depth() {
    for n in [10_000usize, 20_000, 50_000, 100_000, 200_000] {
        let ok = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || {
                let mut x = Value::list(vec![]);
                for _ in 0..n {
                    x = Value::list(vec![x]);
                }
                drop(x);
            })
            .unwrap()
            .join()
            .is_ok();
        println!("{n} {ok}");
    }
}

#[test]
fn deep_structures_do_not_overflow_the_stack() {
    let cases = [
        "x = []\nfor i in range(100000):\n    x = [x]\nx = None\nprint('ok')",
        "x = ()\nfor i in range(100000):\n    x = (x,)\nprint('ok')",
        "x = {}\nfor i in range(100000):\n    x = {'a': x}\nprint('ok')",
        "def f():\n    x = []\n    for i in range(100000):\n        x = [x]\n    return 1\nprint('ok' if f() else '')",
        "def f():\n    x = []\n    for i in range(100000):\n        x = [x]\n    return x\nlen(f())\nprint('ok')",
        "x = []\nfor i in range(100000):\n    y = []\n    y.append(x)\n    x = y\ndel x\nprint('ok')",
        "x = []\nfor i in range(100000):\n    x = [x]\nprint(len(str(x)))",
    ];
    for src in cases {
        let r = run_with_stack(src, Limits::default(), 8 << 20);
        let r = r.unwrap_or_else(|| panic!("crashed: {src}"));
        assert!(r == "ok\n" || r.contains("RecursionError"), "{src}: {r}");
    }
}
