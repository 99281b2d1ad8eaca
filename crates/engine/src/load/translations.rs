//! `translations:` files (`.xlsx` in the package's `data/sources`): the translated text of
//! each original text, by original and target language, read at load time.

use std::collections::HashMap;
use std::sync::Arc;

use super::Sources;
use crate::model::{Pos, Translation};

/// The columns a translations sheet must have.
const COLUMNS: [&str; 8] = ["interview", "question_id", "index_num", "hash", "orig_lang", "tr_lang", "orig_text", "tr_text"];

/// Reads the `translations:` files named: original text (trimmed) → its translations. A file
/// that cannot be read or is not a translations sheet is a warning (returned as text).
pub(super) fn read(
    sources: &dyn Sources,
    package: &str,
    names: &[String],
    out: &mut HashMap<String, Vec<Translation>>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for name in names {
        let (pkg, path) = match name.split_once(':') {
            Some((p, rest)) if !rest.contains('/') => (p.to_string(), format!("data/sources/{rest}")),
            Some((p, rest)) => (p.to_string(), rest.to_string()),
            None => (package.to_string(), format!("data/sources/{name}")),
        };
        if !path.ends_with(".xlsx") {
            problems.push(format!("translations: {name}: only .xlsx files are read"));
            continue;
        }
        let rows = match sources.read_bytes(&pkg, &path).map_err(|e| e.to_string()).and_then(|b| sheet_rows(&b)) {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("translations: {name} cannot be read: {e}"));
                continue;
            }
        };
        let Some(header) = rows.first() else { continue };
        let col = |c: &str| header.iter().position(|h| h == c);
        let (Some(ol), Some(tl), Some(ot), Some(tt)) = (col("orig_lang"), col("tr_lang"), col("orig_text"), col("tr_text")) else {
            problems.push(format!("translations: {name}: the columns {} are needed", COLUMNS.join(", ")));
            continue;
        };
        for (i, row) in rows.iter().enumerate().skip(1) {
            let cell = |c: usize| row.get(c).cloned().unwrap_or_default();
            let (tr_text, orig_text) = (cell(tt), cell(ot));
            if tr_text.is_empty() || orig_text.is_empty() {
                continue;
            }
            let pos = Pos { file: Arc::from(format!("{pkg}:{path}")), line: u32::try_from(i + 1).unwrap_or(u32::MAX), column: 0 };
            match crate::compile::template(&tr_text, &pos) {
                Ok(template) => out.entry(orig_text.trim().to_string()).or_default().push(Translation {
                    orig_lang: cell(ol),
                    tr_lang: cell(tl),
                    template,
                }),
                Err(e) => problems.push(format!("translations: {name} row {}: {e}", i + 1)),
            }
        }
    }
    problems
}

/// The rows of the first worksheet of an `.xlsx` file, each as its cells' texts by column.
fn sheet_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let package = docs::Package::read(bytes, &docs::Limits::default()).map_err(|e| e.to_string())?;
    let part = |name: &str| -> Result<Option<String>, String> {
        Ok(package.read_part(name).map_err(|e| e.to_string())?.map(|b| String::from_utf8_lossy(&b).into_owned()))
    };
    let shared: Vec<String> = match part("xl/sharedStrings.xml")? {
        Some(xml) => element_bodies(&xml, "si").into_iter().map(|si| texts(&si)).collect(),
        None => Vec::new(),
    };
    let sheet = part("xl/worksheets/sheet1.xml")?.ok_or("the workbook has no first sheet")?;
    let cell_re = regex::Regex::new(r#"(?s)<c\b([^>]*?)(?:/>|>(.*?)</c>)"#).map_err(|e| e.to_string())?;
    let attr_re = regex::Regex::new(r#"\b(r|t)="([^"]*)""#).map_err(|e| e.to_string())?;
    let mut rows = Vec::new();
    for row in element_bodies(&sheet, "row") {
        let mut cells: Vec<String> = Vec::new();
        for c in cell_re.captures_iter(&row) {
            let attrs = c.get(1).map_or("", |m| m.as_str());
            let body = c.get(2).map_or("", |m| m.as_str());
            let (mut reference, mut kind) = ("", "");
            for a in attr_re.captures_iter(attrs) {
                match a.get(1).map(|m| m.as_str()) {
                    Some("r") => reference = a.get(2).map_or("", |m| m.as_str()),
                    _ => kind = a.get(2).map_or("", |m| m.as_str()),
                }
            }
            let value = element_bodies(body, "v").into_iter().next().map(|v| unescape(&v)).unwrap_or_default();
            let text = match kind {
                "s" => value.trim().parse::<usize>().ok().and_then(|i| shared.get(i).cloned()).unwrap_or_default(),
                "inlineStr" => texts(body),
                _ => value,
            };
            let column = column_index(reference).unwrap_or(cells.len());
            if column > 64 {
                continue;
            }
            if cells.len() <= column {
                cells.resize(column + 1, String::new());
            }
            cells[column] = text;
        }
        rows.push(cells);
    }
    Ok(rows)
}

/// The column number (0-based) of a cell reference such as `G2`.
fn column_index(reference: &str) -> Option<usize> {
    let letters: String = reference.chars().take_while(char::is_ascii_alphabetic).collect();
    if letters.is_empty() {
        return None;
    }
    Some(letters.chars().fold(0usize, |n, c| n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1)) - 1)
}

/// The bodies of the elements named `tag` (not nested in themselves).
fn element_bodies(xml: &str, tag: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut rest = xml;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        // `<t` must not match `<tr…`: the name ends at a space, `>` or `/`
        if !after.starts_with([' ', '>', '/', '\n', '\t', '\r']) {
            rest = after;
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        if after[..gt].ends_with('/') {
            out.push(String::new());
            rest = &after[gt + 1..];
            continue;
        }
        let body = &after[gt + 1..];
        let Some(end) = body.find(&close) else { break };
        out.push(body[..end].to_string());
        rest = &body[end + close.len()..];
    }
    out
}

/// The text of the `<t>` elements in a shared or inline string.
fn texts(xml: &str) -> String {
    element_bodies(xml, "t").iter().map(|t| unescape(t)).collect()
}

/// XML character references and the five entities.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let Some(semi) = after.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = after;
            continue;
        };
        let entity = &after[..semi];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse::<u32>().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => out.push(c),
            None => {
                out.push('&');
                out.push_str(entity);
                out.push(';');
            }
        }
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_entities() {
        assert_eq!(column_index("H2"), Some(7));
        assert_eq!(column_index("AA10"), Some(26));
        assert_eq!(unescape("a &amp; b&#10;&#x41;"), "a & b\nA");
        assert_eq!(element_bodies("<si><t>x</t></si><si><t xml:space=\"preserve\">y</t><tr/></si>", "t"), ["x", "y"]);
    }
}
