//! Arbitrary bytes as an uploaded PDF or a PDF template, read with `docs::pdf` under small
//! limits: `PdfForm::open`, `num_pages`, the form's fields (`get_pdf_fields`), then a fill
//! of every field (a text for text fields, `Yes` for buttons, a small signature image for
//! signature fields), editable and flattened.
//!
//! Oracles besides "no panic, no hang, no OOM": a form that fills reopens, and the filled
//! editable form lists as many fields as the original.
#![no_main]

use docs::pdf::{FieldImage, FillOptions, PdfForm};
use docs::Limits;
use libfuzzer_sys::fuzz_target;

/// A 24×16 transparent PNG with a stroke (the signature drawn into `/Sig` fields).
const SIGNATURE: &[u8] = include_bytes!("../seeds/image_upload/signature.png");

fn limits() -> Limits {
    Limits {
        max_input_bytes: 1 << 20,
        max_pdf_objects: 20_000,
        max_pdf_stream_bytes: 8 << 20,
        max_field_depth: 16,
        max_fields: 500,
        ..Limits::default()
    }
}

fuzz_target!(|data: &[u8]| {
    let limits = limits();
    let Ok(pdf) = PdfForm::open(data, None, &limits) else { return };
    let _ = pdf.num_pages();
    let Ok(fields) = pdf.fields() else { return };
    let mut values = Vec::new();
    let mut images = Vec::new();
    for f in &fields {
        match f.field_type.as_deref() {
            Some("/Btn") => values.push((f.name.clone(), "Yes".to_string())),
            Some("/Sig") => images.push(FieldImage { field: f.name.clone(), bytes: SIGNATURE.to_vec() }),
            _ => values.push((f.name.clone(), "Fuzz (é)\nline".to_string())),
        }
    }
    for editable in [true, false] {
        let options = FillOptions { editable, images: images.clone(), ..FillOptions::default() };
        let Ok(filled) = pdf.clone().fill(&values, &options) else { continue };
        let reopened = match PdfForm::open(&filled, None, &Limits::default()) {
            Ok(p) => p,
            Err(err) => panic!("a filled form does not reopen: {err}"),
        };
        if editable {
            match reopened.fields() {
                Ok(after) => assert_eq!(after.len(), fields.len(), "the filled form lists other fields"),
                Err(err) => panic!("the filled form's fields do not read: {err}"),
            }
        }
    }
});
