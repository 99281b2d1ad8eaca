//! Fields that offer a list of options: radio buttons and checkboxes in a `fieldset`,
//! a multi-select list and a dropdown.

use std::fmt::Write as _;

use engine::{ChoiceView, FieldView};

use super::fields::{
    common_input_attrs, describedby, field_close, field_label, field_open, required_disabled,
    wrapper_start,
};
use super::{attr, opt_attr, MULTISELECT};
use crate::markdown::{escape_into, to_inline_html, to_plain_cow};

/// Radio buttons (`ty` = `radio`) or checkboxes (`checkbox`) in a `fieldset` whose
/// `legend` is the label.
pub(super) fn choice_group(b: &mut String, f: &FieldView, ty: &str) {
    let kind = match ty {
        "radio" => "co-group co-radios",
        _ => "co-group co-checkboxs",
    };
    wrapper_start(b, "fieldset", f, kind);
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
    field_close(b, f, "fieldset");
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

/// A real multi-select list; each selected option posts `_multiselect=<its own field
/// name>`, which the server turns back into `<name>=True` (see handlers).
pub(super) fn multiselect(b: &mut String, f: &FieldView) {
    field_open(b, f, "co-multiselect");
    field_label(b, f);
    b.push_str("<select multiple");
    attr(b, "id", &f.id);
    attr(b, "name", MULTISELECT);
    required_disabled(b, f);
    let _ = write!(
        b,
        " size=\"{}\"",
        f.rows.unwrap_or(f.choices.len().clamp(2, 8) as u32)
    );
    opt_attr(b, "aria-describedby", describedby(f).as_deref());
    b.push('>');
    for c in &f.choices {
        option(
            b,
            c.name.as_deref().unwrap_or(&c.value),
            c.selected,
            &c.label,
        );
    }
    b.push_str("</select>");
    field_close(b, f, "div");
}

/// A single-choice `select`, its first option empty.
pub(super) fn dropdown(b: &mut String, f: &FieldView) {
    field_open(b, f, "co-dropdown");
    field_label(b, f);
    b.push_str("<select");
    common_input_attrs(b, f);
    b.push_str("><option value=\"\">Select...</option>");
    for c in &f.choices {
        let selected = c.selected || f.value.as_deref() == Some(c.value.as_str());
        option(b, &c.value, selected, &c.label);
    }
    b.push_str("</select>");
    field_close(b, f, "div");
}

fn option(b: &mut String, value: &str, selected: bool, label: &str) {
    b.push_str("<option");
    attr(b, "value", value);
    if selected {
        b.push_str(" selected");
    }
    b.push('>');
    escape_into(b, &to_plain_cow(label));
    b.push_str("</option>");
}
