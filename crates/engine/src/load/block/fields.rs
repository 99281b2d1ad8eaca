//! The items of a `fields:` list.

use crate::load::cx::{Cx, R};
use crate::model::*;
use crate::yaml::{Node, Value};

use super::choices::{parse_choices, sorted_map_choices};
use super::question::default_value;

/// Keys of a `fields:` item that the loader reads into [`Field`].
const PARSED_FIELD_KEYS: &[&str] = &[
    "label",
    "field",
    "datatype",
    "input type",
    "choices",
    "code",
    "exclude",
    "required",
    "default",
    "hint",
    "help",
    "min",
    "max",
    "minlength",
    "maxlength",
    "step",
    "scale",
    "currency symbol",
    "show if",
    "hide if",
    "js show if",
    "js hide if",
    "enable if",
    "disable if",
    "js enable if",
    "js disable if",
    "note",
    "html",
    "raw html",
    "validate",
    "none of the above",
    "all of the above",
    "under text",
    "validation messages",
    "shuffle",
    "no label",
];

/// Whether `key` is a known key of a `fields:` item (read, or kept raw).
fn is_field_key(key: &str) -> bool {
    PARSED_FIELD_KEYS.contains(&key) || RAW_FIELD_KEYS.contains(&key)
}

pub(super) fn parse_fields(
    cx: &mut Cx<'_>,
    node: &Node,
    number: usize,
    defines: &mut Vec<String>,
) -> R<Input> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Map(_) => {
            if let (Some(c), Some(1)) = (node.get("code"), node.as_map().map(<[_]>::len)) {
                return Ok(Input::FieldsCode(cx.expr(c, "fields code")?));
            }
            vec![node]
        }
        _ => return Err(cx.err(node.line, "'fields' must be a list of fields")),
    };
    if let [only] = items.as_slice() {
        if let (Some(c), Some(1)) = (only.get("code"), only.as_map().map(<[_]>::len)) {
            return Ok(Input::FieldsCode(cx.expr(c, "fields code")?));
        }
    }
    let mut fields = Vec::new();
    for item in items {
        let field = parse_field(cx, item, number)?;
        if let Some(v) = &field.var {
            defines.push(v.name.clone());
        }
        fields.push(field);
    }
    Ok(Input::Fields(fields))
}

pub(super) fn field_condition(cx: &Cx<'_>, n: &Node, js: bool, what: &str) -> R<FieldCondition> {
    if js {
        return Ok(FieldCondition::Js(cx.string(n, what)?));
    }
    match &n.value {
        Value::Map(_) => {
            if let Some(c) = n.get("code") {
                Ok(FieldCondition::Code(cx.expr(c, what)?))
            } else if let Some(v) = n.get("variable") {
                let variable = cx.var(v, what)?.name;
                let is = n.get("is").cloned().unwrap_or(Node {
                    value: Value::Bool(true),
                    line: n.line,
                    column: n.column,
                });
                Ok(FieldCondition::VarIs { variable, is })
            } else {
                Err(cx.err(
                    n.line,
                    format!(
                        "'{what}' must be a variable name, {{variable: …, is: …}} or {{code: …}}"
                    ),
                ))
            }
        }
        _ => Ok(FieldCondition::Var(cx.var(n, what)?.name)),
    }
}

pub(super) fn parse_field(cx: &mut Cx<'_>, item: &Node, number: usize) -> R<Field> {
    let Some(map) = item.as_map() else {
        return Err(cx.err(
            item.line,
            format!("each field must be a dictionary, not {}", item.type_name()),
        ));
    };
    let t = |cx: &Cx<'_>, k: &str| cx.opt_text(item.get(k), k);
    let mut other = Vec::new();
    let (label, var) = field_label_var(cx, item, map, &mut other)?;
    let note = t(cx, "note")?;
    let html = t(cx, "html")?;
    let raw_html = t(cx, "raw html")?;
    if var.is_none() && note.is_none() && html.is_none() && raw_html.is_none() {
        return Err(cx.err(
            item.line,
            "field has no variable (use 'Label: variable', 'field:', 'note:' or 'html:')",
        ));
    }
    let choices = if let Some(c) = item.get("choices") {
        let mut ignore = Vec::new();
        Some(sorted_map_choices(c, parse_choices(cx, c, false, number, &mut ignore, false)?))
    } else if let Some(c) = item.get("code") {
        Some(Choices::Code(cx.expr(c, "code")?))
    } else {
        None
    };
    let cond = |cx: &Cx<'_>, k: &str, js: &str| -> R<Option<FieldCondition>> {
        match (item.get(k), item.get(js)) {
            (Some(n), _) => field_condition(cx, n, false, k).map(Some),
            (None, Some(n)) => field_condition(cx, n, true, js).map(Some),
            (None, None) => Ok(None),
        }
    };
    let validation_messages = validation_messages(cx, item)?;
    for k in RAW_FIELD_KEYS {
        if let Some(n) = item.get(k) {
            other.push((k.to_string(), n.clone()));
        }
    }
    Ok(Field {
        label,
        var,
        datatype: item
            .get("datatype")
            .map(|n| cx.string(n, "datatype"))
            .transpose()?
            .map(|s| s.trim().to_string()),
        input_type: item
            .get("input type")
            .map(|n| cx.string(n, "input type"))
            .transpose()?
            .map(|s| s.trim().to_string()),
        choices,
        exclude: item
            .get("exclude")
            .map(|n| exclude_expr(cx, n))
            .transpose()?,
        required: item
            .get("required")
            .map(|n| cx.condition(n, "required"))
            .transpose()?,
        default: item
            .get("default")
            .map(|n| default_value(cx, n))
            .transpose()?,
        hint: t(cx, "hint")?,
        help: t(cx, "help")?,
        min: t(cx, "min")?,
        max: t(cx, "max")?,
        minlength: t(cx, "minlength")?,
        maxlength: t(cx, "maxlength")?,
        step: t(cx, "step")?,
        scale: t(cx, "scale")?,
        currency_symbol: t(cx, "currency symbol")?,
        show_if: cond(cx, "show if", "js show if")?,
        hide_if: cond(cx, "hide if", "js hide if")?,
        enable_if: cond(cx, "enable if", "js enable if")?,
        disable_if: cond(cx, "disable if", "js disable if")?,
        note,
        html,
        raw_html,
        validate: item
            .get("validate")
            .map(|n| cx.expr(n, "validate"))
            .transpose()?,
        none_of_the_above: item.get("none of the above").cloned(),
        all_of_the_above: item.get("all of the above").cloned(),
        shuffle: item
            .get("shuffle")
            .map(|n| cx.boolean(n, "shuffle"))
            .unwrap_or(false),
        under_text: t(cx, "under text")?,
        validation_messages,
        other,
        pos: cx.pos(item),
    })
}

/// A field's label and variable: `Label: variable` shorthand, `label:`/`field:`, or
/// `no label:`. Keys after the shorthand that nobody knows go to `other`.
fn field_label_var(
    cx: &mut Cx<'_>,
    item: &Node,
    map: &[(Node, Node)],
    other: &mut Vec<(String, Node)>,
) -> R<(Option<Text>, Option<Var>)> {
    let mut label = None;
    let mut var = None;
    let mut shorthand_seen = false;
    for (k, v) in map {
        let key = k.scalar_text().unwrap_or_default();
        if is_field_key(&key) {
            continue;
        }
        if shorthand_seen {
            cx.warn(k.line, format!("unknown key '{key}' in field"));
            other.push((key, v.clone()));
            continue;
        }
        shorthand_seen = true;
        label = Some(cx.text(k, "label")?);
        var = Some(cx.var(v, "field")?);
    }
    if let Some(l) = item.get("label") {
        label = Some(cx.text(l, "label")?);
    }
    if let Some(f) = item.get("field") {
        var = Some(cx.var(f, "field")?);
    }
    if let Some(f) = item.get("no label") {
        label = None;
        var = Some(cx.var(f, "field")?);
    }
    Ok((label, var))
}

/// `validation messages:` of a field, by kind of check.
fn validation_messages(cx: &mut Cx<'_>, item: &Node) -> R<indexmap::IndexMap<String, Text>> {
    let mut validation_messages = indexmap::IndexMap::new();
    if let Some(m) = item.get("validation messages").and_then(Node::as_map) {
        for (k, v) in m {
            validation_messages.insert(
                cx.string(k, "validation message key")?,
                cx.text(v, "validation message")?,
            );
        }
    }
    Ok(validation_messages)
}

/// Field keys kept raw for the run (presentation and options read when the field is shown).
const RAW_FIELD_KEYS: &[&str] = &[
    "inline width",
    "css class",
    "disable others",
    "uncheck others",
    "check others",
    "address autocomplete",
    "grid",
    "item grid",
    "label above field",
    "floating label",
    "rows",
    "accept",
    "maximum image size",
    "image upload type",
    "file css class",
    "persistent",
    "private",
    "allow users",
    "allow privileges",
    "disabled",
    "group",
    "field metadata",
    "object labeler",
    "help generator",
    "image generator",
    "action",
    "trigger at",
    "inline",
    "label above",
    "max image size",
    "extras",
    "hide if empty",
    "code shown",
    "item label",
    "using",
    "keep for training",
];

/// `exclude:` — an expression, or a list of expressions (kept as a list expression `[a, b]`).
pub(super) fn exclude_expr(cx: &Cx<'_>, n: &Node) -> R<Expr> {
    match n.as_seq() {
        Some(items) => {
            let mut parts = Vec::new();
            for i in items {
                parts.push(cx.expr(i, "exclude")?.source);
            }
            cx.expr_from(format!("[{}]", parts.join(", ")), n, "exclude")
        }
        None => cx.expr(n, "exclude"),
    }
}
