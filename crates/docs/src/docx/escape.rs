//! The escaping of values written by `{{ }}` into WordprocessingML, as docassemble's
//! `ampersand_filter` does it: text is XML-escaped (entities already present are kept), and
//! Jinja delimiters in values are broken with a zero-width space so a value can never become a
//! tag.

/// How a rendered value enters the XML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Plain text: `&`, `<`, `>` are escaped (unless the text already holds raw
    /// WordprocessingML runs, `<w:r>` or `</w:t>`, in which case only stray `&` are).
    Text,
    /// Markup made for the document (rendered Markdown, RichText, an inline image, a
    /// sub-document): inserted as it is.
    Markup,
}

/// docassemble's `sanitize_xml`: `{{`, `{%`, `{#` and their closing halves get a zero-width
/// space between the two characters.
pub fn sanitize_delimiters(text: &str) -> String {
    let closed = break_pairs(text, |first, second| matches!(first, '}' | '%' | '#') && second == '}');
    break_pairs(&closed, |first, second| first == '{' && matches!(second, '{' | '%' | '#'))
}

/// One `re.sub` pass: each non-overlapping pair that `is_pair` accepts gets a zero-width space.
fn break_pairs(text: &str, is_pair: impl Fn(char, char) -> bool) -> String {
    let mut out = String::with_capacity(text.len() + 3);
    let mut chars = text.chars().peekable();
    while let Some(first) = chars.next() {
        out.push(first);
        if let Some(&second) = chars.peek() {
            if is_pair(first, second) {
                out.push('\u{200b}');
                out.push(second);
                chars.next();
            }
        }
    }
    out
}

/// Escapes a rendered value for a DOCX part (docassemble's `ampersand_filter` for strings).
pub fn escape_value(value: &str, kind: ValueKind) -> String {
    if kind == ValueKind::Markup {
        return value.to_string();
    }
    let value = sanitize_delimiters(value);
    let raw_runs = value.contains("<w:r>") || value.contains("</w:t>");
    let mut out = String::with_capacity(value.len() + 8);
    for (index, ch) in value.char_indices() {
        match ch {
            '&' if !starts_entity(&value[index + 1..]) => out.push_str("&amp;"),
            '<' if !raw_runs => out.push_str("&lt;"),
            '>' if !raw_runs => out.push_str("&gt;"),
            other => out.push(other),
        }
    }
    out
}

/// Whether `rest` (the text after an `&`) starts with `#?[0-9A-Za-z]+;`.
fn starts_entity(rest: &str) -> bool {
    let body = rest.strip_prefix('#').unwrap_or(rest);
    let len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    len > 0 && body.as_bytes().get(len) == Some(&b';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_but_entities_are_kept() {
        assert_eq!(escape_value("Tom & Jerry <b> &amp; &#8216;", ValueKind::Text), "Tom &amp; Jerry &lt;b&gt; &amp; &#8216;");
    }

    #[test]
    fn raw_runs_keep_their_tags() {
        let xml = "<w:r><w:t>A & B</w:t></w:r>";
        assert_eq!(escape_value(xml, ValueKind::Text), "<w:r><w:t>A &amp; B</w:t></w:r>");
        assert_eq!(escape_value(xml, ValueKind::Markup), xml);
    }

    #[test]
    fn delimiters_in_values_cannot_become_tags() {
        assert_eq!(escape_value("{{ x }}", ValueKind::Text), "{\u{200b}{ x }\u{200b}}");
        assert_eq!(sanitize_delimiters("{% a %}{#"), "{\u{200b}% a %\u{200b}}{\u{200b}#");
    }
}
