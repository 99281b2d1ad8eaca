//! An interview's static author texts (texts with no template code: every request shows them
//! as written) and what a front end made of them, made once per interview.
//!
//! Only texts the loader found are ever kept: anything else (a text with a user's answer in
//! it) is made every time and never stored.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

/// What a front end makes of a text (one memo each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// Block-level HTML.
    Html,
    /// One-line HTML.
    InlineHtml,
}

/// The static texts of one interview and their renderings.
#[derive(Debug, Default)]
pub struct StaticTexts {
    sources: HashSet<String>,
    made: [Mutex<HashMap<String, String>>; 2],
}

impl StaticTexts {
    /// The memo of these texts (the sources of the interview's plain texts).
    pub(crate) fn new(sources: HashSet<String>) -> StaticTexts {
        StaticTexts { sources, made: Default::default() }
    }

    /// True if `text` is one of the interview's static texts.
    pub fn contains(&self, text: &str) -> bool {
        self.sources.contains(text)
    }

    /// `make(text)`, made once and kept if `text` is a static text; made every time otherwise.
    /// `make` must depend on nothing but `text`.
    pub fn get_or_make(&self, kind: Rendering, text: &str, make: impl FnOnce(&str) -> String) -> String {
        if !self.sources.contains(text) {
            return make(text);
        }
        let memo = &self.made[kind as usize];
        if let Some(made) = memo.lock().ok().and_then(|m| m.get(text).cloned()) {
            return made;
        }
        let made = make(text);
        if let Ok(mut m) = memo.lock() {
            m.insert(text.to_string(), made.clone());
        }
        made
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
        let kept: usize = texts.made.iter().map(|m| m.lock().map(|m| m.len()).unwrap_or(0)).sum();
        assert_eq!(kept, 2);
        assert!(texts.made.iter().all(|m| m.lock().map(|m| !m.contains_key("Hello Ann")).unwrap_or(false)));
    }
}
