//! Images (signatures) drawn into the signature fields of the example PDF forms: each page
//! holding a filled `/Sig` field draws an image XObject (with a soft mask for its
//! transparency; an opaque JPEG without one) inside the field's rectangle, whether the form
//! stays editable or is flattened; fields that are not signature fields and unreadable images
//! are handled.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Cursor;
use std::path::PathBuf;

use docs::pdf::{get_pdf_fields, FieldImage, FillOptions, FormField, PdfForm};
use docs::Limits;
use lopdf::content::Content;
use lopdf::{Document, Object};

fn templates() -> PathBuf {
    std::env::var_os("COLLOQUY_EXAMPLES").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/docassemble-examples/packages")
    })
}

/// The example forms used by the signature examples (`pdf-fill-signature.yml`,
/// `test-sig-form.yml`, `signdoc.yml`).
fn signature_forms() -> Vec<PathBuf> {
    let root = templates();
    ["docassemble.base/data/templates/Transfer-of-Ownership.pdf", "docassemble.demo/data/templates/testsigform.pdf", "docassemble.demo/data/templates/sample-sig-form.pdf", "docassemble.demo/data/templates/sample-sig-form-2.pdf"]
        .iter()
        .map(|p| root.join(p))
        .collect()
}

/// A 300×100 transparent PNG with a dark stroke in the middle (like a drawn signature).
fn signature_png() -> Vec<u8> {
    let mut img = image::RgbaImage::new(300, 100);
    for x in 40..260 {
        for y in 45..55 {
            // a gap in the stroke keeps some transparency inside the trimmed picture
            let alpha = if (140..150).contains(&x) { 0 } else { 255 };
            img.put_pixel(x, y, image::Rgba([0x33, 0x33, 0xff, alpha]));
        }
    }
    let mut out = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgba8(img).write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map(|(_, o)| o).unwrap_or(object)
}

/// Every image drawn on `page`: (x, y, width, height) of its `cm`, and its XObject.
fn drawn_images(doc: &Document, page: lopdf::ObjectId) -> Vec<([f64; 4], lopdf::Stream)> {
    let content = Content::decode(&doc.get_page_content(page)).unwrap();
    let page_dict = doc.get_dictionary(page).unwrap();
    let resources = deref(doc, page_dict.get(b"Resources").unwrap()).as_dict().unwrap();
    let xobjects = deref(doc, resources.get(b"XObject").unwrap()).as_dict().unwrap();
    let mut found = Vec::new();
    let mut matrix = [0.0; 4];
    for op in &content.operations {
        match op.operator.as_str() {
            "cm" => {
                let n: Vec<f64> = op.operands.iter().map(|o| o.as_float().map(f64::from).or_else(|_| o.as_i64().map(|i| i as f64)).unwrap()).collect();
                matrix = [n[4], n[5], n[0], n[3]];
            }
            "Do" => {
                let name = op.operands[0].as_name().unwrap();
                let Ok(stream) = deref(doc, xobjects.get(name).unwrap()).as_stream().cloned() else { continue };
                if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(&b"Image"[..]) {
                    found.push((matrix, stream));
                }
            }
            _ => {}
        }
    }
    found
}

fn check_drawn(path: &PathBuf, editable: bool) -> usize {
    let bytes = std::fs::read(path).unwrap();
    let fields = get_pdf_fields(&bytes, &Limits::default()).unwrap();
    let sigs: Vec<&FormField> = fields.iter().filter(|f| f.field_type.as_deref() == Some("/Sig")).collect();
    assert!(!sigs.is_empty(), "{}: no signature field", path.display());
    let png = signature_png();
    let images = sigs.iter().map(|f| FieldImage { field: f.name.clone(), bytes: png.clone() }).collect();
    let options = FillOptions { editable, images, ..FillOptions::default() };
    let filled = PdfForm::open(&bytes, None, &Limits::default()).unwrap().fill(&[], &options).unwrap();
    let doc = Document::load_mem(&filled).unwrap();
    let pages = doc.get_pages();
    let mut count = 0;
    for sig in &sigs {
        let page = pages[&sig.page];
        let [x1, y1, x2, y2] = [0, 1, 2, 3].map(|i| sig.rect[i].value());
        let (x1, x2, y1, y2) = (x1.min(x2), x1.max(x2), y1.min(y2), y1.max(y2));
        let inside = drawn_images(&doc, page).into_iter().filter(|([x, y, w, h], _)| {
            *x >= x1 - 0.01 && *y >= y1 - 0.01 && x + w <= x2 + 0.01 && y + h <= y2 + 0.01 && *w > 0.0 && *h > 0.0
        });
        let mut any = false;
        for (_, stream) in inside {
            assert!(stream.dict.get(b"SMask").is_ok(), "{}: the transparent signature has no soft mask", path.display());
            // trimmed to the stroke: 220×10 pixels
            assert_eq!(stream.dict.get(b"Width").and_then(Object::as_i64).unwrap(), 220);
            assert_eq!(stream.dict.get(b"Height").and_then(Object::as_i64).unwrap(), 10);
            any = true;
        }
        assert!(any, "{}: nothing drawn inside {} ({editable})", path.display(), sig.name);
        count += 1;
    }
    count
}

#[test]
fn signatures_are_drawn_inside_their_fields_editable_or_flattened() {
    let mut drawn = 0;
    for path in signature_forms() {
        drawn += check_drawn(&path, true);
        drawn += check_drawn(&path, false);
    }
    assert!(drawn >= 8, "only {drawn} signature fields drawn");
}

#[test]
fn images_for_other_fields_are_skipped_and_bad_images_refused() {
    let path = &signature_forms()[0];
    let bytes = std::fs::read(path).unwrap();
    let fields = get_pdf_fields(&bytes, &Limits::default()).unwrap();
    let text_field = fields.iter().find(|f| f.field_type.as_deref() == Some("/Tx")).unwrap();
    let options = FillOptions { images: vec![FieldImage { field: text_field.name.clone(), bytes: signature_png() }], ..FillOptions::default() };
    let draws = |pdf: &[u8]| -> usize {
        let doc = Document::load_mem(pdf).unwrap();
        doc.get_pages()
            .values()
            .map(|page| Content::decode(&doc.get_page_content(*page)).unwrap().operations.iter().filter(|op| op.operator == "Do").count())
            .sum()
    };
    let filled = PdfForm::open(&bytes, None, &Limits::default()).unwrap().fill(&[], &options).unwrap();
    assert_eq!(draws(&filled), draws(&bytes), "an image was drawn into a text field");
    let sig = fields.iter().find(|f| f.field_type.as_deref() == Some("/Sig")).unwrap();
    let bad = FillOptions { images: vec![FieldImage { field: sig.name.clone(), bytes: b"\x89PNG\r\n\x1a\nnot really".to_vec() }], ..FillOptions::default() };
    let err = PdfForm::open(&bytes, None, &Limits::default()).unwrap().fill(&[], &bad).unwrap_err();
    assert!(err.to_string().contains("cannot be used"), "{err}");
}


#[test]
fn a_jpeg_signature_is_drawn_without_a_soft_mask() {
    let path = &signature_forms()[0];
    let bytes = std::fs::read(path).unwrap();
    let fields = get_pdf_fields(&bytes, &Limits::default()).unwrap();
    let sig = fields.iter().find(|f| f.field_type.as_deref() == Some("/Sig")).unwrap();
    let mut jpeg = Vec::new();
    let img = image::RgbImage::from_pixel(40, 20, image::Rgb([0x33, 0x33, 0xff]));
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 95).encode_image(&img).unwrap();
    let options = FillOptions { images: vec![FieldImage { field: sig.name.clone(), bytes: jpeg }], ..FillOptions::default() };
    let filled = PdfForm::open(&bytes, None, &Limits::default()).unwrap().fill(&[], &options).unwrap();
    let doc = Document::load_mem(&filled).unwrap();
    let drawn = drawn_images(&doc, doc.get_pages()[&sig.page]);
    let (_, stream) = drawn.last().expect("the JPEG drawn on the field's page");
    assert!(stream.dict.get(b"SMask").is_err(), "an opaque JPEG has no soft mask");
    // one colour: nothing to trim
    assert_eq!(stream.dict.get(b"Width").and_then(Object::as_i64).unwrap(), 40);
    assert_eq!(stream.dict.get(b"Height").and_then(Object::as_i64).unwrap(), 20);
    assert_eq!(stream.dict.get(b"ColorSpace").and_then(Object::as_name).unwrap(), b"DeviceRGB");
}
