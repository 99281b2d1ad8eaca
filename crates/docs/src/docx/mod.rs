//! DOCX templates with python-docx-template's semantics: open a package, patch the Jinja tags
//! of its body, headers, footers and footnotes (`patch`), hand each part to the caller's
//! [`PartRenderer`], then finish the XML (`listing`), check it and zip it again.
//!
//! The renderer owns the Jinja evaluation and must escape what `{{ }}` writes with
//! [`escape_value`]; this module never evaluates anything.

mod escape;
pub mod jinja;
mod listing;
mod patch;
mod regex;
mod rels;
mod tables;

use std::fmt;

pub use escape::{escape_value, sanitize_delimiters, ValueKind};
pub use listing::{finish_part, renumber_drawings, resolve_listing};
pub use tables::fix_tables;
pub use patch::{fix_quotes, normalize_text_references, patch_xml, prepare_part};

use crate::xml::check_well_formed;
use crate::{DocsError, Limits, Package, Result};

/// What a templated part is in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    /// The main document part (`word/document.xml`).
    Body,
    /// A header part.
    Header,
    /// A footer part.
    Footer,
    /// The footnotes part.
    Footnotes,
}

/// One XML part of a template, patched: its text is a Jinja source whose output is the
/// part's new XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplatePart {
    /// The part's name inside the package (`word/header1.xml`).
    pub name: String,
    /// What the part is.
    pub kind: PartKind,
    /// The Jinja source made by [`prepare_part`].
    pub source: String,
}

/// Renders the Jinja source of one part. The engine implements it with its template
/// language; tests implement it with a marker-filling stand-in.
pub trait PartRenderer {
    /// The renderer's own error (for the engine: an undefined name that asks a question).
    type Error;
    /// Renders `part.source`; every `{{ }}` output must go through [`escape_value`].
    fn render_part(&mut self, part: &TemplatePart) -> std::result::Result<String, Self::Error>;
}

/// Why rendering a template failed: the renderer's own error, or a problem with the XML it
/// produced.
#[derive(Debug)]
pub enum RenderFailure<E> {
    /// The renderer failed on a part.
    Renderer {
        /// The part's name.
        part: String,
        /// The renderer's error.
        error: E,
    },
    /// The rendered XML could not be finished, or is not well-formed.
    Document(DocsError),
}

impl<E: fmt::Display> fmt::Display for RenderFailure<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderFailure::Renderer { part, error } => write!(f, "rendering {part} failed: {error}"),
            RenderFailure::Document(err) => err.fmt(f),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for RenderFailure<E> {}

impl<E> From<DocsError> for RenderFailure<E> {
    fn from(err: DocsError) -> Self {
        RenderFailure::Document(err)
    }
}

/// A DOCX template, read and patched once, renderable many times.
#[derive(Debug, Clone)]
pub struct DocxTemplate {
    package: Package,
    parts: Vec<TemplatePart>,
    limits: Limits,
}

impl DocxTemplate {
    /// Reads a .docx, checks every templated part (well-formed, nesting within the limit), and
    /// patches it. Fails on a package without a main document part.
    pub fn open(bytes: &[u8], limits: &Limits) -> Result<DocxTemplate> {
        let package = Package::read(bytes, limits)?;
        let mut parts = Vec::new();
        for (name, kind) in rels::templated_parts(&package, limits)? {
            let Some(xml) = package.get_text(&name)? else {
                if kind == PartKind::Body {
                    return Err(DocsError::MissingPart(name));
                }
                continue;
            };
            check_well_formed(&name, xml, limits.max_xml_depth)?;
            let source = prepare_part(&name, xml)?;
            parts.push(TemplatePart { name, kind, source });
        }
        if !parts.iter().any(|part| part.kind == PartKind::Body) {
            return Err(DocsError::MissingPart("word/document.xml".to_string()));
        }
        Ok(DocxTemplate { package, parts, limits: *limits })
    }

    /// The patched parts, body first.
    pub fn parts(&self) -> &[TemplatePart] {
        &self.parts
    }

    /// The patched body part.
    pub fn body(&self) -> Option<&TemplatePart> {
        self.parts.iter().find(|part| part.kind == PartKind::Body)
    }

    /// The names a template reads but does not define, as docassemble's
    /// `get_docx_variables` lists them (body only, names starting with `__` left out, sorted).
    /// The caller removes its own built-in function names.
    pub fn variables(&self) -> Vec<String> {
        let mut names = self.body().map(|part| jinja::free_names(&part.source)).unwrap_or_default();
        names.retain(|name| !name.starts_with("__"));
        names
    }

    /// Renders every templated part with `renderer`, finishes the XML (listing characters,
    /// table grids and drawing ids in the body), checks that each part is well-formed, and returns the new .docx bytes.
    pub fn render<R: PartRenderer>(&self, renderer: &mut R) -> std::result::Result<Vec<u8>, RenderFailure<R::Error>> {
        let mut package = self.package.clone();
        for part in &self.parts {
            let rendered = renderer
                .render_part(part)
                .map_err(|error| RenderFailure::Renderer { part: part.name.clone(), error })?;
            let mut xml = finish_part(&part.name, &rendered)?;
            if part.kind == PartKind::Body {
                xml = fix_tables(&part.name, &xml)?;
                xml = renumber_drawings(&part.name, &xml)?;
            }
            check_well_formed(&part.name, &xml, self.limits.max_xml_depth)?;
            package.set(&part.name, xml.into_bytes());
        }
        Ok(package.write()?)
    }
}
