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

/// The extension of a PNG or JPEG image, told from its first bytes (never from a name or a
/// claimed type); `None` for anything else.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpg")
    } else {
        None
    }
}

/// Checks that `bytes` are a whole PNG or JPEG image (of the type `extension` says) by
/// decoding it within the limits; nothing is kept.
pub fn check(bytes: &[u8], extension: &str) -> Result<(), ImageError> {
    let format = format_of(extension).ok_or(ImageError::Unreadable)?;
    decode(bytes, format).map(|_| ())
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
