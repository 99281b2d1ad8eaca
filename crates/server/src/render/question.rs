//! A question screen as a complete page: the top bar, the sections, the Back form, the
//! main form (heading, errors, fields, review, buttons), the help tabs and the glossary.

use std::fmt::Write as _;

use engine::{ButtonView, LinkView, QuestionScreen, SectionView};

use super::fields::field;
use super::page::{page, with_nonce};
use super::{attr, color_class, markdown_block, FormContext, PageExtras};
use crate::markdown::{escape_into, to_html, to_inline_html, to_plain};

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
    top_bar(&mut b, q);
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
    let back_label = q.back_label.as_deref().unwrap_or("Back");
    if q.back_allowed {
        back_form(&mut b, ctx, back_label);
    }
    markdown_block(&mut b, "co-pre", q.pre.as_deref());
    main_form(&mut b, q, ctx, back_label);
    if let Some(a) = &q.attachments {
        super::attachments::attachment_box(&mut b, a, &q.token, ctx);
    }
    markdown_block(&mut b, "co-under", q.under.as_deref());
    help_tabs(&mut b, q);
    glossary(&mut b, q);
    markdown_block(&mut b, "co-right", q.right.as_deref());
    markdown_block(&mut b, "co-post", q.post.as_deref());
    b.push_str("</main>\n");
    if let Some(f) = &q.footer {
        b.push_str("<footer class=\"co-footer\">");
        b.push_str(&to_html(f));
        b.push_str("</footer>\n");
    }

    let title = q
        .tab_title
        .as_deref()
        .or(q.title.as_deref())
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

/// The header: the interview's title, its menu and the author's navigation bar items.
fn top_bar(b: &mut String, q: &QuestionScreen) {
    b.push_str("<header class=\"co-top\"><span class=\"co-brand\">");
    escape_into(
        b,
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
            attr(b, "href", url);
            b.push('>');
            b.push_str(&to_inline_html(label));
            b.push_str("</a></li>");
        }
        b.push_str("</ul></details>");
    }
    // `navigation bar html`: author items (`<li class="nav-item">…`) for the top bar
    if let Some(nav) = q
        .navigation_bar_html
        .as_deref()
        .filter(|n| !n.trim().is_empty())
    {
        b.push_str("<ul class=\"co-navbar\">");
        b.push_str(&to_html(nav));
        b.push_str("</ul>");
    }
    b.push_str("</header>\n");
}

/// The Back button posts its own form so Enter in a field never means "Back".
fn back_form(b: &mut String, ctx: &FormContext<'_>, back_label: &str) {
    b.push_str("<form id=\"daback\" method=\"post\"");
    attr(b, "action", ctx.action);
    b.push_str("><input type=\"hidden\" name=\"_csrf\"");
    attr(b, "value", ctx.csrf);
    b.push_str(
        "><button type=\"submit\" class=\"dabackicon co-back\" name=\"_back_one\" value=\"1\"",
    );
    attr(b, "aria-label", back_label);
    b.push('>');
    escape_into(b, back_label);
    b.push_str("</button></form>\n");
}

/// `form#daform`: the hidden tokens, `#daMainQuestion`, the errors, the fields, the
/// review items, the buttons and the action links.
fn main_form(b: &mut String, q: &QuestionScreen, ctx: &FormContext<'_>, back_label: &str) {
    b.push_str("<form id=\"daform\" class=\"co-form\" method=\"post\" novalidate");
    attr(b, "action", ctx.action);
    if q.fields.iter().any(|f| matches!(f.kind, engine::FieldKind::File | engine::FieldKind::Signature)) {
        // files are posted as docassemble posts them (without JavaScript too)
        b.push_str(" enctype=\"multipart/form-data\"");
    }
    b.push_str(">\n<input type=\"hidden\" name=\"_csrf\"");
    attr(b, "value", ctx.csrf);
    b.push_str(">\n<input type=\"hidden\" name=\"_question\"");
    attr(b, "value", &q.token);
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

    markdown_block(b, "co-subquestion", q.subquestion.as_deref());
    let before = |a: &&LinkView| a.placement.as_deref() == Some("before");
    for a in q.action_buttons.iter().filter(before) {
        link_button(b, a);
    }
    for f in &q.fields {
        field(b, f);
    }
    review(b, q);
    markdown_block(b, "co-submit-text", q.submit.as_deref());
    buttons(b, q, back_label);
    for a in q.action_buttons.iter().filter(|a| !before(a)) {
        link_button(b, a);
    }
    b.push_str("</form>\n");
}

/// The items of a `review:` screen: a link or pencil button to revisit, and the answer.
fn review(b: &mut String, q: &QuestionScreen) {
    if q.review.is_empty() {
        return;
    }
    b.push_str("<div class=\"co-review\">\n");
    for item in &q.review {
        b.push_str("<div class=\"co-review-item\">");
        match (&item.url, item.label.trim().is_empty()) {
            (Some(url), false) => {
                if item.button {
                    // docassemble draws a `button:` review item as a pencil button
                    b.push_str("<a role=\"button\"");
                    attr(b, "class", &color_class(None, "secondary"));
                    attr(b, "href", url);
                    b.push_str("><i class=\"fas fa-pencil-alt\" aria-hidden=\"true\"></i> ");
                } else {
                    b.push_str("<a");
                    attr(b, "href", url);
                    b.push('>');
                }
                b.push_str(&to_inline_html(&item.label));
                b.push_str("</a>");
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

/// The submit buttons: the author's, Continue, `list collect`'s "Add another", and the
/// question's own Back button (which submits the Back form).
fn buttons(b: &mut String, q: &QuestionScreen, back_label: &str) {
    let has_buttons = !q.buttons.is_empty() || q.continue_label.is_some() || q.question_back_button;
    if !has_buttons {
        return;
    }
    b.push_str("<div class=\"co-buttons\">");
    // `list collect`'s "Add another" comes after Continue, so that Enter in a field
    // still means Continue
    let is_add = |btn: &&ButtonView| btn.name == "_list_collect_add";
    for btn in q.buttons.iter().filter(|x| !is_add(x)) {
        button(b, btn);
    }
    if let Some(label) = &q.continue_label {
        b.push_str("<button type=\"submit\"");
        attr(
            b,
            "class",
            &color_class(q.continue_color.as_deref(), "primary"),
        );
        b.push('>');
        b.push_str(&to_inline_html(label));
        b.push_str("</button>");
    }
    for btn in q.buttons.iter().filter(is_add) {
        button(b, btn);
    }
    if q.question_back_button && q.back_allowed {
        b.push_str("<button type=\"submit\" form=\"daback\" class=\"daquestionbackbutton co-btn co-secondary\" name=\"_back_one\" value=\"1\">");
        escape_into(b, back_label);
        b.push_str("</button>");
    }
    b.push_str("</div>\n");
}

/// A question with help of its own and an interview help: two tabs, the question's (its
/// label, "Help" by default) and the interview's (the help screen, `#dahelptoggle`).
/// With only one of them, that one is the help screen.
fn help_tabs(b: &mut String, q: &QuestionScreen) {
    let both = q.help.is_some() && q.interview_help.is_some();
    if let (true, Some(h)) = (both, &q.help) {
        b.push_str("<details class=\"co-help co-question-help\"><summary role=\"button\">");
        escape_into(b, q.help_label.as_deref().unwrap_or("Help"));
        b.push_str("</summary>\n");
        help_text(b, q.help_heading.as_deref(), h);
        b.push_str("</details>\n");
    }
    if q.help.is_some() || q.interview_help.is_some() {
        b.push_str("<details class=\"co-help\" id=\"dahelp\"><summary id=\"dahelptoggle\" role=\"button\">");
        let label = if both {
            q.interview_help_label.as_deref()
        } else {
            q.help_label.as_deref()
        };
        escape_into(b, label.unwrap_or("Help"));
        b.push_str("</summary>\n");
        if let (false, Some(h)) = (both, &q.help) {
            help_text(b, q.help_heading.as_deref(), h);
        }
        if let Some(h) = &q.interview_help {
            help_text(b, q.interview_help_heading.as_deref(), h);
        }
        b.push_str(
            "<p><a id=\"dabackToQuestion\" href=\"#daMainQuestion\">Back to question</a></p>",
        );
        b.push_str("</details>\n");
    }
}

fn help_text(b: &mut String, heading: Option<&str>, text: &str) {
    if let Some(head) = heading {
        b.push_str("<h2>");
        b.push_str(&to_inline_html(head));
        b.push_str("</h2>");
    }
    b.push_str(&to_html(text));
}

/// The `terms:` of the question, as a definition list.
fn glossary(b: &mut String, q: &QuestionScreen) {
    if q.terms.is_empty() {
        return;
    }
    b.push_str("<details class=\"co-terms\"><summary>Glossary</summary><dl>");
    for (term, def) in &q.terms {
        b.push_str("<dt>");
        escape_into(b, term);
        b.push_str("</dt><dd>");
        b.push_str(&to_html(def));
        b.push_str("</dd>");
    }
    b.push_str("</dl></details>\n");
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

/// An action link drawn as a button (`action buttons:`).
fn link_button(b: &mut String, a: &LinkView) {
    b.push_str("<a");
    attr(b, "class", &color_class(a.color.as_deref(), "secondary"));
    attr(b, "href", &a.url);
    if a.new_window {
        b.push_str(" target=\"_blank\" rel=\"noopener noreferrer\"");
    }
    b.push('>');
    b.push_str(&to_inline_html(&a.label));
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
    if let Some(icon) = btn
        .icon
        .as_deref()
        .filter(|i| i.starts_with("fa") && i.contains(" fa-"))
    {
        b.push_str("<i");
        attr(b, "class", icon);
        b.push_str(" aria-hidden=\"true\"></i> ");
    }
    b.push_str(&to_inline_html(&btn.label));
    b.push_str("</button>");
}
