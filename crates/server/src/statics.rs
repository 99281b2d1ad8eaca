//! Static files: our stylesheet and the `data/static` files of packages.

use std::path::{Path, PathBuf};

use axum::extract::{Path as UrlPath, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::ports::PackageFiles;
use crate::state::App;

/// The stylesheet served at `/static/colloquy.css`.
pub const STYLESHEET: &str = include_str!("../assets/colloquy.css");

/// Serves the stylesheet.
pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// The script of signature questions' drawing area, served at
/// [`crate::render::signature::SCRIPT_URL`].
pub const SIGNATURE_SCRIPT: &str = include_str!("../assets/signature.js");

/// Serves the signature script.
pub async fn signature_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        SIGNATURE_SCRIPT,
    )
        .into_response()
}

/// Package folders on disk: each root holds folders named by package (`docassemble.base/`).
#[derive(Clone, Debug, Default)]
pub struct DirPackageFiles {
    /// The folders searched, in order.
    pub roots: Vec<PathBuf>,
}

impl PackageFiles for DirPackageFiles {
    fn read_static(&self, package: &str, path: &str) -> Option<Vec<u8>> {
        if !safe_component(package) || !safe_relative(path) {
            return None;
        }
        for root in &self.roots {
            let base = root.join(package).join("data").join("static");
            let full = base.join(path);
            // Refuse anything that a symlink leads outside the static folder.
            let (Ok(base_c), Ok(full_c)) = (base.canonicalize(), full.canonicalize()) else {
                continue;
            };
            if !full_c.starts_with(&base_c) || !full_c.is_file() {
                continue;
            }
            if let Ok(bytes) = std::fs::read(&full_c) {
                return Some(bytes);
            }
        }
        None
    }
}

/// A single path component that is safe to join: no separators, not `.`/`..`, no NUL.
pub fn safe_component(s: &str) -> bool {
    !s.is_empty()
        && s != "."
        && s != ".."
        && !s.contains(['/', '\\', '\0', ':'])
        && !s.starts_with('.')
}

/// A relative path made only of safe components (no `..`, no absolute path, no hidden files).
pub fn safe_relative(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 1024
        && path.split('/').all(safe_component)
        && !Path::new(path).is_absolute()
}

/// The MIME type for a file name.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "html" | "htm" => "text/html; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        "ogg" => "audio/ogg",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    }
}

/// `GET /packagestatic/<package>/<path>`.
pub async fn package_static(
    State(app): State<App>,
    UrlPath((package, path)): UrlPath<(String, String)>,
) -> Response {
    if !safe_component(&package) || !safe_relative(&path) {
        return (StatusCode::NOT_FOUND, "Not found").into_response();
    }
    let files = app.files.clone();
    let (p2, path2) = (package.clone(), path.clone());
    let found = tokio::task::spawn_blocking(move || files.read_static(&p2, &path2))
        .await
        .ok()
        .flatten();
    match found {
        Some(bytes) => (
            [
                (header::CONTENT_TYPE, content_type(&path)),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            bytes,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "Not found").into_response(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn safe_paths() {
        assert!(safe_relative("a/b.png"));
        assert!(!safe_relative("../a"));
        assert!(!safe_relative("a/../b"));
        assert!(!safe_relative("/etc/passwd"));
        assert!(!safe_relative("a//b"));
        assert!(!safe_relative(".env"));
        assert!(!safe_relative("a\\..\\b"));
        assert!(!safe_component("docassemble.base/x"));
        assert!(safe_component("docassemble.base"));
    }
}
