//! The body of a written .docx: blocks of the model as WordprocessingML paragraphs, lists
//! (numbering instances), tables, two-column blocks, and inline runs with their properties,
//! hyperlinks, fields, tabs, breaks and inline pictures.

use std::fmt::Write as _;

use super::image::pixel_size;
use super::parts::heading_style;
use super::write::Writer;
use super::{emu, escape_xml, escaped, twips};
use crate::model::{Align, Block, Field, Inline, Paragraph, Spacing, Style, Width};

/// Where a block stands: extra left indentation (quotes, list continuations) and list depth.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct BlockContext {
    indent: f32,
    depth: u8,
}

/// How runs are written: bold added (table headers), inside a hyperlink.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct RunContext {
    bold: bool,
    link: bool,
}

/// Paragraph properties to write.
#[derive(Debug, Default)]
struct ParagraphProps {
    style: Option<String>,
    numbering: Option<(u32, u8)>,
    border: bool,
    spacing: Option<(Spacing, f32)>,
    left: f32,
    right: f32,
    first_line: f32,
    align: Align,
}

fn line(spacing: Spacing) -> u32 {
    match spacing {
        Spacing::Single => 240,
        Spacing::OneAndHalf => 360,
        Spacing::Double => 480,
        Spacing::Triple => 720,
    }
}

fn paragraph_properties(out: &mut String, props: &ParagraphProps) {
    out.push_str("<w:pPr>");
    if let Some(style) = &props.style {
        let _ = write!(out, "<w:pStyle w:val=\"{}\"/>", escaped(style));
    }
    if let Some((id, level)) = props.numbering {
        let _ = write!(out, "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr>");
    }
    if props.border {
        out.push_str("<w:pBdr>");
        for side in ["top", "left", "bottom", "right"] {
            let _ = write!(out, "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"auto\"/>");
        }
        out.push_str("</w:pBdr>");
    }
    if let Some((spacing, after)) = props.spacing {
        let _ = write!(out, "<w:spacing w:before=\"0\" w:after=\"{}\" w:line=\"{}\" w:lineRule=\"auto\"/>", twips(after).max(0), line(spacing));
    }
    if props.left != 0.0 || props.right != 0.0 || props.first_line != 0.0 {
        let _ = write!(out, "<w:ind w:left=\"{}\" w:right=\"{}\"", twips(props.left), twips(props.right));
        if props.first_line < 0.0 {
            let _ = write!(out, " w:hanging=\"{}\"", twips(-props.first_line));
        } else if props.first_line > 0.0 {
            let _ = write!(out, " w:firstLine=\"{}\"", twips(props.first_line));
        }
        out.push_str("/>");
    }
    match props.align {
        Align::Left => {}
        Align::Center => out.push_str("<w:jc w:val=\"center\"/>"),
        Align::Right => out.push_str("<w:jc w:val=\"right\"/>"),
    }
    out.push_str("</w:pPr>");
}

fn run_properties(out: &mut String, style: &Style, context: RunContext, hyperlink_style: &str) {
    let mut props = String::new();
    if context.link {
        let _ = write!(props, "<w:rStyle w:val=\"{}\"/>", escaped(hyperlink_style));
    }
    if style.code {
        props.push_str("<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>");
    }
    if style.bold || context.bold {
        props.push_str("<w:b/><w:bCs/>");
    }
    if style.italic {
        props.push_str("<w:i/><w:iCs/>");
    }
    if style.strike {
        props.push_str("<w:strike/>");
    }
    if let Some(size) = style.size {
        let half_points = (size * 2.0).round().clamp(2.0, 3276.0) as i64;
        let _ = write!(props, "<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/>");
    }
    if style.underline {
        props.push_str("<w:u w:val=\"single\"/>");
    }
    if style.superscript {
        props.push_str("<w:vertAlign w:val=\"superscript\"/>");
    } else if style.subscript {
        props.push_str("<w:vertAlign w:val=\"subscript\"/>");
    }
    if !props.is_empty() {
        let _ = write!(out, "<w:rPr>{props}</w:rPr>");
    }
}

impl Writer<'_> {
    /// Writes `blocks` in `context`.
    pub(super) fn blocks(&mut self, out: &mut String, blocks: &[Block], context: BlockContext) {
        for block in blocks {
            self.block(out, block, context);
        }
    }

    fn block(&mut self, out: &mut String, block: &Block, context: BlockContext) {
        match block {
            Block::Paragraph(paragraph) => self.paragraph(out, paragraph, context, None),
            Block::Heading { level, inlines, .. } => {
                let props = ParagraphProps { style: Some(heading_style(*level)), left: context.indent, ..ParagraphProps::default() };
                self.paragraph_with(out, &props, inlines);
            }
            Block::List { ordered, start, items } => self.list(out, *ordered, *start, items, context),
            Block::Table { align, header, rows } => self.table(out, align, header, rows),
            Block::Quote { blocks } => {
                let inner = BlockContext { indent: context.indent + 36.0, ..context };
                self.blocks(out, blocks, inner);
            }
            Block::Columns { left, right, caption } => self.columns(out, left, right, *caption),
            Block::Rule => out.push_str(
                "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr></w:pPr></w:p>",
            ),
            Block::PageBreak => out.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"),
            Block::Skip { amount } => {
                let _ = write!(
                    out,
                    "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{}\" w:lineRule=\"exact\"/></w:pPr></w:p>",
                    twips(*amount).max(20)
                );
            }
        }
    }

    fn paragraph(&mut self, out: &mut String, paragraph: &Paragraph, context: BlockContext, numbering: Option<(u32, u8)>) {
        let props = ParagraphProps {
            style: None,
            numbering,
            border: paragraph.border,
            spacing: Some((paragraph.spacing, paragraph.space_after)),
            left: if numbering.is_some() { 0.0 } else { paragraph.left_indent + context.indent },
            right: paragraph.right_indent,
            first_line: if numbering.is_some() { 0.0 } else { paragraph.first_line_indent },
            align: paragraph.align,
        };
        self.paragraph_with(out, &props, &paragraph.inlines);
    }

    fn paragraph_with(&mut self, out: &mut String, props: &ParagraphProps, inlines: &[Inline]) {
        out.push_str("<w:p>");
        paragraph_properties(out, props);
        self.inlines(out, inlines, RunContext::default());
        out.push_str("</w:p>");
    }

    fn list(&mut self, out: &mut String, ordered: bool, start: u64, items: &[Vec<Block>], context: BlockContext) {
        let level = context.depth.min(8);
        let id = self.numbering_for(ordered, level, start);
        let continuation = BlockContext { indent: 36.0 * f32::from(level + 1), depth: context.depth };
        for item in items {
            let mut rest: &[Block] = item;
            match item.first() {
                Some(Block::Paragraph(paragraph)) => {
                    self.paragraph(out, paragraph, context, Some((id, level)));
                    rest = &item[1..];
                }
                Some(Block::Heading { inlines, .. }) => {
                    let props = ParagraphProps { numbering: Some((id, level)), ..ParagraphProps::default() };
                    self.paragraph_with(out, &props, inlines);
                    rest = &item[1..];
                }
                _ => {
                    let props = ParagraphProps { numbering: Some((id, level)), ..ParagraphProps::default() };
                    self.paragraph_with(out, &props, &[]);
                }
            }
            for block in rest {
                match block {
                    Block::List { ordered, start, items } => {
                        let nested = BlockContext { indent: 0.0, depth: context.depth.saturating_add(1) };
                        self.list(out, *ordered, *start, items, nested);
                    }
                    other => self.block(out, other, continuation),
                }
            }
        }
    }

    fn table_start(&self, out: &mut String, columns: usize, borders: bool) -> i64 {
        let width = twips(self.text_width);
        let column = width / columns.max(1) as i64;
        let _ = write!(out, "<w:tbl><w:tblPr><w:tblW w:w=\"{width}\" w:type=\"dxa\"/>");
        if borders {
            out.push_str("<w:tblBorders>");
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                let _ = write!(out, "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>");
            }
            out.push_str("</w:tblBorders>");
        }
        out.push_str("<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
        for _ in 0..columns.max(1) {
            let _ = write!(out, "<w:gridCol w:w=\"{column}\"/>");
        }
        out.push_str("</w:tblGrid>");
        column
    }

    fn table(&mut self, out: &mut String, align: &[Align], header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) {
        let columns = rows.iter().map(Vec::len).chain([header.len(), align.len(), 1]).max().unwrap_or(1);
        let column = self.table_start(out, columns, true);
        let all_rows = (!header.is_empty()).then_some((true, header)).into_iter().chain(rows.iter().map(|row| (false, row.as_slice())));
        for (is_header, cells) in all_rows {
            out.push_str("<w:tr>");
            if is_header {
                out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
            }
            for index in 0..columns {
                let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{column}\" w:type=\"dxa\"/></w:tcPr><w:p>");
                let props = ParagraphProps { align: align.get(index).copied().unwrap_or_default(), ..ParagraphProps::default() };
                paragraph_properties(out, &props);
                if let Some(cell) = cells.get(index) {
                    self.inlines(out, cell, RunContext { bold: is_header, link: false });
                }
                out.push_str("</w:p></w:tc>");
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl><w:p/>");
    }

    fn columns(&mut self, out: &mut String, left: &[Block], right: &[Block], caption: bool) {
        let column = self.table_start(out, 2, false);
        out.push_str("<w:tr>");
        for (index, blocks) in [left, right].into_iter().enumerate() {
            let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{column}\" w:type=\"dxa\"/>");
            if caption && index == 0 {
                out.push_str("<w:tcBorders><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/></w:tcBorders>");
            }
            out.push_str("</w:tcPr>");
            let before = out.len();
            self.blocks(out, blocks, BlockContext::default());
            if out.len() == before || !out.ends_with("</w:p>") {
                out.push_str("<w:p/>");
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr></w:tbl><w:p/>");
    }

    /// Writes inline runs.
    pub(super) fn inlines(&mut self, out: &mut String, inlines: &[Inline], context: RunContext) {
        for inline in inlines {
            self.inline(out, inline, context);
        }
    }

    fn run(&self, out: &mut String, style: &Style, context: RunContext, content: &str) {
        out.push_str("<w:r>");
        run_properties(out, style, context, &self.hyperlink_style);
        out.push_str(content);
        out.push_str("</w:r>");
    }

    fn text_run(&self, out: &mut String, text: &str, style: &Style, context: RunContext) {
        let mut content = String::new();
        for (index, line) in text.split('\n').enumerate() {
            if index > 0 {
                content.push_str("<w:br/>");
            }
            for (index, piece) in line.split('\t').enumerate() {
                if index > 0 {
                    content.push_str("<w:tab/>");
                }
                if !piece.is_empty() {
                    content.push_str("<w:t xml:space=\"preserve\">");
                    escape_xml(&mut content, piece);
                    content.push_str("</w:t>");
                }
            }
        }
        self.run(out, style, context, &content);
    }

    fn inline(&mut self, out: &mut String, inline: &Inline, context: RunContext) {
        let plain = Style::default();
        match inline {
            Inline::Text { text, style } => self.text_run(out, text, style, context),
            Inline::Link { url, inlines } if !context.link => {
                let inner = RunContext { link: true, ..context };
                if let Some(anchor) = url.strip_prefix('#') {
                    let _ = write!(out, "<w:hyperlink w:anchor=\"{}\">", escaped(anchor));
                } else {
                    let id = self.relate("hyperlink", url.clone(), true);
                    let _ = write!(out, "<w:hyperlink r:id=\"{id}\">");
                }
                self.inlines(out, inlines, inner);
                out.push_str("</w:hyperlink>");
            }
            Inline::Link { inlines, .. } => self.inlines(out, inlines, context),
            Inline::LineBreak => self.run(out, &plain, context, "<w:br/>"),
            Inline::Tab => self.run(out, &plain, context, "<w:tab/>"),
            Inline::Field { field, style } => {
                let instruction = match field {
                    Field::PageNumber => "PAGE",
                    Field::TotalPages => "NUMPAGES",
                    Field::SectionNumber => return,
                };
                let _ = write!(out, "<w:fldSimple w:instr=\" {instruction} \">");
                self.run(out, style, context, "<w:t>1</w:t>");
                out.push_str("</w:fldSimple>");
            }
            Inline::Blank => self.text_run(out, "____________________", &plain, context),
            Inline::Checkbox => self.text_run(out, "\u{2610}", &plain, context),
            Inline::Redaction { text } => {
                let bars: String = text.chars().map(|c| if c.is_whitespace() { ' ' } else { '\u{2588}' }).collect();
                self.text_run(out, &bars, &plain, context);
            }
            Inline::Image { name, width, alt } => self.picture(out, name, *width, alt.as_deref()),
        }
    }

    fn picture(&mut self, out: &mut String, name: &str, width: Width, alt: Option<&str>) {
        let Some((id, bytes)) = self.image(name) else { return };
        let width = match width {
            Width::Points(points) => points,
            Width::Fraction(fraction) => fraction * self.text_width,
        }
        .clamp(1.0, self.text_width);
        let height = match pixel_size(bytes) {
            Some((w, h)) => width * h as f32 / w as f32,
            None => width * 0.75,
        };
        self.drawings += 1;
        let number = self.drawings;
        let (cx, cy) = (emu(width), emu(height));
        let _ = write!(
            out,
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/>\
<wp:docPr id=\"{number}\" name=\"Picture {number}\" descr=\"{}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>\
</wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>\
<pic:nvPicPr><pic:cNvPr id=\"0\" name=\"{}\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"{id}\"/>\
<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/>\
</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
            escaped(alt.unwrap_or("")),
            escaped(name)
        );
    }
}
