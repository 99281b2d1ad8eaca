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
    let xml = normalize_text_references(xml);
    let with_lines = sub(part, &PARAGRAPH_START, &xml, "\n<w:p${1}")?;
    let quoted = sub_with(part, get(part, &TAG_ON_LINE)?, &with_lines, 0, |caps| {
        Ok(fix_quotes(group(caps, 1)))
    })?;
    patch_xml(part, &quoted)
}

static PARAGRAPH_START: Pattern = LazyLock::new(|| compile(r"<w:p([ >])"));
static TAG_ON_LINE: Pattern = LazyLock::new(|| compile(r"(\{[%\{].*?[%\}]\})"));

/// Writes character references in text nodes as lxml serialises them, because docxtpl patches
/// lxml's serialisation, not the file: `&quot;`, `&apos;` and numeric references become the
/// character itself, except `&`, `<`, `>` and control characters (other than tab and newline),
/// which stay escaped. Attribute values and tags are left alone.
pub fn normalize_text_references(xml: &str) -> std::borrow::Cow<'_, str> {
    if !xml.contains("&quot;") && !xml.contains("&apos;") && !xml.contains("&#") {
        return std::borrow::Cow::Borrowed(xml);
    }
    let bytes = xml.as_bytes();
    let mut out = String::with_capacity(xml.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'<' {
            // copy the whole tag, minding quoted attribute values
            let start = index;
            let mut quote: Option<u8> = None;
            index += 1;
            while index < bytes.len() {
                match (quote, bytes[index]) {
                    (None, b'"' | b'\'') => quote = Some(bytes[index]),
                    (Some(q), c) if c == q => quote = None,
                    (None, b'>') => break,
                    _ => {}
                }
                index += 1;
            }
            index = (index + 1).min(bytes.len());
            out.push_str(&xml[start..index]);
            continue;
        }
        let end = xml[index..].find('<').map_or(xml.len(), |at| index + at);
        out.push_str(&decode_text_references(&xml[index..end]));
        index = end;
    }
    std::borrow::Cow::Owned(out)
}

fn decode_text_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(semi) = rest.find(';').filter(|semi| *semi <= 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let decoded = match name {
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name.strip_prefix('#').and_then(|number| {
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => number.parse().ok(),
                };
                code.and_then(char::from_u32)
                    .filter(|ch| !matches!(ch, '&' | '<' | '>') && (*ch >= ' ' || matches!(ch, '\t' | '\n')))
            }),
        };
        match decoded {
            Some(ch) => out.push(ch),
            None => out.push_str(&rest[..=semi]),
        }
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    out
}

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

/// docxtpl's `DocxTemplate.patch_xml`, step for step. Steps whose pattern needs a literal
/// that the text lacks are skipped (they could not match), and the three steps that run on
/// every template are hand-written scanners with the patterns' exact semantics (the tests
/// compare them with the patterns on every example template).
pub fn patch_xml(part: &str, src: &str) -> Result<String> {
    // {<tags>{ becomes {{ (and the same for {% %} {# #} and their closing halves)
    let mut xml = join_braces(src);
    // {{<tags>stuff<tags>}} becomes {{stuff}}: drop the run breaks inside a tag
    let text_break = get(part, &TEXT_BREAK)?;
    xml = whole_tags(&xml, |tag| sub_with(part, text_break, tag, 0, |_| Ok(String::new())))?;
    if xml.contains("colspan") {
        xml = cell_attribute(part, &COLSPAN, &GRID_SPAN, &xml, |value| {
            format!(r#"<w:gridSpan w:val="{{{{{value}}}}}"/>"#)
        })?;
    }
    if xml.contains("cellbg") {
        xml = cell_attribute(part, &CELLBG, &SHADING, &xml, |value| {
            format!(r#"<w:shd w:val="clear" w:color="auto" w:fill="{{{{{value}}}}}"/>"#)
        })?;
    }
    if xml.contains("<w:t>") && (xml.contains("{{") || xml.contains("{%")) {
        xml = sub(part, &PRESERVE_SPACE, &xml, r#"<w:t xml:space="preserve">${1}${2}"#)?;
    }
    if xml.contains("{{r") || xml.contains("{%r") {
        xml = sub(
            part,
            &RUN_TAG,
            &xml,
            r#"</w:t></w:r><w:r><w:t xml:space="preserve">${1}</w:t></w:r><w:r><w:t xml:space="preserve">"#,
        )?;
    }
    if xml.contains("{%-") {
        xml = sub(part, &MERGE_BEFORE, &xml, "{%")?;
    }
    if xml.contains("-%}") {
        xml = sub(part, &MERGE_AFTER, &xml, "%}")?;
    }
    let element_tags = ["tr", "tc", "p", "r"].iter().map(|y| [format!("{{%{y} "), format!("{{{{{y} ")]);
    let element_comments = ["tr", "tc", "p"].iter().map(|y| [format!("{{#{y} "), format!("{{#{y} ")]);
    for (pattern, literals) in ELEMENT_TAGS.iter().chain(ELEMENT_COMMENTS.iter()).zip(element_tags.chain(element_comments)) {
        if !literals.iter().any(|literal| xml.contains(literal.as_str())) {
            continue;
        }
        let re = pattern.as_ref().map_err(|message| crate::DocsError::Patch {
            part: part.to_string(),
            message: message.clone(),
        })?;
        xml = sub_with(part, re, &xml, 0, |caps| Ok(format!("{} {}", group(caps, 1), group(caps, 2))))?;
    }
    if xml.contains("vm") {
        xml = vertical_merge(part, &xml)?;
    }
    if xml.contains("hm") {
        xml = horizontal_merge(part, &xml)?;
    }
    Ok(clean_tags(&xml))
}

/// The first step of `patch_xml`, `re.sub(r"(?<={)(<[^>]*>)+(?=[\{%\#])|(?<=[%\}\#])(<[^>]*>)+(?=\})", "")`:
/// a run of XML tags right after `{` and right before `{`, `%` or `#` is removed, and so is
/// one right after `%`, `}` or `#` and right before `}`. (Backtracking to fewer tags never
/// helps: the character after a shorter run is `<`.)
fn join_braces(src: &str) -> String {
    let bytes = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut copied = 0;
    let mut index = 1;
    while index < bytes.len() {
        let previous = bytes[index - 1];
        if bytes[index] != b'<' || !matches!(previous, b'{' | b'%' | b'}' | b'#') {
            index += 1;
            continue;
        }
        let mut end = index;
        while end < bytes.len() && bytes[end] == b'<' {
            match src[end..].find('>') {
                Some(close) => end += close + 1,
                None => break,
            }
        }
        let next = bytes.get(end).copied();
        let joins = if previous == b'{' {
            matches!(next, Some(b'{' | b'%' | b'#'))
        } else {
            next == Some(b'}')
        };
        if joins && end > index && bytes[end - 1] == b'>' {
            out.push_str(&src[copied..index]);
            copied = end;
            index = end;
        } else {
            index += 1;
        }
    }
    out.push_str(&src[copied..]);
    out
}

/// `re.sub(r"{%(?:(?!%}).)*|{#(?:(?!#}).)*|{{(?:(?!}}).)*", f, xml, flags=re.DOTALL)`: each
/// tag opener with everything up to (not including) its closer, or to the end of the text.
fn whole_tags(xml: &str, mut replace: impl FnMut(&str) -> Result<String>) -> Result<String> {
    let mut out = String::with_capacity(xml.len());
    let mut copied = 0;
    let mut index = 0;
    while let Some(offset) = xml[index..].find('{') {
        let start = index + offset;
        let closer = match xml.as_bytes().get(start + 1) {
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            Some(b'{') => "}}",
            _ => {
                index = start + 1;
                continue;
            }
        };
        let end = xml[start + 2..].find(closer).map_or(xml.len(), |at| start + 2 + at);
        out.push_str(&xml[copied..start]);
        out.push_str(&replace(&xml[start..end])?);
        copied = end;
        index = end.max(start + 2);
        if index >= xml.len() {
            break;
        }
    }
    out.push_str(&xml[copied..]);
    Ok(out)
}

/// `re.sub(r"(?<=\{[\{%])(.*?)(?=[\}%]})", clean_tags, xml)` (no DOTALL): from just after
/// each `{{`/`{%` to the first `}}`/`%}` on the same line.
fn clean_tags(xml: &str) -> String {
    let bytes = xml.as_bytes();
    let mut out = String::with_capacity(xml.len());
    let mut copied = 0;
    let mut index = 2;
    while index <= bytes.len() {
        let opened = bytes[index - 2] == b'{' && matches!(bytes[index - 1], b'{' | b'%');
        if !opened {
            index += 1;
            continue;
        }
        let mut end = None;
        let mut at = index;
        while at < bytes.len() && bytes[at] != b'\n' {
            if matches!(bytes[at], b'}' | b'%') && bytes.get(at + 1) == Some(&b'}') {
                end = Some(at);
                break;
            }
            at += 1;
        }
        match end {
            Some(end) => {
                out.push_str(&xml[copied..index]);
                out.push_str(&clean_tag(&xml[index..end]));
                copied = end;
                index = end.max(index + 1);
            }
            None => index += 1,
        }
    }
    out.push_str(&xml[copied..]);
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Limits, Package};

    /// docxtpl's own patterns for the steps done by hand above.
    static JOIN_BRACES: Pattern =
        LazyLock::new(|| compile(r"(?s)(?<=\{)(<[^>]*>)+(?=[\{%#])|(?<=[%\}#])(<[^>]*>)+(?=\})"));
    static WHOLE_TAG: Pattern =
        LazyLock::new(|| compile(r"(?s)\{%(?:(?!%\}).)*|\{#(?:(?!#\}).)*|\{\{(?:(?!\}\}).)*"));
    static TAG_INSIDE: Pattern = LazyLock::new(|| compile(r"(?<=\{[\{%])(.*?)(?=[\}%]\})"));

    fn samples() -> Vec<String> {
        let mut samples: Vec<String> = [
            "{<w:r><w:t>{ x }<w:t>}<w:r>}",
            "a{<b>%p if x %<c>}<d>}",
            "{#<a>c#<b>} {<a>{ y }}<b>}",
            "{{ a }} {% b %} {# c #} {{ unterminated",
            "{%}%} {{}} {{ x\n}} {% a & &lt;b&gt; \u{2018}q\u{2019} \u{201c}d\u{201d} %}",
            "<w:t>{<w:x/><w:y a=\"%<\">{ v }}</w:t>",
            "{<unclosed",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/docassemble-examples/packages");
        for package in std::fs::read_dir(root).into_iter().flatten().flatten() {
            for entry in std::fs::read_dir(package.path().join("data/templates")).into_iter().flatten().flatten() {
                if entry.path().extension().is_some_and(|ext| ext == "docx") {
                    let bytes = std::fs::read(entry.path()).unwrap_or_default();
                    if let Ok(package) = Package::read(&bytes, &Limits::default()) {
                        for name in package.names().filter(|name| name.ends_with(".xml")) {
                            samples.push(String::from_utf8_lossy(package.get(name).unwrap_or_default()).into_owned());
                        }
                    }
                }
            }
        }
        samples
    }

    #[test]
    fn scanners_match_docxtpl_patterns() {
        let samples = samples();
        assert!(samples.len() > 100, "example templates not found");
        let text_break = get("t", &TEXT_BREAK).ok();
        for sample in &samples {
            let by_pattern = sub("t", &JOIN_BRACES, sample, "").unwrap_or_default();
            assert_eq!(join_braces(sample), by_pattern, "join_braces on {sample}");
            let strip = |tag: &str| match text_break {
                Some(re) => sub_with("t", re, tag, 0, |_| Ok(String::new())),
                None => Ok(tag.to_string()),
            };
            let by_pattern = get("t", &WHOLE_TAG)
                .and_then(|re| sub_with("t", re, &by_pattern, 0, |caps| strip(group(caps, 0))))
                .unwrap_or_default();
            assert_eq!(whole_tags(&join_braces(sample), strip).unwrap_or_default(), by_pattern, "whole_tags on {sample}");
            let by_pattern = get("t", &TAG_INSIDE)
                .and_then(|re| sub_with("t", re, sample, 0, |caps| Ok(clean_tag(group(caps, 0)))))
                .unwrap_or_default();
            assert_eq!(clean_tags(sample), by_pattern, "clean_tags on {sample}");
        }
    }

    #[test]
    fn text_references_are_written_as_lxml_writes_them() {
        let xml = r#"<w:t a="&quot;x&gt;">{{ f(w=&quot;6in&quot;, s=&#39;a&#39;) }} &amp; &#60; &#13; &#x41;</w:t>"#;
        assert_eq!(
            normalize_text_references(xml),
            r#"<w:t a="&quot;x&gt;">{{ f(w="6in", s='a') }} &amp; &#60; &#13; A</w:t>"#
        );
    }

    #[test]
    fn paragraph_tags_replace_their_paragraph() {
        let xml = r#"<w:body><w:p><w:r><w:t>{%p if x %}</w:t></w:r></w:p><w:p><w:r><w:t>Hi {{ name }}</w:t></w:r></w:p><w:p><w:r><w:t>{%p endif %}</w:t></w:r></w:p></w:body>"#;
        let patched = prepare_part("t", xml).unwrap_or_default();
        assert_eq!(
            patched,
            "<w:body>\n{% if x %}\n<w:p><w:r><w:t xml:space=\"preserve\">Hi {{ name }}</w:t></w:r></w:p>\n{% endif %}</w:body>"
        );
    }

    #[test]
    fn split_tags_are_joined_and_run_tags_cut_out() {
        let xml = r#"<w:p><w:r><w:t>{</w:t></w:r><w:r><w:t>{ first</w:t></w:r><w:r><w:t>_name }}</w:t></w:r><w:r><w:t>{{r rich }}</w:t></w:r></w:p>"#;
        let patched = prepare_part("t", xml).unwrap_or_default();
        assert!(patched.contains("{{ first_name }}"), "{patched}");
        // the run tag gets a run of its own, which the tag then replaces (its value is runs)
        assert!(patched.contains("</w:r>{{ rich }}<w:r>"), "{patched}");
        let quoted = prepare_part("t", "<w:p><w:r><w:t>{{ d[\u{2018}k\u{2019}] &amp; x }}</w:t></w:r></w:p>").unwrap_or_default();
        assert!(quoted.contains("{{ d['k'] & x }}"), "{quoted}");
    }
}
