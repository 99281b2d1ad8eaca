#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Uploads over HTTP with real multipart bodies: the file input and the form's encoding, the
//! file stored sealed with the state and served back (same bytes) only to its session, read
//! again by a later request (`slurp()`), nothing of it in plaintext on disk, gone with the
//! session; a post over the upload limit and a refused answer elsewhere each show the screen
//! again with a message; the CSRF token is still required.

#[path = "fixtures/support.rs"]
mod support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use support::*;

const BOUNDARY: &str = "----colloquytestboundary7MA4YWxk";

/// A part of a multipart body: a text field, or a file (name, bytes).
enum Part<'a> {
    Text(&'a str, &'a str),
    File(&'a str, &'a str, &'a [u8]),
}

/// A `multipart/form-data` POST as a browser sends it.
fn post_multipart(uri: &str, cookie: Option<&str>, parts: &[Part<'_>]) -> Request<Body> {
    let mut body: Vec<u8> = Vec::new();
    for p in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match p {
            Part::Text(name, value) => {
                body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes());
            }
            Part::File(name, filename, bytes) => {
                body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: text/plain\r\n\r\n").as_bytes(),
                );
                body.extend_from_slice(bytes);
                body.extend_from_slice(b"\r\n");
            }
        }
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    let mut b = Request::post(uri)
        .header(header::HOST, "localhost")
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={BOUNDARY}"));
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    b.body(Body::from(body)).unwrap()
}

/// The first screen: (cookie, csrf, question token, file field name, age field name).
async fn first_screen(app: &axum::Router) -> (String, String, String, String, String) {
    let r = send(app, get(&url("upload.yml"), None)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("enctype=\"multipart/form-data\""), "{}", r.body);
    let cs = controls(&r.body);
    let file = cs.iter().find(|c| c.get("type") == Some("file")).expect("a file input");
    let age = cs.iter().find(|c| c.get("type") == Some("number") || c.get("type") == Some("text")).expect("the age input");
    let token = attr_of_named(&r.body, "_question", "value").unwrap();
    (cookie_of(&r), csrf_of(&r.body), token, file.get("name").unwrap().to_string(), age.get("name").unwrap().to_string())
}

/// The `href` of the uploaded file on `body`, site-relative.
fn file_href(body: &str) -> String {
    let start = body.find("href=\"http://localhost/uploadedfile/").expect("a file link") + "href=\"http://localhost".len();
    unescape(&body[start..start + body[start..].find('"').unwrap()])
}

async fn bytes_of(app: &axum::Router, req: Request<Body>) -> (StatusCode, Vec<u8>) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    (status, res.into_body().collect().await.unwrap().to_bytes().to_vec())
}

/// Files of `dir` (database, WAL, shm) that contain `needle`.
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

const CONTENT: &[u8] = b"ZZUPLOADMARKER notes, line one\nline two";

#[tokio::test]
async fn an_upload_is_sealed_served_to_its_session_only_and_deleted_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = store::Store::open_dir(dir.path()).await.unwrap();
    let app = app_with(store.clone(), None);
    let (cookie, csrf, token, file, age) = first_screen(&app).await;
    let r = send(
        &app,
        post_multipart(
            &url("upload.yml"),
            Some(&cookie),
            &[Part::Text("_csrf", &csrf), Part::Text("_question", &token), Part::File(&file, "my notes.txt", CONTENT), Part::Text(&age, "41")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("You uploaded my notes.txt"), "{}", r.body);
    assert!(r.body.contains(&format!("has {} bytes: ZZUPLOADMARKER notes", CONTENT.len())), "{}", r.body);

    // the same bytes come back through /uploadedfile, to this session only
    let href = file_href(&r.body);
    let (status, bytes) = bytes_of(&app, get(&href, Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bytes, CONTENT);
    let other = cookie_of(&send(&app, get(&url("upload.yml"), None)).await);
    let (status, bytes) = bytes_of(&app, get(&href, Some(&other))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!bytes.windows(14).any(|w| w == b"ZZUPLOADMARKER"));
    assert_eq!(bytes_of(&app, get(&href, None)).await.0, StatusCode::NOT_FOUND);

    // a later request reads the stored file again (slurp through the sealed blob)
    let again = send(&app, get(&url("upload.yml"), Some(&cookie))).await;
    assert!(again.body.contains("ZZUPLOADMARKER notes"), "{}", again.body);

    // no plaintext of the file anywhere in the data directory
    assert!(files_containing(dir.path(), b"ZZUPLOADMARKER").is_empty());

    // "Erase my answers" deletes the session and its file
    let r = send(&app, post(&url("upload.yml"), Some(&cookie), &[("_csrf", csrf.as_str()), ("_delete_answers", "1")])).await;
    assert!(r.body.contains("Your answers have been erased"), "{}", r.body);
    assert_eq!(bytes_of(&app, get(&href, Some(&cookie))).await.0, StatusCode::NOT_FOUND);
    drop(app);
    store.close().await;
    assert!(files_containing(dir.path(), b"ZZUPLOADMARKER").is_empty());
}

#[tokio::test]
async fn a_refused_answer_asks_for_the_file_again() {
    let app = app().await;
    let (cookie, csrf, token, file, age) = first_screen(&app).await;
    let r = send(
        &app,
        post_multipart(
            &url("upload.yml"),
            Some(&cookie),
            &[Part::Text("_csrf", &csrf), Part::Text("_question", &token), Part::File(&file, "a.txt", b"abc"), Part::Text(&age, "not a number")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Upload your notes"), "{}", r.body);
    assert!(r.body.contains("Please choose the file again."), "{}", r.body);
}

#[tokio::test]
async fn an_upload_over_the_limit_shows_the_screen_again_with_a_message() {
    let options = server::ServerOptions { max_upload_size: Some(4096), ..Default::default() };
    let app = app_with_options(store::Store::open_memory().await.unwrap(), None, options);
    let (cookie, csrf, token, file, age) = first_screen(&app).await;
    let big = vec![b'x'; 10_000];
    let r = send(
        &app,
        post_multipart(
            &url("upload.yml"),
            Some(&cookie),
            &[Part::Text("_csrf", &csrf), Part::Text("_question", &token), Part::File(&file, "big.txt", &big), Part::Text(&age, "41")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "no 413 page: the screen comes back");
    assert!(r.body.contains("Upload your notes"), "{}", r.body);
    assert!(r.body.contains("too large to upload (at most 4 KiB in total)"), "{}", r.body);
    // a small file still goes through
    let (_, csrf, token, ..) = {
        let page = send(&app, get(&url("upload.yml"), Some(&cookie))).await;
        (String::new(), csrf_of(&page.body), attr_of_named(&page.body, "_question", "value").unwrap(), (), ())
    };
    let r = send(
        &app,
        post_multipart(
            &url("upload.yml"),
            Some(&cookie),
            &[Part::Text("_csrf", &csrf), Part::Text("_question", &token), Part::File(&file, "small.txt", b"tiny"), Part::Text(&age, "41")],
        ),
    )
    .await;
    assert!(r.body.contains("You uploaded small.txt"), "{}", r.body);
}

#[tokio::test]
async fn a_multipart_post_without_the_csrf_token_is_refused() {
    let app = app().await;
    let (cookie, _csrf, token, file, age) = first_screen(&app).await;
    let r = send(
        &app,
        post_multipart(
            &url("upload.yml"),
            Some(&cookie),
            &[Part::Text("_csrf", "forged"), Part::Text("_question", &token), Part::File(&file, "a.txt", b"abc"), Part::Text(&age, "41")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // and other routes keep the small limit for URL-encoded posts
    let big = "x".repeat(server::MAX_BODY + 10);
    let r = send(&app, post(&url("upload.yml"), Some(&cookie), &[("name", big.as_str())])).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}
