//! Attachments as the interview describes them: the typed form of `attachment:` /
//! `attachments:` / `attachment code:` and of the attachment-box options of a question,
//! with every document template (DOCX, PDF form, Markdown file) read and compiled at load
//! time. `load/attachment.rs` builds these from the YAML; the runtime (`runtime/attach.rs`) evaluates them.

pub mod markup;
pub mod view;

use std::sync::Arc;

use crate::model::{Condition, Expr, Pos, Text, Var};
use crate::yaml::Node;

/// The attachments of a question or of an attachment block.
#[derive(Debug)]
pub enum AttachmentSet {
    /// `attachment:` / `attachments:`: one spec per document.
    List(Vec<AttachmentSpec>),
    /// `attachment code:`: an expression giving DAFileCollection(s) or DAFile(s).
    Code(Expr),
}

/// One attachment (docassemble's `process_attachment`), every snippet compiled.
#[derive(Debug)]
pub struct AttachmentSpec {
    /// Where the attachment is written.
    pub pos: Pos,
    /// `name:` (default "Document").
    pub name: Option<Text>,
    /// `filename:` (default: the name with spaces made underscores).
    pub filename: Option<Text>,
    /// `description:`.
    pub description: Option<Text>,
    /// `content:`, or the text of `content file:` read at load time.
    pub content: Option<Text>,
    /// `content file: {code: …}`: file names found at run time.
    pub content_file_code: Option<Expr>,
    /// `valid formats:`.
    pub valid_formats: Formats,
    /// `variable name:`.
    pub variable_name: Option<Var>,
    /// `docx template file:`.
    pub docx_template: Option<TemplateFile<DocxFile>>,
    /// `pdf template file:`.
    pub pdf_template: Option<TemplateFile<PdfFile>>,
    /// `fields:` (values are Mako text, possibly nested in lists and dicts).
    pub fields: Vec<(String, FieldValue)>,
    /// `field code:` (name → expression).
    pub field_code: Vec<(String, Expr)>,
    /// `field variables:` (names whose values are passed by the same name).
    pub field_variables: Vec<Var>,
    /// `raw field variables:`.
    pub raw_field_variables: Vec<Var>,
    /// `code:` (an expression giving a dict, or a list of dicts).
    pub code: Option<Expr>,
    /// `skip undefined:`.
    pub skip_undefined: Option<Condition>,
    /// `checkbox export value:`.
    pub checkbox_export_value: Option<Text>,
    /// `editable:` (False flattens a PDF form).
    pub editable: Option<Condition>,
    /// `language:`.
    pub language: Option<String>,
    /// `raw: True`: the content file is copied through Mako with its own extension.
    pub raw: bool,
    /// The extension of the (first) content file, for `raw`.
    pub raw_extension: Option<String>,
    /// `metadata:` (pandoc metadata; kept raw until documents are typeset).
    pub metadata: Option<Node>,
    /// Keys understood but not acted on yet (`pdf/a`, `password`, `redact`, …), raw.
    pub other: Vec<(String, Node)>,
}

/// `valid formats:`.
#[derive(Debug)]
pub enum Formats {
    /// Not given: the default for the kind of attachment.
    Default,
    /// A list (lower case; `*` kept as written).
    List(Vec<String>),
    /// `{code: …}`.
    Code(Expr),
}

/// A document template named by a file (read at load time) or by code (at run time).
#[derive(Debug)]
pub enum TemplateFile<T> {
    /// Read and compiled at load time.
    Loaded(Arc<T>),
    /// `{code: …}`: not supported at run time yet (an error names it).
    Code(Expr),
}

/// A DOCX template read at load time: the package with its parts patched, and each
/// templated part's Jinja compiled onto `lang`.
pub struct DocxFile {
    /// "package:path" of the template.
    pub file: String,
    /// The file name (the last path component), for messages.
    pub name: String,
    /// The opened template.
    pub template: docs::docx::DocxTemplate,
    /// The compiled Jinja of each part, in the order of `template.parts()`.
    pub parts: Vec<Arc<lang::Template>>,
}

impl std::fmt::Debug for DocxFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocxFile").field("file", &self.file).finish_non_exhaustive()
    }
}

/// A fillable PDF read at load time.
pub struct PdfFile {
    /// "package:path" of the template.
    pub file: String,
    /// The PDF's bytes.
    pub bytes: Arc<Vec<u8>>,
    /// Its fields (names, kinds, export values).
    pub fields: Vec<docs::pdf::FormField>,
}

impl std::fmt::Debug for PdfFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PdfFile").field("file", &self.file).finish_non_exhaustive()
    }
}

/// A value of `fields:`: Mako text, or lists and dicts of them (DOCX templates iterate them).
#[derive(Debug)]
pub enum FieldValue {
    /// A scalar written as text (Mako).
    Text(Text),
    /// A number or boolean as YAML gives it.
    Scalar(Node),
    /// A list.
    List(Vec<FieldValue>),
    /// A dict.
    Map(Vec<(String, FieldValue)>),
}

/// The attachment-box options of a question (docassemble's defaults in brackets).
#[derive(Debug)]
pub struct AttachmentBox {
    /// `allow emailing:` (True).
    pub allow_emailing: Condition,
    /// `allow downloading:` (False).
    pub allow_downloading: Condition,
    /// `include attachment notice:` (True).
    pub include_notice: Condition,
    /// `include download tab:` (True).
    pub include_download_tab: Condition,
    /// `describe file types:` (True).
    pub describe_file_types: Condition,
    /// `manual attachment list:` (False).
    pub manual_list: Condition,
    /// `always include editable files:` (False).
    pub always_include_editable: Condition,
    /// `zip filename:`.
    pub zip_filename: Option<Text>,
    /// `email address default:`.
    pub email_address_default: Option<Text>,
}

impl Default for AttachmentBox {
    fn default() -> AttachmentBox {
        AttachmentBox {
            allow_emailing: Condition::Always(true),
            allow_downloading: Condition::Always(false),
            include_notice: Condition::Always(true),
            include_download_tab: Condition::Always(true),
            describe_file_types: Condition::Always(true),
            manual_list: Condition::Always(false),
            always_include_editable: Condition::Always(false),
            zip_filename: None,
            email_address_default: None,
        }
    }
}

/// Interview-wide `attachment options` (the pandoc side of documents: kept for the
/// typesetting writers; files are named as written, under the package's `data/templates`).
#[derive(Debug, Default)]
pub struct AttachmentOptions {
    /// `initial yaml`: metadata files read before the document's own.
    pub initial_yaml: Vec<String>,
    /// `additional yaml`: metadata files read after the document's own.
    pub additional_yaml: Vec<String>,
    /// `template file`: the LaTeX template.
    pub template_file: Option<String>,
    /// `rtf template file`.
    pub rtf_template_file: Option<String>,
    /// `docx reference file`: the styles of DOCX output from Markdown.
    pub docx_reference_file: Option<String>,
    /// `metadata`: pandoc metadata applied to every document.
    pub metadata: Option<Node>,
}
