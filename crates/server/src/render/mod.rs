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
//!
//! Every piece of text reaches the page through `attr` (attribute values), `escape_into`
//! (plain text) or the Markdown renderer (author's Markdown), never unescaped.

mod attachments;
mod choices;
mod fields;
mod front;
mod notices;
mod page;
mod question;
pub mod signature;

pub use front::{front_page, start_url};
pub use notices::{delete_confirm_page, error_page, message_page};
pub use page::page;
pub use question::{question_page, question_page_with};

use crate::markdown::{escape_into, to_html};

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

/// Writes ` name="value"`, the value escaped.
fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, value);
    out.push('"');
}

/// Writes ` name="value"` when there is a value.
fn opt_attr(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(v) = value {
        attr(out, name, v);
    }
}

/// The classes of a button of `color` (`default` without one); the color keeps only
/// letters, digits and `-`.
fn color_class(color: Option<&str>, default: &str) -> String {
    let c = color.unwrap_or(default);
    let c: String = c
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!("co-btn co-{c}")
}

/// The author's Markdown `text` in a `div` of `class`, unless it is blank.
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use engine::{ButtonView, ChoiceView, FieldKind, FieldView, QuestionScreen};

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
            upload: None,
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
        let html = question_page(
            &q,
            &FormContext {
                action: "/interview?i=a:b.yml",
                csrf: "c",
            },
        );
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
        let html = question_page(
            &q,
            &FormContext {
                action: "/interview?i=a:b.yml",
                csrf: "c",
            },
        );
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
        let html = question_page(
            &q,
            &FormContext {
                action: "/interview?i=a:b.yml",
                csrf: "c",
            },
        );
        let header = &html[html.find("<header").unwrap()..html.find("</header>").unwrap()];
        assert!(header.contains(">Message a Lawyer</a>"), "{header}");
        assert!(
            header.contains("href=\"/interview?i=a&amp;action=x\""),
            "{header}"
        );
    }

    #[test]
    fn date_and_time_is_a_text_box() {
        let mut f = field("dt", "Date and time", FieldKind::DateTime, vec![]);
        f.value = Some("2018-05-06T17:00".into());
        let q = QuestionScreen {
            question: "When?".into(),
            fields: vec![f],
            token: "t".into(),
            ..Default::default()
        };
        let html = question_page(
            &q,
            &FormContext {
                action: "/interview?i=a:b.yml",
                csrf: "c",
            },
        );
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
