//! Appending blocks: questions (with every input directive), code, objects, data,
//! templates, tables, attachments, responses, commands.

use super::cx::{get, key_list, lowered, Cx, R};
use crate::model::*;
use crate::yaml::{Node, Value};

/// Block-level keys understood (or deliberately kept raw) by the loader.
pub(crate) const KNOWN_BLOCK_KEYS: &[&str] = &[
    // block types
    "question",
    "code",
    "objects",
    "objects from file",
    "use objects",
    "data",
    "data from code",
    "variable name",
    "template",
    "content",
    "content file",
    "subject",
    "target",
    "table",
    "rows",
    "columns",
    "attachment",
    "attachments",
    "attachment code",
    "attachments code",
    "event",
    "review",
    "features",
    "metadata",
    "include",
    "modules",
    "imports",
    "reset",
    "sections",
    "progressive",
    "auto open",
    "interview help",
    "default screen parts",
    "default validation messages",
    "terms",
    "auto terms",
    "image sets",
    "images",
    "def",
    "mako",
    "usedefs",
    "generic object",
    "on change",
    "translations",
    "default language",
    "language",
    "order",
    "supersedes",
    "machine learning storage",
    "attachment options",
    "comment",
    "require",
    "orelse",
    "response",
    "binaryresponse",
    "all_variables",
    "null response",
    "response filename",
    "redirect url",
    "content type",
    "response code",
    "sleep",
    "backgroundresponse",
    "backgroundresponse action",
    "action",
    "command",
    "url",
    "gathered",
    "default role",
    // input directives
    "yesno",
    "noyes",
    "yesnomaybe",
    "noyesmaybe",
    "fields",
    "field",
    "buttons",
    "choices",
    "dropdown",
    "combobox",
    "signature",
    "continue button field",
    "shuffle",
    "datatype",
    "default",
    "under text",
    "exclude",
    "pen color",
    "required",
    // modifiers
    "id",
    "if",
    "sets",
    "only sets",
    "scan for variables",
    "need",
    "depends on",
    "reconsider",
    "undefine",
    "prevent going back",
    "back button",
    "progress",
    "section",
    "breadcrumb",
    "under",
    "right",
    "pre",
    "post",
    "submit",
    "decoration",
    "help",
    "continue button label",
    "continue button color",
    "resume button label",
    "back button label",
    "corner back button label",
    "hide continue button",
    "disable continue button",
    "css class",
    "table css class",
    "script",
    "css",
    "reload",
    "check in",
    "action buttons",
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
    "validation code",
    "list collect",
    "allowed to set",
    "role",
    "tabular",
    "question metadata",
    "field metadata",
    "ga id",
    "segment id",
    "segment",
    "mandatory",
    "initial",
    "subquestion",
    "skip undefined",
    "audio",
    "video",
    "question help button",
    "hide navbar",
    "edit",
    "delete buttons",
    "allow reordering",
    "confirm",
    "read only",
    "edit header",
    "show if empty",
    "not available label",
    "require gathered",
    "show incomplete",
    "sort key",
    "sort reverse",
    "filter",
    "indent",
    "generic list",
];

/// Keys of interview-wide blocks that mean nothing inside an appending block.
const CONFIG_ONLY_KEYS: &[&str] = &[
    "metadata",
    "features",
    "include",
    "modules",
    "imports",
    "reset",
    "sections",
    "interview help",
    "default screen parts",
    "default validation messages",
    "image sets",
    "images",
    "def",
    "on change",
    "translations",
    "default language",
    "machine learning storage",
    "attachment options",
    "order",
];

/// Keys that make a block "appending" (have a question/type of their own).
pub(crate) fn is_appending(keys: &[(String, &Node, &Node)]) -> bool {
    const TYPES: &[&str] = &[
        "question",
        "code",
        "objects",
        "objects from file",
        "data",
        "data from code",
        "template",
        "table",
        "attachment",
        "attachments",
        "attachment code",
        "attachments code",
        "response",
        "binaryresponse",
        "all_variables",
        "null response",
        "redirect url",
        "backgroundresponse",
        "command",
        "require",
        "signature",
        "yesno",
        "noyes",
        "fields",
        "buttons",
        "choices",
        "review",
    ];
    keys.iter().any(|(k, _, _)| TYPES.contains(&k.as_str()))
}

const COMMANDS: &[&str] = &[
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

/// Parses one appending block. `number` is its index in `Interview::blocks`.
pub(crate) fn parse_block(cx: &mut Cx<'_>, node: &Node, number: usize) -> R<Block> {
    let keys = lowered(node);
    let key_line = |k: &str| {
        keys.iter()
            .find(|(n, _, _)| n == k)
            .map(|(_, kn, _)| kn.line)
            .unwrap_or(node.line)
    };

    let id = get(&keys, "id")
        .map(|n| cx.string(n, "id"))
        .transpose()?
        .map(|s| s.trim().to_string());
    let name = match &id {
        Some(id) => format!("ID {id}"),
        None => format!("Question_{number}"),
    };
    let mut block = Block {
        number,
        name,
        id,
        pos: cx.pos(node),
        kind: BlockKind::Require(Node {
            value: Value::Null,
            line: node.line,
            column: 0,
        }),
        mandatory: get(&keys, "mandatory")
            .map(|n| cx.condition(n, "mandatory"))
            .transpose()?,
        initial: get(&keys, "initial")
            .map(|n| cx.condition(n, "initial"))
            .transpose()?,
        conditions: get(&keys, "if")
            .map(|n| cx.expr_list(n, "if"))
            .transpose()?
            .unwrap_or_default(),
        generic_object: get(&keys, "generic object")
            .map(|n| cx.string(n, "generic object"))
            .transpose()?
            .map(|s| s.trim().to_string()),
        events: get(&keys, "event")
            .map(|n| cx.names(n, "event"))
            .transpose()?
            .unwrap_or_default(),
        defines: Vec::new(),
        need: Need::default(),
        depends_on: get(&keys, "depends on")
            .map(|n| cx.names(n, "depends on"))
            .transpose()?
            .unwrap_or_default(),
        reconsider: Reconsider::No,
        undefine: get(&keys, "undefine")
            .map(|n| cx.names(n, "undefine"))
            .transpose()?
            .unwrap_or_default(),
        language: get(&keys, "language")
            .map(|n| cx.string(n, "language"))
            .transpose()?,
        roles: get(&keys, "role")
            .map(|n| cx.strings(n, "role"))
            .transpose()?
            .unwrap_or_default(),
        supersedes: get(&keys, "supersedes")
            .map(|n| cx.strings(n, "supersedes"))
            .transpose()?
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.trim().to_string())
            .collect(),
        unknown: Vec::new(),
    };
    if block.initial.is_none() && get(&keys, "default role").is_some() {
        block.initial = Some(Condition::Always(true));
    }
    if let Some(n) = get(&keys, "need") {
        block.need = parse_need(cx, n)?;
    }
    if let Some(n) = get(&keys, "reconsider") {
        block.reconsider = match &n.value {
            Value::Bool(true) => Reconsider::All,
            Value::Bool(false) | Value::Null => Reconsider::No,
            _ => Reconsider::Vars(cx.names(n, "reconsider")?),
        };
    }
    let mut defines: Vec<String> = Vec::new();
    let only_sets = get(&keys, "only sets");
    let scan_vars = match get(&keys, "scan for variables") {
        Some(n) => cx.boolean(n, "scan for variables"),
        None => true,
    } && only_sets.is_none();
    if let Some(n) = get(&keys, "sets") {
        defines.extend(cx.names(n, "sets")?);
    }
    if let Some(n) = only_sets {
        defines.extend(cx.names(n, "only sets")?);
    }

    // the block's type
    if let Some(q) = get(&keys, "question") {
        let question = parse_question(cx, &keys, q, number, &mut defines, scan_vars)?;
        if let Some(a) = &question.attachments {
            defines.extend(attachment_variables(cx, a));
        }
        block.kind = BlockKind::Question(Box::new(question));
    } else if let Some(c) = get(&keys, "code") {
        let (code, targets) = cx.code(c, "code")?;
        if scan_vars {
            defines.extend(targets);
        }
        block.kind = BlockKind::Code(code);
    } else if let Some(o) = get(&keys, "objects") {
        let specs = parse_objects(cx, o)?;
        defines.extend(specs.iter().map(|s| s.var.name.clone()));
        block.kind = BlockKind::Objects(specs);
    } else if let Some(o) = get(&keys, "objects from file") {
        if let Some(m) = o.as_map() {
            for (k, _) in m {
                if let Ok(v) = cx.var(k, "objects from file") {
                    defines.push(v.name);
                }
            }
        } else if let Some(items) = o.as_seq() {
            for item in items {
                for (k, _) in item.as_map().unwrap_or(&[]) {
                    if let Ok(v) = cx.var(k, "objects from file") {
                        defines.push(v.name);
                    }
                }
            }
        }
        block.kind = BlockKind::ObjectsFromFile(o.clone());
    } else if get(&keys, "data").is_some() || get(&keys, "data from code").is_some() {
        let from_code = get(&keys, "data").is_none();
        let data = get(&keys, "data")
            .or(get(&keys, "data from code"))
            .cloned()
            .unwrap_or(Node {
                value: Value::Null,
                line: node.line,
                column: 0,
            });
        let Some(vn) = get(&keys, "variable name") else {
            return Err(cx.err(
                key_line(if from_code { "data from code" } else { "data" }),
                "a data block needs a 'variable name'",
            ));
        };
        let variable = cx.var(vn, "variable name")?;
        if from_code {
            check_data_code(cx, &data)?;
        }
        defines.push(variable.name.clone());
        block.kind = BlockKind::Data(Box::new(DataBlock {
            variable,
            from_code,
            data,
            use_objects: get(&keys, "use objects").cloned(),
            gathered: get(&keys, "gathered").cloned(),
        }));
    } else if let Some(t) = get(&keys, "template") {
        let variable = cx.var(t, "template")?;
        defines.push(variable.name.clone());
        block.kind = BlockKind::Template(Box::new(TemplateBlock {
            variable,
            subject: cx.opt_text(get(&keys, "subject"), "subject")?,
            content: cx.opt_text(get(&keys, "content"), "content")?,
            content_file: get(&keys, "content file").cloned(),
            target: get(&keys, "target")
                .map(|n| cx.string(n, "target"))
                .transpose()?,
        }));
    } else if let Some(t) = get(&keys, "table") {
        let variable = cx.var(t, "table")?;
        defines.push(variable.name.clone());
        let rows = get(&keys, "rows").map(|n| cx.expr(n, "rows")).transpose()?;
        let mut options = Vec::new();
        for (k, _, v) in &keys {
            if !matches!(
                k.as_str(),
                "table"
                    | "rows"
                    | "columns"
                    | "id"
                    | "if"
                    | "generic object"
                    | "comment"
                    | "mandatory"
            ) {
                options.push((k.clone(), (*v).clone()));
            }
        }
        block.kind = BlockKind::Table(Box::new(TableBlock {
            variable,
            rows,
            columns: get(&keys, "columns").cloned(),
            options,
        }));
    } else if let Some(spec) = [
        "attachment",
        "attachments",
        "attachment code",
        "attachments code",
    ]
    .iter()
    .find_map(|k| get(&keys, k))
    {
        defines.extend(attachment_variables(cx, spec));
        let variable = get(&keys, "variable name")
            .map(|n| cx.var(n, "variable name"))
            .transpose()?;
        if let Some(v) = &variable {
            defines.push(v.name.clone());
        }
        block.kind = BlockKind::Attachments(Box::new(AttachmentsBlock {
            variable,
            spec: spec.clone(),
        }));
    } else if [
        "response",
        "binaryresponse",
        "all_variables",
        "null response",
        "redirect url",
        "backgroundresponse",
    ]
    .iter()
    .any(|k| get(&keys, k).is_some())
    {
        block.kind = BlockKind::Response(Box::new(ResponseBlock {
            response: cx.opt_text(get(&keys, "response"), "response")?,
            binary_response: get(&keys, "binaryresponse")
                .map(|n| cx.expr(n, "binaryresponse"))
                .transpose()?,
            all_variables: get(&keys, "all_variables")
                .map(|n| cx.boolean(n, "all_variables"))
                .unwrap_or(false),
            null_response: get(&keys, "null response")
                .map(|n| cx.boolean(n, "null response"))
                .unwrap_or(false),
            redirect_url: cx.opt_text(get(&keys, "redirect url"), "redirect url")?,
            content_type: cx.opt_text(get(&keys, "content type"), "content type")?,
            response_code: get(&keys, "response code").and_then(|n| match n.value {
                Value::Int(i) => Some(i),
                _ => None,
            }),
            response_filename: get(&keys, "response filename").cloned(),
        }));
    } else if let Some(c) = get(&keys, "command") {
        let command = cx.string(c, "command")?.trim().to_string();
        block.kind = BlockKind::Command(Box::new(CommandBlock {
            command,
            url: cx.opt_text(get(&keys, "url"), "url")?,
        }));
    } else if let Some(r) = get(&keys, "require") {
        block.kind = BlockKind::Require(r.clone());
    } else {
        return Err(cx.err(
            node.line,
            format!(
                "no block type could be determined (keys: {})",
                key_list(&keys)
            ),
        ));
    }

    // warnings for keys nobody understands
    for (k, kn, v) in &keys {
        if !KNOWN_BLOCK_KEYS.contains(&k.as_str()) {
            cx.warn(kn.line, format!("unknown key '{k}'"));
            block.unknown.push((k.clone(), (*v).clone()));
        }
    }
    let mut seen = std::collections::HashSet::new();
    defines.retain(|d| seen.insert(d.clone()));
    block.defines = defines;
    // embedded blocks get names of their own (docassemble numbers them separately)
    if let BlockKind::Question(q) = &mut block.kind {
        if let Input::Choice(c) = &mut q.input {
            if let Choices::List(items) = &mut c.choices {
                for (i, item) in items.iter_mut().enumerate() {
                    if let ChoiceValue::Block(b) = &mut item.value {
                        b.name = format!("{}_choice_{i}", block.name);
                    }
                }
            }
        }
    }
    // configuration keys have no effect inside a question/code block
    for (k, kn, _) in &keys {
        if CONFIG_ONLY_KEYS.contains(&k.as_str()) {
            cx.warn(
                kn.line,
                format!("key '{k}' is ignored in a block that also has a block type"),
            );
        }
    }
    Ok(block)
}

/// `variable name:` of each attachment in an `attachment(s)` value.
fn attachment_variables(cx: &Cx<'_>, spec: &Node) -> Vec<String> {
    let items: Vec<&Node> = match &spec.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Map(_) => vec![spec],
        _ => Vec::new(),
    };
    items
        .into_iter()
        .filter_map(|a| a.get("variable name"))
        .filter_map(|v| cx.var(v, "variable name").ok())
        .map(|v| v.name)
        .collect()
}

fn check_data_code(cx: &Cx<'_>, node: &Node) -> R<()> {
    match &node.value {
        Value::Str(_) => cx.expr(node, "data from code").map(|_| ()),
        Value::Seq(items) => items.iter().try_for_each(|n| check_data_code(cx, n)),
        Value::Map(entries) => entries.iter().try_for_each(|(_, v)| check_data_code(cx, v)),
        _ => Ok(()),
    }
}

fn parse_need(cx: &Cx<'_>, n: &Node) -> R<Need> {
    let mut need = Need::default();
    match &n.value {
        Value::Map(_) => {
            let keys = lowered(n);
            if let Some(p) = get(&keys, "pre") {
                need.pre = cx.expr_list(p, "need")?;
            }
            if let Some(p) = get(&keys, "post") {
                need.post = cx.expr_list(p, "need")?;
            }
        }
        _ => need.pre = cx.expr_list(n, "need")?,
    }
    Ok(need)
}

fn parse_objects(cx: &Cx<'_>, node: &Node) -> R<Vec<ObjectSpec>> {
    let mut out = Vec::new();
    let add_map = |m: &[(Node, Node)], out: &mut Vec<ObjectSpec>| -> R<()> {
        for (k, v) in m {
            out.push(ObjectSpec {
                var: cx.var(k, "objects")?,
                class: cx.expr(v, "object class")?,
            });
        }
        Ok(())
    };
    match &node.value {
        Value::Map(m) => add_map(m, &mut out)?,
        Value::Seq(items) => {
            for item in items {
                match item.as_map() {
                    Some(m) => add_map(m, &mut out)?,
                    None => {
                        return Err(cx.err(
                            item.line,
                            "each item of 'objects' must be 'variable: ClassName'",
                        ))
                    }
                }
            }
        }
        _ => {
            return Err(cx.err(
                node.line,
                "'objects' must be a list of 'variable: ClassName'",
            ))
        }
    }
    Ok(out)
}

fn parse_question(
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

    // the input directive
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
    let field_node = get(keys, "field");
    let input = if let Some((k, kind)) = yesno.iter().find(|(k, _)| get(keys, k).is_some()) {
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
        Input::Signature(cx.var(s, "signature")?)
    } else {
        Input::None
    };
    // `field:` without a choice directive is a continue button field
    if let (Some(f), false) = (field_node, matches!(input, Input::Choice(_))) {
        if continue_button_field.is_none() {
            continue_button_field = Some(cx.var(f, "field")?);
        }
    }
    match &input {
        Input::YesNo { var, .. } | Input::Signature(var) => defines.push(var.name.clone()),
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
        Some(n) => match &n.value {
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
        },
    };
    let action_buttons = match get(keys, "action buttons") {
        None => ActionButtons::None,
        Some(n) => parse_action_buttons(cx, n)?,
    };
    let allowed_to_set = match get(keys, "allowed to set") {
        None => AllowedToSet::None,
        Some(n) => match &n.value {
            Value::Seq(_) => AllowedToSet::Vars(cx.names(n, "allowed to set")?),
            Value::Map(_) => match n.get("code") {
                Some(c) => AllowedToSet::Code(cx.expr(c, "allowed to set")?),
                None => return Err(cx.err(n.line, "'allowed to set' must be a list or {code: …}")),
            },
            _ => AllowedToSet::Code(cx.expr(n, "allowed to set")?),
        },
    };
    let validation_code = get(keys, "validation code")
        .map(|n| cx.code(n, "validation code").map(|(c, _)| c))
        .transpose()?;
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
        tabular: get(keys, "tabular").cloned(),
        question_metadata: get(keys, "question metadata").cloned(),
        usedefs: get(keys, "usedefs")
            .map(|n| cx.strings(n, "usedefs"))
            .transpose()?
            .unwrap_or_default(),
    })
}

/// `default:` of a field or a choice question.
fn default_value(cx: &Cx<'_>, n: &Node) -> R<DefaultValue> {
    Ok(match &n.value {
        Value::Str(_) => DefaultValue::Text(cx.text(n, "default")?),
        Value::Map(m) if m.len() == 1 && n.get("code").is_some() => {
            DefaultValue::Code(cx.expr(n.get("code").unwrap_or(n), "default")?)
        }
        _ => DefaultValue::Data(n.clone()),
    })
}

/// Keys of a choice item that are options rather than `Label: value`.
const CHOICE_OPTION_KEYS: &[&str] = &[
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
fn parse_choices(
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

/// A list mixing written choices and `- code: expr` items becomes one expression:
/// `[{value: label}, …] + list(expr) + …` (written items must be plain `label: value`).
fn mixed_choices(cx: &Cx<'_>, node: &Node, items: &[Node]) -> R<Choices> {
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

fn parse_choice(
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
fn cond_expr(cx: &Cx<'_>, n: &Node, what: &str) -> R<Expr> {
    match n.get("code") {
        Some(c) => cx.expr(c, what),
        None => cx.expr(n, what),
    }
}

fn command_or_value(cx: &Cx<'_>, n: &Node) -> R<ChoiceValue> {
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

fn choice_value(
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

/// Known keys of a `fields:` item.
const FIELD_KEYS: &[&str] = &[
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
    "inline width",
    "css class",
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
    "under text",
    "validation messages",
    "disabled",
    "shuffle",
    "group",
    "field metadata",
    "object labeler",
    "help generator",
    "image generator",
    "no label",
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

fn parse_fields(
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

fn field_condition(cx: &Cx<'_>, n: &Node, js: bool, what: &str) -> R<FieldCondition> {
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

fn parse_field(cx: &mut Cx<'_>, item: &Node, number: usize) -> R<Field> {
    let Some(map) = item.as_map() else {
        return Err(cx.err(
            item.line,
            format!("each field must be a dictionary, not {}", item.type_name()),
        ));
    };
    let t = |cx: &Cx<'_>, k: &str| cx.opt_text(item.get(k), k);
    let mut label = None;
    let mut var = None;
    let mut other = Vec::new();
    let mut shorthand_seen = false;
    for (k, v) in map {
        let key = k.scalar_text().unwrap_or_default();
        if FIELD_KEYS.contains(&key.as_str()) {
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
    let note = t(cx, "note")?;
    let html = t(cx, "html")?;
    let raw_html = item
        .get("raw html")
        .map(|n| cx.string(n, "raw html"))
        .transpose()?;
    if var.is_none() && note.is_none() && html.is_none() && raw_html.is_none() {
        return Err(cx.err(
            item.line,
            "field has no variable (use 'Label: variable', 'field:', 'note:' or 'html:')",
        ));
    }
    let choices = if let Some(c) = item.get("choices") {
        let mut ignore = Vec::new();
        Some(parse_choices(cx, c, false, number, &mut ignore, false)?)
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
    let mut validation_messages = indexmap::IndexMap::new();
    if let Some(m) = item.get("validation messages").and_then(Node::as_map) {
        for (k, v) in m {
            validation_messages.insert(
                cx.string(k, "validation message key")?,
                cx.text(v, "validation message")?,
            );
        }
    }
    const RAW: &[&str] = &[
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
    for k in RAW {
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

/// `exclude:` — an expression, or a list of expressions (kept as a list expression `[a, b]`).
fn exclude_expr(cx: &Cx<'_>, n: &Node) -> R<Expr> {
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

fn parse_review(cx: &mut Cx<'_>, node: &Node) -> R<Vec<ReviewItem>> {
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
fn review_fields(cx: &mut Cx<'_>, n: &Node, out: &mut Vec<ReviewAction>) -> R<()> {
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
fn review_names(actions: &[ReviewAction]) -> Vec<String> {
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

fn parse_action_buttons(cx: &mut Cx<'_>, n: &Node) -> R<ActionButtons> {
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
