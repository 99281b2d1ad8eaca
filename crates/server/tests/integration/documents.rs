#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Assembled documents over HTTP: the attachment box, the file routes (only for the browser
//! holding the session; type, disposition, no-store, nosniff), the files opened with readers
//! independent of Colloquy's (a ZIP + XML reader for the DOCX, lopdf for the PDF form and the
//! typeset PDF), the PDF of a Markdown document made once on first download and stored sealed,
//! and the ZIP and e-mail forms of the box.

use crate::support;

use std::io::Read as _;

use axum::http::{header, StatusCode};
use support::*;

/// Posts the one text field of the page with `value`.
async fn answer(app: &axum::Router, page: &Resp, cookie: &str, value: &str) -> Resp {
    answer_in(app, page, cookie, "documents.yml", value).await
}

/// Posts the one text field of the page of interview `file` with `value`.
async fn answer_in(app: &axum::Router, page: &Resp, cookie: &str, file: &str, value: &str) -> Resp {
    let cs = controls(&page.body);
    let text = cs
        .iter()
        .find(|c| c.tag == "input" && c.get("type") == Some("text"))
        .expect("a text input");
    let token = attr_of_named(&page.body, "_question", "value").unwrap();
    let form = [
        ("_csrf", csrf_of(&page.body)),
        ("_question", token),
        (text.get("name").unwrap(), value.to_string()),
    ];
    send(app, post(&url(file), Some(cookie), &form)).await
}

/// Walks the interview to its document screen; returns the app, the cookie and the page.
async fn documents() -> (axum::Router, String, Resp) {
    let app = app().await;
    let first = send(&app, get(&url("documents.yml"), None)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let cookie = cookie_of(&first);
    assert!(first.body.contains("What is your favorite food?"));
    let second = answer(&app, &first, &cookie, "peäches & <cream>").await;
    assert!(second.body.contains("What is your name?"), "{}", second.body);
    let last = answer(&app, &second, &cookie, "Jöhn Smith").await;
    assert!(last.body.contains("Here are your documents."), "{}", last.body);
    (app, cookie, last)
}

/// `word/document.xml` of a .docx, through the `zip` crate, checked well-formed with quick-xml.
fn docx_body(bytes: &[u8]) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP package");
    let mut xml = String::new();
    z.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    let mut r = quick_xml::Reader::from_str(&xml);
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("document.xml is not well-formed: {e}"),
        }
    }
    xml
}

/// A text string of a PDF (UTF-16BE with BOM, or PDFDocEncoding read as Latin-1).
fn pdf_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest.chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
        return String::from_utf16_lossy(&units);
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The `/V` of the form field whose `/T` is `name`, read with lopdf.
fn pdf_field(bytes: &[u8], name: &str) -> Option<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF");
    let catalog = doc.catalog().unwrap();
    let form = doc.dereference(catalog.get(b"AcroForm").unwrap()).unwrap().1.as_dict().unwrap().clone();
    let fields = doc.dereference(form.get(b"Fields").unwrap()).unwrap().1.as_array().unwrap().clone();
    for f in fields {
        let d = doc.dereference(&f).unwrap().1.as_dict().unwrap();
        let t = d.get(b"T").ok().and_then(|t| t.as_str().ok()).map(pdf_text);
        if t.as_deref() == Some(name) {
            return d.get(b"V").ok().and_then(|v| match v {
                lopdf::Object::String(s, _) => Some(pdf_text(s)),
                lopdf::Object::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
                _ => None,
            });
        }
    }
    None
}

#[tokio::test]
async fn the_box_lists_the_documents_and_serves_them_to_their_session_only() {
    let (app, cookie, page) = documents().await;
    let body = &page.body;
    assert!(body.contains("The following documents have been created for you."));
    assert!(body.contains("<h3>Your recipe</h3>"));
    assert!(body.contains("A recipe with peäches &amp; &lt;cream&gt;"), "{body}");
    assert!(body.contains(">Preview</a>"));
    assert!(body.contains("Notes about <strong>peäches &amp; &lt;cream&gt;</strong>."), "{body}");
    assert!(body.contains("E-mail these documents") && body.contains("Download all documents as a ZIP file"));
    assert!(!body.contains(">Markdown</a></li>"), "no Markdown tab without debug");

    // The DOCX, opened with an independent reader: the answer is in it, escaped.
    let docx_url = href_with(body, "/recipe.docx");
    let r = send_bytes(&app, get(&docx_url, Some(&cookie))).await;
    assert_eq!(r.0, StatusCode::OK);
    assert_eq!(
        r.1.get(header::CONTENT_TYPE).unwrap(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert_eq!(
        r.1.get(header::CONTENT_DISPOSITION).unwrap().to_str().unwrap(),
        "inline; filename=\"recipe.docx\"; filename*=UTF-8''recipe.docx"
    );
    assert_eq!(r.1.get(header::CACHE_CONTROL).unwrap(), "no-store");
    assert_eq!(r.1.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(), "nosniff");
    let xml = docx_body(&r.2);
    assert!(xml.contains("peäches &amp; &lt;cream&gt;"), "answer not in the document");
    assert!(xml.contains("350 degrees") && !xml.contains("{{"));
    let download = docx_url.replace("/uploadedfile/", "/uploadedfiledownload/");
    let r = send_bytes(&app, get(&download, Some(&cookie))).await;
    assert!(r.1.get(header::CONTENT_DISPOSITION).unwrap().to_str().unwrap().starts_with("attachment;"));

    // The PDF form, read back with lopdf.
    let pdf_url = href_with(body, "/form.pdf");
    let r = send_bytes(&app, get(&pdf_url, Some(&cookie))).await;
    assert_eq!(r.0, StatusCode::OK);
    assert_eq!(r.1.get(header::CONTENT_TYPE).unwrap(), "application/pdf");
    assert_eq!(pdf_field(&r.2, "Your Name").as_deref(), Some("Jöhn Smith"));
    assert_eq!(pdf_field(&r.2, "Apple Checkbox").as_deref(), Some("Yes"));

    // Only the browser holding the session gets the files.
    assert_eq!(send(&app, get(&docx_url, None)).await.status, StatusCode::NOT_FOUND);
    let other = send(&app, get(&url("documents.yml"), None)).await;
    assert_eq!(send(&app, get(&docx_url, Some(&cookie_of(&other)))).await.status, StatusCode::NOT_FOUND);
    let id = id_of(&cookie);
    let forged = format!("{}={id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", cookie.split('=').next().unwrap());
    assert_eq!(send(&app, get(&docx_url, Some(&forged))).await.status, StatusCode::NOT_FOUND);
    let elsewhere = docx_url.replace("documents.yml", "xss.yml");
    assert_eq!(send(&app, get(&elsewhere, Some(&cookie))).await.status, StatusCode::NOT_FOUND);

    // Showing the screen again makes no new file: the links stay the same.
    let again = send(&app, get(&url("documents.yml"), Some(&cookie))).await;
    assert_eq!(href_with(&again.body, "/recipe.docx"), docx_url);
}

#[tokio::test]
async fn the_zip_and_e_mail_forms_of_the_box() {
    let (app, cookie, page) = documents().await;
    let token = attr_of_named(&page.body, "_question", "value").unwrap();
    let csrf = csrf_of(&page.body);
    let form = [("_csrf", csrf.as_str()), ("_question", token.as_str()), ("_download_attachments", "1")];
    let r = send_bytes(&app, post(&url("documents.yml"), Some(&cookie), &form)).await;
    assert_eq!(r.0, StatusCode::OK);
    assert_eq!(r.1.get(header::CONTENT_TYPE).unwrap(), "application/zip");
    assert!(r.1.get(header::CONTENT_DISPOSITION).unwrap().to_str().unwrap().starts_with("attachment; filename=\"file.zip\""));
    let z = zip::ZipArchive::new(std::io::Cursor::new(r.2)).unwrap();
    let mut names: Vec<String> = z.file_names().map(|n| n.unwrap().to_string()).collect();
    names.sort_unstable();
    // docassemble zips the PDF and, without a PDF, the editable format; not Markdown
    assert_eq!(names, vec!["form.pdf", "recipe.docx"]);

    let form = [
        ("_csrf", csrf.as_str()),
        ("_question", token.as_str()),
        ("_email_attachments", "1"),
        ("_attachment_email_address", "a@example.com"),
    ];
    let r = send(&app, post(&url("documents.yml"), Some(&cookie), &form)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Unable to e-mail your documents to a@example.com."), "{}", r.body);
    assert!(r.body.contains("Here are your documents."));
}


/// The text of every page of a PDF, through lopdf, with white space removed.
#[cfg(feature = "pdf")]
fn pdf_words(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text extracts");
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(feature = "pdf")]
#[tokio::test]
async fn the_pdf_of_a_markdown_document_is_typeset_once_on_first_download_and_stored_sealed() {
    let counter = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let options = server::ServerOptions { typeset_counter: Some(counter.clone()), ..Default::default() };
    let OnDisk { dir, store, app } = app_on_disk_with(options).await;
    let typeset = || counter.load(std::sync::atomic::Ordering::Relaxed);

    let first = send(&app, get(&url("letter.yml"), None)).await;
    let cookie = cookie_of(&first);
    let page = answer_in(&app, &first, &cookie, "letter.yml", "Zelda QQPDFMARKER").await;
    assert!(page.body.contains("Your letter is ready."), "{}", page.body);
    // The screen links the PDF; nothing is typeset until it is requested.
    let pdf_url = href_with(&page.body, "/letter.pdf");
    assert_eq!(typeset(), 0);
    let blobs = store.blob_count().await.unwrap();

    let r = send_bytes(&app, get(&pdf_url, Some(&cookie))).await;
    assert_eq!(r.0, StatusCode::OK, "{}", String::from_utf8_lossy(&r.2));
    assert_eq!(r.1.get(header::CONTENT_TYPE).unwrap(), "application/pdf");
    assert!(r.2.starts_with(b"%PDF-"));
    let words = pdf_words(&r.2);
    assert!(words.contains("MynameisZeldaQQPDFMARKER"), "{words}");
    assert!(words.contains("Noticeofrepair") && words.contains("Page1"), "{words}");
    assert_eq!(typeset(), 1);
    assert_eq!(store.blob_count().await.unwrap(), blobs + 1, "the PDF is stored");

    // Again, and after the screen is shown again: the same link, the stored file, no typesetting.
    let again = send(&app, get(&url("letter.yml"), Some(&cookie))).await;
    assert_eq!(href_with(&again.body, "/letter.pdf"), pdf_url);
    let r2 = send_bytes(&app, get(&pdf_url.replace("/uploadedfile/", "/uploadedfiledownload/"), Some(&cookie))).await;
    assert_eq!(r2.0, StatusCode::OK);
    assert_eq!(r2.2, r.2);
    assert_eq!(typeset(), 1, "the second download typesets nothing");
    assert_eq!(store.blob_count().await.unwrap(), blobs + 1);

    // Only the browser holding the session gets it, and it is not made for anyone else.
    assert_eq!(send(&app, get(&pdf_url, None)).await.status, StatusCode::NOT_FOUND);

    // The Markdown source is a hidden file: its number serves nothing.
    let n: u64 = pdf_url.split('/').nth(2).unwrap().parse().unwrap();
    for other in 1..n {
        let u = pdf_url.replace(&format!("/{n}/"), &format!("/{other}/"));
        let r = send_bytes(&app, get(&u, Some(&cookie))).await;
        if r.0 == StatusCode::OK {
            assert!(r.1.get(header::CONTENT_TYPE).unwrap().to_str().unwrap().starts_with("text/markdown"), "only the md format is served");
        }
    }

    // The answer is nowhere in plain text on disk, while running and after closing.
    assert!(files_containing(dir.path(), b"QQPDFMARKER").is_empty());
    drop(app);
    store.close().await;
    assert!(files_containing(dir.path(), b"QQPDFMARKER").is_empty());
}

#[cfg(feature = "pdf")]
#[tokio::test]
async fn a_docx_template_gets_its_pdf_converted_on_first_download() {
    let counter = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let options = server::ServerOptions { typeset_counter: Some(counter.clone()), ..Default::default() };
    let OnDisk { dir, store, app } = app_on_disk_with(options).await;
    let typeset = || counter.load(std::sync::atomic::Ordering::Relaxed);

    let first = send(&app, get(&url("docx-pdf.yml"), None)).await;
    let cookie = cookie_of(&first);
    let page = answer_in(&app, &first, &cookie, "docx-pdf.yml", "QQDOCXPDFMARKER").await;
    assert!(page.body.contains("Your recipe is ready."), "{}", page.body);
    // docassemble's default formats of a DOCX template: the DOCX and its PDF
    let docx_url = href_with(&page.body, "/recipe.docx");
    let pdf_url = href_with(&page.body, "/recipe.pdf");
    assert_eq!(typeset(), 0);

    let r = send_bytes(&app, get(&pdf_url, Some(&cookie))).await;
    assert_eq!(r.0, StatusCode::OK, "{}", String::from_utf8_lossy(&r.2));
    assert_eq!(r.1.get(header::CONTENT_TYPE).unwrap(), "application/pdf");
    let words = pdf_words(&r.2);
    assert!(words.contains("QQDOCXPDFMARKER") && words.contains("350degrees"), "{words}");
    assert_eq!(typeset(), 1);
    let r2 = send_bytes(&app, get(&pdf_url, Some(&cookie))).await;
    assert_eq!(r2.2, r.2);
    assert_eq!(typeset(), 1, "converted once");
    // the DOCX is still served as it was filled
    let d = send_bytes(&app, get(&docx_url, Some(&cookie))).await;
    assert!(docx_body(&d.2).contains("QQDOCXPDFMARKER"));

    assert!(files_containing(dir.path(), b"QQDOCXPDFMARKER").is_empty());
    drop(app);
    store.close().await;
    assert!(files_containing(dir.path(), b"QQDOCXPDFMARKER").is_empty());
}

#[cfg(not(feature = "pdf"))]
#[tokio::test]
async fn without_the_pdf_feature_a_markdown_document_has_no_pdf_link() {
    let app = app().await;
    let first = send(&app, get(&url("letter.yml"), None)).await;
    let cookie = cookie_of(&first);
    let page = answer_in(&app, &first, &cookie, "letter.yml", "Zelda").await;
    assert!(page.body.contains("Your letter is ready."), "{}", page.body);
    assert!(page.body.contains("/letter.md") && !page.body.contains("/letter.pdf"), "{}", page.body);
}
