//! The interview language: a sandboxed subset of Python and Mako-style templates.
//!
//! Source is parsed once with ruff's parser and lowered into our own IR
//! ([`Program`], [`Expression`], [`Target`]); a [`Vm`] evaluates it against a
//! [`Namespace`] under [`Limits`]. Reading something that does not exist is the
//! outcome [`Error::Undefined`] with docassemble's spelling of the variable path.
//! This crate does no I/O: `print` goes to an [`Output`] the caller owns.
//! See `API.md` for the contract other crates rely on.

pub mod error;
pub mod value;
pub mod template;

pub use error::{Error, LimitKind, Origin, SyntaxError};
pub use value::{Args, Namespace, Value};

/// A native function: builtins and the functions the engine registers.
pub type NativeFn = fn(&mut Vm<'_>, Args) -> Result<Value, Error>;

/// The evaluator (placeholder until the interpreter lands).
pub struct Vm<'a>(std::marker::PhantomData<&'a ()>);
