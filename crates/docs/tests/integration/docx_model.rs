//! The model's .docx writer and reader: documents written from Markdown are opened with
//! independent readers (the zip crate and quick-xml) and their text, styles, numbering,
//! relationships and section found; written documents read back into the same structure;
//! every example .docx reads, with the text of its first paragraphs; hostile input fails
//! cleanly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::PathBuf;

use docs::model::{Align, Block, Field, Inline, Width};
use docs::{read_docx, read_markdown, write_docx, write_rtf, DocsError, DocxOptions, ImageRef, Limits, Package, ReadOptions};
use quick_xml::events::Event;

/// The example packages (`$COLLOQUY_EXAMPLES`, or the shared copy beside the checkout).
fn packages() -> PathBuf {
    std::env::var_os("COLLOQUY_EXAMPLES").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/docassemble-examples/packages")
    })
}

fn example_docx() -> Vec<PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "docx") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&packages(), &mut out);
    out.sort();
    out
}

fn entries(docx: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = BTreeMap::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        out.insert(entry.name().unwrap().to_string(), data);
    }
    out
}

/// Element names (qualified), `name@attr=value` strings and the text content, in order,
/// with the XML checked for well-formedness by quick-xml.
fn scan(xml: &[u8]) -> (Vec<String>, String) {
    let text = std::str::from_utf8(xml).unwrap();
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut tags = Vec::new();
    let mut out = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name().as_ref().to_string();
                for attribute in e.attributes() {
                    let attribute = attribute.unwrap();
                    tags.push(format!("{name}@{}={}", attribute.key.as_ref(), attribute.value));
                }
                tags.push(name);
            }
            Event::Text(t) => out.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            Event::GeneralRef(r) => {
                let name: &str = r.as_ref();
                out.push_str(match name {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    _ => "?",
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (tags, out)
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    out.extend_from_slice(&width.to_be_bytes());
    out.extend_from_slice(&height.to_be_bytes());
    out.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    out
}

const LETTER: &str = "# The Agreement\n\n## Parties\n\n[BOLDCENTER] Between *Ann* and **Bob** & co.\n\nA line[BR]broken, a [TAB] tab, ~~struck~~, `code`, a [link](https://example.com/x?a=1&b=2).\n\n1. first\n2. second\n    - inner bullet\n3. third\n\n| Name | Fee |\n|:-----|----:|\n| Ann | 10 |\n| Bob | 20 |\n\n[PAGEBREAK]\n\nThe end, page [PAGENUM]. [FILE logo.png, 2in]\n";

fn letter_doc() -> docs::Doc {
    let mut metadata = BTreeMap::new();
    metadata.insert("FooterCenter".to_string(), "Page [PAGENUM] of [TOTALPAGES]".to_string());
    metadata.insert("FirstHeaderRight".to_string(), "Case 42".to_string());
    let mut images = HashMap::new();
    images.insert(ImageRef::File("logo.png".to_string()), "logo".to_string());
    read_markdown(LETTER, &ReadOptions { metadata, images })
}

fn letter_options() -> DocxOptions {
    let mut options = DocxOptions::default();
    options.images.insert("logo".to_string(), png(200, 100));
    options
}

#[test]
fn markdown_to_docx_opens_with_independent_readers() {
    let docx = write_docx(&letter_doc(), &letter_options()).unwrap();
    let parts = entries(&docx);
    let names: Vec<&str> = parts.keys().map(String::as_str).collect();
    for required in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/_rels/document.xml.rels", "word/settings.xml"] {
        assert!(names.contains(&required), "{required} missing from {names:?}");
    }
    for (name, data) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            scan(data);
        }
    }
    let (tags, text) = scan(&parts["word/document.xml"]);
    for expected in ["The Agreement", "Parties", "Between ", "Ann", "Bob", " & co.", "broken", "struck", "code", "first", "inner bullet", "third", "Fee", "20", "The end, page "] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
    for expected in [
        "w:pStyle@w:val=Heading1",
        "w:pStyle@w:val=Heading2",
        "w:jc@w:val=center",
        "w:b",
        "w:i",
        "w:strike",
        "w:br@w:type=page",
        "w:tab",
        "w:tbl",
        "w:tblHeader",
        "w:jc@w:val=right",
        "w:hyperlink",
        "w:numPr",
        "w:ilvl@w:val=1",
        "w:fldSimple@w:instr= PAGE ",
        "a:blip",
        "wp:extent@cx=1828800",
        "wp:extent@cy=914400",
        "w:pgSz@w:w=12240",
        "w:titlePg",
    ] {
        assert!(tags.iter().any(|tag| tag == expected), "{expected} not in document.xml");
    }
    let (numbering, _) = scan(&parts["word/numbering.xml"]);
    assert!(numbering.iter().any(|t| t == "w:numFmt@w:val=decimal"));
    assert!(numbering.iter().any(|t| t == "w:numFmt@w:val=bullet"));
    let (styles, _) = scan(&parts["word/styles.xml"]);
    assert!(styles.iter().any(|t| t == "w:style@w:styleId=Heading1"));
    let rels = String::from_utf8(parts["word/_rels/document.xml.rels"].clone()).unwrap();
    assert!(rels.contains("Target=\"https://example.com/x?a=1&amp;b=2\" TargetMode=\"External\""), "{rels}");
    assert!(rels.contains("Target=\"media/image1.png\""), "{rels}");
    assert_eq!(parts["word/media/image1.png"], png(200, 100));
    let types = String::from_utf8(parts["[Content_Types].xml"].clone()).unwrap();
    assert!(types.contains("Extension=\"png\"") && types.contains("/word/footer"), "{types}");
    let footer = parts.iter().find(|(name, data)| name.starts_with("word/footer") && scan(data).1.contains("Page ")).expect("a footer with the page number");
    let (footer_tags, footer_text) = scan(footer.1);
    assert!(footer_text.contains(" of "), "{footer_text}");
    assert!(footer_tags.iter().any(|t| t == "w:fldSimple@w:instr= NUMPAGES "));
    assert!(parts.iter().any(|(name, data)| name.starts_with("word/header") && scan(data).1.contains("Case 42")));
}

fn all_text(blocks: &[Block], out: &mut String) {
    fn inlines(items: &[Inline], out: &mut String) {
        for inline in items {
            match inline {
                Inline::Text { text, .. } => out.push_str(text),
                Inline::Link { inlines: inner, .. } => inlines(inner, out),
                Inline::LineBreak | Inline::Tab => out.push(' '),
                _ => {}
            }
        }
    }
    for block in blocks {
        match block {
            Block::Paragraph(p) => inlines(&p.inlines, out),
            Block::Heading { inlines: items, .. } => inlines(items, out),
            Block::List { items, .. } => items.iter().for_each(|item| all_text(item, out)),
            Block::Table { header, rows, .. } => {
                for cell in header.iter().chain(rows.iter().flatten()) {
                    inlines(cell, out);
                    out.push(' ');
                }
            }
            Block::Quote { blocks } => all_text(blocks, out),
            Block::Columns { left, right, .. } => {
                all_text(left, out);
                all_text(right, out);
            }
            _ => {}
        }
        out.push('\n');
    }
}

#[test]
fn written_documents_read_back_into_the_model() {
    let original = letter_doc();
    let docx = write_docx(&original, &letter_options()).unwrap();
    let (doc, images) = read_docx(&docx, &Limits::default()).unwrap();
    assert_eq!((doc.page.width, doc.page.height), (612.0, 792.0));
    assert_eq!(doc.page.margins.left, 72.0);
    assert_eq!(doc.page.font_size, 12.0);
    let kinds: Vec<&str> = doc
        .blocks
        .iter()
        .map(|block| match block {
            Block::Heading { level: 1, .. } => "h1",
            Block::Heading { level: 2, .. } => "h2",
            Block::Paragraph(_) => "p",
            Block::List { ordered: true, .. } => "ol",
            Block::List { .. } => "ul",
            Block::Table { .. } => "table",
            Block::PageBreak => "break",
            Block::Skip { .. } => "skip",
            _ => "other",
        })
        .filter(|kind| *kind != "skip")
        .collect();
    assert_eq!(kinds, ["h1", "h2", "p", "p", "ol", "table", "break", "p"], "{:#?}", doc.blocks);
    let Some(Block::List { items, .. }) = doc.blocks.iter().find(|b| matches!(b, Block::List { .. })) else { unreachable!() };
    assert_eq!(items.len(), 3);
    assert!(items[1].iter().any(|b| matches!(b, Block::List { ordered: false, items, .. } if items.len() == 1)), "{items:#?}");
    let Some(Block::Paragraph(centered)) = doc.blocks.iter().find(|b| matches!(b, Block::Paragraph(p) if p.align == Align::Center)) else {
        panic!("no centred paragraph")
    };
    assert!(centered.inlines.iter().any(|i| matches!(i, Inline::Text { text, style } if text == "Ann" && style.italic && style.bold)), "{centered:?}");
    let Some(Block::Table { align, header, rows }) = doc.blocks.iter().find(|b| matches!(b, Block::Table { .. })) else { unreachable!() };
    assert_eq!(align, &[Align::Left, Align::Right]);
    assert_eq!(header.len(), 2);
    assert_eq!(rows.len(), 2);
    let mut text = String::new();
    all_text(&doc.blocks, &mut text);
    for expected in ["Between Ann and Bob & co.", "broken", "struck", "first", "inner bullet", "The end, page"] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
    let last = doc.blocks.iter().rev().find_map(|b| if let Block::Paragraph(p) = b { Some(p) } else { None }).unwrap();
    assert!(last.inlines.iter().any(|i| matches!(i, Inline::Field { field: Field::PageNumber, .. })), "{last:?}");
    let image = last.inlines.iter().find_map(|i| if let Inline::Image { name, width, .. } = i { Some((name, width)) } else { None }).unwrap();
    assert_eq!(image.1, &Width::Points(144.0));
    assert_eq!(images[image.0], png(200, 100));
    assert!(doc.blocks.iter().any(|b| matches!(b, Block::Paragraph(p) if p.inlines.iter().any(|i| matches!(i, Inline::Link { url, .. } if url == "https://example.com/x?a=1&b=2")))));
    assert!(doc.page.footer.center.iter().any(|i| matches!(i, Inline::Field { field: Field::TotalPages, .. })), "{:?}", doc.page.footer);
    assert!(doc.page.first_header.right.iter().any(|i| matches!(i, Inline::Text { text, .. } if text == "Case 42")), "{:?}", doc.page.first_header);
    assert!(doc.page.header.is_empty());
}

#[test]
fn a_reference_document_lends_its_styles() {
    let reference_path = example_docx().into_iter().find(|path| path.ends_with("Legal-Template.docx")).expect("Legal-Template.docx among the examples");
    let reference = std::fs::read(&reference_path).unwrap();
    let options = DocxOptions { reference: Some(reference.clone()), ..DocxOptions::default() };
    let doc = read_markdown("# Title\n\nBody text.\n", &ReadOptions::default());
    let docx = write_docx(&doc, &options).unwrap();
    let parts = entries(&docx);
    let reference_parts = entries(&reference);
    assert_eq!(parts["word/styles.xml"], reference_parts["word/styles.xml"]);
    let (_, text) = scan(&parts["word/document.xml"]);
    assert!(text.contains("Body text."));
    let (doc, _) = read_docx(&docx, &Limits::default()).unwrap();
    assert!(matches!(&doc.blocks[0], Block::Heading { level: 1, .. }), "{:?}", doc.blocks[0]);
}

/// The text of the first `count` non-empty body paragraphs, read with quick-xml alone.
fn first_paragraphs(document: &[u8], count: usize) -> Vec<String> {
    let text = std::str::from_utf8(document).unwrap();
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth_of_p: Option<usize> = None;
    let mut depth = 0usize;
    let mut in_t = false;
    let mut skip = 0usize;
    let mut current = String::new();
    let mut out = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                depth += 1;
                let name = e.name().as_ref().to_string();
                if name == "w:p" && depth_of_p.is_none() {
                    depth_of_p = Some(depth);
                }
                if matches!(name.as_str(), "w:instrText" | "w:delText" | "mc:Fallback") {
                    skip += 1;
                }
                in_t = name == "w:t";
            }
            Event::End(e) => {
                let name = e.name().as_ref().to_string();
                if matches!(name.as_str(), "w:instrText" | "w:delText" | "mc:Fallback") {
                    skip -= 1;
                }
                if Some(depth) == depth_of_p && name == "w:p" {
                    depth_of_p = None;
                    if !current.trim().is_empty() {
                        out.push(std::mem::take(&mut current));
                        if out.len() == count {
                            return out;
                        }
                    }
                    current.clear();
                }
                depth -= 1;
                in_t = false;
            }
            Event::Text(t) if in_t && skip == 0 && depth_of_p.is_some() => current.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            Event::GeneralRef(r) if in_t && skip == 0 => {
                let name: &str = r.as_ref();
                current.push_str(match name {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                });
            }
            Event::Eof => return out,
            _ => {}
        }
    }
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_example_docx_reads_with_its_first_paragraphs() {
    let examples = example_docx();
    assert!(examples.len() >= 50, "only {} example .docx files found under {}", examples.len(), packages().display());
    for path in examples {
        let bytes = std::fs::read(&path).unwrap();
        if !bytes.starts_with(b"PK") {
            // a symbolic link stored as a file: its text names the template it stands for
            let target = path.parent().unwrap().join(String::from_utf8(bytes).unwrap().trim());
            assert!(target.is_file(), "{} is neither a .docx nor a link to one", path.display());
            continue;
        }
        let (doc, images) = read_docx(&bytes, &Limits::default()).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let mut text = String::new();
        all_text(&doc.blocks, &mut text);
        let flat = squash(&text);
        let document = entries(&bytes).remove("word/document.xml").unwrap();
        let expected = first_paragraphs(&document, 3);
        assert!(!expected.is_empty() || flat.is_empty(), "{}", path.display());
        for paragraph in expected {
            assert!(flat.contains(&squash(&paragraph)), "{}: {paragraph:?} not in the model's text {text:?}", path.display());
        }
        for name in images.keys() {
            assert!(name.starts_with("word/"), "{name}");
        }
        // what was read writes again and reads back with the same text
        let options = DocxOptions { images, ..DocxOptions::default() };
        let again = write_docx(&doc, &options).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let (reread, _) = read_docx(&again, &Limits::default()).unwrap();
        let mut text_again = String::new();
        all_text(&reread.blocks, &mut text_again);
        assert_eq!(squash(&text_again), flat, "{}", path.display());
    }
}

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        writer.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn hostile_documents_fail_with_a_clear_error() {
    assert!(matches!(read_docx(b"not a zip", &Limits::default()), Err(DocsError::Zip(_))));
    let empty = zip_of(&[("other.txt", b"x")]);
    assert!(matches!(read_docx(&empty, &Limits::default()), Err(DocsError::MissingPart(_))));
    let deep = format!("<w:document xmlns:w=\"w\"><w:body>{}</w:body></w:document>", "<w:sdt><w:sdtContent>".repeat(300));
    let docx = zip_of(&[("word/document.xml", deep.as_bytes())]);
    assert!(matches!(read_docx(&docx, &Limits::default()), Err(DocsError::Xml { .. })));
    let bomb = format!("<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>", "x".repeat(200_000));
    let docx = zip_of(&[("word/document.xml", bomb.as_bytes())]);
    let small = Limits { max_entry_bytes: 100_000, ..Limits::default() };
    assert!(matches!(read_docx(&docx, &small), Err(DocsError::TooLarge { .. })));
    // nested fields, a hanging field, a numbering reference to nothing, a span of zero and a
    // missing image relationship are read without complaint
    let odd = "<w:document xmlns:w=\"w\" xmlns:r=\"r\"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val=\"7\"/><w:numId w:val=\"9\"/></w:numPr></w:pPr>\
<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/><w:t>a</w:t><w:drawing><a:blip xmlns:a=\"a\" r:embed=\"rId9\"/></w:drawing></w:r></w:p>\
<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"0\"/></w:tcPr><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>";
    let docx = zip_of(&[("word/document.xml", odd.as_bytes())]);
    let (doc, images) = read_docx(&docx, &Limits::default()).unwrap();
    assert!(images.is_empty());
    let mut text = String::new();
    all_text(&doc.blocks, &mut text);
    assert!(text.contains("cell"), "{text}");
}

/// Example documents, and their XML parts alone, with deterministic random edits (bytes
/// changed, removed, repeated; the file cut short): reading never panics, and what reads
/// writes again (DOCX and RTF) and reads back. The fuzz target does the same at length.
#[test]
fn mutated_examples_never_panic() {
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    for path in example_docx().into_iter().filter(|path| !path.ends_with("hello_planet.docx")) {
        let bytes = std::fs::read(&path).unwrap();
        if !bytes.starts_with(b"PK") {
            continue;
        }
        let package = Package::read(&bytes, &Limits::default()).unwrap();
        let document = package.get("word/document.xml").unwrap().to_vec();
        let mut xml_only = Package::default();
        xml_only.set("word/document.xml", document);
        xml_only.set("word/styles.xml", package.get("word/styles.xml").unwrap_or_default().to_vec());
        seeds.push(xml_only.write().unwrap());
        seeds.push(bytes);
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let limits = Limits { max_xml_depth: 64, max_zip_entries: 64, ..Limits::default() };
    let mut read = 0;
    for round in 0..4 {
        for seed in &seeds {
            let mut data = seed.clone();
            for _ in 0..round * 3 {
                let at = (next() as usize) % data.len();
                match next() % 4 {
                    0 => data[at] = next() as u8,
                    1 => {
                        data.remove(at);
                    }
                    2 => {
                        let len = ((next() % 64) as usize).min(data.len() - at);
                        let chunk = data[at..at + len].to_vec();
                        data.splice(at..at, chunk);
                    }
                    _ => data.truncate(at.max(1)),
                }
            }
            let Ok((doc, images)) = read_docx(&data, &limits) else { continue };
            read += 1;
            let _ = write_rtf(&doc);
            let written = write_docx(&doc, &DocxOptions { images, ..DocxOptions::default() }).unwrap();
            read_docx(&written, &Limits::default()).unwrap();
        }
    }
    assert!(read >= seeds.len(), "only {read} of the inputs read");
}

/// docassemble's legal template: a bold centred court name, the caption table, and headings
/// numbered through their styles, which stay headings (numbered) rather than list items.
#[test]
fn the_legal_template_reads_with_numbered_headings_and_its_caption() {
    let path = example_docx().into_iter().find(|path| path.ends_with("Legal-Template.docx")).unwrap();
    let (doc, _) = read_docx(&std::fs::read(path).unwrap(), &Limits::default()).unwrap();
    let headings: Vec<(u8, bool)> = doc
        .blocks
        .iter()
        .filter_map(|block| if let Block::Heading { level, numbered, .. } = block { Some((*level, *numbered)) } else { None })
        .collect();
    assert_eq!(headings, [(1, true), (2, true), (3, true), (4, true), (5, true)], "{:#?}", doc.blocks);
    assert!(!doc.blocks.iter().any(|block| matches!(block, Block::List { .. })));
    let Some(Block::Paragraph(court)) = doc.blocks.first() else { panic!("{:?}", doc.blocks.first()) };
    assert_eq!(court.align, Align::Center);
    assert!(matches!(&court.inlines[..], [Inline::Text { text, style }] if text == "{CourtName}" && style.bold), "{court:?}");
    assert!(doc.blocks.iter().any(|block| matches!(block, Block::Table { rows, .. } if rows.len() == 1 && rows[0].len() == 2)));
}

/// A reference document's footer (without relationships of its own) is used when the document
/// has no running header or footer, and not when it has one.
#[test]
fn a_reference_document_lends_its_footer_when_the_document_has_none() {
    let path = example_docx().into_iter().find(|path| path.ends_with("doc-with-toc.docx")).unwrap();
    let reference = std::fs::read(path).unwrap();
    let options = DocxOptions { reference: Some(reference), ..DocxOptions::default() };
    let doc = read_markdown("Body text.\n", &ReadOptions::default());
    let docx = write_docx(&doc, &options).unwrap();
    let parts = entries(&docx);
    assert!(parts.keys().any(|name| name.starts_with("word/footer")), "{:?}", parts.keys());
    let (read, _) = read_docx(&docx, &Limits::default()).unwrap();
    assert!(read.page.footer.center.iter().any(|i| matches!(i, Inline::Field { field: Field::PageNumber, .. })), "{:?}", read.page.footer);
    let mut metadata = BTreeMap::new();
    metadata.insert("FooterLeft".to_string(), "Own footer".to_string());
    let own = read_markdown("Body text.\n", &ReadOptions { metadata, ..ReadOptions::default() });
    let (read, _) = read_docx(&write_docx(&own, &options).unwrap(), &Limits::default()).unwrap();
    assert!(read.page.footer.center.is_empty(), "{:?}", read.page.footer);
    assert!(matches!(&read.page.footer.left[..], [Inline::Text { text, .. }] if text == "Own footer"), "{:?}", read.page.footer);
}
