//! `colloquy eval` through the built binary: exit codes 0–5, the last line of standard
//! error, standard output (flushed also on error), and the sandbox corpus of the `lang`
//! crate run as separate processes (a crash or hang in one case cannot hide the others).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common {
    include!("../../../lang/tests/common/sandbox_cases.rs");
}
use common::SANDBOX_CASES;

/// Wall-clock budget of one run (debug build, shared machine).
const TIMEOUT: Duration = Duration::from_secs(10);

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    timed_out: bool,
}

impl Run {
    fn last_err_line(&self) -> &str {
        self.stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
    }
}

/// Runs `colloquy <args>` with `stdin` as standard input.
fn colloquy(args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn colloquy");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_string();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(stdin.as_bytes());
    });
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out_pipe.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err_pipe.read_to_end(&mut s);
        s
    });
    let started = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            timed_out = true;
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let _ = writer.join();
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap()).to_string();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap()).to_string();
    Run {
        code: status.and_then(|s| s.code()),
        stdout,
        stderr,
        timed_out,
    }
}

fn eval_stdin(source: &str) -> Run {
    colloquy(&["eval"], source)
}

#[track_caller]
fn check(source: &str, code: i32, last_line: &str, stdout: &str) {
    let run = eval_stdin(source);
    assert!(!run.timed_out, "timed out: {source:?}");
    assert_eq!(
        run.code,
        Some(code),
        "exit code for {source:?}; stderr: {}",
        run.stderr
    );
    assert_eq!(
        run.last_err_line(),
        last_line,
        "last stderr line for {source:?}; stderr: {}",
        run.stderr
    );
    assert_eq!(run.stdout, stdout, "stdout for {source:?}");
}

#[test]
fn exit_0_success() {
    check("x = [1, 2, 3]\nprint(sum(x), 'ok')\n", 0, "", "6 ok\n");
    check("", 0, "", "");
}

#[test]
fn exit_1_exception() {
    check(
        "print('before')\nx = 1 / 0\nprint('after')\n",
        1,
        "ZeroDivisionError: division by zero",
        "before\n",
    );
    check(
        "raise ValueError('bad value')\n",
        1,
        "ValueError: bad value",
        "",
    );
    check(
        "int('abc')\n",
        1,
        "ValueError: invalid literal for int() with base 10: 'abc'",
        "",
    );
    check("raise TypeError\n", 1, "TypeError", "");
    check("assert 1 == 2, 'nope'\n", 1, "AssertionError: nope", "");
    check(
        "print([1, 2].index(3))\n",
        1,
        "ValueError: 3 is not in list",
        "",
    );
    check(
        "'a' + 1\n",
        1,
        "TypeError: can only concatenate str (not \"int\") to str",
        "",
    );
}

#[test]
fn exit_2_usage_and_syntax() {
    let run = eval_stdin("print('a'\nx = 1\n");
    assert_eq!(run.code, Some(2), "stderr: {}", run.stderr);
    let last = run.last_err_line();
    assert!(last.starts_with("SyntaxError"), "last line {last:?}");
    assert!(
        last.contains("line") && last.contains("column"),
        "must name line and column: {last:?}"
    );
    assert_eq!(run.stdout, "");

    let run = eval_stdin("x = 1\nif x\n    pass\n");
    assert_eq!(run.code, Some(2), "stderr: {}", run.stderr);
    assert!(
        run.last_err_line().contains("line 2"),
        "names line 2: {:?}",
        run.last_err_line()
    );

    let run = colloquy(&["eval", "/nonexistent/file.py"], "");
    assert_eq!(run.code, Some(2), "stderr: {}", run.stderr);
    let run = colloquy(&["eval", "--no-such-flag"], "");
    assert_eq!(run.code, Some(2), "stderr: {}", run.stderr);
    let run = colloquy(&["no-such-subcommand"], "");
    assert_eq!(run.code, Some(2), "stderr: {}", run.stderr);
}

#[test]
fn exit_3_undefined() {
    check(
        "print('hi')\nprint(favorite_fruit)\n",
        3,
        "undefined: favorite_fruit",
        "hi\n",
    );
    check(
        "fruit = ['apple']\nprint(fruit[1])\n",
        3,
        "undefined: fruit[1]",
        "",
    );
    check(
        "prices = {}\nprint(prices['apple'])\n",
        3,
        "undefined: prices['apple']",
        "",
    );
    check("user.name.first\n", 3, "undefined: user", "");
}

#[test]
fn exit_4_limits() {
    check("while True:\n    pass\n", 4, "limit: steps", "");
    check(
        "def f(n):\n    return f(n + 1)\nf(0)\n",
        4,
        "limit: recursion",
        "",
    );
    let run = eval_stdin("x = 'a' * 10**10\n");
    assert_eq!(run.code, Some(4), "stderr: {}", run.stderr);
    assert!(
        matches!(run.last_err_line(), "limit: length" | "limit: memory"),
        "{:?}",
        run.last_err_line()
    );
    let run = colloquy(
        &["eval", "--max-steps", "50"],
        "for i in range(1000):\n    pass\n",
    );
    assert_eq!(run.code, Some(4));
    assert_eq!(run.last_err_line(), "limit: steps");
}

#[test]
fn exit_5_forbidden() {
    for src in [
        "import os\n",
        "open('/etc/passwd')\n",
        "print(().__class__)\n",
        "eval('1')\n",
        "__import__('os')\n",
    ] {
        let run = eval_stdin(src);
        assert_eq!(run.code, Some(5), "{src:?}: stderr {}", run.stderr);
        assert!(
            run.last_err_line().starts_with("forbidden: "),
            "{src:?}: {:?}",
            run.last_err_line()
        );
    }
    let run = eval_stdin("import os\n");
    assert!(
        run.last_err_line().contains("os"),
        "names the module: {:?}",
        run.last_err_line()
    );
}

#[test]
fn reads_a_file_and_dash() {
    let dir = std::env::temp_dir().join(format!("colloquy-eval-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("prog.py");
    std::fs::write(&path, "print('from file')\n").unwrap();
    let run = colloquy(
        &["eval", path.to_str().unwrap()],
        "print('stdin ignored')\n",
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout, "from file\n");
    let run = colloquy(&["eval", "-"], "print('from stdin')\n");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout, "from stdin\n");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn version() {
    let run = colloquy(&["--version"], "");
    assert_eq!(run.code, Some(0));
    assert!(run.stdout.starts_with("colloquy "), "{:?}", run.stdout);
}

#[test]
fn large_output_is_complete() {
    let run = eval_stdin("for i in range(20000):\n    print(i)\n1/0\n");
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stdout.lines().count(), 20000);
    assert!(run.stdout.ends_with("19999\n"));
}

/// The sandbox corpus through the binary: each case in its own process.
#[test]
fn sandbox_corpus_through_the_binary() {
    let mut failures = Vec::new();
    for (name, source, expect) in SANDBOX_CASES {
        let run = eval_stdin(source);
        if run.timed_out {
            failures.push(format!("{name}: HANG\n    {source:?}"));
            continue;
        }
        let last = run.last_err_line().to_string();
        let ok = expect.iter().any(|a| match *a {
            "ok" => run.code == Some(0),
            "forbidden" => run.code == Some(5) && last.starts_with("forbidden: "),
            "limit" => run.code == Some(4) && last.starts_with("limit: "),
            "undefined" => run.code == Some(3) && last.starts_with("undefined: "),
            "exc" => run.code == Some(1),
            "syntax" => run.code == Some(2) && last.starts_with("SyntaxError"),
            other => {
                if let Some(out) = other.strip_prefix("ok:") {
                    run.code == Some(0) && run.stdout == out
                } else if let Some(kind) = other.strip_prefix("limit:") {
                    run.code == Some(4) && last == format!("limit: {kind}")
                } else if let Some(kind) = other.strip_prefix("exc:") {
                    run.code == Some(1) && (last == kind || last.starts_with(&format!("{kind}:")))
                } else {
                    false
                }
            }
        });
        if !ok {
            failures.push(format!(
                "{name}: exit {:?}, last stderr line {last:?}, expected one of {expect:?}\n    {source:?}",
                run.code
            ));
        }
    }
    // Cases listed in the lang crate's KNOWN_SANDBOX_FAILURES.txt are tolerated here (that
    // list is kept exact by `cargo test -p lang --test sandbox`).
    let known = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../lang/tests/corpus/KNOWN_SANDBOX_FAILURES.txt"),
    )
    .unwrap_or_default();
    let known: Vec<String> = known
        .lines()
        .filter_map(|l| l.trim().strip_prefix("sandbox:"))
        .map(|l| l.split('|').next().unwrap_or("").trim().to_string())
        .collect();
    for f in &failures {
        println!("FAIL {f}");
    }
    let unexpected: Vec<&String> = failures
        .iter()
        .filter(|f| !known.iter().any(|k| f.starts_with(&format!("{k}: "))))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{} case(s) failed:\n{}",
        unexpected.len(),
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
