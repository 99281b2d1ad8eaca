//! Colloquy's web server: docassemble's `/interview?i=…` URL, anonymous sessions in a
//! cookie, state in the [`store`], and accessible HTML rendered from the engine's
//! [`engine::Screen`] (no JavaScript needed).
//!
//! The server talks to the engine only through the [`Engine`] / [`Runner`] traits, which
//! are implemented for the real engine in [`glue`] and by fakes in tests.

pub mod glue;
mod handlers;
pub mod markdown;
pub mod render;
pub mod security;
pub mod statics;

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::Router;
use engine::{RequestContext, Screen, SessionState, Submitted};

pub use statics::{DirPackageFiles, PackageFiles};

/// Largest request body accepted (form posts).
pub const MAX_BODY: usize = 1024 * 1024;

/// What the server needs from the engine's interview cache.
pub trait Engine: Send + Sync + 'static {
    /// Loads (or gets from the cache) the interview `reference`; the error text is for the
    /// interview author ("file, line n: reason").
    fn load(&self, reference: &str) -> Result<Arc<dyn Runner>, String>;
}

/// One loaded interview, able to run sessions.
pub trait Runner: Send + Sync + 'static {
    /// A fresh session state.
    fn new_session(&self) -> SessionState;
    /// Runs the logic and returns what to show.
    fn next_screen(&self, state: &mut SessionState, ctx: &RequestContext) -> Screen;
    /// Whether the interview's metadata asks for `temporary session` (always start fresh,
    /// keep nothing once finished).
    fn temporary_session(&self) -> bool {
        false
    }
    /// Applies a posted form (pairs exactly as posted, minus the CSRF token).
    fn submit(
        &self,
        state: &mut SessionState,
        form: &[(String, String)],
        ctx: &RequestContext,
    ) -> Submitted;
    /// Goes back one step; false when there is nothing to go back to.
    fn back(&self, state: &mut SessionState) -> bool;
}

/// An interview the front page offers.
#[derive(Clone, Debug)]
pub struct Listed {
    /// The reference to start it (`package:data/questions/file.yml`).
    pub reference: String,
    /// The package it belongs to (for grouping).
    pub package: String,
    /// What to show (title, or the file path).
    pub label: String,
}

/// Server configuration and shared state.
pub struct Config {
    /// The interview cache.
    pub engine: Arc<dyn Engine>,
    /// Session storage.
    pub store: store::Store,
    /// Static files of packages (`/packagestatic/<package>/<path>`).
    pub files: Arc<dyn PackageFiles>,
    /// Secret for CSRF tokens (32 random bytes, kept in the data directory).
    pub secret: [u8; 32],
    /// The featured interviews (the demo), shown first on the front page.
    pub featured: Vec<Listed>,
    /// Every other interview offered on the front page.
    pub listed: Vec<Listed>,
    /// Set `Secure` on cookies (when served behind TLS); the session cookies then also get
    /// the `__Host-` prefix.
    pub secure_cookies: bool,
    /// Further security options (HSTS, the server key for `multi_user` sessions).
    pub options: ServerOptions,
}

/// Security options of the server beyond the basics of [`Config`].
#[derive(Clone, Debug, Default)]
pub struct ServerOptions {
    /// Send `Strict-Transport-Security` on every response (only when TLS is in front).
    pub hsts: bool,
    /// The key that wraps the data keys of `multi_user` sessions (several browsers share
    /// them). `None`: `multi_user` is not honoured and sessions stay cookie-wrapped.
    pub server_key: Option<Arc<store::ServerKey>>,
    /// How long one request may take, body upload included, before it is answered with
    /// 408 (a slow client cannot hold a worker). `None`: [`REQUEST_TIMEOUT`].
    pub request_timeout: Option<std::time::Duration>,
}

/// The default limit on one request's duration (upload of the body included).
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Shared application state of the router.
pub type App = Arc<Config>;

/// Builds the router with every route and the security headers.
pub fn router(config: Config) -> Router {
    let timeout = config.options.request_timeout.unwrap_or(REQUEST_TIMEOUT);
    let app: App = Arc::new(config);
    Router::new()
        .route("/", get(handlers::front_page))
        .route(
            "/interview",
            get(handlers::interview_get).post(handlers::interview_post),
        )
        .route("/static/colloquy.css", get(statics::stylesheet))
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
            security::headers,
        ))
        .with_state(app)
}
