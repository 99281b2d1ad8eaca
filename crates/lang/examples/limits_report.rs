//! Times every resource-bomb case of the sandbox corpus under the default limits and prints
//! the slowest: each must stop with its limit error within a second or two of CPU.
//!
//! `cargo run --release -p lang --example limits_report [filter | -]` (`-`: time stdin)

use std::time::Instant;

#[path = "../tests/common/sandbox_cases.rs"]
mod cases;

/// CPU seconds this thread has used (Linux: /proc/thread-self/stat; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // fields after the command name (which is in parentheses): utime is the 12th, stime the 13th
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<f64> = rest.split_whitespace().map(|x| x.parse().unwrap_or(0.0)).collect();
    let ticks = f.get(11).unwrap_or(&0.0) + f.get(12).unwrap_or(&0.0);
    ticks / 100.0
}

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
        let cpu = cpu_seconds();
        let r = lang::run_source(source, lang::Origin::new("case", 1, 0), lang::Limits::default(), &mut out);
        let elapsed = cpu_seconds() - cpu;
        let wall = start.elapsed().as_secs_f64();
        let outcome = match r {
            Ok(()) => "ok".to_string(),
            Err(e) => e.to_string(),
        };
        rows.push((elapsed, wall, *name, outcome));
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = rows.iter().map(|r| r.0).sum();
    println!("{} cases, {:.2} s of CPU in all (CPU, wall, case, outcome)", rows.len(), total);
    for (t, wall, name, outcome) in &rows {
        println!("{t:6.2} s {wall:6.2} s  {name:<45} {outcome}");
    }
}
