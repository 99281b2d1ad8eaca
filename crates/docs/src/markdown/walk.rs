//! The walk over pulldown-cmark's events that builds blocks and runs, expanding the markup-code
//! placeholders and applying paragraph codes as docassemble's LaTeX filter does.

use std::collections::HashMap;

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};

use super::codes::{self, BlockCode, ImageRef, Segment, SpacingCode, Token};
use super::Layout;
use crate::model::{Align, Block, Inline, Paragraph, Spacing, Style, Width};

/// A run or a paragraph code, in reading order.
enum Piece {
    Inline(Inline),
    Code(BlockCode),
}

/// What an inline container becomes when it closes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum InlineKind {
    /// A paragraph; `implicit` for the text of a tight list item.
    Paragraph {
        implicit: bool,
    },
    Heading(u8),
    Cell,
}

enum Frame {
    Blocks(Vec<Block>),
    Quote(Vec<Block>),
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
    Inlines(InlineKind, Vec<Piece>),
    Table {
        align: Vec<crate::model::Align>,
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        row: Vec<Vec<Inline>>,
        in_head: bool,
    },
    CodeBlock(String),
    /// Open columns; `right` is `None` until `[BREAK]`.
    Columns {
        caption: bool,
        left: Vec<Block>,
        right: Option<Vec<Block>>,
    },
}

struct Walker<'a> {
    tokens: Vec<Token>,
    images: &'a HashMap<ImageRef, String>,
    layout: Layout,
    stack: Vec<Frame>,
    bold: u32,
    italic: u32,
    strike: u32,
    links: Vec<(String, Vec<Inline>)>,
    /// An open Markdown image: its destination and alternative text.
    image: Option<(String, String)>,
}

/// Reads Markdown (with markup codes) into blocks, starting from `layout`.
pub(super) fn blocks(
    markdown: &str,
    images: &HashMap<ImageRef, String>,
    layout: Layout,
) -> Vec<Block> {
    let (text, tokens) = codes::tokenise(markdown);
    let parser = Parser::new_ext(
        &text,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut walker = Walker {
        tokens,
        images,
        layout,
        stack: vec![Frame::Blocks(Vec::new())],
        bold: 0,
        italic: 0,
        strike: 0,
        links: Vec::new(),
        image: None,
    };
    for event in parser {
        walker.event(event);
    }
    walker.finish()
}

impl Walker<'_> {
    fn style(&self, code: bool) -> Style {
        Style {
            bold: self.bold > 0,
            italic: self.italic > 0,
            underline: false,
            strike: self.strike > 0,
            code,
            ..Style::default()
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some((_, alt)) = self.image.as_mut() {
                    alt.push_str(&text);
                } else if let Some(Frame::CodeBlock(code)) = self.stack.last_mut() {
                    code.push_str(&text);
                } else {
                    self.text(&text, false);
                }
            }
            Event::Code(text) => self.text(&text, true),
            Event::SoftBreak => self.text(" ", false),
            Event::HardBreak => self.push_inline(Inline::LineBreak),
            Event::Rule => {
                self.close_implicit();
                self.push_block(Block::Rule);
            }
            // Raw HTML, as with pandoc's LaTeX output, produces nothing.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let frame = match tag {
            Tag::Paragraph => Frame::Inlines(InlineKind::Paragraph { implicit: false }, Vec::new()),
            Tag::Heading { level, .. } => {
                Frame::Inlines(InlineKind::Heading(level as u8), Vec::new())
            }
            Tag::BlockQuote(_) => Frame::Quote(Vec::new()),
            Tag::CodeBlock(_) => Frame::CodeBlock(String::new()),
            Tag::List(start) => Frame::List {
                ordered: start.is_some(),
                start: start.unwrap_or(1),
                items: Vec::new(),
            },
            Tag::Item => Frame::Item(Vec::new()),
            Tag::Table(aligns) => Frame::Table {
                align: aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                        Alignment::Left | Alignment::None => Align::Left,
                    })
                    .collect(),
                header: Vec::new(),
                rows: Vec::new(),
                row: Vec::new(),
                in_head: false,
            },
            Tag::TableHead => {
                if let Some(Frame::Table { in_head, .. }) = self.stack.last_mut() {
                    *in_head = true;
                }
                return;
            }
            Tag::TableCell => Frame::Inlines(InlineKind::Cell, Vec::new()),
            Tag::Emphasis => return self.italic += 1,
            Tag::Strong => return self.bold += 1,
            Tag::Strikethrough => return self.strike += 1,
            Tag::Link { dest_url, .. } => {
                return self.links.push((dest_url.to_string(), Vec::new()))
            }
            Tag::Image { dest_url, .. } => {
                return self.image = Some((dest_url.to_string(), String::new()))
            }
            _ => return,
        };
        if !matches!(frame, Frame::Inlines(InlineKind::Cell, _)) {
            self.close_implicit();
        }
        self.stack.push(frame);
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => {
                if let Some(Frame::Inlines(kind, pieces)) =
                    self.pop_if(|f| matches!(f, Frame::Inlines(..)))
                {
                    self.close_inlines(kind, pieces);
                }
            }
            TagEnd::BlockQuote(_) => {
                self.close_implicit();
                self.fold_columns();
                if let Some(Frame::Quote(blocks)) = self.pop_if(|f| matches!(f, Frame::Quote(_))) {
                    self.push_block(Block::Quote { blocks });
                }
            }
            TagEnd::CodeBlock => {
                if let Some(Frame::CodeBlock(code)) =
                    self.pop_if(|f| matches!(f, Frame::CodeBlock(_)))
                {
                    self.push_block(code_block(&code, self.style(true)));
                }
            }
            TagEnd::List(_) => {
                if let Some(Frame::List {
                    ordered,
                    start,
                    items,
                }) = self.pop_if(|f| matches!(f, Frame::List { .. }))
                {
                    self.push_block(Block::List {
                        ordered,
                        start,
                        items,
                    });
                }
            }
            TagEnd::Item => {
                self.close_implicit();
                self.fold_columns();
                if let Some(Frame::Item(blocks)) = self.pop_if(|f| matches!(f, Frame::Item(_))) {
                    if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                        items.push(blocks);
                    }
                }
            }
            TagEnd::TableHead => {
                if let Some(Frame::Table {
                    in_head,
                    header,
                    row,
                    ..
                }) = self.stack.last_mut()
                {
                    *in_head = false;
                    *header = std::mem::take(row);
                }
            }
            TagEnd::TableRow => {
                if let Some(Frame::Table { rows, row, .. }) = self.stack.last_mut() {
                    rows.push(std::mem::take(row));
                }
            }
            TagEnd::Table => {
                if let Some(Frame::Table {
                    align,
                    header,
                    rows,
                    ..
                }) = self.pop_if(|f| matches!(f, Frame::Table { .. }))
                {
                    self.push_block(Block::Table {
                        align,
                        header,
                        rows,
                    });
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link => {
                if let Some((url, inlines)) = self.links.pop() {
                    self.push_inline(Inline::Link { url, inlines });
                }
            }
            TagEnd::Image => {
                if let Some((target, alt)) = self.image.take() {
                    if let Some(name) = self.images.get(&ImageRef::File(target)) {
                        let alt = (!alt.is_empty()).then_some(alt);
                        self.push_inline(Inline::Image {
                            name: name.clone(),
                            width: Width::Points(288.0),
                            alt,
                        });
                    }
                }
            }
            _ => {}
        }
    }

    fn pop_if(&mut self, test: impl Fn(&Frame) -> bool) -> Option<Frame> {
        if self.stack.len() > 1 && self.stack.last().is_some_and(test) {
            self.stack.pop()
        } else {
            None
        }
    }

    /// Closes the implicit paragraph of a tight list item before a block starts or ends.
    fn close_implicit(&mut self) {
        if matches!(
            self.stack.last(),
            Some(Frame::Inlines(InlineKind::Paragraph { implicit: true }, _))
        ) {
            if let Some(Frame::Inlines(kind, pieces)) = self.stack.pop() {
                self.close_inlines(kind, pieces);
            }
        }
    }

    /// The list of pieces the next run goes to, opening an implicit paragraph when needed.
    fn pieces(&mut self) -> Option<&mut Vec<Piece>> {
        if !matches!(self.stack.last(), Some(Frame::Inlines(..))) {
            self.stack.push(Frame::Inlines(
                InlineKind::Paragraph { implicit: true },
                Vec::new(),
            ));
        }
        match self.stack.last_mut() {
            Some(Frame::Inlines(_, pieces)) => Some(pieces),
            _ => None,
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        if let Some((_, inlines)) = self.links.last_mut() {
            push_merged(inlines, inline);
            return;
        }
        let Some(pieces) = self.pieces() else { return };
        if let Some(Piece::Inline(last)) = pieces.last_mut() {
            if merge_text(last, &inline) {
                return;
            }
        }
        pieces.push(Piece::Inline(inline));
    }

    fn push_block(&mut self, block: Block) {
        for frame in self.stack.iter_mut().rev() {
            match frame {
                Frame::Blocks(blocks)
                | Frame::Quote(blocks)
                | Frame::Item(blocks)
                | Frame::Columns {
                    right: Some(blocks),
                    ..
                }
                | Frame::Columns {
                    left: blocks,
                    right: None,
                    ..
                } => {
                    blocks.push(block);
                    return;
                }
                _ => {}
            }
        }
    }

    /// Adds text, expanding the markup-code placeholders in it.
    fn text(&mut self, text: &str, code: bool) {
        let style = self.style(code);
        for segment in codes::split(text) {
            match segment {
                Segment::Text(literal) => self.push_inline(Inline::Text {
                    text: collapse(literal),
                    style,
                }),
                Segment::Token(index) => {
                    let Some(token) = self.tokens.get(index).cloned() else {
                        continue;
                    };
                    self.token(token, style);
                }
            }
        }
    }

    fn token(&mut self, token: Token, style: Style) {
        let inline = match token {
            Token::Text(text) => Inline::Text { text, style },
            Token::LineBreak => Inline::LineBreak,
            Token::Tab => Inline::Tab,
            Token::Field(field) => Inline::Field { field, style },
            Token::Blank => Inline::Blank,
            Token::Checkbox => Inline::Checkbox,
            Token::Redaction(text) => Inline::Redaction { text },
            Token::Image {
                reference,
                width,
                alt,
            } => match self.images.get(&reference) {
                Some(name) => Inline::Image {
                    name: name.clone(),
                    width,
                    alt,
                },
                None => return,
            },
            Token::Block(code) => {
                if let Some(pieces) = self.pieces() {
                    pieces.push(Piece::Code(code));
                }
                return;
            }
            Token::Nothing => return,
        };
        self.push_inline(inline);
    }

    fn in_container(&self) -> bool {
        self.stack
            .iter()
            .any(|f| matches!(f, Frame::Item(_) | Frame::Quote(_) | Frame::Columns { .. }))
    }

    fn close_inlines(&mut self, kind: InlineKind, pieces: Vec<Piece>) {
        match kind {
            InlineKind::Paragraph { .. } => self.paragraphs(pieces),
            InlineKind::Heading(level) => {
                let mut inlines = self.only_inlines(pieces);
                let numbered = !strip_unnumbered(&mut inlines);
                trim(&mut inlines);
                let spacing = self.layout.spacing;
                self.push_block(Block::Heading {
                    level,
                    numbered,
                    spacing,
                    inlines,
                });
            }
            InlineKind::Cell => {
                let mut inlines = self.only_inlines(pieces);
                trim(&mut inlines);
                if let Some(Frame::Table { row, .. }) = self.stack.last_mut() {
                    row.push(inlines);
                }
            }
        }
    }

    /// The runs of a heading or a cell: stateful codes still apply, the others are dropped.
    fn only_inlines(&mut self, pieces: Vec<Piece>) -> Vec<Inline> {
        let mut inlines = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Inline(inline) => inlines.push(inline),
                Piece::Code(code) => self.apply_state(code),
            }
        }
        inlines
    }

    fn apply_state(&mut self, code: BlockCode) {
        let layout = &mut self.layout;
        match code {
            BlockCode::Spacing(spacing) => {
                let (line, after, indent) = match spacing {
                    SpacingCode::Tight => (Spacing::Single, 0.0, 0.0),
                    SpacingCode::Single => (Spacing::Single, layout.font_size, 0.0),
                    SpacingCode::OneAndHalf => (
                        Spacing::OneAndHalf,
                        layout.space_after,
                        layout.indent_amount,
                    ),
                    SpacingCode::Double => (Spacing::Double, 0.0, layout.indent_amount),
                    SpacingCode::Triple => {
                        (Spacing::Triple, layout.space_after, layout.indent_amount)
                    }
                };
                layout.spacing = line;
                layout.space_after = after;
                layout.first_line_indent = indent;
            }
            BlockCode::Indentation(on) => {
                layout.first_line_indent = if on { layout.indent_amount } else { 0.0 }
            }
            _ => {}
        }
    }

    /// Splits a paragraph's pieces at page breaks, new paragraphs, skips and column codes, and
    /// lays out each part with the codes found in it.
    fn paragraphs(&mut self, pieces: Vec<Piece>) {
        let mut inlines = Vec::new();
        let mut shaping = Vec::new();
        for piece in pieces {
            let code = match piece {
                Piece::Inline(inline) => {
                    inlines.push(inline);
                    continue;
                }
                Piece::Code(code @ (BlockCode::Spacing(_) | BlockCode::Indentation(_))) => {
                    self.apply_state(code);
                    continue;
                }
                Piece::Code(code) => code,
            };
            let splits = matches!(
                code,
                BlockCode::PageBreak
                    | BlockCode::NewPar
                    | BlockCode::Skip(_)
                    | BlockCode::BeginColumns(_)
                    | BlockCode::NextColumn
                    | BlockCode::EndColumns
            );
            if !splits {
                shaping.push(code);
                continue;
            }
            let part = std::mem::take(&mut inlines);
            if let Some(block) = self.paragraph(part, &std::mem::take(&mut shaping)) {
                self.push_block(block);
            }
            self.split(code);
        }
        if let Some(block) = self.paragraph(inlines, &shaping) {
            self.push_block(block);
        }
    }

    /// Acts on a code that ends the paragraph before it.
    fn split(&mut self, code: BlockCode) {
        match code {
            BlockCode::PageBreak => self.push_block(Block::PageBreak),
            BlockCode::Skip(amount) => {
                let amount = if amount > 0.0 {
                    amount
                } else {
                    self.layout.font_size
                };
                self.push_block(Block::Skip { amount });
            }
            BlockCode::BeginColumns(caption) => {
                self.stack.push(Frame::Columns {
                    caption,
                    left: Vec::new(),
                    right: None,
                });
            }
            BlockCode::NextColumn => {
                if let Some(Frame::Columns {
                    right: right @ None,
                    ..
                }) = self.stack.last_mut()
                {
                    *right = Some(Vec::new());
                }
            }
            BlockCode::EndColumns => {
                if matches!(self.stack.last(), Some(Frame::Columns { .. })) {
                    self.fold_columns();
                }
            }
            _ => {}
        }
    }

    /// Closes the open column frames at the top of the stack into `Columns` blocks.
    fn fold_columns(&mut self) {
        while let Some(Frame::Columns { .. }) = self.stack.last() {
            if let Some(Frame::Columns {
                caption,
                left,
                right,
            }) = self.stack.pop()
            {
                let right = right.unwrap_or_default();
                self.push_block(Block::Columns {
                    left,
                    right,
                    caption,
                });
            }
        }
    }

    fn paragraph(&self, mut inlines: Vec<Inline>, shaping: &[BlockCode]) -> Option<Block> {
        trim(&mut inlines);
        if inlines.is_empty() {
            return None;
        }
        let layout = self.layout;
        let mut paragraph = Paragraph {
            align: Align::Left,
            spacing: layout.spacing,
            space_after: layout.space_after,
            first_line_indent: if self.in_container() {
                0.0
            } else {
                layout.first_line_indent
            },
            left_indent: 0.0,
            right_indent: 0.0,
            border: false,
            inlines,
        };
        if self
            .stack
            .iter()
            .any(|f| matches!(f, Frame::Columns { .. }))
        {
            // Columns are set single spaced without space between paragraphs.
            paragraph.spacing = Spacing::Single;
            paragraph.space_after = 0.0;
        }
        for code in shaping {
            match *code {
                BlockCode::Align(align, bold) => {
                    paragraph.align = align;
                    paragraph.spacing = Spacing::Single;
                    paragraph.space_after = 0.0;
                    paragraph.first_line_indent = 0.0;
                    if bold {
                        embolden(&mut paragraph.inlines);
                    }
                }
                BlockCode::IndentBy(left, right) => {
                    paragraph.left_indent = left;
                    paragraph.right_indent = right;
                    paragraph.first_line_indent = 0.0;
                }
                BlockCode::Border => {
                    paragraph.border = true;
                    paragraph.first_line_indent = 0.0;
                }
                BlockCode::NoIndent => paragraph.first_line_indent = 0.0,
                _ => {}
            }
        }
        Some(Block::Paragraph(paragraph))
    }

    fn finish(mut self) -> Vec<Block> {
        while self.stack.len() > 1 {
            match self.stack.pop() {
                Some(Frame::Inlines(kind, pieces)) => self.close_inlines(kind, pieces),
                Some(Frame::Quote(blocks) | Frame::Item(blocks)) => {
                    for block in blocks {
                        self.push_block(block);
                    }
                }
                Some(Frame::Columns {
                    caption,
                    left,
                    right,
                }) => {
                    let right = right.unwrap_or_default();
                    self.push_block(Block::Columns {
                        left,
                        right,
                        caption,
                    });
                }
                _ => {}
            }
        }
        match self.stack.pop() {
            Some(Frame::Blocks(blocks)) => blocks,
            _ => Vec::new(),
        }
    }
}

/// Appends a run, merging it into the previous one when both are text of the same style.
fn push_merged(inlines: &mut Vec<Inline>, inline: Inline) {
    if let Some(last) = inlines.last_mut() {
        if merge_text(last, &inline) {
            return;
        }
    }
    inlines.push(inline);
}

/// Appends `inline` to `last` when both are text of the same style; true when merged.
fn merge_text(last: &mut Inline, inline: &Inline) -> bool {
    let (
        Inline::Text {
            text: last,
            style: last_style,
        },
        Inline::Text { text, style },
    ) = (last, inline)
    else {
        return false;
    };
    if last_style != style {
        return false;
    }
    if last.ends_with(' ') && text.starts_with(' ') {
        last.push_str(&text[1..]);
    } else {
        last.push_str(text);
    }
    true
}

/// Collapses runs of ASCII white space into one space, as typesetting does.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// Removes white space at the start and end of the runs and around line breaks, and empty runs.
fn trim(inlines: &mut Vec<Inline>) {
    let mut line_start = true;
    for inline in inlines.iter_mut() {
        match inline {
            Inline::Text { text, .. } if line_start => {
                let trimmed = text.trim_start_matches(' ');
                if trimmed.len() != text.len() {
                    *text = trimmed.to_string();
                }
                line_start = text.is_empty();
            }
            Inline::LineBreak => line_start = true,
            _ => line_start = false,
        }
    }
    let mut line_end = true;
    for inline in inlines.iter_mut().rev() {
        match inline {
            Inline::Text { text, .. } if line_end => {
                let kept = text.trim_end_matches(' ').len();
                text.truncate(kept);
                line_end = text.is_empty();
            }
            Inline::LineBreak => line_end = true,
            _ => line_end = false,
        }
    }
    inlines.retain(|inline| !matches!(inline, Inline::Text { text, .. } if text.is_empty()));
}

/// Makes every run bold (`[BOLDCENTER]`).
fn embolden(inlines: &mut [Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text { style, .. } | Inline::Field { style, .. } => style.bold = true,
            Inline::Link { inlines, .. } => embolden(inlines),
            _ => {}
        }
    }
}

/// Removes a trailing pandoc `{-}` or `{.unnumbered}` from a heading; true when one was found.
fn strip_unnumbered(inlines: &mut [Inline]) -> bool {
    if let Some(Inline::Text { text, .. }) = inlines.last_mut() {
        let trimmed = text.trim_end();
        for marker in ["{-}", "{.unnumbered}"] {
            if let Some(rest) = trimmed.strip_suffix(marker) {
                *text = rest.to_string();
                return true;
            }
        }
    }
    false
}

/// A code block: its lines, verbatim, single spaced.
fn code_block(code: &str, style: Style) -> Block {
    let mut inlines = Vec::new();
    for (index, line) in code.trim_end_matches('\n').split('\n').enumerate() {
        if index > 0 {
            inlines.push(Inline::LineBreak);
        }
        if !line.is_empty() {
            inlines.push(Inline::Text {
                text: line.to_string(),
                style,
            });
        }
    }
    Block::Paragraph(Paragraph::plain(inlines))
}
