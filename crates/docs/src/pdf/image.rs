//! Images as PDF image XObjects: a JPEG passed through (`DCTDecode`, its size and colours read
//! from its frame header), a PNG decoded within limits and stored deflated (transparency laid
//! on white).

use lopdf::{Dictionary, Object, Stream};

use crate::limits::check_size;
use crate::{DocsError, Limits, Result};

/// An image XObject and its size in pixels.
pub(crate) struct ImageXObject {
    pub stream: Stream,
    pub width: i64,
    pub height: i64,
}

fn xobject(width: i64, height: i64, colour_space: &[u8], filter: Option<&[u8]>, data: Vec<u8>) -> ImageXObject {
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
    ImageXObject { stream, width, height }
}

/// A JPEG as an XObject: the size and the number of components from its first frame header.
pub(crate) fn jpeg_xobject(bytes: &[u8]) -> Result<ImageXObject> {
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
            return Ok(xobject(width, height, colour_space, Some(b"DCTDecode"), bytes.to_vec()));
        }
        i += 2 + length;
    }
    Err(bad())
}

/// A PNG as an XObject, decoded to 8-bit grey or RGB within the stream limit.
pub(crate) fn png_xobject(bytes: &[u8], limits: &Limits) -> Result<ImageXObject> {
    let bad = |e: png::DecodingError| DocsError::Pdf(format!("the PNG image cannot be read: {e}"));
    let mut decoder = png::Decoder::new_with_limits(std::io::Cursor::new(bytes), png::Limits { bytes: limits.max_pdf_stream_bytes });
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(bad)?;
    let (width, height) = reader.info().size();
    let pixels = u64::from(width) * u64::from(height);
    check_size("the image's pixels", pixels * 4, limits.max_pdf_stream_bytes as u64)?;
    let mut buf = vec![0; usize::try_from(pixels * 4).unwrap_or(usize::MAX)];
    let frame = reader.next_frame(&mut buf).map_err(bad)?;
    let data = &buf[..frame.buffer_size()];
    let (channels, grey) = match frame.color_type {
        png::ColorType::Grayscale => (1, true),
        png::ColorType::GrayscaleAlpha => (2, true),
        png::ColorType::Rgb => (3, false),
        _ => (4, false),
    };
    let out_channels = if grey { 1 } else { 3 };
    let mut out = Vec::with_capacity(data.len() / channels * out_channels);
    for px in data.chunks_exact(channels) {
        let alpha = if channels == 2 || channels == 4 { u16::from(px[channels - 1]) } else { 255 };
        for c in &px[..out_channels] {
            // laid on white
            let v = (u16::from(*c) * alpha + 255 * (255 - alpha)) / 255;
            out.push(u8::try_from(v).unwrap_or(255));
        }
    }
    let colour_space: &[u8] = if grey { b"DeviceGray" } else { b"DeviceRGB" };
    let mut x = xobject(i64::from(width), i64::from(height), colour_space, None, out);
    x.stream.compress().map_err(|e| DocsError::Pdf(e.to_string()))?;
    Ok(x)
}
