//! HTML rendering of screens, error pages and the front page.
//!
//! Markup contract (design §5, docassemble §9.3): `form#daform`, `#daMainQuestion` around
//! the heading, every input with a `<label for>` whose own text is the label, option groups
//! in `<fieldset><legend class="da-legend">` with each option as
//! `<input id> <label for><span>TEXT</span></label>`, real `<button>`s carrying their
//! visible text, `button.dabackicon` for Back, and `<title>Error</title>` on error pages.
//! No JavaScript is needed; no inline script or style of ours is emitted (CSP forbids
//! both). The interview author's own `script:`/`css:` blocks are emitted with the
//! response's CSP nonce ([`PageExtras::nonce`]); without a nonce they are left out.

use std::fmt::Write as _;

use engine::{ButtonView, ChoiceView, FieldKind, FieldView, QuestionScreen, SectionView};

use crate::markdown::{escape, escape_into, to_html, to_inline_html, to_plain};
use crate::state::Listed;

/// Form field name under which a multi-select list posts the names of its chosen options.
pub const MULTISELECT: &str = "_multiselect";

/// What every question form needs besides the screen itself.
pub struct FormContext<'a> {
    /// The URL the form posts to (already a site-relative URL, unescaped).
    pub action: &'a str,
    /// The CSRF token of the session.
    pub csrf: &'a str,
}

/// What a question page carries besides the form: the per-response CSP nonce for the
/// author's `script:`/`css:`, and the link to delete one's answers.
#[derive(Clone, Copy, Debug, Default)]
pub struct PageExtras<'a> {
    /// The CSP nonce of this response; `None` leaves the author's scripts and styles out.
    pub nonce: Option<&'a str>,
    /// Where "Erase my answers" leads (a confirmation page); `None` shows no link.
    pub delete_url: Option<&'a str>,
}

/// Adds `nonce` to every `<script` and `<style` tag of the author's HTML, wrapping text
/// without such a tag in one (`tag` = `script` or `style`). `</` inside a wrapped block is
/// broken up so the text cannot close the element early.
fn with_nonce(author: &str, tag: &str, nonce: &str) -> String {
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

fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, value);
    out.push('"');
}

fn opt_attr(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(v) = value {
        attr(out, name, v);
    }
}

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

/// The error page: title `Error`, the reason for the author, no internals.
pub fn error_page(message: &str, restart_url: Option<&str>) -> String {
    let mut body = String::new();
    body.push_str(
        "<header class=\"co-top\"><a class=\"co-brand\" href=\"/\">Colloquy</a></header>\n",
    );
    body.push_str("<main id=\"main\" class=\"co-main\">\n<h1>Error</h1>\n");
    // docassemble's wording (scenarios look for it)
    body.push_str("<p>We are sorry. An error has occurred.</p>\n<div class=\"co-errmsg\">");
    for line in message.lines() {
        body.push_str("<p>");
        escape_into(&mut body, line);
        body.push_str("</p>");
    }
    body.push_str("</div>\n<p class=\"co-links\">");
    if let Some(url) = restart_url {
        body.push_str("<a");
        attr(&mut body, "href", url);
        body.push_str(">Start over</a> · ");
    }
    body.push_str("<a href=\"/\">List of interviews</a></p>\n");
    reference_line(&mut body);
    body.push_str("</main>\n");
    page("Error", "co-error", "", &body)
}

/// A simple message page (not found, expired form …).
pub fn message_page(title: &str, message: &str) -> String {
    let mut body = String::new();
    body.push_str(
        "<header class=\"co-top\"><a class=\"co-brand\" href=\"/\">Colloquy</a></header>\n",
    );
    let _ = write!(
        body,
        "<main id=\"main\" class=\"co-main\">\n<h1>{}</h1>\n<p>{}</p>\n",
        escape(title),
        escape(message)
    );
    body.push_str("<p><a href=\"/\">List of interviews</a></p>\n");
    reference_line(&mut body);
    body.push_str("</main>\n");
    page(title, "", "", &body)
}

/// The request id, for the user to quote when asking for help (details are in the log).
fn reference_line(body: &mut String) {
    let id = crate::request_id::request_id();
    if !id.is_empty() {
        body.push_str("<p class=\"co-ref\">Reference: <code>");
        escape_into(body, &id);
        body.push_str("</code></p>\n");
    }
}

/// The page that asks for confirmation before deleting one's answers (a POST form with
/// the CSRF token; the GET that shows it changes nothing).
pub fn delete_confirm_page(ctx: &FormContext<'_>) -> String {
    let mut b = String::new();
    b.push_str("<header class=\"co-top\"><a class=\"co-brand\" href=\"/\">Colloquy</a></header>\n");
    b.push_str("<main id=\"main\" class=\"co-main\">\n<h1>Erase my answers</h1>\n");
    b.push_str(
        "<p>This erases everything you entered in this interview. It cannot be undone.</p>\n",
    );
    b.push_str("<form method=\"post\"");
    attr(&mut b, "action", ctx.action);
    b.push_str("><input type=\"hidden\" name=\"_csrf\"");
    attr(&mut b, "value", ctx.csrf);
    b.push_str("><button type=\"submit\" class=\"co-btn co-danger\" name=\"_delete_answers\" value=\"1\">Erase my answers</button> ");
    b.push_str("<a");
    attr(&mut b, "href", ctx.action);
    b.push_str(">Keep them and go back</a></form>\n</main>\n");
    page("Erase my answers", "", "", &b)
}

/// The URL that starts an interview afresh.
pub fn start_url(reference: &str) -> String {
    let mut url = String::from("/interview?");
    url.push_str(
        &form_urlencoded::Serializer::new(String::new())
            .append_pair("i", reference)
            .finish(),
    );
    url
}

/// The front page: the featured interviews and the rest grouped by package.
pub fn front_page(featured: &[Listed], listed: &[Listed]) -> String {
    let mut b = String::new();
    b.push_str("<header class=\"co-top\"><a class=\"co-brand\" href=\"/\">Colloquy</a></header>\n");
    b.push_str("<main id=\"main\" class=\"co-main\">\n<h1>Interviews</h1>\n");
    if !featured.is_empty() {
        b.push_str("<ul class=\"co-featured\">\n");
        for l in featured {
            b.push_str("<li><a class=\"co-btn co-primary\"");
            attr(&mut b, "href", &start_url(&l.reference));
            b.push('>');
            escape_into(&mut b, &l.label);
            b.push_str("</a></li>\n");
        }
        b.push_str("</ul>\n");
    }
    let mut i = 0;
    while i < listed.len() {
        let package = &listed[i].package;
        let mut j = i;
        while j < listed.len() && &listed[j].package == package {
            j += 1;
        }
        b.push_str("<details class=\"co-package\"><summary>");
        escape_into(&mut b, package);
        let _ = write!(b, " ({} interviews)</summary>\n<ul>\n", j - i);
        for l in &listed[i..j] {
            b.push_str("<li><a");
            attr(&mut b, "href", &start_url(&l.reference));
            b.push('>');
            escape_into(&mut b, &l.label);
            b.push_str("</a></li>\n");
        }
        b.push_str("</ul>\n</details>\n");
        i = j;
    }
    if featured.is_empty() && listed.is_empty() {
        b.push_str("<p>No interviews are installed.</p>\n");
    }
    b.push_str("</main>\n");
    page("Colloquy", "", "", &b)
}

fn color_class(color: Option<&str>, default: &str) -> String {
    let c = color.unwrap_or(default);
    let c: String = c
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!("co-btn co-{c}")
}

fn markdown_block(out: &mut String, class: &str, text: Option<&str>) {
    if let Some(t) = text {
        if !t.trim().is_empty() {
            out.push_str("<div");
            attr(out, "class", class);
            out.push('>');
            out.push_str(&to_html(t));
            out.push_str("</div>\n");
        }
    }
}

/// Renders a question screen as a complete page (without the author's scripts and styles).
pub fn question_page(q: &QuestionScreen, ctx: &FormContext<'_>) -> String {
    question_page_with(q, ctx, &PageExtras::default())
}

/// Renders a question screen as a complete page, with the author's `script:`/`css:` under
/// `extras.nonce` and the "Erase my answers" link.
pub fn question_page_with(
    q: &QuestionScreen,
    ctx: &FormContext<'_>,
    extras: &PageExtras<'_>,
) -> String {
    let mut b = String::with_capacity(4096);

    // Header: title and menu.
    b.push_str("<header class=\"co-top\"><span class=\"co-brand\">");
    escape_into(
        &mut b,
        &q.title
            .as_deref()
            .map(to_plain)
            .unwrap_or_else(|| "Colloquy".into()),
    );
    b.push_str("</span>");
    if !q.menu_items.is_empty() {
        b.push_str("<details class=\"co-menu\"><summary id=\"damobile-toggler\" aria-haspopup=\"true\">Menu</summary><ul>");
        for (label, url) in &q.menu_items {
            b.push_str("<li><a");
            attr(&mut b, "href", url);
            b.push('>');
            b.push_str(&to_inline_html(label));
            b.push_str("</a></li>");
        }
        b.push_str("</ul></details>");
    }
    // `navigation bar html`: author items (`<li class="nav-item">…`) for the top bar
    if let Some(nav) = q.navigation_bar_html.as_deref().filter(|n| !n.trim().is_empty()) {
        b.push_str("<ul class=\"co-navbar\">");
        b.push_str(&to_html(nav));
        b.push_str("</ul>");
    }
    b.push_str("</header>\n");

    if !q.sections.is_empty() {
        b.push_str("<nav class=\"co-sections");
        if q.sections_horizontal {
            b.push_str(" co-horizontal");
        }
        b.push_str("\" aria-label=\"Sections\">");
        sections(&mut b, &q.sections);
        b.push_str("</nav>\n");
    }

    b.push_str("<main id=\"main\" class=\"co-main\">\n");
    if let Some(p) = q.progress {
        let _ = writeln!(
            b,
            "<progress class=\"co-progress\" max=\"100\" value=\"{p}\" aria-label=\"Progress\">{p}%</progress>"
        );
    }

    // The Back button posts its own form so Enter in a field never means "Back".
    let back_label = q.back_label.as_deref().unwrap_or("Back");
    if q.back_allowed {
        b.push_str("<form id=\"daback\" method=\"post\"");
        attr(&mut b, "action", ctx.action);
        b.push_str("><input type=\"hidden\" name=\"_csrf\"");
        attr(&mut b, "value", ctx.csrf);
        b.push_str(
            "><button type=\"submit\" class=\"dabackicon co-back\" name=\"_back_one\" value=\"1\"",
        );
        attr(&mut b, "aria-label", back_label);
        b.push('>');
        escape_into(&mut b, back_label);
        b.push_str("</button></form>\n");
    }

    markdown_block(&mut b, "co-pre", q.pre.as_deref());

    b.push_str("<form id=\"daform\" class=\"co-form\" method=\"post\" novalidate");
    attr(&mut b, "action", ctx.action);
    b.push_str(">\n<input type=\"hidden\" name=\"_csrf\"");
    attr(&mut b, "value", ctx.csrf);
    b.push_str(">\n<input type=\"hidden\" name=\"_question\"");
    attr(&mut b, "value", &q.token);
    b.push_str(">\n<div id=\"daMainQuestion\" class=\"co-question\"><h1>");
    b.push_str(&to_inline_html(&q.question));
    b.push_str("</h1></div>\n");

    if !q.errors.is_empty() {
        b.push_str("<div class=\"co-alert\" role=\"alert\">");
        for e in &q.errors {
            b.push_str("<p>");
            b.push_str(&to_inline_html(e));
            b.push_str("</p>");
        }
        b.push_str("</div>\n");
    }

    markdown_block(&mut b, "co-subquestion", q.subquestion.as_deref());

    for a in q
        .action_buttons
        .iter()
        .filter(|a| a.placement.as_deref() == Some("before"))
    {
        link_button(&mut b, &a.label, &a.url, a.color.as_deref(), a.new_window);
    }

    for f in &q.fields {
        field(&mut b, f);
    }

    if !q.review.is_empty() {
        b.push_str("<div class=\"co-review\">\n");
        for item in &q.review {
            b.push_str("<div class=\"co-review-item\">");
            match (&item.url, item.label.trim().is_empty()) {
                (Some(url), false) => {
                    if item.button {
                        // docassemble draws a `button:` review item as a pencil button
                        b.push_str("<a role=\"button\"");
                        attr(&mut b, "class", &color_class(None, "secondary"));
                        attr(&mut b, "href", url);
                        b.push_str("><i class=\"fas fa-pencil-alt\" aria-hidden=\"true\"></i> ");
                        b.push_str(&to_inline_html(&item.label));
                        b.push_str("</a>");
                    } else {
                        b.push_str("<a");
                        attr(&mut b, "href", url);
                        b.push('>');
                        b.push_str(&to_inline_html(&item.label));
                        b.push_str("</a>");
                    }
                }
                (None, false) => b.push_str(&to_html(&item.label)),
                _ => {}
            }
            if let Some(v) = &item.value {
                b.push_str("<div class=\"co-review-value\">");
                b.push_str(&to_html(v));
                b.push_str("</div>");
            }
            b.push_str("</div>\n");
        }
        b.push_str("</div>\n");
    }

    markdown_block(&mut b, "co-submit-text", q.submit.as_deref());

    let has_buttons = !q.buttons.is_empty() || q.continue_label.is_some() || q.question_back_button;
    if has_buttons {
        b.push_str("<div class=\"co-buttons\">");
        // `list collect`'s "Add another" comes after Continue, so that Enter in a field
        // still means Continue
        let is_add = |btn: &&ButtonView| btn.name == "_list_collect_add";
        for btn in q.buttons.iter().filter(|b| !is_add(b)) {
            button(&mut b, btn);
        }
        if let Some(label) = &q.continue_label {
            b.push_str("<button type=\"submit\"");
            attr(
                &mut b,
                "class",
                &color_class(q.continue_color.as_deref(), "primary"),
            );
            b.push('>');
            b.push_str(&to_inline_html(label));
            b.push_str("</button>");
        }
        for btn in q.buttons.iter().filter(is_add) {
            button(&mut b, btn);
        }
        if q.question_back_button && q.back_allowed {
            b.push_str("<button type=\"submit\" form=\"daback\" class=\"daquestionbackbutton co-btn co-secondary\" name=\"_back_one\" value=\"1\">");
            escape_into(&mut b, back_label);
            b.push_str("</button>");
        }
        b.push_str("</div>\n");
    }

    for a in q
        .action_buttons
        .iter()
        .filter(|a| a.placement.as_deref() != Some("before"))
    {
        link_button(&mut b, &a.label, &a.url, a.color.as_deref(), a.new_window);
    }
    b.push_str("</form>\n");

    markdown_block(&mut b, "co-under", q.under.as_deref());

    // a question with help of its own and an interview help: two tabs, the question's (its
    // label, "Help" by default) and the interview's (the help screen, `#dahelptoggle`)
    let both = q.help.is_some() && q.interview_help.is_some();
    if let (true, Some(h)) = (both, &q.help) {
        b.push_str("<details class=\"co-help co-question-help\"><summary role=\"button\">");
        escape_into(&mut b, q.help_label.as_deref().unwrap_or("Help"));
        b.push_str("</summary>\n");
        if let Some(head) = &q.help_heading {
            b.push_str("<h2>");
            b.push_str(&to_inline_html(head));
            b.push_str("</h2>");
        }
        b.push_str(&to_html(h));
        b.push_str("</details>\n");
    }
    if q.help.is_some() || q.interview_help.is_some() {
        b.push_str("<details class=\"co-help\" id=\"dahelp\"><summary id=\"dahelptoggle\" role=\"button\">");
        let label = if both { q.interview_help_label.as_deref() } else { q.help_label.as_deref() };
        escape_into(&mut b, label.unwrap_or("Help"));
        b.push_str("</summary>\n");
        if let (false, Some(h)) = (both, &q.help) {
            if let Some(head) = &q.help_heading {
                b.push_str("<h2>");
                b.push_str(&to_inline_html(head));
                b.push_str("</h2>");
            }
            b.push_str(&to_html(h));
        }
        if let Some(h) = &q.interview_help {
            if let Some(head) = &q.interview_help_heading {
                b.push_str("<h2>");
                b.push_str(&to_inline_html(head));
                b.push_str("</h2>");
            }
            b.push_str(&to_html(h));
        }
        b.push_str(
            "<p><a id=\"dabackToQuestion\" href=\"#daMainQuestion\">Back to question</a></p>",
        );
        b.push_str("</details>\n");
    }

    if !q.terms.is_empty() {
        b.push_str("<details class=\"co-terms\"><summary>Glossary</summary><dl>");
        for (term, def) in &q.terms {
            b.push_str("<dt>");
            escape_into(&mut b, term);
            b.push_str("</dt><dd>");
            b.push_str(&to_html(def));
            b.push_str("</dd>");
        }
        b.push_str("</dl></details>\n");
    }

    markdown_block(&mut b, "co-right", q.right.as_deref());
    markdown_block(&mut b, "co-post", q.post.as_deref());
    b.push_str("</main>\n");
    if let Some(f) = &q.footer {
        b.push_str("<footer class=\"co-footer\">");
        b.push_str(&to_html(f));
        b.push_str("</footer>\n");
    }

    let title = q
        .title
        .as_deref()
        .map(to_plain)
        .unwrap_or_else(|| to_plain(&q.question));
    if let Some(url) = extras.delete_url {
        b.push_str("<p class=\"co-privacy\"><a");
        attr(&mut b, "href", url);
        b.push_str(">Erase my answers</a></p>\n");
    }
    let mut head = match q.reload {
        Some(secs) => format!("<meta http-equiv=\"refresh\" content=\"{secs}\">\n"),
        None => String::new(),
    };
    if let Some(nonce) = extras.nonce {
        if let Some(css) = q.css.as_deref().filter(|c| !c.trim().is_empty()) {
            head.push_str(&with_nonce(css, "style", nonce));
        }
        if let Some(js) = q.script.as_deref().filter(|c| !c.trim().is_empty()) {
            b.push_str(&with_nonce(js, "script", nonce));
        }
    }
    let class = q.css_class.as_deref().unwrap_or("");
    page(&title, class, &head, &b)
}

fn sections(b: &mut String, list: &[SectionView]) {
    b.push_str("<ol>");
    for s in list {
        b.push_str("<li");
        if s.current {
            b.push_str(" class=\"co-current\" aria-current=\"step\"");
        } else if s.visited {
            b.push_str(" class=\"co-visited\"");
        }
        b.push('>');
        match (&s.url, s.current) {
            (Some(url), false) => {
                b.push_str("<a");
                attr(b, "href", url);
                b.push('>');
                escape_into(b, &s.label);
                b.push_str("</a>");
            }
            _ => escape_into(b, &s.label),
        }
        if !s.subsections.is_empty() {
            sections(b, &s.subsections);
        }
        b.push_str("</li>");
    }
    b.push_str("</ol>");
}

fn link_button(b: &mut String, label: &str, url: &str, color: Option<&str>, new_window: bool) {
    b.push_str("<a");
    attr(b, "class", &color_class(color, "secondary"));
    attr(b, "href", url);
    if new_window {
        b.push_str(" target=\"_blank\" rel=\"noopener noreferrer\"");
    }
    b.push('>');
    b.push_str(&to_inline_html(label));
    b.push_str("</a>\n");
}

fn button(b: &mut String, btn: &ButtonView) {
    b.push_str("<button type=\"submit\"");
    let mut class = color_class(btn.color.as_deref(), "primary");
    if let Some(c) = &btn.css_class {
        class.push(' ');
        class.push_str(c);
    }
    attr(b, "class", &class);
    attr(b, "name", &btn.name);
    attr(b, "value", &btn.value);
    b.push('>');
    // a Font Awesome icon class ("fas fa-plus-circle") goes before the text, as docassemble
    // draws it (the button's own text then starts with a space: " Add another")
    if let Some(icon) = btn.icon.as_deref().filter(|i| i.starts_with("fa") && i.contains(" fa-")) {
        b.push_str("<i");
        attr(b, "class", icon);
        b.push_str(" aria-hidden=\"true\"></i> ");
    }
    b.push_str(&to_inline_html(&btn.label));
    b.push_str("</button>");
}

fn describedby(f: &FieldView) -> Option<String> {
    let mut ids = Vec::new();
    if f.error.is_some() {
        ids.push(format!("{}-error", f.id));
    }
    if f.help.is_some() {
        ids.push(format!("{}-help", f.id));
    }
    if ids.is_empty() {
        None
    } else {
        Some(ids.join(" "))
    }
}

fn field_extras(b: &mut String, f: &FieldView) {
    if let Some(e) = &f.error {
        b.push_str("<p class=\"co-field-error\"");
        attr(b, "id", &format!("{}-error", f.id));
        b.push('>');
        b.push_str(&to_inline_html(e));
        b.push_str("</p>");
    }
    if let Some(h) = &f.help {
        b.push_str("<div class=\"co-field-help\"");
        attr(b, "id", &format!("{}-help", f.id));
        b.push('>');
        b.push_str(&to_html(h));
        b.push_str("</div>");
    }
}

fn common_input_attrs(b: &mut String, f: &FieldView) {
    attr(b, "id", &f.id);
    attr(b, "name", &f.name);
    if f.required {
        b.push_str(" required aria-required=\"true\"");
    }
    if f.disabled {
        b.push_str(" disabled");
    }
    if f.error.is_some() {
        b.push_str(" aria-invalid=\"true\"");
    }
    opt_attr(b, "aria-describedby", describedby(f).as_deref());
}

fn field_label(b: &mut String, f: &FieldView) {
    if f.label.trim().is_empty() {
        return;
    }
    b.push_str("<label");
    attr(b, "for", &f.id);
    if f.required {
        b.push_str(" class=\"co-label co-required\"");
    } else {
        b.push_str(" class=\"co-label\"");
    }
    b.push('>');
    b.push_str(&to_inline_html(&f.label));
    b.push_str("</label>");
}

fn field_open(b: &mut String, f: &FieldView, kind_class: &str) {
    b.push_str("<div");
    let mut class = format!("co-field {kind_class}");
    if f.error.is_some() {
        class.push_str(" co-has-error");
    }
    if let Some(c) = &f.css_class {
        class.push(' ');
        class.push_str(c);
    }
    attr(b, "class", &class);
    b.push('>');
}

fn field(b: &mut String, f: &FieldView) {
    match f.kind {
        FieldKind::Note => {
            if let Some(c) = &f.content {
                b.push_str("<div class=\"co-note\">");
                b.push_str(&to_html(c));
                b.push_str("</div>\n");
            }
        }
        FieldKind::Html => {
            if let Some(c) = &f.content {
                b.push_str("<div class=\"co-html\">");
                b.push_str(&to_html(c));
                b.push_str("</div>\n");
            }
        }
        FieldKind::Hidden => {
            b.push_str("<input type=\"hidden\"");
            attr(b, "name", &f.name);
            attr(b, "value", f.value.as_deref().unwrap_or(""));
            b.push_str(">\n");
        }
        FieldKind::Checkbox => {
            field_open(b, f, "co-checkbox");
            b.push_str("<div class=\"co-choice\"><input type=\"checkbox\" value=\"True\"");
            common_input_attrs(b, f);
            if f.value.as_deref() == Some("True") {
                b.push_str(" checked");
            }
            b.push_str("><label");
            attr(b, "for", &f.id);
            b.push_str("><span>");
            b.push_str(&to_inline_html(&f.label));
            b.push_str("</span></label></div>");
            field_extras(b, f);
            b.push_str("</div>\n");
        }
        FieldKind::Radio => choice_group(b, f, "radio"),
        FieldKind::Checkboxes => choice_group(b, f, "checkbox"),
        FieldKind::Multiselect => {
            // A real multi-select list; each selected option posts `_multiselect=<its own
            // field name>`, which the server turns back into `<name>=True` (see handlers).
            field_open(b, f, "co-multiselect");
            field_label(b, f);
            b.push_str("<select multiple");
            attr(b, "id", &f.id);
            attr(b, "name", MULTISELECT);
            if f.required {
                b.push_str(" required aria-required=\"true\"");
            }
            if f.disabled {
                b.push_str(" disabled");
            }
            let _ = write!(
                b,
                " size=\"{}\"",
                f.rows.unwrap_or(f.choices.len().clamp(2, 8) as u32)
            );
            opt_attr(b, "aria-describedby", describedby(f).as_deref());
            b.push('>');
            for c in &f.choices {
                b.push_str("<option");
                attr(b, "value", c.name.as_deref().unwrap_or(&c.value));
                if c.selected {
                    b.push_str(" selected");
                }
                b.push('>');
                escape_into(b, &to_plain(&c.label));
                b.push_str("</option>");
            }
            b.push_str("</select>");
            field_extras(b, f);
            b.push_str("</div>\n");
        }
        FieldKind::Dropdown => {
            field_open(b, f, "co-dropdown");
            field_label(b, f);
            b.push_str("<select");
            common_input_attrs(b, f);
            b.push_str("><option value=\"\">Select...</option>");
            for c in &f.choices {
                b.push_str("<option");
                attr(b, "value", &c.value);
                if c.selected || f.value.as_deref() == Some(c.value.as_str()) {
                    b.push_str(" selected");
                }
                b.push('>');
                escape_into(b, &to_plain(&c.label));
                b.push_str("</option>");
            }
            b.push_str("</select>");
            field_extras(b, f);
            b.push_str("</div>\n");
        }
        FieldKind::Area => {
            field_open(b, f, "co-area");
            field_label(b, f);
            b.push_str("<textarea");
            common_input_attrs(b, f);
            let _ = write!(b, " rows=\"{}\"", f.rows.unwrap_or(4));
            opt_attr(b, "placeholder", f.hint.as_deref());
            if let Some(n) = f.minlength {
                let _ = write!(b, " minlength=\"{n}\"");
            }
            if let Some(n) = f.maxlength {
                let _ = write!(b, " maxlength=\"{n}\"");
            }
            b.push('>');
            escape_into(b, f.value.as_deref().unwrap_or(""));
            b.push_str("</textarea>");
            field_extras(b, f);
            b.push_str("</div>\n");
        }
        FieldKind::File => {
            field_open(b, f, "co-file");
            field_label(b, f);
            b.push_str("<input type=\"file\" disabled");
            attr(b, "id", &f.id);
            attr(b, "name", &f.name);
            b.push_str("><p class=\"co-field-help\">File uploads are not supported yet.</p>");
            field_extras(b, f);
            b.push_str("</div>\n");
        }
        _ => text_like(b, f),
    }
}

fn text_like(b: &mut String, f: &FieldView) {
    let (ty, inputmode) = match f.kind {
        FieldKind::Password => ("password", None),
        FieldKind::Email => ("email", Some("email")),
        FieldKind::Number | FieldKind::Currency => ("text", Some("decimal")),
        FieldKind::Integer => ("text", Some("numeric")),
        FieldKind::Date => ("date", None),
        FieldKind::Time => ("time", None),
        // a text box: typing "05/06/2018<Tab>05:00PM" into a datetime-local input of a headless
        // browser leaves it empty; the engine reads "mm/dd/yyyy hh:mmAM" and ISO forms
        FieldKind::DateTime => ("text", None),
        FieldKind::Range => ("range", None),
        _ => ("text", None),
    };
    field_open(b, f, &format!("co-{ty}"));
    field_label(b, f);
    let currency = matches!(f.kind, FieldKind::Currency);
    if currency {
        b.push_str(
            "<div class=\"co-currency\"><span class=\"co-currency-symbol\" aria-hidden=\"true\">",
        );
        escape_into(b, f.currency_symbol.as_deref().unwrap_or("$"));
        b.push_str("</span>");
    }
    b.push_str("<input");
    attr(b, "type", ty);
    common_input_attrs(b, f);
    // docassemble marks its text inputs this way (test tools look for it); an input
    // without a label takes its accessible name from the question heading.
    b.push_str(" alt=\"Input box\"");
    if f.label.trim().is_empty() {
        b.push_str(" aria-labelledby=\"daMainQuestion\"");
    }
    opt_attr(b, "inputmode", inputmode);
    opt_attr(b, "value", f.value.as_deref());
    let placeholder = match (f.kind, f.hint.as_deref()) {
        (_, Some(h)) => Some(h),
        (FieldKind::DateTime, None) => Some("mm/dd/yyyy hh:mm AM"),
        _ => None,
    };
    opt_attr(b, "placeholder", placeholder);
    if matches!(f.kind, FieldKind::Date | FieldKind::Time | FieldKind::Range) {
        opt_attr(b, "min", f.min.as_deref());
        opt_attr(b, "max", f.max.as_deref());
        opt_attr(b, "step", f.step.as_deref());
    }
    if let Some(n) = f.minlength {
        let _ = write!(b, " minlength=\"{n}\"");
    }
    if let Some(n) = f.maxlength {
        let _ = write!(b, " maxlength=\"{n}\"");
    }
    if matches!(f.kind, FieldKind::Email) {
        b.push_str(" autocomplete=\"email\"");
    }
    b.push('>');
    if currency {
        b.push_str("</div>");
    }
    field_extras(b, f);
    b.push_str("</div>\n");
}

fn choice_group(b: &mut String, f: &FieldView, ty: &str) {
    b.push_str("<fieldset");
    let mut class = format!("co-field co-group co-{ty}s");
    if f.error.is_some() {
        class.push_str(" co-has-error");
    }
    if let Some(c) = &f.css_class {
        class.push(' ');
        class.push_str(c);
    }
    attr(b, "class", &class);
    if ty == "radio" {
        b.push_str(" role=\"radiogroup\"");
        if f.required {
            b.push_str(" aria-required=\"true\"");
        }
    }
    opt_attr(b, "aria-describedby", describedby(f).as_deref());
    b.push('>');
    if !f.label.trim().is_empty() {
        b.push_str("<legend class=\"da-legend co-label");
        if f.required {
            b.push_str(" co-required");
        }
        b.push_str("\">");
        b.push_str(&to_inline_html(&f.label));
        b.push_str("</legend>");
    }
    b.push_str("<div class=\"co-options\">");
    for c in &f.choices {
        choice(b, f, c, ty);
    }
    b.push_str("</div>");
    field_extras(b, f);
    b.push_str("</fieldset>\n");
}

fn choice(b: &mut String, f: &FieldView, c: &ChoiceView, ty: &str) {
    b.push_str("<div class=\"co-choice\"><input");
    attr(b, "type", ty);
    attr(b, "id", &c.id);
    if ty == "checkbox" {
        attr(b, "name", c.name.as_deref().unwrap_or(&f.name));
        attr(b, "value", if c.name.is_some() { "True" } else { &c.value });
    } else {
        attr(b, "name", &f.name);
        attr(b, "value", &c.value);
    }
    let checked = c.selected || (ty == "radio" && f.value.as_deref() == Some(c.value.as_str()));
    if checked {
        b.push_str(" checked");
    }
    if f.disabled {
        b.push_str(" disabled");
    }
    b.push_str("><label");
    attr(b, "for", &c.id);
    b.push_str("><span>");
    b.push_str(&to_inline_html(&c.label));
    b.push_str("</span></label>");
    if let Some(h) = &c.help {
        b.push_str("<div class=\"co-choice-help\">");
        b.push_str(&to_inline_html(h));
        b.push_str("</div>");
    }
    b.push_str("</div>");
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn field(name: &str, label: &str, kind: FieldKind, choices: Vec<ChoiceView>) -> FieldView {
        FieldView {
            name: name.into(),
            id: format!("id_{name}"),
            label: label.into(),
            kind,
            datatype: String::new(),
            value: None,
            choices,
            required: false,
            hint: None,
            help: None,
            error: None,
            min: None,
            max: None,
            step: None,
            minlength: None,
            maxlength: None,
            content: None,
            currency_symbol: None,
            rows: None,
            css_class: None,
            label_above: false,
            disabled: false,
            show_if: None,
            hide_if: None,
        }
    }

    fn choice(value: &str, label: &str, name: Option<&str>, id: &str) -> ChoiceView {
        ChoiceView {
            value: value.into(),
            label: label.into(),
            selected: false,
            help: None,
            name: name.map(Into::into),
            id: id.into(),
        }
    }

    #[test]
    fn the_dom_contract() {
        let q = QuestionScreen {
            title: Some("Fruit survey".into()),
            question: "Which **fruit**?".into(),
            fields: vec![
                field(
                    "r",
                    "Favorite",
                    FieldKind::Radio,
                    vec![
                        choice("a", "Apple", None, "r0"),
                        choice("b", "Pear", None, "r1"),
                    ],
                ),
                field(
                    "m",
                    "Liked",
                    FieldKind::Multiselect,
                    vec![choice("a", "Apple", Some("m_a"), "m0")],
                ),
                field(
                    "d",
                    "Pick one",
                    FieldKind::Dropdown,
                    vec![choice("x", "Ex", None, "d0")],
                ),
                field("c", "I agree", FieldKind::Checkbox, vec![]),
                field("t", "", FieldKind::Text, vec![]),
            ],
            continue_label: Some("Continue".into()),
            back_allowed: true,
            help: Some("Some help".into()),
            token: "tok".into(),
            ..Default::default()
        };
        let html = question_page(
            &q,
            &FormContext {
                action: "/interview?i=a:b.yml",
                csrf: "c0ffee",
            },
        );
        assert!(html.contains("<title>Fruit survey</title>"));
        assert!(html.contains("<div id=\"daMainQuestion\" class=\"co-question\"><h1>Which <strong>fruit</strong>?</h1></div>"));
        assert!(html.contains("<fieldset class=\"co-field co-group co-radios\" role=\"radiogroup\"><legend class=\"da-legend co-label\">Favorite</legend>"));
        assert!(html.contains("<input type=\"radio\" id=\"r0\" name=\"r\" value=\"a\"><label for=\"r0\"><span>Apple</span></label>"));
        assert!(html.contains("<label for=\"id_m\" class=\"co-label\">Liked</label><select multiple id=\"id_m\" name=\"_multiselect\""));
        assert!(html.contains("<option value=\"m_a\">Apple</option>"));
        assert!(html.contains("<label for=\"id_d\" class=\"co-label\">Pick one</label><select id=\"id_d\" name=\"d\">"));
        assert!(html.contains("<input type=\"checkbox\" value=\"True\" id=\"id_c\" name=\"c\"><label for=\"id_c\"><span>I agree</span></label>"));
        assert!(
            html.contains("aria-labelledby=\"daMainQuestion\""),
            "unlabelled input named by the question"
        );
        assert!(html.contains("<form id=\"daback\""));
        assert!(html.contains("class=\"dabackicon co-back\""));
        assert!(html.contains("<summary id=\"dahelptoggle\" role=\"button\">Help</summary>"));
        assert!(html.contains("id=\"dabackToQuestion\""));
        assert!(!html.contains("<script"));
        assert!(!html.contains("style="));
        // The back form comes before the main form, and the main form's first submit
        // button is Continue (Enter in a field must not mean Back).
        let main = html.find("<form id=\"daform\"").unwrap();
        assert!(html.find("<form id=\"daback\"").unwrap() < main);
        assert!(!html[main..].contains("name=\"_back_one\""));
    }

    #[test]
    fn list_collect_add_button_has_its_icon_and_follows_continue() {
        let q = QuestionScreen {
            question: "Tell me about the fruit.".into(),
            buttons: vec![ButtonView {
                name: "_list_collect_add".into(),
                value: "1".into(),
                label: "Add another".into(),
                color: Some("secondary".into()),
                css_class: None,
                icon: Some("fas fa-plus-circle".into()),
                help: None,
            }],
            continue_label: Some("Continue".into()),
            token: "tok".into(),
            ..Default::default()
        };
        let html = question_page(&q, &FormContext { action: "/interview?i=a:b.yml", csrf: "c" });
        let add = html
            .find("<i class=\"fas fa-plus-circle\" aria-hidden=\"true\"></i> Add another</button>")
            .expect("icon then the label");
        let cont = html.find(">Continue</button>").expect("continue");
        assert!(cont < add, "Continue stays the first submit button");
    }

    #[test]
    fn question_help_and_interview_help_get_a_tab_each() {
        let q = QuestionScreen {
            question: "What is your favorite fruit?".into(),
            help: Some("A fruit has seeds.".into()),
            help_label: Some("Huh?".into()),
            interview_help: Some("About fruit.".into()),
            interview_help_label: Some("More info".into()),
            token: "tok".into(),
            ..Default::default()
        };
        let html = question_page(&q, &FormContext { action: "/interview?i=a:b.yml", csrf: "c" });
        assert!(html.contains("<summary role=\"button\">Huh?</summary>"));
        assert!(html.contains("<summary id=\"dahelptoggle\" role=\"button\">More info</summary>"));
        let tab = html.find("id=\"dahelp\"").expect("help screen");
        assert!(html[tab..].contains("About fruit."));
        assert!(!html[tab..].contains("A fruit has seeds."));
    }

    #[test]
    fn navigation_bar_html_goes_in_the_top_bar() {
        let q = QuestionScreen {
            question: "Q".into(),
            navigation_bar_html: Some(
                "<li class=\"nav-item\"><a class=\"btn btn-primary\" href=\"/interview?i=a&amp;action=x\">Message a Lawyer</a></li>\n".into(),
            ),
            token: "tok".into(),
            ..Default::default()
        };
        let html = question_page(&q, &FormContext { action: "/interview?i=a:b.yml", csrf: "c" });
        let header = &html[html.find("<header").unwrap()..html.find("</header>").unwrap()];
        assert!(header.contains(">Message a Lawyer</a>"), "{header}");
        assert!(header.contains("href=\"/interview?i=a&amp;action=x\""), "{header}");
    }

    #[test]
    fn date_and_time_is_a_text_box() {
        let mut f = field("dt", "Date and time", FieldKind::DateTime, vec![]);
        f.value = Some("2018-05-06T17:00".into());
        let q = QuestionScreen { question: "When?".into(), fields: vec![f], token: "t".into(), ..Default::default() };
        let html = question_page(&q, &FormContext { action: "/interview?i=a:b.yml", csrf: "c" });
        assert!(html.contains("type=\"text\""), "{html}");
        assert!(!html.contains("datetime-local"));
        assert!(html.contains("value=\"2018-05-06T17:00\""));
    }

    #[test]
    fn error_page_is_titled_error_and_escapes() {
        let html = error_page("x.yml, line 3: <b>bad</b>", Some("/interview?i=a&reset=1"));
        assert!(html.contains("<title>Error</title>"));
        assert!(html.contains("We are sorry. An error has occurred."));
        assert!(html.contains("x.yml, line 3: &lt;b&gt;bad&lt;/b&gt;"));
        assert!(html.contains("href=\"/interview?i=a&amp;reset=1\""));
    }
}
