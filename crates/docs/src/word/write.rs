//! The .docx writer: the package around the body (relationships, media, numbering, headers and
//! footers, the section's page size and margins) and the reference document whose styles,
//! theme and font table replace the built-in ones.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::image::ImageKind;
use super::parts::{self, types, NumberingInstance};
use super::read::{main_document, relationships};
use super::{escaped, twips, R_NS, REL_TYPE, W_NS};
use crate::model::{Doc, Running};
use crate::{Limits, Package, Result};

/// How to write a .docx.
#[derive(Debug, Clone, Default)]
pub struct DocxOptions {
    /// A reference document (`docx reference file`): its styles, theme and font table are used
    /// instead of the built-in Times style sheet; headers and footers of the reference are used
    /// when the document has none of its own and the reference's have no relationships.
    pub reference: Option<Vec<u8>>,
    /// Image bytes by the name [`Inline::Image`](crate::model::Inline::Image) carries; images
    /// not found here (or not PNG, JPEG, GIF or BMP) are left out.
    pub images: HashMap<String, Vec<u8>>,
    /// The character style of hyperlinks (`hyperlink style`; default `Hyperlink`).
    pub hyperlink_style: Option<String>,
    /// Limits for reading the reference document.
    pub limits: Limits,
}

/// One relationship of a part.
#[derive(Debug, Clone)]
pub(super) struct Rel {
    pub(super) id: String,
    pub(super) kind: &'static str,
    pub(super) target: String,
    pub(super) external: bool,
}

/// A media part: its name in the package and the bytes.
pub(super) struct Media<'a> {
    pub(super) part: String,
    pub(super) bytes: &'a [u8],
    pub(super) kind: ImageKind,
}

/// The state shared while the parts are written.
pub(super) struct Writer<'a> {
    pub(super) options: &'a DocxOptions,
    pub(super) hyperlink_style: String,
    /// Relationships of the part being written.
    pub(super) rels: Vec<Rel>,
    pub(super) media: Vec<Media<'a>>,
    pub(super) media_by_name: HashMap<String, usize>,
    pub(super) numbering: Vec<NumberingInstance>,
    pub(super) bullets: Option<u32>,
    pub(super) drawings: u32,
    /// The text width in points (page width less the side margins).
    pub(super) text_width: f32,
}

impl<'a> Writer<'a> {
    /// Adds a relationship to the current part and returns its id.
    pub(super) fn relate(&mut self, kind: &'static str, target: String, external: bool) -> String {
        let id = format!("rId{}", self.rels.len() + 1);
        self.rels.push(Rel { id: id.clone(), kind, target, external });
        id
    }

    /// The media part for the image called `name` (added on first use), with the relationship
    /// from the current part: (relationship id, bytes).
    pub(super) fn image(&mut self, name: &str) -> Option<(String, &'a [u8])> {
        let options: &'a DocxOptions = self.options;
        let index = match self.media_by_name.get(name) {
            Some(index) => *index,
            None => {
                let bytes: &'a [u8] = options.images.get(name)?.as_slice();
                let kind = ImageKind::sniff(bytes)?;
                let part = format!("media/image{}.{}", self.media.len() + 1, kind.extension());
                self.media.push(Media { part, bytes, kind });
                self.media_by_name.insert(name.to_string(), self.media.len() - 1);
                self.media.len() - 1
            }
        };
        let target = self.media[index].part.clone();
        let bytes = self.media[index].bytes;
        let existing = self.rels.iter().find(|rel| rel.kind == "image" && rel.target == target);
        let id = match existing {
            Some(rel) => rel.id.clone(),
            None => self.relate("image", target, false),
        };
        Some((id, bytes))
    }

    /// A numbering instance for a list at `level`: the one bullet instance, or a new numbered
    /// instance restarting at `start`.
    pub(super) fn numbering_for(&mut self, ordered: bool, level: u8, start: u64) -> u32 {
        if !ordered {
            if let Some(id) = self.bullets {
                return id;
            }
        }
        let id = self.numbering.len() as u32 + 1;
        self.numbering.push(NumberingInstance { id, ordered, level, start });
        if !ordered {
            self.bullets = Some(id);
        }
        id
    }
}

fn rels_xml(rels: &[Rel]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships \
xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for rel in rels {
        let mode = if rel.external { " TargetMode=\"External\"" } else { "" };
        let _ = write!(
            out,
            "<Relationship Id=\"{}\" Type=\"{REL_TYPE}/{}\" Target=\"{}\"{mode}/>",
            rel.id,
            rel.kind,
            escaped(&rel.target)
        );
    }
    out.push_str("</Relationships>");
    out
}

/// The namespaces declared on every part's root.
pub(super) fn namespaces() -> String {
    format!(
        "xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\" \
xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""
    )
}

/// What a reference document lends.
#[derive(Default)]
struct Reference {
    styles: Option<Vec<u8>>,
    theme: Option<Vec<u8>>,
    font_table: Option<Vec<u8>>,
    /// Header and footer parts without relationships: (kind `header`/`footer`, type
    /// `default`/`first`/`even`, XML).
    running: Vec<(&'static str, String, Vec<u8>)>,
    title_page: bool,
}

fn read_reference(bytes: &[u8], limits: &Limits) -> Result<Reference> {
    let package = Package::read(bytes, limits)?;
    let main = main_document(&package, limits)?;
    let mut reference = Reference::default();
    let mut running_targets: HashMap<String, String> = HashMap::new();
    for rel in relationships(&package, &main, limits)? {
        let data = || package.get(&rel.target).map(<[u8]>::to_vec);
        match rel.kind.as_str() {
            "styles" => reference.styles = data(),
            "theme" => reference.theme = data(),
            "fontTable" => reference.font_table = data(),
            "header" | "footer" => {
                running_targets.insert(rel.id.clone(), rel.target.clone());
            }
            _ => {}
        }
    }
    let Some(xml) = package.get_text(&main)? else { return Ok(reference) };
    let root = super::tree::parse(&main, xml, limits)?;
    let Some(section) = root.child("body").and_then(|body| body.child("sectPr")) else { return Ok(reference) };
    reference.title_page = section.child("titlePg").is_some_and(|title| title.val().is_none_or(|v| v != "0" && v != "false"));
    for element in section.elements() {
        let kind = match element.local() {
            "headerReference" => "header",
            "footerReference" => "footer",
            _ => continue,
        };
        let (Some(id), Some(which)) = (element.attr("id"), element.attr("type")) else { continue };
        let Some(target) = running_targets.get(id) else { continue };
        let rels_name = super::read::rels_name(target);
        if package.get(&rels_name).is_some() {
            continue;
        }
        if let Some(data) = package.get(target) {
            reference.running.push((kind, which.to_string(), data.to_vec()));
        }
    }
    Ok(reference)
}

/// A header or footer part from three slots: left, then a centre tab, then a right tab.
fn running_part(writer: &mut Writer<'_>, kind: &str, running: &Running) -> String {
    let root = if kind == "header" { "w:hdr" } else { "w:ftr" };
    let style = if kind == "header" { "Header" } else { "Footer" };
    let width = twips(writer.text_width);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<{root} {}><w:p><w:pPr><w:pStyle w:val=\"{style}\"/><w:tabs>",
        namespaces()
    );
    for pos in [4680, 9360] {
        if pos != width / 2 && pos != width {
            let _ = write!(out, "<w:tab w:val=\"clear\" w:pos=\"{pos}\"/>");
        }
    }
    let _ = write!(out, "<w:tab w:val=\"center\" w:pos=\"{}\"/><w:tab w:val=\"right\" w:pos=\"{width}\"/></w:tabs></w:pPr>", width / 2);
    writer.inlines(&mut out, &running.left, super::write_body::RunContext::default());
    if !running.center.is_empty() || !running.right.is_empty() {
        out.push_str("<w:r><w:tab/></w:r>");
        writer.inlines(&mut out, &running.center, super::write_body::RunContext::default());
    }
    if !running.right.is_empty() {
        out.push_str("<w:r><w:tab/></w:r>");
        writer.inlines(&mut out, &running.right, super::write_body::RunContext::default());
    }
    let _ = write!(out, "</w:p></{root}>");
    out
}

/// Writes `doc` as a .docx package.
pub fn write_docx(doc: &Doc, options: &DocxOptions) -> Result<Vec<u8>> {
    let reference = match &options.reference {
        Some(bytes) => read_reference(bytes, &options.limits)?,
        None => Reference::default(),
    };
    let page = &doc.page;
    let mut writer = Writer {
        options,
        hyperlink_style: options.hyperlink_style.clone().unwrap_or_else(|| "Hyperlink".to_string()),
        rels: Vec::new(),
        media: Vec::new(),
        media_by_name: HashMap::new(),
        numbering: Vec::new(),
        bullets: None,
        drawings: 0,
        text_width: (page.width - page.margins.left - page.margins.right).max(72.0),
    };
    let mut package = Package::default();
    let mut overrides: Vec<(String, &str)> = vec![("word/document.xml".to_string(), types::DOCUMENT)];
    writer.relate("styles", "styles.xml".to_string(), false);
    writer.relate("settings", "settings.xml".to_string(), false);
    let styles = reference.styles.clone().unwrap_or_else(|| parts::styles(page.font_size).into_bytes());
    package.set("word/styles.xml", styles);
    package.set("word/settings.xml", parts::settings().into_bytes());
    overrides.push(("word/styles.xml".to_string(), types::STYLES));
    overrides.push(("word/settings.xml".to_string(), types::SETTINGS));
    if let Some(theme) = &reference.theme {
        writer.relate("theme", "theme/theme1.xml".to_string(), false);
        package.set("word/theme/theme1.xml", theme.clone());
        overrides.push(("word/theme/theme1.xml".to_string(), types::THEME));
    }
    if let Some(font_table) = &reference.font_table {
        writer.relate("fontTable", "fontTable.xml".to_string(), false);
        package.set("word/fontTable.xml", font_table.clone());
        overrides.push(("word/fontTable.xml".to_string(), types::FONT_TABLE));
    }
    let mut body = String::new();
    writer.blocks(&mut body, &doc.blocks, super::write_body::BlockContext::default());
    if body.is_empty() {
        body.push_str("<w:p/>");
    }
    let section = running_parts(&mut writer, doc, &reference, &mut package, &mut overrides);
    if !writer.numbering.is_empty() {
        writer.relate("numbering", "numbering.xml".to_string(), false);
        package.set("word/numbering.xml", parts::numbering(&writer.numbering).into_bytes());
        overrides.push(("word/numbering.xml".to_string(), types::NUMBERING));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {}><w:body>{body}{}</w:body></w:document>",
        namespaces(),
        section_properties(doc, &section)
    );
    package.set("word/document.xml", document.into_bytes());
    package.set("word/_rels/document.xml.rels", rels_xml(&writer.rels).into_bytes());
    package.set("_rels/.rels", parts::package_rels().into_bytes());
    let mut defaults: Vec<(&str, &str)> = Vec::new();
    for media in &writer.media {
        package.set(&format!("word/{}", media.part), media.bytes.to_vec());
        let entry = (media.kind.extension(), media.kind.content_type());
        if !defaults.contains(&entry) {
            defaults.push(entry);
        }
    }
    package.set("[Content_Types].xml", parts::content_types(&overrides, &defaults).into_bytes());
    package.write()
}

/// The header/footer references of the section: (element, type, relationship id), and
/// whether the first page has its own.
#[derive(Default)]
struct Section {
    references: Vec<(&'static str, String, String)>,
    title_page: bool,
}

fn running_parts(
    writer: &mut Writer<'_>,
    doc: &Doc,
    reference: &Reference,
    package: &mut Package,
    overrides: &mut Vec<(String, &str)>,
) -> Section {
    let page = &doc.page;
    let mut section = Section::default();
    let mut add = |writer: &mut Writer<'_>, kind: &'static str, which: &str, xml: Vec<u8>, rels: Vec<Rel>| {
        let index = section.references.len() + 1;
        let name = format!("{kind}{index}.xml");
        let id = writer.relate(kind, name.clone(), false);
        package.set(&format!("word/{name}"), xml);
        if !rels.is_empty() {
            package.set(&format!("word/_rels/{name}.rels"), rels_xml(&rels).into_bytes());
        }
        overrides.push((format!("word/{name}"), if kind == "header" { types::HEADER } else { types::FOOTER }));
        let element = if kind == "header" { "w:headerReference" } else { "w:footerReference" };
        section.references.push((element, which.to_string(), id));
    };
    let own = [&page.first_header, &page.first_footer, &page.header, &page.footer];
    if own.iter().any(|running| !running.is_empty()) {
        let slots = [
            ("header", "first", &page.first_header),
            ("header", "default", &page.header),
            ("footer", "first", &page.first_footer),
            ("footer", "default", &page.footer),
        ];
        for (kind, which, running) in slots {
            let document_rels = std::mem::take(&mut writer.rels);
            let xml = running_part(writer, kind, running);
            let part_rels = std::mem::replace(&mut writer.rels, document_rels);
            add(writer, kind, which, xml.into_bytes(), part_rels);
        }
        section.title_page = true;
    } else {
        for (kind, which, xml) in &reference.running {
            add(writer, kind, which, xml.clone(), Vec::new());
        }
        section.title_page = reference.title_page;
    }
    section
}

fn section_properties(doc: &Doc, section: &Section) -> String {
    let page = &doc.page;
    let mut out = String::from("<w:sectPr>");
    for (element, which, id) in &section.references {
        let _ = write!(out, "<{element} w:type=\"{which}\" r:id=\"{id}\"/>");
    }
    let orient = if page.width > page.height { " w:orient=\"landscape\"" } else { "" };
    let _ = write!(
        out,
        "<w:pgSz w:w=\"{}\" w:h=\"{}\"{orient}/><w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" \
w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/>",
        twips(page.width),
        twips(page.height),
        twips(page.margins.top),
        twips(page.margins.right),
        twips(page.margins.bottom),
        twips(page.margins.left)
    );
    if section.title_page {
        out.push_str("<w:titlePg/>");
    }
    out.push_str("</w:sectPr>");
    out
}
