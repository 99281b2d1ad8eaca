//! Untrusted files that break a limit get a clear error, never a panic, a hang or a huge
//! allocation: ZIP bombs, too many entries, XML nested too deep, PDFs that are not PDFs,
//! field trees with loops or absurd depth.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};

use docs::docx::DocxTemplate;
use docs::pdf::{get_pdf_fields, PdfForm};
use docs::{DocsError, Limits, Package};
use lopdf::{dictionary, Document, Object};

fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_stops_at_the_entry_limit() {
    let bomb = zip_of(&[("word/document.xml", vec![b' '; 8 * 1024 * 1024])]);
    assert!(bomb.len() < 64 * 1024, "the test bomb should compress well");
    let limits = Limits { max_entry_bytes: 1024 * 1024, ..Limits::default() };
    let err = Package::read(&bomb, &limits).unwrap_err();
    assert!(matches!(err, DocsError::TooLarge { limit, .. } if limit == 1024 * 1024), "{err}");
    let limits = Limits { max_total_bytes: 1024 * 1024, ..Limits::default() };
    assert!(matches!(Package::read(&bomb, &limits), Err(DocsError::TooLarge { .. })));
}

#[test]
fn too_many_entries_are_refused() {
    let entries: Vec<(String, Vec<u8>)> = (0..50).map(|i| (format!("f{i}"), vec![b'x'])).collect();
    let borrowed: Vec<(&str, Vec<u8>)> = entries.iter().map(|(n, d)| (n.as_str(), d.clone())).collect();
    let limits = Limits { max_zip_entries: 10, ..Limits::default() };
    assert!(matches!(Package::read(&zip_of(&borrowed), &limits), Err(DocsError::TooLarge { .. })));
}

#[test]
fn deep_or_broken_xml_is_refused() {
    let deep = format!("<w:document xmlns:w=\"w\">{}{}</w:document>", "<w:p>".repeat(500), "</w:p>".repeat(500));
    let docx = zip_of(&[("word/document.xml", deep.into_bytes())]);
    let err = DocxTemplate::open(&docx, &Limits::default()).unwrap_err();
    assert!(matches!(err, DocsError::Xml { .. }), "{err}");
    let broken = zip_of(&[("word/document.xml", b"<w:document><w:body></w:document>".to_vec())]);
    assert!(matches!(DocxTemplate::open(&broken, &Limits::default()), Err(DocsError::Xml { .. })));
    let missing = zip_of(&[("other.xml", b"<a/>".to_vec())]);
    assert!(matches!(DocxTemplate::open(&missing, &Limits::default()), Err(DocsError::MissingPart(_))));
    assert!(matches!(DocxTemplate::open(b"not a zip", &Limits::default()), Err(DocsError::Zip(_))));
}

#[test]
fn garbage_and_oversized_pdfs_are_refused() {
    assert!(get_pdf_fields(b"%PDF-1.4\ngarbage", &Limits::default()).is_err());
    assert!(get_pdf_fields(&[], &Limits::default()).is_err());
    let limits = Limits { max_input_bytes: 10, ..Limits::default() };
    assert!(matches!(get_pdf_fields(b"%PDF-1.4 more than ten bytes", &limits), Err(DocsError::TooLarge { .. })));
}

/// A one-page PDF whose form has `fields` as its field tree.
fn pdf_with_fields(build: impl FnOnce(&mut Document, lopdf::ObjectId) -> Vec<Object>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    });
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 }));
    let fields = build(&mut doc, page_id);
    let form = doc.add_object(dictionary! { "Fields" => fields });
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id, "AcroForm" => form });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_field_tree_with_a_loop_ends() {
    let bytes = pdf_with_fields(|doc, page| {
        let parent = doc.new_object_id();
        let kid = doc.add_object(dictionary! {
            "Type" => "Annot", "Subtype" => "Widget", "T" => Object::string_literal("kid"), "P" => page,
            "Rect" => vec![0.into(), 0.into(), 10.into(), 10.into()], "Parent" => parent,
        });
        doc.objects.insert(parent, Object::Dictionary(dictionary! {
            "T" => Object::string_literal("loop"), "FT" => "Tx", "Kids" => vec![kid.into(), parent.into()], "Parent" => parent,
        }));
        vec![parent.into()]
    });
    let fields = get_pdf_fields(&bytes, &Limits::default()).unwrap();
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].name, "loop.kid");
    assert_eq!(fields[0].field_type.as_deref(), Some("/Tx"));
    let filled = PdfForm::open(&bytes, None, &Limits::default()).unwrap().fill(&[("loop".into(), "v".into())], &Default::default());
    assert!(filled.is_ok());
}

#[test]
fn a_field_tree_deeper_than_the_limit_is_refused() {
    let bytes = pdf_with_fields(|doc, _| {
        let mut child: Option<lopdf::ObjectId> = None;
        for level in 0..100 {
            let mut dict = dictionary! { "T" => Object::string_literal(format!("l{level}")), "FT" => "Tx" };
            if let Some(child) = child {
                dict.set("Kids", vec![Object::Reference(child)]);
            }
            child = Some(doc.add_object(dict));
        }
        vec![child.map(Object::Reference).unwrap_or(Object::Null)]
    });
    let err = get_pdf_fields(&bytes, &Limits::default()).unwrap_err();
    assert!(matches!(err, DocsError::TooLarge { .. }), "{err}");
    let limits = Limits { max_field_depth: 200, ..Limits::default() };
    assert_eq!(get_pdf_fields(&bytes, &limits).unwrap().len(), 1);
}

#[test]
fn a_pdf_without_fields_cannot_be_filled() {
    let bytes = pdf_with_fields(|_, _| Vec::new());
    let err = PdfForm::open(&bytes, None, &Limits::default()).unwrap().fill(&[], &Default::default()).unwrap_err();
    assert!(matches!(err, DocsError::NoFields));
}

#[test]
fn media_parts_are_copied_through_and_read_within_limits() {
    let docx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>".to_vec()),
        ("word/document.xml", b"<w:document xmlns:w=\"w\"><w:body/></w:document>".to_vec()),
        ("word/media/image1.emf", vec![7u8; 4 * 1024 * 1024]),
    ]);
    let package = Package::read(&docx, &Limits::default()).unwrap();
    assert!(package.get("word/media/image1.emf").is_none(), "media stays compressed");
    assert_eq!(package.read_part("word/media/image1.emf").unwrap().unwrap().len(), 4 * 1024 * 1024);
    let small = Limits { max_entry_bytes: 1024, ..Limits::default() };
    let package = Package::read(&docx, &small).unwrap();
    assert!(matches!(package.read_part("word/media/image1.emf"), Err(DocsError::TooLarge { .. })));
    let written = Package::read(&docx, &Limits::default()).unwrap().write().unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(written)).unwrap();
    let names: Vec<String> = (0..archive.len()).map(|i| archive.by_index(i).unwrap().name().unwrap().into_owned()).collect();
    assert_eq!(names, ["[Content_Types].xml", "word/document.xml", "word/media/image1.emf"]);
    let mut media = Vec::new();
    archive.by_name("word/media/image1.emf").unwrap().read_to_end(&mut media).unwrap();
    assert!(media.len() == 4 * 1024 * 1024 && media.iter().all(|b| *b == 7));
}
