//! Sandbox tests: escape attempts and resource bombs must end with a limit, a refusal or an
//! honest Python exception — never a panic, never a hang, never host access.
//!
//! The cases live in `tests/common/sandbox_cases.rs` (shared with the CLI test of the
//! `colloquy` crate). Each runs in its own thread with an 8 MiB stack (what a server worker
//! thread gets) and must return within `TIMEOUT`. So that a stack overflow (which aborts the
//! whole process) cannot hide the other cases, every case runs in a child process: this
//! test binary re-executed with `SANDBOX_CHILD=<suite>:<index>` running only `child_case`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::time::{Duration, Instant};

use lang::{Error, Limits, Namespace, Origin, RunError, Template, Vm};

mod common {
    include!("../common/sandbox_cases.rs");
}
use common::SANDBOX_CASES;

/// Wall-clock budget of one case (debug build, shared machine).
const TIMEOUT: Duration = Duration::from_secs(30);
/// The stack the evaluator gets: a realistic thread stack, not a generous one.
const STACK: usize = 8 * 1024 * 1024;

/// The outcome of one evaluation, as a string: `ok`, `forbidden`, `limit:steps`, `exc:ValueError`, …
fn classify(result: Result<(), RunError>) -> String {
    match result {
        Ok(()) => "ok".to_string(),
        Err(RunError::Syntax(_)) => "syntax".to_string(),
        Err(RunError::Eval(e)) => match e {
            Error::Exception { kind, .. } => format!("exc:{kind}"),
            Error::Undefined(_) => "undefined".to_string(),
            Error::Limit(k) => format!("limit:{k}"),
            Error::Forbidden(_) => "forbidden".to_string(),
            Error::Interrupt(_) => "interrupt".to_string(),
        },
    }
}

/// Runs `source` with `limits` on a fresh thread; `None` on timeout, `Err` on panic. With
/// `template` the source is compiled and rendered as a template (the rendered text stands
/// in for stdout).
fn run_guarded_as(
    source: &str,
    limits: Limits,
    template: bool,
) -> Option<Result<(String, String, String), String>> {
    let source = source.to_string();
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let mut out = String::new();
            let result = if template {
                match Template::compile(&source, Origin::new("<sandbox>", 1, 0)) {
                    Err(e) => Err(RunError::Syntax(e)),
                    Ok(t) => {
                        let ns = Namespace::new();
                        let mut printed = String::new();
                        let mut vm = Vm::new(limits, &mut printed);
                        match t.render(&mut vm, &ns, &|s: &str| s.to_string()) {
                            Ok(text) => {
                                out = text;
                                Ok(())
                            }
                            Err(e) => Err(RunError::Eval(e)),
                        }
                    }
                }
            } else {
                lang::run_source(&source, Origin::new("<sandbox>", 1, 0), limits, &mut out)
            };
            let detail = match &result {
                Err(RunError::Eval(e)) => e.to_string(),
                Err(RunError::Syntax(e)) => e.to_string(),
                Ok(()) => String::new(),
            };
            let _ = tx.send((classify(result), out, detail));
        })
        .unwrap();
    match rx.recv_timeout(TIMEOUT) {
        Ok(v) => {
            let _ = handle.join();
            Some(Ok(v))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => None,
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let msg = match handle.join() {
                Err(p) => p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default(),
                Ok(()) => String::new(),
            };
            Some(Err(msg))
        }
    }
}

/// Cases of the `hostile` suite: sources that stress the parser and the lowering rather than
/// the evaluator. Any outcome but a crash or hang is fine.
fn hostile_cases() -> Vec<(String, String)> {
    let deep =
        |open: &str, close: &str, n: usize| format!("x = {}1{}\n", open.repeat(n), close.repeat(n));
    vec![
        ("nested parens 100k".into(), deep("(", ")", 100_000)),
        ("nested lists 100k".into(), deep("[", "]", 100_000)),
        ("nested parens 1k".into(), deep("(", ")", 1_000)),
        (
            "nested dicts 10k".into(),
            format!("x = {}1{}\n", "{1: ".repeat(10_000), "}".repeat(10_000)),
        ),
        (
            "unary chain".into(),
            format!("x = {}1\n", "-".repeat(100_000)),
        ),
        (
            "not chain".into(),
            format!("x = {}1\n", "not ".repeat(50_000)),
        ),
        (
            "long addition".into(),
            format!("x = {}1\n", "1 + ".repeat(100_000)),
        ),
        (
            "long power chain".into(),
            format!("x = {}1\n", "1 ** ".repeat(50_000)),
        ),
        (
            "long comparison chain".into(),
            format!("x = {}1\n", "1 < ".repeat(50_000)),
        ),
        (
            "long boolean chain".into(),
            format!("x = {}1\n", "1 and ".repeat(50_000)),
        ),
        (
            "long ternary chain".into(),
            format!("x = {}1\n", "1 if 1 else ".repeat(20_000)),
        ),
        (
            "deep if nesting".into(),
            (0..2_000)
                .map(|i| format!("{}if True:\n", " ".repeat(i)))
                .collect::<String>()
                + &" ".repeat(2_000)
                + "pass\n",
        ),
        (
            "deep def nesting".into(),
            (0..1_000)
                .map(|i| format!("{}def f{i}():\n", " ".repeat(i)))
                .collect::<String>()
                + &" ".repeat(1_000)
                + "pass\n",
        ),
        (
            "lambda chain".into(),
            format!("f = {}0\n", "lambda: ".repeat(10_000)),
        ),
        (
            "nested fstrings".into(),
            "x = f'{f\"{f'{1}'}\"}'\nprint(x)\n".into(),
        ),
        (
            "deep fstring nesting".into(),
            format!("x = {}1{}\n", "f'{".repeat(200), "}'".repeat(200)),
        ),
        (
            "attribute chain".into(),
            format!("x = 1{}\n", ".real".repeat(100_000)),
        ),
        (
            "call chain".into(),
            format!("f = lambda: f\nx = f{}\n", "()".repeat(100_000)),
        ),
        (
            "subscript chain".into(),
            format!("x = [0]\nx = x{}\n", "[0]".repeat(50_000)),
        ),
        (
            "comprehension nesting".into(),
            format!(
                "x = {}0{}\n",
                "[".repeat(5_000),
                " for a in [1]]".repeat(5_000)
            ),
        ),
        (
            "huge literal list".into(),
            format!("x = [{}]\nprint(len(x))\n", "1, ".repeat(200_000)),
        ),
        (
            "huge string literal".into(),
            format!("x = '{}'\nprint(len(x))\n", "a".repeat(5_000_000)),
        ),
        ("many statements".into(), "x = 1\n".repeat(200_000)),
        ("nul byte".into(), "x = 1\0\n".into()),
        (
            "lone surrogate escape".into(),
            "x = '\\ud800'\nprint(len(x))\n".into(),
        ),
        (
            "bad indentation".into(),
            "if True:\n  x = 1\n    y = 2\n".into(),
        ),
        (
            "tabs and spaces".into(),
            "if True:\n\tx = 1\n        y = 2\n".into(),
        ),
        ("unterminated string".into(), "x = 'abc\n".into()),
        ("unterminated triple".into(), "x = '''abc\n".into()),
        ("only comment".into(), "# nothing\n".into()),
        ("empty".into(), String::new()),
        ("bom".into(), "\u{feff}print(1)\n".into()),
        ("crlf".into(), "x = 1\r\nprint(x)\r\n".into()),
        (
            "huge int literal".into(),
            "x = 123456789012345678901234567890\n".into(),
        ),
        (
            "huge float literal".into(),
            format!("x = 1{}.0\nprint(x)\n", "0".repeat(400)),
        ),
        ("walrus".into(), "if (n := 10) > 5:\n    print(n)\n".into()),
        (
            "match statement".into(),
            "match 1:\n    case 1:\n        pass\n".into(),
        ),
        ("async def".into(), "async def f():\n    await g()\n".into()),
        (
            "yield".into(),
            "def g():\n    yield 1\nprint(list(g()))\n".into(),
        ),
        (
            "with statement".into(),
            "with open('x') as f:\n    pass\n".into(),
        ),
        ("global at module".into(), "global x\nx = 1\n".into()),
        ("star expr alone".into(), "*a = [1]\n".into()),
        (
            "decorator".into(),
            "def d(f):\n    return f\n@d\ndef g():\n    return 1\nprint(g())\n".into(),
        ),
        (
            "class with metaclass".into(),
            "class A(metaclass=type):\n    pass\n".into(),
        ),
        (
            "type annotations".into(),
            "x: int = 1\ndef f(a: int) -> str:\n    return str(a)\nprint(f(x))\n".into(),
        ),
        ("del nonsense".into(), "del 1\n".into()),
        ("return outside".into(), "return 1\n".into()),
        ("break outside".into(), "break\n".into()),
        ("nonlocal at module".into(), "nonlocal x\n".into()),
        ("multibyte positions".into(), "x = 'ééé' + 'ü' +\n".into()),
        (
            "multibyte error position".into(),
            "s = '日本語'; t = s[0] +* 2\n".into(),
        ),
        (
            "error at end of multibyte".into(),
            "x = '€€€€€€'\ny = (".into(),
        ),
    ]
}

/// Cases of the `limits` suite: small limits are enforced and each names the right limit.
fn limit_cases() -> Vec<(&'static str, &'static str, Limits, &'static str)> {
    let big = Limits {
        max_steps: u64::MAX / 4,
        max_depth: 1000,
        max_len: usize::MAX / 4,
        max_alloc: usize::MAX / 4,
        max_time: None,
        deadline: None,
    };
    vec![
        (
            "time",
            "while True:\n    pass",
            Limits {
                max_time: Some(std::time::Duration::from_millis(200)),
                ..big.clone()
            },
            "limit:time",
        ),
        (
            "time inside a builtin loop",
            "l = list(range(1000))\nwhile True:\n    sorted(l)",
            Limits {
                max_time: Some(std::time::Duration::from_millis(200)),
                ..big.clone()
            },
            "limit:time",
        ),
        (
            "steps",
            "for i in range(1000):\n    pass",
            Limits {
                max_steps: 100,
                ..big.clone()
            },
            "limit:steps",
        ),
        (
            "depth",
            "def f(n):\n    return 0 if n == 0 else f(n - 1)\nf(50)",
            Limits {
                max_depth: 10,
                ..big.clone()
            },
            "limit:recursion",
        ),
        (
            "depth ok",
            "def f(n):\n    return 0 if n == 0 else f(n - 1)\nf(5)",
            Limits {
                max_depth: 10,
                ..big.clone()
            },
            "ok",
        ),
        (
            "length str",
            "x = 'a' * 1000",
            Limits {
                max_len: 100,
                ..big.clone()
            },
            "limit:length",
        ),
        (
            "length list",
            "x = [0] * 1000",
            Limits {
                max_len: 100,
                ..big.clone()
            },
            "limit:length",
        ),
        (
            "length append",
            "x = []\nfor i in range(1000):\n    x.append(i)",
            Limits {
                max_len: 100,
                ..big.clone()
            },
            "limit:length",
        ),
        (
            "length dict",
            "d = {}\nfor i in range(1000):\n    d[i] = i",
            Limits {
                max_len: 100,
                ..big.clone()
            },
            "limit:length",
        ),
        (
            "length concat",
            "s = ''\nfor i in range(1000):\n    s += 'ab'",
            Limits {
                max_len: 100,
                ..big.clone()
            },
            "limit:length",
        ),
        (
            "length join",
            "s = ','.join(['abc'] * 50)",
            Limits {
                max_len: 100,
                ..big.clone()
            },
            "limit:length",
        ),
        (
            "memory",
            "x = []\nfor i in range(1000):\n    x.append('y' * 1000)",
            Limits {
                max_alloc: 100_000,
                ..big.clone()
            },
            "limit",
        ),
    ]
}

/// Cases of the `template` suite: hostile question texts, compiled and rendered.
fn template_cases() -> Vec<(&'static str, String, &'static [&'static str])> {
    vec![
        ("dunder in ${}", "${ ().__class__ }".into(), &["forbidden"]),
        (
            "format attribute walk",
            "${ '{0.__class__}'.format(1) }".into(),
            &["forbidden"],
        ),
        (
            "open in ${}",
            "${ open('/etc/passwd').read() }".into(),
            &["forbidden"],
        ),
        (
            "import in <% %>",
            "<% import os %>${ os.getcwd() }".into(),
            &["forbidden", "syntax"],
        ),
        (
            "eval in <% %>",
            "<% x = eval('1') %>${ x }".into(),
            &["forbidden", "syntax"],
        ),
        ("huge string", "${ 'a' * 10**10 }".into(), &["limit"]),
        (
            "huge loop",
            "% for i in range(10**10):\nx\n% endfor\n".into(),
            &["limit"],
        ),
        (
            "nested loops",
            "% for i in range(10**4):\n% for j in range(10**4):\n${ i * j }\n% endfor\n% endfor\n"
                .into(),
            &["limit"],
        ),
        (
            "output doubling",
            "% for i in range(100):\n${ 'x' * 100000 }\n% endfor\n".into(),
            &["limit", "ok"],
        ),
        (
            "recursive def",
            "<%def name=\"f(n)\">${ f(n + 1) }</%def>${ f(0) }".into(),
            &["limit", "syntax", "exc"],
        ),
        (
            "undefined",
            "Hello ${ user.name.first }".into(),
            &["undefined"],
        ),
        (
            "text block",
            "<%text>${ ().__class__ }</%text>".into(),
            &["ok:${ ().__class__ }"],
        ),
        ("unterminated ${", "Hello ${ name".into(), &["syntax"]),
        (
            "stray endfor",
            "% for x in [1]:\n% endfor\n% endfor\n".into(),
            &["syntax"],
        ),
        ("missing endif", "% if True:\nx\n".into(), &["syntax"]),
        (
            "while line",
            "% while True:\n% endwhile\n".into(),
            &["syntax", "limit"],
        ),
        (
            "deep if nesting",
            "% if True:\n".repeat(5000) + &"% endif\n".repeat(5000),
            &["ok", "syntax", "limit"],
        ),
        (
            "deep ${ nesting",
            format!("${{ {}1{} }}", "(".repeat(100_000), ")".repeat(100_000)),
            &["ok", "syntax", "limit"],
        ),
        ("many ${", "${ 1 }".repeat(30_000), &["ok", "limit"]),
        (
            "filter call",
            "${ 'x' | h }${ '<b>' | e }${ 1 | n }".into(),
            &["ok", "exc", "undefined", "syntax", "forbidden"],
        ),
        (
            "filter dunder",
            "${ 'x' | __class__ }".into(),
            &["forbidden", "syntax"],
        ),
    ]
}

/// The limits a corpus case runs under. In an optimised build the resource bombs (`work:`,
/// `memory:`) run without the clock: the work they do inside builtins must exhaust the step,
/// memory or length budget by itself (within [`TIMEOUT`]), so a builtin that stops charging
/// for its work fails here instead of hiding behind the time limit. A debug build is too slow
/// for that and keeps the clock.
fn bomb_limits(name: &str) -> Limits {
    let bomb = name.starts_with("work:") || name.starts_with("memory:");
    if bomb && !cfg!(debug_assertions) {
        Limits { max_time: None, ..Limits::default() }
    } else {
        Limits::default()
    }
}

/// One case of a suite, by index: (name, source, limits, accepted outcomes).
fn case(suite: &str, index: usize) -> Option<(String, String, Limits, Vec<String>)> {
    let anything = ["ok", "exc", "limit", "forbidden", "undefined", "syntax"];
    match suite {
        "sandbox" => SANDBOX_CASES.get(index).map(|(n, s, e)| {
            (
                n.to_string(),
                s.to_string(),
                bomb_limits(n),
                e.iter().map(|x| x.to_string()).collect(),
            )
        }),
        "hostile" => hostile_cases().into_iter().nth(index).map(|(n, s)| {
            (
                n,
                s,
                Limits::default(),
                anything.iter().map(|x| x.to_string()).collect(),
            )
        }),
        "template" => template_cases().into_iter().nth(index).map(|(n, s, e)| {
            (
                n.to_string(),
                s,
                Limits::default(),
                e.iter().map(|x| x.to_string()).collect(),
            )
        }),
        "limits" => limit_cases()
            .into_iter()
            .nth(index)
            .map(|(n, s, l, e)| (n.to_string(), s.to_string(), l, vec![e.to_string()])),
        _ => None,
    }
}

/// Not a test of its own: the body of a child process started by [`run_suite`]
/// (does nothing unless `SANDBOX_CHILD=<suite>:<index>` is set).
#[test]
fn child_case() {
    let Ok(which) = std::env::var("SANDBOX_CHILD") else {
        return;
    };
    let (suite, index) = which.split_once(':').unwrap();
    let (_, source, limits, _) = case(suite, index.parse().unwrap()).unwrap();
    let started = Instant::now();
    let line = match run_guarded_as(&source, limits, suite == "template") {
        None => "HANG".to_string(),
        Some(Err(panic)) => format!("PANIC {panic:?}"),
        Some(Ok((got, out, detail))) => {
            let detail: String = detail.chars().take(120).collect();
            format!(
                "{got}\t{out:?}\t{}\t{detail:?}",
                started.elapsed().as_millis()
            )
        }
    };
    println!("@@RESULT@@\t{line}");
}

/// Runs every case of `suite` in a child process (two at a time); returns the failures.
fn run_suite(suite: &str, count: usize) -> Vec<String> {
    let exe = std::env::current_exe().unwrap();
    // `child_case`'s name in the test binary: its module's path without the crate's name.
    let child_case = module_path!()
        .split_once("::")
        .map_or_else(|| "child_case".to_string(), |(_, module)| format!("{module}::child_case"));
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= count {
                    break;
                }
                let (name, source, _, expect) = case(suite, i).unwrap();
                let shown: String = source.chars().take(200).collect();
                let child = Command::new(&exe)
                    .args([child_case.as_str(), "--exact", "--nocapture", "--test-threads=1"])
                    .env("SANDBOX_CHILD", format!("{suite}:{i}"))
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap();
                let (status, stdout, stderr) = wait_with_timeout(child, TIMEOUT + Duration::from_secs(10));
                let result = stdout.lines().find_map(|l| l.split_once("@@RESULT@@\t").map(|(_, r)| r.to_string()));
                let failure = match (status, result) {
                    (None, _) => Some(format!("{name}: HANG (child killed)")),
                    (Some(_), Some(r)) if r == "HANG" || r.starts_with("PANIC") => Some(format!("{name}: {r}")),
                    (Some(_), Some(r)) => {
                        let mut parts = r.splitn(4, '\t');
                        let got = parts.next().unwrap_or("").to_string();
                        let out = parts.next().unwrap_or("").to_string();
                        let ms = parts.next().unwrap_or("");
                        let detail = parts.next().unwrap_or("");
                        println!("{suite:<8} {name:<32} {got:<24} {ms:>6} ms  {detail}");
                        let ok = expect.iter().any(|a| {
                            if let Some(expected) = a.strip_prefix("ok:") {
                                got == "ok" && out == format!("{expected:?}")
                            } else {
                                got == *a || got.starts_with(&format!("{a}:"))
                            }
                        });
                        (!ok).then(|| format!("{name}: got {got} ({detail}) stdout {out}, expected one of {expect:?}"))
                    }
                    (Some(st), None) => {
                        let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
                        Some(format!("{name}: CRASH ({st}; {last})"))
                    }
                };
                if let Some(f) = failure {
                    failures.lock().unwrap().push(format!("{f}\n    source: {shown:?}"));
                }
            });
        }
    });
    failures.into_inner().unwrap()
}

/// Waits for `child` at most `timeout` (killing it then); returns its status and output.
fn wait_with_timeout(
    mut child: std::process::Child,
    timeout: Duration,
) -> (Option<std::process::ExitStatus>, String, String) {
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
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break Some(st);
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap()).to_string();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap()).to_string();
    (status, stdout, stderr)
}

/// Known failures: `<suite>: <case name> | <reason>` lines of
/// `tests/corpus/KNOWN_SANDBOX_FAILURES.txt`; the list may only shrink.
fn known_failures(suite: &str) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/KNOWN_SANDBOX_FAILURES.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (head, _reason) = l.split_once('|').unwrap_or((l, ""));
            let (s, name) = head.split_once(':')?;
            (s.trim() == suite).then(|| name.trim().to_string())
        })
        .collect()
}

/// Runs `suite`; fails on an unlisted failure or on a listed case that now passes.
fn check_suite(suite: &str, count: usize) {
    let failures = run_suite(suite, count);
    let known = known_failures(suite);
    let failed_names: Vec<&str> = failures
        .iter()
        .map(|f| f.split(": ").next().unwrap_or(""))
        .collect();
    let unexpected: Vec<&String> = failures
        .iter()
        .filter(|f| !known.iter().any(|k| f.starts_with(&format!("{k}: "))))
        .collect();
    let fixed: Vec<&String> = known
        .iter()
        .filter(|k| !failed_names.contains(&k.as_str()))
        .collect();
    for f in &failures {
        println!("FAIL {suite}: {f}");
    }
    assert!(
        unexpected.is_empty() && fixed.is_empty(),
        "{} unexpected {suite} failure(s):\n{}\n{} listed in KNOWN_SANDBOX_FAILURES.txt now pass \
         (remove them): {:?}",
        unexpected.len(),
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        fixed.len(),
        fixed
    );
}

#[test]
fn sandbox_corpus() {
    if std::env::var("SANDBOX_CHILD").is_ok() {
        return;
    }
    check_suite("sandbox", SANDBOX_CASES.len());
}

#[test]
fn hostile_sources() {
    if std::env::var("SANDBOX_CHILD").is_ok() {
        return;
    }
    check_suite("hostile", hostile_cases().len());
}

#[test]
fn small_limits_are_enforced() {
    if std::env::var("SANDBOX_CHILD").is_ok() {
        return;
    }
    check_suite("limits", limit_cases().len());
}

#[test]
fn hostile_templates() {
    if std::env::var("SANDBOX_CHILD").is_ok() {
        return;
    }
    check_suite("template", template_cases().len());
}
