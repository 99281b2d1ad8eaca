//! The `colloquy` command line: `colloquy serve` (the web server), `colloquy check` (report
//! interview errors) and `colloquy eval` (run interview Python in the sandbox).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc for every allocation of the process.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod check;
mod eval;
mod serve;
pub mod sources;

/// Colloquy: guided legal interviews (a Rust re-implementation of docassemble).
#[derive(Debug, Parser)]
#[command(name = "colloquy", version, about, propagate_version = true)]
struct Cli {
    /// What to do.
    #[command(subcommand)]
    command: Command,
}

/// The subcommands of `colloquy`.
#[derive(Debug, Subcommand)]
enum Command {
    /// Run a Python file (or standard input) in the sandbox with an empty namespace.
    ///
    /// Exit codes: 0 success; 1 uncaught Python exception; 2 usage or syntax error;
    /// 3 an undefined variable escaped; 4 a limit was hit; 5 the sandbox refused something.
    Eval(eval::EvalArgs),
    /// Load interviews and report every error with file, line and reason (exit 1 if any fails).
    Check(check::CheckArgs),
    /// Serve interviews over HTTP (the bundled demo plus packages under --packages).
    Serve(serve::ServeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Eval(args) => eval::run(args),
        Command::Check(args) => check::run(args, sources::DirSources::new()),
        Command::Serve(args) => serve::run(args),
    }
}
