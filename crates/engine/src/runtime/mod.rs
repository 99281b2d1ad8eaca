//! The interview runtime: docassemble's next-screen algorithm, form submission and back.

/// Per-request inputs the engine needs from the server; the engine never reads the clock.
#[derive(Debug, Clone)]
pub struct RequestContext {
    /// The current time (local time of the interview).
    pub now: chrono::NaiveDateTime,
    /// Base URL of the site, e.g. `http://127.0.0.1:8080` (no trailing slash).
    pub base_url: String,
    /// URL of this interview, e.g. `/interview?i=docassemble.base:data/questions/examples/fields.yml`.
    pub interview_url: String,
    /// The action requested by the browser (the `action` query parameter as produced by
    /// `url_action`, already validated by the server), if any.
    pub action: Option<String>,
}
