//! Every example PDF form lists its fields, fills, and re-opens with lopdf showing the values;
//! flattened output has no form left and shows the values in its page content.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use docs::pdf::{decode_text, get_pdf_fields, FillOptions, FormField, PdfForm};
use docs::Limits;
use lopdf::{Document, Object};

fn packages() -> PathBuf {
    std::env::var_os("COLLOQUY_EXAMPLES").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/docassemble-examples/packages")
    })
}

fn examples() -> Vec<PathBuf> {
    let mut found = Vec::new();
    for package in std::fs::read_dir(packages()).into_iter().flatten().flatten() {
        for entry in std::fs::read_dir(package.path().join("data/templates")).into_iter().flatten().flatten() {
            if entry.path().extension().is_some_and(|ext| ext == "pdf") {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    found
}

/// A value for every text and button field: a marker per text field, `Yes` for buttons.
fn values_for(fields: &[FormField]) -> Vec<(String, String)> {
    let mut values = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        match field.field_type.as_deref() {
            Some("/Tx") if !values.iter().any(|(k, _): &(String, String)| *k == field.name) => {
                values.push((field.name.clone(), format!("Marker{index} & (x)")));
            }
            Some("/Btn") => values.push((field.name.clone(), "Yes".to_string())),
            _ => {}
        }
    }
    values
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map(|(_, o)| o).unwrap_or(object)
}

/// Every field dictionary with a `/T`, read with plain lopdf: (qualified name, dict).
fn field_dicts(doc: &Document) -> Vec<(String, lopdf::Dictionary)> {
    fn walk(doc: &Document, items: &[Object], prefix: &str, out: &mut Vec<(String, lopdf::Dictionary)>) {
        for item in items {
            let Ok(dict) = deref(doc, item).as_dict() else { continue };
            let name = match dict.get(b"T").map(|t| deref(doc, t)) {
                Ok(Object::String(bytes, _)) => {
                    let own = decode_text(bytes);
                    if prefix.is_empty() { own } else { format!("{prefix}.{own}") }
                }
                _ => prefix.to_string(),
            };
            out.push((name.clone(), dict.clone()));
            if let Ok(kids) = dict.get(b"Kids").map(|k| deref(doc, k)).and_then(Object::as_array) {
                walk(doc, kids, &name, out);
            }
        }
    }
    let mut out = Vec::new();
    let catalog = doc.catalog().unwrap();
    if let Ok(form) = catalog.get(b"AcroForm").map(|f| deref(doc, f)).and_then(Object::as_dict) {
        let fields = form.get(b"Fields").map(|f| deref(doc, f)).and_then(Object::as_array).unwrap();
        walk(doc, fields, "", &mut out);
    }
    out
}

#[test]
fn every_example_form_fills_and_reopens_with_its_values() {
    let files = examples();
    assert!(files.len() >= 13, "expected the 13 example forms, found {}", files.len());
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let fields = get_pdf_fields(&bytes, &Limits::default()).unwrap();
        assert!(!fields.is_empty(), "{}: no fields", path.display());
        let values = values_for(&fields);
        let filled = PdfForm::open(&bytes, None, &Limits::default()).unwrap().fill(&values, &FillOptions::default()).unwrap();

        let doc = Document::load_mem(&filled).unwrap();
        let form = deref(&doc, doc.catalog().unwrap().get(b"AcroForm").unwrap()).as_dict().unwrap();
        assert_eq!(form.get(b"NeedAppearances").and_then(Object::as_bool).ok(), Some(true));
        let dicts = field_dicts(&doc);
        for (name, value) in &values {
            let field = fields.iter().find(|f| f.name == *name).unwrap();
            let (_, dict) = dicts.iter().find(|(n, d)| n == name && d.has(b"FT")).unwrap_or_else(|| panic!("{}: {name} not found", path.display()));
            match field.field_type.as_deref() {
                Some("/Tx") => {
                    let Ok(Object::String(bytes, _)) = dict.get(b"V") else { panic!("{}: {name} has no /V", path.display()) };
                    assert_eq!(decode_text(bytes), *value);
                    let widgets: Vec<lopdf::Dictionary> = match dict.get(b"Kids").map(|k| deref(&doc, k)).and_then(Object::as_array) {
                        Ok(kids) => kids.iter().map(|kid| deref(&doc, kid).as_dict().unwrap().clone()).collect(),
                        Err(_) => vec![dict.clone()],
                    };
                    for widget in widgets {
                        let ap = deref(&doc, widget.get(b"AP").unwrap()).as_dict().unwrap();
                        let stream = deref(&doc, ap.get(b"N").unwrap()).as_stream().unwrap();
                        let content = String::from_utf8_lossy(&stream.content).into_owned();
                        let shown = value.replace('(', "\\(").replace(')', "\\)");
                        assert!(content.contains(&shown), "{}: {name} appearance lacks {value}: {content}", path.display());
                    }
                }
                Some("/Btn") => {
                    let export = field.export_value.clone().unwrap();
                    assert_eq!(dict.get(b"V").and_then(Object::as_name).ok(), Some(export.as_bytes()), "{}: {name}", path.display());
                    assert_eq!(dict.get(b"AS").and_then(Object::as_name).ok(), Some(export.as_bytes()), "{}: {name}", path.display());
                }
                _ => {}
            }
        }
        assert_eq!(get_pdf_fields(&filled, &Limits::default()).unwrap().len(), fields.len());
    }
}

#[test]
fn flattened_forms_have_no_fields_and_show_the_values() {
    let pdftotext = std::process::Command::new("pdftotext").arg("-v").output().is_ok();
    for path in examples() {
        let bytes = std::fs::read(&path).unwrap();
        let fields = get_pdf_fields(&bytes, &Limits::default()).unwrap();
        let values = values_for(&fields);
        let options = FillOptions { editable: false, ..FillOptions::default() };
        let flat = PdfForm::open(&bytes, None, &Limits::default()).unwrap().fill(&values, &options).unwrap();
        let doc = Document::load_mem(&flat).unwrap();
        assert!(doc.catalog().unwrap().get(b"AcroForm").is_err(), "{}: still has /AcroForm", path.display());
        for (_, page) in doc.get_pages() {
            let page = doc.get_dictionary(page).unwrap();
            if let Ok(annots) = page.get(b"Annots").map(|a| deref(&doc, a)).and_then(Object::as_array) {
                for annot in annots {
                    let subtype = deref(&doc, annot).as_dict().unwrap().get(b"Subtype").and_then(Object::as_name).ok();
                    assert_ne!(subtype, Some(&b"Widget"[..]), "{}: a widget is left", path.display());
                }
            }
        }
        assert!(get_pdf_fields(&flat, &Limits::default()).unwrap().is_empty());
        if pdftotext {
            let dir = std::env::temp_dir().join(format!("docs-flat-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let file = dir.join(path.file_name().unwrap());
            std::fs::write(&file, &flat).unwrap();
            let out = std::process::Command::new("pdftotext").arg(&file).arg("-").output().unwrap();
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            std::fs::remove_dir_all(&dir).ok();
            for (name, value) in &values {
                if value.starts_with("Marker") {
                    let first_word = value.split(' ').next().unwrap();
                    assert!(text.contains(first_word), "{}: {name}'s {value} not in the text: {text}", path.display());
                }
            }
        }
    }
}

#[test]
fn rects_print_as_docassemble_prints_them() {
    let bytes = std::fs::read(packages().join("docassemble.base/data/templates/sample-form.pdf")).unwrap();
    let fields = get_pdf_fields(&bytes, &Limits::default()).unwrap();
    let apple = fields.iter().find(|f| f.name == "Apple Checkbox").unwrap();
    let rect: Vec<String> = apple.rect.iter().map(ToString::to_string).collect();
    assert_eq!(rect.join(", "), "72.1975, 580.914, 94.395, 600.593");
    assert_eq!(apple.value, "No");
    assert_eq!(apple.export_value.as_deref(), Some("Yes"));
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["Your Name", "Your Organization", "Apple Checkbox", "Orange Checkbox", "Pear Checkbox", "Toast Checkbox"]);
}

#[test]
fn unchecked_boxes_take_their_off_state() {
    let bytes = std::fs::read(packages().join("docassemble.base/data/templates/sample-form-different-export-values.pdf")).unwrap();
    let values = vec![("Orange Checkbox".to_string(), "No".to_string()), ("Apple Checkbox".to_string(), "True".to_string())];
    let filled = PdfForm::open(&bytes, None, &Limits::default()).unwrap().fill(&values, &FillOptions::default()).unwrap();
    let doc = Document::load_mem(&filled).unwrap();
    let dicts = field_dicts(&doc);
    let orange = &dicts.iter().find(|(n, _)| n == "Orange Checkbox").unwrap().1;
    assert_eq!(orange.get(b"AS").and_then(Object::as_name).ok(), Some(&b"Off"[..]));
    let apple = &dicts.iter().find(|(n, _)| n == "Apple Checkbox").unwrap().1;
    assert_eq!(apple.get(b"AS").and_then(Object::as_name).ok(), Some(&b"yes"[..]));
}
