//! Choice lists: `buttons`/`choices`/`dropdown` items, embedded blocks, commands, and
//! lists mixing written items with `code:`.

use crate::load::cx::{get, lowered, Cx, R};
use crate::model::*;
use crate::yaml::{Node, Value};

use super::parse_block;

pub(super) const COMMANDS: &[&str] = &[
    "exit",
    "logout",
    "exit_logout",
    "continue",
    "restart",
    "leave",
    "refresh",
    "signin",
    "register",
    "new_session",
    "interview_exit",
];

/// Keys of a choice item that are options rather than `Label: value`.
pub(super) const CHOICE_OPTION_KEYS: &[&str] = &[
    "image",
    "help",
    "default",
    "css class",
    "color",
    "show if",
    "hide if",
    "group",
    "label",
    "key",
    "value",
    "url",
];

/// `buttons` / `choices` / `dropdown` / field `choices`.
pub(super) fn parse_choices(
    cx: &mut Cx<'_>,
    node: &Node,
    embedded_allowed: bool,
    number: usize,
    defines: &mut Vec<String>,
    scan_vars: bool,
) -> R<Choices> {
    match &node.value {
        Value::Map(m) => {
            if let (1, Some(c)) = (m.len(), node.get("code")) {
                return Ok(Choices::Code(cx.expr(c, "choices code")?));
            }
            // a plain dictionary: each key is a label, each value a value
            let mut out = Vec::new();
            for (k, v) in m {
                out.push(Choice {
                    label: cx.text(k, "choice label")?,
                    value: choice_value(cx, v, embedded_allowed, number, defines, scan_vars)?,
                    help: None,
                    image: None,
                    default: false,
                    show_if: None,
                    hide_if: None,
                    color: None,
                    css_class: None,
                    pos: cx.pos(k),
                });
            }
            Ok(Choices::List(out))
        }
        Value::Seq(items) => {
            if items.len() == 1 {
                if let Some(m) = items[0].as_map() {
                    if m.len() == 1 {
                        if let Some(c) = items[0].get("code") {
                            return Ok(Choices::Code(cx.expr(c, "choices code")?));
                        }
                    }
                }
            }
            let is_code_item =
                |n: &Node| n.as_map().is_some_and(|m| m.len() == 1) && n.get("code").is_some();
            if items.iter().any(is_code_item) {
                return mixed_choices(cx, node, items);
            }
            let mut out = Vec::new();
            for item in items {
                out.push(parse_choice(
                    cx,
                    item,
                    embedded_allowed,
                    number,
                    defines,
                    scan_vars,
                )?);
            }
            Ok(Choices::List(out))
        }
        Value::Null => Ok(Choices::List(Vec::new())),
        _ => Ok(Choices::Code(cx.expr(node, "choices")?)),
    }
}

/// A field's choices written as one YAML mapping (`Label: value`) in the order docassemble
/// shows them: sorted by value (stable), when the values are all texts or all numbers.
pub(super) fn sorted_map_choices(node: &Node, choices: Choices) -> Choices {
    let Choices::List(mut list) = choices else { return choices };
    if !matches!(node.value, Value::Map(_)) {
        return Choices::List(list);
    }
    let text = |c: &Choice| match &c.value {
        ChoiceValue::Value(n) => match &n.value {
            Value::Str(s) => Some(s.clone()),
            _ => None,
        },
        _ => None,
    };
    let number = |c: &Choice| match &c.value {
        ChoiceValue::Value(n) => match &n.value {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    };
    if list.iter().all(|c| text(c).is_some()) {
        list.sort_by_key(|c| text(c).unwrap_or_default());
    } else if list.iter().all(|c| number(c).is_some()) {
        list.sort_by(|a, b| number(a).unwrap_or(0.0).total_cmp(&number(b).unwrap_or(0.0)));
    }
    Choices::List(list)
}

/// A list mixing written choices and `- code: expr` items becomes one expression:
/// `[{value: label}, …] + list(expr) + …` (written items must be plain `label: value`).
pub(super) fn mixed_choices(cx: &Cx<'_>, node: &Node, items: &[Node]) -> R<Choices> {
    let literal = |n: &Node| -> Option<String> {
        Some(match &n.value {
            Value::Str(s) => crate::load::scan::python_repr(s),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => crate::yaml::python_float(*f),
            Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            Value::Null => "None".to_string(),
            _ => return None,
        })
    };
    let mut parts: Vec<String> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    for item in items {
        if let (Some(c), Some(1)) = (item.get("code"), item.as_map().map(<[_]>::len)) {
            if !pending.is_empty() {
                parts.push(format!("[{}]", pending.join(", ")));
                pending.clear();
            }
            let e = cx.expr(c, "choices code")?;
            parts.push(format!("list({})", e.source()));
            continue;
        }
        let (label, value) = match item.as_map() {
            None => (item, item),
            Some([(k, v)]) => (k, v),
            Some(_) => {
                return Err(cx.err(
                    item.line,
                    "choices mixing '- code:' items with detailed items are not supported",
                ))
            }
        };
        let (Some(l), Some(v)) = (label.scalar_text(), literal(value)) else {
            return Err(cx.err(
                item.line,
                "choices mixing '- code:' items must be 'label: value'",
            ));
        };
        if crate::load::looks_like_mako(&l) {
            return Err(cx.err(
                item.line,
                "choices mixing '- code:' items cannot use Mako in labels",
            ));
        }
        pending.push(format!("{{{v}: {}}}", crate::load::scan::python_repr(&l)));
    }
    if !pending.is_empty() {
        parts.push(format!("[{}]", pending.join(", ")));
    }
    Ok(Choices::Code(cx.expr_from(
        parts.join(" + "),
        node,
        "choices",
    )?))
}

pub(super) fn parse_choice(
    cx: &mut Cx<'_>,
    item: &Node,
    embedded_allowed: bool,
    number: usize,
    defines: &mut Vec<String>,
    scan_vars: bool,
) -> R<Choice> {
    let blank = |label: Text, value: ChoiceValue, pos: Pos| Choice {
        label,
        value,
        help: None,
        image: None,
        default: false,
        show_if: None,
        hide_if: None,
        color: None,
        css_class: None,
        pos,
    };
    let Some(map) = item.as_map() else {
        // a scalar: label and value are the same
        let label = cx.text(item, "choice")?;
        let value = if embedded_allowed {
            command_or_value(cx, item)?
        } else {
            ChoiceValue::Value(item.clone())
        };
        return Ok(blank(label, value, cx.pos(item)));
    };
    let has = |k: &str| item.get(k).is_some();
    let mut choice = if has("label") && (has("key") || has("value")) {
        let value_node = item.get("key").or(item.get("value")).unwrap_or(item);
        let value = choice_value(cx, value_node, embedded_allowed, number, defines, scan_vars)?;
        blank(
            cx.text(item.get("label").unwrap_or(item), "label")?,
            value,
            cx.pos(item),
        )
    } else {
        let rest: Vec<&(Node, Node)> = map
            .iter()
            .filter(|(k, _)| !k.as_str().is_some_and(|s| CHOICE_OPTION_KEYS.contains(&s)))
            .collect();
        match rest.as_slice() {
            [] => {
                // only option keys: `- label: X` alone or `- key: X` alone
                let n = item
                    .get("label")
                    .or(item.get("key"))
                    .or(item.get("value"))
                    .unwrap_or(item);
                let label = cx.text(n, "choice")?;
                blank(label, ChoiceValue::Value(n.clone()), cx.pos(item))
            }
            [(k, v), more @ ..] => {
                for (extra, _) in more {
                    cx.warn(
                        extra.line,
                        format!(
                            "choice has more than one 'label: value' pair; '{}' ignored",
                            extra.scalar_text().unwrap_or_default()
                        ),
                    );
                }
                let value = choice_value(cx, v, embedded_allowed, number, defines, scan_vars)?;
                blank(cx.text(k, "choice label")?, value, cx.pos(k))
            }
        }
    };
    if let (ChoiceValue::Command { url, .. }, Some(u)) = (&mut choice.value, item.get("url")) {
        *url = Some(cx.text(u, "url")?);
    }
    choice.help = cx.opt_text(item.get("help"), "help")?;
    choice.image = item.get("image").and_then(|n| n.scalar_text());
    choice.default = item
        .get("default")
        .map(|n| cx.boolean(n, "default"))
        .unwrap_or(false);
    choice.color = item.get("color").and_then(|n| n.scalar_text());
    choice.css_class = item.get("css class").and_then(|n| n.scalar_text());
    choice.show_if = item
        .get("show if")
        .map(|n| cond_expr(cx, n, "show if"))
        .transpose()?;
    choice.hide_if = item
        .get("hide if")
        .map(|n| cond_expr(cx, n, "hide if"))
        .transpose()?;
    Ok(choice)
}

/// `show if:` of a choice: an expression or `{code: expr}`.
pub(super) fn cond_expr(cx: &Cx<'_>, n: &Node, what: &str) -> R<Expr> {
    match n.get("code") {
        Some(c) => cx.expr(c, what),
        None => cx.expr(n, what),
    }
}

pub(super) fn command_or_value(cx: &Cx<'_>, n: &Node) -> R<ChoiceValue> {
    if let Some(s) = n.as_str() {
        if COMMANDS.contains(&s.trim()) {
            return Ok(ChoiceValue::Command {
                command: s.trim().to_string(),
                url: None,
            });
        }
    }
    let _ = cx;
    Ok(ChoiceValue::Value(n.clone()))
}

pub(super) fn choice_value(
    cx: &mut Cx<'_>,
    v: &Node,
    embedded_allowed: bool,
    number: usize,
    defines: &mut Vec<String>,
    scan_vars: bool,
) -> R<ChoiceValue> {
    if !embedded_allowed {
        return Ok(ChoiceValue::Value(v.clone()));
    }
    match &v.value {
        Value::Map(_) => {
            let keys = lowered(v);
            if get(&keys, "question").is_some() || get(&keys, "code").is_some() {
                let block = parse_block(cx, v, number)?;
                if scan_vars {
                    defines.extend(block.defines.iter().cloned());
                }
                Ok(ChoiceValue::Block(Box::new(block)))
            } else if let Some(c) = get(&keys, "command").or(get(&keys, "action")) {
                Ok(ChoiceValue::Command {
                    command: cx.string(c, "command")?,
                    url: cx.opt_text(get(&keys, "url"), "url")?,
                })
            } else {
                Ok(ChoiceValue::Value(v.clone()))
            }
        }
        _ => command_or_value(cx, v),
    }
}
