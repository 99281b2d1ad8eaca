//! PDF forms with docassemble's rules: list the fields (`get_pdf_fields`), fill them (text,
//! checkboxes and radio buttons by export value, choices), give text fields appearance
//! streams, set `NeedAppearances`, draw images (signatures) into signature fields, and
//! flatten when the result must not be editable. Every PDF is untrusted: its size, object
//! count, decompressed object streams and field tree are bounded by [`Limits`]. The page
//! operations (`pages`) join, cut and stamp PDFs.

mod appearance;
mod fields;
mod fill;
mod flatten;
mod image;
pub mod pages;
mod images;
mod text;

use lopdf::{Document, LoadOptions};

pub use fields::FormField;
pub use fill::apply_export_values;
pub use images::FieldImage;
pub use text::{decode_text, PdfNumber};

use crate::limits::check_size;
use crate::{DocsError, Limits, Result};

/// How to fill a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FillOptions {
    /// `checkbox export value`: the export value of a button that declares none.
    pub default_export_value: Option<String>,
    /// `editable`: when false, the filled form is flattened.
    pub editable: bool,
    /// Images (signatures) to draw into `/Sig` fields.
    pub images: Vec<FieldImage>,
}

impl Default for FillOptions {
    fn default() -> Self {
        FillOptions { default_export_value: None, editable: true, images: Vec::new() }
    }
}

/// A parsed PDF, ready to list or fill its form.
#[derive(Debug, Clone)]
pub struct PdfForm {
    doc: Document,
    limits: Limits,
}

impl PdfForm {
    /// Parses `bytes` within `limits`, decrypting with `password` (or the empty password)
    /// when the file is encrypted.
    pub fn open(bytes: &[u8], password: Option<&str>, limits: &Limits) -> Result<PdfForm> {
        let doc = open_with_password(bytes, password, limits)?;
        Ok(PdfForm { doc, limits: *limits })
    }

    /// The number of pages.
    pub fn num_pages(&self) -> usize {
        self.doc.get_pages().len()
    }

    /// The form's fields, as `get_pdf_fields()` lists them.
    pub fn fields(&self) -> Result<Vec<FormField>> {
        fields::read_fields(&self.doc, &self.limits)
    }

    /// Fills the form with `values` (field name, text as docassemble would pass it: `Yes`,
    /// `No`, an export value, or text) and returns the new PDF. Fails when the PDF has no
    /// fields, as docassemble does.
    pub fn fill(mut self, values: &[(String, String)], options: &FillOptions) -> Result<Vec<u8>> {
        let fields = self.fields()?;
        if fields.is_empty() {
            return Err(DocsError::NoFields);
        }
        let values = apply_export_values(&fields, values, options.default_export_value.as_deref());
        fill::fill_fields(&mut self.doc, &values, &self.limits)?;
        images::draw_images(&mut self.doc, &fields, &options.images)?;
        if !options.editable {
            flatten::flatten(&mut self.doc, &self.limits)?;
        }
        self.save()
    }

    /// The document as it is now, serialised.
    pub fn save(mut self) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        self.doc.save_to(&mut out).map_err(|err| DocsError::Pdf(err.to_string()))?;
        Ok(out)
    }
}

/// Parses untrusted `bytes` within `limits` (size, decompressed streams, object count),
/// decrypting with `password` (or the empty password); an encrypted file that stays locked
/// is refused.
fn open_with_password(bytes: &[u8], password: Option<&str>, limits: &Limits) -> Result<Document> {
    check_size("the file", bytes.len() as u64, limits.max_input_bytes)?;
    let options = LoadOptions {
        password: password.map(str::to_string),
        max_decompressed_size: Some(limits.max_pdf_stream_bytes),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options)?;
    check_size("the PDF's object count", doc.objects.len() as u64, limits.max_pdf_objects as u64)?;
    if doc.is_encrypted() {
        return Err(DocsError::Encrypted);
    }
    Ok(doc)
}

/// [`open_with_password`] with the empty password.
pub(crate) fn open_document(bytes: &[u8], limits: &Limits) -> Result<Document> {
    open_with_password(bytes, None, limits)
}

/// `get_pdf_fields()` of a PDF given as bytes.
pub fn get_pdf_fields(bytes: &[u8], limits: &Limits) -> Result<Vec<FormField>> {
    PdfForm::open(bytes, None, limits)?.fields()
}

/// Fills the form in `bytes` (see [`PdfForm::fill`]).
pub fn fill_form(bytes: &[u8], values: &[(String, String)], options: &FillOptions, limits: &Limits) -> Result<Vec<u8>> {
    PdfForm::open(bytes, None, limits)?.fill(values, options)
}
