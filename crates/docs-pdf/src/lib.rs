//! Typesetting of the document model ([`docs::Doc`]) to PDF with typst, in memory, in the style
//! of docassemble's `Legal-Template.tex` (Liberation Serif, metric-compatible with Times, at the
//! body size; one-inch margins; ragged right; bold headings numbered I. / A. / 1. / a. / i.;
//! running headers and footers with page numbers).
//!
//! # API
//!
//! ```no_run
//! let doc = docs::read_markdown("# Facts\n\nThe tenant paid.", &docs::ReadOptions::default());
//! let options = docs_pdf::PdfOptions { title: Some("Letter".into()), ..Default::default() };
//! let pdf: Vec<u8> = docs_pdf::render_pdf(&doc, &options)?;
//! # Ok::<(), docs_pdf::PdfError>(())
//! ```
//!
//! - [`render_pdf`] takes a [`docs::Doc`] (usually from [`docs::read_markdown`], which reads the
//!   Markdown after Mako, with docassemble's markup codes and the attachment's metadata) and
//!   [`PdfOptions`]: title, author, language and creation date for the PDF's metadata, `pdf_a`
//!   (PDF/A-2b, which needs a date: 2000-01-01 unless `created` is given),
//!   `tagged` (a tagged, accessible PDF), and the images by name. An image is referred to from
//!   the document by the name the reader was given in [`docs::ReadOptions::images`]
//!   (`[FILE x]` → name); PNG, JPEG, GIF, WebP and SVG bytes are accepted.
//! - It is pure: no file, network or clock access (the date is the caller's). It is
//!   thread-safe and may run concurrently; the fonts and the layout template are loaded once.
//!   A rendering takes tens of milliseconds; call it from a blocking thread in async code.
//! - The document's text is never turned into typst markup: the model is serialised as JSON into
//!   a virtual file that a fixed template (`legal.typ`) walks, so `#`, `$`, `[`, `\` and `@` in
//!   answers come out literally. Input size, image count and nesting depth are capped
//!   ([`PdfError::TooLarge`], [`PdfError::TooDeep`]).

mod world;

use std::collections::{BTreeMap, HashMap};

use docs::model::{Block, Doc};
use serde::Serialize;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfStandard, PdfStandards, Timestamp};

use world::DocWorld;

/// The largest serialised document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 8 * 1024 * 1024;
/// The most images one document may carry.
pub const MAX_IMAGES: usize = 256;
/// The largest total size of the images, in bytes.
pub const MAX_IMAGE_BYTES: usize = 64 * 1024 * 1024;
/// The deepest nesting of lists and quotations accepted.
pub const MAX_DEPTH: usize = 24;

/// How to write the PDF.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// The document's title (PDF metadata).
    pub title: Option<String>,
    /// The document's author (PDF metadata).
    pub author: Option<String>,
    /// The language of the text, an ISO 639 code (`en`, `es`, …); `en` when absent or invalid.
    pub lang: Option<String>,
    /// Write PDF/A-2b (archival).
    pub pdf_a: bool,
    /// Write a tagged (accessible) PDF.
    pub tagged: bool,
    /// Image bytes by the names the document uses.
    pub images: HashMap<String, Vec<u8>>,
    /// The creation date written into the PDF's metadata (UTC). PDF/A requires one: without
    /// it a PDF/A document is dated 2000-01-01, and other PDFs carry no date.
    pub created: Option<Date>,
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day, 1 to 31.
    pub day: u8,
}

/// Why a PDF could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The document or its images exceed a limit.
    #[error("the document is too large to typeset: {0}")]
    TooLarge(String),
    /// Lists or quotations nest too deeply.
    #[error("the document nests lists or quotations {0} levels deep (at most {MAX_DEPTH})")]
    TooDeep(usize),
    /// The fonts or the template could not be loaded.
    #[error("the PDF typesetter could not be set up")]
    Setup,
    /// The document could not be serialised for the template.
    #[error("the document could not be serialised: {0}")]
    Json(#[from] serde_json::Error),
    /// Typesetting failed (for example an image that cannot be decoded).
    #[error("typesetting failed: {0}")]
    Layout(String),
    /// Writing the PDF failed (for example a PDF/A rule that the content breaks).
    #[error("writing the PDF failed: {0}")]
    Export(String),
}

/// What the template reads from `/doc.json`.
#[derive(Serialize)]
struct Input<'a> {
    meta: Meta<'a>,
    images: BTreeMap<&'a str, String>,
    doc: &'a Doc,
}

#[derive(Serialize)]
struct Meta<'a> {
    title: Option<&'a str>,
    author: Vec<&'a str>,
    lang: &'a str,
}

/// Typesets `doc` to PDF bytes.
///
/// # Errors
///
/// [`PdfError`] when a limit is exceeded, an image cannot be decoded, or the PDF cannot be
/// written (for example PDF/A with an image that breaks its rules).
pub fn render_pdf(doc: &Doc, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let depth = depth(&doc.blocks);
    if depth > MAX_DEPTH {
        return Err(PdfError::TooDeep(depth));
    }
    if options.images.len() > MAX_IMAGES {
        return Err(PdfError::TooLarge(format!(
            "{} images (at most {MAX_IMAGES})",
            options.images.len()
        )));
    }
    let image_bytes: usize = options.images.values().map(Vec::len).sum();
    if image_bytes > MAX_IMAGE_BYTES {
        return Err(PdfError::TooLarge(format!(
            "{image_bytes} bytes of images (at most {MAX_IMAGE_BYTES})"
        )));
    }
    let mut names: Vec<&String> = options.images.keys().collect();
    names.sort();
    let input = Input {
        meta: Meta {
            title: options.title.as_deref(),
            author: options.author.as_deref().into_iter().collect(),
            lang: language(options.lang.as_deref()),
        },
        images: names
            .iter()
            .enumerate()
            .map(|(index, name)| (name.as_str(), world::image_path(index)))
            .collect(),
        doc,
    };
    let json = serde_json::to_vec(&input)?;
    if json.len() > MAX_DOCUMENT_BYTES {
        return Err(PdfError::TooLarge(format!(
            "{} bytes of text (at most {MAX_DOCUMENT_BYTES})",
            json.len()
        )));
    }
    let images = names
        .iter()
        .filter_map(|name| options.images.get(*name).cloned())
        .collect();
    let world = DocWorld::new(json, images)?;
    let compiled = typst::compile::<PagedDocument>(&world).output;
    let result = compiled
        .map_err(|errors| PdfError::Layout(messages(&errors)))
        .and_then(|document| write_pdf(&document, options));
    // Drop memoised results not used by the last few renderings, so memory stays bounded.
    typst::comemo::evict(10);
    result
}

fn write_pdf(document: &PagedDocument, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let standards = if options.pdf_a {
        PdfStandards::new(&[PdfStandard::A_2b])
            .map_err(|error| PdfError::Export(error.message().to_string()))?
    } else {
        PdfStandards::default()
    };
    let fallback = options.pdf_a.then_some(Date {
        year: 2000,
        month: 1,
        day: 1,
    });
    let timestamp = options
        .created
        .or(fallback)
        .and_then(|date| Datetime::from_ymd(date.year, date.month, date.day))
        .map(Timestamp::new_utc);
    let pdf_options = typst_pdf::PdfOptions {
        ident: Smart::Auto,
        timestamp,
        standards,
        tagged: options.tagged,
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(document, &pdf_options).map_err(|errors| PdfError::Export(messages(&errors)))
}

fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|error| error.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The language code for the text: two or three ASCII letters, else `en`.
fn language(lang: Option<&str>) -> &str {
    match lang {
        Some(code)
            if (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase()) =>
        {
            code
        }
        _ => "en",
    }
}

/// The deepest nesting of lists and quotations, walked without recursion.
fn depth(blocks: &[Block]) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&[Block], usize)> = vec![(blocks, 0)];
    while let Some((blocks, level)) = stack.pop() {
        deepest = deepest.max(level);
        for block in blocks {
            match block {
                Block::List { items, .. } => {
                    stack.extend(items.iter().map(|item| (item.as_slice(), level + 1)))
                }
                Block::Quote { blocks } => stack.push((blocks.as_slice(), level + 1)),
                _ => {}
            }
        }
    }
    deepest
}
