//! Differential test: every snippet of `tests/corpus/*.py` runs through `python3` (a fresh
//! subprocess each time, nothing cached) and through `lang::run_source` in process; printed
//! output must be identical and an uncaught exception must be of the same type.
//!
//! Snippets are separated by lines `# ---`; they are numbered from 1 within their file.
//! Mismatches listed in `tests/corpus/KNOWN_FAILURES.txt` (`<file> <index> <reason>`) are
//! tolerated; a listed snippet that now passes fails the test, so the list only shrinks.
//!
//! Environment knobs (all optional):
//! - `CORPUS_ONLY=strings.py,lists.py` run only these files;
//! - `CORPUS_VERBOSE=1` also show the details of known failures;
//! - `CORPUS_BLESS=1` rewrite KNOWN_FAILURES.txt to the current set of failures (keeping
//!   the reasons already written for snippets that still fail).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use lang::{Error, Limits, Origin, RunError};

/// How long one snippet may take in our evaluator (debug build) before it counts as a hang.
const TIMEOUT: Duration = Duration::from_secs(20);
/// Stack for the evaluator thread: a tree-walking interpreter in a debug build is hungry.
const STACK: usize = 256 * 1024 * 1024;

struct Snippet {
    file: String,
    index: usize,
    line: u32,
    source: String,
}

/// What python3 did with a snippet.
#[derive(Debug)]
struct PyOutcome {
    stdout: String,
    /// Exception type of an uncaught exception (module prefix stripped).
    exception: Option<String>,
}

/// What our evaluator did with a snippet.
#[derive(Debug)]
enum OurError {
    Exception(String, String),
    Undefined(String),
    Limit(String),
    Forbidden(String),
    Syntax(String),
    Interrupt,
    Panic,
    Timeout,
}

#[derive(Debug)]
struct OurOutcome {
    stdout: String,
    error: Option<OurError>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("corpus")
}

fn load_snippets() -> Vec<Snippet> {
    let only: Option<Vec<String>> = std::env::var("CORPUS_ONLY").ok().map(|v| {
        v.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    });
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if let Some(only) = &only {
            if !only.iter().any(|o| o == &name || format!("{o}.py") == name) {
                continue;
            }
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut current = String::new();
        let mut start_line = 1u32;
        let mut index = 0;
        for (n, line) in text.lines().enumerate() {
            if line.trim_end() == "# ---" {
                index += 1;
                out.push(Snippet {
                    file: name.clone(),
                    index,
                    line: start_line,
                    source: std::mem::take(&mut current),
                });
                start_line = n as u32 + 2;
            } else {
                current.push_str(line);
                current.push('\n');
            }
        }
        if !current.trim().is_empty() {
            index += 1;
            out.push(Snippet {
                file: name.clone(),
                index,
                line: start_line,
                source: current,
            });
        }
    }
    out
}

fn python_available() -> bool {
    Command::new("python3")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn run_python(source: &str) -> PyOutcome {
    let mut child = Command::new("python3")
        .args(["-I", "-"])
        .current_dir(std::env::temp_dir())
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn python3");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(source.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let exception = if out.status.success() {
        None
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string();
        let head = last.split(':').next().unwrap_or("").trim();
        let ty = head.rsplit('.').next().unwrap_or(head).to_string();
        Some(if ty.is_empty() {
            format!("<python exit {:?}>", out.status.code())
        } else {
            ty
        })
    };
    PyOutcome { stdout, exception }
}

fn run_ours(snippet: &Snippet) -> OurOutcome {
    let source = snippet.source.clone();
    let file = snippet.file.clone();
    let line = snippet.line;
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let mut out = String::new();
            let result = lang::run_source(
                &source,
                Origin::new(&file, line, 0),
                Limits::default(),
                &mut out,
            );
            let error = match result {
                Ok(()) => None,
                Err(RunError::Syntax(e)) => Some(OurError::Syntax(e.to_string())),
                Err(RunError::Eval(e)) => Some(match e {
                    Error::Exception { kind, message, .. } => OurError::Exception(kind, message),
                    Error::Undefined(p) => OurError::Undefined(p),
                    Error::Limit(k) => OurError::Limit(k.to_string()),
                    Error::Forbidden(w) => OurError::Forbidden(w),
                    Error::Interrupt(_) => OurError::Interrupt,
                }),
            };
            let _ = tx.send(OurOutcome { stdout: out, error });
        });
    if spawned.is_err() {
        return OurOutcome {
            stdout: String::new(),
            error: Some(OurError::Panic),
        };
    }
    match rx.recv_timeout(TIMEOUT) {
        Ok(o) => o,
        Err(mpsc::RecvTimeoutError::Timeout) => OurOutcome {
            stdout: String::new(),
            error: Some(OurError::Timeout),
        },
        Err(mpsc::RecvTimeoutError::Disconnected) => OurOutcome {
            stdout: String::new(),
            error: Some(OurError::Panic),
        },
    }
}

/// Python exceptions that an escaped `Undefined(path)` stands for.
fn undefined_like(py: &str) -> bool {
    matches!(
        py,
        "NameError" | "UnboundLocalError" | "AttributeError" | "KeyError" | "IndexError"
    )
}

/// `None` when the outcomes agree, else a short reason.
fn compare(py: &PyOutcome, ours: &OurOutcome) -> Option<String> {
    let error_reason = match (&py.exception, &ours.error) {
        (None, None) => None,
        (Some(p), Some(OurError::Exception(k, _))) if p == k => None,
        (Some(p), Some(OurError::Exception(k, _)))
            if p == "UnboundLocalError" && k == "NameError" =>
        {
            None
        }
        (Some(p), Some(OurError::Undefined(_))) if undefined_like(p) => None,
        (Some(p), Some(OurError::Syntax(_))) if p == "SyntaxError" => None,
        (Some(p), o) => Some(format!("expected {p}, got {}", describe(o.as_ref()))),
        (None, o) => Some(format!("expected success, got {}", describe(o.as_ref()))),
    };
    if let Some(r) = error_reason {
        return Some(r);
    }
    if py.stdout != ours.stdout {
        return Some("stdout differs".to_string());
    }
    None
}

fn describe(e: Option<&OurError>) -> String {
    match e {
        None => "success".to_string(),
        Some(OurError::Exception(k, m)) => shorten(&format!("{k}: {m}")),
        Some(OurError::Undefined(p)) => shorten(&format!("undefined {p}")),
        Some(OurError::Limit(k)) => format!("limit {k}"),
        Some(OurError::Forbidden(w)) => shorten(&format!("forbidden {w}")),
        Some(OurError::Syntax(m)) => shorten(&format!("SyntaxError {m}")),
        Some(OurError::Interrupt) => "interrupt".to_string(),
        Some(OurError::Panic) => "PANIC".to_string(),
        Some(OurError::Timeout) => "TIMEOUT".to_string(),
    }
}

fn shorten(s: &str) -> String {
    let one_line = s.replace('\n', " ");
    if one_line.chars().count() > 90 {
        format!("{}…", one_line.chars().take(90).collect::<String>())
    } else {
        one_line
    }
}

/// `(file, index) -> reason` from KNOWN_FAILURES.txt.
fn load_known() -> BTreeMap<(String, usize), String> {
    let path = corpus_dir().join("KNOWN_FAILURES.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut known = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, char::is_whitespace);
        let file = parts.next().unwrap_or("").to_string();
        let index: usize = parts
            .next()
            .and_then(|i| i.trim().parse().ok())
            .unwrap_or_else(|| {
                panic!(
                    "KNOWN_FAILURES.txt line {}: expected `<file> <index> <reason>`",
                    n + 1
                )
            });
        let reason = parts.next().unwrap_or("").trim().to_string();
        assert!(
            !reason.is_empty(),
            "KNOWN_FAILURES.txt line {}: give a short reason",
            n + 1
        );
        known.insert((file, index), reason);
    }
    known
}

fn write_known(failures: &BTreeMap<(String, usize), String>) {
    let mut text = String::from(
        "# Corpus snippets that do not yet behave like CPython: `<file> <index> <reason>`.\n\
         # Index counts snippets from 1 within the file. Remove a line when the snippet passes\n\
         # (the differential test fails on a listed snippet that passes). Regenerate with\n\
         # CORPUS_BLESS=1 cargo test -p lang --test differential\n",
    );
    for ((file, index), reason) in failures {
        text.push_str(&format!("{file} {index} {reason}\n"));
    }
    std::fs::write(corpus_dir().join("KNOWN_FAILURES.txt"), text).unwrap();
}

#[test]
fn differential_corpus() {
    if !python_available() {
        eprintln!("SKIPPED differential_corpus: python3 is not available on this machine");
        return;
    }
    let snippets = load_snippets();
    assert!(
        !snippets.is_empty(),
        "no snippets found under {}",
        corpus_dir().display()
    );
    let verbose = std::env::var("CORPUS_VERBOSE").is_ok_and(|v| v != "0");
    let bless = std::env::var("CORPUS_BLESS").is_ok_and(|v| v != "0");

    // Run everything, a few snippets at a time.
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 4);
    let mut results: Vec<Option<(PyOutcome, OurOutcome)>> = Vec::new();
    results.resize_with(snippets.len(), || None);
    let collected = std::sync::Mutex::new(results);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= snippets.len() {
                    break;
                }
                let py = run_python(&snippets[i].source);
                let ours = run_ours(&snippets[i]);
                collected.lock().unwrap()[i] = Some((py, ours));
            });
        }
    });
    let results = collected.into_inner().unwrap();

    let known = load_known();
    let mut table: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new(); // pass, total, known
    let mut failures: BTreeMap<(String, usize), String> = BTreeMap::new();
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    for (snippet, result) in snippets.iter().zip(results) {
        let (py, ours) = result.unwrap();
        let key = (snippet.file.clone(), snippet.index);
        let row = table.entry(snippet.file.clone()).or_default();
        row.1 += 1;
        match compare(&py, &ours) {
            None => {
                row.0 += 1;
                if known.contains_key(&key) {
                    fixed.push(format!("{} {}", key.0, key.1));
                }
            }
            Some(reason) => {
                let listed = known.get(&key);
                if listed.is_some() {
                    row.2 += 1;
                }
                let detail = format!(
                    "---- {} #{} (line {}): {}\n{}  python: stdout {:?} exception {:?}\n  ours:   stdout {:?} error {}\n",
                    snippet.file,
                    snippet.index,
                    snippet.line,
                    reason,
                    snippet.source.lines().map(|l| format!("  | {l}\n")).collect::<String>(),
                    py.stdout,
                    py.exception,
                    ours.stdout,
                    describe(ours.error.as_ref()),
                );
                if listed.is_none() {
                    unexpected.push(detail);
                } else if verbose {
                    println!("{detail}");
                }
                failures.insert(key, listed.cloned().unwrap_or(reason));
            }
        }
    }

    let (mut pass, mut total) = (0, 0);
    println!(
        "\n{:<26} {:>6} {:>6} {:>6}",
        "corpus file", "pass", "total", "known"
    );
    for (file, (p, t, k)) in &table {
        println!("{file:<26} {p:>6} {t:>6} {k:>6}");
        pass += p;
        total += t;
    }
    println!(
        "{:<26} {:>6} {:>6} {:>6}\n",
        "TOTAL",
        pass,
        total,
        failures.len()
    );

    if bless {
        if std::env::var("CORPUS_ONLY").is_ok() {
            panic!("CORPUS_BLESS needs the whole corpus: unset CORPUS_ONLY");
        }
        write_known(&failures);
        println!(
            "KNOWN_FAILURES.txt rewritten with {} entries",
            failures.len()
        );
        return;
    }
    for d in &unexpected {
        println!("{d}");
    }
    let ran: std::collections::BTreeSet<&String> = table.keys().collect();
    let stale: Vec<String> = known
        .keys()
        .filter(|(f, i)| ran.contains(f) && !snippets.iter().any(|s| &s.file == f && s.index == *i))
        .map(|(f, i)| format!("{f} {i}"))
        .collect();
    assert!(
        unexpected.is_empty() && fixed.is_empty() && stale.is_empty(),
        "{} unexpected mismatch(es) (details above); {} listed snippet(s) now pass — remove them from \
         KNOWN_FAILURES.txt: {:?}; {} listed snippet(s) do not exist: {:?}",
        unexpected.len(),
        fixed.len(),
        fixed,
        stale.len(),
        stale
    );
}
