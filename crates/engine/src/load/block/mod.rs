//! Appending blocks: questions (with every input directive), code, objects, data,
//! templates, tables, attachments, responses, commands.
//!
//! `mod.rs` parses a block's common keys and its type; a question's own keys are in
//! [`question`], its choices in [`choices`], its `fields:` in [`fields`] and review screens
//! in [`review`].

mod choices;
mod fields;
mod question;
mod review;

use crate::model::*;
use crate::yaml::{Node, Value};

use super::cx::{get, key_list, lowered, Cx, R};

pub(crate) use question::{parse_help, parse_terms};
use question::parse_question;

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

/// Parses one appending block. `number` is its index in `Interview::blocks`.
pub(crate) fn parse_block(cx: &mut Cx<'_>, node: &Node, number: usize) -> R<Block> {
    let keys = lowered(node);
    let mut block = block_header(cx, &keys, node, number)?;
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

    block.kind = block_kind(cx, &keys, node, number, &mut defines, scan_vars)?;
    finish_block(cx, &keys, &mut block, defines);
    Ok(block)
}

/// A block with its common keys read (`id`, `mandatory`, `if`, `need` …) and no type yet.
fn block_header(cx: &mut Cx<'_>, keys: &[(String, &Node, &Node)], node: &Node, number: usize) -> R<Block> {
    let id = get(keys, "id")
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
        mandatory: get(keys, "mandatory")
            .map(|n| cx.condition(n, "mandatory"))
            .transpose()?,
        initial: get(keys, "initial")
            .map(|n| cx.condition(n, "initial"))
            .transpose()?,
        conditions: get(keys, "if")
            .map(|n| cx.expr_list(n, "if"))
            .transpose()?
            .unwrap_or_default(),
        generic_object: get(keys, "generic object")
            .map(|n| cx.string(n, "generic object"))
            .transpose()?
            .map(|s| s.trim().to_string()),
        events: get(keys, "event")
            .map(|n| cx.names(n, "event"))
            .transpose()?
            .unwrap_or_default(),
        defines: Vec::new(),
        need: Need::default(),
        depends_on: get(keys, "depends on")
            .map(|n| cx.names(n, "depends on"))
            .transpose()?
            .unwrap_or_default(),
        reconsider: Reconsider::No,
        undefine: get(keys, "undefine")
            .map(|n| cx.names(n, "undefine"))
            .transpose()?
            .unwrap_or_default(),
        language: get(keys, "language")
            .map(|n| cx.string(n, "language"))
            .transpose()?,
        roles: get(keys, "role")
            .map(|n| cx.strings(n, "role"))
            .transpose()?
            .unwrap_or_default(),
        supersedes: get(keys, "supersedes")
            .map(|n| cx.strings(n, "supersedes"))
            .transpose()?
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.trim().to_string())
            .collect(),
        unknown: Vec::new(),
    };
    if block.initial.is_none() && get(keys, "default role").is_some() {
        block.initial = Some(Condition::Always(true));
    }
    if let Some(n) = get(keys, "need") {
        block.need = parse_need(cx, n)?;
    }
    if let Some(n) = get(keys, "reconsider") {
        block.reconsider = match &n.value {
            Value::Bool(true) => Reconsider::All,
            Value::Bool(false) | Value::Null => Reconsider::No,
            _ => Reconsider::Vars(cx.names(n, "reconsider")?),
        };
    }
    Ok(block)
}

/// The block's type, from the key that decides it; adds the variables it defines.
fn block_kind(
    cx: &mut Cx<'_>,
    keys: &[(String, &Node, &Node)],
    node: &Node,
    number: usize,
    defines: &mut Vec<String>,
    scan_vars: bool,
) -> R<BlockKind> {
    let kind;
    if let Some(q) = get(keys, "question") {
        let question = parse_question(cx, keys, q, number, defines, scan_vars)?;
        if let Some(a) = &question.attachments {
            defines.extend(attachment_variables(cx, a));
        }
        kind = BlockKind::Question(Box::new(question));
    } else if let Some(c) = get(keys, "code") {
        let (code, targets) = cx.code(c, "code")?;
        // an `event` code block is run for its event only: docassemble does not scan it for
        // the variables it sets
        if scan_vars && get(keys, "event").is_none() {
            defines.extend(targets);
        }
        kind = BlockKind::Code(code);
    } else if let Some(o) = get(keys, "objects") {
        let specs = parse_objects(cx, o)?;
        defines.extend(specs.iter().map(|s| s.var.name.clone()));
        kind = BlockKind::Objects(specs);
    } else if let Some(o) = get(keys, "objects from file") {
        objects_from_file_defines(cx, o, defines);
        kind = BlockKind::ObjectsFromFile(o.clone());
    } else if get(keys, "data").is_some() || get(keys, "data from code").is_some() {
        kind = data_block(cx, keys, node, defines)?;
    } else if let Some(t) = get(keys, "template") {
        let variable = cx.var(t, "template")?;
        defines.push(variable.name.clone());
        kind = BlockKind::Template(Box::new(TemplateBlock {
            variable,
            subject: cx.opt_text(get(keys, "subject"), "subject")?,
            content: cx.opt_text(get(keys, "content"), "content")?,
            content_file: get(keys, "content file").cloned(),
            target: get(keys, "target")
                .map(|n| cx.string(n, "target"))
                .transpose()?,
        }));
    } else if let Some(t) = get(keys, "table") {
        kind = table_block(cx, keys, t, defines)?;
    } else if let Some(spec) = [
        "attachment",
        "attachments",
        "attachment code",
        "attachments code",
    ]
    .iter()
    .find_map(|k| get(keys, k))
    {
        defines.extend(attachment_variables(cx, spec));
        let variable = get(keys, "variable name")
            .map(|n| cx.var(n, "variable name"))
            .transpose()?;
        if let Some(v) = &variable {
            defines.push(v.name.clone());
        }
        kind = BlockKind::Attachments(Box::new(AttachmentsBlock {
            variable,
            spec: spec.clone(),
            set: None,
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
    .any(|k| get(keys, k).is_some())
    {
        kind = response_block(cx, keys)?;
    } else if let Some(c) = get(keys, "command") {
        let command = cx.string(c, "command")?.trim().to_string();
        kind = BlockKind::Command(Box::new(CommandBlock {
            command,
            url: cx.opt_text(get(keys, "url"), "url")?,
        }));
    } else if let Some(r) = get(keys, "require") {
        kind = BlockKind::Require(r.clone());
    } else {
        return Err(cx.err(
            node.line,
            format!(
                "no block type could be determined (keys: {})",
                key_list(keys)
            ),
        ));
    }

    Ok(kind)
}

/// The variables an `objects from file` block defines (names that are not variables are left
/// for the run to report).
fn objects_from_file_defines(cx: &Cx<'_>, o: &Node, defines: &mut Vec<String>) {
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
}

/// A `data` / `data from code` block.
fn data_block(cx: &mut Cx<'_>, keys: &[(String, &Node, &Node)], node: &Node, defines: &mut Vec<String>) -> R<BlockKind> {
    let key_line = |k: &str| keys.iter().find(|(n, _, _)| n == k).map(|(_, kn, _)| kn.line).unwrap_or(node.line);
    let from_code = get(keys, "data").is_none();
    let data = get(keys, "data")
        .or(get(keys, "data from code"))
        .cloned()
        .unwrap_or(Node {
            value: Value::Null,
            line: node.line,
            column: 0,
        });
    let Some(vn) = get(keys, "variable name") else {
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
    Ok(BlockKind::Data(Box::new(DataBlock {
        variable,
        from_code,
        data,
        use_objects: get(keys, "use objects").cloned(),
        gathered: get(keys, "gathered").cloned(),
    })))
}

/// A `table` block: its rows, columns and the options kept for the run.
fn table_block(cx: &mut Cx<'_>, keys: &[(String, &Node, &Node)], t: &Node, defines: &mut Vec<String>) -> R<BlockKind> {
    let variable = cx.var(t, "table")?;
    defines.push(variable.name.clone());
    let rows = get(keys, "rows").map(|n| cx.expr(n, "rows")).transpose()?;
    let mut options = Vec::new();
    for (k, _, v) in keys {
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
    Ok(BlockKind::Table(Box::new(TableBlock {
        variable,
        rows,
        columns: get(keys, "columns").cloned(),
        options,
    })))
}

/// A `response` / `binaryresponse` / `all_variables` / `redirect url` … block.
fn response_block(cx: &mut Cx<'_>, keys: &[(String, &Node, &Node)]) -> R<BlockKind> {
    Ok(BlockKind::Response(Box::new(ResponseBlock {
        response: cx.opt_text(get(keys, "response"), "response")?,
        binary_response: get(keys, "binaryresponse")
            .map(|n| cx.expr(n, "binaryresponse"))
            .transpose()?,
        all_variables: get(keys, "all_variables")
            .map(|n| cx.boolean(n, "all_variables"))
            .unwrap_or(false),
        null_response: get(keys, "null response")
            .map(|n| cx.boolean(n, "null response"))
            .unwrap_or(false),
        redirect_url: cx.opt_text(get(keys, "redirect url"), "redirect url")?,
        content_type: cx.opt_text(get(keys, "content type"), "content type")?,
        response_code: get(keys, "response code").and_then(|n| match n.value {
            Value::Int(i) => Some(i),
            _ => None,
        }),
        response_filename: get(keys, "response filename").cloned(),
    })))
}

/// Warns about unknown and configuration-only keys, records what the block defines, and
/// names its embedded blocks.
fn finish_block(cx: &mut Cx<'_>, keys: &[(String, &Node, &Node)], block: &mut Block, mut defines: Vec<String>) {
    // warnings for keys nobody understands
    for (k, kn, v) in keys {
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
    for (k, kn, _) in keys {
        if CONFIG_ONLY_KEYS.contains(&k.as_str()) {
            cx.warn(
                kn.line,
                format!("key '{k}' is ignored in a block that also has a block type"),
            );
        }
    }
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
