//! The document model shared by the writers: blocks (paragraphs, headings, lists, tables,
//! page breaks, vertical skips), inline runs (styled text, links, fields, images, blanks,
//! redactions) and the page setup (paper, margins, type size, headers and footers for the
//! first page and the others). Lengths are in PostScript points.
//!
//! The model is plain data and serialises to JSON with serde, which is how the PDF writer hands
//! it to its fixed layout template (the text is never turned into markup).

use serde::Serialize;

/// A document: its page setup and its body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Doc {
    /// Paper, margins, type size and the running headers and footers.
    pub page: PageSetup,
    /// The body, in order.
    pub blocks: Vec<Block>,
}

/// Paper size, margins, type size and running headers/footers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageSetup {
    /// Page width in points (US letter: 612).
    pub width: f32,
    /// Page height in points (US letter: 792).
    pub height: f32,
    /// Margins in points.
    pub margins: Margins,
    /// The body type size in points (docassemble's default: 12).
    pub font_size: f32,
    /// Headers of the first page (`FirstHeaderLeft` …); the first page shows only these.
    pub first_header: Running,
    /// Footers of the first page (`FirstFooterLeft` …).
    pub first_footer: Running,
    /// Headers of the other pages (`HeaderLeft` …).
    pub header: Running,
    /// Footers of the other pages (`FooterLeft` …).
    pub footer: Running,
}

impl Default for PageSetup {
    fn default() -> Self {
        Self {
            width: 612.0,
            height: 792.0,
            margins: Margins::default(),
            font_size: 12.0,
            first_header: Running::default(),
            first_footer: Running::default(),
            header: Running::default(),
            footer: Running::default(),
        }
    }
}

/// Page margins in points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Margins {
    /// Top margin.
    pub top: f32,
    /// Bottom margin.
    pub bottom: f32,
    /// Left margin.
    pub left: f32,
    /// Right margin.
    pub right: f32,
}

impl Default for Margins {
    fn default() -> Self {
        Self {
            top: 72.0,
            bottom: 72.0,
            left: 72.0,
            right: 72.0,
        }
    }
}

/// The three slots of a running header or footer; an empty slot shows nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Running {
    /// Left-aligned content.
    pub left: Vec<Inline>,
    /// Centred content.
    pub center: Vec<Inline>,
    /// Right-aligned content.
    pub right: Vec<Inline>,
}

impl Running {
    /// True when no slot has content.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.left.is_empty() && self.center.is_empty() && self.right.is_empty()
    }
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of running text.
    Paragraph(Paragraph),
    /// A section heading; `numbered` headings get the legal numbering I. / A. / 1. / a. / i.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Whether the heading takes a number (`{-}` / `{.unnumbered}` turn it off).
        numbered: bool,
        /// The line spacing in force where the heading stands.
        spacing: Spacing,
        /// The heading's text.
        inlines: Vec<Inline>,
    },
    /// A bulleted or numbered list; each item is a sequence of blocks.
    List {
        /// Numbered (`1.`) rather than bulleted.
        ordered: bool,
        /// The first number of a numbered list.
        start: u64,
        /// The items.
        items: Vec<Vec<Block>>,
    },
    /// A table; the header row may be empty.
    Table {
        /// Alignment of each column.
        align: Vec<Align>,
        /// The header row's cells.
        header: Vec<Vec<Inline>>,
        /// The body rows' cells.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A quotation, indented.
    Quote {
        /// The quoted blocks.
        blocks: Vec<Block>,
    },
    /// Two columns side by side: `[BEGIN_TWOCOL] … [BREAK] … [END_TWOCOL]`, or a caption,
    /// `[BEGIN_CAPTION] … [VERTICAL_LINE] … [END_CAPTION]` (docassemble typesets both the same
    /// way in PDF; other writers may draw the caption's line).
    Columns {
        /// The left column.
        left: Vec<Block>,
        /// The right column.
        right: Vec<Block>,
        /// A caption rather than plain columns.
        caption: bool,
    },
    /// A horizontal rule.
    Rule,
    /// A forced page break (`[PAGEBREAK]`).
    PageBreak,
    /// Vertical space of the given number of points (`[SKIPLINE]`, `[VERTICALSPACE]`).
    Skip {
        /// Points.
        amount: f32,
    },
}

/// A paragraph with its layout.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// Horizontal alignment.
    pub align: Align,
    /// Line spacing.
    pub spacing: Spacing,
    /// Extra space after the paragraph, in points (docassemble's `\parskip`).
    pub space_after: f32,
    /// Indentation of the first line, in points.
    pub first_line_indent: f32,
    /// Left indentation of every line, in points (`[INDENTBY]`).
    pub left_indent: f32,
    /// Right indentation of every line, in points (`[INDENTBY x y]`).
    pub right_indent: f32,
    /// A frame around the paragraph (`[BORDER]`).
    pub border: bool,
    /// The paragraph's runs.
    pub inlines: Vec<Inline>,
}

impl Paragraph {
    /// A left-aligned, single-spaced paragraph without indentation.
    #[must_use]
    pub fn plain(inlines: Vec<Inline>) -> Self {
        Self {
            align: Align::Left,
            spacing: Spacing::Single,
            space_after: 0.0,
            first_line_indent: 0.0,
            left_indent: 0.0,
            right_indent: 0.0,
            border: false,
            inlines,
        }
    }
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// Flush left (ragged right), docassemble's default.
    #[default]
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// Line spacing of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Spacing {
    /// Single.
    Single,
    /// One and a half.
    OneAndHalf,
    /// Double (docassemble's default body spacing).
    Double,
    /// Triple.
    Triple,
}

/// Character styling of a text run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Style {
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Underlined.
    pub underline: bool,
    /// Struck through.
    pub strike: bool,
    /// Code (verbatim) text.
    pub code: bool,
    /// Raised and smaller (superscript).
    pub superscript: bool,
    /// Lowered and smaller (subscript).
    pub subscript: bool,
    /// A type size in points other than the body size (`None`: the body size).
    pub size: Option<f32>,
}

/// A field whose value is known only at layout time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The current page number (`[PAGENUM]`).
    PageNumber,
    /// The number of pages (`[TOTALPAGES]`).
    TotalPages,
    /// The number of the current top-level section (`[SECTIONNUM]`).
    SectionNumber,
}

/// An inline run.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Inline {
    /// Text with a style.
    Text {
        /// The characters, taken literally.
        text: String,
        /// Bold, italic, …
        style: Style,
    },
    /// A hyperlink around runs.
    Link {
        /// The target.
        url: String,
        /// The visible runs.
        inlines: Vec<Inline>,
    },
    /// A forced line break (`[BR]`, `[NEWLINE]`, a hard break).
    LineBreak,
    /// A half-inch horizontal space (`[TAB]`).
    Tab,
    /// A field filled in at layout time.
    Field {
        /// Which field.
        field: Field,
        /// Its style.
        style: Style,
    },
    /// A line to write on that fills the rest of the line (`[BLANK]`, `[BLANKFILL]`).
    Blank,
    /// A short line to tick (`[CHECKBOX]`).
    Checkbox,
    /// Text blacked out: a bar as wide as the text, which is not itself written.
    Redaction {
        /// The hidden text (its length decides the bar's width).
        text: String,
    },
    /// An image given to the writer under `name`.
    Image {
        /// The name under which the writer receives the image's bytes.
        name: String,
        /// The width.
        width: Width,
        /// Alternative text, for tagged output.
        alt: Option<String>,
    },
}

/// The width of an image.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "unit", content = "value", rename_all = "snake_case")]
pub enum Width {
    /// Points.
    Points(f32),
    /// A fraction of the text width (1.0 = full width).
    Fraction(f32),
}
