//! docassemble's document markup codes (`[NEWLINE]`, `[BOLDCENTER]`, `[TAB]`, …) as each
//! output needs them (a PDF form field keeps line breaks and drops layout codes), file
//! names made safe, and the MIME types of file extensions.

/// Layout codes a PDF form field drops.
const LAYOUT_CODES: &[&str] = &["[BORDER]", "[NOINDENT]", "[FLUSHLEFT]", "[FLUSHRIGHT]", "[BOLDCENTER]", "[CENTER]"];

/// A value for a PDF form field, as docassemble's `prepare_attachment` makes it: `[NEWLINE]`
/// and `[BR]` become line breaks, layout codes are removed. `trim_around` also removes the
/// white space around the codes (values from code, not from text).
pub fn pdf_field_text(value: &str, trim_around: bool) -> String {
    let mut out = value.to_string();
    for code in ["[NEWLINE]", "[BR]"] {
        out = replace_code(&out, code, "\n", trim_around);
    }
    for code in LAYOUT_CODES {
        out = replace_code(&out, code, "", trim_around);
    }
    out
}

fn replace_code(text: &str, code: &str, with: &str, trim_around: bool) -> String {
    if !text.contains(code) {
        return text.to_string();
    }
    if !trim_around {
        return text.replace(code, with);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(code) {
        out.push_str(rest[..i].trim_end());
        out.push_str(with);
        rest = rest[i + code.len()..].trim_start();
    }
    out.push_str(rest);
    out
}

/// The value docassemble writes for a Python value in a PDF field: True/False/None become
/// `Yes`/`No`/''.
pub fn pdf_scalar(text: &str) -> &str {
    match text {
        "True" => "Yes",
        "False" => "No",
        "None" => "",
        other => other,
    }
}

/// A file name as docassemble's `secure_filename_unicode_ok` makes it: path separators and
/// control characters removed, spaces made underscores, no leading dots.
pub fn secure_filename(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '/' | '\\' | '\0'..='\u{1f}' | '\u{7f}' | '"' | '<' | '>' | ':' | '|' | '?' | '*' => {}
            c if c.is_whitespace() => out.push('_'),
            c => out.push(c),
        }
    }
    let out = out.trim_start_matches(['.', '_']).to_string();
    if out.is_empty() {
        "file".to_string()
    } else {
        out
    }
}

/// The MIME type of a file extension.
pub fn mimetype_of(extension: &str) -> &'static str {
    match extension {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "rtf" => "application/rtf",
        "md" => "text/markdown; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "html" | "htm" => "text/html; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "tex" => "application/x-tex",
        "zip" => "application/zip",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_values() {
        assert_eq!(pdf_field_text("a[NEWLINE]b [BR] c[CENTER]", false), "a\nb \n c");
        assert_eq!(pdf_field_text("a [NEWLINE] b", true), "a\nb");
        assert_eq!(pdf_scalar("True"), "Yes");
        assert_eq!(pdf_scalar("None"), "");
        assert_eq!(secure_filename("My letter/../x"), "My_letter..x");
        assert_eq!(secure_filename("../.."), "file");
    }
}
