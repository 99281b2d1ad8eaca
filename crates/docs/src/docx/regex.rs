//! The pattern helpers behind the docxtpl port: patterns compiled once (with a bounded
//! backtracking budget) and a Python-`re.sub`-like substitution that reports run-time errors
//! instead of panicking.

use std::sync::LazyLock;

use fancy_regex::{Captures, Regex, RegexBuilder};

use crate::{DocsError, Result};

/// Backtracking budget of one search. Python's `re` has none; the inputs are bounded by
/// [`crate::Limits`], and a template that needs more fails with a clear error.
const BACKTRACK_LIMIT: usize = 50_000_000;

/// A pattern compiled on first use.
pub(crate) type Pattern = LazyLock<std::result::Result<Regex, String>>;

/// Compiles `pattern` (Python syntax with `{`/`}` escaped for Rust).
pub(crate) fn compile(pattern: &str) -> std::result::Result<Regex, String> {
    RegexBuilder::new(pattern)
        .backtrack_limit(BACKTRACK_LIMIT)
        .build()
        .map_err(|err| format!("{pattern}: {err}"))
}

pub(crate) fn get<'a>(part: &str, pattern: &'a Pattern) -> Result<&'a Regex> {
    pattern
        .as_ref()
        .map_err(|message| DocsError::Patch { part: part.to_string(), message: message.clone() })
}

/// `re.sub(pattern, f, text, count=limit)` (a `limit` of 0 replaces every match).
pub(crate) fn sub_with(
    part: &str,
    re: &Regex,
    text: &str,
    limit: usize,
    mut replace: impl FnMut(&Captures<'_, str>) -> Result<String>,
) -> Result<String> {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (count, caps) in re.captures_iter(text).enumerate() {
        if limit > 0 && count >= limit {
            break;
        }
        let caps =
            caps.map_err(|err| DocsError::Patch { part: part.to_string(), message: err.to_string() })?;
        let Some(whole) = caps.get(0) else { continue };
        out.push_str(&text[last..whole.start()]);
        out.push_str(&replace(&caps)?);
        last = whole.end();
    }
    out.push_str(&text[last..]);
    Ok(out)
}

/// `re.sub(pattern, template, text)` where the template uses `${1}`-style group references.
pub(crate) fn sub(part: &str, pattern: &Pattern, text: &str, template: &str) -> Result<String> {
    let re = get(part, pattern)?;
    sub_with(part, re, text, 0, |caps| {
        let mut out = String::new();
        caps.expand(template, &mut out);
        Ok(out)
    })
}

/// The text of group `index`, or "" when it did not take part in the match.
pub(crate) fn group<'t>(caps: &Captures<'t, str>, index: usize) -> &'t str {
    caps.get(index).map_or("", |m| m.as_str())
}
