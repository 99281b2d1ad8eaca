//! An interview's static author texts (texts with no template code: every request shows them
//! as written) and what a front end made of them, made once per interview.
//!
//! Only texts the loader found are ever kept: anything else (a text with a user's answer in
//! it) is made every time and never stored.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What a front end makes of a text (one memo each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// Block-level HTML.
    Html,
    /// One-line HTML.
    InlineHtml,
}

/// The static texts of one interview and their renderings.
///
/// One table, fixed at load: each static text with a slot per rendering, filled on first
/// use. A lookup hashes the text once (foldhash: the table's keys are the author's texts,
/// never inserted from a request, so there is nothing to flood) and takes no lock.
#[derive(Debug, Default)]
pub struct StaticTexts {
    made: HashMap<String, [OnceLock<String>; 2], foldhash::fast::RandomState>,
}

impl StaticTexts {
    /// The memo of these texts (the sources of the interview's plain texts).
    pub(crate) fn new(sources: HashSet<String>) -> StaticTexts {
        StaticTexts { made: sources.into_iter().map(|s| (s, Default::default())).collect() }
    }

    /// True if `text` is one of the interview's static texts.
    pub fn contains(&self, text: &str) -> bool {
        self.made.contains_key(text)
    }

    /// `make(text)`, made once and kept if `text` is a static text; made every time otherwise.
    /// `make` must depend on nothing but `text`.
    pub fn get_or_make(&self, kind: Rendering, text: &str, make: impl FnOnce(&str) -> String) -> String {
        match self.made.get(text) {
            Some(slots) => slots[kind as usize].get_or_init(|| make(text)).clone(),
            None => make(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_static_texts_are_kept() {
        let texts = StaticTexts::new(HashSet::from(["Hello *world*".to_string()]));
        let calls = std::cell::Cell::new(0);
        let make = |t: &str| {
            calls.set(calls.get() + 1);
            format!("<{t}>")
        };
        assert_eq!(texts.get_or_make(Rendering::Html, "Hello *world*", make), "<Hello *world*>");
        assert_eq!(texts.get_or_make(Rendering::Html, "Hello *world*", make), "<Hello *world*>");
        assert_eq!(calls.get(), 1, "a static text is made once");
        assert_eq!(texts.get_or_make(Rendering::InlineHtml, "Hello *world*", make), "<Hello *world*>");
        assert_eq!(calls.get(), 2, "each rendering has its own memo");
        assert_eq!(texts.get_or_make(Rendering::Html, "Hello Ann", make), "<Hello Ann>");
        assert_eq!(texts.get_or_make(Rendering::Html, "Hello Ann", make), "<Hello Ann>");
        assert_eq!(calls.get(), 4, "other texts are made every time");
        let kept: usize = texts.made.values().map(|slots| slots.iter().filter(|s| s.get().is_some()).count()).sum();
        assert_eq!(kept, 2);
        assert!(!texts.made.contains_key("Hello Ann"));
    }
}
