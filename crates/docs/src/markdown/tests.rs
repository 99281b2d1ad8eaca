//! Tests of the Markdown reader: Markdown structure, markup codes, layout state and metadata.

use std::collections::{BTreeMap, HashMap};

use super::{read, ImageRef, ReadOptions};
use crate::model::{Align, Block, Field, Inline, Paragraph, Spacing, Style, Width};

fn doc(markdown: &str) -> Vec<Block> {
    read(markdown, &ReadOptions::default()).blocks
}

fn text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::Link { inlines, .. } => out.push_str(&text(inlines)),
            Inline::LineBreak => out.push('\n'),
            Inline::Tab => out.push('\t'),
            Inline::Field { field, .. } => out.push_str(&format!("<{field:?}>")),
            Inline::Blank => out.push_str("<blank>"),
            Inline::Checkbox => out.push_str("<checkbox>"),
            Inline::Redaction { text } => out.push_str(&format!("<redacted {text}>")),
            Inline::Image { name, .. } => out.push_str(&format!("<image {name}>")),
        }
    }
    out
}

fn paragraph(block: &Block) -> &Paragraph {
    match block {
        Block::Paragraph(p) => p,
        other => panic!("not a paragraph: {other:?}"),
    }
}

#[test]
fn paragraphs_headings_and_emphasis() {
    let blocks = doc("# Facts\n\nThe **tenant**, *Jöhn*,\npaid ~~late~~.\n\n## Relief {-}\n");
    assert_eq!(blocks.len(), 3);
    assert!(
        matches!(&blocks[0], Block::Heading { level: 1, numbered: true, inlines, .. } if text(inlines) == "Facts")
    );
    let p = paragraph(&blocks[1]);
    assert_eq!(text(&p.inlines), "The tenant, Jöhn, paid late.");
    assert!(p
        .inlines
        .iter()
        .any(|i| matches!(i, Inline::Text { text, style } if text == "tenant" && style.bold)));
    assert!(p
        .inlines
        .iter()
        .any(|i| matches!(i, Inline::Text { text, style } if text == "Jöhn" && style.italic)));
    assert!(p
        .inlines
        .iter()
        .any(|i| matches!(i, Inline::Text { text, style } if text == "late" && style.strike)));
    assert!(
        matches!(&blocks[2], Block::Heading { level: 2, numbered: false, inlines, .. } if text(inlines) == "Relief")
    );
}

#[test]
fn default_layout_is_double_spaced_and_indented_single_spacing_metadata_changes_it() {
    let blocks = doc("Body text.");
    let p = paragraph(&blocks[0]);
    assert_eq!(
        (p.spacing, p.space_after, p.first_line_indent),
        (Spacing::Double, 0.0, 36.0)
    );

    let mut options = ReadOptions::default();
    options
        .metadata
        .insert("SingleSpacing".into(), "True".into());
    let blocks = read("Body text.", &options).blocks;
    let p = paragraph(&blocks[0]);
    assert_eq!(
        (p.spacing, p.space_after, p.first_line_indent),
        (Spacing::Single, 12.0, 0.0)
    );
}

#[test]
fn spacing_codes_are_stateful() {
    let blocks = doc("One.\n\n[SINGLESPACING] Two.\n\nThree.\n\n[DOUBLESPACING]\nFour.");
    let spacings: Vec<Spacing> = blocks.iter().map(|b| paragraph(b).spacing).collect();
    assert_eq!(
        spacings,
        [
            Spacing::Double,
            Spacing::Single,
            Spacing::Single,
            Spacing::Double
        ]
    );
    assert_eq!(text(&paragraph(&blocks[1]).inlines), "Two.");
}

#[test]
fn alignment_codes_shape_their_paragraph_only() {
    let blocks = doc("[BOLDCENTER] LAST WILL\n\n[FLUSHRIGHT] Dated today\n\n[INDENTBY 1in 0.5in] Quoted.\n\n[BORDER] Boxed.\n\n[NOINDENT] Plain.\n\nNormal.");
    let title = paragraph(&blocks[0]);
    assert_eq!(title.align, Align::Center);
    assert!(
        matches!(&title.inlines[0], Inline::Text { text, style } if text == "LAST WILL" && style.bold)
    );
    assert_eq!(paragraph(&blocks[1]).align, Align::Right);
    let indented = paragraph(&blocks[2]);
    assert_eq!(
        (
            indented.left_indent,
            indented.right_indent,
            indented.first_line_indent
        ),
        (72.0, 36.0, 0.0)
    );
    assert!(paragraph(&blocks[3]).border);
    assert_eq!(paragraph(&blocks[4]).first_line_indent, 0.0);
    let normal = paragraph(&blocks[5]);
    assert_eq!(
        (normal.align, normal.first_line_indent, normal.border),
        (Align::Left, 36.0, false)
    );
}

#[test]
fn inline_codes_become_runs() {
    let blocks = doc("A[BR]B[TAB]C [EMDASH] D[ENDASH]E[HYPHEN]F[NBSP]G [BLANK] [CHECKBOX] [REDACTION_WORD secret] page [PAGENUM] of [TOTALPAGES] in [SECTIONNUM]");
    let p = paragraph(&blocks[0]);
    assert_eq!(
        text(&p.inlines),
        "A\nB\tC \u{2014} D\u{2013}E-F\u{a0}G <blank> <checkbox> <redacted secret> page <PageNumber> of <TotalPages> in <SectionNumber>"
    );
}

#[test]
fn page_breaks_and_skips_split_paragraphs() {
    let blocks = doc("First.\n\n[PAGEBREAK]\n\nSecond [SKIPLINE] Third [NEWPAR] Fourth");
    assert!(matches!(blocks[1], Block::PageBreak));
    assert_eq!(text(&paragraph(&blocks[2]).inlines), "Second");
    assert!(matches!(blocks[3], Block::Skip { amount } if amount == 12.0));
    assert_eq!(text(&paragraph(&blocks[4]).inlines), "Third");
    assert_eq!(text(&paragraph(&blocks[5]).inlines), "Fourth");
    assert_eq!(blocks.len(), 6);
}

#[test]
fn lists_and_tables() {
    let blocks = doc("1. apples\n2. pears **ripe**\n\n- one\n- two\n\n| Item | Cost |\n|:-----|-----:|\n| Rent | $900 |\n| Fee | $10 |\n");
    match &blocks[0] {
        Block::List {
            ordered: true,
            start: 1,
            items,
        } => {
            assert_eq!(items.len(), 2);
            let p = paragraph(&items[1][0]);
            assert_eq!(text(&p.inlines), "pears ripe");
            assert_eq!(p.first_line_indent, 0.0);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&blocks[1], Block::List { ordered: false, items, .. } if items.len() == 2));
    match &blocks[2] {
        Block::Table {
            align,
            header,
            rows,
        } => {
            assert_eq!(align, &[Align::Left, Align::Right]);
            assert_eq!(text(&header[1]), "Cost");
            assert_eq!(rows.len(), 2);
            assert_eq!(text(&rows[0][1]), "$900");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn images_resolve_through_the_caller_list_or_are_left_out() {
    let options = ReadOptions {
        images: HashMap::from([(ImageRef::File("sig.png".into()), "img0".into())]),
        ..ReadOptions::default()
    };
    let blocks = read(
        "Signed: [FILE sig.png, 2in, signature] [FILE missing.png] [QR hello]",
        &options,
    )
    .blocks;
    let p = paragraph(&blocks[0]);
    assert_eq!(text(&p.inlines), "Signed: <image img0>");
    assert!(
        matches!(&p.inlines[1], Inline::Image { width: Width::Points(w), alt: Some(a), .. } if *w == 144.0 && a == "signature")
    );
}

#[test]
fn unknown_brackets_links_and_hostile_text_stay_literal() {
    let blocks =
        doc("See [the court](https://court.example) [NAME] #import \"x\" $1 \\\\ @ref ] [");
    let p = paragraph(&blocks[0]);
    assert_eq!(
        text(&p.inlines),
        "See the court [NAME] #import \"x\" $1 \\ @ref ] ["
    );
    assert!(matches!(&p.inlines[1], Inline::Link { url, .. } if url == "https://court.example"));
}

#[test]
fn header_and_footer_metadata_are_read_as_markdown() {
    let options = ReadOptions {
        metadata: BTreeMap::from([
            (
                "FooterCenter".to_string(),
                "Page [PAGENUM] of [TOTALPAGES]".to_string(),
            ),
            (
                "FirstHeaderRight".to_string(),
                "**Case** 12[BR]Olíve".to_string(),
            ),
            ("fontsize".to_string(), "11pt".to_string()),
            ("papersize".to_string(), "a4paper".to_string()),
        ]),
        ..ReadOptions::default()
    };
    let doc = read("Body", &options);
    assert_eq!(
        text(&doc.page.footer.center),
        "Page <PageNumber> of <TotalPages>"
    );
    assert_eq!(text(&doc.page.first_header.right), "Case 12\nOlíve");
    assert!(doc.page.header.is_empty() && doc.page.first_footer.is_empty());
    assert_eq!(doc.page.font_size, 11.0);
    assert!((doc.page.width - 595.28).abs() < 0.01);
    assert!(
        matches!(&doc.page.footer.center[1], Inline::Field { field: Field::PageNumber, style } if *style == Style::default())
    );
}

#[test]
fn model_serialises_with_kind_tags() {
    let json = serde_json::to_string(&read("# T\n\nx [PAGENUM]", &ReadOptions::default()))
        .unwrap_or_default();
    assert!(
        json.contains(r#"{"kind":"heading","level":1,"numbered":true"#),
        "{json}"
    );
    assert!(
        json.contains(r#"{"kind":"field","field":"page_number""#),
        "{json}"
    );
}

#[test]
fn two_columns_and_captions_fold_into_columns() {
    let blocks = doc("Before.\n\n[BEGIN_CAPTION] Jöhn Smith,\nPlaintiff\n\nv.\n\n[VERTICAL_LINE] Case No. 12\n[END_CAPTION]\n\nAfter.\n\n[BEGIN_TWOCOL] Left [BREAK] Right [END_TWOCOL]");
    assert_eq!(blocks.len(), 4, "{blocks:#?}");
    match &blocks[1] {
        Block::Columns {
            left,
            right,
            caption: true,
        } => {
            assert_eq!(left.len(), 2);
            assert_eq!(text(&paragraph(&left[0]).inlines), "Jöhn Smith, Plaintiff");
            assert_eq!(paragraph(&left[0]).spacing, Spacing::Single);
            assert_eq!(paragraph(&left[0]).first_line_indent, 0.0);
            assert_eq!(text(&paragraph(&right[0]).inlines), "Case No. 12");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(text(&paragraph(&blocks[2]).inlines), "After.");
    assert_eq!(paragraph(&blocks[2]).first_line_indent, 36.0);
    assert!(
        matches!(&blocks[3], Block::Columns { left, right, caption: false } if left.len() == 1 && right.len() == 1)
    );
}

#[test]
fn unbalanced_columns_are_closed_at_the_end() {
    let blocks = doc("- [BEGIN_TWOCOL] a [BREAK] b\n- c\n\n[BEGIN_TWOCOL] open");
    assert!(
        matches!(&blocks[0], Block::List { items, .. } if matches!(items[0][0], Block::Columns { .. }))
    );
    assert!(
        matches!(&blocks[1], Block::Columns { left, right, .. } if left.len() == 1 && right.is_empty())
    );
}

#[test]
fn image_references_are_listed_once_in_order() {
    let refs = super::image_references(
        "[FILE pkg:data/static/a.png, 2in]\n\n![logo](http://x/packagestatic/p/b.png) [QR hello] [FILE pkg:data/static/a.png]",
    );
    assert_eq!(
        refs,
        vec![
            ImageRef::File("pkg:data/static/a.png".into()),
            ImageRef::Qr("hello".into()),
            ImageRef::File("http://x/packagestatic/p/b.png".into()),
        ]
    );
}
