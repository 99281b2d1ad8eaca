//! Arbitrary bytes as an uploaded .docx, read with `docs::read_docx` under small limits.
//!
//! Input starting with `PK` is read as the file itself (ZIP container, relationships, parts).
//! Any other input is split at 0xFF bytes into up to four XML parts — the main document,
//! styles, numbering and a header — packed with fixed relationships by `docs::Package`, so
//! that the fuzzer reaches the XML readers without having to learn the ZIP format first.
//!
//! Oracles besides "no panic, no hang, no OOM": a document that reads is written again with
//! `write_docx` (its images included) and as RTF, and the written .docx reads back.
#![no_main]

use docs::{read_docx, write_docx, write_rtf, DocxOptions, Limits, Package};
use libfuzzer_sys::fuzz_target;

const RELS: &str = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>\
<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.png\"/>\
<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.com/\" TargetMode=\"External\"/></Relationships>";

/// A 1×1 PNG header, enough for the writer to size the image.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

fn limits() -> Limits {
    Limits {
        max_input_bytes: 1 << 20,
        max_zip_entries: 64,
        max_entry_bytes: 1 << 20,
        max_total_bytes: 4 << 20,
        max_xml_depth: 64,
        ..Limits::default()
    }
}

fn package(data: &[u8]) -> Option<Vec<u8>> {
    let mut package = Package::default();
    package.set("_rels/.rels", RELS.as_bytes().to_vec());
    package.set("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes().to_vec());
    package.set("word/media/image1.png", PNG.to_vec());
    let names = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml"];
    for (name, part) in names.iter().zip(data.split(|b| *b == 0xFF)) {
        package.set(name, part.to_vec());
    }
    package.write().ok()
}

fuzz_target!(|data: &[u8]| {
    let limits = limits();
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        match package(data) {
            Some(bytes) => bytes,
            None => return,
        }
    };
    let Ok((doc, images)) = read_docx(&bytes, &limits) else { return };
    let _ = write_rtf(&doc);
    let options = DocxOptions { images, ..DocxOptions::default() };
    let written = match write_docx(&doc, &options) {
        Ok(written) => written,
        Err(err) => panic!("a document that reads does not write: {err}"),
    };
    if let Err(err) = read_docx(&written, &Limits::default()) {
        panic!("a written document does not read back: {err}");
    }
});
