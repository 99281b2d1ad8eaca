//! Images as PDF image XObjects: an untrusted PNG or JPEG decoded within limits (the `image`
//! crate under `image::Limits`), and one builder of image XObjects from the decoded picture,
//! its transparency either laid on white or kept as a soft mask; a JPEG may also pass through
//! undecoded (`DCTDecode`, its size and colours read from its frame header).

use std::io::Cursor;

use ::image::{DynamicImage, GenericImageView, ImageDecoder, ImageFormat, ImageReader};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use crate::{DocsError, Result};

/// Widest or tallest image decoded (pixels).
pub const MAX_IMAGE_SIDE: u32 = 8_000;

/// Most memory decoding one image may allocate (bytes).
pub const MAX_IMAGE_ALLOC: u64 = 128 * 1024 * 1024;

/// Why an image cannot be decoded.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ImageFault {
    /// The bytes are neither a PNG nor a JPEG.
    #[error("not a PNG or JPEG image")]
    NotPngOrJpeg,
    /// Its pixels would take more memory than allowed.
    #[error("its pixels take {actual} bytes, more than the limit of {limit}")]
    TooLarge {
        /// Bytes of the decoded pixels.
        actual: u64,
        /// The limit.
        limit: u64,
    },
    /// The decoder refused it (broken, unsupported, or beyond [`MAX_IMAGE_SIDE`]).
    #[error("{0}")]
    Unreadable(String),
}

/// Decodes an untrusted PNG or JPEG: at most [`MAX_IMAGE_SIDE`] pixels a side, and neither
/// the decoder's allocations nor the picture as 8-bit RGBA more than `max_bytes` (itself at
/// most [`MAX_IMAGE_ALLOC`]).
pub(crate) fn decode(bytes: &[u8], max_bytes: u64) -> std::result::Result<DynamicImage, ImageFault> {
    let unreadable = |e: ::image::ImageError| ImageFault::Unreadable(e.to_string());
    let mut reader =
        ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| ImageFault::Unreadable(e.to_string()))?;
    if !matches!(reader.format(), Some(ImageFormat::Png | ImageFormat::Jpeg)) {
        return Err(ImageFault::NotPngOrJpeg);
    }
    let limit = max_bytes.min(MAX_IMAGE_ALLOC);
    let mut limits = ::image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(limit);
    reader.limits(limits);
    let decoder = reader.into_decoder().map_err(unreadable)?;
    let (width, height) = decoder.dimensions();
    let actual = (u64::from(width) * u64::from(height) * 4).max(decoder.total_bytes());
    if actual > limit {
        return Err(ImageFault::TooLarge { actual, limit });
    }
    DynamicImage::from_decoder(decoder).map_err(unreadable)
}

/// What becomes of a picture's transparency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Transparency {
    /// Laid on white: the samples alone.
    OnWhite,
    /// Kept as a soft mask (`/SMask`), when any pixel is not opaque.
    SoftMask,
}

/// An image XObject not yet added to a document: its samples, its soft mask if it has one,
/// and its size in pixels.
pub(crate) struct ImageXObject {
    pub width: i64,
    pub height: i64,
    stream: Stream,
    mask: Option<Stream>,
}

impl ImageXObject {
    /// A decoded picture as 8-bit samples (`DeviceGray` when it has no colour, `DeviceRGB`
    /// otherwise), its transparency handled as `transparency` says; compressed.
    pub(crate) fn from_picture(picture: &DynamicImage, transparency: Transparency) -> Result<ImageXObject> {
        let (width, height) = picture.dimensions();
        let (width, height) = (i64::from(width), i64::from(height));
        let channels = if picture.color().has_color() { 3 } else { 1 };
        let rgba = picture.to_rgba8();
        let pixels = rgba.len() / 4;
        let mut samples = Vec::with_capacity(pixels * channels);
        let mut alpha = Vec::with_capacity(if transparency == Transparency::SoftMask { pixels } else { 0 });
        for px in rgba.pixels() {
            let [colour @ .., a] = px.0;
            match transparency {
                Transparency::OnWhite => samples.extend(colour[..channels].iter().map(|c| on_white(*c, a))),
                Transparency::SoftMask => {
                    samples.extend_from_slice(&colour[..channels]);
                    alpha.push(a);
                }
            }
        }
        let colour_space: &[u8] = if channels == 3 { b"DeviceRGB" } else { b"DeviceGray" };
        let mut stream = sample_stream(width, height, colour_space, None, samples);
        stream.compress()?;
        let mask = if alpha.iter().any(|a| *a != 255) {
            let mut mask = sample_stream(width, height, b"DeviceGray", None, alpha);
            mask.compress()?;
            Some(mask)
        } else {
            None
        };
        Ok(ImageXObject { width, height, stream, mask })
    }

    /// A JPEG passed through undecoded: the size and the number of components from its first
    /// frame header.
    pub(crate) fn from_jpeg(bytes: &[u8]) -> Result<ImageXObject> {
        let bad = || DocsError::Pdf("the JPEG image cannot be read".into());
        let mut i = 2;
        while i + 4 <= bytes.len() {
            if bytes[i] != 0xFF {
                return Err(bad());
            }
            let marker = bytes[i + 1];
            let length = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
            // start-of-frame markers (not DHT C4, JPG C8, DAC CC)
            if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
                let frame = bytes.get(i + 4..i + 4 + 6).ok_or_else(bad)?;
                let height = i64::from(u16::from_be_bytes([frame[1], frame[2]]));
                let width = i64::from(u16::from_be_bytes([frame[3], frame[4]]));
                let colour_space: &[u8] = match frame[5] {
                    1 => b"DeviceGray",
                    4 => b"DeviceCMYK",
                    _ => b"DeviceRGB",
                };
                if width == 0 || height == 0 {
                    return Err(bad());
                }
                let stream = sample_stream(width, height, colour_space, Some(b"DCTDecode"), bytes.to_vec());
                return Ok(ImageXObject { width, height, stream, mask: None });
            }
            i += 2 + length;
        }
        Err(bad())
    }

    /// Adds the XObject to `doc`, its soft mask as an object of its own (as streams must be);
    /// the XObject's id.
    pub(crate) fn add_to(self, doc: &mut Document) -> ObjectId {
        let mut stream = self.stream;
        if let Some(mask) = self.mask {
            let mask = doc.add_object(mask);
            stream.dict.set("SMask", Object::Reference(mask));
        }
        doc.add_object(stream)
    }
}

/// A colour sample of opacity `alpha` laid on white.
fn on_white(sample: u8, alpha: u8) -> u8 {
    let (c, a) = (u16::from(sample), u16::from(alpha));
    u8::try_from((c * a + 255 * (255 - a)) / 255).unwrap_or(255)
}

/// An image XObject's stream of 8-bit samples; a `filter` marks data already encoded (and
/// not to be compressed again).
fn sample_stream(width: i64, height: i64, colour_space: &[u8], filter: Option<&[u8]>, data: Vec<u8>) -> Stream {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XObject".to_vec()));
    dict.set("Subtype", Object::Name(b"Image".to_vec()));
    dict.set("Width", Object::Integer(width));
    dict.set("Height", Object::Integer(height));
    dict.set("ColorSpace", Object::Name(colour_space.to_vec()));
    dict.set("BitsPerComponent", Object::Integer(8));
    if let Some(f) = filter {
        dict.set("Filter", Object::Name(f.to_vec()));
    }
    let mut stream = Stream::new(dict, data);
    stream.allows_compression = filter.is_none();
    stream
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use ::image::codecs::jpeg::JpegEncoder;
    use ::image::{Rgb, RgbImage, Rgba, RgbaImage};

    use super::*;

    /// A 2×1 PNG: half-transparent red, opaque blue.
    fn png_with_alpha() -> Vec<u8> {
        let mut img = RgbaImage::new(2, 1);
        img.put_pixel(0, 0, Rgba([255, 0, 0, 128]));
        img.put_pixel(1, 0, Rgba([0, 0, 255, 255]));
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgba8(img).write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    /// A 16×8 JPEG of one colour.
    fn jpeg() -> Vec<u8> {
        let img = RgbImage::from_pixel(16, 8, Rgb([200, 100, 50]));
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 95).encode_image(&img).unwrap();
        out
    }

    /// The XObject added to a document that is saved and read back with lopdf: its
    /// dictionary, its samples and its soft mask's samples.
    fn read_back(xobject: ImageXObject) -> (Dictionary, Vec<u8>, Option<Vec<u8>>) {
        let mut doc = Document::with_version("1.7");
        let id = xobject.add_to(&mut doc);
        let pages = doc.add_object(lopdf::dictionary! { "Type" => "Pages", "Kids" => Vec::<Object>::new(), "Count" => 0 });
        let catalog = doc.add_object(lopdf::dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        let doc = Document::load_mem(&bytes).unwrap();
        let samples = |s: &Stream| s.decompressed_content().unwrap_or_else(|_| s.content.clone());
        let stream = doc.get_object(id).unwrap().as_stream().unwrap();
        let mask = stream.dict.get(b"SMask").ok().map(|m| samples(doc.get_object(m.as_reference().unwrap()).unwrap().as_stream().unwrap()));
        (stream.dict.clone(), samples(stream), mask)
    }

    fn name<'a>(dict: &'a Dictionary, key: &[u8]) -> &'a [u8] {
        dict.get(key).unwrap().as_name().unwrap()
    }

    #[test]
    fn a_png_with_alpha_is_laid_on_white_or_keeps_a_soft_mask() {
        let picture = decode(&png_with_alpha(), MAX_IMAGE_ALLOC).unwrap();
        let (dict, samples, mask) = read_back(ImageXObject::from_picture(&picture, Transparency::OnWhite).unwrap());
        assert_eq!((dict.get(b"Width").unwrap().as_i64().unwrap(), dict.get(b"Height").unwrap().as_i64().unwrap()), (2, 1));
        assert_eq!(name(&dict, b"ColorSpace"), b"DeviceRGB");
        assert_eq!(samples, [255, 127, 127, 0, 0, 255], "half-transparent red on white is pink");
        assert_eq!(mask, None);

        let (dict, samples, mask) = read_back(ImageXObject::from_picture(&picture, Transparency::SoftMask).unwrap());
        assert_eq!(name(&dict, b"ColorSpace"), b"DeviceRGB");
        assert_eq!(samples, [255, 0, 0, 0, 0, 255], "the colours as they are");
        assert_eq!(mask, Some(vec![128, 255]), "the alpha as the soft mask");
    }

    #[test]
    fn a_jpeg_is_decoded_for_either_use_or_passed_through() {
        let jpeg = jpeg();
        let picture = decode(&jpeg, MAX_IMAGE_ALLOC).unwrap();
        for transparency in [Transparency::OnWhite, Transparency::SoftMask] {
            let (dict, samples, mask) = read_back(ImageXObject::from_picture(&picture, transparency).unwrap());
            assert_eq!((dict.get(b"Width").unwrap().as_i64().unwrap(), dict.get(b"Height").unwrap().as_i64().unwrap()), (16, 8));
            assert_eq!(name(&dict, b"ColorSpace"), b"DeviceRGB");
            assert_eq!(samples.len(), 16 * 8 * 3);
            for px in samples.chunks(3) {
                assert!(px.iter().zip([200u8, 100, 50]).all(|(a, b)| a.abs_diff(b) <= 8), "{px:?}");
            }
            assert_eq!(mask, None, "an opaque picture has no soft mask");
        }
        let (dict, samples, mask) = read_back(ImageXObject::from_jpeg(&jpeg).unwrap());
        assert_eq!(name(&dict, b"Filter"), b"DCTDecode");
        assert_eq!(name(&dict, b"ColorSpace"), b"DeviceRGB");
        assert_eq!(dict.get(b"Width").unwrap().as_i64().unwrap(), 16);
        assert_eq!(samples, jpeg, "the JPEG passes through");
        assert_eq!(mask, None);
    }

    #[test]
    fn grey_stays_grey_and_limits_hold() {
        let grey = DynamicImage::ImageLumaA8(::image::GrayAlphaImage::from_pixel(3, 3, ::image::LumaA([10, 0])));
        let (dict, samples, mask) = read_back(ImageXObject::from_picture(&grey, Transparency::OnWhite).unwrap());
        assert_eq!(name(&dict, b"ColorSpace"), b"DeviceGray");
        assert_eq!((samples, mask), (vec![255; 9], None), "fully transparent grey is white");

        let square = RgbImage::from_pixel(64, 64, Rgb([0, 0, 0]));
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(square).write_to(&mut out, ImageFormat::Png).unwrap();
        let limit = 64 * 64 * 4 - 1;
        assert!(matches!(decode(&out.into_inner(), limit), Err(ImageFault::TooLarge { actual: 16_384, .. })), "as RGBA it is too large");
        assert!(matches!(decode(b"GIF89a", MAX_IMAGE_ALLOC), Err(ImageFault::NotPngOrJpeg)));
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\nnot really", MAX_IMAGE_ALLOC), Err(ImageFault::Unreadable(_))));
        let wide = RgbImage::from_pixel(MAX_IMAGE_SIDE + 1, 1, Rgb([0, 0, 0]));
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(wide).write_to(&mut out, ImageFormat::Png).unwrap();
        assert!(matches!(decode(&out.into_inner(), MAX_IMAGE_ALLOC), Err(ImageFault::Unreadable(_))));
    }
}
