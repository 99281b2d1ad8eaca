//! `signature:` questions run in process: the screen's drawing field (required by default,
//! `pen color`), a posted PNG `data:` URL (or an image file) becoming a `DAFile` named
//! `canvas.png` that `show()`s as an image, a missing, malformed or oversized signature
//! refused with a message, an optional one left as an empty `DAFile`, and the examples: the
//! two signature screens, and a signature drawn into a PDF form's signature field.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::run_support;

use std::io::Cursor;

use base64::Engine as _;
use engine::upload::Upload;
use engine::{FieldKind, Submitted};
use run_support::{Inline, Session};

/// A 300×100 transparent PNG with a stroke, as a drawing area posts it.
fn png() -> Vec<u8> {
    let mut img = image::RgbaImage::new(300, 100);
    for x in 40..260 {
        for y in 45..55 {
            img.put_pixel(x, y, image::Rgba([0x33, 0x33, 0xff, 255]));
        }
    }
    let mut out = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgba8(img).write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn data_url(bytes: &[u8]) -> String {
    format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
}

impl Inline {
    fn signing(yaml: &str) -> Inline {
        Inline::load("sig.yml", yaml)
    }

    /// Posts the signature field with `drawn` (the hidden input's text) and `file`.
    fn sign(&mut self, drawn: &str, file: Option<(&str, &[u8])>) {
        let q = self.q().clone();
        let f = q.fields.iter().find(|f| f.kind == FieldKind::Signature).expect("a signature field");
        let form = vec![("_question".to_string(), q.token.clone()), (f.name.clone(), drawn.to_string())];
        self.ctx.uploads = file
            .map(|(n, b)| Upload { field: f.name.clone(), filename: n.into(), content_type: "image/png".into(), bytes: b.to_vec() })
            .into_iter()
            .collect();
        match self.iv.submit(&mut self.st, &form, &self.ctx) {
            Submitted::Accepted => self.screen = self.iv.next_screen(&mut self.st, &self.ctx),
            Submitted::Invalid(s) => self.screen = s,
        }
        self.ctx.uploads.clear();
    }

    fn errors(&self) -> String {
        let q = self.q();
        let mut t = q.errors.join("\n");
        for f in &q.fields {
            if let Some(e) = &f.error {
                t.push_str(e);
            }
        }
        t
    }
}

const SIGN: &str = r##"
question: Sign your name
signature: user_signature
pen color: "#33f"
under: |
  John Doe
---
mandatory: True
question: Result
subquestion: |
  kind=${ user_signature.__class__.__name__ } name=${ user_signature.filename }
  type=${ user_signature.mimetype } size=${ user_signature.size_in_bytes() }
  show=${ user_signature }
"##;

#[test]
fn a_drawn_signature_becomes_a_png_dafile() {
    let mut s = Inline::signing(SIGN);
    let f = s.q().fields.iter().find(|f| f.kind == FieldKind::Signature).unwrap();
    assert!(f.required, "a signature is required unless the block says otherwise");
    assert_eq!(f.upload.as_ref().unwrap().pen_color.as_deref(), Some("#33f"));
    assert!(s.q().under.as_deref().unwrap_or("").contains("John Doe"));
    let png = png();
    s.sign(&data_url(&png), None);
    let text = s.q().subquestion.clone().unwrap();
    assert!(text.contains("kind=DAFile name=canvas.png"), "{text}");
    assert!(text.contains("type=image/png"), "{text}");
    assert!(text.contains(&format!("size={}", png.len())), "{text}");
    assert!(text.contains("show=![canvas.png](") && text.contains("/uploadedfile/"), "{text}");
    let produced = s.st.take_produced();
    assert_eq!(produced.len(), 1);
    assert_eq!(produced[0].bytes, png, "the stored file is the posted PNG");
}

#[test]
fn an_image_file_can_be_chosen_instead_of_drawing() {
    let mut s = Inline::signing(SIGN);
    let png = png();
    s.sign("", Some(("my signature.png", &png)));
    assert!(s.q().subquestion.clone().unwrap().contains("name=canvas.png"));
}

#[test]
fn missing_or_bad_signatures_are_refused_with_a_message() {
    let mut s = Inline::signing(SIGN);
    s.sign("", None);
    assert!(s.errors().contains("You must sign your name"), "{}", s.errors());
    for bad in [
        "data:image/png;base64,@@@@".to_string(),
        "data:text/html;base64,PGI+".to_string(),
        data_url(b"\x89PNG\r\n\x1a\nnot a png at all"),
        data_url(b"<svg onload=alert(1)>"),
    ] {
        s.sign(&bad, None);
        assert!(s.errors().contains("could not be read as an image"), "{bad}: {}", s.errors());
    }
    s.sign(&format!("data:image/png;base64,{}", "A".repeat(4 * 1024 * 1024)), None);
    assert!(s.errors().contains("too large"), "{}", s.errors());
    assert!(s.st.take_produced().is_empty(), "nothing is stored from a refused post");
}

const OPTIONAL: &str = r#"
question: Sign your name if you wish
signature: user_signature
required: False
---
mandatory: True
question: Result
subquestion: |
  kind=${ user_signature.__class__.__name__ } ok=${ user_signature.ok }
"#;

#[test]
fn an_optional_signature_left_blank_is_an_empty_dafile() {
    let yaml = OPTIONAL;
    let mut s = Inline::signing(yaml);
    assert!(!s.q().fields[0].required);
    s.sign("", None);
    let text = s.q().subquestion.clone().unwrap();
    assert!(text.contains("kind=DAFile ok=False"), "{text}");
    assert!(s.st.take_produced().is_empty());
}

/// Posts a drawn signature on a `Session` of an example interview.
fn sign_example(s: &mut Session, bytes: &[u8]) {
    let q = s.q().clone();
    let f = q.fields.iter().find(|f| f.kind == FieldKind::Signature).expect("a signature field");
    let form = vec![("_question".to_string(), q.token.clone()), (f.name.clone(), data_url(bytes))];
    match s.iv.submit(&mut s.state, &form, &s.ctx) {
        Submitted::Accepted => s.screen = s.iv.next_screen(&mut s.state, &s.ctx),
        Submitted::Invalid(sc) => s.screen = sc,
    }
}

#[test]
fn the_signature_examples_show_the_result() {
    for ex in ["signature.yml", "signature-blue.yml"] {
        let mut s = Session::start(&format!("docassemble.base:data/questions/examples/{ex}"));
        s.see("Sign your name");
        sign_example(&mut s, &png());
        s.see("Result of question");
        s.see("target_variable is:");
    }
}

#[test]
fn a_signature_is_drawn_into_the_pdf_forms_signature_field() {
    let mut s = Session::start("docassemble.base:data/questions/examples/pdf-fill-signature.yml");
    s.set("First Name", "Jöhn");
    s.set("Last Name", "Smith");
    s.click("Continue");
    s.set("First Name", "Jane");
    s.set("Last Name", "Doe");
    s.click("Continue");
    s.set("Collection", "stamps");
    s.click("Continue");
    s.see("Please sign your name below.");
    sign_example(&mut s, &png());
    s.see("Congratulations!");
    let b = s.q().attachments.clone().expect("an attachment box");
    let pdf = b.attachments[0].downloads.iter().find(|d| d.format == "pdf").expect("a pdf download");
    let produced = s.state.take_produced();
    let file = produced.iter().find(|f| f.number == pdf.number).expect("the pdf bytes");
    let doc = lopdf::Document::load_mem(&file.bytes).unwrap();
    let images = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|st| st.dict.get(b"Subtype").and_then(lopdf::Object::as_name).ok() == Some(&b"Image"[..]))
        .count();
    assert!(images >= 1, "no image XObject in the filled form");
    let fields = docs::pdf::get_pdf_fields(&file.bytes, &docs::Limits::default()).unwrap();
    let grantee = fields.iter().find(|f| f.name == "grantee").unwrap();
    assert_eq!(grantee.value, "Jane Doe", "the text fields are filled too: {fields:?}");
}
