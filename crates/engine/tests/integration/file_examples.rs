//! The docassemble examples that use the file functions (`pdf_concatenate`, `zip_file`,
//! `overlay_pdf`, `extract_pages`, `qr_code`, `[QR …]`, `path_and_mimetype`,
//! `get_pdf_fields`, `get_docx_variables`) load and run in process: each start page is a
//! question, and the ones with an upload reach their last screen with the file made from the
//! right sources.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::run_support;

use engine::screen::MadeFrom;
use engine::upload::Upload;
use engine::Screen;
use run_support::Session;

const EXAMPLES: &[(&str, &str)] = &[
    ("docassemble.demo:data/questions/testqr.yml", "Here is a URL for you in a QR code"),
    ("docassemble.demo:data/questions/examples/pdfextract.yml", "Upload a PDF document at least 6 pages long."),
    ("docassemble.demo:data/questions/examples/overlay-pdf-multi.yml", "Upload a PDF file."),
    ("docassemble.demo:data/questions/examples/overlay-pdf.yml", "What is your favorite fruit?"),
    ("docassemble.demo:data/questions/examples/collate.yml", "What is your favorite fruit?"),
    ("docassemble.base:data/questions/examples/get-pdf-fields.yml", "The field names in the PDF file"),
    ("docassemble.base:data/questions/examples/get-docx-variables.yml", "The variables in the DOCX file"),
    ("docassemble.base:data/questions/examples/pdf-concatenate.yml", "Upload a file"),
    ("docassemble.base:data/questions/examples/path-and-mimetype.yml", "File locations and MIME types"),
    ("docassemble.base:data/questions/examples/qr-code.yml", "Read the news on your mobile"),
    ("docassemble.base:data/questions/examples/zip-file.yml", "Please upload a picture of yourself."),
    ("docassemble.base:data/questions/examples/qr-code-demo.yml", "Here is a URL for you in a QR code"),
    ("docassemble.base:data/questions/examples/file-types.yml", "What type of file do you want?"),
];

#[test]
fn every_example_with_file_functions_starts_with_its_question() {
    let mut failures = Vec::new();
    for (reference, phrase) in EXAMPLES {
        let s = Session::start(reference);
        match &s.screen {
            Screen::Question(_) if s.text().contains(phrase) => {}
            other => failures.push(format!("{reference}: {}", match other {
                Screen::Question(_) => s.text(),
                other => format!("{other:?}"),
            })),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A PDF of `pages` pages, written by hand (uncompressed, with a correct cross-reference table).
fn pdf_of(pages: usize) -> Vec<u8> {
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        format!("<< /Type /Pages /Kids [{}] /Count {pages} >>", (0..pages).map(|i| format!("{} 0 R", 3 + i)).collect::<Vec<_>>().join(" ")),
    ];
    for _ in 0..pages {
        objects.push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>".into());
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    out
}

/// Posts the screen's file field with one file.
fn upload(s: &mut Session, filename: &str, bytes: Vec<u8>) {
    let field = s.q().fields.iter().find(|f| f.kind == engine::FieldKind::File).expect("a file field").name.clone();
    s.ctx.uploads = vec![Upload { field, filename: filename.into(), content_type: "application/octet-stream".into(), bytes }];
    s.click("Continue");
    s.ctx.uploads.clear();
}

/// The file the screen's last session-file link points at, with what it is made from.
fn last_made(s: &Session) -> (u64, MadeFrom) {
    let (n, f) = s.state.files.iter().rev().find(|(_, f)| !f.hidden && f.made_from.is_some()).expect("a made file");
    let raw = s.q().subquestion.clone().unwrap_or_default();
    assert!(raw.contains(&format!("/uploadedfile/{n}/")), "the screen links file {n}: {raw}");
    (*n, f.made_from.clone().unwrap())
}

#[test]
fn overlay_multi_stamps_the_upload_with_the_docx_pdf() {
    let mut s = Session::start("docassemble.demo:data/questions/examples/overlay-pdf-multi.yml");
    // the host typesets PDFs (the server's `pdf` feature)
    s.ctx.typeset_pdf = true;
    upload(&mut s, "mine.pdf", pdf_of(3));
    s.see("Here is your document.");
    let (_, made) = last_made(&s);
    let MadeFrom::Overlay { main, logo, pages } = made else { panic!("{made:?}") };
    assert!(pages.multi);
    assert_eq!(s.state.files[&main].filename, "mine.pdf");
    assert!(matches!(s.state.files[&logo].made_from, Some(MadeFrom::Docx { .. })), "the template's PDF, converted on request");
}

#[test]
fn pdf_extract_counts_the_pages_and_extracts() {
    let mut s = Session::start("docassemble.demo:data/questions/examples/pdfextract.yml");
    upload(&mut s, "long.pdf", pdf_of(7));
    s.see("Here are the first five pages of your document.");
    let (_, made) = last_made(&s);
    let MadeFrom::ExtractPages { first, last, .. } = made else { panic!("{made:?}") };
    assert_eq!((first, last), (1, Some(5)));
}

#[test]
fn pdf_concatenate_takes_the_upload_the_document_and_the_static_file() {
    let mut s = Session::start("docassemble.base:data/questions/examples/pdf-concatenate.yml");
    s.ctx.typeset_pdf = true;
    upload(&mut s, "up.pdf", pdf_of(1));
    s.see("Here is your concatenated file.");
    let (n, made) = last_made(&s);
    assert_eq!(s.state.files[&n].filename, "result.pdf");
    let MadeFrom::Concatenate { parts } = made else { panic!("{made:?}") };
    let names: Vec<&str> = parts.iter().map(|p| s.state.files[p].filename.as_str()).collect();
    assert_eq!(names, ["up.pdf", "assembled_file.pdf", "star.pdf"]);
    assert!(s.state.files[&parts[2]].hidden, "the package file is copied in, not served by itself");
}

#[test]
fn zip_file_names_folders_from_the_dict() {
    let mut s = Session::start("docassemble.base:data/questions/examples/zip-file.yml");
    let img = image::RgbImage::from_pixel(4, 4, image::Rgb([1, 2, 3]));
    let mut png = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut png, image::ImageFormat::Png).unwrap();
    upload(&mut s, "me.png", png.into_inner());
    s.see("Here is your ZIP file.");
    let (n, made) = last_made(&s);
    assert_eq!(s.state.files[&n].filename, "Image files.zip");
    let MadeFrom::Zip { entries } = made else { panic!("{made:?}") };
    let names: Vec<&str> = entries.iter().map(|(e, _)| e.as_str()).collect();
    assert_eq!(names, ["me.png", "assets/coins36.png", "assets/cow.jpg"]);
}

#[test]
fn qr_codes_reach_the_screen_as_markup() {
    let s = Session::start("docassemble.base:data/questions/examples/qr-code.yml");
    let raw = s.q().subquestion.clone().unwrap_or_default();
    assert!(raw.contains("[QR https://news.google.com]"), "{raw}");
}

#[test]
fn a_manual_attachment_offers_the_concatenation() {
    let mut s = Session::start("docassemble.base:data/questions/examples/document-manual.yml");
    // again from the start, with a host that typesets PDFs
    s.state = s.iv.new_session();
    s.ctx.typeset_pdf = true;
    s.reload();
    s.see("Your document is ready.");
    let boxed = s.q().attachments.clone().expect("an attachment box");
    let a = &boxed.attachments[0];
    assert_eq!(a.name, "A merged document");
    let pdf = a.downloads.iter().find(|d| d.format == "pdf").expect("a PDF download");
    assert_eq!(pdf.filename, "report.pdf");
    let Some(MadeFrom::Concatenate { parts }) = &s.state.files[&pdf.number].made_from else { panic!() };
    assert_eq!(parts.len(), 2, "document_one and document_two");
}

#[test]
fn file_types_shows_the_paths_of_each_kind_of_file() {
    for choice in ["Static", "Assembled", "Upload", "Single"] {
        let mut s = Session::start("docassemble.base:data/questions/examples/file-types.yml");
        s.click_option(choice);
        s.click("Continue");
        if choice == "Upload" || choice == "Single" {
            upload(&mut s, "notes.txt", b"some notes".to_vec());
        }
        s.see("As path");
        let raw = s.q().subquestion.clone().unwrap_or_default();
        let expected = match choice {
            "Static" => "`docassemble.base:cow.jpg`",
            "Assembled" => "/uploadedfile/",
            _ => "/notes.txt",
        };
        assert!(raw.contains(expected), "{choice}: {raw}");
    }
}
