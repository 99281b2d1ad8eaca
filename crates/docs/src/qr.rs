//! QR codes as docassemble draws them (Python `qrcode.make`: error correction level M, the
//! smallest version that holds the text, a quiet zone of four modules): the module matrix,
//! a PNG for documents (ten pixels a module) and an SVG path for screens.

use std::fmt::Write as _;

use qrcode::{Color, EcLevel, QrCode};

use crate::{DocsError, Result};

/// Modules of quiet zone around the code.
const BORDER: usize = 4;
/// Pixels per module in the PNG.
const BOX_SIZE: usize = 10;

/// The dark and light modules of a QR code, row by row, without the quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    /// Modules per side.
    pub width: usize,
    /// `width * width` modules, row by row; `true` is dark.
    pub dark: Vec<bool>,
}

impl QrMatrix {
    /// Whether the module at column `x`, row `y` is dark (outside the code: light).
    #[must_use]
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }
}

/// The QR code of `text`.
pub fn matrix(text: &str) -> Result<QrMatrix> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| DocsError::Qr(e.to_string()))?;
    let width = code.width();
    let dark = code.to_colors().into_iter().map(|c| c == Color::Dark).collect();
    Ok(QrMatrix { width, dark })
}

/// The QR code of `text` as a PNG (black on white, one bit a pixel).
pub fn png(text: &str) -> Result<Vec<u8>> {
    let m = matrix(text)?;
    let side = (m.width + 2 * BORDER) * BOX_SIZE;
    let row_bytes = side.div_ceil(8);
    let mut data = vec![0u8; row_bytes * side];
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = ((x / BOX_SIZE).wrapping_sub(BORDER), (y / BOX_SIZE).wrapping_sub(BORDER));
            if !m.is_dark(mx, my) {
                if let Some(b) = data.get_mut(y * row_bytes + x / 8) {
                    *b |= 0x80 >> (x % 8);
                }
            }
        }
    }
    let side = u32::try_from(side).map_err(|_| DocsError::Qr("the code is too large".into()))?;
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, side, side);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::One);
        let mut writer = encoder.write_header().map_err(|e| DocsError::Qr(e.to_string()))?;
        writer.write_image_data(&data).map_err(|e| DocsError::Qr(e.to_string()))?;
        writer.finish().map_err(|e| DocsError::Qr(e.to_string()))?;
    }
    Ok(out)
}

/// The QR code of `text` as an inline SVG element: `width` is a CSS length for its `width`
/// attribute (`300px`), `alt` its accessible name (escaped here).
pub fn svg(text: &str, width: &str, alt: &str) -> Result<String> {
    let m = matrix(text)?;
    let side = m.width + 2 * BORDER;
    let mut path = String::new();
    for y in 0..m.width {
        let mut x = 0;
        while x < m.width {
            if m.is_dark(x, y) {
                let start = x;
                while x < m.width && m.is_dark(x, y) {
                    x += 1;
                }
                let _ = write!(path, "M{} {}h{}v1h-{}z", start + BORDER, y + BORDER, x - start, x - start);
            } else {
                x += 1;
            }
        }
    }
    let alt = escape(alt);
    let width = escape(width);
    Ok(format!(
        "<svg class=\"daqr\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" viewBox=\"0 0 {side} {side}\" role=\"img\" aria-label=\"{alt}\"><title>{alt}</title><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    /// Decodes a PNG made by [`png`] with an independent reader.
    fn decode(png_bytes: &[u8]) -> String {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; 4 * 1024 * 1024];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!(info.bit_depth, png::BitDepth::Eight, "one grey byte a pixel");
        let (w, h) = (info.width as usize, info.height as usize);
        let row = info.line_size;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[y * row + x]);
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one code found");
        grids[0].decode().unwrap().1
    }

    #[test]
    fn png_decodes_to_the_text() {
        let text = "https://news.google.com";
        assert_eq!(decode(&png(text).unwrap()), text);
        let long = "x".repeat(300);
        assert_eq!(decode(&png(&long).unwrap()), long);
    }

    #[test]
    fn matrix_has_the_finder_patterns_and_format_of_level_m() {
        let m = matrix("01234567").unwrap();
        // version 1: 21 modules a side
        assert_eq!(m.width, 21);
        // the three finder patterns: a dark ring, a light ring, a dark 3×3 centre
        for (ox, oy) in [(0, 0), (14, 0), (0, 14)] {
            for d in 0..7 {
                assert!(m.is_dark(ox + d, oy) && m.is_dark(ox, oy + d) && m.is_dark(ox + 6, oy + d) && m.is_dark(ox + d, oy + 6));
            }
            assert!(!m.is_dark(ox + 1, oy + 1) && m.is_dark(ox + 3, oy + 3));
        }
        // timing pattern on row 6
        for x in 8..13 {
            assert_eq!(m.is_dark(x, 6), x % 2 == 0);
        }
        // format information (row 8, columns 0–5, 7, 8 and column 8, rows 7, 5–0), unmasked with
        // 101010000010010: its first two bits are the level, 00 = M
        let mut bits = Vec::new();
        for x in [0, 1, 2, 3, 4, 5, 7, 8] {
            bits.push(m.is_dark(x, 8));
        }
        for y in [7, 5, 4, 3, 2, 1, 0] {
            bits.push(m.is_dark(8, y));
        }
        let mask = [1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0];
        let format: Vec<u8> = bits.iter().zip(mask).map(|(b, k)| u8::from(*b) ^ k).collect();
        assert_eq!(&format[..2], &[0, 0], "error correction level M");
    }

    #[test]
    fn svg_is_an_accessible_image() {
        let s = svg("hello", "200px", "A \"code\"").unwrap();
        assert!(s.starts_with("<svg class=\"daqr\""));
        assert!(s.contains("width=\"200px\"") && s.contains("viewBox=\"0 0 29 29\""));
        assert!(s.contains("<title>A &quot;code&quot;</title>"));
        assert!(s.contains("<path fill=\"#000\" d=\"M4 4h7v1h-7z"), "the finder pattern's top row");
    }
}
