//! The errors of document assembly: untrusted input that breaks a limit or a format rule, and a
//! rendering failure reported by the caller's renderer.

use thiserror::Error;

/// Everything that can go wrong while reading, patching, rendering or writing a document.
#[derive(Debug, Error)]
pub enum DocsError {
    /// The input is larger than the configured limit (bytes, entries, objects, fields).
    #[error("{what} is too large: {actual} is more than the limit of {limit}")]
    TooLarge {
        /// What was measured ("the file", "the archive's entries", …).
        what: String,
        /// The size found (or the size at which reading stopped).
        actual: u64,
        /// The configured limit.
        limit: u64,
    },
    /// The ZIP container of a DOCX file cannot be read or written.
    #[error("not a readable .docx package: {0}")]
    Zip(String),
    /// A required part is missing from a DOCX package.
    #[error("the .docx package has no part {0}")]
    MissingPart(String),
    /// An XML part is not well-formed, or nests deeper than the limit.
    #[error("the XML of {part} is not usable: {message}")]
    Xml {
        /// The part's name inside the package (`word/document.xml`).
        part: String,
        /// What the XML reader reported.
        message: String,
    },
    /// A part is not UTF-8 text.
    #[error("{0} is not UTF-8 text")]
    NotUtf8(String),
    /// A template pattern failed at run time (for example its backtracking limit).
    #[error("template patching failed in {part}: {message}")]
    Patch {
        /// The part being patched.
        part: String,
        /// The pattern engine's message.
        message: String,
    },
    /// The caller's renderer refused a part (bad Jinja, an undefined name, …).
    #[error("rendering {part} failed: {message}")]
    Render {
        /// The part being rendered.
        part: String,
        /// The renderer's message.
        message: String,
    },
    /// The PDF cannot be parsed or written.
    #[error("not a usable PDF: {0}")]
    Pdf(String),
    /// The PDF has no fillable fields.
    #[error("the PDF template has no fields in it")]
    NoFields,
    /// The PDF is encrypted and no (correct) password was given.
    #[error("the PDF is encrypted")]
    Encrypted,
    /// The text cannot be drawn as a QR code (too long).
    #[error("no QR code can hold this text: {0}")]
    Qr(String),
    /// An image to draw into a document cannot be read (or is larger than the limits allow).
    #[error("the image for {field} cannot be used: {message}")]
    Image {
        /// The field (or place) the image was for.
        field: String,
        /// What went wrong.
        message: String,
    },
}

impl From<lopdf::Error> for DocsError {
    fn from(err: lopdf::Error) -> Self {
        DocsError::Pdf(err.to_string())
    }
}

impl From<zip::result::ZipError> for DocsError {
    fn from(err: zip::result::ZipError) -> Self {
        DocsError::Zip(err.to_string())
    }
}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, DocsError>;
