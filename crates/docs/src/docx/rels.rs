//! Which parts of a DOCX package hold template text: the main document found through the
//! package relationships, its headers and footers found through its own relationships, and
//! the footnotes part found through `[Content_Types].xml`.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::PartKind;
use crate::{DocsError, Limits, Package, Result};

const OFFICE_DOCUMENT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const HEADER: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
const FOOTER: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
const FOOTNOTES_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml";

/// The templated parts, body first, each name once.
pub(crate) fn templated_parts(package: &Package, limits: &Limits) -> Result<Vec<(String, PartKind)>> {
    let root_rels = read_elements(package, "_rels/.rels", "Relationship", limits)?;
    let body = root_rels
        .iter()
        .find(|attrs| attr(attrs, "Type") == Some(OFFICE_DOCUMENT))
        .and_then(|attrs| attr(attrs, "Target"))
        .map(|target| resolve("", target))
        .unwrap_or_else(|| "word/document.xml".to_string());
    let mut parts = vec![(body.clone(), PartKind::Body)];
    let (dir, file) = body.rsplit_once('/').unwrap_or(("", body.as_str()));
    let body_rels_name = if dir.is_empty() { format!("_rels/{file}.rels") } else { format!("{dir}/_rels/{file}.rels") };
    for attrs in read_elements(package, &body_rels_name, "Relationship", limits)? {
        if attr(&attrs, "TargetMode") == Some("External") {
            continue;
        }
        let kind = match attr(&attrs, "Type") {
            Some(HEADER) => PartKind::Header,
            Some(FOOTER) => PartKind::Footer,
            _ => continue,
        };
        if let Some(target) = attr(&attrs, "Target") {
            push_once(&mut parts, resolve(dir, target), kind);
        }
    }
    for attrs in read_elements(package, "[Content_Types].xml", "Override", limits)? {
        if attr(&attrs, "ContentType") == Some(FOOTNOTES_TYPE) {
            if let Some(name) = attr(&attrs, "PartName") {
                push_once(&mut parts, resolve("", name), PartKind::Footnotes);
            }
        }
    }
    Ok(parts)
}

fn push_once(parts: &mut Vec<(String, PartKind)>, name: String, kind: PartKind) {
    if !parts.iter().any(|(existing, _)| *existing == name) {
        parts.push((name, kind));
    }
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
}

/// Resolves a relationship target against the directory of its source part.
fn resolve(dir: &str, target: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let joined;
    let path = if let Some(absolute) = target.strip_prefix('/') {
        absolute
    } else {
        joined = if dir.is_empty() { target.to_string() } else { format!("{dir}/{target}") };
        joined.as_str()
    };
    for segment in path.split('/') {
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

/// The attributes of every element called `element` in an XML part (none if the part is
/// absent).
fn read_elements(package: &Package, part: &str, element: &str, limits: &Limits) -> Result<Vec<Vec<(String, String)>>> {
    let Some(xml) = package.get_text(part)? else { return Ok(Vec::new()) };
    crate::xml::check_well_formed(part, xml, limits.max_xml_depth)?;
    let mut reader = Reader::from_str(xml);
    let mut found = Vec::new();
    let error = |message: String| DocsError::Xml { part: part.to_string(), message };
    loop {
        match reader.read_event().map_err(|err| error(err.to_string()))? {
            Event::Start(start) | Event::Empty(start) if start.local_name().as_ref() == element => {
                let mut attrs = Vec::new();
                for attribute in start.attributes() {
                    let attribute = attribute.map_err(|err| error(err.to_string()))?;
                    let key = attribute.key.local_name().as_ref().to_string();
                    let value = attribute
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|err| error(err.to_string()))?
                        .into_owned();
                    attrs.push((key, value));
                }
                found.push(attrs);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(found)
}
