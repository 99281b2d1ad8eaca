//! The body of a read .docx: paragraphs (style, headings, alignment, indentation, spacing,
//! numbering grouped into lists), runs (bold/italic/underline/strike/size, tabs, breaks, page
//! breaks, hyperlinks, PAGE/NUMPAGES fields, inline images, text boxes), tables with spans,
//! content controls and other fields flattened to their text, and header/footer parts.

use std::collections::HashMap;

use super::read::{DocxImages, Relationship};
use super::read_styles::{para_format, run_format, Numbering, ParaFormat, RunFormat, Styles};
use super::tree::Element;
use crate::limits::check_size;
use crate::model::{Align, Block, Field, Inline, Paragraph, Running, Spacing, Style, Width};
use crate::{Limits, Package, Result};

/// Most images read from one document.
const MAX_IMAGES: usize = 1_000;
/// Most complex fields open at once.
const MAX_OPEN_FIELDS: usize = 64;

/// A body piece before numbered paragraphs are grouped into lists.
enum Piece {
    Block(Block),
    Item { num: String, level: u8, ordered: bool, start: u64, block: Block },
}

/// An open complex field (`w:fldChar`): its instruction, and whether its result is being read.
struct OpenField {
    instruction: String,
    in_result: bool,
    replaced: bool,
}

/// Runs of a paragraph, split where page breaks stand.
struct Segments {
    parts: Vec<Vec<Inline>>,
}

impl Segments {
    fn new() -> Self {
        Self { parts: vec![Vec::new()] }
    }
    fn push(&mut self, inline: Inline) {
        if let Some(last) = self.parts.last_mut() {
            if let (Some(Inline::Text { text, style }), Inline::Text { text: more, style: more_style }) = (last.last_mut(), &inline) {
                if style == more_style {
                    text.push_str(more);
                    return;
                }
            }
            last.push(inline);
        }
    }
    fn page_break(&mut self) {
        self.parts.push(Vec::new());
    }
    fn flatten(self) -> Vec<Inline> {
        self.parts.into_iter().flatten().collect()
    }
}

/// Reads body and header/footer parts.
pub(super) struct BodyReader<'a> {
    package: &'a Package,
    limits: &'a Limits,
    styles: &'a Styles,
    numbering: &'a Numbering,
    font_size: f32,
    rels: Vec<Relationship>,
    images: DocxImages,
    image_bytes: u64,
    fields: Vec<OpenField>,
}

fn style_of(format: &RunFormat, font_size: f32) -> Style {
    Style {
        bold: format.bold.unwrap_or(false),
        italic: format.italic.unwrap_or(false),
        underline: format.underline.unwrap_or(false),
        strike: format.strike.unwrap_or(false),
        code: format.code.unwrap_or(false),
        superscript: format.superscript.unwrap_or(false),
        subscript: format.subscript.unwrap_or(false),
        size: format.size.filter(|size| (size - font_size).abs() > 0.01),
    }
}

/// Elements whose children are read as if they stood in their place.
fn is_wrapper(name: &str) -> bool {
    matches!(name, "sdt" | "sdtContent" | "customXml" | "smartTag" | "ins" | "moveTo" | "dir" | "bdo" | "fldSimple")
}

impl<'a> BodyReader<'a> {
    pub(super) fn new(package: &'a Package, limits: &'a Limits, styles: &'a Styles, numbering: &'a Numbering, font_size: f32) -> Self {
        Self { package, limits, styles, numbering, font_size, rels: Vec::new(), images: HashMap::new(), image_bytes: 0, fields: Vec::new() }
    }

    pub(super) fn package(&self) -> &'a Package {
        self.package
    }

    pub(super) fn limits(&self) -> &'a Limits {
        self.limits
    }

    /// Sets the part being read (its relationships resolve `r:id`s).
    pub(super) fn set_part(&mut self, _part: &str, rels: Vec<Relationship>) {
        self.rels = rels;
        self.fields.clear();
    }

    pub(super) fn into_images(self) -> DocxImages {
        self.images
    }

    /// The blocks of a `w:body` (or any container of paragraphs and tables).
    pub(super) fn body(&mut self, body: &Element) -> Result<Vec<Block>> {
        let mut pieces = Vec::new();
        self.container(body, &mut pieces)?;
        Ok(group(pieces))
    }

    fn container(&mut self, container: &Element, pieces: &mut Vec<Piece>) -> Result<()> {
        for element in container.elements() {
            match element.local() {
                "p" => self.paragraph(element, pieces)?,
                "tbl" => {
                    let table = self.table(element)?;
                    pieces.push(Piece::Block(table));
                }
                "AlternateContent" => {
                    if let Some(first) = element.elements().next() {
                        self.container(first, pieces)?;
                    }
                }
                name if is_wrapper(name) => self.container(element, pieces)?,
                _ => {}
            }
        }
        Ok(())
    }

    /// The paragraph's formats (style, then direct) and its runs split at page breaks.
    fn paragraph_parts(&mut self, p: &Element) -> Result<(Option<String>, ParaFormat, Segments)> {
        let ppr = p.child("pPr");
        let style_id = ppr.and_then(|ppr| ppr.child("pStyle")).and_then(Element::val).map(str::to_string).or_else(|| self.styles.default_paragraph.clone());
        let (mut format, mut run) = self.styles.resolve(style_id.as_deref());
        if let Some(ppr) = ppr {
            format.overlay(&para_format(ppr));
        }
        if let Some(rpr) = ppr.and_then(|ppr| ppr.child("rPr")) {
            // the paragraph mark's own run properties do not apply to the runs
            let _ = rpr;
        }
        run.size = run.size.or(Some(self.font_size));
        let mut segments = Segments::new();
        self.inline_content(p, &run, &mut segments)?;
        Ok((style_id, format, segments))
    }

    fn paragraph(&mut self, p: &Element, pieces: &mut Vec<Piece>) -> Result<()> {
        let (style_id, format, segments) = self.paragraph_parts(p)?;
        let heading = style_id.as_deref().and_then(|id| self.styles.heading_level(id)).or_else(|| format.outline.filter(|level| *level < 6).map(|level| level + 1));
        let mut list = format.numbering.as_ref().and_then(|(num, level)| self.numbering.kind(num, *level).map(|(ordered, start)| (num.clone(), *level, ordered, start)));
        // a numbered heading (the legal template's I. / A. / 1.) is a heading, not a list item
        let numbered = heading.is_some() && list.take().is_some();
        if format.page_break_before == Some(true) {
            pieces.push(Piece::Block(Block::PageBreak));
        }
        let count = segments.parts.len();
        for (index, inlines) in segments.parts.into_iter().enumerate() {
            if index > 0 {
                pieces.push(Piece::Block(Block::PageBreak));
            }
            if inlines.is_empty() && count > 1 {
                continue;
            }
            let block = match heading {
                Some(level) if !inlines.is_empty() => Block::Heading { level, numbered, spacing: Spacing::Single, inlines },
                _ if inlines.is_empty() && list.is_none() => Block::Skip { amount: self.font_size * 1.15 },
                _ => Block::Paragraph(Paragraph {
                    align: format.align.unwrap_or(Align::Left),
                    spacing: format.spacing.unwrap_or(Spacing::Single),
                    space_after: format.after.unwrap_or(0.0),
                    first_line_indent: if list.is_some() { 0.0 } else { format.first_line.unwrap_or(0.0) },
                    left_indent: if list.is_some() { 0.0 } else { format.left.unwrap_or(0.0).max(0.0) },
                    right_indent: format.right.unwrap_or(0.0).max(0.0),
                    border: format.border.unwrap_or(false),
                    inlines,
                }),
            };
            match &list {
                Some((num, level, ordered, start)) if index == 0 => {
                    pieces.push(Piece::Item { num: num.clone(), level: *level, ordered: *ordered, start: *start, block });
                }
                _ => pieces.push(Piece::Block(block)),
            }
        }
        let section_break = p
            .child("pPr")
            .and_then(|ppr| ppr.child("sectPr"))
            .is_some_and(|section| section.child("type").and_then(Element::val).is_none_or(|kind| kind != "continuous"));
        if section_break {
            pieces.push(Piece::Block(Block::PageBreak));
        }
        Ok(())
    }

    /// The runs of a paragraph-like element.
    fn inline_content(&mut self, element: &Element, base: &RunFormat, out: &mut Segments) -> Result<()> {
        for child in element.elements() {
            match child.local() {
                "r" => self.run(child, base, out)?,
                "hyperlink" => {
                    let url = match (child.attr("id"), child.attr("anchor")) {
                        (Some(id), _) => self.rels.iter().find(|rel| rel.id == id).map(|rel| rel.target.clone()),
                        (None, Some(anchor)) => Some(format!("#{anchor}")),
                        (None, None) => None,
                    };
                    let mut inner = Segments::new();
                    self.inline_content(child, base, &mut inner)?;
                    match url {
                        Some(url) => out.push(Inline::Link { url, inlines: inner.flatten() }),
                        None => inner.flatten().into_iter().for_each(|inline| out.push(inline)),
                    }
                }
                "fldSimple" => {
                    let instruction = child.attr("instr").unwrap_or("");
                    match field_of(instruction) {
                        Some(field) => out.push(Inline::Field { field, style: style_of(base, self.font_size) }),
                        None => self.inline_content(child, base, out)?,
                    }
                }
                "AlternateContent" => {
                    if let Some(first) = child.elements().next() {
                        self.inline_content(first, base, out)?;
                    }
                }
                "oMath" | "oMathPara" => {
                    let mut text = String::new();
                    math_text(child, &mut text);
                    out.push(Inline::Text { text, style: style_of(base, self.font_size) });
                }
                name if is_wrapper(name) => self.inline_content(child, base, out)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn suppressed(&self) -> bool {
        self.fields.iter().any(|field| !field.in_result || field.replaced)
    }

    fn run(&mut self, r: &Element, base: &RunFormat, out: &mut Segments) -> Result<()> {
        let mut format = *base;
        if let Some(rpr) = r.child("rPr") {
            if let Some(id) = rpr.child("rStyle").and_then(Element::val) {
                format.overlay(&self.styles.character(id));
            }
            format.overlay(&run_format(rpr));
        }
        let style = style_of(&format, self.font_size);
        let hidden = format.hidden.unwrap_or(false);
        for child in r.elements() {
            match child.local() {
                "fldChar" => self.field_char(child, style, out),
                "instrText" => {
                    if let Some(field) = self.fields.last_mut().filter(|field| !field.in_result) {
                        if field.instruction.len() < 1_000 {
                            field.instruction.push_str(&child.text());
                        }
                    }
                }
                _ if hidden || self.suppressed() => {}
                "t" => out.push(Inline::Text { text: child.text(), style }),
                "tab" | "ptab" => out.push(Inline::Tab),
                "br" => match child.attr("type") {
                    Some("page") => out.page_break(),
                    _ => out.push(Inline::LineBreak),
                },
                "cr" => out.push(Inline::LineBreak),
                "noBreakHyphen" => out.push(Inline::Text { text: "-".to_string(), style }),
                "sym" => {
                    let glyph = child.attr("char").and_then(|code| u32::from_str_radix(code, 16).ok()).and_then(char::from_u32);
                    if let Some(glyph) = glyph.filter(|c| !('\u{F000}'..='\u{F0FF}').contains(c)) {
                        out.push(Inline::Text { text: glyph.to_string(), style });
                    }
                }
                "drawing" | "pict" | "object" => self.graphic(child, base, out)?,
                "AlternateContent" => {
                    if let Some(first) = child.elements().next() {
                        self.graphic(first, base, out)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn field_char(&mut self, element: &Element, style: Style, out: &mut Segments) {
        match element.attr("fldCharType") {
            Some("begin") if self.fields.len() < MAX_OPEN_FIELDS => {
                self.fields.push(OpenField { instruction: String::new(), in_result: false, replaced: false });
            }
            Some("separate") => {
                let outer_suppressed = self.fields.len() > 1 && self.fields[..self.fields.len() - 1].iter().any(|f| !f.in_result || f.replaced);
                if let Some(field) = self.fields.last_mut() {
                    field.in_result = true;
                    if let Some(kind) = field_of(&field.instruction) {
                        field.replaced = true;
                        if !outer_suppressed {
                            out.push(Inline::Field { field: kind, style });
                        }
                    }
                }
            }
            Some("end") => {
                if let Some(field) = self.fields.pop() {
                    if !field.in_result && !self.suppressed() {
                        if let Some(kind) = field_of(&field.instruction) {
                            out.push(Inline::Field { field: kind, style });
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// A drawing or VML picture: its image (`a:blip r:embed`, `v:imagedata r:id`) and the text
    /// of any text box in it.
    fn graphic(&mut self, element: &Element, base: &RunFormat, out: &mut Segments) -> Result<()> {
        let blip = element.find("blip").and_then(|blip| blip.attr("embed")).or_else(|| element.find("imagedata").and_then(|data| data.attr("id")));
        if let Some(id) = blip {
            let width = element.find("extent").and_then(|extent| extent.attr("cx")).and_then(|cx| cx.parse::<f32>().ok()).filter(|cx| cx.is_finite() && *cx > 0.0);
            let alt = element.find("docPr").and_then(|doc_pr| doc_pr.attr("descr")).filter(|d| !d.is_empty()).map(str::to_string);
            if let Some(name) = self.image(id)? {
                let width = width.map_or(Width::Fraction(0.5), |emu| Width::Points(emu / 12_700.0));
                out.push(Inline::Image { name, width, alt });
            }
        }
        if let Some(text_box) = element.find("txbxContent") {
            for p in text_box.elements().filter(|p| p.local() == "p") {
                out.push(Inline::LineBreak);
                self.inline_content(p, base, out)?;
            }
        }
        Ok(())
    }

    /// Loads the image the relationship `id` points to; its name is the media part's path.
    /// Images other than PNG, JPEG, GIF and SVG (EMF, WMF, TIFF, …) are left out: the PDF
    /// writer could not draw them.
    fn image(&mut self, id: &str) -> Result<Option<String>> {
        let Some(rel) = self.rels.iter().find(|rel| rel.id == id && !rel.external) else { return Ok(None) };
        let name = rel.target.clone();
        if self.images.contains_key(&name) {
            return Ok(Some(name));
        }
        if self.images.len() >= MAX_IMAGES {
            return Ok(None);
        }
        let Some(bytes) = self.package.read_part(&name)? else { return Ok(None) };
        if !is_portable_image(&bytes) {
            return Ok(None);
        }
        self.image_bytes = self.image_bytes.saturating_add(bytes.len() as u64);
        check_size("the document's images", self.image_bytes, self.limits.max_total_bytes)?;
        self.images.insert(name.clone(), bytes);
        Ok(Some(name))
    }

    /// A table: rows of cells (a cell's paragraphs joined by line breaks, a spanned cell
    /// followed by empty cells, a vertically merged cell empty), leading header rows apart.
    fn table(&mut self, tbl: &Element) -> Result<Block> {
        let mut header: Vec<Vec<Inline>> = Vec::new();
        let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        let mut align: Vec<Align> = Vec::new();
        for tr in unwrap_all(tbl, "tr") {
            let is_header = rows.is_empty() && header.is_empty() && tr.child("trPr").and_then(|pr| pr.child("tblHeader")).is_some();
            let mut cells: Vec<Vec<Inline>> = Vec::new();
            for tc in unwrap_all(tr, "tc") {
                let properties = tc.child("tcPr");
                let span = properties.and_then(|pr| pr.child("gridSpan")).and_then(Element::val).and_then(|v| v.parse::<usize>().ok()).unwrap_or(1).clamp(1, 64);
                let merged = properties.and_then(|pr| pr.child("vMerge")).is_some_and(|merge| merge.val().is_none_or(|v| v == "continue"));
                let (inlines, cell_align) = if merged { (Vec::new(), None) } else { self.cell(tc)? };
                if align.len() <= cells.len() {
                    align.resize(cells.len() + 1, Align::Left);
                }
                if let Some(cell_align) = cell_align.filter(|_| rows.is_empty()) {
                    align[cells.len()] = cell_align;
                }
                cells.push(inlines);
                for _ in 1..span {
                    cells.push(Vec::new());
                }
            }
            if is_header {
                header = cells;
            } else {
                rows.push(cells);
            }
        }
        let columns = rows.iter().map(Vec::len).chain([header.len()]).max().unwrap_or(0);
        align.resize(columns, Align::Left);
        Ok(Block::Table { align, header, rows })
    }

    /// A cell's runs and the alignment of its first paragraph.
    fn cell(&mut self, tc: &Element) -> Result<(Vec<Inline>, Option<Align>)> {
        let mut inlines: Vec<Inline> = Vec::new();
        let mut align = None;
        for p in paragraphs(tc) {
            let (_, format, segments) = self.paragraph_parts(p)?;
            if align.is_none() {
                align = Some(format.align.unwrap_or(Align::Left));
            }
            if !inlines.is_empty() {
                inlines.push(Inline::LineBreak);
            }
            inlines.extend(segments.flatten());
        }
        Ok((inlines, align))
    }

    /// A header or footer part as three slots: a paragraph's tab-separated pieces go to left,
    /// centre and right (two pieces: left, then the kind of the first tab stop); a paragraph
    /// without tabs goes to the slot of its alignment.
    pub(super) fn running(&mut self, root: &Element) -> Result<Running> {
        let mut running = Running::default();
        for p in paragraphs(root) {
            let (_, format, segments) = self.paragraph_parts(p)?;
            let inlines = segments.flatten();
            if inlines.is_empty() {
                continue;
            }
            let mut pieces: Vec<Vec<Inline>> = vec![Vec::new()];
            for inline in inlines {
                match inline {
                    Inline::Tab if pieces.len() < 3 => pieces.push(Vec::new()),
                    other => pieces.last_mut().into_iter().for_each(|piece| piece.push(other.clone())),
                }
            }
            let slots: Vec<(usize, Vec<Inline>)> = match pieces.len() {
                1 => {
                    let slot = match format.align.unwrap_or(Align::Left) {
                        Align::Left => 0,
                        Align::Center => 1,
                        Align::Right => 2,
                    };
                    vec![(slot, pieces.remove(0))]
                }
                2 => {
                    let first_stop = format.tabs.as_ref().and_then(|tabs| tabs.first()).map(String::as_str);
                    let second = if first_stop == Some("center") { 1 } else { 2 };
                    vec![(0, pieces.remove(0)), (second, pieces.remove(0))]
                }
                _ => pieces.into_iter().enumerate().collect(),
            };
            for (slot, content) in slots {
                if content.is_empty() {
                    continue;
                }
                let target = match slot {
                    0 => &mut running.left,
                    1 => &mut running.center,
                    _ => &mut running.right,
                };
                if !target.is_empty() {
                    target.push(Inline::LineBreak);
                }
                target.extend(content);
            }
        }
        Ok(running)
    }
}

/// PNG, JPEG, GIF or SVG.
fn is_portable_image(bytes: &[u8]) -> bool {
    use super::image::ImageKind;
    let head = &bytes[..bytes.len().min(512)];
    let svg = head.windows(4).any(|window| window == b"<svg");
    svg || matches!(ImageKind::sniff(bytes), Some(ImageKind::Png | ImageKind::Jpeg | ImageKind::Gif))
}

/// The field a complex or simple field instruction stands for, when it is one the model has.
fn field_of(instruction: &str) -> Option<Field> {
    match instruction.split_whitespace().next()?.to_ascii_uppercase().as_str() {
        "PAGE" => Some(Field::PageNumber),
        "NUMPAGES" | "SECTIONPAGES" => Some(Field::TotalPages),
        _ => None,
    }
}

fn math_text(element: &Element, out: &mut String) {
    for child in element.elements() {
        if child.local() == "t" {
            out.push_str(&child.text());
        } else {
            math_text(child, out);
        }
    }
}

/// The children called `name`, looking through content controls and custom XML.
fn unwrap_all<'e>(element: &'e Element, name: &str) -> Vec<&'e Element> {
    let mut out = Vec::new();
    for child in element.elements() {
        if child.local() == name {
            out.push(child);
        } else if is_wrapper(child.local()) {
            out.extend(unwrap_all(child, name));
        }
    }
    out
}

/// The paragraphs of a cell or header part in order, including those of nested tables.
fn paragraphs(element: &Element) -> Vec<&Element> {
    let mut out = Vec::new();
    for child in element.elements() {
        match child.local() {
            "p" => out.push(child),
            "tbl" | "tr" | "tc" => out.extend(paragraphs(child)),
            name if is_wrapper(name) => out.extend(paragraphs(child)),
            _ => {}
        }
    }
    out
}

/// An open list while numbered paragraphs are grouped.
struct OpenList {
    num: String,
    ordered: bool,
    start: u64,
    items: Vec<Vec<Block>>,
}

impl OpenList {
    fn into_block(self) -> Block {
        Block::List { ordered: self.ordered, start: self.start, items: self.items }
    }
}

/// Closes the innermost open list into its parent's last item (or the output).
fn close_one(stack: &mut Vec<OpenList>, out: &mut Vec<Block>) {
    let Some(list) = stack.pop() else { return };
    let block = list.into_block();
    match stack.last_mut() {
        Some(parent) => match parent.items.last_mut() {
            Some(item) => item.push(block),
            None => parent.items.push(vec![block]),
        },
        None => out.push(block),
    }
}

/// Groups numbered paragraphs into (nested) lists.
fn group(pieces: Vec<Piece>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut stack: Vec<OpenList> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Block(block) => {
                while !stack.is_empty() {
                    close_one(&mut stack, &mut out);
                }
                out.push(block);
            }
            Piece::Item { num, level, ordered, start, block } => {
                if stack.first().is_some_and(|first| first.num != num) && level == 0 {
                    while !stack.is_empty() {
                        close_one(&mut stack, &mut out);
                    }
                }
                let level = usize::from(level).min(stack.len());
                while stack.len() > level + 1 {
                    close_one(&mut stack, &mut out);
                }
                if stack.len() == level + 1 && stack[level].ordered != ordered {
                    close_one(&mut stack, &mut out);
                }
                if stack.len() == level {
                    stack.push(OpenList { num, ordered, start, items: Vec::new() });
                }
                if let Some(list) = stack.last_mut() {
                    list.items.push(vec![block]);
                }
            }
        }
    }
    while !stack.is_empty() {
        close_one(&mut stack, &mut out);
    }
    out
}
