//! docassemble's markup codes (`[BOLDCENTER]`, `[PAGENUM]`, `[FILE …]`, …) found in the text
//! before Markdown parsing: each code is replaced by a private-use placeholder that the Markdown
//! parser passes through as text, and is described by a [`Token`] in a side table.

use crate::model::{Align, Field, Width};

/// Opens a placeholder; the token's index in decimal follows, then [`CLOSE`].
pub(crate) const OPEN: char = '\u{E000}';
/// Closes a placeholder.
pub(crate) const CLOSE: char = '\u{E001}';

/// What an image code points at.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ImageRef {
    /// `[FILE reference, …]`: a file reference as written (a file name or a variable's file).
    File(String),
    /// `[QR text, …]`: a QR code of the text.
    Qr(String),
}

/// A line-spacing code (stateful: it applies to the paragraphs that follow).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpacingCode {
    Tight,
    Single,
    OneAndHalf,
    Double,
    Triple,
}

/// A code that acts on paragraphs rather than on runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum BlockCode {
    /// `[FLUSHLEFT]`, `[FLUSHRIGHT]`, `[CENTER]`, `[BOLDCENTER]` (bold when true).
    Align(Align, bool),
    /// `[INDENTBY left]` or `[INDENTBY left right]`, in points.
    IndentBy(f32, f32),
    /// `[BORDER]`.
    Border,
    /// `[NOINDENT]`.
    NoIndent,
    /// A spacing code.
    Spacing(SpacingCode),
    /// `[START_INDENTATION]` (true) and `[STOP_INDENTATION]` (false).
    Indentation(bool),
    /// `[PAGEBREAK]`.
    PageBreak,
    /// `[NEWPAR]`.
    NewPar,
    /// `[SKIPLINE]` (one line of the type size) and `[VERTICALSPACE]` (24 pt); the value is
    /// the space in points, or zero for "one line".
    Skip(f32),
    /// `[BEGIN_TWOCOL]` (false) and `[BEGIN_CAPTION]` (true).
    BeginColumns(bool),
    /// `[BREAK]` and `[VERTICAL_LINE]`: the right column starts.
    NextColumn,
    /// `[END_TWOCOL]` and `[END_CAPTION]`.
    EndColumns,
}

/// The meaning of one code.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    /// Literal text (`[EMDASH]`, `[NBSP]`, `[[…]]`, …).
    Text(String),
    /// `[BR]`, `[NEWLINE]`.
    LineBreak,
    /// `[TAB]`.
    Tab,
    /// `[PAGENUM]`, `[TOTALPAGES]`, `[SECTIONNUM]`.
    Field(Field),
    /// `[BLANK]`, `[BLANKFILL]`.
    Blank,
    /// `[CHECKBOX]`.
    Checkbox,
    /// `[REDACTION_WORD x]`, `[REDACTION_SPACE]`.
    Redaction(String),
    /// `[FILE …]`, `[QR …]`.
    Image {
        reference: ImageRef,
        width: Width,
        alt: Option<String>,
    },
    /// A paragraph-level code.
    Block(BlockCode),
    /// A code that produces nothing in a document (`[MAP …]`, `[TARGET …]`, `[END]`, …).
    Nothing,
}

/// docassemble's default image width, 4 inches.
const DEFAULT_IMAGE_WIDTH: f32 = 288.0;

/// Replaces the codes in `source` by placeholders; returns the new text and the token table.
/// Private-use placeholder characters already present in the source become U+FFFD so that
/// they cannot be mistaken for placeholders.
pub(crate) fn tokenise(source: &str) -> (String, Vec<Token>) {
    let mut out = String::with_capacity(source.len());
    let mut tokens = Vec::new();
    let mut rest = source;
    while let Some(pos) = rest.find(['[', OPEN, CLOSE]) {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        if !rest.starts_with('[') {
            out.push('\u{FFFD}');
            rest = &rest[OPEN.len_utf8()..];
            continue;
        }
        match recognise(rest) {
            Some((token, used)) => {
                out.push(OPEN);
                out.push_str(&tokens.len().to_string());
                out.push(CLOSE);
                tokens.push(token);
                rest = &rest[used..];
            }
            None => {
                out.push('[');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    (out, tokens)
}

/// Recognises the code at the start of `text` (which starts with `[`): its token and length.
fn recognise(text: &str) -> Option<(Token, usize)> {
    if let Some(inner) = text.strip_prefix("[[") {
        let end = inner.find(']')?;
        if inner[end..].starts_with("]]") && !inner[..end].contains('[') {
            return Some((Token::Text(inner[..end].to_string()), end + 4));
        }
        return None;
    }
    let end = text.find(']')?;
    let body = &text[1..end];
    if body.contains('[') {
        return None;
    }
    let (name, args) = match body.find(' ') {
        Some(space) => (&body[..space], Some(body[space + 1..].trim())),
        None => (body, None),
    };
    let token = match (name, args) {
        (_, Some(args)) => with_arguments(name, args)?,
        ("BR" | "NEWLINE", None) => Token::LineBreak,
        ("TAB", None) => Token::Tab,
        ("PAGENUM", None) => Token::Field(Field::PageNumber),
        ("TOTALPAGES", None) => Token::Field(Field::TotalPages),
        ("SECTIONNUM", None) => Token::Field(Field::SectionNumber),
        ("BLANK" | "BLANKFILL", None) => Token::Blank,
        ("CHECKBOX", None) => Token::Checkbox,
        ("REDACTION_SPACE", None) => Token::Redaction(" ".to_string()),
        ("EMDASH", None) => Token::Text("\u{2014}".to_string()),
        ("ENDASH", None) => Token::Text("\u{2013}".to_string()),
        ("HYPHEN", None) => Token::Text("-".to_string()),
        ("NBSP", None) => Token::Text("\u{a0}".to_string()),
        ("FLUSHLEFT", None) => Token::Block(BlockCode::Align(Align::Left, false)),
        ("FLUSHRIGHT", None) => Token::Block(BlockCode::Align(Align::Right, false)),
        ("CENTER", None) => Token::Block(BlockCode::Align(Align::Center, false)),
        ("BOLDCENTER", None) => Token::Block(BlockCode::Align(Align::Center, true)),
        ("BORDER", None) => Token::Block(BlockCode::Border),
        ("NOINDENT", None) => Token::Block(BlockCode::NoIndent),
        ("TIGHTSPACING", None) => Token::Block(BlockCode::Spacing(SpacingCode::Tight)),
        ("SINGLESPACING", None) => Token::Block(BlockCode::Spacing(SpacingCode::Single)),
        ("ONEANDAHALFSPACING", None) => Token::Block(BlockCode::Spacing(SpacingCode::OneAndHalf)),
        ("DOUBLESPACING", None) => Token::Block(BlockCode::Spacing(SpacingCode::Double)),
        ("TRIPLESPACING", None) => Token::Block(BlockCode::Spacing(SpacingCode::Triple)),
        ("START_INDENTATION", None) => Token::Block(BlockCode::Indentation(true)),
        ("STOP_INDENTATION", None) => Token::Block(BlockCode::Indentation(false)),
        ("PAGEBREAK", None) => Token::Block(BlockCode::PageBreak),
        ("NEWPAR", None) => Token::Block(BlockCode::NewPar),
        ("SKIPLINE", None) => Token::Block(BlockCode::Skip(0.0)),
        ("VERTICALSPACE", None) => Token::Block(BlockCode::Skip(24.0)),
        ("BEGIN_TWOCOL", None) => Token::Block(BlockCode::BeginColumns(false)),
        ("BEGIN_CAPTION", None) => Token::Block(BlockCode::BeginColumns(true)),
        ("BREAK" | "VERTICAL_LINE", None) => Token::Block(BlockCode::NextColumn),
        ("END_TWOCOL" | "END_CAPTION", None) => Token::Block(BlockCode::EndColumns),
        ("END" | "SAVE" | "RESTORE" | "MANUALSKIP" | "NOPAR", None) => Token::Nothing,
        _ => return None,
    };
    Some((token, end + 1))
}

/// The codes that take arguments.
fn with_arguments(name: &str, args: &str) -> Option<Token> {
    Some(match name {
        "INDENTBY" => {
            let mut lengths = args.split_whitespace().map(length_in_points);
            let left = lengths.next()?;
            let right = lengths.next().unwrap_or(0.0);
            Token::Block(BlockCode::IndentBy(left, right))
        }
        "FILE" | "QR" => {
            let mut parts = args.splitn(3, ',').map(str::trim);
            let target = parts.next().filter(|t| !t.is_empty())?.to_string();
            let width = parts
                .next()
                .map_or(Width::Points(DEFAULT_IMAGE_WIDTH), image_width);
            let alt = parts.next().filter(|a| !a.is_empty()).map(str::to_string);
            let reference = if name == "FILE" {
                ImageRef::File(target)
            } else {
                ImageRef::Qr(target)
            };
            Token::Image {
                reference,
                width,
                alt,
            }
        }
        "REDACTION_WORD" => Token::Redaction(args.to_string()),
        "MAP" | "TARGET" | "EMOJI" | "FIELD" => Token::Nothing,
        _ if name.starts_with("YOUTUBE") || name.starts_with("VIMEO") => Token::Nothing,
        _ => return None,
    })
}

/// An image width as docassemble reads it: `full`, `N%`, or a length; anything else (or
/// `None`) is the default width.
fn image_width(text: &str) -> Width {
    if text == "full" {
        return Width::Fraction(1.0);
    }
    if let Some(percent) = text.strip_suffix('%') {
        if let Ok(value) = percent.trim().parse::<f32>() {
            return Width::Fraction(value / 100.0);
        }
    }
    if text.is_empty()
        || text == "None"
        || !text.starts_with(|c: char| c.is_ascii_digit() || c == '.')
    {
        return Width::Points(DEFAULT_IMAGE_WIDTH);
    }
    Width::Points(length_in_points(text))
}

/// A length such as `1in`, `2.5cm`, `12pt`, `300px` in points, with docassemble's units
/// (`twips`, `hp`, `in`, `pt`, `px`, `em`, `cm`); unreadable lengths are 300, as docassemble's.
pub(crate) fn length_in_points(text: &str) -> f32 {
    let text = text.trim().to_ascii_lowercase();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let Ok(value) = number.parse::<f32>() else {
        return 300.0;
    };
    let multiplier = match unit.trim() {
        "twips" => 0.05,
        "hp" => 0.5,
        "in" => 72.0,
        "pt" | "px" => 1.0,
        "em" => 12.0,
        "cm" => 28.346_472,
        "mm" => 2.834_647_2,
        _ => return 300.0,
    };
    value * multiplier
}

/// Splits text holding placeholders into literal pieces and token indices.
pub(crate) fn split(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(OPEN) {
        let after = &rest[open + OPEN.len_utf8()..];
        let Some(close) = after.find(CLOSE) else {
            break;
        };
        if open > 0 {
            out.push(Segment::Text(&rest[..open]));
        }
        match after[..close].parse::<usize>() {
            Ok(index) => out.push(Segment::Token(index)),
            Err(_) => out.push(Segment::Text("\u{FFFD}")),
        }
        rest = &after[close + CLOSE.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    out
}

/// A piece of text holding placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Segment<'a> {
    Text(&'a str),
    Token(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_become_placeholders_and_unknown_brackets_stay() {
        let (text, tokens) = tokenise("[BOLDCENTER] Will of [NAME] page [PAGENUM] [[BR]]");
        assert_eq!(tokens.len(), 3);
        assert_eq!(
            tokens[0],
            Token::Block(BlockCode::Align(Align::Center, true))
        );
        assert_eq!(tokens[1], Token::Field(Field::PageNumber));
        assert_eq!(tokens[2], Token::Text("BR".to_string()));
        assert!(text.contains("[NAME]"));
        let segments = split(&text);
        assert_eq!(segments[0], Segment::Token(0));
        assert_eq!(segments[1], Segment::Text(" Will of [NAME] page "));
    }

    #[test]
    fn image_codes_take_width_and_alt() {
        let (_, tokens) =
            tokenise("[FILE sig.png, 2in, Signature] [QR https://x.org] [FILE a, 50%]");
        assert_eq!(
            tokens[0],
            Token::Image {
                reference: ImageRef::File("sig.png".into()),
                width: Width::Points(144.0),
                alt: Some("Signature".into())
            }
        );
        assert_eq!(
            tokens[1],
            Token::Image {
                reference: ImageRef::Qr("https://x.org".into()),
                width: Width::Points(288.0),
                alt: None
            }
        );
        assert!(
            matches!(tokens[2], Token::Image { width: Width::Fraction(f), .. } if (f - 0.5).abs() < 1e-6)
        );
    }

    #[test]
    fn indentby_reads_one_or_two_lengths() {
        let (_, tokens) = tokenise("[INDENTBY 1in] [INDENTBY 2cm 1in] [INDENTBY]");
        assert_eq!(tokens[0], Token::Block(BlockCode::IndentBy(72.0, 0.0)));
        assert!(
            matches!(tokens[1], Token::Block(BlockCode::IndentBy(l, 72.0)) if (l - 56.69).abs() < 0.01)
        );
        assert_eq!(tokens.len(), 2, "[INDENTBY] without a length is not a code");
    }

    #[test]
    fn stray_placeholder_characters_are_neutralised() {
        let (text, tokens) = tokenise("a\u{E000}0\u{E001}b");
        assert!(tokens.is_empty());
        assert_eq!(split(&text), vec![Segment::Text("a\u{FFFD}0\u{FFFD}b")]);
    }

    #[test]
    fn lengths_follow_docassemble_units() {
        assert!((length_in_points("1in") - 72.0).abs() < 1e-6);
        assert!((length_in_points("0.5 in") - 36.0).abs() < 1e-6);
        assert!((length_in_points("240twips") - 12.0).abs() < 1e-6);
        assert!((length_in_points("wide") - 300.0).abs() < 1e-6);
    }
}
