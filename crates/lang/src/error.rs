//! Source origins and the ways an evaluation can end without a value.

use std::fmt;
use std::sync::Arc;

/// Where a snippet comes from, so errors read "file.yml, line 42, column 5: …".
#[derive(Clone, Debug)]
pub struct Origin {
    /// File name as shown to the author.
    pub file: Arc<str>,
    /// 1-based line of the snippet's first character in that file.
    pub line: u32,
    /// 0-based column of the snippet's first character in that file.
    pub column: u32,
}

impl Origin {
    /// An origin inside `file` starting at `line` (1-based) and `column` (0-based).
    pub fn new(file: &str, line: u32, column: u32) -> Origin {
        Origin { file: Arc::from(file), line, column }
    }

    /// The origin of a snippet with no file: `<string>`, line 1.
    pub fn anonymous() -> Origin {
        Origin::new("<string>", 1, 0)
    }
}

/// Source that does not parse, or uses syntax outside the supported subset.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{file}, line {line}, column {column}: {message}")]
pub struct SyntaxError {
    /// File name from the [`Origin`].
    pub file: Arc<str>,
    /// 1-based line in the file.
    pub line: u32,
    /// 1-based column in the file.
    pub column: u32,
    /// What is wrong.
    pub message: String,
}

/// Which evaluation limit was exceeded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitKind {
    /// Too many evaluation steps.
    Steps,
    /// Too deep recursion.
    Depth,
    /// A string or collection grew too long.
    Length,
    /// Too much memory allocated in total.
    Memory,
    /// The wall-clock deadline passed.
    Time,
}

impl fmt::Display for LimitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LimitKind::Steps => "steps",
            LimitKind::Depth => "recursion",
            LimitKind::Length => "length",
            LimitKind::Memory => "memory",
            LimitKind::Time => "time",
        })
    }
}

/// Why an evaluation did not produce a value.
#[derive(Debug)]
pub enum Error {
    /// A name, attribute or index that does not exist, spelled as docassemble spells it:
    /// `user.name.first`, `fruit[1]`, `people[0].name.first`, `prices['apple']`.
    Undefined(String),
    /// A Python exception nobody caught; `kind` is its class name (`ValueError`).
    Exception {
        /// Exception class name.
        kind: String,
        /// `str()` of the exception.
        message: String,
        /// 1-based line (in the origin's file) where it was raised, 0 if unknown.
        line: u32,
    },
    /// A limit was exceeded.
    Limit(LimitKind),
    /// A sandbox rule refused something; the string says what.
    Forbidden(String),
    /// A host (engine) function stopped evaluation with a signal of its own.
    /// Never caught by `try`.
    Interrupt(Box<dyn std::any::Any + Send + Sync>),
}

impl Error {
    /// A Python exception of class `kind` with `message`, line not yet known.
    pub fn exception(kind: &str, message: impl Into<String>) -> Error {
        Error::Exception { kind: kind.to_string(), message: message.into(), line: 0 }
    }

    /// A `TypeError` with `message`.
    pub fn type_error(message: impl Into<String>) -> Error {
        Error::exception("TypeError", message)
    }

    /// A `ValueError` with `message`.
    pub fn value_error(message: impl Into<String>) -> Error {
        Error::exception("ValueError", message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Undefined(path) => write!(f, "undefined: {path}"),
            Error::Exception { kind, message, .. } => {
                if message.is_empty() {
                    f.write_str(kind)
                } else {
                    write!(f, "{kind}: {message}")
                }
            }
            Error::Limit(kind) => write!(f, "limit: {kind}"),
            Error::Forbidden(what) => write!(f, "forbidden: {what}"),
            Error::Interrupt(_) => f.write_str("interrupted by the host"),
        }
    }
}

impl std::error::Error for Error {}
