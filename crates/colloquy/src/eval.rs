//! `colloquy eval [FILE]`: run a Python file in the sandbox; `print` goes to stdout.
//!
//! Exit codes and the last line of standard error (the contract in `crates/lang/API.md`):
//! 0 success; 1 uncaught exception (`Type: message`); 2 usage or syntax error (names line
//! and column); 3 `undefined: <path>`; 4 `limit: <which>`; 5 `forbidden: <what>`.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use lang::{Error, Limits, Origin, Output, RunError};

/// Exit code: success.
const EXIT_OK: u8 = 0;
/// Exit code: an uncaught Python exception.
const EXIT_EXCEPTION: u8 = 1;
/// Exit code: usage or syntax error.
const EXIT_USAGE: u8 = 2;
/// Exit code: an undefined name, attribute or index escaped.
const EXIT_UNDEFINED: u8 = 3;
/// Exit code: an evaluation limit was hit.
const EXIT_LIMIT: u8 = 4;
/// Exit code: the sandbox refused something.
const EXIT_FORBIDDEN: u8 = 5;

/// Stack for the evaluation thread (the interpreter recurses; limits bound the depth).
const EVAL_STACK: usize = 256 * 1024 * 1024;

/// Arguments of `colloquy eval`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The Python file to run; `-` or nothing reads standard input.
    pub file: Option<PathBuf>,
    /// Maximum number of evaluation steps.
    #[arg(long, value_name = "N")]
    pub max_steps: Option<u64>,
    /// Maximum call depth (recursion).
    #[arg(long, value_name = "N")]
    pub max_depth: Option<u32>,
    /// Maximum length of one string (bytes) or collection (items).
    #[arg(long, value_name = "N")]
    pub max_len: Option<usize>,
    /// Maximum total allocation, approximately, in bytes.
    #[arg(long, value_name = "BYTES")]
    pub max_alloc: Option<usize>,
}

/// `print` output: buffered standard output, flushed at the end and on error.
struct Stdout {
    out: std::io::BufWriter<std::io::Stdout>,
}

impl Output for Stdout {
    fn write(&mut self, text: &str) {
        // A closed pipe must not turn into a panic; the evaluation just carries on.
        let _ = self.out.write_all(text.as_bytes());
    }
}

/// Runs `colloquy eval` and returns its exit code.
pub fn run(args: EvalArgs) -> ExitCode {
    let (source, name) = match read_source(args.file.as_ref()) {
        Ok(v) => v,
        Err(message) => {
            eprintln!("colloquy eval: {message}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let mut limits = Limits::default();
    if let Some(n) = args.max_steps {
        limits.max_steps = n;
    }
    if let Some(n) = args.max_depth {
        limits.max_depth = n;
    }
    if let Some(n) = args.max_len {
        limits.max_len = n;
    }
    if let Some(n) = args.max_alloc {
        limits.max_alloc = n;
    }
    // Evaluate on a thread with a generous stack; `Value`s never leave it.
    let worker = std::thread::Builder::new()
        .name("eval".into())
        .stack_size(EVAL_STACK)
        .spawn(move || evaluate(&source, &name, limits));
    let code = match worker {
        Ok(handle) => match handle.join() {
            Ok(code) => code,
            Err(_) => {
                eprintln!("colloquy eval: internal error: the evaluator panicked");
                101
            }
        },
        Err(e) => {
            eprintln!("colloquy eval: cannot start the evaluator: {e}");
            EXIT_USAGE
        }
    };
    ExitCode::from(code)
}

/// Reads the program from `file` (or standard input for `None`/`-`); returns it and its name.
fn read_source(file: Option<&PathBuf>) -> Result<(String, String), String> {
    match file {
        Some(path) if path.as_os_str() != "-" => {
            let bytes =
                std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| format!("{} is not UTF-8 text", path.display()))?;
            Ok((text, path.display().to_string()))
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| "standard input is not UTF-8 text".to_string())?;
            Ok((text, "<stdin>".to_string()))
        }
    }
}

/// Runs `source` with the `random` module seeded from the operating system (the sandbox
/// reads no randomness itself; this command is its host).
fn run_with_os_random(
    source: &str,
    name: &str,
    limits: Limits,
    out: &mut dyn Output,
) -> Result<(), RunError> {
    use server::Rng as _;
    let program =
        lang::Program::compile(source, Origin::new(name, 1, 0)).map_err(RunError::Syntax)?;
    let mut seed = [0u8; 8];
    // Without OS randomness the generator keeps its fixed seed (still a valid run).
    let _ = server::OsRng.fill(&mut seed);
    let mut random = lang::Random::from_seed(u64::from_le_bytes(seed));
    let ns = lang::Namespace::new();
    let mut vm = lang::Vm::new(limits, out).with_random(&mut random);
    vm.exec(&program, &ns).map_err(RunError::Eval)
}

/// Runs `source`, prints the outcome on stderr and returns the exit code.
fn evaluate(source: &str, name: &str, limits: Limits) -> u8 {
    let mut out = Stdout {
        out: std::io::BufWriter::new(std::io::stdout()),
    };
    let result = run_with_os_random(source, name, limits, &mut out);
    let _ = out.out.flush();
    match result {
        Ok(()) => EXIT_OK,
        Err(RunError::Syntax(e)) => {
            eprintln!("SyntaxError: {e}");
            EXIT_USAGE
        }
        Err(RunError::Eval(e)) => {
            let code = match &e {
                Error::Exception { line, .. } => {
                    eprintln!("Traceback (most recent call last):");
                    if *line > 0 {
                        eprintln!("  File \"{name}\", line {line}");
                    }
                    EXIT_EXCEPTION
                }
                Error::Undefined(_) => EXIT_UNDEFINED,
                Error::Limit(_) => EXIT_LIMIT,
                Error::Forbidden(_) => EXIT_FORBIDDEN,
                Error::Interrupt(_) => EXIT_EXCEPTION,
            };
            // Display is exactly the contract's last line: `Type: message`, `undefined: <path>`,
            // `limit: <which>`, `forbidden: <what>`.
            eprintln!("{e}");
            code
        }
    }
}
