//! The request's window on the world: [`RequestContext`] (time, URLs, URL arguments,
//! the requested action, the random seed, the host's [`ActionSigner`], the deadline).

use serde_json::{Map, Value as Json};

use crate::links::ActionSigner;

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
    /// The session's id. `interview_url()` adds it as `session=` while the answers say
    /// `multi_user = True`, so the link lets another browser join (docassemble's behaviour).
    pub session_id: Option<String>,
    /// The request's query parameters that are not reserved ([`crate::links::RESERVED_QUERY`]),
    /// parsed once by the server; they are added to `url_args`.
    pub url_args: Vec<(String, String)>,
    /// A per-request random seed for the interview's `random` module (from the host's RNG).
    pub seed: u64,
    /// Signs the action links the engine makes (`action_sig`); `None`: left unsigned.
    pub sign_action: Option<ActionSigner>,
    /// When the request's evaluations must stop (the sandbox's time limit), if any; every
    /// evaluation also has its own time limit.
    pub deadline: Option<std::time::Instant>,
    /// Debug mode (the server's `--debug`): the attachment box shows the Markdown tab unless
    /// the interview's `features: debug` says otherwise.
    pub debug: bool,
    /// The files posted with this request's form ([`crate::upload::Upload`]), by form field.
    pub uploads: Vec<crate::upload::Upload>,
    /// Reads the bytes of the session's earlier files (uploads, documents) from the host's
    /// store, for `slurp()`, `size_in_bytes()` and `num_pages()`; `None`: not available.
    pub file_reader: Option<crate::upload::FileReader>,
    /// The host typesets PDFs from Markdown (the server's `pdf` feature): a Markdown
    /// document that wants `pdf` gets a PDF file, made when it is first requested. Without
    /// it the PDF is left out of the box, as a format that cannot be produced.
    pub typeset_pdf: bool,
}

impl RequestContext {
    /// A context for tests and tools: fixed time, local URLs.
    pub fn for_tests(interview: &str) -> RequestContext {
        RequestContext {
            now: chrono::NaiveDate::from_ymd_opt(2024, 1, 15)
                .and_then(|d| d.and_hms_opt(12, 0, 0))
                .unwrap_or_default(),
            base_url: "http://127.0.0.1:8080".into(),
            interview_url: format!("/interview?i={interview}"),
            action: None,
            session_id: None,
            url_args: Vec::new(),
            seed: 0,
            sign_action: None,
            deadline: None,
            debug: false,
            uploads: Vec::new(),
            file_reader: None,
            typeset_pdf: false,
        }
    }

    /// `url` signed again for this request when it is a signed action link (a link kept in
    /// the answers carries the signature of the request that made it).
    pub fn resign(&self, url: &str) -> String {
        match &self.sign_action {
            Some(s) => crate::links::resign_action_link(url, &|a| s.sign(a)),
            None => url.to_string(),
        }
    }

    /// The URL that runs `action` with `arguments` in this interview, signed when the
    /// context has a signer.
    pub fn action_url(&self, action: &str, arguments: &Map<String, Json>) -> String {
        crate::links::encode_action_url(&self.interview_url, self.sign_action.as_ref(), action, arguments)
    }
}

/// The inputs of a request that are its own, not shared with other requests for the same
/// URL: what a run of the logic read of them ([`crate::Interview::next_screen_noting`]).
///
/// Everything else a run reads is the interview, the session's state and the context's
/// URLs, URL arguments and server flags. So two runs on a fresh state that read none of
/// these, for the same interview revision and the same URLs and arguments, give the same
/// screen and the same state: a host may make such a first screen once and give it to
/// every new session (the server does, [`RequestContext`] being the engine's only window
/// on the request).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OwnInputs(u8);

impl OwnInputs {
    /// The time (`today()`, `current_datetime()`, ages …).
    pub const CLOCK: OwnInputs = OwnInputs(1);
    /// The random seed (the `random` module drew from its generator).
    pub const RANDOM: OwnInputs = OwnInputs(2);
    /// The session: its id, the signer of its action links, its stored files.
    pub const SESSION: OwnInputs = OwnInputs(4);
    /// The request's action or its uploads.
    pub const REQUEST: OwnInputs = OwnInputs(8);
    /// Something went wrong on the way (an error screen, a limit): the outcome may depend
    /// on how long things took.
    pub const TROUBLE: OwnInputs = OwnInputs(16);
    /// Everything: nothing is known of what the run read.
    pub const ALL: OwnInputs = OwnInputs(31);

    /// No input of the request's own was read.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether every input of `other` is in `self`.
    pub fn contains(self, other: OwnInputs) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for OwnInputs {
    type Output = OwnInputs;
    fn bitor(self, other: OwnInputs) -> OwnInputs {
        OwnInputs(self.0 | other.0)
    }
}

impl std::ops::BitOrAssign for OwnInputs {
    fn bitor_assign(&mut self, other: OwnInputs) {
        self.0 |= other.0;
    }
}
