//! The state of one interview session, serialisable to JSON (serde), never a pickle.
//!
//! `variables` is the user dictionary as JSON (see [`crate::state::to_json`] /
//! [`crate::state::from_json`] for the encoding of values JSON has no type for).
//! History for the back button is kept as small undo records: for each step, the
//! previous values of only the top-level variables that changed, plus the small
//! bookkeeping fields.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

/// How many back steps are remembered.
pub const HISTORY_LIMIT: usize = 100;

/// The session's state: the user dictionary and the engine's bookkeeping.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SessionState {
    /// The user dictionary: top-level variable name → value (JSON encoding of `lang` values).
    #[serde(default)]
    pub variables: Map<String, Json>,
    /// Names of mandatory blocks that have completed (`_internal['answered']`).
    #[serde(default)]
    pub answered: BTreeSet<String>,
    /// Embedded multiple-choice answers: extended question name → chosen index.
    #[serde(default)]
    pub answers: BTreeMap<String, usize>,
    /// Pending actions / `force_ask` events, first = next.
    #[serde(default)]
    pub event_stack: Vec<Event>,
    /// Old values of invalidated variables (`_internal['dirty']`), used as defaults.
    #[serde(default)]
    pub dirty: Map<String, Json>,
    /// Number of steps taken (each accepted submission that changed something adds one).
    #[serde(default)]
    pub steps: u64,
    /// `prevent going back` marker: no back before this step.
    #[serde(default)]
    pub steps_offset: u64,
    /// Current progress-bar value (0–100), if any.
    #[serde(default)]
    pub progress: Option<f64>,
    /// Navigation state (`nav`): current section and sections reached.
    #[serde(default)]
    pub nav: NavState,
    /// The question last shown (its token), so `submit` knows what it answers.
    #[serde(default)]
    pub current: Option<CurrentQuestion>,
    /// `set_info` / user info values.
    #[serde(default)]
    pub info: Map<String, Json>,
    /// Non-reserved URL query arguments (`url_args`).
    #[serde(default)]
    pub url_args: Map<String, Json>,
    /// Undo records for the back button, newest last.
    #[serde(default)]
    pub history: Vec<Undo>,
    /// Variables `force_gather()` insists on, sought at the start of each pass until defined.
    #[serde(default)]
    pub gather: Vec<String>,
    /// A command chosen by a button (exit, restart …), returned by the next `next_screen`.
    #[serde(default)]
    pub pending_command: Option<PendingCommand>,
}

/// A special command chosen on the last screen.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct PendingCommand {
    /// `exit`, `restart`, `leave`, …
    pub command: String,
    /// Redirect URL, if any.
    #[serde(default)]
    pub url: Option<String>,
}

/// A pending action or forced question.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Event {
    /// The action (event name or variable name).
    pub action: String,
    /// Its arguments (`action_argument`).
    #[serde(default)]
    pub arguments: Map<String, Json>,
}

/// Navigation bookkeeping.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct NavState {
    /// Current section key, if set.
    #[serde(default)]
    pub current: Option<String>,
    /// Section keys reached so far.
    #[serde(default)]
    pub visited: BTreeSet<String>,
}

/// The question shown last, with what `submit` needs to accept an answer for it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct CurrentQuestion {
    /// The token posted back as `_question`.
    pub token: String,
    /// Index of the block in the interview.
    pub block: usize,
    /// For an embedded question: the index of the choice of `block` that holds it.
    #[serde(default)]
    pub choice: Option<usize>,
    /// The event (action) this screen serves; popped when it is answered.
    #[serde(default)]
    pub event: Option<String>,
    /// Iterator/generic bindings in force when it was asked (`i`, `x` …) as JSON.
    #[serde(default)]
    pub bindings: Map<String, Json>,
    /// The variable that was sought when it was asked (for event popping).
    #[serde(default)]
    pub sought: Option<String>,
    /// Extended question name (embedded choices memory).
    #[serde(default)]
    pub name: String,
}

/// What the back button needs to restore the previous step.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Undo {
    /// Previous values of changed top-level variables (`None` = it did not exist).
    pub variables: BTreeMap<String, Option<Json>>,
    /// When true, `variables` still holds the whole previous dictionary (not yet reduced).
    #[serde(default)]
    pub full: bool,
    /// Previous `answered` set.
    pub answered: BTreeSet<String>,
    /// Previous embedded answers.
    pub answers: BTreeMap<String, usize>,
    /// Previous event stack.
    pub event_stack: Vec<Event>,
    /// Previous dirty values.
    pub dirty: Map<String, Json>,
    /// Previous progress.
    pub progress: Option<f64>,
    /// Previous nav state.
    pub nav: NavState,
    /// Previous current question.
    pub current: Option<CurrentQuestion>,
    /// Previous info.
    pub info: Map<String, Json>,
}

impl SessionState {
    /// A fresh, empty session state.
    pub fn new() -> SessionState {
        SessionState::default()
    }

    /// Serialise to JSON text.
    pub fn to_json_string(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }

    /// Parse from JSON text.
    pub fn from_json_str(text: &str) -> Result<SessionState, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Remember the current state as a full undo record (reduced later by [`Self::seal_undo`]).
    pub fn push_undo(&mut self) {
        let rec = Undo {
            variables: self.variables.iter().map(|(k, v)| (k.clone(), Some(v.clone()))).collect(),
            full: true,
            answered: self.answered.clone(),
            answers: self.answers.clone(),
            event_stack: self.event_stack.clone(),
            dirty: self.dirty.clone(),
            progress: self.progress,
            nav: self.nav.clone(),
            current: self.current.clone(),
            info: self.info.clone(),
        };
        self.history.push(rec);
        if self.history.len() > HISTORY_LIMIT {
            let excess = self.history.len() - HISTORY_LIMIT;
            self.history.drain(0..excess);
        }
    }

    /// Reduce a full undo record on top of the history to the variables that changed.
    pub fn seal_undo(&mut self) {
        let Some(last) = self.history.last_mut() else { return };
        if !last.full {
            return;
        }
        let mut diff = BTreeMap::new();
        for (k, old) in &last.variables {
            match self.variables.get(k) {
                Some(now) if Some(now) == old.as_ref() => {}
                _ => {
                    diff.insert(k.clone(), old.clone());
                }
            }
        }
        for k in self.variables.keys() {
            if !last.variables.contains_key(k) {
                diff.insert(k.clone(), None);
            }
        }
        last.variables = diff;
        last.full = false;
    }

    /// Restore the previous step; false when there is none.
    pub fn pop_undo(&mut self) -> bool {
        let Some(rec) = self.history.pop() else { return false };
        if rec.full {
            self.variables = rec.variables.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect();
        } else {
            for (k, old) in rec.variables {
                match old {
                    Some(v) => {
                        self.variables.insert(k, v);
                    }
                    None => {
                        self.variables.remove(&k);
                    }
                }
            }
        }
        self.answered = rec.answered;
        self.answers = rec.answers;
        self.event_stack = rec.event_stack;
        self.dirty = rec.dirty;
        self.progress = rec.progress;
        self.nav = rec.nav;
        self.current = rec.current;
        self.info = rec.info;
        self.steps = self.steps.saturating_sub(1);
        true
    }
}
