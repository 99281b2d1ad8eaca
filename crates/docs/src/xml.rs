//! XML checks shared by the DOCX code: well-formedness and nesting depth of a part, read with
//! quick-xml.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::{DocsError, Result};

/// Checks that `xml` is well-formed (tags balanced, attributes and entities valid) and that no
/// element nests deeper than `max_depth`.
pub fn check_well_formed(part: &str, xml: &str, max_depth: usize) -> Result<()> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut depth: usize = 0;
    let mut roots: usize = 0;
    let error = |message: String| DocsError::Xml { part: part.to_string(), message };
    loop {
        match reader.read_event() {
            Ok(Event::Start(start)) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
                if depth > max_depth {
                    return Err(error(format!("elements nest deeper than {max_depth}")));
                }
                check_attributes(&start).map_err(error)?;
            }
            Ok(Event::Empty(empty)) => {
                if depth == 0 {
                    roots += 1;
                }
                check_attributes(&empty).map_err(error)?;
            }
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Text(text)) => {
                let text: &str = text.as_ref();
                if depth == 0 && !text.trim().is_empty() {
                    return Err(error("text outside the root element".to_string()));
                }
            }
            Ok(Event::GeneralRef(reference)) => {
                let name: &str = reference.as_ref();
                let known = matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
                    || reference.resolve_char_ref().ok().flatten().is_some();
                if !known {
                    return Err(error(format!("unknown entity &{name};")));
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(err) => {
                return Err(error(format!("at byte {}: {err}", reader.error_position())));
            }
        }
    }
    if depth != 0 {
        return Err(error("the document ends inside an element".to_string()));
    }
    if roots != 1 {
        return Err(error(format!("{roots} root elements")));
    }
    Ok(())
}

fn check_attributes(start: &quick_xml::events::BytesStart<'_>) -> std::result::Result<(), String> {
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|err| err.to_string())?;
        attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| err.to_string())?;
    }
    Ok(())
}
