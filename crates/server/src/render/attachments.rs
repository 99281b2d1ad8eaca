//! The attachment box of a question screen, in docassemble's markup and words: the notice,
//! each document's name, description and tabs (Download, Preview, and Markdown in debug
//! mode) working without JavaScript (`<a href="#…">` and the stylesheet's `:target` rule),
//! the "E-mail this document" card and the "Download … as a ZIP file" card.

use std::fmt::Write as _;

use engine::screen::{AttachmentBoxView, AttachmentView};

use super::{attr, FormContext};
use crate::markdown::{escape_into, to_html, to_inline_html};

/// What a download link of a format says (docassemble's labels and descriptions).
fn format_label(format: &str) -> (&'static str, &'static str, Option<&'static str>) {
    match format {
        "pdf" => ("fa-solid fa-print fa-fw", "PDF", Some("for printing; requires Adobe Reader or similar application")),
        "rtf" => (
            "fa-solid fa-pencil-alt fa-fw",
            "RTF",
            Some("for editing; requires Microsoft Word, Wordpad, or similar application"),
        ),
        "docx" => ("fa-solid fa-pencil-alt fa-fw", "DOCX", Some("for editing; requires Microsoft Word or compatible application")),
        "tex" => ("fa-solid fa-pencil-alt fa-fw", "LaTeX", Some("for debugging PDF output")),
        "md" => ("fa-brands fa-markdown fa-fw", "Markdown", None),
        _ => ("fa-solid fa-file fa-fw", "", Some("for downloading")),
    }
}

/// Writes the attachment box of `b` (after the question's form).
pub fn attachment_box(out: &mut String, b: &AttachmentBoxView, token: &str, ctx: &FormContext<'_>) {
    let several = b.attachments.len() > 1;
    out.push_str("<section class=\"co-attachments\">\n");
    if !b.manual_list {
        out.push_str("<h2 class=\"visually-hidden\">");
        out.push_str(if several { "Attachments" } else { "Attachment" });
        out.push_str("</h2>\n");
        if b.notice {
            if several {
                out.push_str("<div class=\"da-attachment-alert da-attachment-alert-multiple alert alert-success\" role=\"alert\">The following documents have been created for you.</div>\n");
            } else {
                out.push_str("<div class=\"da-attachment-alert da-attachment-alert-single alert alert-success\" role=\"alert\">The following document has been created for you.</div>\n");
            }
        }
        for (i, a) in b.attachments.iter().enumerate() {
            attachment(out, b, a, i);
        }
    }
    let editable = editable_name(b);
    if b.allow_emailing {
        let header = if several { "E-mail these documents" } else { "E-mail this document" };
        card_start(out, "da-attachment-email-all", "daheadingOne", header, "daemailform", token, ctx);
        out.push_str("<div class=\"co-field\"><label for=\"da_attachment_email_address\">E-mail address</label><input class=\"co-input\" type=\"email\" name=\"_attachment_email_address\" id=\"da_attachment_email_address\"");
        attr(out, "value", b.email_address_default.as_deref().unwrap_or(""));
        out.push_str("></div>\n");
        editable_input(out, b, editable.as_deref(), "da_attachment_include_editable");
        out.push_str("<button class=\"co-btn co-primary\" type=\"submit\" name=\"_email_attachments\" value=\"1\">Send</button>\n");
        out.push_str("</form></div></div>\n");
    }
    if b.allow_downloading {
        let header = if several { "Download all documents as a ZIP file" } else { "Download this document as a ZIP file" };
        card_start(out, "da-attachment-download-all", "daheadingTwo", header, "dadownloadform", token, ctx);
        editable_input(out, b, editable.as_deref(), "da_download_include_editable");
        out.push_str("<button class=\"co-btn co-primary\" type=\"submit\" name=\"_download_attachments\" value=\"1\">Download All</button>\n");
        out.push_str("</form></div></div>\n");
    }
    out.push_str("</section>\n");
}

/// One document: title, description, tabs.
fn attachment(out: &mut String, b: &AttachmentBoxView, a: &AttachmentView, i: usize) {
    out.push_str("<div class=\"co-attachment\">\n<div class=\"da-attachment-title-wrapper\"><h3>");
    out.push_str(&to_inline_html(&a.name));
    out.push_str("</h3></div>\n");
    if let Some(d) = a.description.as_deref().filter(|d| !d.trim().is_empty()) {
        out.push_str("<div class=\"da-attachment-title-description\">");
        out.push_str(&to_html(d));
        out.push_str("</div>\n");
    }
    let show_download = b.download_tab && !a.downloads.is_empty();
    let preview = a.preview.as_deref();
    let markdown = if b.debug { a.markdown.as_deref().filter(|m| !m.is_empty()) } else { None };
    if !show_download && preview.is_none() && markdown.is_none() {
        out.push_str("</div>\n");
        return;
    }
    out.push_str("<div class=\"da-attachment-download-wrapper\">\n<ul class=\"co-tabs da-attachment-tablist\">");
    if show_download {
        let _ = write!(out, "<li><a class=\"co-tab\" href=\"#dadownload{i}\">Download</a></li>");
    }
    if preview.is_some() {
        let _ = write!(out, "<li><a class=\"co-tab\" href=\"#dapreview{i}\">Preview</a></li>");
    }
    if markdown.is_some() {
        let _ = write!(out, "<li><a class=\"co-tab\" href=\"#damarkdown{i}\">Markdown</a></li>");
    }
    out.push_str("</ul>\n<div class=\"co-tab-content\">\n");
    if show_download {
        let _ = writeln!(out, "<div class=\"co-tab-pane co-tab-default da-attachment-tab-download\" id=\"dadownload{i}\">");
        if a.downloads.len() > 1 && b.describe_file_types {
            out.push_str("<p class=\"da-attachment-tab-download-intro\">The document is available in the following formats:</p>\n");
        }
        for d in &a.downloads {
            let (icon, label, description) = format_label(&d.format);
            let _ = write!(out, "<p class=\"da-attachment-tab-download-{}\"><a", d.format);
            attr(out, "href", &d.url);
            out.push_str(" target=\"_blank\"><i");
            attr(out, "class", icon);
            out.push_str("></i> ");
            if label.is_empty() {
                escape_into(out, &d.filename);
            } else {
                out.push_str(label);
            }
            out.push_str("</a>");
            if let (true, Some(desc)) = (b.describe_file_types, description) {
                out.push_str(" (");
                out.push_str(desc);
                out.push(')');
            }
            out.push_str("</p>\n");
        }
        out.push_str("</div>\n");
    }
    if let Some(p) = preview {
        let default = if show_download { "" } else { " co-tab-default" };
        let _ = writeln!(out, "<div class=\"co-tab-pane{default} da-attachment-tab-preview\" id=\"dapreview{i}\">");
        out.push_str("<blockquote class=\"blockquote\">");
        out.push_str(&to_html(p));
        out.push_str("</blockquote>\n</div>\n");
    }
    if let Some(m) = markdown {
        let _ = writeln!(out, "<div class=\"co-tab-pane da-attachment-tab-markdown\" id=\"damarkdown{i}\">");
        out.push_str("<pre>");
        escape_into(out, m);
        out.push_str("</pre>\n</div>\n");
    }
    out.push_str("</div>\n</div>\n</div>\n");
}

/// The start of a card with its own form (posting to the interview with the CSRF token and
/// the question's token).
fn card_start(out: &mut String, class: &str, heading_id: &str, header: &str, form_id: &str, token: &str, ctx: &FormContext<'_>) {
    let _ = write!(out, "<div class=\"{class}\"><div class=\"co-card\"><div class=\"co-card-header\" id=\"{heading_id}\"><span>{header}</span></div>\n<form aria-labelledby=\"{heading_id}\" id=\"{form_id}\" method=\"post\"");
    attr(out, "action", ctx.action);
    out.push_str(">\n<input type=\"hidden\" name=\"_csrf\"");
    attr(out, "value", ctx.csrf);
    out.push_str("><input type=\"hidden\" name=\"_question\"");
    attr(out, "value", token);
    out.push_str(">\n");
}

/// The "Include … for editing" checkbox (or a hidden field with `always include editable
/// files`), when a document offers editable formats beside its PDF.
fn editable_input(out: &mut String, b: &AttachmentBoxView, name: Option<&str>, id: &str) {
    let Some(name) = name else { return };
    if b.always_include_editable {
        let _ = writeln!(out, "<input type=\"hidden\" value=\"True\" name=\"_attachment_include_editable\" id=\"{id}\">");
    } else {
        let _ = write!(out, "<div class=\"co-check\"><input type=\"checkbox\" value=\"True\" name=\"_attachment_include_editable\" id=\"{id}\"><label for=\"{id}\">");
        escape_into(out, name);
        out.push_str("</label></div>\n");
    }
}

/// docassemble's label of the editable-files checkbox, if any document has editable formats
/// beside a PDF.
fn editable_name(b: &AttachmentBoxView) -> Option<String> {
    let mut included = false;
    let (mut md, mut rtf, mut docx, mut total) = (false, false, false, 0);
    for a in &b.attachments {
        let has = |f: &str| a.formats.iter().any(|x| x == f);
        if has("rtf") || has("rtf to docx") || has("docx") || has("md") {
            if has("pdf") {
                included = true;
            }
            if has("md") {
                total += 1;
                md = true;
            }
            if has("rtf") {
                total += 1;
                rtf = true;
            } else if has("docx") || has("rtf to docx") {
                total += 1;
                docx = true;
            }
        }
    }
    if !included {
        return None;
    }
    let files = if total > 1 { "files" } else { "file" };
    Some(match (rtf, docx, md) {
        (true, true, _) => "Include RTF and DOCX files for editing".to_string(),
        (true, _, true) => "Include RTF and Markdown files for editing".to_string(),
        (_, true, true) => "Include DOCX and Markdown files for editing".to_string(),
        (true, _, _) => format!("Include RTF {files} for editing"),
        (_, true, _) => format!("Include DOCX {files} for editing"),
        (_, _, true) => format!("Include Markdown {files} for editing"),
        _ => String::new(),
    })
    .filter(|s| !s.is_empty())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use engine::screen::DownloadView;

    fn one(debug: bool) -> AttachmentBoxView {
        AttachmentBoxView {
            attachments: vec![AttachmentView {
                name: "A hello world document".into(),
                description: Some("A *classic* message".into()),
                filename: "Hello_World".into(),
                formats: vec!["pdf".into(), "docx".into(), "html".into()],
                downloads: vec![DownloadView {
                    format: "docx".into(),
                    number: 3,
                    filename: "Hello_World.docx".into(),
                    url: "/uploadedfile/3/Hello_World.docx?i=p".into(),
                }],
                preview: Some("Hello, **world**!".into()),
                markdown: Some("Hello, **world**!".into()),
            }],
            notice: true,
            describe_file_types: true,
            download_tab: true,
            allow_emailing: true,
            zip_filename: "file.zip".into(),
            debug,
            ..Default::default()
        }
    }

    #[test]
    fn box_has_docassemble_words_and_tabs_without_script() {
        let ctx = FormContext { action: "/interview?i=p", csrf: "tok" };
        let mut out = String::new();
        attachment_box(&mut out, &one(false), "1.2.3", &ctx);
        assert!(out.contains("The following document has been created for you."));
        assert!(out.contains("<h3>A hello world document</h3>"));
        assert!(out.contains("<em>classic</em>"));
        assert!(out.contains("<a class=\"co-tab\" href=\"#dapreview0\">Preview</a>"));
        assert!(out.contains("id=\"dapreview0\""));
        assert!(out.contains("Hello, <strong>world</strong>!"));
        assert!(out.contains("DOCX</a> (for editing; requires Microsoft Word or compatible application)"));
        assert!(!out.contains(">Markdown<"), "no Markdown tab without debug");
        assert!(out.contains("E-mail this document") && out.contains(">E-mail address</label>"));
        assert!(out.contains("Include DOCX file for editing"));
        assert!(!out.contains("ZIP file"));
        assert!(!out.contains("<script"));
        let mut dbg = String::new();
        let mut b = one(true);
        b.allow_emailing = false;
        b.allow_downloading = true;
        b.attachments.push(b.attachments[0].clone());
        attachment_box(&mut dbg, &b, "1.2.3", &ctx);
        assert!(dbg.contains("href=\"#damarkdown1\">Markdown</a>"));
        assert!(dbg.contains("The following documents have been created for you."));
        assert!(dbg.contains("Download all documents as a ZIP file"));
        assert!(!dbg.contains("E-mail"));
    }

    #[test]
    fn manual_list_keeps_only_the_cards() {
        let ctx = FormContext { action: "/interview?i=p", csrf: "tok" };
        let mut b = one(false);
        b.manual_list = true;
        let mut out = String::new();
        attachment_box(&mut out, &b, "t", &ctx);
        assert!(!out.contains("The following document"));
        assert!(!out.contains("A hello world document"));
        assert!(out.contains("E-mail this document"));
    }
}
