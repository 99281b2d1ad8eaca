//! Colloquy's web server: docassemble's `/interview?i=…` URL, anonymous sessions in a
//! cookie, state in the [`store`], and accessible HTML rendered from the engine's
//! [`engine::Screen`] (no JavaScript needed).
//!
//! The server talks to the engine only through the [`Engine`] / [`Runner`] ports
//! ([`ports`]), which are implemented for the real engine in [`engine_adapter`] and by
//! fakes in tests. This file wires the routes; each concern has its own module.

pub mod convert;
pub mod cookies;
pub mod engine_adapter;
pub mod error;
pub mod extract;
pub mod files;
pub mod first_screen;
mod handlers;
pub mod headers;
pub mod markdown;
pub mod ports;
mod qr;
pub mod render;
pub mod request_id;
mod respond;
pub mod session;
pub mod state;
pub mod statics;
pub mod tokens;
pub mod upload;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::Router;

pub use error::AppError;
pub use ports::{Engine, LoadFailure, PackageFiles, Runner};
pub use state::{App, Clock, Config, Listed, OsRng, Rng, RngFailed, ServerOptions, SystemClock, ThreadRng, EVAL_TIMEOUT, REQUEST_TIMEOUT};
pub use statics::DirPackageFiles;

/// Largest request body accepted (form posts).
pub const MAX_BODY: usize = 1024 * 1024;

/// Builds the router with every route and the security headers.
pub fn router(config: Config) -> Router {
    let timeout = config.options.request_timeout.unwrap_or(REQUEST_TIMEOUT);
    let app: App = std::sync::Arc::new(config);
    Router::new()
        .route("/", get(handlers::front_page))
        .route(
            "/interview",
            get(handlers::interview_get).post(handlers::interview_post),
        )
        .route("/uploadedfile/{n}/{name}", get(files::uploaded_file))
        .route("/uploadedfiledownload/{n}/{name}", get(files::uploaded_file_download))
        .route("/static/colloquy.css", get(statics::stylesheet))
        .route(render::signature::SCRIPT_URL, get(statics::signature_script))
        .route(
            "/packagestatic/{package}/{*path}",
            get(statics::package_static),
        )
        .fallback(handlers::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            headers::headers,
        ))
        .with_state(app)
}
