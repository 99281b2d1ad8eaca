//! Image formats a .docx can hold: the kind (PNG, JPEG, GIF, BMP) from the leading bytes and
//! the pixel size from the header, so that an image placed by width keeps its aspect ratio.

/// A recognised image kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ImageKind {
    Png,
    Jpeg,
    Gif,
    Bmp,
}

impl ImageKind {
    /// The kind of `bytes`, or `None` when it is not an image Word shows.
    pub(crate) fn sniff(bytes: &[u8]) -> Option<ImageKind> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageKind::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageKind::Jpeg)
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Some(ImageKind::Gif)
        } else if bytes.starts_with(b"BM") && bytes.len() > 26 {
            Some(ImageKind::Bmp)
        } else {
            None
        }
    }

    /// The file extension of a media part.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpeg",
            ImageKind::Gif => "gif",
            ImageKind::Bmp => "bmp",
        }
    }

    /// The MIME type for `[Content_Types].xml`.
    pub(crate) fn content_type(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Gif => "image/gif",
            ImageKind::Bmp => "image/bmp",
        }
    }
}

fn be16(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes([*bytes.get(at)?, *bytes.get(at + 1)?])))
}

fn le16(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes([*bytes.get(at)?, *bytes.get(at + 1)?])))
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([*bytes.get(at)?, *bytes.get(at + 1)?, *bytes.get(at + 2)?, *bytes.get(at + 3)?]))
}

fn le32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes([*bytes.get(at)?, *bytes.get(at + 1)?, *bytes.get(at + 2)?, *bytes.get(at + 3)?]))
}

/// The pixel size (width, height) read from the image header; `None` when the header is
/// unreadable or a side is zero.
pub(crate) fn pixel_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let size = match ImageKind::sniff(bytes)? {
        ImageKind::Png => (be32(bytes, 16)?, be32(bytes, 20)?),
        ImageKind::Gif => (le16(bytes, 6)?, le16(bytes, 8)?),
        ImageKind::Bmp => (le32(bytes, 18)?, le32(bytes, 22)?.wrapping_abs_i32()),
        ImageKind::Jpeg => jpeg_size(bytes)?,
    };
    (size.0 > 0 && size.1 > 0).then_some(size)
}

trait AbsI32 {
    fn wrapping_abs_i32(self) -> u32;
}

impl AbsI32 for u32 {
    /// BMP heights are signed (negative: top-down rows).
    fn wrapping_abs_i32(self) -> u32 {
        i32::from_le_bytes(self.to_le_bytes()).unsigned_abs()
    }
}

/// Walks the JPEG markers to the first start-of-frame segment.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let length = be16(bytes, at + 2)? as usize;
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            return Some((be16(bytes, at + 7)?, be16(bytes, at + 5)?));
        }
        at = at.checked_add(2 + length)?;
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn png_and_gif_headers_give_their_size() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&300u32.to_be_bytes());
        png.extend_from_slice(&150u32.to_be_bytes());
        assert_eq!(pixel_size(&png), Some((300, 150)));
        let gif = b"GIF89a\x10\x00\x20\x00";
        assert_eq!(pixel_size(gif), Some((16, 32)));
        assert_eq!(pixel_size(b"not an image"), None);
        // a JPEG with an APP0 segment and then SOF0 (height 40, width 60)
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 40, 0, 60, 3];
        assert_eq!(pixel_size(&jpeg), Some((60, 40)));
    }
}
