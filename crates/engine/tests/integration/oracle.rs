//! The differential oracle on a fixed sample of example interviews: the walks recorded from
//! docassemble (`oracle/recordings`) are replayed against the engine, and the agreement
//! must not fall below the numbers in `oracle/baseline.json` (a ratchet: raise them with
//! `cargo run --release -p engine --example oracle -- --write-baseline` when it improves).

use crate::oracle_support;

use oracle_support::{read_recording, recordings_dir, replay, report_line, repo_root, totals};

#[derive(serde::Deserialize)]
struct Baseline {
    sample: Vec<String>,
    interviews_agreeing: usize,
    screens_agreeing: usize,
}

#[test]
fn sample_agrees_with_docassemble_at_least_as_often_as_the_baseline() {
    let path = repo_root().join("oracle/baseline.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let baseline: Baseline = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(!baseline.sample.is_empty(), "the baseline names no sample");
    let dir = recordings_dir();
    let mut results = Vec::new();
    for rel in &baseline.sample {
        let rec = read_recording(&dir.join(rel)).unwrap_or_else(|e| panic!("{e}"));
        results.push(replay(&rec));
    }
    let t = totals(&results);
    let report: Vec<String> = results.iter().filter(|r| !r.agrees()).map(|r| report_line(r, false)).collect();
    assert!(
        t.interviews_agreeing >= baseline.interviews_agreeing && t.screens_agreeing >= baseline.screens_agreeing,
        "agreement with docassemble fell: interviews {}/{} (baseline {}), screens {}/{} (baseline {})\n{}",
        t.interviews_agreeing,
        t.interviews,
        baseline.interviews_agreeing,
        t.screens_agreeing,
        t.screens,
        baseline.screens_agreeing,
        report.join("\n")
    );
    if t.interviews_agreeing > baseline.interviews_agreeing || t.screens_agreeing > baseline.screens_agreeing {
        eprintln!(
            "agreement rose to interviews {}, screens {}: raise oracle/baseline.json \
             (cargo run --release -p engine --example oracle -- --write-baseline)",
            t.interviews_agreeing, t.screens_agreeing
        );
    }
}
