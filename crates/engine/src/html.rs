//! HTML text escaping and the markers that let trusted HTML pass output escaping unchanged.

/// Private-use characters that mark HTML produced by trusted functions
/// (`action_button_html` …) so output escaping leaves it alone.
pub const SAFE_OPEN: char = '\u{E000}';
/// Closes a [`SAFE_OPEN`] segment.
pub const SAFE_CLOSE: char = '\u{E001}';

/// Marks author/engine HTML as safe from output escaping.
pub fn safe_html(s: &str) -> String {
    format!("{SAFE_OPEN}{s}{SAFE_CLOSE}")
}

/// Escapes `& < >` for HTML text (values shown inside Markdown; quotes are left alone so
/// that code spans and smart punctuation show them as typed). Segments that trusted
/// functions marked as HTML ([`safe_html`]) pass unchanged, unmarked.
pub fn html_escape(s: &str) -> String {
    // most texts (a choice's label, a name) have nothing to escape and no marker, whose
    // UTF-8 starts with 0xEE: one byte scan and a copy
    if !s.bytes().any(|b| matches!(b, b'&' | b'<' | b'>' | 0xEE)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            SAFE_OPEN => depth += 1,
            SAFE_CLOSE => depth = depth.saturating_sub(1),
            '&' if depth == 0 => out.push_str("&amp;"),
            '<' if depth == 0 => out.push_str("&lt;"),
            '>' if depth == 0 => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Removes the trusted-HTML markers from user input (so nobody can forge them).
pub fn strip_markers(s: &str) -> String {
    s.chars().filter(|c| *c != SAFE_OPEN && *c != SAFE_CLOSE).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_plain_text_and_marked_html_alone() {
        assert_eq!(html_escape("Alabama"), "Alabama");
        assert_eq!(html_escape("Ünïcödé – ok"), "Ünïcödé – ok");
        assert_eq!(html_escape("a < b & c > d \"q\" 'q'"), "a &lt; b &amp; c &gt; d \"q\" 'q'");
        let marked = format!("x<{}<b>y</b>{}>", SAFE_OPEN, SAFE_CLOSE);
        // the marked part passes unescaped, the markers themselves are dropped
        assert_eq!(html_escape(&marked), "x&lt;<b>y</b>&gt;");
        // another character whose UTF-8 starts with 0xEE is copied as it is
        assert_eq!(html_escape("\u{E100}&"), "\u{E100}&amp;");
        assert_eq!(strip_markers(&marked), "x<<b>y</b>>");
    }
}
