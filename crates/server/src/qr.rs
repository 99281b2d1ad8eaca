//! `[QR text, width, alt]` on screens, as docassemble shows it: an inline SVG of the code
//! (`width` 300px unless given; alt text "A QR code that goes to …" unless given). The codes
//! are taken out of the text before Markdown and put back after sanitising, so the SVG is ours
//! alone; inline SVG needs no `data:` image and no style attribute under the CSP.

use std::borrow::Cow;

/// Opens a placeholder (its index in decimal follows, then [`CLOSE`]).
const OPEN: char = '\u{E020}';
/// Closes a placeholder.
const CLOSE: char = '\u{E021}';

/// The text with each `[QR …]` replaced by a placeholder, and the SVG of each.
pub fn extract(text: &str) -> (Cow<'_, str>, Vec<String>) {
    if !text.contains("[QR ") {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut svgs = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[QR ") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 4..];
        match after.find(']').and_then(|end| code_svg(&after[..end]).map(|svg| (end, svg))) {
            Some((end, svg)) => {
                out.push(OPEN);
                out.push_str(&svgs.len().to_string());
                out.push(CLOSE);
                svgs.push(svg);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str("[QR ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (Cow::Owned(out), svgs)
}

/// The sanitised HTML with the placeholders replaced by their SVGs.
pub fn restore(html: String, svgs: &[String]) -> String {
    if svgs.is_empty() {
        return html;
    }
    let mut out = String::with_capacity(html.len() + svgs.iter().map(String::len).sum::<usize>());
    let mut rest = html.as_str();
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + OPEN.len_utf8()..];
        let Some(end) = after.find(CLOSE) else {
            rest = after;
            continue;
        };
        if let Some(svg) = after[..end].parse::<usize>().ok().and_then(|i| svgs.get(i)) {
            out.push_str(svg);
        }
        rest = &after[end + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// The SVG of the inside of a `[QR …]` code (docassemble's three patterns); `None` when it
/// does not match them.
fn code_svg(inner: &str) -> Option<String> {
    let mut parts = inner.splitn(3, ',');
    let text = unescape(parts.next()?.trim());
    if text.is_empty() {
        return None;
    }
    let width = match parts.next().map(str::trim) {
        None => None,
        Some(w) if !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '%') => Some(w),
        Some(_) => return None,
    };
    let width = match width {
        None | Some("None" | "full") => "300px",
        Some(w) => w,
    };
    let alt = match parts.next().map(str::trim) {
        Some(a) if a != "None" => unescape(a),
        _ => format!("A QR code that goes to {text}"),
    };
    docs::qr::svg(&text, width, &alt).ok()
}

/// The text of HTML-escaped values (`${ }` output) as it was.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_become_svgs_after_sanitising() {
        let (text, svgs) = extract("Look: [QR https://x.org/?a=1&amp;b=2, 200px, Go there] and [QR hello]\n\n[QR bad, 2 in]");
        assert_eq!(svgs.len(), 2);
        assert!(text.contains("[QR bad, 2 in]"), "a width with a space is not a code");
        assert!(svgs[0].contains("width=\"200px\"") && svgs[0].contains("<title>Go there</title>"));
        assert!(svgs[1].contains("width=\"300px\"") && svgs[1].contains("A QR code that goes to hello"));
        let html = restore(format!("<p>{text}</p>"), &svgs);
        assert!(html.contains("Look: <svg class=\"daqr\"") && html.contains("</svg> and <svg"));
        assert!(!html.contains(OPEN) && !html.contains(CLOSE));
        assert_eq!(extract("no codes").1.len(), 0);
    }
}
