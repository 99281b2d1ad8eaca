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
