//! The [`crate::Engine`] / [`crate::Runner`] implementations for the real engine:
//! [`engine::Library`] is the interview cache, [`engine::Interview`] runs sessions.

use std::sync::Arc;

use engine::{Interview, Library, RequestContext, Screen, SessionState, Submitted};

use crate::{Engine, Runner};

impl Engine for Library {
    fn load(&self, reference: &str) -> Result<Arc<dyn Runner>, String> {
        match self.get(reference) {
            Ok(interview) => Ok(interview as Arc<dyn Runner>),
            Err(e) => Err(e.to_string()),
        }
    }
}

impl Runner for Interview {
    fn new_session(&self) -> SessionState {
        Interview::new_session(self)
    }
    fn temporary_session(&self) -> bool {
        use engine::yaml::Value;
        match self.metadata.raw.get("temporary session").map(|n| &n.value) {
            Some(Value::Bool(b)) => *b,
            Some(Value::Str(s)) => matches!(
                s.trim().to_ascii_lowercase().as_str(),
                "true" | "yes" | "on"
            ),
            Some(Value::Int(i)) => *i != 0,
            _ => false,
        }
    }
    fn next_screen(&self, state: &mut SessionState, ctx: &RequestContext) -> Screen {
        Interview::next_screen(self, state, ctx)
    }
    fn submit(
        &self,
        state: &mut SessionState,
        form: &[(String, String)],
        ctx: &RequestContext,
    ) -> Submitted {
        Interview::submit(self, state, form, ctx)
    }
    fn back(&self, state: &mut SessionState) -> bool {
        Interview::back(self, state)
    }
}
