//! The HTML page shell around every screen, the top bar of pages outside an interview,
//! and the author's `script:`/`css:` tagged with the response's CSP nonce.

use super::attr;
use crate::markdown::escape_into;

/// The top bar of pages that belong to no interview: the brand, linking home.
pub(super) const BRAND_HEADER: &str =
    "<header class=\"co-top\"><a class=\"co-brand\" href=\"/\">Colloquy</a></header>\n";

/// A whole HTML page around `body`.
pub fn page(title: &str, body_class: &str, head_extra: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 600);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    escape_into(&mut out, title);
    out.push_str("</title>\n<link rel=\"stylesheet\" href=\"/static/colloquy.css\">\n");
    out.push_str(head_extra);
    out.push_str("</head>\n<body");
    if !body_class.is_empty() {
        attr(&mut out, "class", body_class);
    }
    out.push_str(
        ">\n<a class=\"co-skip\" href=\"#main\">Skip to main content</a>\n<div id=\"dabody\">\n",
    );
    out.push_str(body);
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

/// Adds `nonce` to every `<script` and `<style` tag of the author's HTML, wrapping text
/// without such a tag in one (`tag` = `script` or `style`). `</` inside a wrapped block is
/// broken up so the text cannot close the element early.
pub(super) fn with_nonce(author: &str, tag: &str, nonce: &str) -> String {
    let open = format!("<{tag}");
    let lower = author.to_ascii_lowercase();
    let has_tag = tag == "style" && lower.contains("<link") || lower.contains(&open);
    if !has_tag {
        let body = author.replace("</", "<\\/");
        return format!("<{tag} nonce=\"{nonce}\">{body}</{tag}>\n");
    }
    let mut out = String::with_capacity(author.len() + 64);
    let mut i = 0;
    while let Some(at) = lower[i..].find(&open) {
        let at = i + at;
        let end = at + open.len();
        out.push_str(&author[i..end]);
        // Only a real tag start (`<script>` or `<script …`), not `<scripts`.
        if matches!(
            lower.as_bytes().get(end),
            Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
        ) {
            out.push_str(&format!(" nonce=\"{nonce}\""));
        }
        i = end;
    }
    out.push_str(&author[i..]);
    out.push('\n');
    out
}

/// The request id, for the user to quote when asking for help (details are in the log).
pub(super) fn reference_line(body: &mut String) {
    let id = crate::request_id::request_id();
    if !id.is_empty() {
        body.push_str("<p class=\"co-ref\">Reference: <code>");
        escape_into(body, &id);
        body.push_str("</code></p>\n");
    }
}
