//! The reader of docassemble-flavoured Markdown (the text of a document after Mako) into the
//! document model: docassemble's markup codes are tokenised first ([`codes`]), the Markdown is
//! parsed with pulldown-cmark, and the codes are applied as docassemble's LaTeX filter applies
//! them (spacing codes are stateful; alignment, indentation and border codes shape the
//! paragraph they appear in; `[FILE …]` and `[QR …]` become images when the caller supplies
//! them, and are left out otherwise). The page setup comes from the attachment's metadata
//! (`SingleSpacing`, `fontsize`, `papersize`, `FirstHeaderLeft` … `FooterRight`).

mod codes;
mod walk;

use std::collections::{BTreeMap, HashMap};

pub use codes::ImageRef;

use crate::model::{Block, Doc, Inline, PageSetup, Running, Spacing};

/// What the reader needs besides the text.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The attachment's metadata, values as text (`SingleSpacing: True`, `fontsize: 12pt`,
    /// `FirstFooterCenter: "[PAGENUM]"`, …). Header and footer values are read as Markdown.
    pub metadata: BTreeMap<String, String>,
    /// The images the caller can supply: each `[FILE …]`/`[QR …]` reference maps to the name
    /// under which the writer will receive the image's bytes. References not listed are left
    /// out of the document.
    pub images: HashMap<ImageRef, String>,
}

/// The paragraph layout in force, changed by the spacing and indentation codes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Layout {
    pub spacing: Spacing,
    pub space_after: f32,
    pub first_line_indent: f32,
    /// `IndentationAmount` (half an inch by default).
    pub indent_amount: f32,
    pub font_size: f32,
}

/// Reads docassemble-flavoured Markdown into a [`Doc`].
#[must_use]
pub fn read(markdown: &str, options: &ReadOptions) -> Doc {
    let page = page_setup(options);
    let layout = initial_layout(&options.metadata, page.font_size);
    let blocks = walk::blocks(markdown, &options.images, layout);
    Doc { page, blocks }
}

/// The images `markdown` refers to, each once: the `[FILE …]` and `[QR …]` codes in order,
/// then the Markdown images (`![](…)`). What a caller resolves before reading, to fill
/// [`ReadOptions::images`].
#[must_use]
pub fn image_references(markdown: &str) -> Vec<ImageRef> {
    let (text, tokens) = codes::tokenise(markdown);
    let mut out: Vec<ImageRef> = Vec::new();
    let mut add = |r: ImageRef| {
        if !out.contains(&r) {
            out.push(r);
        }
    };
    for t in tokens {
        if let codes::Token::Image { reference, .. } = t {
            add(reference);
        }
    }
    let parser = pulldown_cmark::Parser::new_ext(&text, pulldown_cmark::Options::ENABLE_TABLES);
    for event in parser {
        if let pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { dest_url, .. }) = event {
            add(ImageRef::File(dest_url.to_string()));
        }
    }
    out
}

fn truthy(metadata: &BTreeMap<String, String>, key: &str) -> bool {
    metadata.get(key).is_some_and(|v| {
        let v = v.trim().to_ascii_lowercase();
        !(v.is_empty() || v == "false" || v == "no" || v == "0" || v == "none")
    })
}

fn initial_layout(metadata: &BTreeMap<String, String>, font_size: f32) -> Layout {
    let indent_amount = metadata
        .get("IndentationAmount")
        .map_or(36.0, |v| codes::length_in_points(v));
    let indented = truthy(metadata, "Indentation");
    if truthy(metadata, "SingleSpacing") {
        Layout {
            spacing: Spacing::Single,
            space_after: font_size,
            first_line_indent: if indented { indent_amount } else { 0.0 },
            indent_amount,
            font_size,
        }
    } else {
        Layout {
            spacing: Spacing::Double,
            space_after: 0.0,
            first_line_indent: indent_amount,
            indent_amount,
            font_size,
        }
    }
}

/// Paper, margins, type size and running headers from the metadata.
fn page_setup(options: &ReadOptions) -> PageSetup {
    let metadata = &options.metadata;
    let mut page = PageSetup::default();
    if let Some(size) = metadata.get("fontsize") {
        let points = codes::length_in_points(size);
        if (6.0..=72.0).contains(&points) {
            page.font_size = points;
        }
    }
    if let Some(paper) = metadata.get("papersize") {
        let (width, height) = match paper
            .trim()
            .trim_end_matches("paper")
            .to_ascii_lowercase()
            .as_str()
        {
            "a4" => (595.28, 841.89),
            "a5" => (419.53, 595.28),
            "legal" => (612.0, 1008.0),
            "executive" => (522.0, 756.0),
            _ => (612.0, 792.0),
        };
        page.width = width;
        page.height = height;
    }
    if let Some(top) = metadata.get("TopMargin") {
        page.margins.top = codes::length_in_points(top);
    }
    if let Some(bottom) = metadata.get("BottomMargin") {
        page.margins.bottom = codes::length_in_points(bottom);
    }
    let running = |prefix: &str| Running {
        left: running_slot(metadata.get(&format!("{prefix}Left")), options),
        center: running_slot(metadata.get(&format!("{prefix}Center")), options),
        right: running_slot(metadata.get(&format!("{prefix}Right")), options),
    };
    page.first_header = running("FirstHeader");
    page.first_footer = running("FirstFooter");
    page.header = running("Header");
    page.footer = running("Footer");
    page
}

/// A header or footer value read as Markdown: its paragraphs' runs, separated by line breaks.
fn running_slot(value: Option<&String>, options: &ReadOptions) -> Vec<Inline> {
    let Some(value) = value else {
        return Vec::new();
    };
    let layout = initial_layout(&BTreeMap::new(), 12.0);
    let mut out: Vec<Inline> = Vec::new();
    for block in walk::blocks(value, &options.images, layout) {
        let inlines = match block {
            Block::Paragraph(paragraph) => paragraph.inlines,
            Block::Heading { inlines, .. } => inlines,
            _ => continue,
        };
        if inlines.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Inline::LineBreak);
        }
        out.extend(inlines);
    }
    out
}

#[cfg(test)]
mod tests;
