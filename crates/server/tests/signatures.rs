#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Signature questions over HTTP: the page has the drawing area (`canvas#dasigcanvas`, shown
//! by the static script, which is served as JavaScript under the page's CSP), the hidden
//! input and an image file input in a multipart form; a posted PNG `data:` URL is stored
//! sealed (none of its bytes in plaintext on disk), shown as an image and served back to
//! its session only; a missing signature shows the screen again with a message.

#[path = "fixtures/support.rs"]
mod support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use base64::Engine as _;
use support::*;

const BOUNDARY: &str = "----colloquysignatureboundary";

/// A small transparent PNG with a stroke (the fuzz seed).
const PNG: &[u8] = include_bytes!("../../../fuzz/seeds/image_upload/signature.png");

fn post_multipart(uri: &str, cookie: &str, fields: &[(&str, &str)]) -> Request<Body> {
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
    }
    body.push_str(&format!("--{BOUNDARY}--\r\n"));
    Request::post(uri)
        .header(header::HOST, "localhost")
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={BOUNDARY}"))
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap()
}

async fn bytes_of(app: &axum::Router, req: Request<Body>) -> (StatusCode, Vec<u8>) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    (status, res.into_body().collect().await.unwrap().to_bytes().to_vec())
}

fn files_containing(dir: &std::path::Path, needle: &[u8]) -> Vec<String> {
    let mut hits = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if let Ok(bytes) = std::fs::read(&path) {
            if bytes.windows(needle.len()).any(|w| w == needle) {
                hits.push(path.display().to_string());
            }
        }
    }
    hits
}

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
    let dir = tempfile::tempdir().unwrap();
    let store = store::Store::open_dir(dir.path()).await.unwrap();
    let app = app_with(store.clone(), None);
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
    let r = send(&app, post_multipart(&url("signature.yml"), &cookie, &[("_csrf", &csrf), ("_question", &token), (&name, "")])).await;
    assert!(r.body.contains("You must sign your name to continue."), "{}", r.body);

    let url_data = format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(PNG));
    let r = send(&app, post_multipart(&url("signature.yml"), &cookie, &[("_csrf", &csrf), ("_question", &token), (&name, &url_data)])).await;
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
