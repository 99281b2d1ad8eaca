//! Every example DOCX template goes through patching and a marker-filling renderer, and the
//! result is re-opened with independent readers (the zip crate and quick-xml).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::io::Read;
use std::path::PathBuf;

use docs::docx::jinja::{scan, Token};
use docs::docx::{escape_value, DocxTemplate, PartRenderer, TemplatePart, ValueKind};
use docs::Limits;
use quick_xml::events::Event;

/// The example packages (`$COLLOQUY_EXAMPLES`, or the shared copy beside the checkout).
fn packages() -> PathBuf {
    std::env::var_os("COLLOQUY_EXAMPLES").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/docassemble-examples/packages")
    })
}

fn examples() -> Vec<PathBuf> {
    let root = packages();
    let mut found = Vec::new();
    for package in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        let templates = package.path().join("data/templates");
        for entry in std::fs::read_dir(&templates).into_iter().flatten().flatten() {
            if entry.path().extension().is_some_and(|ext| ext == "docx") {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    found
}

/// Drops statements (every branch and loop body is kept once) and writes a marker for every
/// `{{ }}`: inside a text run a text marker, in an attribute value a number, elsewhere a
/// paragraph holding the marker (as a `{{p }}` value would be).
#[derive(Default)]
struct MarkerRenderer {
    markers: Vec<String>,
}

fn marker_for(expr: &str) -> String {
    let head: String = expr.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.').collect();
    format!("MARK<{head}>&")
}

impl PartRenderer for MarkerRenderer {
    type Error = String;
    fn render_part(&mut self, part: &TemplatePart) -> Result<String, String> {
        let tokens = scan(&part.source).map_err(|err| format!("{}: {}", err.offset, err.message))?;
        let mut out = String::new();
        for token in tokens {
            match token {
                Token::Text(text) => out.push_str(&text),
                Token::Expr(expr) => {
                    let in_text = out.rfind("<w:t").is_some_and(|open| {
                        out.rfind("</w:t>").is_none_or(|close| close < open) && !out[open..].starts_with("<w:tbl")
                            && !out[open..].starts_with("<w:tc") && !out[open..].starts_with("<w:tr")
                    });
                    let marker = marker_for(&expr);
                    if out.ends_with("=\"") {
                        out.push('1');
                    } else if in_text {
                        out.push_str(&escape_value(&marker, ValueKind::Text));
                        self.markers.push(marker);
                    } else {
                        out.push_str(&format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", escape_value(&marker, ValueKind::Text)));
                        self.markers.push(marker);
                    }
                }
                Token::Stmt(_) | Token::Comment => {}
            }
        }
        Ok(out)
    }
}

/// The text of every `<w:t>` of a part, read with quick-xml, with its maximum depth.
fn read_text(xml: &str) -> (String, usize) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut text = String::new();
    let mut in_t = false;
    let mut depth = 0;
    let mut max_depth = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Start(start)) => {
                depth += 1;
                max_depth = max_depth.max(depth);
                in_t = start.name().as_ref() == "w:t";
            }
            Ok(Event::End(_)) => {
                depth -= 1;
                in_t = false;
            }
            Ok(Event::Text(t)) if in_t => text.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            Ok(Event::GeneralRef(r)) if in_t => {
                let name: &str = r.as_ref();
                text.push_str(match name {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                });
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(err) => panic!("output XML does not parse: {err}"),
        }
    }
    (text, max_depth)
}

#[test]
fn every_example_template_renders_to_a_readable_docx_with_its_markers() {
    let files = examples();
    assert!(files.len() >= 45, "expected the 45 example templates, found {}", files.len());
    let mut with_tags = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap_or_default();
        let template = DocxTemplate::open(&bytes, &Limits::default())
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        for part in template.parts() {
            for leftover in ["{%p ", "{%tr ", "{%tc ", "{%r ", "{{p ", "{{r ", "{#p "] {
                assert!(!part.source.contains(leftover), "{}: {} keeps {leftover}", path.display(), part.name);
            }
        }
        let mut renderer = MarkerRenderer::default();
        let output = template.render(&mut renderer).unwrap_or_else(|err| panic!("{}: {err}", path.display()));

        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(output)).expect("output is a zip");
        let mut document = String::new();
        archive
            .by_name("word/document.xml")
            .expect("document part")
            .read_to_string(&mut document)
            .expect("utf-8");
        assert!(archive.by_name("[Content_Types].xml").is_ok());
        let (text, depth) = read_text(&document);
        assert!(depth > 2, "{}: document.xml is empty", path.display());
        assert!(!text.contains("{{") && !text.contains("{%"), "{}: unrendered tags remain: {text}", path.display());
        let body_markers: BTreeSet<&String> = renderer.markers.iter().collect();
        if !body_markers.is_empty() {
            with_tags += 1;
        }
        let body_free = template.variables();
        for marker in &body_markers {
            let in_any_part = text.contains(marker.as_str())
                || (0..archive.len()).any(|i| {
                    let mut entry = archive.by_index(i).expect("entry");
                    let mut xml = String::new();
                    entry.name().is_ok_and(|n| n.ends_with(".xml"))
                        && entry.read_to_string(&mut xml).is_ok()
                        && read_text(&xml).0.contains(marker.as_str())
                });
            assert!(in_any_part, "{}: marker {marker} missing", path.display());
        }
        if document.contains("MARK") {
            assert!(!body_free.is_empty(), "{}: markers but no free names", path.display());
        }
    }
    assert!(with_tags >= 37, "only {with_tags} templates had {{{{ }}}} tags");
}

#[test]
fn free_names_of_a_table_template() {
    let root = packages();
    let bytes = std::fs::read(root.join("docassemble.base/data/templates/table_template.docx")).unwrap_or_default();
    let template = DocxTemplate::open(&bytes, &Limits::default()).expect("opens");
    let body = template.body().map(|part| part.source.clone()).unwrap_or_default();
    assert!(body.contains("{% for fruit in seeds_of_fruit %}"), "{body}");
    assert!(!body.contains("{%tr"), "{body}");
    assert_eq!(template.variables(), vec!["seeds_of_fruit".to_string()]);
}

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// Our patching equals python-docx-template's own `patch_xml` on every templated part of the
/// examples (the hashes come from `fixtures/docxtpl_patch.py`, run against docxtpl 0.20.1).
#[test]
fn patching_matches_docxtpl_on_every_example_part() {
    let expected: Vec<(String, String)> = include_str!("../fixtures/docxtpl_patch_fnv.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once(' ').map(|(hash, key)| (key.to_string(), hash.to_string())))
        .collect();
    assert!(expected.len() >= 60, "{}", expected.len());
    let mut checked = 0;
    for path in examples() {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let package = docs::Package::read(&std::fs::read(&path).unwrap(), &Limits::default()).unwrap();
        let names: Vec<String> = package.names().map(str::to_string).collect();
        for name in names {
            let key = format!("{file}:{name}");
            let Some((_, hash)) = expected.iter().find(|(k, _)| *k == key) else { continue };
            let xml = package.get_text(&name).unwrap().unwrap();
            let ours = docs::docx::prepare_part(&name, xml).unwrap();
            assert_eq!(format!("{:016x}", fnv(&ours)), *hash, "{key} differs from docxtpl");
            checked += 1;
        }
    }
    assert_eq!(checked, expected.len());
}
