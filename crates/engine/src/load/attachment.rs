//! `attachment:` / `attachments:` / `attachment code:` and the attachment-box options, from
//! YAML into [`crate::attach`]'s typed form. Document templates are read here, at load time:
//! a `content file` becomes text, a `docx template file` is opened and patched by `docs` and
//! each part's Jinja compiled onto `lang`, a `pdf template file` has its fields read. A
//! template that cannot be read or compiled is a load error naming the file and the place.

use std::sync::Arc;

use super::cx::{get, lowered, Cx, R};
use super::{Loader, Sources};
use crate::attach::{
    AttachmentBox, AttachmentOptions, AttachmentSet, AttachmentSpec, DocxFile, FieldValue, Formats, PdfFile, TemplateFile,
};
use crate::model::{Block, BlockKind};
use crate::reference::InterviewRef;
use crate::yaml::{Node, Value};

/// What the attachment parser needs of the loader.
pub(super) struct Files<'a> {
    pub sources: &'a dyn Sources,
    pub from: &'a InterviewRef,
    /// Every file read (for dev-mode reloads).
    pub read: &'a mut Vec<InterviewRef>,
    /// Package files kept for run time (sub-documents of `include_docx_template`).
    pub package_files: &'a mut indexmap::IndexMap<String, Arc<Vec<u8>>>,
}

/// Most nested `include_docx_template` files read ahead.
const MAX_INCLUDE_DEPTH: usize = 8;

/// Fills the typed attachments of a question or attachment block from its raw keys.
pub(super) fn attach_block(cx: &mut Cx<'_>, files: &mut Files<'_>, node: &Node, block: &mut Block) -> R<()> {
    let keys = lowered(node);
    let found = ["attachment", "attachments", "attachment code", "attachments code"]
        .iter()
        .find_map(|k| get(&keys, k).map(|n| (*k, n)));
    match &mut block.kind {
        BlockKind::Question(q) => {
            if let Some((key, n)) = found {
                q.attachment_set = Some(parse_set(cx, files, key, n)?);
            }
            q.attachment_box = attachment_box(cx, &keys)?;
        }
        BlockKind::Attachments(a) => {
            if let Some((key, n)) = found {
                let mut set = parse_set(cx, files, key, n)?;
                // the block's own `variable name:` names its (single) document
                if let (AttachmentSet::List(specs), Some(v)) = (&mut set, &a.variable) {
                    if let [spec] = specs.as_mut_slice() {
                        if spec.variable_name.is_none() {
                            spec.variable_name = Some(v.clone());
                        }
                    }
                }
                a.set = Some(set);
            }
        }
        _ => {}
    }
    Ok(())
}

fn parse_set(cx: &mut Cx<'_>, files: &mut Files<'_>, key: &str, n: &Node) -> R<AttachmentSet> {
    if key.ends_with("code") {
        return Ok(AttachmentSet::Code(cx.expr(n, key)?));
    }
    let items: Vec<&Node> = match &n.value {
        Value::Seq(items) => items.iter().collect(),
        _ => vec![n],
    };
    let mut specs = Vec::with_capacity(items.len());
    for item in items {
        specs.push(parse_spec(cx, files, item)?);
    }
    Ok(AttachmentSet::List(specs))
}

/// Keys of one attachment that are parsed into fields of [`AttachmentSpec`].
const TYPED_KEYS: &[&str] = &[
    "name",
    "filename",
    "description",
    "content",
    "content file",
    "valid formats",
    "variable name",
    "docx template file",
    "pdf template file",
    "fields",
    "field code",
    "field variables",
    "raw field variables",
    "code",
    "skip undefined",
    "checkbox export value",
    "editable",
    "language",
    "raw",
    "metadata",
];

/// Keys docassemble knows that are kept raw for now.
const OTHER_KEYS: &[&str] = &[
    "decimal places",
    "rendering font",
    "flattened checkbox label",
    "flattened checkbox unselected label",
    "template password",
    "password",
    "owner password",
    "pdf/a",
    "pdftk",
    "tagged pdf",
    "update references",
    "hyperlink style",
    "initial yaml",
    "additional yaml",
    "template file",
    "rtf template file",
    "docx reference file",
    "redact",
    "manual",
    "manual code",
    "persistent",
    "private",
    "allow users",
    "allow privileges",
    "usedefs",
];

fn parse_spec(cx: &mut Cx<'_>, files: &mut Files<'_>, n: &Node) -> R<AttachmentSpec> {
    let pos = cx.pos(n);
    let mut spec = AttachmentSpec {
        pos,
        name: None,
        filename: None,
        description: None,
        content: None,
        content_file_code: None,
        valid_formats: Formats::Default,
        variable_name: None,
        docx_template: None,
        pdf_template: None,
        fields: Vec::new(),
        field_code: Vec::new(),
        field_variables: Vec::new(),
        raw_field_variables: Vec::new(),
        code: None,
        skip_undefined: None,
        checkbox_export_value: None,
        editable: None,
        language: None,
        raw: false,
        raw_extension: None,
        metadata: None,
        other: Vec::new(),
    };
    if n.as_map().is_none() {
        // a bare string is the content
        spec.content = Some(cx.text(n, "attachment")?);
        return Ok(spec);
    }
    let keys = lowered(n);
    for (k, kn, _) in &keys {
        if !TYPED_KEYS.contains(&k.as_str()) && !OTHER_KEYS.contains(&k.as_str()) {
            cx.warn(kn.line, format!("unknown attachment key '{k}'"));
        }
    }
    let text = |cx: &Cx<'_>, key: &str| cx.opt_text(get(&keys, key), key);
    spec.name = text(cx, "name")?;
    spec.filename = text(cx, "filename")?;
    spec.description = text(cx, "description")?;
    spec.content = text(cx, "content")?;
    spec.checkbox_export_value = text(cx, "checkbox export value")?;
    if let Some(v) = get(&keys, "variable name") {
        spec.variable_name = Some(cx.var(v, "variable name")?);
    }
    if let Some(v) = get(&keys, "language") {
        spec.language = Some(cx.string(v, "language")?.trim().to_string());
    }
    if let Some(v) = get(&keys, "raw") {
        spec.raw = cx.boolean(v, "raw");
    }
    if let Some(v) = get(&keys, "skip undefined") {
        spec.skip_undefined = Some(cx.condition(v, "skip undefined")?);
    }
    if let Some(v) = get(&keys, "editable") {
        spec.editable = Some(cx.condition(v, "editable")?);
    }
    spec.metadata = get(&keys, "metadata").cloned();
    if let Some(v) = get(&keys, "valid formats") {
        spec.valid_formats = formats(cx, v)?;
    }
    if let Some(v) = get(&keys, "content file") {
        content_file(cx, files, v, &mut spec)?;
    }
    if let Some(v) = get(&keys, "docx template file") {
        spec.docx_template = Some(match code_of(v) {
            Some(c) => TemplateFile::Code(cx.expr(c, "docx template file")?),
            None => TemplateFile::Loaded(Arc::new(docx_file(cx, files, v)?)),
        });
    }
    if let Some(v) = get(&keys, "pdf template file") {
        spec.pdf_template = Some(match code_of(v) {
            Some(c) => TemplateFile::Code(cx.expr(c, "pdf template file")?),
            None => TemplateFile::Loaded(Arc::new(pdf_file(cx, files, v)?)),
        });
    }
    if let Some(v) = get(&keys, "fields") {
        spec.fields = fields(cx, v, 0)?;
    }
    if let Some(v) = get(&keys, "field code") {
        spec.field_code = field_code(cx, v)?;
    }
    if let Some(v) = get(&keys, "field variables") {
        spec.field_variables = cx.var_list(v, "field variables")?;
    }
    if let Some(v) = get(&keys, "raw field variables") {
        spec.raw_field_variables = cx.var_list(v, "raw field variables")?;
    }
    if let Some(v) = get(&keys, "code") {
        spec.code = Some(cx.expr(v, "code")?);
    }
    spec.other = OTHER_KEYS
        .iter()
        .filter_map(|k| get(&keys, k).map(|v| (k.to_string(), v.clone())))
        .collect();
    if let Some(v) = get(&keys, "docx reference file") {
        let name = cx.string(v, "docx reference file")?;
        read_reference_file(cx, files, v.line, name.trim())?;
    }
    Ok(spec)
}

/// Reads a `docx reference file` into the package files kept for run time (the styles of
/// DOCX written from Markdown).
pub(super) fn read_reference_file(cx: &Cx<'_>, files: &mut Files<'_>, line: u32, name: &str) -> R<()> {
    let candidates = super::package_files::candidates(name, &files.from.package);
    if candidates.iter().any(|(pkg, path)| files.package_files.contains_key(&format!("{pkg}:{path}"))) {
        return Ok(());
    }
    for (pkg, path) in candidates {
        if let Ok(bytes) = files.sources.read_bytes(&pkg, &path) {
            if let Ok(r) = InterviewRef::new(&pkg, &path) {
                files.read.push(r);
            }
            files.package_files.insert(format!("{pkg}:{path}"), Arc::new(bytes));
            return Ok(());
        }
    }
    Err(cx.err(line, format!("docx reference file {name} was not found")))
}

/// `{code: …}` of a key that also takes file names.
fn code_of(n: &Node) -> Option<&Node> {
    n.as_map()?;
    n.get("code")
}

fn formats(cx: &Cx<'_>, n: &Node) -> R<Formats> {
    if let Some(c) = code_of(n) {
        return Ok(Formats::Code(cx.expr(c, "valid formats")?));
    }
    let list = match &n.value {
        Value::Seq(_) => cx.strings(n, "valid formats")?,
        _ => vec![cx.string(n, "valid formats")?],
    };
    Ok(Formats::List(list.into_iter().map(|s| s.trim().to_lowercase()).collect()))
}

fn content_file(cx: &mut Cx<'_>, files: &mut Files<'_>, n: &Node, spec: &mut AttachmentSpec) -> R<()> {
    if let Some(c) = code_of(n) {
        spec.content_file_code = Some(cx.expr(c, "content file")?);
        return Ok(());
    }
    let first = match &n.value {
        Value::Seq(items) => items.first().and_then(Node::as_str),
        _ => n.as_str(),
    };
    spec.raw_extension = first.and_then(|f| f.rsplit_once('.')).map(|(_, e)| e.to_lowercase());
    if spec.content.is_none() {
        spec.content = Loader::content_file(files.sources, cx, files.from, Some(n), files.read)?;
    }
    Ok(())
}

/// The template named by `n` (a name under the package's `data/templates`, or `pkg:path`).
fn template_ref(cx: &Cx<'_>, from: &InterviewRef, n: &Node, what: &str) -> R<InterviewRef> {
    let name = match &n.value {
        Value::Seq(items) if items.len() == 1 => cx.string(&items[0], what)?,
        Value::Seq(_) => return Err(cx.err(n.line, format!("{what}: several templates are not supported yet"))),
        _ => cx.string(n, what)?,
    };
    let name = name.trim();
    let target = match name.split_once(':') {
        Some((pkg, path)) if path.contains('/') => InterviewRef::new(pkg, path),
        Some((pkg, path)) => InterviewRef::new(pkg, &format!("data/templates/{path}")),
        None => InterviewRef::new(&from.package, &format!("data/templates/{name}")),
    };
    target.map_err(|e| cx.err(n.line, e.to_string()))
}

fn read_template(cx: &Cx<'_>, files: &mut Files<'_>, n: &Node, what: &str) -> R<(InterviewRef, Vec<u8>)> {
    let target = template_ref(cx, files.from, n, what)?;
    let bytes = files
        .sources
        .read_bytes(&target.package, &target.path)
        .map_err(|e| cx.err(n.line, format!("{what} {target} cannot be read: {e}")))?;
    files.read.push(target.clone());
    Ok((target, bytes))
}

fn docx_file(cx: &Cx<'_>, files: &mut Files<'_>, n: &Node) -> R<DocxFile> {
    let (target, bytes) = read_template(cx, files, n, "docx template file")?;
    let template = docs::docx::DocxTemplate::open(&bytes, &docs::Limits::default())
        .map_err(|e| cx.err(n.line, format!("docx template file {target}: {e}")))?;
    let mut parts = Vec::with_capacity(template.parts().len());
    for part in template.parts() {
        let origin = lang::Origin { file: Arc::from(format!("{target} ({})", part.name)), line: 1, column: 0 };
        let compiled = lang::Template::compile_jinja(&part.source, origin).map_err(|e| {
            let context = docx_context(&part.source, e.line);
            cx.err(
                n.line,
                format!("docx template file {target}, {}, line {}: {}{context}", part.name, e.line, e.message),
            )
        })?;
        parts.push(Arc::new(compiled));
    }
    let name = target.path.rsplit('/').next().unwrap_or(&target.path).to_string();
    include_templates(cx, files, n, &target, &template, 0)?;
    Ok(DocxFile { file: target.to_string(), name, template, parts })
}

/// Reads the templates a DOCX template includes (`include_docx_template('x.docx', …)` with
/// a literal name) into the package files kept for run time, checking their Jinja now.
fn include_templates(
    cx: &Cx<'_>,
    files: &mut Files<'_>,
    n: &Node,
    parent: &InterviewRef,
    template: &docs::docx::DocxTemplate,
    depth: usize,
) -> R<()> {
    for part in template.parts() {
        for name in included_names(&part.source) {
            let target = match name.split_once(':') {
                Some((pkg, path)) if path.contains('/') => InterviewRef::new(pkg, path),
                Some((pkg, path)) => InterviewRef::new(pkg, &format!("data/templates/{path}")),
                None => InterviewRef::new(&parent.package, &format!("data/templates/{name}")),
            }
            .map_err(|e| cx.err(n.line, e.to_string()))?;
            let key = target.to_string();
            if files.package_files.contains_key(&key) {
                continue;
            }
            if depth >= MAX_INCLUDE_DEPTH {
                return Err(cx.err(n.line, format!("docx template file {parent}: includes nested too deeply")));
            }
            let bytes = files.sources.read_bytes(&target.package, &target.path).map_err(|e| {
                cx.err(n.line, format!("docx template file {parent} includes {target}, which cannot be read: {e}"))
            })?;
            let sub = docs::docx::DocxTemplate::open(&bytes, &docs::Limits::default())
                .map_err(|e| cx.err(n.line, format!("docx template file {target}: {e}")))?;
            for p in sub.parts() {
                let origin = lang::Origin { file: Arc::from(format!("{target} ({})", p.name)), line: 1, column: 0 };
                lang::Template::compile_jinja(&p.source, origin).map_err(|e| {
                    cx.err(n.line, format!("docx template file {target}, {}, line {}: {}", p.name, e.line, e.message))
                })?;
            }
            files.read.push(target.clone());
            files.package_files.insert(key, Arc::new(bytes));
            include_templates(cx, files, n, &target, &sub, depth + 1)?;
        }
    }
    Ok(())
}

/// The literal names given to `include_docx_template(…)` in a patched part.
fn included_names(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(i) = rest.find("include_docx_template(") {
        rest = &rest[i + "include_docx_template(".len()..];
        let arg = rest.trim_start();
        let (quote, body) = if let Some(b) = arg.strip_prefix("&apos;") {
            ("&apos;", b)
        } else if let Some(b) = arg.strip_prefix("&quot;") {
            ("&quot;", b)
        } else if let Some(b) = arg.strip_prefix('\'') {
            ("'", b)
        } else if let Some(b) = arg.strip_prefix('"') {
            ("\"", b)
        } else {
            continue;
        };
        if let Some(end) = body.find(quote) {
            out.push(body[..end].to_string());
        }
    }
    out
}

/// The text of the paragraph at `line` of a patched part (tags stripped), as docxtpl shows it.
fn docx_context(source: &str, line: u32) -> String {
    let Some(l) = source.lines().nth(line.saturating_sub(1) as usize) else { return String::new() };
    let mut text = String::new();
    let mut in_tag = false;
    for c in l.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text.trim();
    if text.is_empty() {
        String::new()
    } else {
        let short: String = text.chars().take(120).collect();
        format!(" (in the paragraph \"{short}\")")
    }
}

fn pdf_file(cx: &Cx<'_>, files: &mut Files<'_>, n: &Node) -> R<PdfFile> {
    let (target, bytes) = read_template(cx, files, n, "pdf template file")?;
    let fields = docs::pdf::get_pdf_fields(&bytes, &docs::Limits::default())
        .or_else(|e| match e {
            docs::DocsError::NoFields => Ok(Vec::new()),
            e => Err(e),
        })
        .map_err(|e| cx.err(n.line, format!("pdf template file {target}: {e}")))?;
    Ok(PdfFile { file: target.to_string(), bytes: Arc::new(bytes), fields })
}

/// Deepest nesting of lists and dicts in `fields:`.
const MAX_FIELD_DEPTH: usize = 16;

/// `fields:`: a dict, or a list of one-entry dicts.
fn fields(cx: &Cx<'_>, n: &Node, depth: usize) -> R<Vec<(String, FieldValue)>> {
    let mut out = Vec::new();
    let maps: Vec<&Node> = match &n.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Map(_) => vec![n],
        _ => return Err(cx.err(n.line, "fields must be a dictionary or a list of dictionaries")),
    };
    for m in maps {
        let Some(entries) = m.as_map() else {
            return Err(cx.err(m.line, "fields must be a dictionary or a list of dictionaries"));
        };
        for (k, v) in entries {
            let key = cx.string(k, "fields")?;
            out.push((key, field_value(cx, v, depth)?));
        }
    }
    Ok(out)
}

fn field_value(cx: &Cx<'_>, v: &Node, depth: usize) -> R<FieldValue> {
    if depth > MAX_FIELD_DEPTH {
        return Err(cx.err(v.line, "fields are nested too deeply"));
    }
    Ok(match &v.value {
        Value::Str(_) => FieldValue::Text(cx.text(v, "fields")?),
        Value::Seq(items) => {
            FieldValue::List(items.iter().map(|i| field_value(cx, i, depth + 1)).collect::<R<Vec<_>>>()?)
        }
        Value::Map(entries) => FieldValue::Map(
            entries
                .iter()
                .map(|(k, i)| Ok((cx.string(k, "fields")?, field_value(cx, i, depth + 1)?)))
                .collect::<R<Vec<_>>>()?,
        ),
        _ => FieldValue::Scalar(v.clone()),
    })
}

/// `field code:`: a dict (or list of dicts) of name → expression.
fn field_code(cx: &Cx<'_>, n: &Node) -> R<Vec<(String, crate::model::Expr)>> {
    let maps: Vec<&Node> = match &n.value {
        Value::Seq(items) => items.iter().collect(),
        _ => vec![n],
    };
    let mut out = Vec::new();
    for m in maps {
        let Some(entries) = m.as_map() else {
            return Err(cx.err(m.line, "field code must be a dictionary of expressions"));
        };
        for (k, v) in entries {
            out.push((cx.string(k, "field code")?, cx.expr(v, "field code")?));
        }
    }
    Ok(out)
}

/// The attachment-box options of a question.
fn attachment_box(cx: &Cx<'_>, keys: &[(String, &Node, &Node)]) -> R<AttachmentBox> {
    let mut b = AttachmentBox::default();
    let cond = |key: &str, slot: &mut crate::model::Condition| -> R<()> {
        if let Some(v) = get(keys, key) {
            *slot = cx.condition(v, key)?;
        }
        Ok(())
    };
    cond("allow emailing", &mut b.allow_emailing)?;
    cond("allow downloading", &mut b.allow_downloading)?;
    cond("include attachment notice", &mut b.include_notice)?;
    cond("include download tab", &mut b.include_download_tab)?;
    cond("describe file types", &mut b.describe_file_types)?;
    cond("manual attachment list", &mut b.manual_list)?;
    cond("always include editable files", &mut b.always_include_editable)?;
    b.zip_filename = cx.opt_text(get(keys, "zip filename"), "zip filename")?;
    b.email_address_default = cx.opt_text(get(keys, "email address default"), "email address default")?;
    Ok(b)
}

/// Interview-wide `attachment options` (a dict, or a list of dicts), merged into `out`.
pub(super) fn interview_options(cx: &mut Cx<'_>, n: &Node, out: &mut AttachmentOptions) -> R<()> {
    let maps: Vec<&Node> = match &n.value {
        Value::Seq(items) => items.iter().collect(),
        _ => vec![n],
    };
    for m in maps {
        if m.as_map().is_none() {
            return Err(cx.err(m.line, "attachment options must be a dictionary"));
        }
        let keys = lowered(m);
        for (k, kn, v) in &keys {
            match k.as_str() {
                "initial yaml" => out.initial_yaml.extend(names(cx, v, "initial yaml")?),
                "additional yaml" => out.additional_yaml.extend(names(cx, v, "additional yaml")?),
                "template file" => out.template_file = Some(cx.string(v, "template file")?.trim().to_string()),
                "rtf template file" => out.rtf_template_file = Some(cx.string(v, "rtf template file")?.trim().to_string()),
                "docx reference file" => {
                    out.docx_reference_file = Some(cx.string(v, "docx reference file")?.trim().to_string())
                }
                "metadata" => out.metadata = Some((*v).clone()),
                other => cx.warn(kn.line, format!("unknown attachment option '{other}'")),
            }
        }
    }
    Ok(())
}

/// A file name or a list of them.
fn names(cx: &Cx<'_>, n: &Node, what: &str) -> R<Vec<String>> {
    match &n.value {
        Value::Seq(_) => cx.strings(n, what),
        _ => Ok(vec![cx.string(n, what)?.trim().to_string()]),
    }
}
