//! Uploaded images made to fit the interview's `maximum image size` and `image upload type`
//! (docassemble does it in the browser; here it is done in memory on the server), decoded
//! with limits so that an image claiming enormous dimensions is refused, never allocated.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, ImageReader};

/// Widest or tallest image decoded (pixels).
pub const MAX_IMAGE_SIDE: u32 = 12_000;

/// Most memory one decoding may allocate (bytes).
pub const MAX_IMAGE_ALLOC: u64 = 256 * 1024 * 1024;

/// An image as it is stored after processing.
#[derive(Debug)]
pub struct ProcessedImage {
    /// The encoded image.
    pub bytes: Vec<u8>,
    /// Its extension (`png`, `jpg`).
    pub extension: String,
}

/// Why an uploaded image was refused (the text ends a sentence about the file).
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    /// The image is larger than [`MAX_IMAGE_SIDE`] or [`MAX_IMAGE_ALLOC`] allow.
    #[error("is too large an image (at most {MAX_IMAGE_SIDE} pixels wide and high).")]
    TooLarge,
    /// The bytes are not an image of the type the name says.
    #[error("cannot be read as an image.")]
    Unreadable,
    /// Encoding the result failed.
    #[error("could not be converted.")]
    Encoding,
}

/// The image format of an extension that this server decodes (PNG and JPEG).
fn format_of(extension: &str) -> Option<ImageFormat> {
    match extension {
        "png" => Some(ImageFormat::Png),
        "jpg" | "jpeg" => Some(ImageFormat::Jpeg),
        _ => None,
    }
}

/// Fits an uploaded PNG or JPEG to `max_size` (pixels of its longer side) and converts it
/// to `target` (`jpeg`/`jpg`/`png`). `Ok(None)`: nothing to do (no rule applies, or a
/// format this server does not decode, which is kept as it is).
pub fn process(bytes: &[u8], extension: &str, max_size: Option<u32>, target: Option<&str>) -> Result<Option<ProcessedImage>, ImageError> {
    let Some(format) = format_of(extension) else { return Ok(None) };
    let target = match target {
        Some("jpeg" | "jpg") => Some(ImageFormat::Jpeg),
        Some("png") => Some(ImageFormat::Png),
        _ => None,
    };
    if max_size.is_none() && target.is_none_or(|t| t == format) {
        return Ok(None);
    }
    let img = decode(bytes, format)?;
    let img = match max_size {
        Some(max) if max > 0 && (img.width() > max || img.height() > max) => img.resize(max, max, image::imageops::FilterType::Triangle),
        _ => img,
    };
    let out_format = target.unwrap_or(format);
    let img = if out_format == ImageFormat::Jpeg { DynamicImage::ImageRgb8(img.to_rgb8()) } else { img };
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, out_format).map_err(|_| ImageError::Encoding)?;
    let extension = if out_format == ImageFormat::Jpeg { "jpg" } else { "png" };
    Ok(Some(ProcessedImage { bytes: out.into_inner(), extension: extension.to_string() }))
}

/// Decodes within the limits: the header's dimensions are checked before any pixel is
/// allocated.
fn decode(bytes: &[u8], format: ImageFormat) -> Result<DynamicImage, ImageError> {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(MAX_IMAGE_ALLOC);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => ImageError::TooLarge,
        _ => ImageError::Unreadable,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(w, h, image::Rgba([200, 10, 10, 255])));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn images_are_scaled_down_and_converted() {
        let p = process(&png(400, 200), "png", Some(100), Some("jpeg")).unwrap().unwrap();
        assert_eq!(p.extension, "jpg");
        let img = image::load_from_memory_with_format(&p.bytes, ImageFormat::Jpeg).unwrap();
        assert_eq!((img.width(), img.height()), (100, 50));
    }

    #[test]
    fn small_images_and_other_formats_are_kept() {
        assert!(process(&png(50, 50), "png", None, Some("png")).unwrap().is_none());
        assert!(process(b"GIF89a", "gif", Some(10), None).unwrap().is_none());
        let p = process(&png(50, 50), "png", Some(100), None).unwrap().unwrap();
        let img = image::load_from_memory(&p.bytes).unwrap();
        assert_eq!((img.width(), img.height()), (50, 50));
    }

    #[test]
    fn a_huge_claim_is_refused_without_allocating() {
        // a PNG header claiming 100,000 × 100,000 pixels
        let mut bytes = png(1, 1);
        bytes[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bytes[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let err = process(&bytes, "png", Some(100), None).unwrap_err();
        assert!(matches!(err, ImageError::TooLarge | ImageError::Unreadable), "{err:?}");
        // with the CRC fixed it is the size that is refused
        let crc = crc32(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        assert!(matches!(process(&bytes, "png", Some(100), None), Err(ImageError::TooLarge)));
    }

    #[test]
    fn a_malformed_image_is_refused() {
        let err = process(b"\x89PNG\r\n\x1a\nnot really", "png", Some(100), None).unwrap_err();
        assert!(matches!(err, ImageError::Unreadable));
        assert_eq!(err.to_string(), "cannot be read as an image.");
    }

    /// CRC-32 (PNG chunks).
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
}
