//! Filling a PDF form as docassemble's `fill_template` does on its pikepdf path: values are
//! first mapped onto checkbox and radio export values, then each widget's field gets `/V`
//! (text and choice fields), `/AS` and `/V` (buttons), a fresh appearance stream (text and
//! choice fields), and the form is marked `NeedAppearances`.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::appearance::{parse_da, text_appearance, TextField};
use super::fields::{appearance_states, dict_get, name_of, resolve, FormField};
use super::text::{decode_text, encode_text};
use crate::{Limits, Result};

/// docassemble's export-value rules. A button field with one export value is a checkbox:
/// `Yes`/`yes`/`True`/`true`/`On`/`on` or the export value itself check it, anything else
/// unchecks it (`Off`, `off`, `no` or `No`, following the export value's spelling). A field
/// with several export values is a radio group: the value must be one of them (`Yes`/`No` may
/// stand for `True`/`False`), else `Off`. Other values pass unchanged.
pub fn apply_export_values(fields: &[FormField], values: &[(String, String)], default_export_value: Option<&str>) -> Vec<(String, String)> {
    let mut export_values: HashMap<&str, Vec<String>> = HashMap::new();
    for field in fields {
        if field.field_type.as_deref() == Some("/Btn") {
            let export = field
                .export_value
                .clone()
                .filter(|value| !value.is_empty())
                .or_else(|| default_export_value.map(str::to_string))
                .unwrap_or_else(|| "Yes".to_string());
            export_values.entry(field.name.as_str()).or_default().push(export);
        }
    }
    values
        .iter()
        .map(|(key, value)| {
            let Some(exports) = export_values.get(key.as_str()).filter(|exports| !exports.is_empty()) else {
                return (key.clone(), value.clone());
            };
            let mut value = value.clone();
            if exports.len() > 1 {
                if exports.iter().any(|e| e == "True") && (value == "Yes" || value == "yes") {
                    value = "True".to_string();
                }
                if exports.iter().any(|e| e == "False") && (value == "No" || value == "no") {
                    value = "False".to_string();
                }
                if !exports.contains(&value) {
                    value = "Off".to_string();
                }
            } else {
                let export = &exports[0];
                value = if matches!(value.as_str(), "Yes" | "yes" | "True" | "true" | "On" | "on") || value == *export {
                    export.clone()
                } else {
                    match export.as_str() {
                        "On" => "Off",
                        "on" => "off",
                        "yes" => "no",
                        _ => "No",
                    }
                    .to_string()
                };
            }
            (key.clone(), value)
        })
        .collect()
}

/// A widget found on a page and the field it belongs to.
struct Target {
    widget: ObjectId,
    /// The widget itself when it is also the field, else the nearest ancestor with `/T` and `/FT`.
    field: ObjectId,
    /// The field's partial name (`/T`) and its fully qualified name.
    partial: String,
    full: String,
}

fn targets(doc: &Document, limits: &Limits) -> Vec<Target> {
    let mut found = Vec::new();
    for (_, page) in doc.get_pages() {
        let Ok(page) = doc.get_dictionary(page) else { continue };
        let Some(Ok(annots)) = dict_get(doc, page, b"Annots").map(Object::as_array) else { continue };
        for annot in annots {
            let Ok(widget) = annot.as_reference() else { continue };
            let mut field = widget;
            let mut steps = 0;
            while let Ok(dict) = doc.get_dictionary(field) {
                if dict.has(b"FT") && dict.has(b"T") {
                    break;
                }
                let Some(parent) = dict.get(b"Parent").ok().and_then(|p| p.as_reference().ok()) else { break };
                steps += 1;
                if steps > limits.max_field_depth {
                    break;
                }
                field = parent;
            }
            let Ok(dict) = doc.get_dictionary(field) else { continue };
            let Some(Object::String(partial, _)) = dict_get(doc, dict, b"T") else { continue };
            if !dict.has(b"FT") {
                continue;
            }
            let partial = decode_text(partial);
            let full = qualified_name(doc, field, limits);
            found.push(Target { widget, field, partial, full });
        }
    }
    found
}

fn qualified_name(doc: &Document, field: ObjectId, limits: &Limits) -> String {
    let mut names = Vec::new();
    let mut current = Some(field);
    let mut steps = 0;
    while let Some(id) = current {
        let Ok(dict) = doc.get_dictionary(id) else { break };
        if let Some(Object::String(name, _)) = dict_get(doc, dict, b"T") {
            names.push(decode_text(name));
        }
        steps += 1;
        if steps > limits.max_field_depth {
            break;
        }
        current = dict.get(b"Parent").ok().and_then(|p| p.as_reference().ok());
    }
    names.reverse();
    names.join(".")
}

/// An attribute of a field, inherited from its ancestors as the PDF specification says.
fn inherited<'a>(doc: &'a Document, id: ObjectId, key: &[u8], limits: &Limits) -> Option<&'a Object> {
    let mut current = Some(id);
    let mut steps = 0;
    while let Some(at) = current {
        let dict = doc.get_dictionary(at).ok()?;
        if let Some(value) = dict_get(doc, dict, key) {
            return Some(value);
        }
        steps += 1;
        if steps > limits.max_field_depth {
            return None;
        }
        current = dict.get(b"Parent").ok().and_then(|p| p.as_reference().ok());
    }
    None
}

fn set(doc: &mut Document, id: ObjectId, key: &str, value: Object) -> Result<()> {
    doc.get_dictionary_mut(id)?.set(key, value);
    Ok(())
}

/// Writes `values` (already mapped by [`apply_export_values`]) into the form's fields. A key
/// matches a field by its partial name, as docassemble matches, or by its qualified name.
pub fn fill_fields(doc: &mut Document, values: &[(String, String)], limits: &Limits) -> Result<()> {
    let data: Vec<(&str, &str)> = {
        let mut last: Vec<(&str, &str)> = Vec::new();
        for (key, value) in values {
            if let Some(existing) = last.iter_mut().find(|(k, _)| *k == key.as_str()) {
                existing.1 = value.as_str();
            } else {
                last.push((key.as_str(), value.as_str()));
            }
        }
        last
    };
    for target in targets(doc, limits) {
        for (key, value) in &data {
            if *key != target.partial && *key != target.full {
                continue;
            }
            let field_type = doc.get_dictionary(target.field).ok().and_then(|d| name_of(dict_get(doc, d, b"FT")));
            match field_type.as_deref() {
                Some("Tx") => {
                    set(doc, target.field, "V", encode_text(value))?;
                    text_widget_appearance(doc, &target, value, limits)?;
                }
                Some("Btn") => fill_button(doc, &target, value)?,
                Some("Ch") => {
                    let options: Vec<Object> = doc
                        .get_dictionary(target.field)
                        .ok()
                        .and_then(|d| dict_get(doc, d, b"Opt"))
                        .and_then(|o| o.as_array().ok())
                        .cloned()
                        .unwrap_or_default();
                    let listed = options.iter().any(|option| match resolve(doc, option) {
                        Object::String(bytes, _) => decode_text(bytes) == *value,
                        Object::Array(pair) => matches!(pair.first(), Some(Object::String(b, _)) if decode_text(b) == *value),
                        _ => false,
                    });
                    if !listed {
                        let mut options = options;
                        options.push(encode_text(value));
                        set(doc, target.field, "Opt", Object::Array(options))?;
                    }
                    set(doc, target.field, "V", encode_text(value))?;
                    text_widget_appearance(doc, &target, value, limits)?;
                }
                _ => {}
            }
        }
    }
    let catalog_form = doc.catalog()?.get(b"AcroForm").ok().cloned();
    match catalog_form {
        Some(Object::Reference(id)) => set(doc, id, "NeedAppearances", Object::Boolean(true))?,
        Some(Object::Dictionary(mut form)) => {
            form.set("NeedAppearances", Object::Boolean(true));
            doc.catalog_mut()?.set("AcroForm", Object::Dictionary(form));
        }
        _ => {}
    }
    Ok(())
}

/// pikepdf's button rule: the widget (or the field itself) shows the state named by the
/// value when it has one, else its off state.
fn fill_button(doc: &mut Document, target: &Target, value: &str) -> Result<()> {
    let field = doc.get_dictionary(target.field)?;
    if field.has(b"A") {
        return Ok(());
    }
    let name = value.as_bytes().to_vec();
    let off_state = |states: &[Vec<u8>]| {
        [b"Off".to_vec(), b"off".to_vec()].into_iter().find(|off| states.contains(off))
    };
    if target.widget != target.field {
        let kid = doc.get_dictionary(target.widget)?;
        if let Some(states) = appearance_states(doc, kid) {
            if states.contains(&name) {
                set(doc, target.widget, "AS", Object::Name(name.clone()))?;
                set(doc, target.field, "V", Object::Name(name))?;
            } else if let Some(off) = off_state(&states) {
                set(doc, target.widget, "AS", Object::Name(off))?;
            }
            return Ok(());
        }
    }
    if let Some(states) = appearance_states(doc, field) {
        if states.contains(&name) {
            set(doc, target.field, "AS", Object::Name(name.clone()))?;
            set(doc, target.field, "V", Object::Name(name))?;
        } else {
            let down: Option<Vec<Vec<u8>>> = dict_get(doc, field, b"AP")
                .and_then(|ap| ap.as_dict().ok())
                .and_then(|ap| dict_get(doc, ap, b"D"))
                .and_then(|d| d.as_dict().ok())
                .map(|d| d.iter().map(|(k, _)| k.clone()).collect());
            match down {
                Some(down) => {
                    if let Some(off) = off_state(&down) {
                        set(doc, target.field, "AS", Object::Name(off.clone()))?;
                        set(doc, target.field, "V", Object::Name(off))?;
                    }
                }
                None => {
                    set(doc, target.field, "AS", Object::Name(b"Off".to_vec()))?;
                    set(doc, target.field, "V", Object::Name(b"Off".to_vec()))?;
                }
            }
        }
    }
    Ok(())
}

/// Gives the widget a normal appearance showing `value`.
fn text_widget_appearance(doc: &mut Document, target: &Target, value: &str, limits: &Limits) -> Result<()> {
    let widget = doc.get_dictionary(target.widget)?;
    let rect: Vec<f64> = match dict_get(doc, widget, b"Rect") {
        Some(Object::Array(items)) => items.iter().filter_map(|item| resolve(doc, item).as_float().ok()).map(f64::from).collect(),
        _ => return Ok(()),
    };
    if rect.len() != 4 {
        return Ok(());
    }
    let acroform: Option<&Dictionary> = doc.catalog().ok().and_then(|c| dict_get(doc, c, b"AcroForm")).and_then(|f| f.as_dict().ok());
    let da_text = |object: Option<&Object>| match object {
        Some(Object::String(bytes, _)) => Some(String::from_utf8_lossy(bytes).into_owned()),
        _ => None,
    };
    let da = da_text(dict_get(doc, widget, b"DA"))
        .or_else(|| da_text(inherited(doc, target.field, b"DA", limits)))
        .or_else(|| acroform.and_then(|form| da_text(dict_get(doc, form, b"DA"))))
        .unwrap_or_else(|| "/Helv 0 Tf 0 g".to_string());
    let da = parse_da(&da);
    let font = acroform
        .and_then(|form| dict_get(doc, form, b"DR"))
        .and_then(|dr| dr.as_dict().ok())
        .and_then(|dr| dict_get(doc, dr, b"Font"))
        .and_then(|fonts| fonts.as_dict().ok())
        .and_then(|fonts| fonts.get(da.font.as_bytes()).ok().cloned());
    let flags = inherited(doc, target.field, b"Ff", limits).and_then(|f| f.as_i64().ok()).unwrap_or(0);
    let quadding = dict_get(doc, widget, b"Q")
        .or_else(|| inherited(doc, target.field, b"Q", limits))
        .and_then(|q| q.as_i64().ok())
        .unwrap_or(0);
    let max_len = inherited(doc, target.field, b"MaxLen", limits).and_then(|m| m.as_i64().ok());
    let stream = text_appearance(&TextField {
        value,
        width: (rect[2] - rect[0]).abs(),
        height: (rect[3] - rect[1]).abs(),
        da,
        flags,
        quadding,
        max_len,
        font,
    });
    let stream_id = doc.add_object(Object::Stream(stream));
    let mut ap = Dictionary::new();
    ap.set("N", Object::Reference(stream_id));
    set(doc, target.widget, "AP", Object::Dictionary(ap))
}
