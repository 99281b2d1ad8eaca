//! Reading a PDF form's fields as docassemble's `read_fields` / `get_pdf_fields` list them:
//! the field tree under `/AcroForm /Fields` walked through `/Kids` (names joined with `.`),
//! with each terminal field's value, page, rectangle, type and checkbox export value, sorted
//! by page, then top to bottom, then left to right.

use std::collections::{BTreeMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::text::{decode_docassemble, PdfNumber};
use crate::limits::check_size;
use crate::{Limits, Result};

/// One terminal field (or widget) of a form, as `get_pdf_fields()` returns it.
#[derive(Debug, Clone, PartialEq)]
pub struct FormField {
    /// The fully qualified name (`parent.child`); empty when the field has no name at all.
    pub name: String,
    /// The current value: a text field's `/V`, `No` for a checkbox, `${ user.signature }`
    /// for a signature field, '' when there is none.
    pub value: String,
    /// The 1-based page number of the widget (its `/P`, else the page listing it, else 1).
    pub page: u32,
    /// The widget's `/Rect`, numbers as written (empty when absent).
    pub rect: Vec<PdfNumber>,
    /// `/Tx`, `/Btn`, `/Ch`, `/Sig`, or `None` when the field has no type.
    pub field_type: Option<String>,
    /// For a button, its first appearance state other than `Off` (`Yes` when there is none).
    pub export_value: Option<String>,
}

/// Follows references (lopdf bounds the chain length).
pub(crate) fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map(|(_, resolved)| resolved).unwrap_or(&Object::Null)
}

pub(crate) fn dict_get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().map(|object| resolve(doc, object)).filter(|object| !matches!(object, Object::Null))
}

pub(crate) fn name_of(object: Option<&Object>) -> Option<String> {
    match object {
        Some(Object::Name(name)) => Some(String::from_utf8_lossy(name).into_owned()),
        _ => None,
    }
}

/// The page number of every page object.
pub(crate) fn page_numbers(doc: &Document) -> BTreeMap<ObjectId, u32> {
    doc.get_pages().into_iter().map(|(number, id)| (id, number)).collect()
}

/// The page listing annotation `id` in its `/Annots`.
fn page_listing(doc: &Document, id: ObjectId) -> Option<u32> {
    doc.get_pages().into_iter().find_map(|(number, page)| {
        let page = doc.get_dictionary(page).ok()?;
        let annots = dict_get(doc, page, b"Annots")?.as_array().ok()?;
        annots.iter().any(|annot| annot.as_reference().ok() == Some(id)).then_some(number)
    })
}

/// The names of a button's normal appearance states, in file order.
pub(crate) fn appearance_states(doc: &Document, widget: &Dictionary) -> Option<Vec<Vec<u8>>> {
    let ap = dict_get(doc, widget, b"AP")?.as_dict().ok()?;
    let normal = dict_get(doc, ap, b"N")?.as_dict().ok()?;
    Some(normal.iter().map(|(key, _)| key.clone()).collect())
}

struct Walk<'a> {
    doc: &'a Document,
    limits: &'a Limits,
    pages: BTreeMap<ObjectId, u32>,
    seen: HashSet<ObjectId>,
    out: Vec<FormField>,
}

/// Lists the form's fields (none when the document has no `/AcroForm`).
pub fn read_fields(doc: &Document, limits: &Limits) -> Result<Vec<FormField>> {
    let Ok(catalog) = doc.catalog() else { return Ok(Vec::new()) };
    let Some(acroform) = dict_get(doc, catalog, b"AcroForm").and_then(|form| form.as_dict().ok()) else {
        return Ok(Vec::new());
    };
    let Some(fields) = dict_get(doc, acroform, b"Fields").and_then(|fields| fields.as_array().ok()) else {
        return Ok(Vec::new());
    };
    let mut walk = Walk { doc, limits, pages: page_numbers(doc), seen: HashSet::new(), out: Vec::new() };
    walk.fields(fields, None, None, 0)?;
    let mut out = walk.out;
    out.sort_by(|a, b| sort_key(a).partial_cmp(&sort_key(b)).unwrap_or(std::cmp::Ordering::Equal));
    Ok(out)
}

/// docassemble's `fieldsorter`: page, then top to bottom, then left to right.
fn sort_key(field: &FormField) -> (f64, f64, f64) {
    match (field.rect.first(), field.rect.get(1)) {
        (Some(x), Some(y)) => (f64::from(field.page), -y.value(), x.value()),
        _ => (f64::from(field.page), 0.0, 0.0),
    }
}

impl Walk<'_> {
    fn fields(&mut self, fields: &[Object], prefix: Option<&str>, parent_type: Option<&str>, depth: usize) -> Result<()> {
        check_size("the form's field nesting", depth as u64, self.limits.max_field_depth as u64)?;
        for entry in fields {
            if let Ok(id) = entry.as_reference() {
                if !self.seen.insert(id) {
                    continue;
                }
            }
            let Ok(field) = resolve(self.doc, entry).as_dict() else { continue };
            self.field(field, entry.as_reference().ok(), prefix, parent_type, depth)?;
        }
        Ok(())
    }

    fn field(&mut self, field: &Dictionary, id: Option<ObjectId>, prefix: Option<&str>, parent_type: Option<&str>, depth: usize) -> Result<()> {
        let doc = self.doc;
        let name = match dict_get(doc, field, b"T") {
            Some(Object::String(bytes, _)) => Some(decode_docassemble(bytes)),
            _ => None,
        };
        let mut field_type = name_of(dict_get(doc, field, b"FT"));
        if field_type.is_none() && name_of(dict_get(doc, field, b"Type")).as_deref() == Some("Annot") {
            field_type = parent_type.map(str::to_string);
        }
        if let Some(Ok(kids)) = dict_get(doc, field, b"Kids").map(Object::as_array) {
            if !kids.is_empty() {
                let joined = match (prefix, &name) {
                    (_, None) => prefix.map(str::to_string),
                    (None | Some(""), Some(name)) => Some(name.clone()),
                    (Some(prefix), Some(name)) => Some(format!("{prefix}.{name}")),
                };
                return self.fields(kids, joined.as_deref(), field_type.as_deref(), depth + 1);
            }
        }
        check_size("the form's field count", self.out.len() as u64 + 1, self.limits.max_fields as u64)?;
        let rect = match dict_get(doc, field, b"Rect") {
            Some(Object::Array(items)) => {
                items.iter().filter_map(|item| PdfNumber::from_object(resolve(doc, item))).collect()
            }
            _ => Vec::new(),
        };
        let page = field
            .get(b"P")
            .ok()
            .and_then(|page| page.as_reference().ok())
            .and_then(|page| self.pages.get(&page).copied())
            .or_else(|| id.and_then(|id| page_listing(doc, id)))
            .unwrap_or(1);
        let (value, export_value) = match field_type.as_deref() {
            Some("Btn") => {
                let export = appearance_states(doc, field)
                    .and_then(|states| states.into_iter().find(|state| state != b"Off" && state != b"off"))
                    .map_or_else(|| "Yes".to_string(), |state| String::from_utf8_lossy(&state).into_owned());
                ("No".to_string(), Some(export))
            }
            Some("Sig") => ("${ user.signature }".to_string(), None),
            _ => {
                let value = match dict_get(doc, field, b"V") {
                    Some(Object::String(bytes, _)) => decode_docassemble(bytes),
                    Some(Object::Name(name)) => String::from_utf8_lossy(name).into_owned(),
                    _ => String::new(),
                };
                (value, None)
            }
        };
        let full_name = match (prefix, name) {
            (Some(prefix), Some(name)) if !prefix.is_empty() => format!("{prefix}.{name}"),
            (_, Some(name)) => name,
            (Some(prefix), None) => prefix.to_string(),
            (None, None) => String::new(),
        };
        self.out.push(FormField {
            name: full_name,
            value,
            page,
            rect,
            field_type: field_type.map(|kind| format!("/{kind}")),
            export_value,
        });
        Ok(())
    }
}
