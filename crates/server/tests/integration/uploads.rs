#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Uploads over HTTP with real multipart bodies: the file input and the form's encoding, the
//! file stored sealed with the state and served back (same bytes) only to its session, read
//! again by a later request (`slurp()`), nothing of it in plaintext on disk, gone with the
//! session; a post over the upload limit and a refused answer elsewhere each show the screen
//! again with a message; the CSRF token is still required.

use crate::support;

use axum::http::StatusCode;
use support::*;

/// The upload screen's multipart POST: the CSRF and question tokens, a text file (field,
/// file name, bytes) and the age (field, value).
fn upload(cookie: &str, [csrf, token]: [&str; 2], (file, filename, bytes): (&str, &str, &[u8]), (age, value): (&str, &str)) -> axum::http::Request<axum::body::Body> {
    let parts = [Part::Text("_csrf", csrf), Part::Text("_question", token), Part::File(file, filename, "text/plain", bytes), Part::Text(age, value)];
    multipart(&url("upload.yml"), Some(cookie), &parts)
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

const CONTENT: &[u8] = b"ZZUPLOADMARKER notes, line one\nline two";

#[tokio::test]
async fn an_upload_is_sealed_served_to_its_session_only_and_deleted_with_it() {
    let OnDisk { dir, store, app } = app_on_disk().await;
    let (cookie, csrf, token, file, age) = first_screen(&app).await;
    let r = send(&app, upload(&cookie, [&csrf, &token], (&file, "my notes.txt", CONTENT), (&age, "41"))).await;
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
    let r = send(&app, upload(&cookie, [&csrf, &token], (&file, "a.txt", b"abc"), (&age, "not a number"))).await;
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
    let r = send(&app, upload(&cookie, [&csrf, &token], (&file, "big.txt", &big), (&age, "41"))).await;
    assert_eq!(r.status, StatusCode::OK, "no 413 page: the screen comes back");
    assert!(r.body.contains("Upload your notes"), "{}", r.body);
    assert!(r.body.contains("too large to upload (at most 4 KiB in total)"), "{}", r.body);
    // a small file still goes through
    let (_, csrf, token, ..) = {
        let page = send(&app, get(&url("upload.yml"), Some(&cookie))).await;
        (String::new(), csrf_of(&page.body), attr_of_named(&page.body, "_question", "value").unwrap(), (), ())
    };
    let r = send(&app, upload(&cookie, [&csrf, &token], (&file, "small.txt", b"tiny"), (&age, "41"))).await;
    assert!(r.body.contains("You uploaded small.txt"), "{}", r.body);
}

#[tokio::test]
async fn a_multipart_post_without_the_csrf_token_is_refused() {
    let app = app().await;
    let (cookie, _csrf, token, file, age) = first_screen(&app).await;
    let r = send(&app, upload(&cookie, ["forged", &token], (&file, "a.txt", b"abc"), (&age, "41"))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // and other routes keep the small limit for URL-encoded posts
    let big = "x".repeat(server::MAX_BODY + 10);
    let r = send(&app, post(&url("upload.yml"), Some(&cookie), &[("name", big.as_str())])).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}
