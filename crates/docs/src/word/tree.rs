//! A small element tree of one XML part, read with quick-xml under limits (nesting depth from
//! [`Limits`], a fixed cap on the number of elements): names kept as written (`w:p`),
//! attributes unescaped, text kept inside text-bearing elements only.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::limits::{check_size, Limits};
use crate::{DocsError, Result};

/// Most elements read from one part (a long contract has some tens of thousands; the cap
/// keeps the tree under about 100 MB).
pub(crate) const MAX_ELEMENTS: u64 = 500_000;

/// An element: its qualified name, attributes and children in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Element {
    pub(crate) name: String,
    pub(crate) attrs: Vec<(String, String)>,
    pub(crate) children: Vec<Node>,
}

/// A child of an element.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

impl Element {
    /// The name without its prefix.
    pub(crate) fn local(&self) -> &str {
        local(&self.name)
    }

    /// The value of the attribute whose name without prefix is `name`.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(key, _)| local(key) == name).map(|(_, value)| value.as_str())
    }

    /// The `w:val` attribute.
    pub(crate) fn val(&self) -> Option<&str> {
        self.attr("val")
    }

    /// The child elements.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// The first child element called `name` (without prefix).
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|element| element.local() == name)
    }

    /// The child elements called `name` (without prefix).
    pub(crate) fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements().filter(move |element| element.local() == name)
    }

    /// The first element called `name` at any depth below this one (depth first).
    pub(crate) fn find(&self, name: &str) -> Option<&Element> {
        for element in self.elements() {
            if element.local() == name {
                return Some(element);
            }
            if let Some(found) = element.find(name) {
                return Some(found);
            }
        }
        None
    }

    /// The text directly inside this element.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        for node in &self.children {
            if let Node::Text(text) = node {
                out.push_str(text);
            }
        }
        out
    }
}

/// Whether text inside an element called `name` is content (the rest is indentation).
fn keeps_text(name: &str) -> bool {
    matches!(local(name), "t" | "instrText" | "delText" | "tab")
}

fn start_element(start: &BytesStart<'_>, part: &str) -> Result<Element> {
    let mut attrs = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|err| xml_error(part, err.to_string()))?;
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| xml_error(part, err.to_string()))?;
        attrs.push((attribute.key.as_ref().to_string(), value.into_owned()));
    }
    Ok(Element { name: start.name().as_ref().to_string(), attrs, children: Vec::new() })
}

fn xml_error(part: &str, message: String) -> DocsError {
    DocsError::Xml { part: part.to_string(), message }
}

fn push_text(stack: &mut [Element], text: &str) {
    if let Some(top) = stack.last_mut() {
        if keeps_text(&top.name) {
            if let Some(Node::Text(last)) = top.children.last_mut() {
                last.push_str(text);
            } else {
                top.children.push(Node::Text(text.to_string()));
            }
        }
    }
}

/// Parses `xml` (the part called `part`) into its root element.
pub(crate) fn parse(part: &str, xml: &str, limits: &Limits) -> Result<Element> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut count: u64 = 0;
    loop {
        let event = reader
            .read_event()
            .map_err(|err| xml_error(part, format!("at byte {}: {err}", reader.error_position())))?;
        match event {
            Event::Start(start) | Event::Empty(start) if root.is_some() => {
                let _ = start;
                return Err(xml_error(part, "more than one root element".to_string()));
            }
            Event::Start(start) => {
                count += 1;
                check_size(&format!("the element count of {part}"), count, MAX_ELEMENTS)?;
                if stack.len() >= limits.max_xml_depth {
                    return Err(xml_error(part, format!("elements nest deeper than {}", limits.max_xml_depth)));
                }
                stack.push(start_element(&start, part)?);
            }
            Event::Empty(start) => {
                count += 1;
                check_size(&format!("the element count of {part}"), count, MAX_ELEMENTS)?;
                let element = start_element(&start, part)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None => root = Some(element),
                }
            }
            Event::End(_) => {
                let Some(element) = stack.pop() else {
                    return Err(xml_error(part, "an end tag without its start".to_string()));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None => root = Some(element),
                }
            }
            Event::Text(text) => push_text(&mut stack, &text.xml_content(XmlVersion::Implicit1_0)),
            Event::CData(text) => push_text(&mut stack, &text.xml_content(XmlVersion::Implicit1_0)),
            Event::GeneralRef(reference) => {
                let name: &str = reference.as_ref();
                let resolved = match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => reference.resolve_char_ref().ok().flatten(),
                };
                match resolved {
                    Some(c) => push_text(&mut stack, c.encode_utf8(&mut [0; 4])),
                    None => return Err(xml_error(part, format!("unknown entity &{name};"))),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err(xml_error(part, "the part ends inside an element".to_string()));
    }
    root.ok_or_else(|| xml_error(part, "no root element".to_string()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn text_is_kept_in_text_elements_and_depth_is_limited() {
        let xml = "<w:document xmlns:w=\"x\"><w:p>\n  <w:r><w:t xml:space=\"preserve\"> a &amp; b&#33;</w:t></w:r></w:p></w:document>";
        let root = parse("p", xml, &Limits::default()).unwrap();
        let p = root.child("p").unwrap();
        assert_eq!(p.children.len(), 1, "indentation is dropped");
        assert_eq!(p.child("r").unwrap().child("t").unwrap().text(), " a & b!");
        let deep = format!("{}{}", "<a>".repeat(40), "</a>".repeat(40));
        let limits = Limits { max_xml_depth: 30, ..Limits::default() };
        assert!(matches!(parse("d", &deep, &limits), Err(DocsError::Xml { .. })));
        assert!(parse("u", "<a>&bogus;</a>", &limits).is_err());
        assert!(parse("two", "<a/><b/>", &limits).is_err());
        let many = format!("<a>{}</a>", "<b/>".repeat(MAX_ELEMENTS as usize));
        assert!(matches!(parse("many", &many, &limits), Err(DocsError::TooLarge { .. })));
    }
}
