//! The server's one error type, [`AppError`], mapped to HTTP at the edge
//! ([`IntoResponse`]: status, page, log line), and the small response helpers every
//! handler uses ([`with_headers`], [`see_other`], [`error_response`]).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use store::StoreError;

use crate::ports::LoadFailure;
use crate::render;
use crate::state::RngFailed;

/// Why a request could not be answered normally.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The interview did not load: 400 for a malformed reference, 404 for a missing
    /// interview, 500 for broken interview files (the message is for the author).
    #[error("interview did not load: {0}")]
    Load(#[from] LoadFailure),
    /// The session store failed.
    #[error("session storage failed: {0}")]
    Store(#[from] StoreError),
    /// The random source failed.
    #[error(transparent)]
    Rng(#[from] RngFailed),
    /// Making keys for a new session failed.
    #[error("could not make session keys: {0}")]
    Keys(StoreError),
    /// The engine panicked (the blocking task failed).
    #[error("the engine panicked")]
    EnginePanicked,
    /// A form with more fields than accepted (413); `reference` offers a restart link.
    #[error("the form has too many fields")]
    TooManyFields {
        /// The interview posted to, if known.
        reference: Option<String>,
    },
    /// A POST without the session's CSRF token (403).
    #[error("POST with a missing or wrong CSRF token")]
    Csrf,
    /// The session was saved by another request first, or deleted meanwhile (409).
    #[error("the session changed in another window")]
    Conflict,
    /// A document could not be typeset (the message is a sentence for the reader).
    #[error("could not make the document: {0}")]
    Typeset(String),
    /// A file could not be packed (the ZIP of a screen's documents).
    #[error("could not pack the documents: {0}")]
    Packing(String),
}

/// Puts `Cache-Control: no-store` and, when given, a `Set-Cookie` on a response.
pub fn with_headers(mut res: Response, cookie: Option<String>) -> Response {
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(c) = cookie {
        if let Ok(v) = HeaderValue::from_str(&c) {
            h.append(header::SET_COOKIE, v);
        }
    }
    res
}

/// A `303 See Other` to `url`, with a cookie when given.
pub fn see_other(url: &str, cookie: Option<String>) -> Response {
    with_headers(Redirect::to(url).into_response(), cookie)
}

/// The error page with `status`: `message` for the reader, a restart link for `reference`.
pub fn error_response(status: StatusCode, message: &str, reference: Option<&str>) -> Response {
    let restart = reference.map(|r| format!("{}&reset=1", render::start_url(r)));
    with_headers(
        (
            status,
            Html(render::error_page(message, restart.as_deref())),
        )
            .into_response(),
        None,
    )
}

/// A message page with `status` (not an error of the interview: an expired form …).
fn message_response(status: StatusCode, title: &str, message: &str) -> Response {
    with_headers(
        (status, Html(render::message_page(title, message))).into_response(),
        None,
    )
}

fn internal_error() -> Response {
    error_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        "An internal error occurred. Please try again later.",
        None,
    )
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Load(failure) => {
                let status = match &failure {
                    LoadFailure::Invalid(_) => StatusCode::BAD_REQUEST,
                    LoadFailure::Missing(_) => StatusCode::NOT_FOUND,
                    LoadFailure::Broken(_) => StatusCode::INTERNAL_SERVER_ERROR,
                };
                tracing::warn!(status = status.as_u16(), "interview failed to load");
                error_response(status, &failure.to_string(), None)
            }
            AppError::Store(e) => {
                tracing::error!(error = %e, "session storage failed");
                internal_error()
            }
            AppError::Rng(e) => {
                tracing::error!(error = %e, "random source failed");
                internal_error()
            }
            AppError::Keys(e) => {
                tracing::error!(error = %e, "could not make session keys");
                internal_error()
            }
            AppError::Typeset(e) => {
                tracing::warn!(error = %e, "a document could not be typeset");
                error_response(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    &format!("The document could not be made: {e}"),
                    None,
                )
            }
            AppError::Packing(e) => {
                tracing::error!(error = %e, "could not pack the documents");
                internal_error()
            }
            AppError::EnginePanicked => {
                tracing::error!("engine panicked");
                internal_error()
            }
            AppError::TooManyFields { reference } => error_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The form has too many fields.",
                reference.as_deref(),
            ),
            AppError::Csrf => {
                tracing::warn!("POST with a missing or wrong CSRF token refused");
                message_response(
                    StatusCode::FORBIDDEN,
                    "Form expired",
                    "This form is no longer valid. Please reload the page and try again.",
                )
            }
            AppError::Conflict => message_response(
                StatusCode::CONFLICT,
                "Answers changed elsewhere",
                "This interview was changed in another window. Please reload the page.",
            ),
        }
    }
}
