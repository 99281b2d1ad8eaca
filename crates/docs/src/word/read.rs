//! The .docx reader's entry point and package plumbing: the main document found through the
//! package relationships, each part's relationships, the style sheet and numbering, the body
//! and the section (page size, margins, headers and footers), all under [`Limits`].

use std::collections::HashMap;

use super::read_body::BodyReader;
use super::read_styles::{Numbering, Styles};
use super::tree::{self, Element};
use crate::model::{Doc, PageSetup, Running};
use crate::{DocsError, Limits, Package, Result};

/// The images of a read document: the bytes by the name its
/// [`Inline::Image`](crate::model::Inline::Image) runs carry (the media part's path).
pub type DocxImages = HashMap<String, Vec<u8>>;

/// One relationship of a part, its target resolved to a part name (or kept as a URL when
/// external).
#[derive(Debug, Clone)]
pub(crate) struct Relationship {
    pub(crate) id: String,
    /// The type's last segment (`styles`, `image`, `hyperlink`, `header`, …).
    pub(crate) kind: String,
    pub(crate) target: String,
    pub(crate) external: bool,
}

/// The relationships part of `part` (`word/_rels/document.xml.rels`).
pub(crate) fn rels_name(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// `target` relative to the folder of `part`, with `.` and `..` resolved.
fn resolve(part: &str, target: &str) -> String {
    let mut segments: Vec<&str> = if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    } else {
        part.rsplit_once('/').map(|(dir, _)| dir.split('/').collect()).unwrap_or_default()
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    segments.join("/")
}

/// The relationships of `part` (none when it has no relationships part).
pub(crate) fn relationships(package: &Package, part: &str, limits: &Limits) -> Result<Vec<Relationship>> {
    let name = rels_name(part);
    let Some(xml) = package.get_text(&name)? else { return Ok(Vec::new()) };
    let root = tree::parse(&name, xml, limits)?;
    let mut out = Vec::new();
    for rel in root.children_named("Relationship") {
        let (Some(id), Some(kind), Some(target)) = (rel.attr("Id"), rel.attr("Type"), rel.attr("Target")) else { continue };
        let external = rel.attr("TargetMode").is_some_and(|mode| mode == "External");
        out.push(Relationship {
            id: id.to_string(),
            kind: kind.rsplit('/').next().unwrap_or(kind).to_string(),
            target: if external { target.to_string() } else { resolve(part, target) },
            external,
        });
    }
    Ok(out)
}

/// The main document part named by the package relationships (`word/document.xml`).
pub(crate) fn main_document(package: &Package, limits: &Limits) -> Result<String> {
    let found = relationships(package, "", limits)?
        .into_iter()
        .find(|rel| rel.kind == "officeDocument" && !rel.external)
        .map(|rel| rel.target);
    let name = found.unwrap_or_else(|| "word/document.xml".to_string());
    if package.get(&name).is_none() {
        return Err(DocsError::MissingPart(name));
    }
    Ok(name)
}

fn parse_part(package: &Package, name: &str, limits: &Limits) -> Result<Option<Element>> {
    match package.get_text(name)? {
        Some(xml) => tree::parse(name, xml, limits).map(Some),
        None => Ok(None),
    }
}

/// Reads a .docx into the document model, with the bytes of its inline images. Every part is
/// read under `limits` (file size, ZIP entries, uncompressed sizes, XML depth); the images
/// together stay within `max_total_bytes`.
pub fn read_docx(bytes: &[u8], limits: &Limits) -> Result<(Doc, DocxImages)> {
    let package = Package::read(bytes, limits)?;
    let main = main_document(&package, limits)?;
    let rels = relationships(&package, &main, limits)?;
    let part_of = |kind: &str| rels.iter().find(|rel| rel.kind == kind && !rel.external).map(|rel| rel.target.clone());
    let styles = match part_of("styles") {
        Some(name) => parse_part(&package, &name, limits)?.map(|root| Styles::read(&root)).unwrap_or_default(),
        None => Styles::default(),
    };
    let numbering = match part_of("numbering") {
        Some(name) => parse_part(&package, &name, limits)?.map(|root| Numbering::read(&root)).unwrap_or_default(),
        None => Numbering::default(),
    };
    let root = parse_part(&package, &main, limits)?.ok_or_else(|| DocsError::MissingPart(main.clone()))?;
    let body = root.child("body").ok_or_else(|| DocsError::Xml { part: main.clone(), message: "no w:body".to_string() })?;
    let default_style = styles.default_paragraph.clone();
    let font_size = styles.resolve(default_style.as_deref()).1.size.unwrap_or(10.0);
    let mut reader = BodyReader::new(&package, limits, &styles, &numbering, font_size);
    reader.set_part(&main, rels.clone());
    let blocks = reader.body(body)?;
    let mut page = PageSetup { font_size, ..PageSetup::default() };
    if let Some(section) = body.child("sectPr") {
        section_setup(&mut page, section);
        read_running(&mut reader, &mut page, section, &rels)?;
    }
    let images = reader.into_images();
    Ok((Doc { page, blocks }, images))
}

/// Page size and margins from a `w:sectPr` (twips).
fn section_setup(page: &mut PageSetup, section: &Element) {
    let number = |element: &Element, name: &str| {
        element.attr(name).and_then(|v| v.parse::<f32>().ok()).filter(|v| v.is_finite()).map(|twips| (twips / 20.0).abs())
    };
    if let Some(size) = section.child("pgSz") {
        if let (Some(width), Some(height)) = (number(size, "w"), number(size, "h")) {
            if width >= 72.0 && height >= 72.0 && width <= 14_400.0 && height <= 14_400.0 {
                page.width = width;
                page.height = height;
            }
        }
    }
    if let Some(margins) = section.child("pgMar") {
        let limit = |value: Option<f32>, default: f32, side: f32| value.filter(|v| *v < side / 2.0).unwrap_or(default);
        page.margins.top = limit(number(margins, "top"), page.margins.top, page.height);
        page.margins.bottom = limit(number(margins, "bottom"), page.margins.bottom, page.height);
        page.margins.left = limit(number(margins, "left"), page.margins.left, page.width);
        page.margins.right = limit(number(margins, "right"), page.margins.right, page.width);
    }
}

/// Headers and footers of the section: `default` for every page, `first` for the first page
/// when the section has a title page (otherwise the first page shows the default ones).
fn read_running(reader: &mut BodyReader<'_>, page: &mut PageSetup, section: &Element, rels: &[super::read::Relationship]) -> Result<()> {
    let title_page = section.child("titlePg").is_some_and(|t| t.val().is_none_or(|v| !matches!(v, "0" | "false" | "off")));
    let mut found: HashMap<(&str, String), Running> = HashMap::new();
    for element in section.elements() {
        let kind = match element.local() {
            "headerReference" => "header",
            "footerReference" => "footer",
            _ => continue,
        };
        let (Some(id), which) = (element.attr("id"), element.attr("type").unwrap_or("default")) else { continue };
        let Some(rel) = rels.iter().find(|rel| rel.id == id && !rel.external) else { continue };
        let Some(root) = parse_part(reader.package(), &rel.target, reader.limits())? else { continue };
        let part_rels = relationships(reader.package(), &rel.target, reader.limits())?;
        reader.set_part(&rel.target, part_rels);
        let running = reader.running(&root)?;
        found.insert((kind, which.to_string()), running);
    }
    let take = |found: &HashMap<(&str, String), Running>, kind: &str, which: &str| {
        found.get(&(kind, which.to_string())).cloned().unwrap_or_default()
    };
    page.header = take(&found, "header", "default");
    page.footer = take(&found, "footer", "default");
    if title_page {
        page.first_header = take(&found, "header", "first");
        page.first_footer = take(&found, "footer", "first");
    } else {
        page.first_header = page.header.clone();
        page.first_footer = page.footer.clone();
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_part_folder() {
        assert_eq!(rels_name("word/document.xml"), "word/_rels/document.xml.rels");
        assert_eq!(rels_name(""), "_rels/.rels");
        assert_eq!(resolve("word/document.xml", "media/image1.png"), "word/media/image1.png");
        assert_eq!(resolve("word/document.xml", "../customXml/item1.xml"), "customXml/item1.xml");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word/document.xml", "/word/styles.xml"), "word/styles.xml");
    }
}
