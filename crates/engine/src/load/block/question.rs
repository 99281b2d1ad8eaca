//! A question's own keys: its input directive, screen texts, help, terms, progress and
//! action buttons.

use crate::load::cx::{get, lowered, Cx, R};
use crate::model::*;
use crate::yaml::{Node, Value};

use super::choices::{cond_expr, parse_choices};
use super::fields::parse_fields;
use super::review::parse_review;

pub(super) fn parse_question(
    cx: &mut Cx<'_>,
    keys: &[(String, &Node, &Node)],
    q: &Node,
    number: usize,
    defines: &mut Vec<String>,
    scan_vars: bool,
) -> R<Question> {
    let text = |cx: &Cx<'_>, k: &str| cx.opt_text(get(keys, k), k);
    let cond = |cx: &Cx<'_>, k: &str| get(keys, k).map(|n| cx.condition(n, k)).transpose();
    let question = cx.text(q, "question")?;
    let mut continue_button_field = get(keys, "continue button field")
        .map(|n| cx.var(n, "continue button field"))
        .transpose()?;

    let field_node = get(keys, "field");
    let input = question_input(cx, keys, q, number, defines, scan_vars)?;
    // `field:` without a choice directive is a continue button field
    if let (Some(f), false) = (field_node, matches!(input, Input::Choice(_))) {
        if continue_button_field.is_none() {
            continue_button_field = Some(cx.var(f, "field")?);
        }
    }
    match &input {
        Input::YesNo { var, .. } => defines.push(var.name.clone()),
        Input::Signature(sig) => defines.push(sig.var.name.clone()),
        Input::Choice(c) => {
            if let Some(f) = &c.field {
                defines.push(f.name.clone());
            }
        }
        _ => {}
    }
    if let Some(v) = &continue_button_field {
        defines.push(v.name.clone());
    }

    let help = get(keys, "help").map(|n| parse_help(cx, n)).transpose()?;
    let terms = match get(keys, "terms") {
        Some(n) => parse_terms(cx, n)?,
        None => Vec::new(),
    };
    let auto_terms = match get(keys, "auto terms") {
        Some(n) => parse_terms(cx, n)?,
        None => Vec::new(),
    };
    let progress = match get(keys, "progress") {
        None => Progress::Auto,
        Some(n) => parse_progress(cx, n),
    };
    let action_buttons = match get(keys, "action buttons") {
        None => ActionButtons::None,
        Some(n) => parse_action_buttons(cx, n)?,
    };
    let allowed_to_set = match get(keys, "allowed to set") {
        None => AllowedToSet::None,
        Some(n) => parse_allowed_to_set(cx, n)?,
    };
    let validation_code = get(keys, "validation code")
        .map(|n| cx.code(n, "validation code").map(|(c, _)| c))
        .transpose()?;
    let attachment_options = ATTACHMENT_OPTIONS
        .iter()
        .filter_map(|k| get(keys, k).map(|n| (k.to_string(), n.clone())))
        .collect();

    Ok(Question {
        question,
        subquestion: text(cx, "subquestion")?,
        under: text(cx, "under")?,
        pre: text(cx, "pre")?,
        post: text(cx, "post")?,
        right: text(cx, "right")?,
        submit: text(cx, "submit")?,
        help,
        decoration: get(keys, "decoration")
            .map(|n| cx.string(n, "decoration"))
            .transpose()?,
        input,
        continue_button_field,
        continue_button_label: text(cx, "continue button label")?,
        continue_button_color: text(cx, "continue button color")?,
        resume_button_label: text(cx, "resume button label")?,
        back_button_label: text(cx, "back button label")?,
        corner_back_button_label: text(cx, "corner back button label")?,
        hide_continue_button: cond(cx, "hide continue button")?,
        disable_continue_button: cond(cx, "disable continue button")?,
        prevent_going_back: cond(cx, "prevent going back")?,
        back_button: cond(cx, "back button")?,
        progress,
        section: get(keys, "section")
            .map(|n| cx.string(n, "section"))
            .transpose()?,
        breadcrumb: text(cx, "breadcrumb")?,
        terms,
        auto_terms,
        action_buttons,
        validation_code,
        css_class: text(cx, "css class")?,
        table_css_class: text(cx, "table css class")?,
        script: text(cx, "script")?,
        css: text(cx, "css")?,
        reload: get(keys, "reload").cloned(),
        check_in: get(keys, "check in")
            .map(|n| cx.string(n, "check in"))
            .transpose()?,
        allowed_to_set,
        list_collect: get(keys, "list collect").cloned(),
        attachments: [
            "attachment",
            "attachments",
            "attachment code",
            "attachments code",
        ]
        .iter()
        .find_map(|k| get(keys, k).cloned()),
        attachment_options,
        attachment_set: None,
        attachment_box: crate::attach::AttachmentBox::default(),
        tabular: get(keys, "tabular").cloned(),
        question_metadata: get(keys, "question metadata").cloned(),
        usedefs: get(keys, "usedefs")
            .map(|n| cx.strings(n, "usedefs"))
            .transpose()?
            .unwrap_or_default(),
    })
}

/// The question's input directive (`yesno`, `fields`, `buttons`/`choices`/…, `review`,
/// `signature`), or none.
fn question_input(
    cx: &mut Cx<'_>,
    keys: &[(String, &Node, &Node)],
    q: &Node,
    number: usize,
    defines: &mut Vec<String>,
    scan_vars: bool,
) -> R<Input> {
    let field_node = get(keys, "field");
    let yesno = [
        ("yesno", YesNoKind::YesNo),
        ("noyes", YesNoKind::NoYes),
        ("yesnomaybe", YesNoKind::YesNoMaybe),
        ("noyesmaybe", YesNoKind::NoYesMaybe),
    ];
    let choice_style = [
        ("buttons", ChoiceStyle::Buttons),
        ("choices", ChoiceStyle::Radio),
        ("dropdown", ChoiceStyle::Dropdown),
        ("combobox", ChoiceStyle::Combobox),
    ];
    Ok(if let Some((k, kind)) = yesno.iter().find(|(k, _)| get(keys, k).is_some()) {
        let var = cx.var(get(keys, k).unwrap_or(q), k)?;
        Input::YesNo { var, kind: *kind }
    } else if let Some(f) = get(keys, "fields") {
        parse_fields(cx, f, number, defines)?
    } else if let Some((k, style)) = choice_style.iter().find(|(k, _)| get(keys, k).is_some()) {
        let node = get(keys, k).unwrap_or(q);
        let field = field_node.map(|n| cx.var(n, "field")).transpose()?;
        let choices = parse_choices(cx, node, field.is_none(), number, defines, scan_vars)?;
        let mut other = Vec::new();
        for extra in ["exclude", "under text"] {
            if let Some(n) = get(keys, extra) {
                other.push((extra.to_string(), n.clone()));
            }
        }
        Input::Choice(Box::new(ChoiceInput {
            field,
            style: *style,
            choices,
            default: get(keys, "default")
                .map(|n| default_value(cx, n))
                .transpose()?,
            shuffle: get(keys, "shuffle")
                .map(|n| cx.boolean(n, "shuffle"))
                .unwrap_or(false),
            datatype: get(keys, "datatype")
                .map(|n| cx.string(n, "datatype"))
                .transpose()?,
            other,
        }))
    } else if let Some(r) = get(keys, "review") {
        Input::Review(parse_review(cx, r)?)
    } else if let Some(s) = get(keys, "signature") {
        Input::Signature(Box::new(SignatureInput {
            var: cx.var(s, "signature")?,
            pen_color: get(keys, "pen color").map(|n| cx.string(n, "pen color")).transpose()?,
            required: get(keys, "required").map(|n| cx.condition(n, "required")).transpose()?,
        }))
    } else {
        Input::None
    })
}

/// `progress:` a number, or null to hide the bar.
fn parse_progress(cx: &mut Cx<'_>, n: &Node) -> Progress {
    match &n.value {
        Value::Null => Progress::Hide,
        Value::Int(i) => Progress::Percent(*i as f64),
        Value::Float(f) => Progress::Percent(*f),
        Value::Str(s) => match s.trim().parse::<f64>() {
            Ok(f) => Progress::Percent(f),
            Err(_) => {
                cx.warn(n.line, "progress must be a number or null");
                Progress::Auto
            }
        },
        _ => {
            cx.warn(n.line, "progress must be a number or null");
            Progress::Auto
        }
    }
}

/// `allowed to set:` a list of variables, or code giving them.
fn parse_allowed_to_set(cx: &mut Cx<'_>, n: &Node) -> R<AllowedToSet> {
    Ok(match &n.value {
        Value::Seq(_) => AllowedToSet::Vars(cx.names(n, "allowed to set")?),
        Value::Map(_) => match n.get("code") {
            Some(c) => AllowedToSet::Code(cx.expr(c, "allowed to set")?),
            None => return Err(cx.err(n.line, "'allowed to set' must be a list or {code: …}")),
        },
        _ => AllowedToSet::Code(cx.expr(n, "allowed to set")?),
    })
}

/// Question keys that configure its attachments (kept raw for the run).
const ATTACHMENT_OPTIONS: &[&str] = &[
    "allow emailing",
    "allow downloading",
    "zip filename",
    "email subject",
    "email body",
    "email template",
    "email address default",
    "always include editable files",
    "include attachment notice",
    "include download tab",
    "describe file types",
    "manual attachment list",
];

/// `default:` of a field or a choice question.
pub(super) fn default_value(cx: &Cx<'_>, n: &Node) -> R<DefaultValue> {
    Ok(match &n.value {
        Value::Str(_) => DefaultValue::Text(cx.text(n, "default")?),
        Value::Map(m) if m.len() == 1 && n.get("code").is_some() => {
            DefaultValue::Code(cx.expr(n.get("code").unwrap_or(n), "default")?)
        }
        _ => DefaultValue::Data(n.clone()),
    })
}

pub(crate) fn parse_help(cx: &Cx<'_>, n: &Node) -> R<Help> {
    match &n.value {
        Value::Map(_) => {
            let keys = lowered(n);
            let media = ["audio", "video"]
                .iter()
                .filter_map(|k| get(&keys, k).map(|v| (k.to_string(), v.clone())))
                .collect();
            let content = match get(&keys, "content") {
                Some(c) => cx.text(c, "help content")?,
                None => cx.text_from(String::new(), n, "help")?,
            };
            Ok(Help {
                content,
                label: cx.opt_text(get(&keys, "label"), "help label")?,
                heading: cx.opt_text(get(&keys, "heading"), "help heading")?,
                media,
                language: None,
            })
        }
        _ => Ok(Help {
            content: cx.text(n, "help")?,
            label: None,
            heading: None,
            media: Vec::new(),
            language: None,
        }),
    }
}

pub(crate) fn parse_terms(cx: &mut Cx<'_>, n: &Node) -> R<Vec<Term>> {
    let mut out = Vec::new();
    let add = |cx: &mut Cx<'_>, k: &Node, v: &Node, out: &mut Vec<Term>| -> R<()> {
        out.push(Term {
            language: None,
            term: cx.string(k, "term")?,
            definition: cx.text(v, "definition")?,
        });
        Ok(())
    };
    match &n.value {
        Value::Map(m) => {
            for (k, v) in m {
                add(cx, k, v, &mut out)?;
            }
        }
        Value::Seq(items) => {
            for item in items {
                match item.as_map() {
                    Some(m) => {
                        if let (Some(phrases), Some(def)) =
                            (item.get("phrases"), item.get("definition"))
                        {
                            for p in phrases.as_seq().unwrap_or(std::slice::from_ref(phrases)) {
                                add(cx, p, def, &mut out)?;
                            }
                        } else {
                            for (k, v) in m {
                                add(cx, k, v, &mut out)?;
                            }
                        }
                    }
                    None => cx.warn(item.line, "each term must be 'term: definition'"),
                }
            }
        }
        _ => {
            return Err(cx.err(
                n.line,
                "terms must be a dictionary or a list of 'term: definition'",
            ))
        }
    }
    Ok(out)
}

pub(super) fn parse_action_buttons(cx: &mut Cx<'_>, n: &Node) -> R<ActionButtons> {
    let items = match &n.value {
        Value::Seq(items) => items,
        Value::Map(_) => match n.get("code") {
            Some(c) => return Ok(ActionButtons::Code(cx.expr(c, "action buttons")?)),
            None => return Err(cx.err(n.line, "'action buttons' must be a list")),
        },
        _ => return Err(cx.err(n.line, "'action buttons' must be a list")),
    };
    if let [only] = items.as_slice() {
        if let (Some(c), Some(1)) = (only.get("code"), only.as_map().map(<[_]>::len)) {
            return Ok(ActionButtons::Code(cx.expr(c, "action buttons")?));
        }
    }
    let mut out = Vec::new();
    for item in items {
        let (Some(label), Some(action)) = (item.get("label"), item.get("action")) else {
            return Err(cx.err(item.line, "an action button needs 'label' and 'action'"));
        };
        out.push(ActionButton {
            label: cx.text(label, "label")?,
            action: cx.text(action, "action")?,
            arguments: item.get("arguments").cloned(),
            color: item.get("color").and_then(Node::scalar_text),
            icon: item.get("icon").and_then(Node::scalar_text),
            placement: item.get("placement").and_then(Node::scalar_text),
            css_class: item.get("css class").and_then(Node::scalar_text),
            new_window: item.get("new window").cloned(),
            show_if: item
                .get("show if")
                .map(|s| cond_expr(cx, s, "show if"))
                .transpose()?,
            forget_prior: item
                .get("forget prior")
                .map(|f| cx.boolean(f, "forget prior"))
                .unwrap_or(false),
        });
    }
    Ok(ActionButtons::List(out))
}
