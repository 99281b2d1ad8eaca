//! The first screen of an interview, made once and given to every new session.
//!
//! A fresh session's first run reads nothing of the request's own when the logic does not
//! look at the clock, the random generator or the session: the engine says so
//! ([`engine::OwnInputs`]), and its screen and state are then those of every other
//! visitor of the same URL. The server keeps them: the page cut where the session's CSRF
//! token goes, the state's JSON cut where its link epoch goes. A new session is then an
//! insert into the store and no run of the logic, and its page is the same bytes the
//! engine and the renderer would have made (`tests/first_screens.rs` compares them).
//!
//! Kept per load of the interview (an interview reloaded in `--dev` mode starts over), per
//! base URL and per URL arguments. Both of those come from the visitor, so the cache holds
//! at most [`MAX_ENTRIES`] entries and is emptied, not grown, when full. What is kept is
//! the interview's text as any visitor sees it: nothing of a session, no answer.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use engine::{QuestionScreen, SessionState};

use crate::ports::Runner;

/// Most first screens kept at once.
pub const MAX_ENTRIES: usize = 256;

/// What a first screen is kept under.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FirstKey {
    reference: String,
    base_url: String,
    args: Vec<(String, String)>,
}

impl FirstKey {
    /// The key of interview `reference` served at `base_url` with URL arguments `args`.
    pub fn new(reference: &str, base_url: &str, args: &[(String, String)]) -> FirstKey {
        FirstKey { reference: reference.to_string(), base_url: base_url.to_string(), args: args.to_vec() }
    }
}

/// One interview's first screen as every new session gets it.
pub struct FirstScreen {
    /// The load of the interview it was made by (weak: a reloaded interview is not kept
    /// alive by its old first screens, and its memory is not reused while this points
    /// to it).
    runner: Weak<dyn Runner>,
    /// The page between the places of the CSRF token.
    page: Vec<String>,
    /// The state's JSON before and after its link epoch.
    state: (String, String),
    /// The question's block (for the log).
    pub block: String,
}

impl FirstScreen {
    /// The page with the session's CSRF token.
    pub fn page(&self, csrf: &str) -> String {
        let len = self.page.iter().map(String::len).sum::<usize>() + csrf.len() * self.page.len().saturating_sub(1);
        let mut out = String::with_capacity(len);
        for (i, part) in self.page.iter().enumerate() {
            if i > 0 {
                out.push_str(csrf);
            }
            out.push_str(part);
        }
        out
    }

    /// The state's JSON with the session's link epoch.
    pub fn state(&self, epoch: &str) -> String {
        let (before, after) = &self.state;
        let mut out = String::with_capacity(before.len() + epoch.len() + after.len());
        out.push_str(before);
        out.push_str(epoch);
        out.push_str(after);
        out
    }
}

/// The first screens of the interviews served (a clone shares them).
#[derive(Clone)]
pub struct FirstScreens {
    /// Stands for the CSRF token and the link epoch while a first screen is made: random
    /// hex, so it passes every escaping unchanged and no interview text holds it.
    marker: Option<String>,
    entries: Arc<Mutex<HashMap<FirstKey, Arc<FirstScreen>>>>,
}

impl Default for FirstScreens {
    fn default() -> FirstScreens {
        let mut bytes = [0u8; 16];
        let marker = getrandom::fill(&mut bytes).ok().map(|()| hex::encode(bytes));
        FirstScreens { marker, entries: Arc::default() }
    }
}

impl FirstScreens {
    /// A cache that keeps nothing: every first screen is made by the engine.
    pub fn off() -> FirstScreens {
        FirstScreens { marker: None, entries: Arc::default() }
    }

    /// Whether first screens are kept.
    pub fn is_on(&self) -> bool {
        self.marker.is_some()
    }

    /// The first screen kept under `key`, if it was made by `runner` (this load of the
    /// interview).
    pub fn get(&self, key: &FirstKey, runner: &Arc<dyn Runner>) -> Option<Arc<FirstScreen>> {
        let entries = self.entries.lock().ok()?;
        let first = entries.get(key)?;
        same_load(&first.runner, runner).then(|| first.clone())
    }

    /// How many first screens are kept.
    pub fn len(&self) -> usize {
        self.entries.lock().map(|e| e.len()).unwrap_or(0)
    }

    /// Whether none is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Makes the first screen of `q` and `state` (a fresh session's first run, which read
    /// nothing of its own) with `render` (the page of a CSRF token), keeps it under `key`
    /// and returns it. `None` when this screen cannot be given to other sessions: a final
    /// screen of a temporary session, a page with its own script or style (it gets a nonce
    /// per response), documents made on the way, answers that ask for sharing.
    pub fn make(
        &self,
        key: FirstKey,
        runner: &Arc<dyn Runner>,
        q: &QuestionScreen,
        state: &SessionState,
        render: impl FnOnce(&str) -> String,
    ) -> Option<Arc<FirstScreen>> {
        let marker = self.marker.as_deref()?;
        let own_nonce = q.script.as_deref().is_some_and(|t| !t.trim().is_empty())
            || q.css.as_deref().is_some_and(|t| !t.trim().is_empty());
        if own_nonce
            || (runner.temporary_session() && q.is_final())
            || !state.produced.is_empty()
            || state.wants_sharing()
            || state.pending_command.is_some()
        {
            return None;
        }
        let mut kept = state.clone();
        kept.link_epoch = marker.to_string();
        let json = kept.to_json_string();
        let mut halves = json.split(marker);
        let state = match (halves.next(), halves.next(), halves.next()) {
            (Some(before), Some(after), None) => (before.to_string(), after.to_string()),
            _ => return None,
        };
        let page = render(marker).split(marker).map(str::to_string).collect();
        let first = Arc::new(FirstScreen { runner: Arc::downgrade(runner), page, state, block: q.block_name.clone() });
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(key, first.clone());
        }
        Some(first)
    }
}

/// Whether `a` and `b` are the same load of an interview.
fn same_load(a: &Weak<dyn Runner>, b: &Arc<dyn Runner>) -> bool {
    std::ptr::eq(a.as_ptr().cast::<()>(), Arc::as_ptr(b).cast::<()>())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_page_and_the_state_take_the_session_s_token_and_epoch_where_the_marker_was() {
        let first = FirstScreen {
            runner: Arc::downgrade(&(Arc::new(NoRunner) as Arc<dyn Runner>)),
            page: vec!["<a ".into(), "> <b ".into(), ">".into()],
            state: ("{\"link_epoch\":\"".into(), "\"}".into()),
            block: String::new(),
        };
        assert_eq!(first.page("T"), "<a T> <b T>");
        assert_eq!(first.state("e1"), "{\"link_epoch\":\"e1\"}");
    }

    struct NoRunner;

    impl Runner for NoRunner {
        fn new_session(&self) -> SessionState {
            SessionState::new()
        }
        fn next_screen(&self, _: &mut SessionState, _: &engine::RequestContext) -> engine::Screen {
            engine::Screen::Error { message: String::new() }
        }
        fn submit(&self, _: &mut SessionState, _: &[(String, String)], _: &engine::RequestContext) -> engine::Submitted {
            engine::Submitted::Accepted
        }
        fn back(&self, _: &mut SessionState) -> bool {
            false
        }
    }

    #[test]
    fn a_full_cache_is_emptied_not_grown() {
        let cache = FirstScreens::default();
        let runner: Arc<dyn Runner> = Arc::new(NoRunner);
        let q = QuestionScreen::default();
        let state = SessionState::new();
        for i in 0..MAX_ENTRIES + 3 {
            let key = FirstKey::new("p:x.yml", &format!("http://host{i}"), &[]);
            assert!(cache.make(key.clone(), &runner, &q, &state, |csrf| format!("<p>{csrf}</p>")).is_some());
            assert!(cache.get(&key, &runner).is_some());
            assert!(cache.len() <= MAX_ENTRIES);
        }
        assert_eq!(cache.len(), 3);
        // another load of the interview does not get this one's screen
        let other: Arc<dyn Runner> = Arc::new(NoRunner);
        let key = FirstKey::new("p:x.yml", "http://host0", &[]);
        cache.make(key.clone(), &runner, &q, &state, |csrf| csrf.to_string()).unwrap();
        assert!(cache.get(&key, &other).is_none());
        assert!(FirstScreens::off().make(key, &runner, &q, &state, |c| c.to_string()).is_none());
    }
}
