//! docxtpl's `patch_xml` (python-docx-template 0.20), ported pattern for pattern, plus the two
//! steps docassemble runs before it (a newline before every paragraph, `fix_quotes` inside
//! tags). It turns WordprocessingML with Jinja tags typed by an author (and split by Word
//! across runs) into a Jinja source whose tags are whole and whose `{%p %}`, `{%tr %}`,
//! `{%tc %}`, `{%r %}`, `{{p }}`, `{{r }}` tags have replaced their enclosing element.

use std::sync::LazyLock;

use super::regex::{compile, get, group, sub, sub_with, Pattern};
use crate::Result;

/// Prepares one XML part as docassemble does before docxtpl sees it, then runs
/// [`patch_xml`]: a newline before each `<w:p` (so that Jinja errors carry useful line
/// numbers) and straight quotes and a bare `&` inside each tag.
pub fn prepare_part(part: &str, xml: &str) -> Result<String> {
    let with_lines = sub(part, &PARAGRAPH_START, xml, "\n<w:p${1}")?;
    let quoted = sub_with(part, get(part, &TAG_ON_LINE)?, &with_lines, 0, |caps| {
        Ok(fix_quotes(group(caps, 1)))
    })?;
    patch_xml(part, &quoted)
}

static PARAGRAPH_START: Pattern = LazyLock::new(|| compile(r"<w:p([ >])"));
static TAG_ON_LINE: Pattern = LazyLock::new(|| compile(r"(\{[%\{].*?[%\}]\})"));

/// docassemble's `fix_quotes`: curly quotes become straight ones and `&amp;` becomes `&`.
pub fn fix_quotes(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    let mut rest = tag;
    while let Some(ch) = rest.chars().next() {
        match ch {
            '\u{201c}' | '\u{201d}' => out.push('"'),
            '\u{2018}' | '\u{2019}' => out.push('\''),
            '&' if rest.starts_with("&amp;") && rest.len() > 5 => {
                out.push('&');
                rest = &rest[5..];
                continue;
            }
            other => out.push(other),
        }
        rest = &rest[ch.len_utf8()..];
    }
    out
}

static JOIN_BRACES: Pattern =
    LazyLock::new(|| compile(r"(?s)(?<=\{)(<[^>]*>)+(?=[\{%#])|(?<=[%\}#])(<[^>]*>)+(?=\})"));
static WHOLE_TAG: Pattern =
    LazyLock::new(|| compile(r"(?s)\{%(?:(?!%\}).)*|\{#(?:(?!#\}).)*|\{\{(?:(?!\}\}).)*"));
static TEXT_BREAK: Pattern = LazyLock::new(|| compile(r"(?s)</w:t>.*?(<w:t>|<w:t [^>]*>)"));
static COLSPAN: Pattern = LazyLock::new(|| {
    compile(r"(?s)(<w:tc[ >](?:(?!<w:tc[ >]).)*)\{%\s*colspan\s+([^%]*)\s*%\}(.*?</w:tc>)")
});
static CELLBG: Pattern = LazyLock::new(|| {
    compile(r"(?s)(<w:tc[ >](?:(?!<w:tc[ >]).)*)\{%\s*cellbg\s+([^%]*)\s*%\}(.*?</w:tc>)")
});
static EMPTY_RUN: Pattern =
    LazyLock::new(|| compile(r"(?s)<w:r[ >](?:(?!<w:r[ >]).)*<w:t></w:t>.*?</w:r>"));
static GRID_SPAN: Pattern = LazyLock::new(|| compile(r"<w:gridSpan[^/]*/>"));
static SHADING: Pattern = LazyLock::new(|| compile(r"<w:shd[^/]*/>"));
static CELL_PROPERTIES: Pattern = LazyLock::new(|| compile(r"(<w:tcPr[^>]*>)"));
static PRESERVE_SPACE: Pattern = LazyLock::new(|| {
    compile(r"(?s)<w:t>((?:(?!<w:t>).)*)(\{\{.*?\}\}|\{%.*?%\})")
});
static RUN_TAG: Pattern = LazyLock::new(|| compile(r"(?s)(\{\{r\s.*?\}\}|\{%r\s.*?%\})"));
static MERGE_BEFORE: Pattern = LazyLock::new(|| compile(r"(?s)</w:t>(?:(?!</w:t>).)*?\{%-"));
static MERGE_AFTER: Pattern =
    LazyLock::new(|| compile(r"(?s)-%\}(?:(?!<w:t[ >]|\{%|\{\{).)*?<w:t[^>]*?>"));
static ELEMENT_TAGS: LazyLock<Vec<std::result::Result<fancy_regex::Regex, String>>> =
    LazyLock::new(|| {
        ["tr", "tc", "p", "r"]
            .iter()
            .map(|y| {
                compile(&format!(
                    r"(?s)<w:{y}[ >](?:(?!<w:{y}[ >]).)*(\{{%|\{{\{{){y} ([^}}%]*(?:%\}}|\}}\}})).*?</w:{y}>"
                ))
            })
            .collect()
    });
static ELEMENT_COMMENTS: LazyLock<Vec<std::result::Result<fancy_regex::Regex, String>>> =
    LazyLock::new(|| {
        ["tr", "tc", "p"]
            .iter()
            .map(|y| {
                compile(&format!(
                    r"(?s)<w:{y}[ >](?:(?!<w:{y}[ >]).)*(\{{#){y} ([^}}#]*(?:#\}})).*?</w:{y}>"
                ))
            })
            .collect()
    });
static VM_CELL: Pattern =
    LazyLock::new(|| compile(r"(?s)<w:tc[ >](?:(?!<w:tc[ >]).)*?\{%\s*vm\s*%\}.*?</w:tc[ >]"));
static VM_TEXT: Pattern = LazyLock::new(|| {
    compile(r"(?s)(</w:tcPr[ >].*?<w:t(?:.*?)>)(.*?)(?:\{%\s*vm\s*%\})(.*?)(</w:t>)")
});
static HM_CELL: Pattern =
    LazyLock::new(|| compile(r"(?s)<w:tc[ >](?:(?!<w:tc[ >]).)*?\{%\s*hm\s*%\}.*?</w:tc[ >]"));
static HM_TEXT: Pattern = LazyLock::new(|| {
    compile(r"(?s)(</w:tcPr[ >].*?<w:t(?:.*?)>)(.*?)(?:\{%\s*hm\s*%\})(.*?)(</w:t>)")
});
static HM_SPAN_VALUE: Pattern = LazyLock::new(|| compile(r#"(?s)(w:gridSpan w:val=")(\d+)(")"#));
static HM_TAG: Pattern = LazyLock::new(|| compile(r"(?s)\{%\s*hm\s*%\}"));
static TAG_INSIDE: Pattern = LazyLock::new(|| compile(r"(?<=\{[\{%])(.*?)(?=[\}%]\})"));

/// docxtpl's `DocxTemplate.patch_xml`, step for step.
pub fn patch_xml(part: &str, src: &str) -> Result<String> {
    // {<tags>{ becomes {{ (and the same for {% %} {# #} and their closing halves)
    let mut xml = sub(part, &JOIN_BRACES, src, "")?;
    // {{<tags>stuff<tags>}} becomes {{stuff}}: drop the run breaks inside a tag
    let text_break = get(part, &TEXT_BREAK)?;
    xml = sub_with(part, get(part, &WHOLE_TAG)?, &xml, 0, |caps| {
        sub_with(part, text_break, group(caps, 0), 0, |_| Ok(String::new()))
    })?;
    xml = cell_attribute(part, &COLSPAN, &GRID_SPAN, &xml, |value| {
        format!(r#"<w:gridSpan w:val="{{{{{value}}}}}"/>"#)
    })?;
    xml = cell_attribute(part, &CELLBG, &SHADING, &xml, |value| {
        format!(r#"<w:shd w:val="clear" w:color="auto" w:fill="{{{{{value}}}}}"/>"#)
    })?;
    xml = sub(part, &PRESERVE_SPACE, &xml, r#"<w:t xml:space="preserve">${1}${2}"#)?;
    xml = sub(
        part,
        &RUN_TAG,
        &xml,
        r#"</w:t></w:r><w:r><w:t xml:space="preserve">${1}</w:t></w:r><w:r><w:t xml:space="preserve">"#,
    )?;
    xml = sub(part, &MERGE_BEFORE, &xml, "{%")?;
    xml = sub(part, &MERGE_AFTER, &xml, "%}")?;
    for pattern in ELEMENT_TAGS.iter().chain(ELEMENT_COMMENTS.iter()) {
        let re = pattern.as_ref().map_err(|message| crate::DocsError::Patch {
            part: part.to_string(),
            message: message.clone(),
        })?;
        xml = sub_with(part, re, &xml, 0, |caps| Ok(format!("{} {}", group(caps, 1), group(caps, 2))))?;
    }
    xml = vertical_merge(part, &xml)?;
    xml = horizontal_merge(part, &xml)?;
    sub_with(part, get(part, &TAG_INSIDE)?, &xml, 0, |caps| Ok(clean_tag(group(caps, 0))))
}

/// `{% colspan n %}` / `{% cellbg c %}`: the cell loses its empty runs and its old property,
/// and its `<w:tcPr>` gains the new one.
fn cell_attribute(
    part: &str,
    outer: &Pattern,
    old_property: &Pattern,
    xml: &str,
    property: impl Fn(&str) -> String,
) -> Result<String> {
    let empty_run = get(part, &EMPTY_RUN)?;
    let old_property = get(part, old_property)?;
    let cell_properties = get(part, &CELL_PROPERTIES)?;
    sub_with(part, get(part, outer)?, xml, 0, |caps| {
        let cell = format!("{}{}", group(caps, 1), group(caps, 3));
        let cell = sub_with(part, empty_run, &cell, 0, |_| Ok(String::new()))?;
        let cell = sub_with(part, old_property, &cell, 1, |_| Ok(String::new()))?;
        let added = property(group(caps, 2));
        sub_with(part, cell_properties, &cell, 0, |inner| Ok(format!("{}{added}", group(inner, 1))))
    })
}

/// `{% vm %}`: the cell is vertically merged with its copies made by a `{% for %}`.
fn vertical_merge(part: &str, xml: &str) -> Result<String> {
    let text = get(part, &VM_TEXT)?;
    sub_with(part, get(part, &VM_CELL)?, xml, 0, |caps| {
        sub_with(part, text, group(caps, 0), 0, |inner| {
            Ok(format!(
                r#"<w:vMerge w:val="{{% if loop.first %}}restart{{% else %}}continue{{% endif %}}"/>{}{{% if loop.first %}}{}{}{{% endif %}}{}"#,
                group(inner, 1),
                group(inner, 2),
                group(inner, 3),
                group(inner, 4)
            ))
        })
    })
}

/// `{% hm %}`: the cell spans the columns its `{% for %}` would have made; the other copies
/// are dropped.
fn horizontal_merge(part: &str, xml: &str) -> Result<String> {
    let span_value = get(part, &HM_SPAN_VALUE)?;
    let hm_tag = get(part, &HM_TAG)?;
    let text = get(part, &HM_TEXT)?;
    sub_with(part, get(part, &HM_CELL)?, xml, 0, |caps| {
        let cell = group(caps, 0);
        let patched = if cell.contains("w:gridSpan") {
            let multiplied = sub_with(part, span_value, cell, 0, |inner| {
                Ok(format!("{}{{{{ {} * loop.length }}}}{}", group(inner, 1), group(inner, 2), group(inner, 3)))
            })?;
            sub_with(part, hm_tag, &multiplied, 0, |_| Ok(String::new()))?
        } else {
            sub_with(part, text, cell, 0, |inner| {
                Ok(format!(
                    r#"<w:gridSpan w:val="{{{{ loop.length }}}}"/>{}{}{}{}"#,
                    group(inner, 1),
                    group(inner, 2),
                    group(inner, 3),
                    group(inner, 4)
                ))
            })?
        };
        Ok(format!("{{% if loop.first %}}{patched}{{% endif %}}"))
    })
}

/// docxtpl's `clean_tags`: inside a tag, XML escapes and curly quotes become plain characters.
fn clean_tag(inside: &str) -> String {
    inside
        .replace("&#8216;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2018}', '\u{2019}'], "'")
}
