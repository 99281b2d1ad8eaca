//! The files of a session (assembled documents): `GET /uploadedfile/{n}/{name}?i=…` (inline)
//! and `/uploadedfiledownload/{n}/{name}?i=…` (as an attachment), served only to the browser
//! holding the session's cookie (or sharing a `multi_user` session), opened from the store's
//! sealed blobs (a file made on first request is made then: [`crate::convert`]); and the ZIP
//! of a screen's documents, built in memory.

use std::io::Write as _;

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use engine::SessionState;
use store::{Openers, StoreError};

use crate::error::AppError;
use crate::extract::{InterviewQuery, SessionCookie};
use crate::render;
use crate::state::App;

/// The sandbox policy of a served HTML or SVG file: no script, no same-origin access.
const SANDBOX_CSP: &str = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

/// `GET /uploadedfile/{n}/{name}`: the file, shown inline.
pub async fn uploaded_file(
    State(app): State<App>,
    Path((number, _name)): Path<(String, String)>,
    q: InterviewQuery,
    cookie: SessionCookie,
) -> Result<Response, AppError> {
    serve(&app, &number, &q, cookie, false).await
}

/// `GET /uploadedfiledownload/{n}/{name}`: the file, as a download.
pub async fn uploaded_file_download(
    State(app): State<App>,
    Path((number, _name)): Path<(String, String)>,
    q: InterviewQuery,
    cookie: SessionCookie,
) -> Result<Response, AppError> {
    serve(&app, &number, &q, cookie, true).await
}

fn file_not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html(render::message_page("Not found", "There is no file at this address.")),
    )
        .into_response()
}

/// What a request may open: the session of its cookie, with its key and state.
async fn open_session(app: &App, q: &InterviewQuery, cookie: SessionCookie) -> Result<Option<store::Session>, AppError> {
    let Some(reference) = q.reference() else { return Ok(None) };
    let Some((id, secret)) = cookie.0 else { return Ok(None) };
    let openers = Openers { cookie: Some(&secret), server: app.options.server_key.as_deref() };
    match app.store.load_either(&id, openers).await {
        Ok(Some(s)) if s.interview == reference => Ok(Some(s)),
        Ok(_) | Err(StoreError::Locked) | Err(StoreError::Sealed(_)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

async fn serve(app: &App, number: &str, q: &InterviewQuery, cookie: SessionCookie, download: bool) -> Result<Response, AppError> {
    let Ok(number) = number.parse::<u64>() else { return Ok(file_not_found()) };
    let Some(session) = open_session(app, q, cookie).await? else { return Ok(file_not_found()) };
    let Ok(state) = SessionState::from_json_str(&String::from_utf8_lossy(&session.state)) else {
        return Ok(file_not_found());
    };
    let Some(meta) = state.files.get(&number) else { return Ok(file_not_found()) };
    let Some(bytes) = crate::convert::file_bytes(app, &session.id, &session.key, &state.files, number).await? else {
        return Ok(file_not_found());
    };
    Ok(file_response(bytes, &meta.mimetype, &meta.filename, download))
}

/// A file's response: its type, `Content-Disposition` (RFC 6266), `no-store`, and a sandbox
/// for HTML and SVG.
pub fn file_response(bytes: Vec<u8>, mimetype: &str, filename: &str, download: bool) -> Response {
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    let ct = HeaderValue::from_str(mimetype).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    h.insert(header::CONTENT_TYPE, ct);
    if let Ok(v) = HeaderValue::from_str(&content_disposition(filename, download)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    let lower = mimetype.to_ascii_lowercase();
    if lower.starts_with("text/html") || lower.starts_with("image/svg") || lower.contains("xhtml") {
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(SANDBOX_CSP));
    }
    res
}

/// `inline|attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266/5987).
pub fn content_disposition(filename: &str, download: bool) -> String {
    let kind = if download { "attachment" } else { "inline" };
    let ascii: String = filename
        .chars()
        .map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' })
        .collect();
    let mut encoded = String::new();
    for b in filename.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("{kind}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A ZIP archive (deflated) of `files` (name, bytes), built in memory; names repeated are
/// numbered.
pub fn zip_archive(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut seen: Vec<String> = Vec::new();
    for (name, bytes) in files {
        let mut unique = name.clone();
        let mut i = 1;
        while seen.contains(&unique) {
            unique = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}-{i}.{ext}"),
                None => format!("{name}-{i}"),
            };
            i += 1;
        }
        seen.push(unique.clone());
        w.start_file(unique, options)?;
        w.write_all(bytes)?;
    }
    Ok(w.finish()?.into_inner())
}

/// The documents of a screen's attachment box that go into its ZIP, as docassemble chooses
/// them: the PDF, the editable formats when asked (or when there is no PDF), and raw files.
pub async fn zip_of_screen(
    app: &App,
    session_id: &str,
    key: &store::DataKey,
    state: &SessionState,
    b: &engine::screen::AttachmentBoxView,
    include_editable: bool,
) -> Result<Vec<(String, Vec<u8>)>, AppError> {
    let mut out = Vec::new();
    for a in &b.attachments {
        let has_pdf = a.downloads.iter().any(|d| d.format == "pdf");
        for d in &a.downloads {
            let take = match d.format.as_str() {
                "pdf" | "raw" => true,
                "rtf" | "docx" => include_editable || !has_pdf,
                _ => false,
            };
            if !take {
                continue;
            }
            if let Some(bytes) = crate::convert::file_bytes(app, session_id, key, &state.files, d.number).await? {
                out.push((d.filename.clone(), bytes));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn dispositions_follow_rfc_6266() {
        assert_eq!(
            content_disposition("Hello World.pdf", true),
            "attachment; filename=\"Hello World.pdf\"; filename*=UTF-8''Hello%20World.pdf"
        );
        assert_eq!(
            content_disposition("pëach\"es.md", false),
            "inline; filename=\"p_ach_es.md\"; filename*=UTF-8''p%C3%ABach%22es.md"
        );
    }

    #[test]
    fn html_and_svg_files_are_sandboxed() {
        for (mimetype, sandboxed) in [("text/html; charset=utf-8", true), ("image/svg+xml", true), ("application/pdf", false)] {
            let res = file_response(b"<b>x</b>".to_vec(), mimetype, "a.html", false);
            let csp = res.headers().get(header::CONTENT_SECURITY_POLICY).map(|v| v.to_str().unwrap().to_string());
            assert_eq!(csp.is_some_and(|c| c.starts_with("sandbox;")), sandboxed, "{mimetype}");
            assert_eq!(res.headers().get(header::CONTENT_TYPE).unwrap(), mimetype);
        }
    }

    #[test]
    fn zip_names_are_unique() {
        let z = zip_archive(&[("a.md".into(), b"1".to_vec()), ("a.md".into(), b"2".to_vec())]).unwrap();
        let r = zip::ZipArchive::new(std::io::Cursor::new(z)).unwrap();
        let names: Vec<String> = r.file_names().map(|n| n.unwrap().to_string()).collect();
        assert!(names.iter().any(|n| n == "a.md") && names.iter().any(|n| n == "a-1.md"), "{names:?}");
    }
}
