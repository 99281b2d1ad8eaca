//! Review screens: `review:` items and the actions of their `fields:`.

use crate::load::cx::{Cx, R};
use crate::model::*;
use crate::yaml::{Node, Value};

pub(super) fn parse_review(cx: &mut Cx<'_>, node: &Node) -> R<Vec<ReviewItem>> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Map(_) => vec![node],
        _ => return Err(cx.err(node.line, "'review' must be a list")),
    };
    const KEYS: &[&str] = &[
        "label",
        "field",
        "fields",
        "button",
        "note",
        "html",
        "show if",
        "action",
        "help",
        "css class",
        "raw html",
        "arguments",
    ];
    let mut out = Vec::new();
    for item in items {
        let Some(map) = item.as_map() else {
            return Err(cx.err(item.line, "each review item must be a dictionary"));
        };
        let mut r = ReviewItem {
            label: None,
            fields: Vec::new(),
            actions: Vec::new(),
            button: cx.opt_text(item.get("button"), "button")?,
            note: cx.opt_text(item.get("note"), "note")?,
            html: cx.opt_text(item.get("html"), "html")?,
            show_if: Vec::new(),
            action: item
                .get("action")
                .map(|n| cx.string(n, "action"))
                .transpose()?,
            help: cx.opt_text(item.get("help"), "help")?,
            pos: cx.pos(item),
        };
        for (k, v) in map {
            let key = k.scalar_text().unwrap_or_default();
            if KEYS.contains(&key.as_str()) {
                continue;
            }
            if r.label.is_some() {
                cx.warn(k.line, format!("unknown key '{key}' in review item"));
                continue;
            }
            r.label = Some(cx.text(k, "label")?);
            review_fields(cx, v, &mut r.actions)?;
        }
        if let Some(l) = item.get("label") {
            r.label = Some(cx.text(l, "label")?);
        }
        for k in ["field", "fields"] {
            if let Some(f) = item.get(k) {
                review_fields(cx, f, &mut r.actions)?;
            }
        }
        r.fields = review_names(&r.actions);
        if let Some(s) = item.get("show if") {
            r.show_if = cx.expr_list(s, "show if")?;
        }
        out.push(r);
    }
    Ok(out)
}

/// A review item's `fields:` value: a name, a list of names, or dicts like
/// `{recompute: [...]}` / `{follow up: [...]}` / `{undefine: [...]}` / `{set: [{var: value}]}`.
pub(super) fn review_fields(cx: &mut Cx<'_>, n: &Node, out: &mut Vec<ReviewAction>) -> R<()> {
    match &n.value {
        Value::Seq(items) => {
            for i in items {
                review_fields(cx, i, out)?;
            }
        }
        Value::Map(m) => {
            for (k, v) in m {
                let key = k.scalar_text().unwrap_or_default().trim().to_lowercase();
                match key.as_str() {
                    "follow up" => out.push(ReviewAction::FollowUp(cx.names(v, "follow up")?)),
                    "recompute" => out.push(ReviewAction::Recompute(cx.names(v, "recompute")?)),
                    "undefine" => out.push(ReviewAction::Undefine(cx.names(v, "undefine")?)),
                    "invalidate" => out.push(ReviewAction::Invalidate(cx.names(v, "invalidate")?)),
                    "set" => {
                        let mut pairs = Vec::new();
                        let items: Vec<&Node> = match &v.value {
                            Value::Seq(items) => items.iter().collect(),
                            _ => vec![v],
                        };
                        for item in items {
                            for (var, value) in item.as_map().unwrap_or(&[]) {
                                pairs.push((cx.var(var, "set")?.name, value.clone()));
                            }
                        }
                        out.push(ReviewAction::Set(pairs));
                    }
                    _ => {
                        cx.warn(k.line, format!("unknown key '{key}' in review fields"));
                    }
                }
            }
        }
        Value::Str(_) => out.push(ReviewAction::Ask(cx.var(n, "review field")?.name)),
        _ => return Err(cx.err(n.line, "review field must be a variable name")),
    }
    Ok(())
}

/// Every variable named by review actions, in order.
pub(super) fn review_names(actions: &[ReviewAction]) -> Vec<String> {
    let mut out = Vec::new();
    for a in actions {
        match a {
            ReviewAction::Ask(v) => out.push(v.clone()),
            ReviewAction::FollowUp(vs)
            | ReviewAction::Recompute(vs)
            | ReviewAction::Undefine(vs)
            | ReviewAction::Invalidate(vs) => out.extend(vs.iter().cloned()),
            ReviewAction::Set(pairs) => out.extend(pairs.iter().map(|(v, _)| v.clone())),
        }
    }
    out
}
