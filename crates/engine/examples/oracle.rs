//! The differential oracle's report: replays the walks recorded from docassemble
//! (`oracle/recordings`, made by `oracle/record.py`) against the engine and prints, per
//! interview, the screens agreeing and the first disagreement of each walk, then the totals
//! and the causes of disagreement grouped by the part of the screen.
//!
//! `cargo run --release -p engine --example oracle -- [--filter TEXT] [--verbose] [--quiet]
//! [--dir DIR] [--write-baseline]`; `--write-baseline` writes `oracle/baseline.json`: the
//! fixed sample the `oracle` test replays (every fifth recording) and its agreement now.

#[path = "../tests/integration/oracle_support/mod.rs"]
mod oracle_support;

use std::collections::BTreeMap;
use std::path::PathBuf;

use oracle_support::{cause, read_recording, recording_files, recordings_dir, replay, report_line, totals};

fn main() {
    let mut filter: Option<String> = None;
    let mut verbose = false;
    let mut quiet = false;
    let mut write_baseline = false;
    let mut dir = recordings_dir();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--filter" => filter = args.next(),
            "--verbose" | "-v" => verbose = true,
            "--quiet" | "-q" => quiet = true,
            "--write-baseline" => write_baseline = true,
            "--dir" => dir = args.next().map(PathBuf::from).unwrap_or(dir),
            "--help" | "-h" => {
                println!("oracle [--filter TEXT] [--verbose] [--quiet] [--dir RECORDINGS] [--write-baseline]");
                return;
            }
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let mut results = Vec::new();
    let files = recording_files(&dir);
    if write_baseline {
        baseline(&dir, &files);
        return;
    }
    for path in files {
        if let Some(f) = &filter {
            let p = path.to_string_lossy().replace(".json", ".yml");
            if !p.contains(f.as_str()) {
                continue;
            }
        }
        let rec = match read_recording(&path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        let res = replay(&rec);
        if res.screens == 0 {
            continue;
        }
        if !quiet || !res.agrees() {
            println!("{}", report_line(&res, verbose));
        }
        results.push(res);
    }
    let t = totals(&results);
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    println!();
    println!(
        "interviews agreeing on every screen of every walk: {}/{} ({:.1}%)",
        t.interviews_agreeing,
        t.interviews,
        pct(t.interviews_agreeing, t.interviews)
    );
    println!("screens agreeing: {}/{} ({:.1}%)", t.screens_agreeing, t.screens, pct(t.screens_agreeing, t.screens));
    let mut causes: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for r in &results {
        if let Some(f) = &r.failure {
            let e = causes.entry("interview does not load".into()).or_insert((0, String::new()));
            e.0 += 1;
            if e.1.is_empty() {
                e.1 = format!("{}: {f}", r.interview);
            }
        }
        for d in &r.disagreements {
            let e = causes.entry(cause(d)).or_insert((0, String::new()));
            e.0 += 1;
            if e.1.is_empty() {
                e.1 = report_line(
                    &oracle_support::InterviewResult { disagreements: vec![d.clone()], ..r.clone() },
                    false,
                );
            }
        }
    }
    let mut causes: Vec<_> = causes.into_iter().collect();
    causes.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    println!("\nfirst disagreements by cause (walks):");
    for (c, (n, example)) in causes {
        println!("{n:5}  {c}\n       e.g. {}", example.replace('\n', "\n       "));
    }
}

/// Writes `oracle/baseline.json`: every fifth recording and the agreement on them now.
fn baseline(dir: &std::path::Path, files: &[PathBuf]) {
    let mut sample = Vec::new();
    let mut results = Vec::new();
    for path in files.iter().step_by(5) {
        let Ok(rec) = read_recording(path) else { continue };
        let res = replay(&rec);
        if res.screens == 0 {
            continue;
        }
        results.push(res);
        sample.push(path.strip_prefix(dir).unwrap_or(path).to_string_lossy().into_owned());
    }
    let t = totals(&results);
    let json = serde_json::json!({
        "sample": sample,
        "interviews": t.interviews,
        "interviews_agreeing": t.interviews_agreeing,
        "screens": t.screens,
        "screens_agreeing": t.screens_agreeing,
    });
    let out = oracle_support::repo_root().join("oracle/baseline.json");
    let text = serde_json::to_string_pretty(&json).unwrap_or_default() + "\n";
    match std::fs::write(&out, text) {
        Ok(()) => println!(
            "wrote {}: {} interviews ({} agreeing), {} screens ({} agreeing)",
            out.display(),
            t.interviews,
            t.interviews_agreeing,
            t.screens,
            t.screens_agreeing
        ),
        Err(e) => eprintln!("{}: {e}", out.display()),
    }
}
