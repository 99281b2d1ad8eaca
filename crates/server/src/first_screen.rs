//! The first screen of an interview, made once and given to every new session.
//!
//! A fresh session's first run reads nothing of the request's own when the logic does not
//! look at the clock, the random generator or the session: the engine says so
//! ([`engine::OwnInputs`]), and its screen and state are then those of every other
//! visitor of the same URL. The server keeps them: the page cut where the session's CSRF
//! token and the response's CSP nonce go, the state's JSON cut where its link epoch goes. A new session is then an
//! insert into the store and no run of the logic, and its page is the same bytes the
//! engine and the renderer would have made (`tests/integration/first_screens.rs` compares them).
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

/// What goes into a hole of a kept page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hole {
    /// The session's CSRF token.
    Csrf,
    /// The response's CSP nonce (of the interview's own script and style).
    Nonce,
}

/// One interview's first screen as every new session gets it.
pub struct FirstScreen {
    /// The load of the interview it was made by (weak: a reloaded interview is not kept
    /// alive by its old first screens, and its memory is not reused while this points
    /// to it).
    runner: Weak<dyn Runner>,
    /// The page's text between its holes: one more than `holes`.
    text: Vec<String>,
    /// The holes, in order.
    holes: Vec<Hole>,
    /// The state's JSON before and after its link epoch.
    state: (String, String),
    /// The state as a session's first answer starts from: read back from that JSON with
    /// an empty link epoch (once, here, not at each first answer).
    fresh: SessionState,
    /// The page has the interview's own script or style: each response gets its own nonce.
    pub wants_nonce: bool,
    /// The question's block (for the log).
    pub block: String,
}

impl FirstScreen {
    /// The page with the session's CSRF token and the response's nonce.
    pub fn page(&self, csrf: &str, nonce: &str) -> String {
        let len = self.text.iter().map(String::len).sum::<usize>() + csrf.len().max(nonce.len()) * self.holes.len();
        let mut out = String::with_capacity(len);
        for (i, part) in self.text.iter().enumerate() {
            if i > 0 {
                out.push_str(match self.holes[i - 1] {
                    Hole::Csrf => csrf,
                    Hole::Nonce => nonce,
                });
            }
            out.push_str(part);
        }
        out
    }

    /// The state a session's first answer starts from (the stored state with an empty
    /// link epoch).
    pub fn fresh_state(&self) -> SessionState {
        self.fresh.clone()
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

/// `page` cut at each `csrf` and `nonce` marker: the text between them, and the holes.
fn cut(page: &str, csrf: &str, nonce: &str) -> (Vec<String>, Vec<Hole>) {
    let (mut text, mut holes) = (Vec::new(), Vec::new());
    let mut rest = page;
    loop {
        let next = [(rest.find(csrf), Hole::Csrf, csrf.len()), (rest.find(nonce), Hole::Nonce, nonce.len())]
            .into_iter()
            .filter_map(|(at, hole, len)| at.map(|at| (at, hole, len)))
            .min_by_key(|(at, _, _)| *at);
        match next {
            Some((at, hole, len)) => {
                text.push(rest[..at].to_string());
                holes.push(hole);
                rest = &rest[at + len..];
            }
            None => {
                text.push(rest.to_string());
                return (text, holes);
            }
        }
    }
}

/// The first screens of the interviews served (a clone shares them).
#[derive(Clone)]
pub struct FirstScreens {
    /// Stand for the CSRF token and the link epoch, and for the nonce, while a first
    /// screen is made: random hex, so they pass every escaping unchanged and no interview
    /// text holds them.
    markers: Option<(String, String)>,
    entries: Arc<Mutex<HashMap<FirstKey, Arc<FirstScreen>>>>,
}

impl Default for FirstScreens {
    fn default() -> FirstScreens {
        let mut bytes = [0u8; 32];
        let markers = getrandom::fill(&mut bytes).ok().map(|()| (hex::encode(&bytes[..16]), hex::encode(&bytes[16..])));
        FirstScreens { markers, entries: Arc::default() }
    }
}

impl FirstScreens {
    /// A cache that keeps nothing: every first screen is made by the engine.
    pub fn off() -> FirstScreens {
        FirstScreens { markers: None, entries: Arc::default() }
    }

    /// Whether first screens are kept.
    pub fn is_on(&self) -> bool {
        self.markers.is_some()
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
    /// nothing of its own) with `render` (the page for a CSRF token and a nonce), keeps it
    /// under `key` and returns it. `None` when this screen cannot be given to other
    /// sessions: the final screen of a temporary session, documents made on the way,
    /// answers that ask for sharing.
    pub fn make(
        &self,
        key: FirstKey,
        runner: &Arc<dyn Runner>,
        q: &QuestionScreen,
        state: &SessionState,
        render: impl FnOnce(&str, Option<&str>) -> String,
    ) -> Option<Arc<FirstScreen>> {
        let (csrf, nonce) = self.markers.as_ref()?;
        if (runner.temporary_session() && q.is_final())
            || !state.produced.is_empty()
            || state.wants_sharing()
            || state.pending_command.is_some()
        {
            return None;
        }
        let mut kept = state.clone();
        kept.link_epoch = csrf.clone();
        let json = kept.to_json_string();
        let mut halves = json.split(csrf.as_str());
        let state = match (halves.next(), halves.next(), halves.next()) {
            (Some(before), Some(after), None) => (before.to_string(), after.to_string()),
            _ => return None,
        };
        let fresh = SessionState::from_json_str(&[state.0.as_str(), state.1.as_str()].concat()).ok()?;
        let wants_nonce = q.script.as_deref().is_some_and(|t| !t.trim().is_empty())
            || q.css.as_deref().is_some_and(|t| !t.trim().is_empty());
        let (text, holes) = cut(&render(csrf, wants_nonce.then_some(nonce.as_str())), csrf, nonce);
        let first = Arc::new(FirstScreen {
            runner: Arc::downgrade(runner),
            text,
            holes,
            state,
            fresh,
            wants_nonce,
            block: q.block_name.clone(),
        });
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
    fn the_page_and_the_state_take_the_session_s_token_nonce_and_epoch_where_the_markers_were() {
        let (text, holes) = cut("<a CCC> <s NNN> <b CCC>CCC", "CCC", "NNN");
        assert_eq!(holes, [Hole::Csrf, Hole::Nonce, Hole::Csrf, Hole::Csrf]);
        let first = FirstScreen {
            runner: Arc::downgrade(&(Arc::new(NoRunner) as Arc<dyn Runner>)),
            text,
            holes,
            state: ("{\"link_epoch\":\"".into(), "\"}".into()),
            fresh: SessionState::new(),
            wants_nonce: true,
            block: String::new(),
        };
        assert_eq!(first.page("T", "n"), "<a T> <s n> <b T>T");
        assert_eq!(first.state("e1"), "{\"link_epoch\":\"e1\"}");
        assert_eq!(cut("plain", "CCC", "NNN"), (vec!["plain".to_string()], vec![]));
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
            assert!(cache.make(key.clone(), &runner, &q, &state, |csrf, _| format!("<p>{csrf}</p>")).is_some());
            assert!(cache.get(&key, &runner).is_some());
            assert!(cache.len() <= MAX_ENTRIES);
        }
        assert_eq!(cache.len(), 3);
        // another load of the interview does not get this one's screen
        let other: Arc<dyn Runner> = Arc::new(NoRunner);
        let key = FirstKey::new("p:x.yml", "http://host0", &[]);
        cache.make(key.clone(), &runner, &q, &state, |csrf, _| csrf.to_string()).unwrap();
        assert!(cache.get(&key, &other).is_none());
        assert!(FirstScreens::off().make(key, &runner, &q, &state, |c, _| c.to_string()).is_none());
    }

    #[test]
    fn answers_that_ask_for_sharing_and_pending_commands_are_not_kept() {
        let cache = FirstScreens::default();
        let runner: Arc<dyn Runner> = Arc::new(NoRunner);
        let q = QuestionScreen::default();
        let key = FirstKey::new("p:x.yml", "http://h", &[]);
        let mut sharing = SessionState::new();
        sharing.variables.insert("multi_user".into(), serde_json::Value::Bool(true));
        assert!(cache.make(key.clone(), &runner, &q, &sharing, |c, _| c.to_string()).is_none());
        let mut pending = SessionState::new();
        pending.pending_command = serde_json::from_str(r#"{"command": "exit", "url": null}"#).ok();
        assert!(pending.pending_command.is_some());
        assert!(cache.make(key.clone(), &runner, &q, &pending, |c, _| c.to_string()).is_none());
        assert!(cache.is_empty());
        // the page's script or style gets a nonce per response
        let scripted = QuestionScreen { script: Some("<script>x()</script>".into()), ..Default::default() };
        let first = cache.make(key, &runner, &scripted, &SessionState::new(), |c, n| format!("{c}|{}", n.unwrap_or("-"))).unwrap();
        assert!(first.wants_nonce);
        assert_eq!(first.page("T", "N"), "T|N");
    }
}
