#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The file functions end to end: a session's uploaded PDF concatenated, cut and zipped with a
//! produced DOCX; each derived file made on its first download, read back with independent
//! readers (lopdf, the zip crate), sealed in the store (no plaintext on disk) and gone with the
//! session; the QR code drawn on the screen.

use crate::support;

use std::io::Read;

use axum::http::StatusCode;
use support::*;

/// A two-page PDF whose pages read `ZZPDFMARKER page one` / `… two` (uncompressed).
fn two_page_pdf() -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let mut kids = Vec::new();
    for t in ["one", "two"] {
        let content = doc.add_object(Stream::new(dictionary! {}, format!("BT /F1 12 Tf 20 20 Td (ZZPDFMARKER page {t}) Tj ET").into_bytes()));
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 300.into(), 300.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        })));
    }
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 2 }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// The site-relative `href` of the link labelled `label`.
fn href_of(body: &str, label: &str) -> String {
    let end = body.find(&format!(">{label}</a>")).unwrap_or_else(|| panic!("a link {label}: {body}"));
    let start = body[..end].rfind("href=\"").unwrap() + "href=\"".len();
    let href = &body[start..start + body[start..].find('"').unwrap()];
    unescape(href.trim_start_matches("http://localhost"))
}

fn page_texts(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.get_pages().keys().map(|n| doc.extract_text(&[*n]).unwrap().trim().to_string()).collect()
}

#[tokio::test]
async fn derived_files_are_made_on_download_sealed_and_deleted_with_the_session() {
    let OnDisk { dir, store, app } = app_on_disk().await;
    let r = send(&app, get(&url("filefunctions.yml"), None)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let cookie = cookie_of(&r);
    let cs = controls(&r.body);
    let file = cs.iter().find(|c| c.get("type") == Some("file")).unwrap().get("name").unwrap().to_string();
    let name = cs.iter().find(|c| c.get("type") == Some("text")).unwrap().get("name").unwrap().to_string();
    let token = attr_of_named(&r.body, "_question", "value").unwrap();
    let csrf = csrf_of(&r.body);
    let pdf = two_page_pdf();
    let parts = [
        Part::Text("_csrf", &csrf),
        Part::Text("_question", &token),
        Part::Text(&name, "ZZNAMEMARKER"),
        Part::File(&file, "scan.pdf", "application/pdf", &pdf),
    ];
    let r = send(&app, multipart(&url("filefunctions.yml"), Some(&cookie), &parts)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Your files"), "{}", r.body);
    // the QR code, drawn inline (no data: URL, no style attribute)
    assert!(r.body.contains("<svg class=\"daqr\""), "{}", r.body);
    assert!(r.body.contains("width=\"150px\"") && r.body.contains("<title>The example</title>"));

    let (status, both) = bytes_of(&app, get(&href_of(&r.body, "Both"), Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page_texts(&both), ["ZZPDFMARKER page one", "ZZPDFMARKER page two", "ZZPDFMARKER page one", "ZZPDFMARKER page two"]);
    let (status, first) = bytes_of(&app, get(&href_of(&r.body, "First"), Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page_texts(&first), ["ZZPDFMARKER page one"]);

    let bundle_href = href_of(&r.body, "Bundle");
    let (status, bundle) = bytes_of(&app, get(&bundle_href, Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bundle)).unwrap();
    let names: Vec<String> = (0..archive.len()).map(|i| archive.by_index(i).unwrap().name().unwrap().to_string()).collect();
    assert_eq!(names, ["scan.pdf", "letters/letter.docx"]);
    let mut scan = Vec::new();
    archive.by_name("scan.pdf").unwrap().read_to_end(&mut scan).unwrap();
    assert_eq!(scan, pdf, "the upload's own bytes");
    let mut docx = Vec::new();
    archive.by_name("letters/letter.docx").unwrap().read_to_end(&mut docx).unwrap();
    let mut word = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    word.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    assert!(xml.contains("Dear ZZNAMEMARKER"), "{xml}");

    // another browser gets nothing
    let other = cookie_of(&send(&app, get(&url("filefunctions.yml"), None)).await);
    assert_eq!(bytes_of(&app, get(&bundle_href, Some(&other))).await.0, StatusCode::NOT_FOUND);

    // made once, stored sealed: no plaintext of the upload or the answer on disk
    for marker in [&b"ZZPDFMARKER"[..], b"ZZNAMEMARKER"] {
        assert!(files_containing(dir.path(), marker).is_empty(), "{}", String::from_utf8_lossy(marker));
    }
    let page = send(&app, get(&url("filefunctions.yml"), Some(&cookie))).await;
    let csrf = csrf_of(&page.body);
    let r = send(&app, post(&url("filefunctions.yml"), Some(&cookie), &[("_csrf", csrf.as_str()), ("_delete_answers", "1")])).await;
    assert!(r.body.contains("Your answers have been erased"), "{}", r.body);
    assert_eq!(bytes_of(&app, get(&bundle_href, Some(&cookie))).await.0, StatusCode::NOT_FOUND);
    drop(app);
    store.close().await;
    for marker in [&b"ZZPDFMARKER"[..], b"ZZNAMEMARKER"] {
        assert!(files_containing(dir.path(), marker).is_empty());
    }
}
