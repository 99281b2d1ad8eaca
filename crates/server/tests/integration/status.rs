#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Status codes of requests the server cannot answer normally, on the real engine: an
//! invalid interview reference is the client's error (400), a missing interview is 404,
//! broken interview files are 500; the echoed reference shows control characters escaped.

use crate::support;

use axum::http::StatusCode;
use support::*;

async fn status_of(uri: &str) -> Resp {
    let app = app_with(store::Store::open_memory().await.unwrap(), None);
    send(&app, get(uri, None)).await
}

#[tokio::test]
async fn invalid_references_are_bad_requests() {
    for (uri, what) in [
        (
            "/interview?i=fixtures:data/questions/../../x",
            "a path that climbs out",
        ),
        (
            "/interview?i=fixtures%3Adata%2Fquestions%2F..%2F..%2Fx.yml",
            "the same, encoded",
        ),
        ("/interview?i=fixtures%3Ax%00.yml", "a NUL byte"),
        ("/interview?i=fixtures%3A%FF%FE.yml", "bad UTF-8"),
        ("/interview?i=no-package.yml", "no package"),
        (
            "/interview?i=fixtures%3A%2Fetc%2Fpasswd",
            "an absolute path",
        ),
    ] {
        let r = status_of(uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{what}: {}", r.body);
        assert!(
            r.body.contains("<title>Error</title>"),
            "{what}: {}",
            r.body
        );
        assert!(
            r.body.contains("invalid interview reference"),
            "{what}: {}",
            r.body
        );
    }
}

#[tokio::test]
async fn echoed_references_show_control_characters_escaped() {
    let r = status_of("/interview?i=fixtures%3Ax%00y%1B.yml").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert!(
        !r.body.contains('\0') && !r.body.contains('\u{1b}'),
        "{:?}",
        r.body
    );
    assert!(r.body.contains("x\\u{0}y\\u{1b}.yml"), "{}", r.body);
}

#[tokio::test]
async fn a_missing_interview_is_not_found_and_a_broken_one_an_error() {
    let r = status_of(&url("nope.yml")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    assert!(r.body.contains("<title>Error</title>"), "{}", r.body);
    let r = status_of(&url("broken.yml")).await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", r.body);
    let r = status_of(&url("xss.yml")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

/// One interview file in memory.
struct OneFile(&'static str);

impl engine::Sources for OneFile {
    fn read(&self, _package: &str, _path: &str) -> std::io::Result<String> {
        Ok(self.0.to_string())
    }
    fn modified(&self, _package: &str, _path: &str) -> Option<std::time::SystemTime> {
        None
    }
    fn list(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

#[test]
fn temporary_session_is_read_from_the_metadata_by_the_engine() {
    use server::Runner;
    for (yaml, want) in [
        ("metadata:\n  temporary session: True\n---\nquestion: Hi\nmandatory: True\n", true),
        ("metadata:\n  temporary session: 'yes'\n---\nquestion: Hi\nmandatory: True\n", true),
        ("metadata:\n  title: T\n---\nquestion: Hi\nmandatory: True\n", false),
    ] {
        let lib = engine::Library::new(std::sync::Arc::new(OneFile(yaml)), false);
        let interview = lib.get("p:t.yml").unwrap();
        assert_eq!(Runner::temporary_session(&*interview), want, "{yaml}");
    }
}
