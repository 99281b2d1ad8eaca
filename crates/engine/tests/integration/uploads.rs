//! File fields run in process: posted files become a `DAFileList` of `DAFile`s numbered as
//! new session files (`produced`), their methods (`url_for`, `show`, `slurp`,
//! `size_in_bytes`, `number`), an optional field left empty, `accept`, images scaled and
//! converted, unreadable and oversized images refused with a message, a refused screen
//! asking for the file again, and the docassemble examples with uploads.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::run_support;

use engine::upload::Upload;
use engine::Submitted;
use run_support::{Inline, Session};

impl Inline {
    fn new(yaml: &str) -> Inline {
        Inline::load("up.yml", yaml)
    }

    /// Posts the screen with `fields` (label → text) and `files` (label → (name, bytes)).
    fn post(&mut self, fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) {
        let q = self.q().clone();
        let name_of = |label: &str| q.fields.iter().find(|f| f.label.contains(label)).unwrap_or_else(|| panic!("no field {label}")).name.clone();
        let mut form = vec![("_question".to_string(), q.token.clone())];
        for (l, v) in fields {
            form.push((name_of(l), v.to_string()));
        }
        self.ctx.uploads = files
            .iter()
            .map(|(l, n, b)| Upload { field: name_of(l), filename: n.to_string(), content_type: "application/octet-stream".into(), bytes: b.to_vec() })
            .collect();
        match self.iv.submit(&mut self.st, &form, &self.ctx) {
            Submitted::Accepted => self.screen = self.iv.next_screen(&mut self.st, &self.ctx),
            Submitted::Invalid(s) => self.screen = s,
        }
        self.ctx.uploads.clear();
    }

    fn all_text(&self) -> String {
        let q = self.q();
        let mut t = format!("{}\n{}\n", q.question, q.subquestion.clone().unwrap_or_default());
        for e in &q.errors {
            t.push_str(e);
            t.push('\n');
        }
        for f in &q.fields {
            if let Some(e) = &f.error {
                t.push_str(e);
                t.push('\n');
            }
        }
        t
    }
}

const TEXT_UPLOAD: &str = r#"
question: Upload your notes.
fields:
  - Notes: notes
    datatype: files
  - Age: age
    datatype: integer
---
mandatory: True
question: Thanks
subquestion: |
  kind=${ notes.__class__.__name__ } count=${ notes.number() } first=${ notes[0].filename }
  ext=${ notes[0].extension } type=${ notes[0].mimetype } ok=${ notes[0].ok }
  size=${ notes.size_in_bytes() } second=${ notes[1].size_in_bytes() }
  text=${ notes.slurp() }
  url=${ notes.url_for() }
  show=${ notes[0].show() }
"#;

#[test]
fn posted_files_become_a_dafilelist_of_new_session_files() {
    let mut s = Inline::new(TEXT_UPLOAD);
    let f = s.q().fields.iter().find(|f| f.label.contains("Notes")).unwrap();
    assert_eq!(f.kind, engine::FieldKind::File);
    assert!(f.upload.as_ref().unwrap().multiple);
    s.post(&[("Age", "40")], &[("Notes", "C:\\docs\\my notes.TXT", b"marker-text 123"), ("Notes", "b.pdf", b"%PDF-x")]);
    let t = s.all_text();
    assert!(t.contains("kind=DAFileList count=2 first=my notes.TXT"), "{t}");
    assert!(t.contains("ext=txt type=text/plain; charset=utf-8 ok=True"), "{t}");
    assert!(t.contains("size=15 second=6"), "{t}");
    assert!(t.contains("text=marker-text 123"), "{t}");
    assert!(t.contains("url=http://127.0.0.1:8080/uploadedfile/1/my%20notes.TXT?i=docassemble.test"), "{t}");
    assert!(t.contains("show=[my notes.TXT](http"), "{t}");
    let produced = s.st.take_produced();
    assert_eq!(produced.len(), 2);
    assert_eq!((produced[0].number, produced[0].bytes.as_slice()), (1, b"marker-text 123".as_slice()));
    assert_eq!(s.st.files[&2].mimetype, "application/pdf");
}

#[test]
fn a_refused_answer_elsewhere_asks_for_the_file_again() {
    let mut s = Inline::new(TEXT_UPLOAD);
    s.post(&[("Age", "not a number")], &[("Notes", "a.txt", b"abc")]);
    let q = s.q();
    let f = q.fields.iter().find(|f| f.label.contains("Notes")).unwrap();
    assert_eq!(f.error.as_deref(), Some("Please choose the file again."));
    assert!(s.st.produced.is_empty() && s.st.files.is_empty(), "nothing is kept from a refused post");
}

#[test]
fn a_required_file_field_needs_a_file_and_an_optional_one_is_none() {
    let mut s = Inline::new(TEXT_UPLOAD);
    s.post(&[("Age", "40")], &[]);
    assert!(s.all_text().contains("This field is required."), "{}", s.all_text());
    let mut s = Inline::new(
        r#"
question: Any file?
fields:
  - File: f
    datatype: file
    required: False
---
mandatory: True
question: Value is ${ repr(f) }
"#,
    );
    s.post(&[], &[]);
    assert_eq!(s.q().question, "Value is None");
}

#[test]
fn accept_is_checked_on_the_server() {
    let mut s = Inline::new(
        r#"
question: A PDF please
fields:
  - File: f
    datatype: file
    accept: |
      "application/pdf,.docx"
---
mandatory: True
question: Got ${ f[0].filename }
"#,
    );
    assert_eq!(s.q().fields[0].upload.as_ref().unwrap().accept.as_deref(), Some("application/pdf,.docx"));
    s.post(&[], &[("File", "x.png", b"\x89PNG")]);
    assert!(s.all_text().contains("is not of a type this question accepts"), "{}", s.all_text());
    s.post(&[], &[("File", "x.PDF", b"%PDF")]);
    assert_eq!(s.q().question, "Got x.PDF");
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(w, h, image::Rgb([1, 2, 3]));
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn upload_png(s: &mut Session, name: &str, bytes: Vec<u8>) {
    let field = s.q().fields.iter().find(|f| f.kind == engine::FieldKind::File).expect("a file field").name.clone();
    s.ctx.uploads = vec![Upload { field, filename: name.into(), content_type: "image/png".into(), bytes }];
}

#[test]
fn image_upload_type_scales_and_converts_the_picture() {
    // "Image upload type": maximum image size 100, image upload type jpeg
    let mut s = Session::start("docassemble.base:data/questions/examples/upload-max-image-size-type-features.yml");
    s.see("Please upload a picture of yourself.");
    upload_png(&mut s, "me.png", png(400, 200));
    s.click("Continue");
    s.see("You're so small!");
    let produced = s.state.take_produced();
    assert_eq!(produced.len(), 1);
    let img = image::load_from_memory_with_format(&produced[0].bytes, image::ImageFormat::Jpeg).unwrap();
    assert_eq!((img.width(), img.height()), (100, 50));
    let file = &s.state.files[&produced[0].number];
    assert_eq!((file.filename.as_str(), file.mimetype.as_str()), ("me.jpg", "image/jpeg"));
    // the picture is shown as an image
    let sub = s.q().subquestion.clone().unwrap_or_default();
    assert!(sub.contains("![me.jpg](http"), "{sub}");
}

#[test]
fn malformed_and_oversized_images_get_a_message() {
    let mut s = Session::start("docassemble.base:data/questions/examples/upload-max-image-size-type-features.yml");
    upload_png(&mut s, "bad.png", b"\x89PNG\r\n\x1a\nthis is not a picture".to_vec());
    s.click("Continue");
    s.see("The file “bad.png” cannot be read as an image.");
    assert!(s.state.files.is_empty());
    // a header that claims 100,000 × 100,000 pixels (CRC fixed so the header is valid)
    let mut bytes = png(1, 1);
    bytes[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    bytes[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    upload_png(&mut s, "huge.png", bytes);
    s.click("Continue");
    s.see("The file “huge.png” is too large an image");
    assert!(s.state.files.is_empty());
}

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

#[test]
fn editing_uploads_in_a_dafilelist() {
    // TestExamples:9904 "Editing uploads"
    let mut s = Session::start("docassemble.demo:data/questions/examples/upload-handler-demo.yml");
    s.see("Do you have any exhibits to upload?");
    s.click("Yes");
    upload_png(&mut s, "testfile2.png", png(10, 10));
    s.click("Continue");
    s.see("Exhibit you have uploaded.");
    s.see("testfile2.png");
    s.click("Continue");
    s.see("Thank you for uploading one exhibit.");
}

#[test]
fn upload_plain_shows_the_file() {
    let mut s = Session::start("docassemble.base:data/questions/examples/upload-plain.yml");
    s.see("Please upload a JPEG or PNG of yourself.");
    upload_png(&mut s, "face.png", png(5, 5));
    s.click("Continue");
    s.see("Here is your file.");
    let sub = s.q().subquestion.clone().unwrap_or_default();
    assert!(sub.contains("![face.png](http://127.0.0.1:8080/uploadedfile/1/face.png?i="), "{sub}");
}

mod names_and_types {
    use engine::upload::{accepted, display_filename, extension_and_mimetype};

    #[test]
    fn filenames_lose_paths_and_odd_characters() {
        assert_eq!(display_filename("C:\\Users\\me\\my photo.JPG"), "my photo.JPG");
        assert_eq!(display_filename("../../etc/passwd"), "passwd");
        assert_eq!(display_filename("<script>.txt"), "script_.txt");
        assert_eq!(display_filename("..."), "file");
        assert_eq!(display_filename("résumé.pdf"), "résumé.pdf");
        let long = format!("{}.pdf", "a".repeat(300));
        assert_eq!(display_filename(&long).chars().count(), 200);
        assert!(display_filename(&long).ends_with(".pdf"));
    }

    #[test]
    fn extensions_and_types_come_from_the_name() {
        assert_eq!(extension_and_mimetype("a.JPEG"), ("jpg".to_string(), "image/jpeg".to_string()));
        assert_eq!(extension_and_mimetype("notes.txt").1, "text/plain; charset=utf-8");
        assert_eq!(extension_and_mimetype("x.yml").1, "text/plain");
        assert_eq!(extension_and_mimetype("noext").1, "application/octet-stream");
    }

    #[test]
    fn accept_lists_match_like_a_browser() {
        assert!(accepted("image/*", "png", "image/png"));
        assert!(!accepted("image/*", "pdf", "application/pdf"));
        assert!(accepted("image/jpeg, image/png", "png", "image/png"));
        assert!(accepted(".pdf,.docx", "pdf", "application/pdf"));
        assert!(!accepted(".pdf", "txt", "text/plain; charset=utf-8"));
        assert!(accepted("", "exe", "application/octet-stream"));
    }
}

mod images {
    use engine::upload_image::{process, ImageError};

    #[test]
    fn images_are_scaled_down_and_converted() {
        let p = process(&super::png(400, 200), "png", Some(100), Some("jpeg")).unwrap().unwrap();
        assert_eq!(p.extension, "jpg");
        let img = image::load_from_memory_with_format(&p.bytes, image::ImageFormat::Jpeg).unwrap();
        assert_eq!((img.width(), img.height()), (100, 50));
    }

    #[test]
    fn small_images_and_other_formats_are_kept() {
        assert!(process(&super::png(50, 50), "png", None, Some("png")).unwrap().is_none());
        assert!(process(b"GIF89a", "gif", Some(10), None).unwrap().is_none());
        let p = process(&super::png(50, 50), "png", Some(100), None).unwrap().unwrap();
        let img = image::load_from_memory(&p.bytes).unwrap();
        assert_eq!((img.width(), img.height()), (50, 50));
    }

    #[test]
    fn a_huge_claim_is_refused_without_allocating() {
        let mut bytes = super::png(1, 1);
        bytes[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bytes[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let crc = super::crc32(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        assert!(matches!(process(&bytes, "png", Some(100), None), Err(ImageError::TooLarge)));
    }

    #[test]
    fn a_malformed_image_is_refused() {
        let err = process(b"\x89PNG\r\n\x1a\nnot really", "png", Some(100), None).unwrap_err();
        assert!(matches!(err, ImageError::Unreadable));
        assert_eq!(err.to_string(), "cannot be read as an image.");
    }
}
