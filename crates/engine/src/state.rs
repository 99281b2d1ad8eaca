//! The state of one interview session, serialisable to JSON (serde), never a pickle.
//!
//! `variables` is the user dictionary as JSON (see [`crate::state::to_json`] /
//! [`crate::state::from_json`] for the encoding of values JSON has no type for).
//! History for the back button is kept as small undo records: for each step, the
//! previous values of only the places in the dictionary that changed (a path such as
//! `people`, 3, `name`), plus the bookkeeping fields that changed.

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
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub answered: BTreeSet<String>,
    /// Embedded multiple-choice answers: extended question name → chosen index.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, usize>,
    /// Pending actions / `force_ask` events, first = next.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event_stack: Vec<Event>,
    /// Old values of invalidated variables (`_internal['dirty']`), used as defaults.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub dirty: Map<String, Json>,
    /// Number of steps taken (each accepted submission that changed something adds one).
    #[serde(default)]
    pub steps: u64,
    /// `prevent going back` marker: no back before this step.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub steps_offset: u64,
    /// Current progress-bar value (0–100), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<f64>,
    /// Navigation state (`nav`): current section and sections reached.
    #[serde(default, skip_serializing_if = "NavState::is_empty")]
    pub nav: NavState,
    /// The question last shown (its token), so `submit` knows what it answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<CurrentQuestion>,
    /// `set_info` / user info values.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub info: Map<String, Json>,
    /// Non-reserved URL query arguments (`url_args`).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub url_args: Map<String, Json>,
    /// Undo records for the back button, newest last.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<UndoRecord>,
    /// Variables `force_gather()` insists on, sought at the start of each pass until defined.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gather: Vec<String>,
    /// A command chosen by a button (exit, restart …), returned by the next `next_screen`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_command: Option<PendingCommand>,
    /// The host's random mark of the last save; action links are signed for it, so a link
    /// stops working once the state is saved again. The engine never reads it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link_epoch: String,
    /// The session's files (assembled documents): number → name and type. The server keeps
    /// their bytes, sealed, in the session's blobs.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub files: BTreeMap<u64, crate::attach::view::StoredFile>,
    /// Assembled files by a hash of their content and name, so that a re-shown screen makes
    /// no new file.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub doc_cache: BTreeMap<String, u64>,
    /// Files made by this step that the server has not stored yet (never serialised): the
    /// server takes them with [`SessionState::take_produced`] and stores them with the state.
    #[serde(skip)]
    pub produced: Vec<crate::attach::view::ProducedFile>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<usize>,
    /// The event (action) this screen serves; popped when it is answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Iterator/generic bindings in force when it was asked (`i`, `x` …) as JSON.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub bindings: Map<String, Json>,
    /// The variable that was sought when it was asked (for event popping).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sought: Option<String>,
    /// Extended question name (embedded choices memory).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// What the screen offered, kept so that the answer is checked against it without
    /// building the screen again (only plain values; see `runtime::ask::kept`). Shared, not
    /// copied, when the state is: a new session's first screen is made once and every new
    /// session starts from a copy of its state.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "shared_form")]
    pub(crate) form: Option<std::sync::Arc<crate::runtime::KeptForm>>,
}

/// [`CurrentQuestion::form`] as JSON: the description itself.
mod shared_form {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::runtime::KeptForm;

    pub fn serialize<S: Serializer>(form: &Option<Arc<KeptForm>>, s: S) -> Result<S::Ok, S::Error> {
        form.as_deref().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Arc<KeptForm>>, D::Error> {
        Ok(Option::<KeptForm>::deserialize(d)?.map(Arc::new))
    }
}

/// What the back button needs to restore the previous step.
///
/// A sealed record holds only what the step changed: `patch` has the previous value of each
/// changed place *inside* the user dictionary (`people[3].name.first`, not the whole
/// `people` list), and the bookkeeping fields are kept only when they changed. So a record
/// is as small as the step, and a long interview does not make each step dearer.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Undo {
    /// Previous values of changed top-level variables (`None` = it did not exist); while
    /// `full`, the whole previous dictionary. Records written before `patch` existed use it too.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub variables: BTreeMap<String, Option<Json>>,
    /// When true, `variables` still holds the whole previous dictionary (not yet reduced).
    #[serde(default, skip_serializing_if = "is_false")]
    pub full: bool,
    /// The changed places of the dictionary with their previous values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patch: Vec<Change>,
    /// Previous `answered` set (when it changed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<BTreeSet<String>>,
    /// Previous embedded answers (when they changed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<BTreeMap<String, usize>>,
    /// Previous event stack (when it changed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_stack: Option<Vec<Event>>,
    /// Previous dirty values (when they changed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dirty: Option<Map<String, Json>>,
    /// Previous progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<f64>,
    /// Previous nav state (when it changed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nav: Option<NavState>,
    /// Previous current question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<CurrentQuestion>,
    /// Previous info (when it changed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<Map<String, Json>>,
}

/// An undo record as the state holds it. A record read with the state stays JSON text,
/// copied as it is when the state is written again and read only when Back restores it: a
/// step of a long interview no longer parses and writes every earlier step's record (at
/// step 30 of the list-gathering benchmark the history was a quarter of the step).
#[derive(Debug, Clone)]
pub enum UndoRecord {
    /// As read with the stored state: its JSON text.
    Kept(Box<serde_json::value::RawValue>),
    /// Made by this step.
    Made(Box<Undo>),
}

impl UndoRecord {
    /// The record, read (`None` if its text is not a record).
    pub fn undo(&self) -> Option<Undo> {
        match self {
            UndoRecord::Kept(text) => serde_json::from_str(text.get()).ok(),
            UndoRecord::Made(undo) => Some((**undo).clone()),
        }
    }

    fn into_undo(self) -> Option<Undo> {
        match self {
            UndoRecord::Kept(text) => serde_json::from_str(text.get()).ok(),
            UndoRecord::Made(undo) => Some(*undo),
        }
    }

    /// The record's JSON text.
    fn text(&self) -> String {
        match self {
            UndoRecord::Kept(text) => text.get().to_string(),
            UndoRecord::Made(undo) => serde_json::to_string(undo).unwrap_or_default(),
        }
    }
}

impl PartialEq for UndoRecord {
    fn eq(&self, other: &UndoRecord) -> bool {
        match (self, other) {
            (UndoRecord::Made(a), UndoRecord::Made(b)) => a == b,
            _ => self.text() == other.text(),
        }
    }
}

impl Serialize for UndoRecord {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            UndoRecord::Kept(text) => text.serialize(s),
            UndoRecord::Made(undo) => undo.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for UndoRecord {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<UndoRecord, D::Error> {
        Box::<serde_json::value::RawValue>::deserialize(d).map(UndoRecord::Kept)
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl NavState {
    fn is_empty(&self) -> bool {
        self.current.is_none() && self.visited.is_empty()
    }
}

/// One step of a path into the user dictionary: a number or a string in JSON.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(untagged)]
pub enum PathKey {
    /// A list index.
    Index(usize),
    /// A key of a JSON object.
    Key(String),
}

// By hand: serde's `untagged` buffers each key and tries the variants in turn, formatting an
// error for each miss (several times the cost of reading the key).
impl<'de> Deserialize<'de> for PathKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<PathKey, D::Error> {
        struct KeyVisitor;
        impl serde::de::Visitor<'_> for KeyVisitor {
            type Value = PathKey;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list index or a key")
            }
            fn visit_u64<E: serde::de::Error>(self, u: u64) -> Result<PathKey, E> {
                usize::try_from(u).map(PathKey::Index).map_err(|_| E::custom("a list index beyond the address space"))
            }
            fn visit_i64<E: serde::de::Error>(self, i: i64) -> Result<PathKey, E> {
                usize::try_from(i).map(PathKey::Index).map_err(|_| E::custom("a negative list index"))
            }
            fn visit_str<E>(self, s: &str) -> Result<PathKey, E> {
                Ok(PathKey::Key(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<PathKey, E> {
                Ok(PathKey::Key(s))
            }
        }
        d.deserialize_any(KeyVisitor)
    }
}

/// A changed place: its path and the value it had (`None` = it did not exist), or, for a
/// list that grew or shrank, its previous length and the items it lost.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Change {
    /// Path from the top of the dictionary (the first key is the variable name).
    pub path: Vec<PathKey>,
    /// The previous value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Json>,
    /// For a list whose length changed: its previous length …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub len: Option<usize>,
    /// … and the items beyond the new length it had then (when it shrank).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tail: Vec<Json>,
}

impl Change {
    fn value(path: &[PathKey], old: Option<Json>) -> Change {
        Change { path: path.to_vec(), old, len: None, tail: Vec::new() }
    }
}

/// The places where `new` differs from `old`, with `old`'s values. Objects are compared key
/// by key and lists of equal length item by item; anything else changed is recorded whole.
fn diff_into(path: &mut Vec<PathKey>, old: &Json, new: &Json, out: &mut Vec<Change>) {
    if old == new {
        return;
    }
    match (old, new) {
        (Json::Object(a), Json::Object(b)) => diff_maps(path, a, b, out),
        (Json::Array(a), Json::Array(b)) => {
            // items are compared in place; a list that grew or shrank also records its length
            // (gathering appends an item per step: the record holds the new item's absence,
            // not the whole list)
            if a.len() != b.len() {
                out.push(Change {
                    path: path.clone(),
                    old: None,
                    len: Some(a.len()),
                    tail: a.get(b.len()..).map(<[Json]>::to_vec).unwrap_or_default(),
                });
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                path.push(PathKey::Index(i));
                diff_into(path, x, y, out);
                path.pop();
            }
        }
        _ => out.push(Change::value(path, Some(old.clone()))),
    }
}

fn diff_maps(path: &mut Vec<PathKey>, a: &Map<String, Json>, b: &Map<String, Json>, out: &mut Vec<Change>) {
    for (k, x) in a {
        path.push(PathKey::Key(k.clone()));
        match b.get(k) {
            Some(y) => diff_into(path, x, y, out),
            None => out.push(Change::value(path, Some(x.clone()))),
        }
        path.pop();
    }
    for k in b.keys() {
        if !a.contains_key(k) {
            path.push(PathKey::Key(k.clone()));
            out.push(Change::value(path, None));
            path.pop();
        }
    }
}

/// The node at `path` (empty path: none — the top level is a map, handled by the caller).
fn node_at<'a>(vars: &'a mut Map<String, Json>, path: &[PathKey]) -> Option<&'a mut Json> {
    let (PathKey::Key(first), rest) = path.split_first()? else { return None };
    let mut node = vars.get_mut(first)?;
    for key in rest {
        node = match (key, node) {
            (PathKey::Key(k), Json::Object(m)) => m.get_mut(k)?,
            (PathKey::Index(i), Json::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

/// Puts a change's previous value back. False when the place no longer exists (the
/// dictionary changed outside the recorded steps); the rest is still restored.
fn apply_change(vars: &mut Map<String, Json>, change: Change) -> bool {
    if let Some(len) = change.len {
        let Some(Json::Array(a)) = node_at(vars, &change.path) else { return false };
        a.truncate(len);
        a.extend(change.tail);
        return true;
    }
    let Some((last, parents)) = change.path.split_last() else { return false };
    if parents.is_empty() {
        let PathKey::Key(name) = last else { return false };
        match change.old {
            Some(v) => {
                vars.insert(name.clone(), v);
            }
            None => {
                vars.remove(name);
            }
        }
        return true;
    }
    let Some(node) = node_at(vars, parents) else { return false };
    match (last, node, change.old) {
        (PathKey::Key(k), Json::Object(m), Some(v)) => {
            m.insert(k.clone(), v);
        }
        (PathKey::Key(k), Json::Object(m), None) => {
            m.remove(k);
        }
        (PathKey::Index(i), Json::Array(a), Some(v)) if *i < a.len() => a[*i] = v,
        _ => return false,
    }
    true
}

impl SessionState {
    /// A fresh, empty session state.
    pub fn new() -> SessionState {
        SessionState::default()
    }

    /// Whether the answers ask for the session to be shared between browsers
    /// (`multi_user = True`).
    pub fn wants_sharing(&self) -> bool {
        self.variables.get("multi_user") == Some(&Json::Bool(true))
    }

    /// The files made since the last call, for the server to store.
    pub fn take_produced(&mut self) -> Vec<crate::attach::view::ProducedFile> {
        std::mem::take(&mut self.produced)
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
        let before = self.clone_without_history();
        self.push_undo_of(before);
    }

    /// A copy of this state without its history: what a refused answer restores, and what
    /// [`Self::push_undo_of`] records once the answer is accepted.
    pub fn clone_without_history(&mut self) -> SessionState {
        let history = std::mem::take(&mut self.history);
        let copy = self.clone();
        self.history = history;
        copy
    }

    /// Remember `before` (this state before the step) as a full undo record.
    pub fn push_undo_of(&mut self, before: SessionState) {
        let rec = Undo {
            variables: before.variables.into_iter().map(|(k, v)| (k, Some(v))).collect(),
            full: true,
            patch: Vec::new(),
            answered: Some(before.answered),
            answers: Some(before.answers),
            event_stack: Some(before.event_stack),
            dirty: Some(before.dirty),
            progress: before.progress,
            nav: Some(before.nav),
            // the kept form description stays out of the history: the back button restores a
            // question that is built again when it is answered
            current: before.current.map(|c| CurrentQuestion { form: None, ..c }),
            info: Some(before.info),
        };
        self.history.push(UndoRecord::Made(Box::new(rec)));
        if self.history.len() > HISTORY_LIMIT {
            let excess = self.history.len() - HISTORY_LIMIT;
            self.history.drain(0..excess);
        }
    }

    /// Reduce a full undo record on top of the history to the places that changed.
    pub fn seal_undo(&mut self) {
        // a record read with the state was sealed before it was written
        let Some(UndoRecord::Made(last)) = self.history.last_mut() else { return };
        if !last.full {
            return;
        }
        let old: Map<String, Json> =
            std::mem::take(&mut last.variables).into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect();
        let mut patch = Vec::new();
        diff_maps(&mut Vec::new(), &old, &self.variables, &mut patch);
        last.patch = patch;
        last.full = false;
        if last.answered.as_ref() == Some(&self.answered) {
            last.answered = None;
        }
        if last.answers.as_ref() == Some(&self.answers) {
            last.answers = None;
        }
        if last.event_stack.as_ref() == Some(&self.event_stack) {
            last.event_stack = None;
        }
        if last.dirty.as_ref() == Some(&self.dirty) {
            last.dirty = None;
        }
        if last.nav.as_ref() == Some(&self.nav) {
            last.nav = None;
        }
        if last.info.as_ref() == Some(&self.info) {
            last.info = None;
        }
    }

    /// Restore the previous step; false when there is none.
    pub fn pop_undo(&mut self) -> bool {
        let Some(rec) = self.history.pop().and_then(UndoRecord::into_undo) else { return false };
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
            for change in rec.patch.into_iter().rev() {
                apply_change(&mut self.variables, change);
            }
        }
        if let Some(v) = rec.answered {
            self.answered = v;
        }
        if let Some(v) = rec.answers {
            self.answers = v;
        }
        if let Some(v) = rec.event_stack {
            self.event_stack = v;
        }
        if let Some(v) = rec.dirty {
            self.dirty = v;
        }
        self.progress = rec.progress;
        if let Some(v) = rec.nav {
            self.nav = v;
        }
        self.current = rec.current;
        if let Some(v) = rec.info {
            self.info = v;
        }
        self.steps = self.steps.saturating_sub(1);
        true
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn empty_parts_of_the_state_are_left_out_and_read_back_as_before() {
        let fresh = SessionState::default();
        assert_eq!(fresh.to_json_string(), r#"{"variables":{},"steps":0}"#);
        // a state written with every part spelled out (as before) reads the same
        let spelled = json!({
            "variables": {"x": 1}, "answered": [], "answers": {}, "event_stack": [], "dirty": {},
            "steps": 2, "steps_offset": 0, "progress": null, "nav": {"current": null, "visited": []},
            "current": {"token": "1..0", "block": 1, "choice": null, "event": null, "bindings": {},
                        "sought": "x", "name": "Question_1"},
            "info": {}, "url_args": {}, "gather": [], "pending_command": null,
            "history": [{"patch": [{"path": ["x", 0, "y"], "old": null}], "progress": null, "current": null}]
        });
        let st = SessionState::from_json_str(&spelled.to_string()).expect("reads");
        let short = st.to_json_string();
        assert_eq!(
            short,
            // an undo record read with the state is written back as it was read
            r#"{"variables":{"x":1},"steps":2,"current":{"token":"1..0","block":1,"sought":"x","name":"Question_1"},"history":[{"patch":[{"path":["x",0,"y"],"old":null}],"progress":null,"current":null}]}"#
        );
        assert_eq!(SessionState::from_json_str(&short).expect("reads back"), st);
        assert_eq!(st.history[0].undo().expect("a record").patch[0].path, vec![PathKey::Key("x".into()), PathKey::Index(0), PathKey::Key("y".into())]);
        for bad in [r#"[-1]"#, r#"[1.5]"#, r#"[null]"#] {
            assert!(serde_json::from_str::<Vec<PathKey>>(bad).is_err(), "{bad}");
        }
    }

    fn vars(v: Json) -> Map<String, Json> {
        match v {
            Json::Object(m) => m,
            _ => Map::new(),
        }
    }

    /// One step: `before` → `after`, sealed; returns the record and checks Back restores.
    fn step(before: Json, after: Json) -> Undo {
        let mut st = SessionState { variables: vars(before.clone()), steps: 1, ..SessionState::default() };
        st.push_undo();
        st.variables = vars(after);
        st.answered.insert("q1".into());
        st.seal_undo();
        let rec = st.history.last().and_then(UndoRecord::undo).unwrap();
        // through JSON, as the state is stored
        let mut st = SessionState::from_json_str(&st.to_json_string()).unwrap();
        assert!(st.pop_undo());
        assert_eq!(Json::Object(st.variables.clone()), before, "Back restores the previous dictionary");
        assert!(st.answered.is_empty());
        rec
    }

    /// A record read with the state is written back as it was read (not read on a step),
    /// and Back still reads it: two steps, each through JSON, then Back twice.
    #[test]
    fn earlier_records_are_copied_as_read_and_still_go_back() {
        let mut st = SessionState { variables: vars(json!({"a": 1})), steps: 1, ..SessionState::default() };
        st.push_undo();
        st.variables = vars(json!({"a": 2}));
        st.seal_undo();
        let mut st = SessionState::from_json_str(&st.to_json_string()).unwrap();
        let UndoRecord::Kept(first) = &st.history[0] else { panic!("a record read with the state is kept as text") };
        let first = first.get().to_string();
        st.push_undo();
        st.variables = vars(json!({"a": 3, "b": [1]}));
        st.seal_undo();
        let twice = st.to_json_string();
        assert!(twice.contains(&format!("\"history\":[{first},")), "{twice}");
        let mut st = SessionState::from_json_str(&twice).unwrap();
        assert!(st.pop_undo());
        assert_eq!(Json::Object(st.variables.clone()), json!({"a": 2}));
        assert!(st.pop_undo());
        assert_eq!(Json::Object(st.variables.clone()), json!({"a": 1}));
        assert!(!st.pop_undo());
    }

    #[test]
    fn records_hold_only_the_changed_places() {
        let people = |n: usize| -> Json {
            Json::Array((0..n).map(|i| json!({"name": {"first": format!("P{i}"), "last": "X"}, "age": i})).collect())
        };
        // appending the 10th person records the old length, not the nine people
        let rec = step(json!({"people": people(9), "n": 1}), json!({"people": people(10), "n": 1}));
        assert_eq!(rec.patch.len(), 1);
        assert_eq!(rec.patch[0].len, Some(9));
        let size = serde_json::to_string(&rec).unwrap().len();
        assert!(size < 200, "record of {size} bytes: {}", serde_json::to_string(&rec).unwrap());
        // one attribute deep inside
        let mut changed = people(10);
        changed[7]["name"]["first"] = json!("Zed");
        let rec = step(json!({"people": people(10)}), json!({"people": changed}));
        assert_eq!(rec.patch, vec![Change::value(
            &[PathKey::Key("people".into()), PathKey::Index(7), PathKey::Key("name".into()), PathKey::Key("first".into())],
            Some(json!("P7")),
        )]);
        // unchanged bookkeeping is not kept
        assert!(rec.event_stack.is_none() && rec.info.is_none() && rec.nav.is_none());
        assert!(rec.answered.is_some());
    }

    #[test]
    fn back_restores_removed_added_and_retyped_values() {
        step(json!({"a": [1, 2, 3], "b": {"c": 1}}), json!({"a": [1], "b": {"d": 2}, "new": true}));
        step(json!({"a": 1}), json!({"a": [1, 2]}));
        step(json!({"a": [[1, 2], {"k": [3]}]}), json!({"a": [[1, 2, 5], {"k": []}], "z": null}));
        step(json!({}), json!({"x": {"y": 1}}));
    }

    #[test]
    fn records_of_the_old_format_still_go_back() {
        let old = r#"{"variables":{"x":1},"steps":1,"history":[{"variables":{"x":null,"y":2},"answered":[],"answers":{},"event_stack":[],"dirty":{},"progress":null,"nav":{},"current":null,"info":{}}]}"#;
        let mut st = SessionState::from_json_str(old).unwrap();
        assert!(st.pop_undo());
        assert_eq!(Json::Object(st.variables), json!({"y": 2}));
    }

    #[test]
    fn a_place_gone_since_is_skipped_not_a_panic() {
        let mut v = vars(json!({"a": {"b": 1}}));
        assert!(!apply_change(&mut v, Change::value(&[PathKey::Key("q".into()), PathKey::Key("r".into())], Some(json!(1)))));
        assert!(!apply_change(&mut v, Change { path: vec![PathKey::Key("a".into())], old: None, len: Some(3), tail: vec![] }));
        assert_eq!(Json::Object(v), json!({"a": {"b": 1}}));
    }
}
