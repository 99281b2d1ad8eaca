//! Flattening a filled form (`editable: False`): every visible widget's current appearance is
//! drawn into its page's content as a form XObject placed on the widget's rectangle, the
//! widgets leave `/Annots`, and the catalog loses `/AcroForm`.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::fields::{dict_get, name_of, resolve};
use crate::{Limits, Result};

const HIDDEN: i64 = 1 << 1;

/// The stream that shows `widget` now: `/AP /N` itself, or its entry for the state in `/AS`.
fn current_appearance(doc: &Document, widget: &Dictionary) -> Option<Object> {
    let ap = dict_get(doc, widget, b"AP")?.as_dict().ok()?;
    let normal = ap.get(b"N").ok()?;
    match resolve(doc, normal) {
        Object::Stream(_) => Some(normal.clone()),
        Object::Dictionary(states) => {
            let state = name_of(dict_get(doc, widget, b"AS"))?;
            states.get(state.as_bytes()).ok().cloned()
        }
        _ => None,
    }
}

fn numbers(doc: &Document, object: Option<&Object>) -> Option<Vec<f64>> {
    match object {
        Some(Object::Array(items)) => Some(items.iter().filter_map(|i| resolve(doc, i).as_float().ok()).map(f64::from).collect()),
        _ => None,
    }
}

/// The `cm` matrix that maps the appearance's (transformed) bounding box onto `rect`.
fn placement(rect: &[f64], bbox: &[f64], matrix: &[f64]) -> Option<[f64; 6]> {
    if rect.len() != 4 || bbox.len() != 4 || matrix.len() != 6 {
        return None;
    }
    let corners = [(bbox[0], bbox[1]), (bbox[0], bbox[3]), (bbox[2], bbox[1]), (bbox[2], bbox[3])];
    let transformed: Vec<(f64, f64)> = corners
        .iter()
        .map(|(x, y)| (matrix[0] * x + matrix[2] * y + matrix[4], matrix[1] * x + matrix[3] * y + matrix[5]))
        .collect();
    let min_x = transformed.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let max_x = transformed.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let min_y = transformed.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let max_y = transformed.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let (x1, x2) = (rect[0].min(rect[2]), rect[0].max(rect[2]));
    let (y1, y2) = (rect[1].min(rect[3]), rect[1].max(rect[3]));
    let sx = if max_x > min_x { (x2 - x1) / (max_x - min_x) } else { 1.0 };
    let sy = if max_y > min_y { (y2 - y1) / (max_y - min_y) } else { 1.0 };
    Some([sx, 0.0, 0.0, sy, x1 - sx * min_x, y1 - sy * min_y])
}

/// The page's resources, following inheritance from the page tree.
fn page_resources(doc: &Document, page: ObjectId, limits: &Limits) -> Dictionary {
    let mut current = Some(page);
    let mut steps = 0;
    while let Some(id) = current {
        let Ok(dict) = doc.get_dictionary(id) else { break };
        if let Some(Object::Dictionary(resources)) = dict_get(doc, dict, b"Resources") {
            return resources.clone();
        }
        steps += 1;
        if steps > limits.max_field_depth {
            break;
        }
        current = dict.get(b"Parent").ok().and_then(|p| p.as_reference().ok());
    }
    Dictionary::new()
}

/// Flattens every page's widgets and removes the form.
pub fn flatten(doc: &mut Document, limits: &Limits) -> Result<()> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut counter = 0usize;
    for page in pages {
        let Ok(page_dict) = doc.get_dictionary(page) else { continue };
        let Some(Ok(annots)) = dict_get(doc, page_dict, b"Annots").map(Object::as_array) else { continue };
        let annots = annots.clone();
        let mut kept = Vec::new();
        let mut drawn = String::new();
        let mut xobjects: Vec<(String, Object)> = Vec::new();
        for annot in annots {
            let Ok(dict) = resolve(doc, &annot).as_dict() else { continue };
            if name_of(dict_get(doc, dict, b"Subtype")).as_deref() != Some("Widget") {
                kept.push(annot);
                continue;
            }
            let hidden = dict_get(doc, dict, b"F").and_then(|f| f.as_i64().ok()).unwrap_or(0) & HIDDEN != 0;
            let Some(appearance) = current_appearance(doc, dict).filter(|_| !hidden) else { continue };
            let Ok(stream) = resolve(doc, &appearance).as_stream() else { continue };
            let rect = numbers(doc, dict_get(doc, dict, b"Rect")).unwrap_or_default();
            let bbox = numbers(doc, dict_get(doc, &stream.dict, b"BBox")).unwrap_or_default();
            let matrix = numbers(doc, dict_get(doc, &stream.dict, b"Matrix")).unwrap_or_else(|| vec![1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
            let Some(cm) = placement(&rect, &bbox, &matrix) else { continue };
            let reference = match appearance {
                Object::Reference(id) => id,
                Object::Stream(stream) => doc.add_object(Object::Stream(stream)),
                _ => continue,
            };
            if let Ok(Object::Stream(stream)) = doc.get_object_mut(reference) {
                stream.dict.set("Type", Object::Name(b"XObject".to_vec()));
                stream.dict.set("Subtype", Object::Name(b"Form".to_vec()));
            }
            counter += 1;
            let name = format!("DocsFlat{counter}");
            let cm: Vec<String> = cm.iter().map(|v| format!("{:.4}", v)).collect();
            drawn.push_str(&format!("q {} cm /{name} Do Q\n", cm.join(" ")));
            xobjects.push((name, Object::Reference(reference)));
        }
        let mut resources = page_resources(doc, page, limits);
        let mut xobject_dict = match resources.get(b"XObject").ok().map(|x| resolve(doc, x)) {
            Some(Object::Dictionary(existing)) => existing.clone(),
            _ => Dictionary::new(),
        };
        for (name, reference) in xobjects {
            xobject_dict.set(name.into_bytes(), reference);
        }
        resources.set("XObject", Object::Dictionary(xobject_dict));
        let old_contents: Vec<Object> = match doc.get_dictionary(page)?.get(b"Contents").ok().cloned() {
            Some(Object::Array(items)) => items,
            Some(other @ Object::Reference(_)) => match resolve(doc, &other) {
                Object::Array(items) => items.clone(),
                _ => vec![other],
            },
            _ => Vec::new(),
        };
        let before = doc.add_object(Object::Stream(Stream::new(Dictionary::new(), b"q\n".to_vec())));
        let after = doc.add_object(Object::Stream(Stream::new(Dictionary::new(), format!("Q\n{drawn}").into_bytes())));
        let mut contents = vec![Object::Reference(before)];
        contents.extend(old_contents);
        contents.push(Object::Reference(after));
        let page_dict = doc.get_dictionary_mut(page)?;
        page_dict.set("Resources", Object::Dictionary(resources));
        page_dict.set("Contents", Object::Array(contents));
        if kept.is_empty() {
            page_dict.remove(b"Annots");
        } else {
            page_dict.set("Annots", Object::Array(kept));
        }
    }
    doc.catalog_mut()?.remove(b"AcroForm");
    Ok(())
}
