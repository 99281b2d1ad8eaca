//! Markdown (with docassemble's markup codes) → RTF, in the spirit of docassemble's
//! `Legal-Template.rtf` output: Times 12 pt on US letter with one-inch margins, paragraphs
//! spaced, headings bold, lists with bullets or numbers, emphasis, `[BOLDCENTER]` /
//! `[CENTER]` / `[FLUSHLEFT]` / `[FLUSHRIGHT]` paragraphs, `[NEWLINE]`, `[TAB]`,
//! `[PAGEBREAK]`, page-number fields and the typographic codes. Text is escaped (`\ { }`,
//! non-ASCII as `\uN?`); nothing of the input becomes an RTF control word.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Inline codes: (code, placeholder). Placeholders are private-use characters, turned into
/// RTF after the text around them is escaped.
const INLINE_CODES: &[(&str, char)] = &[
    ("[NEWLINE]", '\u{E010}'),
    ("[BR]", '\u{E010}'),
    ("[TAB]", '\u{E011}'),
    ("[PAGEBREAK]", '\u{E012}'),
    ("[PAGENUM]", '\u{E013}'),
    ("[TOTALPAGES]", '\u{E014}'),
    ("[SKIPLINE]", '\u{E015}'),
    ("[NBSP]", '\u{E016}'),
    ("[ENDASH]", '\u{E017}'),
    ("[EMDASH]", '\u{E018}'),
    ("[HYPHEN]", '\u{E019}'),
    ("[CHECKBOX]", '\u{E01A}'),
    ("[BLANKFILL]", '\u{E01C}'),
    ("[BLANK]", '\u{E01B}'),
];

/// Paragraph codes: (code, placeholder, RTF paragraph properties).
const PARAGRAPH_CODES: &[(&str, char, &str)] = &[
    ("[BOLDCENTER]", '\u{E020}', "\\qc\\b "),
    ("[CENTER]", '\u{E021}', "\\qc "),
    ("[FLUSHLEFT]", '\u{E022}', "\\ql "),
    ("[FLUSHRIGHT]", '\u{E023}', "\\qr "),
    ("[NOINDENT]", '\u{E024}', "\\fi0 "),
    ("[BORDER]", '\u{E025}', "\\box\\brdrs\\brdrw10\\brsp80 "),
];

/// Codes with no RTF rendering here (layout this writer does not do), removed with their
/// argument when they have one.
const DROPPED_PREFIXES: &[&str] = &[
    "[INDENTBY",
    "[START_INDENTATION]",
    "[STOP_INDENTATION]",
    "[SINGLESPACING]",
    "[ONEANDAHALFSPACING]",
    "[DOUBLESPACING]",
    "[TRIPLESPACING]",
    "[TIGHTSPACING]",
    "[BEGIN_TWOCOL]",
    "[BREAK]",
    "[END_TWOCOL]",
    "[BEGIN_CAPTION]",
    "[VERTICAL_LINE]",
    "[END_CAPTION]",
    "[SECTIONNUM]",
    "[NO_EMOJIS]",
    "[FILE ",
    "[QR ",
    "[FIELD ",
];

/// The document's start: fonts, page (US letter, 1in margins), Times 12 pt.
const HEADER: &str = "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1\n{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fmodern\\fcharset0 Courier New;}}\n\\paperw12240\\paperh15840\\margl1440\\margr1440\\margt1440\\margb1440\\widowctrl\n\\f0\\fs24\n";

/// Replaces docassemble's codes by placeholders (and drops the ones not rendered).
fn tokenize_codes(markdown: &str) -> String {
    let mut t = markdown.replace("[NEWPAR]", "\n\n");
    for (code, ph) in INLINE_CODES {
        if t.contains(code) {
            t = t.replace(code, &ph.to_string());
        }
    }
    for (code, ph, _) in PARAGRAPH_CODES {
        if t.contains(code) {
            t = t.replace(code, &ph.to_string());
        }
    }
    for prefix in DROPPED_PREFIXES {
        while let Some(start) = t.find(prefix) {
            let end = t[start..].find(']').map_or(t.len(), |e| start + e + 1);
            t.replace_range(start..end, "");
        }
    }
    t
}

/// Escapes text for RTF; placeholders pass through.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '\n' | '\r' => out.push(' '),
            '\t' => out.push_str("\\tab "),
            '\u{E010}'..='\u{E025}' => out.push(c),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c if c.is_ascii_control() => {}
            c => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    // RTF's \u takes a signed 16-bit number
                    let n = i32::from(*unit);
                    let n = if n > 32767 { n - 65536 } else { n };
                    out.push_str(&format!("\\u{n}?"));
                }
            }
        }
    }
}

/// The RTF of an inline placeholder.
fn inline_rtf(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{E010}' => "\\line ",
        '\u{E011}' => "\\tab ",
        '\u{E012}' => "\\page ",
        '\u{E013}' => "{\\field{\\*\\fldinst PAGE}{\\fldrslt 1}}",
        '\u{E014}' => "{\\field{\\*\\fldinst NUMPAGES}{\\fldrslt 1}}",
        '\u{E015}' => "\\line\\line ",
        '\u{E016}' => "\\~",
        '\u{E017}' => "\\endash ",
        '\u{E018}' => "\\emdash ",
        '\u{E019}' => "\\_",
        '\u{E01A}' => "\\u9744?",
        '\u{E01B}' => "________",
        '\u{E01C}' => "________________________________",
        _ => return None,
    })
}

/// A paragraph's content with its leading paragraph codes taken out: (properties, body).
fn finish_paragraph(body: &str) -> (String, String) {
    let mut props = String::new();
    let mut rest = body.trim_start();
    loop {
        let Some(c) = rest.chars().next() else { break };
        match PARAGRAPH_CODES.iter().find(|(_, ph, _)| *ph == c) {
            Some((_, _, p)) => {
                props.push_str(p);
                rest = rest[c.len_utf8()..].trim_start();
            }
            None => break,
        }
    }
    let mut out = String::with_capacity(rest.len());
    for c in rest.chars() {
        if let Some(r) = inline_rtf(c) {
            out.push_str(r);
        } else if PARAGRAPH_CODES.iter().any(|(_, ph, _)| *ph == c) {
            // a paragraph code inside a paragraph: docassemble starts a new line there
            out.push_str("\\line ");
        } else {
            out.push(c);
        }
    }
    (props, out)
}

/// Converts Markdown (after Mako) to an RTF document.
pub fn markdown_to_rtf(markdown: &str) -> String {
    let text = tokenize_codes(markdown);
    let mut out = String::from(HEADER);
    let mut para = String::new();
    let mut props = String::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut quote = 0usize;
    let mut in_para = false;
    let flush = |out: &mut String, para: &mut String, props: &str, lists: &[Option<u64>], quote: usize| {
        let (codes, body) = finish_paragraph(para);
        let indent = 720 * (lists.len() + quote);
        out.push_str("{\\pard\\sa240\\sl276\\slmult1");
        if indent > 0 {
            out.push_str(&format!("\\li{indent}"));
        }
        out.push(' ');
        out.push_str(props);
        out.push_str(&codes);
        out.push_str(&body);
        out.push_str("\\par}\n");
        para.clear();
    };
    for event in Parser::new_ext(&text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Paragraph) => {
                in_para = true;
            }
            Event::End(TagEnd::Paragraph) => {
                flush(&mut out, &mut para, &props, &lists, quote);
                props.clear();
                in_para = false;
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let size = match level {
                    HeadingLevel::H1 => 32,
                    HeadingLevel::H2 => 28,
                    _ => 24,
                };
                props = format!("\\keepn\\b\\fs{size} ");
                in_para = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut out, &mut para, &props, &lists, quote);
                props.clear();
                in_para = false;
            }
            Event::Start(Tag::List(start)) => lists.push(start),
            Event::End(TagEnd::List(_)) => {
                if !para.is_empty() {
                    flush(&mut out, &mut para, &props, &lists, quote);
                    props.clear();
                }
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                if !para.is_empty() {
                    flush(&mut out, &mut para, &props, &lists, quote);
                }
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => "\\bullet".to_string(),
                };
                props = format!("\\fi-360 {marker}\\tab ");
            }
            Event::End(TagEnd::Item) => {
                if !para.is_empty() {
                    flush(&mut out, &mut para, &props, &lists, quote);
                }
                props.clear();
            }
            Event::Start(Tag::BlockQuote(_)) => quote += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote = quote.saturating_sub(1),
            Event::Start(Tag::Emphasis) => para.push_str("{\\i "),
            Event::Start(Tag::Strong) => para.push_str("{\\b "),
            Event::Start(Tag::Strikethrough) => para.push_str("{\\strike "),
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => para.push('}'),
            Event::Start(Tag::CodeBlock(_)) => {
                props = "\\f1\\fs20 ".to_string();
            }
            Event::End(TagEnd::CodeBlock) => {
                let body = std::mem::take(&mut para);
                para = body.trim_end_matches("\\line ").to_string();
                flush(&mut out, &mut para, &props, &lists, quote);
                props.clear();
            }
            Event::Start(Tag::TableCell) => {}
            Event::End(TagEnd::TableCell) => para.push_str("\\tab "),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                flush(&mut out, &mut para, &props, &lists, quote);
            }
            Event::Text(t) => {
                if props.starts_with("\\f1") {
                    // code block: keep its lines
                    for (i, line) in t.split('\n').enumerate() {
                        if i > 0 {
                            para.push_str("\\line ");
                        }
                        escape_into(&mut para, line);
                    }
                } else {
                    escape_into(&mut para, &t);
                }
            }
            Event::Code(t) => {
                para.push_str("{\\f1 ");
                escape_into(&mut para, &t);
                para.push('}');
            }
            Event::SoftBreak => para.push(' '),
            Event::HardBreak => para.push_str("\\line "),
            Event::Rule => out.push_str("{\\pard\\brdrb\\brdrs\\brdrw10\\brsp20 \\par}\n"),
            Event::Html(h) | Event::InlineHtml(h) => {
                // author HTML has no RTF meaning: its text is kept
                let mut text = String::new();
                let mut in_tag = false;
                for c in h.chars() {
                    match c {
                        '<' => in_tag = true,
                        '>' => in_tag = false,
                        c if !in_tag => text.push(c),
                        _ => {}
                    }
                }
                escape_into(&mut para, &text);
            }
            _ => {}
        }
    }
    if in_para || !para.is_empty() {
        flush(&mut out, &mut para, &props, &lists, quote);
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_codes_and_escapes() {
        let rtf = markdown_to_rtf("[BOLDCENTER] My Life Story\n\nHello, *wörld* {x} \\ y[NEWLINE]Page [PAGENUM]\n\n- one\n- two\n");
        assert!(rtf.starts_with("{\\rtf1\\ansi"));
        assert!(rtf.trim_end().ends_with('}'));
        assert!(rtf.contains("\\qc\\b My Life Story\\par}"), "{rtf}");
        assert!(rtf.contains("Hello, {\\i w\\u246?rld} \\{x\\} \\\\ y\\line Page {\\field{\\*\\fldinst PAGE}"), "{rtf}");
        assert!(rtf.contains("\\bullet\\tab one\\par}") && rtf.contains("\\bullet\\tab two\\par}"), "{rtf}");
        // braces balance: the document is one group
        let depth = rtf.chars().fold((0i32, 0i32), |(d, min), c| match c {
            '{' => (d + 1, min),
            '}' => (d - 1, min.min(d - 1)),
            _ => (d, min),
        });
        let escaped = rtf.matches("\\{").count() as i32 - rtf.matches("\\}").count() as i32;
        assert_eq!(depth.0 - escaped, 0);
    }

    #[test]
    fn astral_characters_are_surrogate_pairs_and_codes_without_rtf_are_dropped() {
        let rtf = markdown_to_rtf("a 😀 b [INDENTBY 1in] c [FILE x.png] d");
        assert!(rtf.contains("a \\u-10179?\\u-8704? b  c  d"), "{rtf}");
    }
}
