//! The body of an interview POST: a URL-encoded form (at most [`crate::MAX_BODY`] bytes) or
//! a `multipart/form-data` form with files (at most the upload limit, default
//! [`DEFAULT_MAX_UPLOAD`]), read in memory and parsed with `multer`. A multipart body over the
//! limit is read to its end (up to a cap) and dropped, so the browser gets the screen back
//! with a message instead of a broken connection or a 413 page.

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap};
use engine::upload::Upload;
use http_body_util::BodyExt as _;

/// Default largest multipart body (all files and fields of one post): 16 MiB, as docassemble.
pub const DEFAULT_MAX_UPLOAD: usize = 16 * 1024 * 1024;

/// How much of a too-large body is read and dropped before the connection is given up.
const DRAIN_CAP: usize = 64 * 1024 * 1024;

/// What a POST body held.
#[derive(Debug, Default)]
pub struct PostedBody {
    /// The text fields, in order.
    pub fields: Vec<(String, String)>,
    /// The files chosen (file inputs left empty are not here).
    pub uploads: Vec<Upload>,
    /// Why nothing of the body could be used (too large, malformed), as the screen says it.
    pub refused: Option<String>,
}

/// The message of a post larger than the upload limit.
pub fn too_large_message(limit: usize) -> String {
    format!(
        "The files you chose are too large to upload (at most {} in total). Nothing was saved; please choose smaller files.",
        human_size(limit)
    )
}

/// The message of a multipart body that cannot be read.
pub const MALFORMED: &str = "The form could not be read. Nothing was saved; please try again.";

/// `16 MiB`, `512 KiB`, `100 bytes`.
pub fn human_size(n: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else if n >= KIB && n.is_multiple_of(KIB) {
        format!("{} KiB", n / KIB)
    } else {
        format!("{n} bytes")
    }
}

/// Parses `16M`, `16MiB`, `512k`, `1048576` into bytes (for `--max-upload-size`).
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim().to_ascii_lowercase();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let unit = t[digits.len()..].trim();
    let n: usize = digits.parse().map_err(|_| format!("not a size: {s}"))?;
    let factor = match unit {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1024,
        "m" | "mb" | "mib" => 1024 * 1024,
        "g" | "gb" | "gib" => 1024 * 1024 * 1024,
        _ => return Err(format!("not a size: {s} (use bytes, or a number with K, M or G)")),
    };
    n.checked_mul(factor).filter(|n| *n > 0).ok_or_else(|| format!("not a size: {s}"))
}

/// Whether the request carries a `multipart/form-data` body.
pub fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("multipart/form-data"))
}

/// Reads a multipart body of at most `limit` bytes; `max_fields` text fields at most.
pub async fn read_multipart(headers: &HeaderMap, body: Body, limit: usize, max_fields: usize) -> PostedBody {
    let refused = |m: String| PostedBody { refused: Some(m), ..PostedBody::default() };
    let boundary = match headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(multer::parse_boundary) {
        Some(Ok(b)) => b,
        _ => return refused(MALFORMED.to_string()),
    };
    let bytes = match read_limited(body, limit).await {
        Ok(b) => b,
        Err(m) => return refused(m),
    };
    match parse(bytes, boundary, max_fields).await {
        Ok(p) => p,
        Err(m) => refused(m),
    }
}

/// The whole body, or the message for a body over `limit` (read on, up to [`DRAIN_CAP`], so
/// the browser finishes sending and sees the answer).
async fn read_limited(mut body: Body, limit: usize) -> Result<Bytes, String> {
    let mut buf: Vec<u8> = Vec::new();
    let mut total: usize = 0;
    while let Some(frame) = body.frame().await {
        let Ok(frame) = frame else { return Err(MALFORMED.to_string()) };
        let Ok(data) = frame.into_data() else { continue };
        total = total.saturating_add(data.len());
        if total > limit {
            buf = Vec::new();
            if total > limit.saturating_add(DRAIN_CAP) {
                break;
            }
            continue;
        }
        buf.extend_from_slice(&data);
    }
    if total > limit {
        tracing::warn!(size = total, limit, "upload over the size limit refused");
        return Err(too_large_message(limit));
    }
    Ok(Bytes::from(buf))
}

/// Splits a multipart body into text fields and files.
async fn parse(bytes: Bytes, boundary: String, max_fields: usize) -> Result<PostedBody, String> {
    let stream = futures_util::stream::once(async move { Ok::<Bytes, std::convert::Infallible>(bytes) });
    let mut mp = multer::Multipart::new(stream, boundary);
    let mut out = PostedBody::default();
    let mut count = 0usize;
    loop {
        let field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return Err(MALFORMED.to_string()),
        };
        count += 1;
        if count > max_fields {
            return Err("The form has too many fields. Nothing was saved.".to_string());
        }
        let name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(str::to_string);
        let content_type = field.content_type().map(ToString::to_string).unwrap_or_default();
        let data = field.bytes().await.map_err(|_| MALFORMED.to_string())?;
        match file_name {
            // a file input left empty posts a part without a name or bytes
            Some(f) if f.is_empty() && data.is_empty() => {}
            Some(filename) => out.uploads.push(Upload { field: name, filename, content_type, bytes: data.to_vec() }),
            None => out.fields.push((name, String::from_utf8_lossy(&data).into_owned())),
        }
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn headers(boundary: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}").parse().unwrap());
        h
    }

    const BODY: &str = "--XX\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok\r\n\
--XX\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n\
--XX\r\nContent-Disposition: form-data; name=\"g\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n\
--XX--\r\n";

    #[tokio::test]
    async fn fields_and_files_are_split() {
        let p = read_multipart(&headers("XX"), Body::from(BODY), 1024, 10).await;
        assert_eq!(p.refused, None);
        assert_eq!(p.fields, vec![("_csrf".to_string(), "tok".to_string())]);
        assert_eq!(p.uploads.len(), 1, "the empty file input is dropped");
        assert_eq!((p.uploads[0].field.as_str(), p.uploads[0].filename.as_str()), ("f", "a.txt"));
        assert_eq!(p.uploads[0].bytes, b"hello");
    }

    #[tokio::test]
    async fn a_body_over_the_limit_is_refused_with_a_message() {
        let p = read_multipart(&headers("XX"), Body::from(BODY), 100, 10).await;
        assert!(p.refused.unwrap().contains("too large"));
        assert!(p.fields.is_empty() && p.uploads.is_empty());
    }

    #[tokio::test]
    async fn a_malformed_body_is_refused() {
        let p = read_multipart(&headers("XX"), Body::from("--YY\r\ngarbage"), 1024, 10).await;
        assert_eq!(p.refused.as_deref(), Some(MALFORMED));
        let p = read_multipart(&HeaderMap::new(), Body::from(BODY), 1024, 10).await;
        assert_eq!(p.refused.as_deref(), Some(MALFORMED));
    }

    #[test]
    fn sizes_parse_and_print() {
        assert_eq!(parse_size("16M").unwrap(), DEFAULT_MAX_UPLOAD);
        assert_eq!(parse_size("512 KiB").unwrap(), 512 * 1024);
        assert_eq!(parse_size("100").unwrap(), 100);
        assert!(parse_size("0").is_err() && parse_size("lots").is_err());
        assert_eq!(human_size(DEFAULT_MAX_UPLOAD), "16 MiB");
        assert_eq!(human_size(100), "100 bytes");
    }
}
