//! Images drawn into a PDF form's signature fields, as docassemble's `fill_template` draws
//! them: the image (a PNG or JPEG, untrusted, decoded within limits) is trimmed of its plain
//! border, fitted into the field's rectangle keeping its proportions, centred, and drawn over
//! the page as an image XObject whose transparency becomes a soft mask. The page's own
//! content is wrapped in `q … Q` first, so nothing it leaves in the graphics state moves the
//! image.

use image::{DynamicImage, GenericImageView, Rgba};
use lopdf::{Document, Object, ObjectId, Stream};

use super::fields::FormField;
use super::image::{decode, ImageXObject, Transparency, MAX_IMAGE_ALLOC};
use crate::{DocsError, Result};

/// An image to draw into the form field named `field` (a `/Sig` field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldImage {
    /// The fully qualified field name, as [`FormField::name`].
    pub field: String,
    /// The encoded image (PNG or JPEG).
    pub bytes: Vec<u8>,
}

/// Where an image is drawn on its page (points).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Placement {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
}

/// Draws each of `images` into its signature field (fields that are not `/Sig` fields, or
/// that have no rectangle, are skipped, as docassemble skips them).
pub(crate) fn draw_images(doc: &mut Document, fields: &[FormField], images: &[FieldImage]) -> Result<()> {
    if images.is_empty() {
        return Ok(());
    }
    let pages = doc.get_pages();
    let mut wrapped = Vec::new();
    for image in images {
        let Some(field) = fields.iter().find(|f| f.name == image.field && f.field_type.as_deref() == Some("/Sig")) else {
            continue;
        };
        let Some(page) = pages.get(&field.page).copied() else { continue };
        let Some(rect) = field_rect(field) else { continue };
        let picture = decode(&image.bytes, MAX_IMAGE_ALLOC)
            .map_err(|fault| DocsError::Image { field: image.field.clone(), message: fault.to_string() })?;
        let picture = trim(picture);
        let place = fit(rect, picture.width(), picture.height());
        let xobject = ImageXObject::from_picture(&picture, Transparency::SoftMask)?.add_to(doc);
        if !wrapped.contains(&page) {
            wrap_page_content(doc, page)?;
            wrapped.push(page);
        }
        let name = format!("CoSig{}", xobject.0);
        doc.add_xobject(page, name.as_bytes(), xobject)?;
        let ops = format!(
            "q {} 0 0 {} {} {} cm /{name} Do Q\n",
            num(place.width),
            num(place.height),
            num(place.x),
            num(place.y)
        );
        append_content(doc, page, ops.into_bytes())?;
    }
    Ok(())
}

/// The field's rectangle as `(x1, y1, x2, y2)` with `x1 < x2`, `y1 < y2`.
fn field_rect(field: &FormField) -> Option<(f64, f64, f64, f64)> {
    let [a, b, c, d] = field.rect.as_slice() else { return None };
    let (x1, x2) = (a.value().min(c.value()), a.value().max(c.value()));
    let (y1, y2) = (b.value().min(d.value()), b.value().max(d.value()));
    (x2 - x1 > 0.0 && y2 - y1 > 0.0 && [x1, x2, y1, y2].iter().all(|v| v.is_finite())).then_some((x1, y1, x2, y2))
}

/// The box of a `width`×`height` picture fitted into `rect`, keeping its proportions and
/// centred along the side with room to spare.
fn fit(rect: (f64, f64, f64, f64), width: u32, height: u32) -> Placement {
    let (x1, y1, x2, y2) = rect;
    let (rw, rh) = (x2 - x1, y2 - y1);
    let (w, h) = (f64::from(width.max(1)), f64::from(height.max(1)));
    let scale = (rw / w).min(rh / h);
    let (dw, dh) = (w * scale, h * scale);
    Placement { x: x1 + (rw - dw) / 2.0, y: y1 + (rh - dh) / 2.0, width: dw, height: dh }
}

/// A number as PDF content writes it.
fn num(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// The picture without its border of the top-left pixel's color (ImageMagick's `-trim`, as
/// docassemble uses it); the whole picture when less than 10 pixels would be left.
fn trim(img: DynamicImage) -> DynamicImage {
    let (w, h) = img.dimensions();
    if w == 0 || h == 0 {
        return img;
    }
    let rgba = img.to_rgba8();
    let corner = *rgba.get_pixel(0, 0);
    let same = |p: &Rgba<u8>| if corner[3] == 0 { p[3] == 0 } else { *p == corner };
    let (mut left, mut top, mut right, mut bottom) = (w, h, 0u32, 0u32);
    for (x, y, p) in rgba.enumerate_pixels() {
        if !same(p) {
            left = left.min(x);
            right = right.max(x);
            top = top.min(y);
            bottom = bottom.max(y);
        }
    }
    if left > right || right - left + 1 < 10 || bottom - top + 1 < 10 {
        return img;
    }
    img.crop_imm(left, top, right - left + 1, bottom - top + 1)
}

/// Wraps the page's content streams in `q … Q`.
fn wrap_page_content(doc: &mut Document, page: ObjectId) -> Result<()> {
    let open = doc.add_object(Stream::new(lopdf::Dictionary::new(), b"q\n".to_vec()));
    let close = doc.add_object(Stream::new(lopdf::Dictionary::new(), b"Q\n".to_vec()));
    let mut contents = content_refs(doc, page);
    contents.insert(0, Object::Reference(open));
    contents.push(Object::Reference(close));
    doc.get_dictionary_mut(page)?.set("Contents", Object::Array(contents));
    Ok(())
}

/// Appends a content stream to the page.
fn append_content(doc: &mut Document, page: ObjectId, ops: Vec<u8>) -> Result<()> {
    let mut stream = Stream::new(lopdf::Dictionary::new(), ops);
    stream.compress()?;
    let id = doc.add_object(stream);
    let mut contents = content_refs(doc, page);
    contents.push(Object::Reference(id));
    doc.get_dictionary_mut(page)?.set("Contents", Object::Array(contents));
    Ok(())
}

/// The page's `/Contents` as a list (a single stream, an array, or a reference to an array).
fn content_refs(doc: &Document, page: ObjectId) -> Vec<Object> {
    let Ok(dict) = doc.get_dictionary(page) else { return Vec::new() };
    match dict.get(b"Contents") {
        Ok(Object::Array(items)) => items.clone(),
        Ok(Object::Reference(id)) => match doc.get_object(*id) {
            Ok(Object::Array(items)) => items.clone(),
            Ok(_) => vec![Object::Reference(*id)],
            Err(_) => Vec::new(),
        },
        Ok(Object::Stream(s)) => vec![Object::Stream(s.clone())],
        _ => Vec::new(),
    }
}
