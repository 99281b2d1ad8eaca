//! Times every resource-bomb case of the sandbox corpus under the default limits and prints
//! the slowest: each must stop with its limit error within a second or two of CPU.
//!
//! `cargo run --release -p lang --example limits_report [filter | -]` (`-`: time stdin)

use std::time::Instant;

#[path = "../tests/common/sandbox_cases.rs"]
mod cases;

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    if filter == "-" {
        // time one program from stdin instead
        let mut source = String::new();
        let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut source);
        let mut out = String::new();
        let start = Instant::now();
        let r = lang::run_source(&source, lang::Origin::new("stdin", 1, 0), lang::Limits::default(), &mut out);
        println!("{:.3} s  {:?}", start.elapsed().as_secs_f64(), r.err().map(|e| e.to_string()));
        return;
    }
    let mut rows = Vec::new();
    for (name, source, _) in cases::SANDBOX_CASES {
        let bomb = ["work:", "memory:", "time:"].iter().any(|p| name.starts_with(p));
        if !bomb || !name.contains(filter.as_str()) {
            continue;
        }
        let mut out = String::new();
        let start = Instant::now();
        let r = lang::run_source(source, lang::Origin::new("case", 1, 0), lang::Limits::default(), &mut out);
        let elapsed = start.elapsed().as_secs_f64();
        let outcome = match r {
            Ok(()) => "ok".to_string(),
            Err(e) => e.to_string(),
        };
        rows.push((elapsed, *name, outcome));
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = rows.iter().map(|r| r.0).sum();
    println!("{} cases, {:.2} s in all", rows.len(), total);
    for (t, name, outcome) in &rows {
        println!("{t:6.2} s  {name:<45} {outcome}");
    }
}
