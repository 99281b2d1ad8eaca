#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The editable formats of a Markdown document over HTTP: the DOCX and RTF links of the box,
//! the files served to their session with their types, opened with readers independent of
//! Colloquy's (the `zip` crate and quick-xml), and sealed on disk.

use crate::support;

use std::io::Read as _;

use axum::http::{header, StatusCode};
use support::*;

/// The text of the `w:t` elements of part `name` of a .docx, read with `zip` and quick-xml.
fn docx_text(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP package");
    let mut xml = String::new();
    z.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    let mut r = quick_xml::Reader::from_str(&xml);
    let mut out = String::new();
    let mut in_t = false;
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Start(e)) => in_t = e.name().as_ref() == "w:t",
            Ok(quick_xml::events::Event::End(_)) => in_t = false,
            Ok(quick_xml::events::Event::Text(t)) if in_t => out.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            Ok(quick_xml::events::Event::GeneralRef(g)) if in_t => {
                let name: &str = g.as_ref();
                out.push_str(match name {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                });
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name} is not well-formed: {e}"),
        }
    }
    out
}

#[tokio::test]
async fn the_docx_and_rtf_of_a_markdown_document_are_downloaded_by_their_session() {
    let OnDisk { dir, store, app } = app_on_disk().await;
    let first = send(&app, get(&url("docx-letter.yml"), None)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let cookie = cookie_of(&first);
    let text = controls(&first.body)
        .into_iter()
        .find(|c| c.tag == "input" && c.get("type") == Some("text"))
        .expect("a text input");
    let form = [
        ("_csrf", csrf_of(&first.body)),
        ("_question", attr_of_named(&first.body, "_question", "value").unwrap()),
        (text.get("name").unwrap(), "Zelda QQDOCXMARKER & Link".to_string()),
    ];
    let page = send(&app, post(&url("docx-letter.yml"), Some(&cookie), &form)).await;
    assert!(page.body.contains("Your editable letter is ready."), "{}", page.body);

    let docx_url = href_with(&page.body, "/letter.docx");
    let download = docx_url.replace("/uploadedfile/", "/uploadedfiledownload/");
    let (status, headers, bytes) = send_bytes(&app, get(&download, Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers.get(header::CONTENT_TYPE).unwrap(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert_eq!(
        headers.get(header::CONTENT_DISPOSITION).unwrap().to_str().unwrap(),
        "attachment; filename=\"letter.docx\"; filename*=UTF-8''letter.docx"
    );
    let body = docx_text(&bytes, "word/document.xml");
    assert!(body.contains("My name is Zelda QQDOCXMARKER & Link and the heating is broken."), "{body}");
    assert!(body.contains("Notice of repair"), "{body}");
    let header_text: String = (1..=4)
        .filter(|i| zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap().by_name(&format!("word/header{i}.xml")).is_ok())
        .map(|i| docx_text(&bytes, &format!("word/header{i}.xml")))
        .collect();
    assert!(header_text.contains("Tenant's copy"), "{header_text:?}");

    let rtf_url = href_with(&page.body, "/letter.rtf");
    let (status, headers, bytes) = send_bytes(&app, get(&rtf_url, Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.get(header::CONTENT_TYPE).unwrap().to_str().unwrap().contains("rtf"));
    let rtf = String::from_utf8(bytes).unwrap();
    assert!(rtf.contains("QQDOCXMARKER") && rtf.contains("{\\headerf") && rtf.contains("Tenant's copy"), "{rtf}");

    // Only the browser holding the session gets the file.
    assert_eq!(send(&app, get(&docx_url, None)).await.status, StatusCode::NOT_FOUND);
    // The answer is nowhere in plain text on disk, while running and after closing.
    assert!(files_containing(dir.path(), b"QQDOCXMARKER").is_empty());
    drop(app);
    store.close().await;
    assert!(files_containing(dir.path(), b"QQDOCXMARKER").is_empty());
}
