//! `verbatim()` on a screen, as docassemble's: the user's text HTML-escaped, its Markdown
//! characters made entities, inside a `<span>` that passes output escaping as trusted HTML,
//! so the text shows literally — never as formatting, never as markup.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::run_support;

use run_support::Session;

fn shown(input: &str) -> String {
    let mut s = Session::start("docassemble.base:data/questions/examples/verbatim.yml");
    s.see("Provide some text.");
    s.set_first_text(input);
    s.click("Continue");
    s.see("This content should be devoid");
    s.q().subquestion.clone().unwrap()
}

#[test]
fn markdown_in_the_answer_shows_literally() {
    let sub = shown("This is **docassemble**.");
    let html = sub;
    assert!(html.contains("<span>This is &#42;&#42;docassemble&#42;&#42;.</span>"), "{html}");
}

#[test]
fn html_in_the_answer_stays_text() {
    let sub = shown("<script>alert(1)</script> & 1. _x_ \u{e001}<b>");
    let html = sub;
    assert!(!html.contains("<script") && !html.contains("<b>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 1&#46; &#95;x&#95; &lt;b&gt;"), "{html}");
}
