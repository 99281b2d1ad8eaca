//! Assembling attachments (docassemble's `prepare_attachment`): name, file name and
//! description rendered; the content evaluated as Markdown, a DOCX template rendered through
//! `docs`' `PartRenderer` over the `lang` VM, a PDF form's field values worked out and the
//! form filled. An undefined name anywhere is the usual `Undefined(path)`, so the question that
//! defines it is asked first. The result is the attachment box of a question screen, or a
//! `DAFileCollection` stored in the answers for an attachment block with `variable name`.
//!
//! Files are numbered in the session ([`SessionState::files`]); their bytes go to the server
//! in [`SessionState::produced`]. The PDF of Markdown content is recorded to be typeset by the
//! host when first requested (`typeset`), when the host can typeset; its RTF and DOCX are
//! written now (`formats`). Formats that cannot be produced (PDF from a DOCX template, PDF
//! without a typesetting host) are left out of the box rather than linked.

mod files;
mod formats;
mod typeset;

use std::hash::{Hash, Hasher};
use std::rc::Rc;

use lang::{Key, Value};

type Dict = lang::value::Dict;

use super::{Flow, Run, R};
use crate::attach::markup::{mimetype_of, pdf_field_text, pdf_scalar, secure_filename};
use crate::attach::view::{AttachmentBoxView, AttachmentView, DownloadView, MadeFrom, ProducedFile, StoredFile};
use crate::attach::{AttachmentSet, AttachmentSpec, DocxFile, FieldValue, Formats, PdfFile, TemplateFile};
use crate::model::{AttachmentsBlock, Pos, Question};
use crate::state::SessionState;

/// Most retries of a `skip undefined` render (each binds one more missing name).
const MAX_SKIPPED: usize = 200;

/// One assembled document.
struct Assembled {
    /// Name as shown (Markdown, values escaped).
    name_html: String,
    /// Name as data.
    name: String,
    description_html: Option<String>,
    description: String,
    filename: String,
    formats: Vec<String>,
    markdown: Option<String>,
    /// The Preview's Markdown (values HTML-escaped), when `html` is a format.
    preview: Option<String>,
    /// format → (number of the file, file name with extension); only producible formats.
    files: Vec<(String, u64, String)>,
    /// Formats asked for but not producible yet.
    missing: Vec<String>,
}

/// The URL of session file `number` named `filename` (inline; `download` as attachment).
/// `interview_url` is the request's `/interview?i=…`: its `i` (as the browser sent it, which
/// names the session's cookie) is kept.
pub(crate) fn file_url(base_url: &str, interview_url: &str, number: u64, filename: &str, download: bool) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
    /// Everything but RFC 3986's unreserved characters.
    const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
    let route = if download { "uploadedfiledownload" } else { "uploadedfile" };
    let query = interview_url.split_once('?').map_or("", |(_, q)| q);
    let i = query.split('&').find_map(|p| p.strip_prefix("i=")).unwrap_or("");
    format!("{base_url}/{route}/{number}/{}?i={i}", utf8_percent_encode(filename, COMPONENT))
}

impl Run<'_> {
    /// The attachment box of a question, or None when it has no attachments.
    pub(crate) fn attachment_box(&mut self, q: &Question) -> R<Option<AttachmentBoxView>> {
        let Some(set) = &q.attachment_set else { return Ok(None) };
        let mut views = Vec::new();
        match set {
            AttachmentSet::List(specs) => {
                for spec in specs {
                    let a = self.assemble_document(spec)?;
                    if let Some(v) = &spec.variable_name {
                        let obj = self.file_collection(v.name(), &a);
                        self.assign(v.name(), obj)?;
                    }
                    views.push(self.attachment_view(a));
                }
            }
            AttachmentSet::Code(e) => {
                let v = self.eval_expr(e)?;
                let items = match &v {
                    Value::List(l) => l.borrow().clone(),
                    Value::Tuple(t) => t.to_vec(),
                    other => vec![other.clone()],
                };
                for item in items {
                    if let Some(view) = self.view_of_object(&item) {
                        views.push(view);
                    }
                }
            }
        }
        let b = &q.attachment_box;
        let debug = match self.iv.features.raw.get("debug") {
            Some(n) => n.scalar_text().is_some_and(|t| matches!(t.trim(), "True" | "true" | "yes" | "1")),
            None => self.ctx.debug,
        };
        if !debug {
            for v in &mut views {
                v.markdown = None;
            }
        }
        let zip_filename = match &b.zip_filename {
            Some(t) => secure_filename(&self.render_raw(t)?),
            None => "file.zip".to_string(),
        };
        let email_address_default = match &b.email_address_default {
            Some(t) => Some(self.render_raw(t)?),
            None => None,
        };
        Ok(Some(AttachmentBoxView {
            attachments: views,
            notice: self.condition(&b.include_notice)?,
            manual_list: self.condition(&b.manual_list)?,
            describe_file_types: self.condition(&b.describe_file_types)?,
            download_tab: self.condition(&b.include_download_tab)?,
            allow_emailing: self.condition(&b.allow_emailing)?,
            allow_downloading: self.condition(&b.allow_downloading)?,
            always_include_editable: self.condition(&b.always_include_editable)?,
            email_address_default,
            zip_filename,
            debug,
        }))
    }

    /// An attachment block: assembles its documents and stores each `DAFileCollection`.
    pub(crate) fn define_attachments(&mut self, a: &AttachmentsBlock, pos: &Pos) -> R<()> {
        let Some(AttachmentSet::List(specs)) = &a.set else {
            return Err(Flow::Fatal(format!("{pos}: an attachment block needs attachment:, not attachment code:")));
        };
        for spec in specs {
            let assembled = self.assemble_document(spec)?;
            let name = match (&spec.variable_name, &a.variable) {
                (Some(v), _) | (None, Some(v)) => v.name().to_string(),
                (None, None) => continue,
            };
            let obj = self.file_collection(&name, &assembled);
            self.assign(&name, obj)?;
        }
        Ok(())
    }

    /// Evaluates one attachment and makes its files.
    fn assemble_document(&mut self, spec: &AttachmentSpec) -> R<Assembled> {
        let saved_language = spec.language.as_ref().map(|l| std::mem::replace(&mut self.host.language, l.clone()));
        let result = self.assemble_in_language(spec);
        if let Some(l) = saved_language {
            self.host.language = l;
        }
        result
    }

    fn assemble_in_language(&mut self, spec: &AttachmentSpec) -> R<Assembled> {
        let lang = self.host.language.clone();
        let (name_html, name) = match &spec.name {
            Some(t) => (self.render(t)?.trim().to_string(), self.render_raw(t)?.trim().to_string()),
            None => {
                let w = crate::functions::word(&lang, "Document");
                (w.clone(), w)
            }
        };
        let filename = match &spec.filename {
            Some(t) => self.render_raw(t)?.trim().to_string(),
            None => name.replace(' ', "_"),
        };
        let filename = secure_filename(&filename);
        let (description_html, description) = match &spec.description {
            Some(t) => (Some(self.render(t)?.trim().to_string()), self.render_raw(t)?.trim().to_string()),
            None => (None, String::new()),
        };
        let formats = self.formats(spec)?;
        let mut a = Assembled {
            name_html,
            name,
            description_html,
            description,
            filename,
            formats: formats.clone(),
            markdown: None,
            preview: None,
            files: Vec::new(),
            missing: Vec::new(),
        };
        let wanted = |f: &str| formats.iter().any(|x| x == f);
        if let Some((_, manual)) = spec.other.iter().find(|(k, _)| k == "manual") {
            self.manual_files(spec, manual, &mut a)?;
            return Ok(a);
        }
        if let Some(t) = &spec.docx_template {
            let file = match t {
                TemplateFile::Loaded(f) => f.clone(),
                TemplateFile::Code(e) => {
                    return Err(Flow::Fatal(format!("{}: docx template file given by code is not supported yet", e.pos())))
                }
            };
            let bytes = self.in_context("docx", |run| run.render_docx(spec, &file))?;
            let mut docx_number = None;
            for f in &formats {
                match f.as_str() {
                    "docx" => {
                        let n = self.keep_file(&format!("{}.docx", a.filename), "docx", bytes.clone());
                        docx_number = Some(n);
                        a.files.push(("docx".into(), n, format!("{}.docx", a.filename)));
                    }
                    // converted from the filled DOCX when it is first requested (the host's
                    // typesetter); without one the PDF is a format that cannot be produced
                    "pdf" if self.ctx.typeset_pdf => {}
                    other => a.missing.push(other.to_string()),
                }
            }
            if wanted("pdf") && self.ctx.typeset_pdf {
                let fname = format!("{}.pdf", a.filename);
                let n = self.keep_docx_pdf(spec, &fname, &a.name, docx_number, &bytes);
                a.files.push(("pdf".into(), n, fname));
            }
            return Ok(a);
        }
        if let Some(t) = &spec.pdf_template {
            let file = match t {
                TemplateFile::Loaded(f) => f.clone(),
                TemplateFile::Code(e) => {
                    return Err(Flow::Fatal(format!("{}: pdf template file given by code is not supported yet", e.pos())))
                }
            };
            let bytes = self.in_context("pdf", |run| run.fill_pdf(spec, &file))?;
            let n = self.keep_file(&format!("{}.pdf", a.filename), "pdf", bytes);
            a.files.push(("pdf".into(), n, format!("{}.pdf", a.filename)));
            a.missing.extend(formats.iter().filter(|f| *f != "pdf").cloned());
            return Ok(a);
        }
        let from_code = match &spec.content_file_code {
            Some(e) => Some((self.content_from_code(e)?, e.pos().clone())),
            None => None,
        };
        let markdown = match (&from_code, &spec.content) {
            (Some((source, pos)), _) => self.in_context("pandoc", |run| run.render_plain(source, pos))?,
            (None, Some(t)) => self.in_context("pandoc", |run| run.render_raw(t))?,
            (None, None) => String::new(),
        };
        let mut formats_made = formats.clone();
        if spec.raw && !formats_made.iter().any(|f| f == "raw") {
            formats_made.push("raw".into());
        }
        // one arm per output format made from the Markdown (the writers are in `formats`)
        for f in &formats_made {
            let (ext, bytes) = match f.as_str() {
                "raw" => (spec.raw_extension.clone().unwrap_or_else(|| "txt".into()), markdown.clone().into_bytes()),
                "md" => ("md".to_string(), markdown.clone().into_bytes()),
                "rtf" => ("rtf".to_string(), self.in_context("pandoc", |run| run.markdown_rtf(spec, &markdown))?),
                "docx" | "rtf to docx" => {
                    let bytes = self.in_context("pandoc", |run| run.markdown_docx(spec, &markdown))?;
                    let fname = format!("{}.docx", a.filename);
                    let n = self.keep_file(&fname, "docx", bytes);
                    a.files.push(("docx".into(), n, fname));
                    continue;
                }
                "html" => continue,
                "pdf" if self.ctx.typeset_pdf => {
                    let fname = format!("{}.pdf", a.filename);
                    let n = self.keep_typeset_pdf(spec, &fname, &a.name, &markdown)?;
                    a.files.push((f.clone(), n, fname));
                    continue;
                }
                other => {
                    a.missing.push(other.to_string());
                    continue;
                }
            };
            let fname = format!("{}.{ext}", a.filename);
            let n = self.keep_file(&fname, &ext, bytes);
            a.files.push((f.clone(), n, fname));
        }
        // the Preview is screen text: values HTML-escaped, like every text of a screen
        if wanted("html") {
            a.preview = match (&from_code, &spec.content) {
                (Some((source, pos)), _) => Some(self.render_src(source, pos)?),
                (None, Some(t)) => Some(self.render(t)?),
                (None, None) => Some(String::new()),
            };
        }
        a.markdown = Some(markdown);
        Ok(a)
    }

    /// `content file: {code: …}`: the text of the package files the expression names (read
    /// at load time, when the interview names them in a string literal).
    fn content_from_code(&mut self, e: &crate::model::Expr) -> R<String> {
        let v = self.eval_expr(e)?;
        let names: Vec<String> = match &v {
            Value::List(l) => l.borrow().iter().map(Value::str).collect(),
            Value::Tuple(t) => t.iter().map(Value::str).collect(),
            other => vec![other.str()],
        };
        let mut combined = String::new();
        for name in names {
            let Some(bytes) = package_file(&self.iv.run_data, &self.host.package, &name) else {
                return Err(Flow::Fatal(format!(
                    "{}: content file {name} was not found (a file named by code must also be named in a string of the interview, so that it is read when the interview loads)",
                    e.pos()
                )));
            };
            if !combined.is_empty() {
                combined.push('\n');
            }
            combined.push_str(&String::from_utf8_lossy(&bytes));
        }
        Ok(combined)
    }

    /// Runs `f` with the evaluation context set to `context` (restored afterwards).
    fn in_context<T>(&mut self, context: &'static str, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let saved = self.host.evaluation_context.replace(context);
        let result = f(self);
        self.host.evaluation_context = saved;
        result
    }

    /// The valid formats, with `*` expanded (pdf, rtf, html) and the kind's default.
    fn formats(&mut self, spec: &AttachmentSpec) -> R<Vec<String>> {
        let list: Vec<String> = match &spec.valid_formats {
            Formats::List(l) => l.clone(),
            Formats::Code(e) => {
                let v = self.eval_expr(e)?;
                match &v {
                    Value::List(l) => l.borrow().iter().map(|x| x.str().to_lowercase()).collect(),
                    Value::Tuple(t) => t.iter().map(|x| x.str().to_lowercase()).collect(),
                    other => vec![other.str().to_lowercase()],
                }
            }
            Formats::Default if spec.docx_template.is_some() => vec!["docx".into(), "pdf".into()],
            Formats::Default if spec.pdf_template.is_some() => vec!["pdf".into()],
            Formats::Default if spec.raw => vec!["raw".into()],
            Formats::Default => vec!["*".into()],
        };
        let mut out: Vec<String> = Vec::new();
        for f in list {
            let items: Vec<String> = if f == "*" { vec!["pdf".into(), "rtf".into(), "html".into()] } else { vec![f] };
            for i in items {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        Ok(out)
    }

    /// Records a produced file (or finds the same file made earlier) and returns its number.
    fn keep_file(&mut self, filename: &str, extension: &str, bytes: Vec<u8>) -> u64 {
        keep_file(self.st, filename, extension, bytes)
    }

    /// Renders a DOCX template with the attachment's fields bound as names.
    fn render_docx(&mut self, spec: &AttachmentSpec, file: &DocxFile) -> R<Vec<u8>> {
        let skip = match &spec.skip_undefined {
            Some(c) => self.condition(c)?,
            None => false,
        };
        let mut bindings: Vec<(String, Value)> = Vec::new();
        for (k, v) in &spec.fields {
            let value = self.field_value(v, skip)?;
            bindings.push((k.clone(), value));
        }
        // docassemble passes values from code through `transform_for_docx` (text, unless a
        // number, bool or None); `raw field variables` keep their values
        if let Some(e) = &spec.code {
            for (k, v) in self.code_dicts(e, skip)? {
                let v = self.docx_value(v, e.pos())?;
                bindings.push((k, v));
            }
        }
        for v in &spec.raw_field_variables {
            let value = self.eval_src(v.name(), v.pos())?;
            bindings.push((v.name().to_string(), value));
        }
        for (k, e) in &spec.field_code {
            let v = self.eval_or_skip(e, skip)?;
            let v = self.docx_value(v, e.pos())?;
            bindings.push((k.clone(), v));
        }
        for var in &spec.field_variables {
            let v = match self.eval_src(var.name(), var.pos()) {
                Err(Flow::Undefined(_)) | Err(Flow::Fatal(_)) if skip => Value::from_str(""),
                other => other?,
            };
            let v = self.docx_value(v, var.pos())?;
            bindings.push((var.name().to_string(), v));
        }
        let ns = self.ns.clone();
        let saved: Vec<(String, Option<Value>)> = bindings.iter().map(|(k, _)| (k.clone(), ns.get(k))).collect();
        for (k, v) in &bindings {
            ns.set(k, v.clone());
        }
        // `skip undefined`: each undefined name or attribute is a `DAEmpty` for this render
        // (and removed again): it renders nothing, and so do its attributes, as docassemble's
        // DASkipUndefined
        let mut skipped: Vec<crate::vars::path::Path> = Vec::new();
        let result = loop {
            let mut renderer = VmRenderer { run: self, file };
            match file.template.render(&mut renderer) {
                Ok(bytes) => break Ok(bytes),
                Err(docs::docx::RenderFailure::Renderer { error: lang::Error::Undefined(name), .. })
                    if skip && skipped.len() < MAX_SKIPPED =>
                {
                    let empty = Value::new_object(self.host.class("DAEmpty"), Some(&name));
                    let placed = crate::vars::path::parse(&name)
                        .filter(|p| crate::vars::path::set(&ns, p, empty.clone()).is_ok());
                    match placed {
                        Some(p) => skipped.push(p),
                        None => {
                            break Err(Flow::Fatal(format!(
                                "{}: docx template file {}: '{name}' is undefined and cannot be skipped",
                                spec.pos, file.name
                            )))
                        }
                    }
                }
                Err(docs::docx::RenderFailure::Renderer { part, error }) => {
                    let pos = Pos { file: std::sync::Arc::from(format!("{} ({part})", file.file)), line: 1, column: 0 };
                    break Err(self.flow(error, &pos));
                }
                Err(docs::docx::RenderFailure::Document(e)) => {
                    break Err(Flow::Fatal(format!("{}: docx template file {}: {e}", spec.pos, file.name)))
                }
            }
        };
        for p in skipped.iter().rev() {
            crate::vars::path::remove(&ns, p);
        }
        for (k, old) in saved.into_iter().rev() {
            match old {
                Some(v) => ns.set(&k, v),
                None => {
                    ns.remove(&k);
                }
            }
        }
        result
    }

    /// docassemble's `transform_for_docx`: numbers, bools and None as they are, anything
    /// else as its text.
    fn docx_value(&mut self, v: Value, pos: &Pos) -> R<Value> {
        Ok(match v {
            Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None | Value::Str(_) => v,
            other => {
                let s = self.run_vm(|vm, _| vm.str_of(&other)).map_err(|e| self.flow(e, pos))?;
                Value::from_str(&s)
            }
        })
    }

    /// A `fields:` value as a `lang` value (text rendered without escaping).
    fn field_value(&mut self, v: &FieldValue, skip: bool) -> R<Value> {
        Ok(match v {
            FieldValue::Text(t) => match self.render_raw(t) {
                Ok(s) => Value::from_str(s.trim_end()),
                Err(Flow::Undefined(_)) | Err(Flow::Fatal(_)) if skip => Value::from_str(""),
                Err(e) => return Err(e),
            },
            FieldValue::Scalar(n) => scalar_value(n),
            FieldValue::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.field_value(i, skip)?);
                }
                Value::list(out)
            }
            FieldValue::Map(entries) => {
                let mut d = Dict::default();
                for (k, i) in entries {
                    let v = self.field_value(i, skip)?;
                    d.insert(Key::str(k), v);
                }
                Value::dict(d)
            }
        })
    }

    fn eval_or_skip(&mut self, e: &crate::model::Expr, skip: bool) -> R<Value> {
        match self.eval_expr(e) {
            Err(Flow::Undefined(_)) | Err(Flow::Fatal(_)) if skip => Ok(Value::from_str("")),
            other => other,
        }
    }

    /// `code:`: a dict or a list of dicts, flattened to (name, value) pairs.
    fn code_dicts(&mut self, e: &crate::model::Expr, skip: bool) -> R<Vec<(String, Value)>> {
        let v = match self.eval_expr(e) {
            Err(Flow::Undefined(_)) | Err(Flow::Fatal(_)) if skip => return Ok(Vec::new()),
            other => other?,
        };
        let items = match &v {
            Value::List(l) => l.borrow().clone(),
            other => vec![other.clone()],
        };
        let mut out = Vec::new();
        for item in items {
            let Value::Dict(d) = &item else {
                return Err(Flow::Fatal(format!(
                    "{}: code in an attachment returned something other than a dictionary or a list of dictionaries",
                    e.pos()
                )));
            };
            for (k, v) in d.borrow().iter() {
                out.push((k.to_value().str(), v.clone()));
            }
        }
        Ok(out)
    }

    /// The text docassemble writes into a PDF field for a value from code.
    fn pdf_value_of(&mut self, v: &Value, pos: &Pos) -> R<String> {
        let s = match v {
            Value::Bool(true) => "Yes".to_string(),
            Value::Bool(false) => "No".to_string(),
            Value::None => String::new(),
            other => {
                let other = other.clone();
                self.run_vm(|vm, _| vm.str_of(&other)).map_err(|e| self.flow(e, pos))?
            }
        };
        Ok(pdf_field_text(&s, true))
    }

    /// Works out the field values and fills the PDF form.
    fn fill_pdf(&mut self, spec: &AttachmentSpec, file: &PdfFile) -> R<Vec<u8>> {
        let skip = match &spec.skip_undefined {
            Some(c) => self.condition(c)?,
            None => false,
        };
        let mut values: Vec<(String, String)> = Vec::new();
        let mut images = Vec::new();
        for (k, v) in &spec.fields {
            let text = match v {
                FieldValue::Text(t) => match self.render_raw(t) {
                    Ok(s) => s,
                    Err(Flow::Undefined(_)) | Err(Flow::Fatal(_)) if skip => String::new(),
                    Err(e) => return Err(e),
                },
                FieldValue::Scalar(n) => n.scalar_text().unwrap_or_default(),
                _ => return Err(Flow::Fatal(format!("{}: the value of the PDF field '{k}' must be text", spec.pos))),
            };
            let text = pdf_field_text(pdf_scalar(text.trim_end()), false);
            if let Some(image) = self.field_image(k, &text) {
                images.push(image);
            } else if !text.contains("[FILE ") && !text.contains("[QR ") {
                values.push((k.clone(), text));
            }
        }
        let mut from_code: Vec<(String, Value)> = Vec::new();
        if let Some(e) = &spec.code {
            from_code.extend(self.code_dicts(e, skip)?);
        }
        for (k, e) in &spec.field_code {
            from_code.push((k.clone(), self.eval_or_skip(e, skip)?));
        }
        for v in spec.field_variables.iter().chain(&spec.raw_field_variables) {
            let value = match self.eval_src(v.name(), v.pos()) {
                Err(Flow::Undefined(_)) | Err(Flow::Fatal(_)) if skip => Value::from_str(""),
                other => other?,
            };
            from_code.push((v.name().to_string(), value));
        }
        for (k, v) in from_code {
            let text = self.pdf_value_of(&v, &spec.pos)?;
            if let Some(image) = self.field_image(&k, &text) {
                images.push(image);
            } else if !text.contains("[FILE ") && !text.contains("[QR ") {
                values.push((k, text));
            }
        }
        let default_export_value = match &spec.checkbox_export_value {
            Some(t) => Some(self.render_raw(t)?.trim().to_string()),
            None => None,
        };
        let editable = match &spec.editable {
            Some(c) => self.condition(c)?,
            None => true,
        };
        let options = docs::pdf::FillOptions { default_export_value, editable, images };
        docs::pdf::fill_form(&file.bytes, &values, &options, &docs::Limits::default())
            .map_err(|e| Flow::Fatal(format!("{}: pdf template file {}: {e}", spec.pos, file.file)))
    }

    /// `manual:` — each format's file is what an expression gives (a `DAFile`, such as the
    /// result of `pdf_concatenate`), not something assembled here.
    fn manual_files(&mut self, spec: &AttachmentSpec, manual: &crate::yaml::Node, a: &mut Assembled) -> R<()> {
        let Some(entries) = manual.as_map() else {
            return Err(Flow::Fatal(format!("{}: manual must be a dictionary of formats and expressions", spec.pos)));
        };
        for (k, v) in entries {
            let (Some(fmt), Some(source)) = (k.scalar_text(), v.scalar_text()) else { continue };
            let value = self.eval_src(source.trim(), &spec.pos)?;
            let file = match crate::functions::objects::get(&value, "elements") {
                Some(Value::List(l)) => l.borrow().first().cloned().unwrap_or(Value::None),
                _ => value,
            };
            match crate::functions::objects::get(&file, "number") {
                Some(Value::Int(n)) if n > 0 => {
                    let fmt = fmt.trim().to_string();
                    a.files.push((fmt.clone(), u64::try_from(n).unwrap_or(0), format!("{}.{fmt}", a.filename)));
                }
                _ => a.missing.push(fmt.trim().to_string()),
            }
        }
        Ok(())
    }

    /// The box entry of an assembled document.
    fn attachment_view(&self, a: Assembled) -> AttachmentView {
        let downloads = ["pdf", "rtf", "docx", "md", "raw"]
            .iter()
            .flat_map(|f| a.files.iter().filter(move |(fmt, _, _)| fmt == f))
            .map(|(fmt, n, fname)| DownloadView {
                format: fmt.clone(),
                number: *n,
                filename: fname.clone(),
                url: file_url(&self.ctx.base_url, &self.ctx.interview_url, *n, fname, false),
            })
            .collect();
        let preview = a.preview;
        AttachmentView {
            name: a.name_html,
            description: a.description_html,
            filename: a.filename,
            formats: a.formats,
            downloads,
            preview,
            markdown: a.markdown,
        }
    }

    /// A `DAFileCollection` for an assembled document: `.info` and one `DAFile` per format.
    fn file_collection(&self, name: &str, a: &Assembled) -> Value {
        let coll = Value::new_object(self.host.class("DAFileCollection"), Some(name));
        let mut info = Dict::default();
        info.insert(Key::str("name"), Value::from_str(&a.name));
        info.insert(Key::str("filename"), Value::from_str(&a.filename));
        info.insert(Key::str("description"), Value::from_str(&a.description));
        info.insert(Key::str("formats"), Value::list(a.formats.iter().map(|f| Value::from_str(f)).collect()));
        if let Some(md) = &a.markdown {
            info.insert(Key::str("markdown"), Value::from_str(md));
        }
        if let Value::Object(o) = &coll {
            let mut o = o.borrow_mut();
            o.attrs.insert(Rc::from("info"), Value::dict(info));
            // the Preview as the screen shows it (values escaped), for `attachment code`
            if let Some(p) = &a.preview {
                o.attrs.insert(Rc::from("_preview"), Value::from_str(p));
            }
            for (fmt, n, fname) in &a.files {
                let ext = if fmt == "raw" { fname.rsplit_once('.').map_or("txt", |(_, e)| e) } else { fmt.as_str() };
                let file = self.dafile(&format!("{name}.{fmt}"), Some(*n), fname, ext);
                o.attrs.insert(Rc::from(fmt.as_str()), file);
            }
            for fmt in &a.missing {
                if fmt == "html" || fmt.contains(' ') {
                    continue;
                }
                let fname = format!("{}.{fmt}", a.filename);
                let file = self.dafile(&format!("{name}.{fmt}"), None, &fname, fmt);
                o.attrs.insert(Rc::from(fmt.as_str()), file);
            }
        }
        coll
    }

    /// A `DAFile` object (`number` None: a format that cannot be produced yet, `ok` False).
    fn dafile(&self, name: &str, number: Option<u64>, filename: &str, extension: &str) -> Value {
        let file = Value::new_object(self.host.class("DAFile"), Some(name));
        if let Value::Object(o) = &file {
            let mut o = o.borrow_mut();
            let n = number.map_or(Value::None, |n| Value::Int(i64::try_from(n).unwrap_or(0)));
            o.attrs.insert(Rc::from("number"), n);
            o.attrs.insert(Rc::from("ok"), Value::Bool(number.is_some()));
            o.attrs.insert(Rc::from("filename"), Value::from_str(filename));
            o.attrs.insert(Rc::from("extension"), Value::from_str(extension));
            o.attrs.insert(Rc::from("mimetype"), Value::from_str(mimetype_of(extension)));
        }
        file
    }

    /// The box entry of a `DAFileCollection` or `DAFile` given by `attachment code`.
    fn view_of_object(&self, v: &Value) -> Option<AttachmentView> {
        let Value::Object(o) = v else { return None };
        let o = o.borrow();
        let attr_str = |obj: &lang::Object, k: &str| obj.attrs.get(k).map(Value::str);
        let mut view = AttachmentView::default();
        let mut files: Vec<(String, Value)> = Vec::new();
        if o.class.name.as_ref() == "DAFile" {
            view.filename = attr_str(&o, "filename").unwrap_or_default();
            view.name = view.filename.clone();
            files.push((attr_str(&o, "extension").unwrap_or_default(), v.clone()));
        } else {
            if let Some(Value::Dict(info)) = o.attrs.get("info") {
                let info = info.borrow();
                let get = |k: &str| info.get(&Key::str(k)).map(Value::str);
                view.name = crate::html::html_escape(&get("name").unwrap_or_default());
                view.description = get("description").filter(|d| !d.is_empty()).map(|d| crate::html::html_escape(&d));
                view.filename = get("filename").unwrap_or_default();
                view.markdown = get("markdown");
                if let Some(Value::List(f)) = info.get(&Key::str("formats")) {
                    view.formats = f.borrow().iter().map(Value::str).collect();
                }
            }
            for fmt in ["pdf", "rtf", "docx", "md", "raw"] {
                if let Some(f) = o.attrs.get(fmt) {
                    files.push((fmt.to_string(), f.clone()));
                }
            }
        }
        for (fmt, f) in files {
            let Value::Object(fo) = &f else { continue };
            let fo = fo.borrow();
            let Some(Value::Int(n)) = fo.attrs.get("number") else { continue };
            let Ok(n) = u64::try_from(*n) else { continue };
            if !self.st.files.contains_key(&n) {
                continue;
            }
            let fname = attr_str(&fo, "filename").unwrap_or_default();
            view.downloads.push(DownloadView {
                format: fmt,
                number: n,
                url: file_url(&self.ctx.base_url, &self.ctx.interview_url, n, &fname, false),
                filename: fname,
            });
        }
        if view.formats.iter().any(|f| f == "html") {
            view.preview = o.attrs.get("_preview").map(Value::str);
        }
        Some(view)
    }
}

/// A package file read at load time, by the name code gives (`hello.md`,
/// `data/templates/x.pdf`, `pkg:data/static/y.png`).
pub(crate) fn package_file(run_data: &crate::model::RunData, package: &str, name: &str) -> Option<std::sync::Arc<Vec<u8>>> {
    crate::load::package_files::candidates(name.trim(), package)
        .into_iter()
        .find_map(|(pkg, path)| run_data.package_files.get(&format!("{pkg}:{path}")).cloned())
}

/// Records a produced file in `st` (or finds the same file made earlier); returns its number.
fn keep_file(st: &mut SessionState, filename: &str, extension: &str, bytes: Vec<u8>) -> u64 {
    keep_bytes(st, filename, extension, bytes, false)
}

/// The content key of a file's bytes in `doc_cache`.
fn bytes_key(filename: &str, extension: &str, bytes: &[u8], hidden: bool) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    filename.hash(&mut h);
    extension.hash(&mut h);
    bytes.hash(&mut h);
    let mut key = format!("{:016x}-{}", h.finish(), bytes.len());
    if hidden {
        key.push_str("-source");
    }
    key
}

/// The content key of a file made on request in `doc_cache`.
fn made_key(filename: &str, extension: &str, made_from: &MadeFrom) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    filename.hash(&mut h);
    extension.hash(&mut h);
    serde_json::to_string(made_from).unwrap_or_default().hash(&mut h);
    format!("{:016x}-made", h.finish())
}

/// Records a file (`hidden`: a source of another file, not served by its number).
fn keep_bytes(st: &mut SessionState, filename: &str, extension: &str, bytes: Vec<u8>, hidden: bool) -> u64 {
    let key = bytes_key(filename, extension, &bytes, hidden);
    let file = StoredFile {
        filename: filename.to_string(),
        mimetype: mimetype_of(extension).to_string(),
        made_from: None,
        hidden,
    };
    keep_entry(st, key, file, Some(bytes))
}

/// Records a file made when first requested (or finds the same one recorded earlier, which
/// keeps its bytes once made: the same content is converted once).
fn keep_made(st: &mut SessionState, filename: &str, extension: &str, made_from: MadeFrom) -> u64 {
    let key = made_key(filename, extension, &made_from);
    let file = StoredFile {
        filename: filename.to_string(),
        mimetype: mimetype_of(extension).to_string(),
        made_from: Some(made_from),
        hidden: false,
    };
    keep_entry(st, key, file, None)
}

fn keep_entry(st: &mut SessionState, key: String, file: StoredFile, bytes: Option<Vec<u8>>) -> u64 {
    if let Some(n) = st.doc_cache.get(&key) {
        if st.files.contains_key(n) {
            return *n;
        }
    }
    let number = st.files.keys().next_back().map_or(1, |n| n + 1);
    st.files.insert(number, file);
    st.doc_cache.insert(key, number);
    if let Some(bytes) = bytes {
        st.produced.push(ProducedFile { number, bytes });
    }
    number
}

impl Run<'_> {
    /// Before an evaluation: the files functions make are numbered after the session's.
    pub(super) fn open_file_ledger(&mut self) {
        self.host.file_ledger.borrow_mut().next = self.st.files.keys().next_back().map_or(1, |n| n + 1);
    }

    /// After an evaluation: the files functions made become session files (their bytes, when
    /// known, stored with the state). A package file copied in a second time is replaced by
    /// the first copy.
    pub(super) fn close_file_ledger(&mut self) {
        let made = std::mem::take(&mut self.host.file_ledger.borrow_mut().made);
        if made.is_empty() {
            return;
        }
        let mut same: std::collections::HashMap<u64, u64> = std::collections::HashMap::new();
        for (number, mut file, bytes) in made {
            let extension = file.filename.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
            if let Some(m) = &mut file.made_from {
                renumber_sources(m, &same);
            }
            let key = match (&file.made_from, &bytes) {
                (Some(m), _) => made_key(&file.filename, &extension, m),
                (None, b) => bytes_key(&file.filename, &extension, b.as_deref().unwrap_or_default(), file.hidden),
            };
            if let Some(&earlier) = self.st.doc_cache.get(&key) {
                if file.hidden && self.st.files.contains_key(&earlier) {
                    same.insert(number, earlier);
                    self.host.new_files.borrow_mut().remove(&number);
                    continue;
                }
            }
            self.st.files.insert(number, file);
            self.st.doc_cache.entry(key).or_insert(number);
            if let Some(bytes) = bytes {
                self.st.produced.push(ProducedFile { number, bytes });
            }
        }
    }
}

/// The sources of `m` that were replaced by an earlier copy, renumbered.
fn renumber_sources(m: &mut MadeFrom, same: &std::collections::HashMap<u64, u64>) {
    let re = |n: &mut u64| {
        if let Some(e) = same.get(n) {
            *n = *e;
        }
    };
    match m {
        MadeFrom::Markdown { source, images, .. } => {
            re(source);
            images.iter_mut().for_each(|(_, n)| re(n));
        }
        MadeFrom::Docx { source, .. } | MadeFrom::ExtractPages { source, .. } => re(source),
        MadeFrom::Concatenate { parts } => parts.iter_mut().for_each(re),
        MadeFrom::Overlay { main, logo, .. } => {
            re(main);
            re(logo);
        }
        MadeFrom::Zip { entries } => entries.iter_mut().for_each(|(_, n)| re(n)),
    }
}

/// A YAML scalar as a `lang` value.
fn scalar_value(n: &crate::yaml::Node) -> Value {
    use crate::yaml::Value as Y;
    match &n.value {
        Y::Null => Value::None,
        Y::Bool(b) => Value::Bool(*b),
        Y::Int(i) => Value::Int(*i),
        Y::Float(f) => Value::Float(*f),
        _ => Value::from_str(&n.scalar_text().unwrap_or_default()),
    }
}

/// Renders the parts of a DOCX template with the interview's VM: `{{ }}` values are escaped
/// for WordprocessingML (docassemble's `ampersand_filter`).
struct VmRenderer<'r, 'a> {
    run: &'r mut Run<'a>,
    file: &'r DocxFile,
}

impl docs::docx::PartRenderer for VmRenderer<'_, '_> {
    type Error = lang::Error;

    fn render_part(&mut self, part: &docs::docx::TemplatePart) -> Result<String, lang::Error> {
        let Some(index) = self.file.template.parts().iter().position(|p| p.name == part.name) else {
            return Err(lang::Error::exception("RuntimeError", &format!("no part {}", part.name)));
        };
        let Some(tm) = self.file.parts.get(index).cloned() else {
            return Err(lang::Error::exception("RuntimeError", &format!("no part {}", part.name)));
        };
        self.run.run_vm(|vm, ns| {
            tm.render_with(vm, ns, &|_v: &Value, s: &str| docs::docx::escape_value(s, docs::docx::ValueKind::Text))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_numbered_once_per_content() {
        let mut st = SessionState::new();
        let a = keep_file(&mut st, "a.md", "md", b"hello".to_vec());
        let b = keep_file(&mut st, "a.md", "md", b"hello".to_vec());
        let c = keep_file(&mut st, "a.md", "md", b"bye".to_vec());
        assert_eq!((a, b, c), (1, 1, 2));
        assert_eq!(st.take_produced().len(), 2);
        assert_eq!(st.files.get(&1).map(|f| f.mimetype.as_str()), Some("text/markdown; charset=utf-8"));
        // a file made on first request: recorded once per content, no bytes produced now
        let source = keep_bytes(&mut st, "source.md", "md", b"hello".to_vec(), true);
        assert_ne!(source, a, "a hidden source is its own file");
        assert!(st.files.get(&source).is_some_and(|f| f.hidden));
        let made = |source| MadeFrom::Markdown {
            source,
            metadata: std::collections::BTreeMap::new(),
            images: Vec::new(),
            pdf: crate::attach::view::PdfSettings::default(),
        };
        let p = keep_made(&mut st, "a.pdf", "pdf", made(source));
        assert_eq!(keep_made(&mut st, "a.pdf", "pdf", made(source)), p);
        assert_ne!(keep_made(&mut st, "a.pdf", "pdf", made(a)), p);
        assert_eq!(st.take_produced().len(), 1, "only the source's bytes");
        assert_eq!(st.files.get(&p).map(|f| f.mimetype.as_str()), Some("application/pdf"));
        assert_eq!(
            file_url("http://x", "/interview?i=pkg%3Aa.yml&from=x", 3, "my doc.pdf", true),
            "http://x/uploadedfiledownload/3/my%20doc.pdf?i=pkg%3Aa.yml"
        );
    }
}

pub(crate) use files::{file_show, file_url_for, install_file_methods};
