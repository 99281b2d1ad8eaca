//! Renders documents to PDF and reads them back with an independent reader (lopdf): the words,
//! the page count, hostile text kept literal, PDF/A markers, limits.

use std::collections::HashMap;

use docs::{read_markdown, ImageRef, ReadOptions};
use docs_pdf::{render_pdf, PdfError, PdfOptions};

/// A two-page letter: headings, bold, a list, a table, a page break and a page-number footer.
const LETTER: &str = "[BOLDCENTER] NOTICE TO LANDLORD

[FLUSHRIGHT] December 6, 2026

Dear **Olíve Martínez**,

# Facts

I, *Jöhn Smith*, have rented the apartment at 12 Elm Street since 2024. The heating has failed
three times this winter, and each time I asked for a repair in writing.

1. The first failure was on November 2.
2. The second failure was on November 19.
3. The third failure was on **December 1**.

| Date | Amount |
|:-----|-------:|
| November | $900 |
| December | $900 |

# Requests

## Repairs

Please repair the heating within fourteen days. [SKIPLINE] If the heating is not repaired, I will
ask the court for relief.

[PAGEBREAK]

# Signature

[SINGLESPACING]
Sincerely,

Jöhn Smith [BR] 12 Elm Street
";

fn letter_options() -> ReadOptions {
    ReadOptions {
        metadata: [
            (
                "FooterCenter".to_string(),
                "Page [PAGENUM] of [TOTALPAGES]".to_string(),
            ),
            (
                "FirstFooterCenter".to_string(),
                "First page [PAGENUM]".to_string(),
            ),
            ("HeaderRight".to_string(), "Smith v. Martínez".to_string()),
        ]
        .into_iter()
        .collect(),
        ..ReadOptions::default()
    }
}

fn pages_text(pdf: &[u8]) -> Vec<String> {
    let document = lopdf::Document::load_mem(pdf).expect("the PDF parses");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    pages
        .iter()
        .map(|page| document.extract_text(&[*page]).expect("text extracts"))
        .collect()
}

/// Text with all white space removed, so that line breaks do not matter.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn two_page_letter_renders_with_its_words() {
    let doc = read_markdown(LETTER, &letter_options());
    let options = PdfOptions {
        title: Some("Notice".into()),
        author: Some("Jöhn Smith".into()),
        ..PdfOptions::default()
    };
    let pdf = render_pdf(&doc, &options).expect("renders");
    assert!(pdf.starts_with(b"%PDF-"));
    let pages = pages_text(&pdf);
    assert_eq!(
        pages.len(),
        2,
        "the page break makes a second page: {pages:?}"
    );
    let first = squeeze(&pages[0]);
    for words in [
        "NOTICETOLANDLORD",
        "DearOlíveMartínez",
        "I.Facts",
        "Jöhn",
        "Thefirstfailure",
        "December1",
        "$900",
        "II.Requests",
        "A.Repairs",
        "Firstpage1",
    ] {
        assert!(
            first.contains(words),
            "page 1 lacks {words:?}: {}",
            pages[0]
        );
    }
    assert!(
        !first.contains("Smithv.Martínez"),
        "the first page shows only its own header"
    );
    let second = squeeze(&pages[1]);
    for words in [
        "III.Signature",
        "Sincerely",
        "12ElmStreet",
        "Page2of2",
        "Smithv.Martínez",
    ] {
        assert!(
            second.contains(words),
            "page 2 lacks {words:?}: {}",
            pages[1]
        );
    }
}

#[test]
fn hostile_text_comes_out_literally() {
    let hostile =
        r#"Name: #import "/etc/passwd": * ] $x^2$ \\ \ @label <tag> #{panic()} [unclosed"#;
    let markdown = format!(
        "{}\n",
        hostile
            .replace('\\', "\\\\")
            .replace('*', "\\*")
            .replace('<', "&lt;")
    );
    let doc = read_markdown(&markdown, &ReadOptions::default());
    let pdf = render_pdf(&doc, &PdfOptions::default()).expect("renders");
    let text = squeeze(&pages_text(&pdf).join(""));
    let expected = squeeze(hostile);
    assert!(
        text.contains(&expected),
        "expected {expected:?} in {text:?}"
    );
}

#[test]
fn pdf_a_flag_writes_pdf_a() {
    let doc = read_markdown("# Title\n\nArchival text, Jöhn.", &ReadOptions::default());
    let options = PdfOptions {
        title: Some("Archive".into()),
        pdf_a: true,
        created: Some(docs_pdf::Date {
            year: 2026,
            month: 12,
            day: 6,
        }),
        ..PdfOptions::default()
    };
    let pdf = render_pdf(&doc, &options).expect("renders as PDF/A");
    let document = lopdf::Document::load_mem(&pdf).expect("parses");
    let catalog = document.catalog().expect("catalog");
    let intents = catalog
        .get(b"OutputIntents")
        .expect("PDF/A has output intents");
    let intents = document
        .dereference(intents)
        .expect("resolves")
        .1
        .as_array()
        .expect("array")
        .clone();
    assert!(!intents.is_empty());
    let metadata = catalog
        .get(b"Metadata")
        .and_then(lopdf::Object::as_reference)
        .expect("XMP metadata");
    let stream = document
        .get_object(metadata)
        .and_then(lopdf::Object::as_stream)
        .expect("stream");
    let xmp = String::from_utf8_lossy(&stream.content).to_string();
    assert!(xmp.contains("pdfaid:part") && xmp.contains('2'), "{xmp}");
    assert!(
        xmp.contains("2026-12-06"),
        "the caller's date is written: {xmp}"
    );
    let undated = PdfOptions {
        pdf_a: true,
        ..PdfOptions::default()
    };
    assert!(
        render_pdf(&doc, &undated).is_ok(),
        "PDF/A without a date falls back to a fixed one"
    );

    let plain = render_pdf(&doc, &PdfOptions::default()).expect("renders");
    let plain = lopdf::Document::load_mem(&plain).expect("parses");
    assert!(
        plain
            .catalog()
            .expect("catalog")
            .get(b"OutputIntents")
            .is_err(),
        "plain PDFs are not PDF/A"
    );
}

#[test]
fn tagged_flag_writes_a_structure_tree() {
    let doc = read_markdown("# Title\n\nTagged.", &ReadOptions::default());
    let tagged = render_pdf(
        &doc,
        &PdfOptions {
            tagged: true,
            ..PdfOptions::default()
        },
    )
    .expect("renders");
    let tagged = lopdf::Document::load_mem(&tagged).expect("parses");
    assert!(tagged
        .catalog()
        .expect("catalog")
        .get(b"StructTreeRoot")
        .is_ok());
    let untagged = render_pdf(&doc, &PdfOptions::default()).expect("renders");
    let untagged = lopdf::Document::load_mem(&untagged).expect("parses");
    assert!(untagged
        .catalog()
        .expect("catalog")
        .get(b"StructTreeRoot")
        .is_err());
}

/// A 2×2 red PNG.
fn png() -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let chunk = |out: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
    };
    chunk(&mut out, b"IHDR", &[0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
    // zlib stream, stored block: two rows of filter byte 0 + 2 RGB pixels.
    let raw = [0u8, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0];
    let mut zlib = vec![
        0x78,
        0x01,
        0x01,
        raw.len() as u8,
        0,
        !(raw.len() as u8),
        0xff,
    ];
    zlib.extend_from_slice(&raw);
    zlib.extend_from_slice(&adler32(&raw).to_be_bytes());
    chunk(&mut out, b"IDAT", &zlib);
    chunk(&mut out, b"IEND", &[]);
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for byte in data {
        a = (a + u32::from(*byte)) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

#[test]
fn images_are_placed_and_unknown_ones_left_out() {
    let read = ReadOptions {
        images: HashMap::from([(ImageRef::File("signature.png".into()), "sig".into())]),
        ..ReadOptions::default()
    };
    let doc = read_markdown(
        "Signed: [FILE signature.png, 1in, Signature] [FILE other.png] done.",
        &read,
    );
    let options = PdfOptions {
        images: HashMap::from([("sig".to_string(), png())]),
        ..PdfOptions::default()
    };
    let pdf = render_pdf(&doc, &options).expect("renders");
    let document = lopdf::Document::load_mem(&pdf).expect("parses");
    let images = document
        .objects
        .values()
        .filter_map(|object| object.as_stream().ok())
        .filter(|stream| {
            stream
                .dict
                .get(b"Subtype")
                .and_then(lopdf::Object::as_name)
                .is_ok_and(|n| n == b"Image")
        })
        .count();
    assert!(images >= 1, "the image is embedded");
    assert!(squeeze(&pages_text(&pdf).join("")).contains("Signed:done."));

    let broken = PdfOptions {
        images: HashMap::from([("sig".to_string(), b"not an image".to_vec())]),
        ..PdfOptions::default()
    };
    assert!(matches!(
        render_pdf(&doc, &broken),
        Err(PdfError::Layout(_))
    ));
}

#[test]
fn limits_give_errors_not_crashes() {
    let nested = format!("{}deep\n", "> ".repeat(40));
    let doc = read_markdown(&nested, &ReadOptions::default());
    assert!(matches!(
        render_pdf(&doc, &PdfOptions::default()),
        Err(PdfError::TooDeep(_))
    ));

    let huge = "word ".repeat(2_000_000);
    let doc = read_markdown(&huge, &ReadOptions::default());
    assert!(matches!(
        render_pdf(&doc, &PdfOptions::default()),
        Err(PdfError::TooLarge(_))
    ));
}

#[test]
fn every_markup_code_typesets() {
    let markdown = "[CENTER] Centered [NEWLINE] line\n\n[INDENTBY 1in 1in] [BORDER] Boxed and indented.\n\n\
        [ONEANDAHALFSPACING] Spaced [TAB] tab [BLANK] blank [CHECKBOX] box [REDACTION_WORD hidden] \
        [NBSP] [EMDASH] [ENDASH] [HYPHEN] section [SECTIONNUM] page [PAGENUM] of [TOTALPAGES]\n\n\
        [TRIPLESPACING] Triple.\n\n[TIGHTSPACING] > quoted\n\n---\n\n- a\n  - b\n\n```\ncode #x\n```\n\n\
        [Link](https://example.org) [bad](javascript:alert(1))\n\n### Third {-}\n";
    let doc = read_markdown(markdown, &ReadOptions::default());
    let pdf = render_pdf(&doc, &PdfOptions::default()).expect("renders");
    let text = squeeze(&pages_text(&pdf).join(""));
    for words in [
        "Centeredline",
        "Boxedandindented.",
        "section",
        "page1of1",
        "code#x",
        "Link",
        "bad",
        "Third",
    ] {
        assert!(text.contains(words), "lacks {words:?}: {text}");
    }
    assert!(!text.contains("hidden"), "redacted text is not written");
}
