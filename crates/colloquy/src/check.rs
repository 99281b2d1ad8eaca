//! `colloquy check`: load interviews and report every error with file, line and reason.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::sources::DirSources;

/// Arguments of `colloquy check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// A folder holding package folders (like `docassemble.base`); repeatable.
    #[arg(long = "packages", value_name = "DIR")]
    pub packages: Vec<PathBuf>,
    /// Do not print warnings (unknown keys …), only results.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print only failures and the summary.
    #[arg(long)]
    pub failures_only: bool,
    /// Interviews to check (`package:path`); default: every interview of the bundled demo
    /// and of every package found under `--packages`.
    #[arg(value_name = "REFERENCE")]
    pub references: Vec<String>,
}

/// Runs the check; exit status 1 if any interview failed, 2 on usage errors.
pub fn run(args: CheckArgs, mut sources: DirSources) -> ExitCode {
    // the bundled demo package, as `colloquy serve` embeds it
    sources.add_embedded(
        crate::serve::DEMO_PACKAGE,
        "data/questions/intake.yml",
        include_str!("../demo/data/questions/intake.yml"),
    );
    for dir in &args.packages {
        match sources.add_root(dir) {
            Ok(0) => eprintln!(
                "warning: no package folders (with a data/ folder) found in {}",
                dir.display()
            ),
            Ok(_) => {}
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", dir.display());
                return ExitCode::from(2);
            }
        }
    }
    let references = if args.references.is_empty() {
        engine::check::all_references(&sources)
    } else {
        args.references.clone()
    };
    if references.is_empty() {
        eprintln!("error: no interviews to check");
        return ExitCode::from(2);
    }
    let (mut ok, mut failed, mut warned) = (0usize, 0usize, 0usize);
    for reference in &references {
        let result = check_with_big_stack(&sources, reference);
        match &result.outcome {
            Ok(_) => {
                ok += 1;
                if !args.failures_only {
                    println!("ok {reference}");
                }
            }
            Err(e) => {
                failed += 1;
                println!("FAILED {reference}: {e}");
            }
        }
        if !result.warnings.is_empty() {
            warned += 1;
        }
        if !args.quiet && !args.failures_only {
            for w in &result.warnings {
                println!("  warning: {w}");
            }
        }
    }
    println!(
        "{} interviews: {ok} loaded, {failed} failed, {warned} with warnings",
        references.len()
    );
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Loads one interview on a thread with a generous stack, so that even pathological
/// nesting in author code ends in an error message rather than a stack overflow.
fn check_with_big_stack(sources: &DirSources, reference: &str) -> engine::check::CheckResult {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .stack_size(64 * 1024 * 1024)
            .spawn_scoped(scope, || engine::check::check_one(sources, reference));
        match handle {
            Ok(h) => h.join().unwrap_or_else(|_| failed(reference)),
            Err(_) => engine::check::check_one(sources, reference),
        }
    })
}

fn failed(reference: &str) -> engine::check::CheckResult {
    engine::check::CheckResult {
        reference: reference.to_string(),
        outcome: Err(engine::LoadError::Read {
            file: reference.to_string(),
            reason: "internal error while loading".into(),
        }),
        warnings: Vec::new(),
    }
}
