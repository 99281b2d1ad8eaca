//! Document assembly, pure: bytes in, bytes out, no I/O and no clock. It owns the DOCX template
//! pipeline with python-docx-template's semantics (`docx`), PDF AcroForm reading, filling and
//! flattening with docassemble's rules (`pdf`), the OOXML package container (`package`), the
//! limits applied to every untrusted file (`limits`), the document model (`model`) with its
//! reader of docassemble-flavoured Markdown (`markdown`), which the PDF writer typesets, and
//! the model's RTF writer (`rtf`), ZIP archives of files (`archive`), QR codes (`qr`), the
//! page operations on PDFs (`pdf::pages`: concatenate, extract, overlay) and tables written as
//! `.xlsx` workbooks (`xlsx`).
//!
//! Rendering the Jinja inside a DOCX template is left to the caller through
//! [`docx::PartRenderer`], so that the interview engine evaluates templates with its own
//! language (an undefined name asks its question).

pub mod archive;
pub mod docx;
mod error;
pub mod limits;
pub mod markdown;
pub mod model;
pub mod package;
pub mod pdf;
pub mod qr;
pub mod rtf;
pub mod word;
pub mod xlsx;
pub mod xml;

pub use error::{DocsError, Result};
pub use limits::Limits;
pub use markdown::{image_references, read as read_markdown, ImageRef, ReadOptions};
pub use model::Doc;
pub use package::Package;
pub use rtf::write_rtf;
pub use word::{read_docx, write_docx, DocxImages, DocxOptions};
