//! The [`crate::Engine`] / [`crate::Runner`] implementations for the real engine:
//! [`engine::Library`] is the interview cache, [`engine::Interview`] runs sessions.

use std::sync::Arc;

use engine::{
    Interview, InterviewRef, Library, LoadError, OwnInputs, RequestContext, Screen, SessionState, Submitted,
};

use crate::ports::{Engine, LoadFailure, Runner};

impl Engine for Library {
    fn load(&self, reference: &str) -> Result<Arc<dyn Runner>, LoadFailure> {
        let wanted = InterviewRef::parse(reference)?;
        match self.get(reference) {
            Ok(interview) => Ok(interview as Arc<dyn Runner>),
            Err(LoadError::Reference(e)) => Err(LoadFailure::Invalid(e)),
            // The requested file itself cannot be read: there is no such interview (an
            // include that cannot be read is the author's error).
            Err(LoadError::Read { file, reason }) if file == wanted.to_string() => {
                Err(LoadFailure::Missing(LoadError::Read { file, reason }))
            }
            Err(e) => Err(LoadFailure::Broken(e)),
        }
    }
    fn cached(&self, reference: &str) -> Option<Arc<dyn Runner>> {
        Library::cached(self, reference).map(|i| i as Arc<dyn Runner>)
    }
}

impl Runner for Interview {
    fn new_session(&self) -> SessionState {
        Interview::new_session(self)
    }
    fn temporary_session(&self) -> bool {
        Interview::temporary_session(self)
    }
    fn next_screen(&self, state: &mut SessionState, ctx: &RequestContext) -> Screen {
        Interview::next_screen(self, state, ctx)
    }
    fn next_screen_noting(&self, state: &mut SessionState, ctx: &RequestContext) -> (Screen, OwnInputs) {
        Interview::next_screen_noting(self, state, ctx)
    }
    fn submit(
        &self,
        state: &mut SessionState,
        form: &[(String, String)],
        ctx: &RequestContext,
    ) -> Submitted {
        Interview::submit(self, state, form, ctx)
    }
    fn answer(
        &self,
        state: &mut SessionState,
        form: &[(String, String)],
        ctx: &RequestContext,
    ) -> (Screen, bool) {
        Interview::answer(self, state, form, ctx)
    }
    fn back(&self, state: &mut SessionState) -> bool {
        Interview::back(self, state)
    }
    fn static_texts(&self) -> Option<Arc<engine::StaticTexts>> {
        Some(self.static_texts.clone())
    }
}
