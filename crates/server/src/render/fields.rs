//! One form field of a question: its wrapper, label, help and error, and the inputs of
//! the kinds that are not a list of options (text-like boxes, text areas, a single
//! checkbox, notes, hidden and file fields).

use std::fmt::Write as _;

use engine::{FieldKind, FieldView};

use super::choices::{choice_group, dropdown, multiselect};
use super::{attr, opt_attr};
use crate::markdown::{escape_into, to_html, to_inline_html};

/// Renders one field of the form.
pub(super) fn field(b: &mut String, f: &FieldView) {
    match f.kind {
        FieldKind::Note => content_block(b, f, "co-note"),
        FieldKind::Html => content_block(b, f, "co-html"),
        FieldKind::Hidden => {
            b.push_str("<input type=\"hidden\"");
            attr(b, "name", &f.name);
            attr(b, "value", f.value.as_deref().unwrap_or(""));
            b.push_str(">\n");
        }
        FieldKind::Checkbox => checkbox(b, f),
        FieldKind::Radio => choice_group(b, f, "radio"),
        FieldKind::Checkboxes => choice_group(b, f, "checkbox"),
        FieldKind::Multiselect => multiselect(b, f),
        FieldKind::Dropdown => dropdown(b, f),
        FieldKind::Area => area(b, f),
        FieldKind::File => file_input(b, f),
        FieldKind::Signature => super::signature::signature(b, f),
        _ => text_like(b, f),
    }
}

/// A file field: `<input type="file">` with `multiple`, `accept` and `capture` as
/// docassemble renders them.
fn file_input(b: &mut String, f: &FieldView) {
    field_open(b, f, "co-file");
    field_label(b, f);
    b.push_str("<input type=\"file\" class=\"co-file-input\"");
    common_input_attrs(b, f);
    if let Some(u) = &f.upload {
        if u.multiple {
            b.push_str(" multiple");
        }
        opt_attr(b, "accept", u.accept.as_deref());
        opt_attr(b, "capture", u.capture.as_deref());
    }
    b.push('>');
    field_close(b, f, "div");
}

/// A `note:` or `html:` field: the author's content in a `div` of `class`.
fn content_block(b: &mut String, f: &FieldView, class: &str) {
    if let Some(c) = &f.content {
        b.push_str("<div");
        attr(b, "class", class);
        b.push('>');
        b.push_str(&to_html(c));
        b.push_str("</div>\n");
    }
}

/// A single yes/no checkbox, its label beside it.
fn checkbox(b: &mut String, f: &FieldView) {
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
    field_close(b, f, "div");
}

fn area(b: &mut String, f: &FieldView) {
    field_open(b, f, "co-area");
    field_label(b, f);
    b.push_str("<textarea");
    common_input_attrs(b, f);
    let _ = write!(b, " rows=\"{}\"", f.rows.unwrap_or(4));
    opt_attr(b, "placeholder", f.hint.as_deref());
    length_attrs(b, f);
    b.push('>');
    escape_into(b, f.value.as_deref().unwrap_or(""));
    b.push_str("</textarea>");
    field_close(b, f, "div");
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
    length_attrs(b, f);
    if matches!(f.kind, FieldKind::Email) {
        b.push_str(" autocomplete=\"email\"");
    }
    b.push('>');
    if currency {
        b.push_str("</div>");
    }
    field_close(b, f, "div");
}

fn length_attrs(b: &mut String, f: &FieldView) {
    if let Some(n) = f.minlength {
        let _ = write!(b, " minlength=\"{n}\"");
    }
    if let Some(n) = f.maxlength {
        let _ = write!(b, " maxlength=\"{n}\"");
    }
}

/// The ids of the field's error and help, which describe its input.
pub(super) fn describedby(f: &FieldView) -> Option<String> {
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

/// The field's error and help, then the end of its wrapper (`div` or `fieldset`).
pub(super) fn field_close(b: &mut String, f: &FieldView, tag: &str) {
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
    let _ = writeln!(b, "</{tag}>");
}

/// `id`, `name` and the required/disabled/invalid/described-by state of an input.
pub(super) fn common_input_attrs(b: &mut String, f: &FieldView) {
    attr(b, "id", &f.id);
    attr(b, "name", &f.name);
    required_disabled(b, f);
    if f.error.is_some() {
        b.push_str(" aria-invalid=\"true\"");
    }
    opt_attr(b, "aria-describedby", describedby(f).as_deref());
}

pub(super) fn required_disabled(b: &mut String, f: &FieldView) {
    if f.required {
        b.push_str(" required aria-required=\"true\"");
    }
    if f.disabled {
        b.push_str(" disabled");
    }
}

pub(super) fn field_label(b: &mut String, f: &FieldView) {
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

/// The start of a field's `div` wrapper, its classes saying its kind and state.
pub(super) fn field_open(b: &mut String, f: &FieldView, kind_class: &str) {
    wrapper_start(b, "div", f, kind_class);
    b.push('>');
}

/// `<tag class="co-field KIND [co-has-error] [author's class]"`, left open for more
/// attributes.
pub(super) fn wrapper_start(b: &mut String, tag: &str, f: &FieldView, kind_class: &str) {
    b.push('<');
    b.push_str(tag);
    // ` class="co-field KIND[ co-has-error][ CSS]"`, each part escaped as `attr` would
    b.push_str(" class=\"co-field ");
    escape_into(b, kind_class);
    if f.error.is_some() {
        b.push_str(" co-has-error");
    }
    if let Some(c) = &f.css_class {
        b.push(' ');
        escape_into(b, c);
    }
    b.push('"');
}
