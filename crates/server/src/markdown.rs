//! Markdown → sanitised HTML (pulldown-cmark, then ammonia).
//!
//! The engine hands over text whose `${ }` values are already HTML-escaped; author Markdown
//! and inline HTML pass the sanitiser, which keeps what interviews legitimately use
//! (headings, lists, tables, links, images, emphasis, code, `div`/`span` with a class).

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::{Arc, LazyLock};

use engine::{Rendering, StaticTexts};

use pulldown_cmark::{html, Event, Options, Parser, Tag};

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_tags([
        "span",
        "div",
        "u",
        "s",
        "sup",
        "sub",
        "small",
        "mark",
        "figure",
        "figcaption",
        "caption",
    ])
    .add_generic_attributes([
        "class",
        "id",
        "title",
        "lang",
        "dir",
        "aria-label",
        "aria-hidden",
        "role",
    ])
    .add_tag_attributes("a", ["target"])
    .add_tag_attributes("img", ["alt", "src", "width", "height", "title"])
    .add_tag_attributes("td", ["colspan", "rowspan", "align"])
    .add_tag_attributes("th", ["colspan", "rowspan", "align", "scope"])
    .add_tag_attributes("ol", ["start", "type"])
    .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
    .url_relative(ammonia::UrlRelative::PassThrough)
    .link_rel(Some("noopener noreferrer"));
    // `id` attributes from author HTML could clash with ours; ammonia has no prefixing, so
    // drop them (class is enough for styling).
    b.rm_generic_attributes(["id"]);
    b
});

/// The bytes that Markdown or HTML might give a meaning to (see [`is_plain`]).
const MARKUP_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"*_`[]<>&#\\!|\n~-+=\"'";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// Printable ASCII that is not in [`MARKUP_BYTES`] and not a colon: the bytes of the
/// simplest plain text (see [`simple_plain`]).
const SIMPLE_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x20;
    while b < 0x7f {
        table[b] = !MARKUP_BYTES[b] && b != b':' as usize;
        b += 1;
    }
    table
};

/// The commonest label (`Alabama`, `Per Month`): printable ASCII with no markup byte and no
/// colon, single-spaced, with no space at either end, no `..`, not starting with a digit.
/// Such a text is [`is_plain`] and its own [`to_plain`], checked in one pass.
fn simple_plain(text: &str) -> bool {
    let b = text.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if !f.is_ascii_digit() && *f != b' ' && *l != b' ' => {}
        _ => return false,
    }
    let mut prev = 0u8;
    for &c in b {
        if !SIMPLE_BYTES[c as usize] || (c == prev && (c == b' ' || c == b'.')) {
            return false;
        }
        prev = c;
    }
    true
}

/// True when the text has nothing Markdown or HTML would change (so it can just be escaped).
fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    // one pass: no markup byte, no `..`, no colon (an icon code `:name:` needs one)
    let mut colon = false;
    let mut prev = 0u8;
    for &b in bytes {
        if MARKUP_BYTES[b as usize] || (b == b'.' && prev == b'.') {
            return false;
        }
        colon |= b == b':';
        prev = b;
    }
    !colon || !has_icon(text)
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

/// Appends `text` HTML-escaped to `out`: the runs between the five characters that need it
/// are copied whole (they are ASCII, so every cut is on a character boundary).
pub fn escape_into(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

/// Inline bracket codes of docassemble's `html_filter` and what they become on screen.
const BRACKET_CODES: &[(&str, &str)] = &[
    ("[BR]", "<br>"),
    ("[NEWLINE]", "<br>"),
    ("[SKIPLINE]", "<br><br>"),
    ("[NEWPAR]", "\n\n"),
    ("[TAB]", "&emsp;"),
    ("[NBSP]", "&nbsp;"),
    ("[ENDASH]", "&ndash;"),
    ("[EMDASH]", "&mdash;"),
    ("[HYPHEN]", "&#8209;"),
    ("[BLANK]", "\\_\\_\\_\\_\\_\\_\\_\\_"),
    (
        "[BLANKFILL]",
        "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_",
    ),
    ("[CHECKBOX]", "&#9744;"),
    ("[PAGEBREAK]", ""),
    ("[PAGENUM]", ""),
    ("[SECTIONNUM]", ""),
    ("[NO_EMOJIS]", ""),
];

/// Paragraph-level codes: the paragraph they start is wrapped in a `div` of this class.
const PARAGRAPH_CODES: &[(&str, &str)] = &[
    ("[CENTER]", "text-center"),
    ("[BOLDCENTER]", "text-center fw-bold"),
    ("[FLUSHLEFT]", "text-start"),
    ("[FLUSHRIGHT]", "text-end"),
    ("[BORDER]", "co-border"),
];

/// True if `text` holds a `:icon-name:` code.
fn has_icon(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter()
        .enumerate()
        .any(|(i, &c)| c == b':' && icon_at(b, i).is_some())
}

/// If an icon code `:name:` starts at byte `i`, its name's end (the closing colon).
fn icon_at(b: &[u8], i: usize) -> Option<usize> {
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b':' | b'/' | b'_' | b'-'))
    {
        return None;
    }
    let first = *b.get(i + 1)?;
    if !first.is_ascii_lowercase() {
        return None;
    }
    let mut j = i + 1;
    while j < b.len()
        && (b[j].is_ascii_lowercase() || b[j].is_ascii_digit() || b[j] == b'-' || b[j] == b'_')
    {
        j += 1;
    }
    if j >= b.len() || b[j] != b':' || j - i > 60 {
        return None;
    }
    match b.get(j + 1) {
        Some(c) if c.is_ascii_alphanumeric() || *c == b':' || *c == b'/' => None,
        _ => Some(j),
    }
}

/// `:bed:` → a Font Awesome icon element (`fas fa-bed`); `:far-fa-x:` → `far fa-x`.
fn icon_html(name: &str) -> String {
    let class = match name.split_once("-fa-") {
        Some((style, rest)) => format!("{style} fa-{rest}"),
        None => format!("fas fa-{name}"),
    };
    format!("<i class=\"{class}\" aria-hidden=\"true\"></i>")
}

/// Applies docassemble's screen codes (brackets, icons) before Markdown.
fn preprocess(text: &str) -> std::borrow::Cow<'_, str> {
    let icons = !text.contains("[NO_EMOJIS]") && has_icon(text);
    if !text.contains('[') && !icons {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut t = text.to_string();
    if t.contains('[') {
        for (code, html) in BRACKET_CODES {
            if t.contains(code) {
                t = t.replace(code, html);
            }
        }
        if PARAGRAPH_CODES.iter().any(|(c, _)| t.contains(c)) {
            let mut out = Vec::new();
            for para in t.split("\n\n") {
                let trimmed = para.trim_start();
                match PARAGRAPH_CODES.iter().find(|(c, _)| trimmed.starts_with(c)) {
                    Some((code, class)) => out.push(format!(
                        "<div class=\"{class}\">\n\n{}\n\n</div>",
                        &trimmed[code.len()..]
                    )),
                    None => out.push(para.to_string()),
                }
            }
            t = out.join("\n\n");
        }
        if let Some(start) = t.find("[INDENTBY") {
            if let Some(end) = t[start..].find(']') {
                t.replace_range(start..start + end + 1, "");
            }
        }
    }
    if icons {
        let b = t.as_bytes();
        let mut out = String::with_capacity(t.len() + 32);
        let mut i = 0;
        let mut last = 0;
        let mut in_code = false;
        while i < b.len() {
            if b[i] == b'`' {
                in_code = !in_code;
            } else if b[i] == b':' && !in_code {
                if let Some(end) = icon_at(b, i) {
                    out.push_str(&t[last..i]);
                    out.push_str(&icon_html(&t[i + 1..end]));
                    i = end + 1;
                    last = i;
                    continue;
                }
            }
            i += 1;
        }
        out.push_str(&t[last..]);
        t = out;
    }
    std::borrow::Cow::Owned(t)
}

thread_local! {
    /// The static texts of the interview whose page this thread is rendering.
    static STATIC_TEXTS: RefCell<Option<Arc<StaticTexts>>> = const { RefCell::new(None) };
}

/// Runs `render` (which renders one page of an interview) with the interview's static texts:
/// their Markdown is rendered and sanitised once per interview load, every other text
/// (one with a user's answer in it) every time.
pub fn with_static_texts<R>(texts: Option<Arc<StaticTexts>>, render: impl FnOnce() -> R) -> R {
    let previous = STATIC_TEXTS.with(|s| s.replace(texts));
    let out = render();
    STATIC_TEXTS.with(|s| *s.borrow_mut() = previous);
    out
}

/// `make(text)`, taken from the current interview's static texts when it is one of them.
fn memo(kind: Rendering, text: &str, make: fn(&str) -> String) -> String {
    let texts = STATIC_TEXTS.with(|s| s.borrow().clone());
    match texts {
        Some(t) => t.get_or_make(kind, text, make),
        None => make(text),
    }
}

/// Renders Markdown (block level) to sanitised HTML.
pub fn to_html(text: &str) -> String {
    memo(Rendering::Html, text, render_html)
}

fn render_html(text: &str) -> String {
    render_html_with(text, true)
}

/// Whether pulldown-cmark's HTML for `event` may need the sanitiser: anything that is not
/// text in the plain block and inline structure (paragraphs, headings, quotes, lists,
/// emphasis, code) — raw HTML, links and images (their URLs and `rel`), tables (their
/// `style` and cell classes), breaks and rules (written `<br />`, which the sanitiser
/// rewrites).
fn needs_cleaning(event: &Event<'_>) -> bool {
    match event {
        Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::End(_) => false,
        Event::Start(tag) => !matches!(
            tag,
            Tag::Paragraph
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::CodeBlock(_)
        ) && !matches!(tag, Tag::Heading { id: None, classes, attrs, .. } if classes.is_empty() && attrs.is_empty()),
        _ => true,
    }
}

/// [`render_html`]; with `shortcut`, the sanitiser is skipped when the Markdown made
/// nothing it could change: only the structure [`needs_cleaning`] lets through, its text
/// escaped by pulldown-cmark, and no `&quot;` or no-break space (which the sanitiser writes
/// as `"` and `&nbsp;`). The result is the same bytes either way (a dynamic text, such as a
/// subquestion with `${ }`, is rendered on every request, and the sanitiser parses and
/// writes the whole HTML again).
fn render_html_with(text: &str, shortcut: bool) -> String {
    if is_plain(text.trim()) {
        let t = text.trim();
        if t.is_empty() {
            return String::new();
        }
        return format!("<p>{}</p>", escape(t));
    }
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    // docassemble's Markdown uses SmartyPants: "x" → “x”, -- → –, ... → …
    opts.insert(Options::ENABLE_SMART_PUNCTUATION);
    let text = preprocess(text);
    let (text, qr_codes) = crate::qr::extract(&text);
    let events: Vec<Event<'_>> = Parser::new_ext(&text, opts).collect();
    let clean = shortcut && qr_codes.is_empty() && !events.iter().any(needs_cleaning);
    let mut raw = String::with_capacity(text.len() * 2);
    html::push_html(&mut raw, events.into_iter());
    if clean && !raw.contains("&quot;") && !raw.contains('\u{a0}') {
        return raw;
    }
    if raw.contains("<t") && raw.contains('{') {
        raw = cell_classes(&raw);
    }
    crate::qr::restore(CLEANER.clean(&raw).to_string(), &qr_codes)
}

/// Table cells ending in an attribute list of classes (`4 { .text-end }`, as docassemble's
/// Markdown reads them): the list becomes the cell's `class`.
fn cell_classes(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<t") {
        let tag = &rest[at + 1..];
        let name = if tag.starts_with("td") { "td" } else if tag.starts_with("th") { "th" } else { "" };
        let opened = tag.get(2..3).is_some_and(|c| c == ">" || c == " ");
        let (Some(gt), true) = (tag.find('>'), !name.is_empty() && opened) else {
            out.push_str(&rest[..at + 2]);
            rest = &rest[at + 2..];
            continue;
        };
        let close = format!("</{name}>");
        let body = &tag[gt + 1..];
        let Some(end) = body.find(&close) else { break };
        let content = &body[..end];
        let trimmed = content.trim_end();
        let classes: Option<Vec<&str>> = trimmed.strip_suffix('}').and_then(|t| {
            let open = t.rfind('{')?;
            let names: Vec<&str> = t[open + 1..].split_whitespace().collect();
            let valid = |n: &&str| {
                n.len() > 1 && n.starts_with('.') && n[1..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            };
            (!names.is_empty() && names.iter().all(valid)).then_some(names)
        });
        out.push_str(&rest[..at]);
        match classes {
            Some(names) => {
                let open = trimmed.rfind('{').unwrap_or(trimmed.len());
                let class: Vec<&str> = names.iter().map(|n| &n[1..]).collect();
                out.push('<');
                out.push_str(&tag[..gt]);
                out.push_str(&format!(" class=\"{}\">", class.join(" ")));
                out.push_str(content[..open].trim_end());
            }
            None => {
                out.push('<');
                out.push_str(&tag[..gt + 1]);
                out.push_str(content);
            }
        }
        out.push_str(&close);
        rest = &body[end + close.len()..];
    }
    out.push_str(rest);
    out
}

/// Renders Markdown that should be one line (labels, headings, button text): like
/// [`to_html`] without the surrounding `<p>` when the result is a single paragraph.
pub fn to_inline_html(text: &str) -> String {
    memo(Rendering::InlineHtml, text, render_inline_html)
}

fn render_inline_html(text: &str) -> String {
    let t = text.trim();
    if is_plain(t) {
        return escape(t);
    }
    let html = render_html(t);
    let trimmed = html.trim();
    if let Some(inner) = trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        if !inner.contains("<p>") {
            return inner.to_string();
        }
    }
    trimmed.to_string()
}

/// Plain text of Markdown (for `<title>`): tags removed, entities kept escaped.
pub fn to_plain(text: &str) -> String {
    to_plain_cow(text).into_owned()
}

/// [`to_plain`], borrowing `text` when it is already plain (most choice labels).
pub fn to_plain_cow(text: &str) -> std::borrow::Cow<'_, str> {
    if simple_plain(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let t = text.trim();
    if is_plain(t) {
        // nothing to render or decode (a choice label such as a state's name); runs of
        // white space become one space
        let mut prev = 0u8;
        let single_spaced = t.bytes().all(|b| {
            let ok = b.is_ascii() && (b == b' ' || !b.is_ascii_whitespace()) && !(b == b' ' && prev == b' ');
            prev = b;
            ok
        });
        if single_spaced {
            return std::borrow::Cow::Borrowed(t);
        }
        return t.split_whitespace().collect::<Vec<_>>().join(" ").into();
    }
    let html = to_inline_html(text);
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape_html(&out.split_whitespace().collect::<Vec<_>>().join(" ")).into()
}

/// Decodes the character references that the Markdown renderer and the sanitiser emit
/// (`&lt;`, `&gt;`, `&amp;`, `&quot;`, `&#39;`, `&nbsp;`, numeric ones), so plain text is
/// escaped exactly once by whoever writes it into HTML. Unknown references stay as they are.
fn unescape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse::<u32>().ok()?,
                    };
                    char::from_u32(code).filter(|c| *c != '\0')
                }
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_markdown() {
        assert_eq!(to_inline_html("What is your name?"), "What is your name?");
        assert_eq!(
            to_inline_html("Is it **bold**?"),
            "Is it <strong>bold</strong>?"
        );
        assert_eq!(to_html("Hi"), "<p>Hi</p>");
        assert!(to_html("# Head\n\n* a\n* b").contains("<li>a</li>"));
        assert!(to_html("| a | b |\n|---|---|\n| 1 | 2 |").contains("<table>"));
    }

    #[test]
    fn sanitises() {
        let h = to_html("hello <script>alert(1)</script> <b onclick=\"x()\">b</b>");
        assert!(!h.contains("<script"));
        assert!(!h.contains("onclick"));
        let h = to_html("[x](javascript:alert(1))");
        assert!(!h.contains("javascript:"));
        let h = to_html("<div class=\"alert\">x</div>");
        assert!(h.contains("class=\"alert\""));
        // escaped user values stay text
        assert!(to_inline_html("Hi &lt;b&gt;").contains("&lt;b&gt;"));
    }

    #[test]
    fn smart_quotes() {
        assert_eq!(
            to_inline_html("target_variable is: \"Outie\""),
            "target_variable is: “Outie”"
        );
        assert_eq!(to_inline_html("it's"), "it’s");
    }

    #[test]
    fn screen_codes_and_icons() {
        assert_eq!(to_inline_html("a[BR]b"), "a<br>b");
        assert_eq!(
            to_inline_html("sleep well :bed:"),
            "sleep well <i class=\"fas fa-bed\" aria-hidden=\"true\"></i>"
        );
        assert!(to_inline_html("money :far-fa-money-bill-alt: here")
            .contains("<i class=\"far fa-money-bill-alt\""));
        assert_eq!(to_inline_html("at 10:30:00"), "at 10:30:00");
        assert_eq!(to_inline_html("Note: this:that"), "Note: this:that");
        assert!(to_inline_html("`:bed:`").contains("<code>:bed:</code>"));
        assert!(
            to_html("[BOLDCENTER] Title\n\ntext").contains("<div class=\"text-center fw-bold\">")
        );
        assert!(!to_html("x [PAGEBREAK] y").contains("PAGEBREAK"));
    }

    #[test]
    fn table_cells_take_classes_from_attribute_lists() {
        let h = to_html("Vegetable { .text-center } | How many\n---|---\nPotato | 4 { .text-end .fw-bold }\n");
        assert!(h.contains("<th class=\"text-center\">Vegetable</th>"), "{h}");
        assert!(h.contains("<td class=\"text-end fw-bold\">4</td>"), "{h}");
        // braces that are not a class list stay text
        assert!(to_html("a | b\n---|---\n{x} | c\n").contains("<td>{x}</td>"));
    }

    #[test]
    fn markdown_the_sanitiser_cannot_change_skips_it_with_the_same_result() {
        let samples = [
            "Hello, **${ user }**: you *may* qualify.",
            "# Title\n\nSome text\nover two lines.",
            "## Sub\n\n> quoted *text*\n> more",
            "1. one\n2. two\n\n3) three",
            "4. starts at four\n5. five",
            "- a\n- b\n  - nested `code`",
            "* x\n\n* loose list",
            "~~gone~~ and __strong__ and _em_",
            "```\nfenced <code> & stuff\n```",
            "```python\nprint('hi')\n```",
            "```x<y>&z\ncode\n```",
            "~~~ c++ more words\ncode\n~~~",
            "    indented code",
            "Quotes \"curly\" and 'single' -- dash --- em ... dots",
            "Ampersand & less < greater > in text",
            "A no-break\u{a0}space",
            "Line with hard break  \nnext",
            "Back\\\nslash break",
            "---\n\nafter a rule",
            "A [link](https://example.com) here",
            "An ![image](/x.png)",
            "<b>raw</b> html",
            "<div class=\"x\">block</div>",
            "<script>alert(1)</script>",
            "[bad](javascript:alert(1))",
            "a | b\n---|---\n1 | 2",
            "Cell { .text-end } | b\n---|---\n1 | 2",
            "<https://autolink.example>",
            "Ünïcödé — “already curly” ‘quotes’",
            "Emoji :smile: and [BR] code",
            "Text with a [FILE docassemble.demo:x.png] file",
            "Heading\n=======\n\nsetext",
            "`a < b`",
            "*a **b** c*",
            "Stars * and _ underscores_ in_words",
            "html entity &amp; &copy; &#169; &nbsp;",
        ];
        for md in samples {
            assert_eq!(render_html_with(md, true), render_html_with(md, false), "{md:?}");
        }
        // the shortcut is taken for the plain structure
        let events: Vec<Event<'_>> = Parser::new("**a** _b_\n\n- c").collect();
        assert!(!events.iter().any(needs_cleaning));
        let events: Vec<Event<'_>> = Parser::new("[a](b) <i>x</i>").collect();
        assert!(events.iter().any(needs_cleaning));
    }

    #[test]
    fn plain_title() {
        assert_eq!(to_plain("Is it **bold**?"), "Is it bold?");
        // plain texts take a short cut to the same result as rendering them
        for t in ["Alabama", "  New   Hampshire ", "Don't \"quote\" me; 100% (sure)", "Straße\ta", "", "North Carolina", "a\u{a0}b", "ü  ß", "x\u{2003}y", "Per Month", "Mr. Smith", "a...b", "3 items", "Note: x", "a  b", " lead", "trail ", "x_y", "(a) b, c; d? e/f @g $h %i {j} ^k"] {
            let rendered = to_inline_html(t);
            let slow = unescape_html(&rendered.split_whitespace().collect::<Vec<_>>().join(" "));
            assert_eq!(to_plain(t), slow, "{t:?}");
        }
        // values arrive HTML-escaped; plain text is decoded once (the page escapes it again)
        assert_eq!(to_plain("A &lt;b&gt; &amp; &#39;c&#x27; &bogus; & d"), "A <b> & 'c' &bogus; & d");
    }

    #[test]
    fn escaping_copies_runs_and_replaces_the_five_characters() {
        fn by_char(text: &str) -> String {
            text.chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' => "&quot;".to_string(),
                    '\'' => "&#39;".to_string(),
                    c => c.to_string(),
                })
                .collect()
        }
        for t in ["", "AL", "<script>alert('x')</script>", "a&b\"c'd>e<", "ü<ß>€\"", "&&", "\u{1F600}&\u{1F600}", "tail&"] {
            let mut out = String::from("kept:");
            escape_into(&mut out, t);
            assert_eq!(out, format!("kept:{}", by_char(t)), "{t:?}");
        }
    }

    #[test]
    fn the_markup_table_holds_exactly_the_markup_bytes() {
        let markup = "*_`[]<>&#\\!|\n~-+=\"'";
        for b in 0..=255u8 {
            assert_eq!(MARKUP_BYTES[b as usize], markup.as_bytes().contains(&b), "byte {b}");
        }
    }
}
