//! PDF text strings and numbers as docassemble shows and writes them: names and values read
//! the way `pdftk.py` decodes them (byte-order mark and NUL bytes dropped, Latin-1), numbers
//! printed as Python prints them, and values written as PDFDocEncoding or UTF-16BE.

use std::fmt;

use lopdf::{Object, StringFormat};

/// A number from a PDF, printed as Python prints the int or float pdfminer reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PdfNumber {
    /// An integer object.
    Integer(i64),
    /// A real object.
    Real(f32),
}

impl PdfNumber {
    /// The number as a float.
    pub fn value(self) -> f64 {
        match self {
            PdfNumber::Integer(value) => value as f64,
            PdfNumber::Real(value) => f64::from(value),
        }
    }

    pub(crate) fn from_object(object: &Object) -> Option<PdfNumber> {
        match object {
            Object::Integer(value) => Some(PdfNumber::Integer(*value)),
            Object::Real(value) => Some(PdfNumber::Real(*value)),
            _ => None,
        }
    }
}

impl fmt::Display for PdfNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfNumber::Integer(value) => write!(f, "{value}"),
            PdfNumber::Real(value) if value.fract() == 0.0 && value.abs() < 1e16 => write!(f, "{value:.1}"),
            PdfNumber::Real(value) => write!(f, "{value}"),
        }
    }
}

/// docassemble's `remove_nonprintable_bytes_limited`: a leading `FE FF` is dropped, then every
/// NUL byte, and the rest is read as Latin-1 (so UTF-16BE text in ASCII reads back as ASCII).
pub fn decode_docassemble(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(&[0xFE, 0xFF]).unwrap_or(bytes);
    bytes.iter().filter(|byte| **byte != 0).map(|byte| char::from(*byte)).collect()
}

/// Decodes a PDF text string properly (UTF-16BE with a byte-order mark, else PDFDocEncoding
/// read as Latin-1).
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> =
            utf16.chunks(2).map(|pair| u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)])).collect();
        return String::from_utf16_lossy(&units);
    }
    bytes.iter().map(|byte| char::from(*byte)).collect()
}

/// A PDF text string for `value`: PDFDocEncoding when every character is printable Latin-1,
/// else UTF-16BE with a byte-order mark (as pikepdf's `String` does).
pub fn encode_text(value: &str) -> Object {
    let latin = value.chars().all(|ch| matches!(ch as u32, 0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0xA1..=0xFF));
    let bytes = if latin {
        value.chars().map(|ch| ch as u32 as u8).collect()
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in value.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        bytes
    };
    Object::String(bytes, StringFormat::Literal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_python_prints_them() {
        assert_eq!(PdfNumber::Real(72.1975).to_string(), "72.1975");
        assert_eq!(PdfNumber::Real(580.914).to_string(), "580.914");
        assert_eq!(PdfNumber::Real(72.0).to_string(), "72.0");
        assert_eq!(PdfNumber::Integer(72).to_string(), "72");
    }

    #[test]
    fn text_round_trips() {
        assert_eq!(decode_docassemble(b"\xFE\xFF\x00A\x00b"), "Ab");
        let Object::String(bytes, _) = encode_text("Zoë €") else { return };
        assert_eq!(decode_text(&bytes), "Zoë €");
        let Object::String(bytes, _) = encode_text("Zoë") else { return };
        assert_eq!(bytes, b"Zo\xEB");
    }
}
