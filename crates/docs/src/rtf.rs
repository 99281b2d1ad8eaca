//! RTF from the document model, in the spirit of docassemble's `Legal-Template.rtf` output:
//! the page setup (paper, margins, type size; Times), running headers and footers with page
//! fields (first page apart), paragraphs with their alignment, indentation, line spacing and
//! borders, headings, bulleted and numbered lists, tables as RTF tables, two-column blocks,
//! hyperlinks, and styled runs. Text is escaped (`\ { }`, non-ASCII as `\uN?`); nothing of
//! the input becomes an RTF control word. Images are left out (the writer has no bytes).

use std::fmt::Write as _;

use crate::model::{Align, Block, Doc, Field, Inline, Paragraph, Running, Spacing, Style};
use crate::{read_markdown, ReadOptions};

/// Converts Markdown (after Mako, with docassemble's markup codes) to an RTF document:
/// [`read_markdown`] with default options, then [`write_rtf`].
#[must_use]
pub fn markdown_to_rtf(markdown: &str) -> String {
    write_rtf(&read_markdown(markdown, &ReadOptions::default()))
}

/// Twips from points.
fn twips(points: f32) -> i64 {
    (f64::from(points) * 20.0).round() as i64
}

/// Half-points from points (`\fs`).
fn half_points(points: f32) -> i64 {
    (f64::from(points) * 2.0).round().clamp(2.0, 3276.0) as i64
}

/// Escapes text for RTF.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '\n' => out.push_str("\\line "),
            '\r' => {}
            '\t' => out.push_str("\\tab "),
            c if c.is_ascii_control() => {}
            c if c.is_ascii() => out.push(c),
            c => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    // RTF's \u takes a signed 16-bit number
                    let n = i32::from(*unit);
                    let n = if n > 32767 { n - 65536 } else { n };
                    let _ = write!(out, "\\u{n}?");
                }
            }
        }
    }
}

/// The control words of a run style, empty for plain text.
fn style_words(style: &Style) -> String {
    let mut words = String::new();
    if style.bold {
        words.push_str("\\b");
    }
    if style.italic {
        words.push_str("\\i");
    }
    if style.underline {
        words.push_str("\\ul");
    }
    if style.strike {
        words.push_str("\\strike");
    }
    if style.superscript {
        words.push_str("\\super");
    } else if style.subscript {
        words.push_str("\\sub");
    }
    if style.code {
        words.push_str("\\f1");
    }
    if let Some(size) = style.size {
        let _ = write!(words, "\\fs{}", half_points(size));
    }
    words
}

fn line_spacing(spacing: Spacing) -> u32 {
    match spacing {
        Spacing::Single => 240,
        Spacing::OneAndHalf => 360,
        Spacing::Double => 480,
        Spacing::Triple => 720,
    }
}

fn align_word(align: Align) -> &'static str {
    match align {
        Align::Left => "\\ql",
        Align::Center => "\\qc",
        Align::Right => "\\qr",
    }
}

/// Writes runs.
fn inlines(out: &mut String, items: &[Inline]) {
    for inline in items {
        match inline {
            Inline::Text { text, style } => {
                let words = style_words(style);
                if words.is_empty() {
                    escape_into(out, text);
                } else {
                    let _ = write!(out, "{{{words} ");
                    escape_into(out, text);
                    out.push('}');
                }
            }
            Inline::Link { url, inlines: inner } => {
                let target: String = url.chars().map(|c| if c == '"' { '\u{25}' } else { c }).collect();
                let target = target.replace('\u{25}', "%22");
                out.push_str("{\\field{\\*\\fldinst{HYPERLINK \"");
                escape_into(out, &target);
                out.push_str("\"}}{\\fldrslt{\\ul\\cf2 ");
                inlines(out, inner);
                out.push_str("}}}");
            }
            Inline::LineBreak => out.push_str("\\line "),
            Inline::Tab => out.push_str("\\tab "),
            Inline::Field { field, style } => {
                let instruction = match field {
                    Field::PageNumber => "PAGE",
                    Field::TotalPages => "NUMPAGES",
                    Field::SectionNumber => continue,
                };
                let words = style_words(style);
                let _ = write!(out, "{{{words}\\field{{\\*\\fldinst {instruction}}}{{\\fldrslt 1}}}}");
            }
            Inline::Blank => out.push_str("____________________"),
            Inline::Checkbox => out.push_str("\\u9744?"),
            Inline::Redaction { text } => {
                for c in text.chars() {
                    out.push_str(if c.is_whitespace() { " " } else { "\\u9608?" });
                }
            }
            Inline::Image { .. } => {}
        }
    }
}

/// Where a block stands: extra left indentation in points, list depth.
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    indent: f32,
    depth: usize,
}

/// The RTF writer's state: the body type size.
struct Writer {
    font_size: f32,
    text_width: f32,
}

impl Writer {
    fn paragraph(&self, out: &mut String, paragraph: &Paragraph, context: Context, marker: Option<&str>) {
        let _ = write!(out, "{{\\pard\\plain\\f0\\fs{}{}", half_points(self.font_size), align_word(paragraph.align));
        let _ = write!(out, "\\sl{}\\slmult1\\sa{}", line_spacing(paragraph.spacing), twips(paragraph.space_after).max(0));
        let left = paragraph.left_indent + context.indent;
        let first = if marker.is_some() { -18.0 } else { paragraph.first_line_indent };
        if left != 0.0 {
            let _ = write!(out, "\\li{}", twips(left));
        }
        if paragraph.right_indent != 0.0 {
            let _ = write!(out, "\\ri{}", twips(paragraph.right_indent));
        }
        if first != 0.0 {
            let _ = write!(out, "\\fi{}", twips(first));
        }
        if paragraph.border {
            out.push_str("\\box\\brdrs\\brdrw10\\brsp80");
        }
        out.push(' ');
        if let Some(marker) = marker {
            let _ = write!(out, "{marker}\\tab ");
        }
        inlines(out, &paragraph.inlines);
        out.push_str("\\par}\n");
    }

    fn heading(&self, out: &mut String, level: u8, items: &[Inline], context: Context) {
        let size = match level {
            1 => self.font_size * 4.0 / 3.0,
            2 => self.font_size * 7.0 / 6.0,
            _ => self.font_size,
        };
        let _ = write!(out, "{{\\pard\\plain\\f0\\keepn\\sb240\\sa120\\b\\fs{}", half_points(size));
        if context.indent != 0.0 {
            let _ = write!(out, "\\li{}", twips(context.indent));
        }
        out.push(' ');
        inlines(out, items);
        out.push_str("\\par}\n");
    }

    fn blocks(&self, out: &mut String, blocks: &[Block], context: Context) {
        for block in blocks {
            self.block(out, block, context);
        }
    }

    fn block(&self, out: &mut String, block: &Block, context: Context) {
        match block {
            Block::Paragraph(paragraph) => self.paragraph(out, paragraph, context, None),
            Block::Heading { level, inlines: items, .. } => self.heading(out, *level, items, context),
            Block::List { ordered, start, items } => self.list(out, *ordered, *start, items, context),
            Block::Table { align, header, rows } => self.table(out, align, header, rows),
            Block::Quote { blocks } => self.blocks(out, blocks, Context { indent: context.indent + 36.0, ..context }),
            Block::Columns { left, right, caption } => self.columns(out, left, right, *caption),
            Block::Rule => out.push_str("{\\pard\\plain\\brdrb\\brdrs\\brdrw10\\brsp20 \\par}\n"),
            Block::PageBreak => out.push_str("\\page\n"),
            Block::Skip { amount } => {
                let _ = writeln!(out, "{{\\pard\\plain\\sl-{}\\slmult0 \\par}}", twips(*amount).max(20));
            }
        }
    }

    fn list(&self, out: &mut String, ordered: bool, start: u64, items: &[Vec<Block>], context: Context) {
        let indent = context.indent + 36.0;
        let inner = Context { indent, depth: context.depth + 1 };
        for (index, item) in items.iter().enumerate() {
            let marker = if ordered { format!("{}.", start.saturating_add(index as u64)) } else { "\\bullet".to_string() };
            let mut rest: &[Block] = item;
            match item.first() {
                Some(Block::Paragraph(paragraph)) => {
                    self.paragraph(out, paragraph, inner, Some(&marker));
                    rest = &item[1..];
                }
                Some(Block::Heading { inlines: items, .. }) => {
                    let paragraph = Paragraph::plain(items.clone());
                    self.paragraph(out, &paragraph, inner, Some(&marker));
                    rest = &item[1..];
                }
                _ => self.paragraph(out, &Paragraph::plain(Vec::new()), inner, Some(&marker)),
            }
            self.blocks(out, rest, inner);
        }
    }

    /// A table row: cell boundaries, then each cell's runs.
    fn row(&self, out: &mut String, cells: &[Vec<Inline>], columns: usize, align: &[Align], options: RowOptions) {
        let width = twips(self.text_width) / columns.max(1) as i64;
        out.push_str("\\trowd\\trgaph108\\trleft0");
        if options.header {
            out.push_str("\\trhdr");
        }
        for index in 0..columns {
            if options.borders {
                out.push_str("\\clbrdrt\\brdrs\\brdrw10\\clbrdrl\\brdrs\\brdrw10\\clbrdrb\\brdrs\\brdrw10\\clbrdrr\\brdrs\\brdrw10");
            } else if options.caption && index == 0 {
                out.push_str("\\clbrdrr\\brdrs\\brdrw10");
            }
            let _ = write!(out, "\\cellx{}", width * (index as i64 + 1));
        }
        out.push('\n');
        for index in 0..columns {
            let _ = write!(out, "\\pard\\plain\\intbl\\f0\\fs{}{} ", half_points(self.font_size), align_word(align.get(index).copied().unwrap_or_default()));
            if options.header {
                out.push_str("{\\b ");
            }
            if let Some(cell) = cells.get(index) {
                inlines(out, cell);
            }
            if options.header {
                out.push('}');
            }
            out.push_str("\\cell\n");
        }
        out.push_str("\\row\n");
    }

    fn table(&self, out: &mut String, align: &[Align], header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) {
        let columns = rows.iter().map(Vec::len).chain([header.len(), align.len(), 1]).max().unwrap_or(1);
        if !header.is_empty() {
            self.row(out, header, columns, align, RowOptions { header: true, borders: true, caption: false });
        }
        for row in rows {
            self.row(out, row, columns, align, RowOptions { header: false, borders: true, caption: false });
        }
        out.push_str("\\pard\n");
    }

    fn columns(&self, out: &mut String, left: &[Block], right: &[Block], caption: bool) {
        let cells = [flatten(left), flatten(right)];
        self.row(out, &cells, 2, &[], RowOptions { header: false, borders: false, caption });
        out.push_str("\\pard\n");
    }

    fn running(&self, out: &mut String, destination: &str, running: &Running) {
        let width = twips(self.text_width);
        let _ = write!(out, "{{\\{destination}\\pard\\plain\\f0\\fs{}\\tqc\\tx{}\\tqr\\tx{width} ", half_points(self.font_size), width / 2);
        inlines(out, &running.left);
        if !running.center.is_empty() || !running.right.is_empty() {
            out.push_str("\\tab ");
            inlines(out, &running.center);
        }
        if !running.right.is_empty() {
            out.push_str("\\tab ");
            inlines(out, &running.right);
        }
        out.push_str("\\par}\n");
    }
}

#[derive(Debug, Clone, Copy)]
struct RowOptions {
    header: bool,
    borders: bool,
    caption: bool,
}

/// The runs of blocks set in a table cell: paragraphs separated by line breaks.
fn flatten(blocks: &[Block]) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let push = |items: &[Inline], out: &mut Vec<Inline>| {
        if !out.is_empty() {
            out.push(Inline::LineBreak);
        }
        out.extend(items.iter().cloned());
    };
    for block in blocks {
        match block {
            Block::Paragraph(paragraph) => push(&paragraph.inlines, &mut out),
            Block::Heading { inlines: items, .. } => push(items, &mut out),
            Block::List { items, .. } => items.iter().for_each(|item| push(&flatten(item), &mut out)),
            Block::Quote { blocks } => push(&flatten(blocks), &mut out),
            Block::Columns { left, right, .. } => {
                push(&flatten(left), &mut out);
                push(&flatten(right), &mut out);
            }
            Block::Table { header, rows, .. } => {
                for row in std::iter::once(header).chain(rows.iter()).filter(|row| !row.is_empty()) {
                    let mut line: Vec<Inline> = Vec::new();
                    for (index, cell) in row.iter().enumerate() {
                        if index > 0 {
                            line.push(Inline::Tab);
                        }
                        line.extend(cell.iter().cloned());
                    }
                    push(&line, &mut out);
                }
            }
            Block::Rule | Block::PageBreak | Block::Skip { .. } => {}
        }
    }
    out
}

/// The RTF document for `doc`.
#[must_use]
pub fn write_rtf(doc: &Doc) -> String {
    let page = &doc.page;
    let writer = Writer { font_size: page.font_size, text_width: (page.width - page.margins.left - page.margins.right).max(72.0) };
    let mut out = String::from(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1\n{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fmodern\\fcharset0 Courier New;}}\n\
{\\colortbl;\\red0\\green0\\blue0;\\red5\\green99\\blue193;}\n",
    );
    let _ = write!(
        out,
        "\\paperw{}\\paperh{}\\margl{}\\margr{}\\margt{}\\margb{}\\widowctrl",
        twips(page.width),
        twips(page.height),
        twips(page.margins.left),
        twips(page.margins.right),
        twips(page.margins.top),
        twips(page.margins.bottom)
    );
    if page.width > page.height {
        out.push_str("\\landscape");
    }
    let runnings = [&page.first_header, &page.first_footer, &page.header, &page.footer];
    if runnings.iter().any(|running| !running.is_empty()) {
        out.push_str("\\titlepg\n");
        writer.running(&mut out, "headerf", &page.first_header);
        writer.running(&mut out, "footerf", &page.first_footer);
        writer.running(&mut out, "header", &page.header);
        writer.running(&mut out, "footer", &page.footer);
    } else {
        out.push('\n');
    }
    let _ = writeln!(out, "\\f0\\fs{}", half_points(page.font_size));
    writer.blocks(&mut out, &doc.blocks, Context::default());
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn balanced(rtf: &str) -> bool {
        let mut depth = 0i32;
        let mut chars = rtf.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth < 0 {
                        return false;
                    }
                }
                _ => {}
            }
        }
        depth == 0
    }

    #[test]
    fn paragraphs_codes_and_escapes() {
        let rtf = markdown_to_rtf("[BOLDCENTER] My Life Story\n\nHello, *wörld* {x} \\ y[NEWLINE]Page [PAGENUM]\n\n- one\n- two\n");
        assert!(rtf.starts_with("{\\rtf1\\ansi"));
        assert!(rtf.trim_end().ends_with('}'));
        assert!(rtf.contains("\\qc\\sl240\\slmult1\\sa0 {\\b My Life Story}\\par}"), "{rtf}");
        assert!(rtf.contains("Hello, {\\i w\\u246?rld} \\{x\\} \\\\ y\\line Page {\\field{\\*\\fldinst PAGE}"), "{rtf}");
        assert!(rtf.contains("\\bullet\\tab one\\par}") && rtf.contains("\\bullet\\tab two\\par}"), "{rtf}");
        assert!(balanced(&rtf), "{rtf}");
    }

    #[test]
    fn astral_characters_are_surrogate_pairs_and_codes_without_rtf_are_dropped() {
        let rtf = markdown_to_rtf("a 😀 b [INDENTBY 1in] c [FILE x.png] d");
        assert!(rtf.contains("\\li1440 a \\u-10179?\\u-8704? b  c d\\par}"), "{rtf}");
    }

    #[test]
    fn page_setup_running_headers_tables_and_links() {
        let mut metadata = std::collections::BTreeMap::new();
        metadata.insert("FooterCenter".to_string(), "Page [PAGENUM]".to_string());
        metadata.insert("papersize".to_string(), "a4".to_string());
        let markdown = "## Fees\n\n| Name | Fee |\n|---|--:|\n| Ann | 10 |\n\n1. one\n2. two\n\nSee [the site](https://example.com/\"x\") [PAGEBREAK] end\n";
        let rtf = write_rtf(&read_markdown(markdown, &ReadOptions { metadata, ..ReadOptions::default() }));
        assert!(rtf.contains("\\titlepg"), "{rtf}");
        assert!(rtf.contains("{\\footer\\pard\\plain\\f0\\fs24\\tqc\\tx"), "{rtf}");
        assert!(rtf.contains("\\tab Page {\\field{\\*\\fldinst PAGE}{\\fldrslt 1}}\\par}"), "{rtf}");
        assert!(rtf.contains("\\trowd") && rtf.contains("\\trhdr") && rtf.contains("{\\b Fee}\\cell") && !rtf.contains("\\qr Ann"), "{rtf}");
        assert!(rtf.contains("\\qr 10\\cell"), "{rtf}");
        assert!(rtf.contains("1.\\tab one\\par}") && rtf.contains("2.\\tab two\\par}"), "{rtf}");
        assert!(rtf.contains("{\\field{\\*\\fldinst{HYPERLINK \"https://example.com/%22x%22\"}}{\\fldrslt{\\ul\\cf2 the site}}}"), "{rtf}");
        assert!(rtf.contains("\\page"), "{rtf}");
        assert!(balanced(&rtf), "{rtf}");
    }
}
