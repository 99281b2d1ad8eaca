//! docxtpl's `resolve_listing` and the clean-up after rendering: control characters in
//! rendered text become WordprocessingML (`\n` a line break, `\t` a tab, `\a` a new paragraph,
//! `\f` a page break), and drawing ids are renumbered so copies made by loops stay unique.

use std::sync::LazyLock;

use super::regex::{compile, get, group, sub, sub_with, Pattern};
use crate::Result;

static PARAGRAPH: Pattern = LazyLock::new(|| compile(r"(?s)<w:p(?: [^>]*)?>.*?</w:p>"));
static PARAGRAPH_PROPERTIES: Pattern = LazyLock::new(|| compile(r"<w:pPr>.*?</w:pPr>"));
static RUN: Pattern = LazyLock::new(|| compile(r"(?s)<w:r(?: [^>]*)?>.*?</w:r>"));
static RUN_PROPERTIES: Pattern = LazyLock::new(|| compile(r"<w:rPr>.*?</w:rPr>"));
static TEXT: Pattern = LazyLock::new(|| compile(r"(?s)<w:t(?: [^>]*)?>.*?</w:t>"));
static NEWLINE_PARAGRAPH: Pattern = LazyLock::new(|| compile(r"\n<w:p([ >])"));
static DOC_PR_ID: Pattern = LazyLock::new(|| compile(r#"(<wp:docPr\b[^>]*?\bid=")[^"]*(")"#));

/// The steps of docxtpl's `render_xml_part` after Jinja: the newlines put before paragraphs
/// are removed, escaped braces (`{_{`, `}_}`, `{_%`, `%_}`) are restored, and
/// [`resolve_listing`] runs.
pub fn finish_part(part: &str, rendered: &str) -> Result<String> {
    let joined = sub(part, &NEWLINE_PARAGRAPH, rendered, "<w:p${1}")?;
    let restored = joined
        .replace("{_{", "{{")
        .replace("}_}", "}}")
        .replace("{_%", "{%")
        .replace("%_}", "%}");
    resolve_listing(part, &restored)
}

/// docxtpl's `resolve_listing`.
pub fn resolve_listing(part: &str, xml: &str) -> Result<String> {
    let paragraph_properties = get(part, &PARAGRAPH_PROPERTIES)?;
    let run = get(part, &RUN)?;
    let run_properties = get(part, &RUN_PROPERTIES)?;
    let text = get(part, &TEXT)?;
    sub_with(part, get(part, &PARAGRAPH)?, xml, 0, |paragraph| {
        let paragraph = group(paragraph, 0);
        let p_pr = first_match(part, paragraph_properties, paragraph)?;
        sub_with(part, run, paragraph, 0, |the_run| {
            let the_run = group(the_run, 0);
            let r_pr = first_match(part, run_properties, the_run)?;
            sub_with(part, text, the_run, 0, |the_text| Ok(resolve_text(group(the_text, 0), &r_pr, &p_pr)))
        })
    })
}

fn first_match(part: &str, re: &fancy_regex::Regex, text: &str) -> Result<String> {
    let found = re
        .find(text)
        .map_err(|err| crate::DocsError::Patch { part: part.to_string(), message: err.to_string() })?;
    Ok(found.map(|m| m.as_str().to_string()).unwrap_or_default())
}

fn resolve_text(text: &str, r_pr: &str, p_pr: &str) -> String {
    if !text.contains(['\t', '\u{7}', '\n', '\u{c}']) {
        return text.to_string();
    }
    text.replace(
        '\t',
        &format!(r#"</w:t></w:r><w:r>{r_pr}<w:tab/></w:r><w:r>{r_pr}<w:t xml:space="preserve">"#),
    )
    .replace(
        '\u{7}',
        &format!(r#"</w:t></w:r></w:p><w:p>{p_pr}<w:r>{r_pr}<w:t xml:space="preserve">"#),
    )
    .replace('\n', r#"</w:t><w:br/><w:t xml:space="preserve">"#)
    .replace(
        '\u{c}',
        &format!(
            r#"</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p>{p_pr}<w:r>{r_pr}<w:t xml:space="preserve">"#
        ),
    )
}

/// docxtpl's `fix_docpr_ids`: every `<wp:docPr>` gets a fresh id from 1001 on, because a loop
/// that repeats a drawing repeats its id.
pub fn renumber_drawings(part: &str, xml: &str) -> Result<String> {
    let mut next = 1000u64;
    sub_with(part, get(part, &DOC_PR_ID)?, xml, 0, |caps| {
        next += 1;
        Ok(format!("{}{next}{}", group(caps, 1), group(caps, 2)))
    })
}
