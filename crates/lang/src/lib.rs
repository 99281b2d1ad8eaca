//! The interview language: a sandboxed subset of Python and Mako-style templates.
//!
//! Source is parsed once with ruff's parser and lowered into our own IR
//! ([`Program`], [`Expression`], [`Target`]); a [`Vm`] evaluates it against a
//! [`Namespace`] under [`Limits`]. Reading something that does not exist is the
//! outcome [`Error::Undefined`] with docassemble's spelling of the variable path.
//! This crate does no I/O: `print` goes to an [`Output`] the caller owns.
//! See `API.md` for the contract other crates rely on.

pub mod builtins;
pub mod error;
pub mod exception;
mod gc;
pub mod format;
pub mod methods;
pub mod modules;
pub mod interp;
pub mod ir;
mod random;
pub mod limits;
mod lower;
pub mod template;
pub mod value;

pub use error::{Error, LimitKind, Origin, SyntaxError};
pub use interp::Vm;
pub use limits::Limits;
pub use random::Random;
pub use template::Template;
pub use value::{Args, Class, Key, Namespace, Object, Value};

use std::sync::Arc;

/// A native function: builtins and the functions the engine registers.
pub type NativeFn = fn(&mut Vm<'_>, Args) -> Result<Value, Error>;

/// Where `print` output goes. The caller owns it.
pub trait Output {
    /// Appends `text`.
    fn write(&mut self, text: &str);
}

impl Output for String {
    fn write(&mut self, text: &str) {
        self.push_str(text);
    }
}

/// Lets the embedding crate add globals (functions, classes, constants) resolved after the
/// namespace and before the Python builtins.
pub trait Host {
    /// A global provided by the host (`None` if it has none by that name).
    fn global(&self, name: &str) -> Option<Value>;
    /// The host as `Any`, so natives can reach their state through [`Vm::host`].
    fn as_any(&mut self) -> &mut dyn std::any::Any;
    /// A module the host provides for `import name` / `from name import …` (tried after
    /// the modules `lang` has; `None` keeps the import refused). For `import a.b` the host
    /// is asked for `a.b` (to check it exists) and `a` is bound to what it gives for `a`.
    fn import(&self, _name: &str) -> Option<Value> {
        None
    }
}

fn parse_error(source: &str, origin: &Origin, e: &ruff_python_parser::ParseError) -> SyntaxError {
    let l = lower::Lower::new(source, origin);
    l.error(u32::from(e.location.start()) as usize, e.error.to_string())
}

/// A compiled module body (a `code:` block, a `colloquy eval` file). Send + Sync.
#[derive(Debug)]
pub struct Program {
    pub(crate) body: Vec<ir::Stmt>,
}

impl Program {
    /// Parses and lowers `source`.
    pub fn compile(source: &str, origin: Origin) -> Result<Program, SyntaxError> {
        lower::check_nesting(source, &origin)?;
        let parsed = ruff_python_parser::parse_module(source).map_err(|e| parse_error(source, &origin, &e))?;
        let module = parsed.into_syntax();
        let mut l = lower::Lower::new(source, &origin);
        Ok(Program { body: l.block(&module.body)? })
    }
}

/// Strips the leading indentation of a one-expression snippet, keeping positions right.
fn dedent_expr(source: &str, origin: &Origin) -> (String, Origin) {
    let trimmed = source.trim_start_matches([' ', '\t', '\n', '\r']);
    let skipped = &source[..source.len() - trimmed.len()];
    let lines = skipped.matches('\n').count() as u32;
    let col = match skipped.rfind('\n') {
        Some(i) => (skipped.len() - i - 1) as u32,
        None => origin.column + skipped.len() as u32,
    };
    // Newlines inside an expression are fine only within brackets; join continuation lines.
    let text = if trimmed.contains('\n') { format!("({})", trimmed.trim_end()) } else { trimmed.trim_end().to_string() };
    let col = if trimmed.contains('\n') { col.saturating_sub(1) } else { col };
    (text, Origin { file: origin.file.clone(), line: origin.line + lines, column: col })
}

/// A compiled single expression (`if:`, `show if:`, `${ }`, …). Send + Sync.
#[derive(Debug)]
pub struct Expression {
    pub(crate) expr: ir::Expr,
    pub(crate) line: u32,
    source: Arc<str>,
}

impl Expression {
    /// Parses and lowers one expression.
    pub fn compile(source: &str, origin: Origin) -> Result<Expression, SyntaxError> {
        let (text, origin2) = dedent_expr(source, &origin);
        lower::check_nesting(&text, &origin2)?;
        let parsed = ruff_python_parser::parse_expression(&text).map_err(|e| parse_error(&text, &origin2, &e))?;
        let e = parsed.into_syntax();
        let mut l = lower::Lower::new(&text, &origin2);
        Ok(Expression { expr: l.expr(&e.body)?, line: origin2.line, source: Arc::from(source) })
    }

    /// The source text.
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// An assignable path (`user.name.first`, `fruit[1]`) compiled once. Send + Sync.
#[derive(Debug)]
pub struct Target {
    pub(crate) target: ir::Target,
    pub(crate) line: u32,
    source: Arc<str>,
}

impl Target {
    /// Parses an assignable expression.
    pub fn compile(source: &str, origin: Origin) -> Result<Target, SyntaxError> {
        let (text, origin2) = dedent_expr(source, &origin);
        lower::check_nesting(&text, &origin2)?;
        let parsed = ruff_python_parser::parse_expression(&text).map_err(|e| parse_error(&text, &origin2, &e))?;
        let e = parsed.into_syntax();
        let mut l = lower::Lower::new(&text, &origin2);
        Ok(Target { target: l.target(&e.body)?, line: origin2.line, source: Arc::from(source) })
    }

    /// The source text.
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// Why [`run_source`] failed.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The source does not compile.
    #[error("{0}")]
    Syntax(SyntaxError),
    /// Evaluation ended without success.
    #[error("{0}")]
    Eval(Error),
}

/// Compiles and runs `source` in an empty namespace with `limits`, printing to `out`.
pub fn run_source(source: &str, origin: Origin, limits: Limits, out: &mut dyn Output) -> Result<(), RunError> {
    let program = Program::compile(source, origin).map_err(RunError::Syntax)?;
    let ns = Namespace::new();
    let mut vm = Vm::new(limits, out);
    vm.exec(&program, &ns).map_err(RunError::Eval)
}

#[cfg(test)]
mod tests;
