//! WordprocessingML and the document model: [`write_docx`] builds a .docx from a [`Doc`]
//! (pandoc's role in docassemble, with an optional reference document for the styles) and
//! [`read_docx`] reads a .docx into a [`Doc`] for the built-in DOCX → PDF conversion.
//!
//! [`Doc`]: crate::Doc

mod image;
mod parts;
mod read;
mod read_body;
mod read_styles;
mod tree;
mod write;
mod write_body;

pub use read::{read_docx, DocxImages};
pub use write::{write_docx, DocxOptions};

/// The WordprocessingML main namespace.
pub(crate) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The relationships namespace used by `r:id` attributes.
pub(crate) const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// Relationship type prefix of the package parts.
pub(crate) const REL_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Twentieths of a point (twips) from points, rounded.
pub(crate) fn twips(points: f32) -> i64 {
    (f64::from(points) * 20.0).round() as i64
}

/// English Metric Units from points (12,700 per point), rounded.
pub(crate) fn emu(points: f32) -> i64 {
    (f64::from(points) * 12_700.0).round() as i64
}

/// Escapes text for XML character data and attribute values, dropping the characters XML 1.0
/// cannot hold (C0 controls other than tab/newline/CR, lone surrogates cannot occur in a str,
/// U+FFFE and U+FFFF).
pub(crate) fn escape_xml(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// `text` escaped for XML.
pub(crate) fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_xml(&mut out, text);
    out
}
