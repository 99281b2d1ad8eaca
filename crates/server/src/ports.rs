//! The server's ports: [`Engine`] (the interview cache) and [`Runner`] (one loaded
//! interview), implemented for the real engine in [`crate::engine_adapter`] and by fakes
//! in tests, and [`PackageFiles`] (the packages' static files).

use std::sync::Arc;

use engine::reference::RefError;
use engine::{LoadError, OwnInputs, RequestContext, Screen, SessionState, Submitted};

/// Why an interview could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadFailure {
    /// The reference is malformed (the client's error).
    #[error(transparent)]
    Invalid(#[from] RefError),
    /// There is no such interview.
    #[error("{0}")]
    Missing(LoadError),
    /// The interview's files are broken; the message is for the interview author
    /// ("file, line n: reason").
    #[error("{0}")]
    Broken(LoadError),
}

/// What the server needs from the engine's interview cache.
pub trait Engine: Send + Sync + 'static {
    /// Loads (or gets from the cache) the interview `reference`.
    fn load(&self, reference: &str) -> Result<Arc<dyn Runner>, LoadFailure>;
    /// The interview `reference` when it is loaded already and [`Engine::load`] would read
    /// no file (no blocking work: callable on an async thread). `None`: use `load`.
    fn cached(&self, _reference: &str) -> Option<Arc<dyn Runner>> {
        None
    }
}

/// One loaded interview, able to run sessions.
pub trait Runner: Send + Sync + 'static {
    /// A fresh session state.
    fn new_session(&self) -> SessionState;
    /// Runs the logic and returns what to show.
    fn next_screen(&self, state: &mut SessionState, ctx: &RequestContext) -> Screen;
    /// [`Runner::next_screen`], and what the run read of the request's own inputs
    /// ([`engine::OwnInputs`]; by default: everything).
    fn next_screen_noting(&self, state: &mut SessionState, ctx: &RequestContext) -> (Screen, OwnInputs) {
        (self.next_screen(state, ctx), OwnInputs::ALL)
    }
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
    /// Applies a posted form and, when it is accepted, runs the logic for the next screen:
    /// the screen to show and whether the answer was stored (a refused answer comes back
    /// with its messages and changes nothing). An engine may do both in one run.
    fn answer(
        &self,
        state: &mut SessionState,
        form: &[(String, String)],
        ctx: &RequestContext,
    ) -> (Screen, bool) {
        match self.submit(state, form, ctx) {
            Submitted::Accepted => (self.next_screen(state, ctx), true),
            Submitted::Invalid(screen) => (screen, false),
        }
    }
    /// Goes back one step; false when there is nothing to go back to.
    fn back(&self, state: &mut SessionState) -> bool;
    /// The interview's static texts, whose Markdown is rendered once (see
    /// [`crate::markdown::with_static_texts`]).
    fn static_texts(&self) -> Option<Arc<engine::StaticTexts>> {
        None
    }
}

/// Reads the files under a package's `data/static` folder.
pub trait PackageFiles: Send + Sync + 'static {
    /// The bytes of `data/static/<path>` of `package`, or `None`. `path` has already been
    /// checked by [`crate::statics::safe_relative`].
    fn read_static(&self, package: &str, path: &str) -> Option<Vec<u8>>;
}
