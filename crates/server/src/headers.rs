//! The response middleware: a request id for every request, the security headers (CSP,
//! HSTS, nosniff, framing, referrer, permissions) on every response, and the generic
//! error page in place of any error body that is not one of ours.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{self, HeaderValue};

use crate::request_id;
use crate::state::App;

/// Content-Security-Policy of every response without author scripts or styles.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

/// The Content-Security-Policy of a page that carries the interview author's own
/// `script:`/`css:` blocks, allowed by a per-response nonce (never `unsafe-inline`).
pub fn csp_with_nonce(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'"
    )
}

/// Value of the `Strict-Transport-Security` header when HSTS is on (one year, subdomains).
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// Middleware: gives every request an id (logged in a span, shown on error pages, sent as
/// `X-Request-Id`), puts the security headers on every response (pages, errors, static
/// files, redirects, 404, 405, 413), and replaces any error body that is not one of our
/// HTML pages (axum's plain-text rejections) with the generic error page.
pub async fn headers(State(app): State<App>, req: Request, next: Next) -> Response {
    // 64 random bits; a failing random source still gets the request answered.
    let id = app
        .random_hex(8)
        .unwrap_or_else(|_| "0000000000000000".to_string());
    // The id is a task-local of the request, which the log format writes on every line (see
    // `colloquy serve`); not a tracing span: making, entering and closing one per request
    // cost 2–4 % of an answer step's CPU.
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let mut res = request_id::scope(id.clone(), next.run(req)).await;
    let status = res.status();
    if status.is_client_error() || status.is_server_error() {
        request_id::sync_scope(id.clone(), || {
            tracing::info!(%method, path = ?path, status = status.as_u16(), "error response");
        });
        let html = res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        if !html {
            let page = request_id::sync_scope(id.clone(), || generic_error_page(status));
            let mut replaced = (status, axum::response::Html(page)).into_response();
            for (name, value) in res.headers() {
                if name == header::ALLOW {
                    replaced.headers_mut().insert(name, value.clone());
                }
            }
            res = replaced;
        }
    }
    let h = res.headers_mut();
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static("SAMEORIGIN"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if app.options.hsts {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    if let Ok(v) = HeaderValue::from_str(&id) {
        h.insert("x-request-id", v);
    }
    res
}

/// The generic page of an error status (no internals; the request id for support).
fn generic_error_page(status: http::StatusCode) -> String {
    let (title, message) = match status.as_u16() {
        404 => ("Not found", "There is no page at this address."),
        405 => ("Not allowed", "This page cannot be used that way."),
        413 => ("Too large", "What was sent is too large."),
        400..=499 => ("Bad request", "The request could not be understood."),
        _ => (
            "Error",
            "An internal error occurred. Please try again later.",
        ),
    };
    crate::render::message_page(title, message)
}
