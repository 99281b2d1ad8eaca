#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The security header set on every route (issue 5, item 7): pages, interview pages, 404,
//! 405, 413, static and package static files, redirects, error pages of broken interviews —
//! in-process and over real TCP. `the_checker_fails_without_the_headers` proves the checks
//! fail on a response that lacks them.

use crate::support;

use axum::http::{header, HeaderMap, StatusCode};
use support::*;

/// What a response must carry. `interview` adds `Cache-Control: no-store`.
fn header_problems(h: &HeaderMap, interview: bool) -> Vec<String> {
    let mut p = Vec::new();
    let get = |name: &str| {
        h.get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    match get("content-security-policy") {
        None => p.push("no Content-Security-Policy".into()),
        Some(csp) => p.extend(csp_problems(&csp)),
    }
    if h.get_all("content-security-policy").iter().count() > 1 {
        p.push("more than one CSP header".into());
    }
    if get("x-content-type-options").as_deref() != Some("nosniff") {
        p.push(format!(
            "X-Content-Type-Options {:?}",
            get("x-content-type-options")
        ));
    }
    if get("referrer-policy").as_deref() != Some("same-origin") {
        p.push(format!("Referrer-Policy {:?}", get("referrer-policy")));
    }
    match get("permissions-policy") {
        Some(pp) if pp.contains("camera=()") && pp.contains("geolocation=()") => {}
        other => p.push(format!("Permissions-Policy {other:?}")),
    }
    if interview {
        let cc = get("cache-control").unwrap_or_default();
        if !cc.split(',').any(|d| d.trim() == "no-store") {
            p.push(format!("Cache-Control {cc:?} (want no-store)"));
        }
    }
    p
}

/// The CSP directives that must hold: `default-src 'self'`, no `unsafe-inline`/`unsafe-eval`
/// (or wildcard) for scripts, `object-src 'none'`, `base-uri` and `frame-ancestors` set to
/// `'self'` or `'none'`.
fn csp_problems(csp: &str) -> Vec<String> {
    let mut p = Vec::new();
    let directive = |name: &str| -> Option<Vec<String>> {
        csp.split(';').map(str::trim).find_map(|d| {
            let mut words = d.split_whitespace();
            (words.next()? == name).then(|| words.map(str::to_string).collect())
        })
    };
    if directive("default-src") != Some(vec!["'self'".to_string()]) {
        p.push(format!("default-src is not 'self': {csp}"));
    }
    let script = directive("script-src").or_else(|| directive("default-src"));
    for s in script.unwrap_or_default() {
        if matches!(
            s.as_str(),
            "'unsafe-inline'" | "'unsafe-eval'" | "*" | "data:" | "http:" | "https:"
        ) {
            p.push(format!("script source {s}: {csp}"));
        }
    }
    if directive("object-src") != Some(vec!["'none'".to_string()]) {
        p.push(format!("object-src is not 'none': {csp}"));
    }
    for d in ["base-uri", "frame-ancestors"] {
        match directive(d).as_deref() {
            Some([v]) if v == "'self'" || v == "'none'" => {}
            other => p.push(format!("{d} {other:?}: {csp}")),
        }
    }
    p
}

/// The body of an error response says nothing about the server's insides.
fn no_internals(body: &str) -> Result<(), String> {
    for leak in [
        "panicked",
        "RUST_BACKTRACE",
        "sqlx",
        "rusqlite",
        "SqliteFailure",
        "SqliteError",
        "src/",
        ".rs:",
        "thread '",
        "stack backtrace",
        "Unwrap",
        "Os {",
        "errno",
    ] {
        if body.contains(leak) {
            return Err(format!("internals ({leak}) in {body}"));
        }
    }
    Ok(())
}

/// One route to check: method, path, extra body, expected status, is it an interview page.
struct Route {
    what: &'static str,
    method: &'static str,
    path: String,
    body: Vec<u8>,
    status: StatusCode,
    interview: bool,
}

fn routes() -> Vec<Route> {
    let r = |what, method, path: String, status, interview| Route {
        what,
        method,
        path,
        body: Vec::new(),
        status,
        interview,
    };
    vec![
        r("front page", "GET", "/".into(), StatusCode::OK, false),
        r(
            "interview page",
            "GET",
            url("xss.yml"),
            StatusCode::OK,
            true,
        ),
        r(
            "author script page",
            "GET",
            url("script.yml"),
            StatusCode::OK,
            true,
        ),
        r(
            "404",
            "GET",
            "/no/such/page".into(),
            StatusCode::NOT_FOUND,
            false,
        ),
        r(
            "404 traversal",
            "GET",
            "/packagestatic/pkg.one/%2e%2e/%2e%2e/x".into(),
            StatusCode::NOT_FOUND,
            false,
        ),
        r(
            "405",
            "POST",
            "/".into(),
            StatusCode::METHOD_NOT_ALLOWED,
            false,
        ),
        r(
            "405 interview",
            "PUT",
            url("xss.yml"),
            StatusCode::METHOD_NOT_ALLOWED,
            false,
        ),
        Route {
            what: "413",
            method: "POST",
            path: url("xss.yml"),
            body: vec![b'x'; server::MAX_BODY + 10],
            status: StatusCode::PAYLOAD_TOO_LARGE,
            interview: false,
        },
        r(
            "static file",
            "GET",
            "/static/colloquy.css".into(),
            StatusCode::OK,
            false,
        ),
        r(
            "package static",
            "GET",
            "/packagestatic/pkg.one/a.txt".into(),
            StatusCode::OK,
            false,
        ),
        r(
            "redirect (no i)",
            "GET",
            "/interview".into(),
            StatusCode::SEE_OTHER,
            true,
        ),
        r(
            "redirect (reset)",
            "GET",
            format!("{}&reset=1", url("xss.yml")),
            StatusCode::SEE_OTHER,
            true,
        ),
        r(
            "POST without a session",
            "POST",
            url("xss.yml"),
            StatusCode::SEE_OTHER,
            true,
        ),
        r(
            "broken interview",
            "GET",
            url("broken.yml"),
            StatusCode::INTERNAL_SERVER_ERROR,
            true,
        ),
        r(
            "run-time error",
            "GET",
            url("undefined.yml"),
            StatusCode::INTERNAL_SERVER_ERROR,
            true,
        ),
        r(
            "missing interview",
            "GET",
            url("nope.yml"),
            StatusCode::NOT_FOUND,
            true,
        ),
    ]
}

fn check(route: &Route, r: &Resp) {
    assert_eq!(r.status, route.status, "{}: {}", route.what, r.body);
    let p = header_problems(&r.headers, route.interview);
    assert!(p.is_empty(), "{}: {p:#?}\n{:?}", route.what, r.headers);
    if r.status.is_client_error() || r.status.is_server_error() {
        no_internals(&r.body).unwrap_or_else(|e| panic!("{}: {e}", route.what));
        assert!(
            r.body.contains("<title>"),
            "{}: an HTML page: {}",
            route.what,
            r.body
        );
    }
}

#[tokio::test]
async fn every_route_has_the_header_set_in_process() {
    let statics = static_root();
    let app = app_with(
        store::Store::open_memory().await.unwrap(),
        Some(statics.path()),
    );
    for route in routes() {
        let req = axum::http::Request::builder()
            .method(route.method)
            .uri(&route.path)
            .header(header::HOST, "localhost")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(axum::body::Body::from(route.body.clone()))
            .unwrap();
        let r = send(&app, req).await;
        check(&route, &r);
    }
}

#[tokio::test]
async fn every_route_has_the_header_set_over_tcp() {
    let statics = static_root();
    let app = app_with(
        store::Store::open_memory().await.unwrap(),
        Some(statics.path()),
    );
    let addr = serve(app).await;
    for route in routes() {
        let r = http(
            addr,
            route.method,
            &route.path,
            &[("Content-Type", "application/x-www-form-urlencoded")],
            &route.body,
        )
        .await;
        check(&route, &r);
    }
    // A page reached through a session (cookie, answered question) too.
    let r = http(addr, "GET", &url("marker.yml"), &[], b"").await;
    check(
        &Route {
            what: "session page over TCP",
            method: "GET",
            path: url("marker.yml"),
            body: vec![],
            status: StatusCode::OK,
            interview: true,
        },
        &r,
    );
    let cookie = cookie_of(&r);
    let csrf = csrf_of(&r.body);
    let token = attr_of_named(&r.body, "_question", "value").unwrap();
    let field = attr_of_named(&r.body, "c2VjcmV0X2Fuc3dlcg", "name").unwrap();
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("_csrf", &csrf)
        .append_pair("_question", &token)
        .append_pair(&field, "x")
        .finish();
    let r = http(
        addr,
        "POST",
        &url("marker.yml"),
        &[
            ("Cookie", &cookie),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        body.as_bytes(),
    )
    .await;
    assert!(r.body.contains("Second, after x"), "{}", r.body);
    assert!(
        header_problems(&r.headers, true).is_empty(),
        "{:?}",
        r.headers
    );
}

#[tokio::test]
async fn author_scripts_run_under_a_nonce_not_unsafe_inline() {
    let app = app().await;
    let r = send(&app, get(&url("script.yml"), None)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let csp = r
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp_problems(&csp).is_empty(), "{csp}");
    let nonce = csp
        .split_whitespace()
        .find_map(|w| w.strip_prefix("'nonce-"))
        .map(|n| n.trim_end_matches([';', '\'']).to_string())
        .expect("a nonce in the CSP of a page with author script");
    assert!(nonce.len() >= 22, "a nonce of at least 128 bits: {nonce}");
    let scripts: Vec<_> = tags(&r.body)
        .into_iter()
        .filter(|t| t.tag == "script")
        .collect();
    assert!(
        !scripts.is_empty(),
        "the author's script is on the page: {}",
        r.body
    );
    for s in &scripts {
        assert_eq!(s.get("nonce"), Some(nonce.as_str()), "{:?}", s.attrs);
    }
    // A second response gets a different nonce.
    let again = send(&app, get(&url("script.yml"), None)).await;
    let csp2 = again
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(!csp2.contains(&nonce), "nonces are per response");
    // Pages without author script carry no nonce at all.
    let plain = send(&app, get(&url("xss.yml"), None)).await;
    let csp3 = plain
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(!csp3.contains("nonce-"), "{csp3}");
}

#[test]
fn the_checker_fails_without_the_headers() {
    let mut h = HeaderMap::new();
    assert!(header_problems(&h, true).len() >= 5);
    h.insert(
        "content-security-policy",
        "default-src 'self'".parse().unwrap(),
    );
    h.insert("x-content-type-options", "nosniff".parse().unwrap());
    h.insert("referrer-policy", "same-origin".parse().unwrap());
    h.insert(
        "permissions-policy",
        "camera=(), geolocation=()".parse().unwrap(),
    );
    h.insert("cache-control", "no-store".parse().unwrap());
    // default-src alone lacks object-src, base-uri and frame-ancestors.
    assert_eq!(
        header_problems(&h, true).len(),
        3,
        "{:?}",
        header_problems(&h, true)
    );
    for bad in [
        "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'",
        "default-src *; object-src 'none'; base-uri 'self'; frame-ancestors 'self'",
        "default-src 'self'; object-src 'self'; base-uri 'self'; frame-ancestors 'self'",
        "default-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'",
    ] {
        assert!(!csp_problems(bad).is_empty(), "{bad}");
    }
    assert!(csp_problems(server::headers::CSP).is_empty());
    h.insert("cache-control", "public, max-age=3600".parse().unwrap());
    assert!(header_problems(&h, true)
        .iter()
        .any(|p| p.contains("no-store")));
    assert!(no_internals("thread 'main' panicked at src/lib.rs:1").is_err());
}
