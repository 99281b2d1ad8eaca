#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Signature questions over HTTP: the page has the drawing area (`canvas#dasigcanvas`, shown
//! by the static script, which is served as JavaScript under the page's CSP), the hidden
//! input and an image file input in a multipart form; a posted PNG `data:` URL is stored
//! sealed (none of its bytes in plaintext on disk), shown as an image and served back to
//! its session only; a missing signature shows the screen again with a message.

use crate::support;

use axum::http::{header, StatusCode};
use base64::Engine as _;
use support::*;

/// A small transparent PNG with a stroke (the fuzz seed).
const PNG: &[u8] = include_bytes!("../../../../fuzz/seeds/image_upload/signature.png");

#[tokio::test]
async fn the_script_is_served_as_javascript() {
    let app = app().await;
    let r = send(&app, get("/static/colloquy-signature.js", None)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.headers.get(header::CONTENT_TYPE).unwrap().to_str().unwrap().starts_with("text/javascript"));
    assert!(r.body.contains("toDataURL('image/png')"));
}

#[tokio::test]
async fn a_drawn_signature_is_sealed_shown_and_served_to_its_session_only() {
    let OnDisk { dir, store, app } = app_on_disk().await;
    let r = send(&app, get(&url("signature.yml"), None)).await;
    assert_eq!(r.status, StatusCode::OK);
    let page = &r.body;
    assert!(page.contains("id=\"dasigcanvas\""), "{page}");
    assert!(page.contains("enctype=\"multipart/form-data\""));
    assert!(page.contains("<script src=\"/static/colloquy-signature.js\" defer></script>"));
    assert!(page.contains("data-pen-color=\"#33f\""));
    assert!(page.contains("accept=\"image/png,image/jpeg\""));
    let csp = r.headers.get("content-security-policy").unwrap().to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
    let cookie = cookie_of(&r);
    let csrf = csrf_of(page);
    let token = attr_of_named(page, "_question", "value").unwrap();
    let name = attr_of_named(page, "dasig", "name").or_else(|| {
        // the hidden input carries the field's name and the id `dasig`
        let at = page.find("id=\"dasig\"")?;
        let rest = &page[at..];
        let n = rest.find("name=\"")? + 6;
        Some(rest[n..n + rest[n..].find('"')?].to_string())
    });
    let name = name.expect("the signature's hidden input");

    // nothing drawn: the screen again, with a message
    let r = send(&app, multipart(&url("signature.yml"), Some(&cookie), &[Part::Text("_csrf", &csrf), Part::Text("_question", &token), Part::Text(&name, "")])).await;
    assert!(r.body.contains("You must sign your name to continue."), "{}", r.body);

    let url_data = format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(PNG));
    let r = send(&app, multipart(&url("signature.yml"), Some(&cookie), &[Part::Text("_csrf", &csrf), Part::Text("_question", &token), Part::Text(&name, &url_data)])).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Signed as canvas.png"), "{}", r.body);
    let start = r.body.find("src=\"http://localhost/uploadedfile/").expect("the signature's image") + "src=\"http://localhost".len();
    let href = unescape(&r.body[start..start + r.body[start..].find('"').unwrap()]);
    let (status, bytes) = bytes_of(&app, get(&href, Some(&cookie))).await;
    assert_eq!((status, bytes.as_slice()), (StatusCode::OK, PNG));
    let other = cookie_of(&send(&app, get(&url("signature.yml"), None)).await);
    assert_eq!(bytes_of(&app, get(&href, Some(&other))).await.0, StatusCode::NOT_FOUND);
    // the image data (inside IDAT) is nowhere in plaintext
    drop(app);
    store.close().await;
    assert!(files_containing(dir.path(), &PNG[41..PNG.len() - 20]).is_empty());
}
