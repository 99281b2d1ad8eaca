//! Package files that code names at run time (`content file: {code: …}`, `DAStaticFile`,
//! `path_and_mimetype`): every quoted string literal of an interview file that looks like a
//! file name is tried under the package's `data/templates` and `data/static` (or as
//! `package:path`), and the files found are read now, so the engine reads nothing while it
//! runs. Bounded in number and size.

use std::sync::Arc;

use super::Sources;
use crate::model::RunData;
use crate::reference::InterviewRef;

/// Extensions of files worth reading ahead.
const EXTENSIONS: &[&str] = &["md", "txt", "docx", "pdf", "png", "jpg", "jpeg", "gif", "svg", "html", "csv", "json", "rtf"];
/// Most files read ahead per interview.
const MAX_FILES: usize = 100;
/// Most bytes read ahead per interview.
const MAX_BYTES: usize = 64 * 1024 * 1024;

/// The file-name literals of `text`: quoted, no spaces, a known extension.
fn literals(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for quote in ['\'', '"'] {
        let mut parts = text.split(quote);
        parts.next();
        for (i, p) in parts.enumerate() {
            if i % 2 == 1 || p.is_empty() || p.len() > 300 {
                continue;
            }
            let ok_chars = p.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | ':'));
            let ext = p.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
            if ok_chars && ext.is_some_and(|e| EXTENSIONS.contains(&e.as_str())) && !p.contains("..") && !p.starts_with('/') {
                out.push(p);
            }
        }
    }
    out
}

/// The package files a name could mean, most likely first.
pub(crate) fn candidates(name: &str, package: &str) -> Vec<(String, String)> {
    if name.starts_with("http:") || name.starts_with("https:") {
        return Vec::new();
    }
    let (pkg, path) = match name.split_once(':') {
        Some((p, rest)) => (p.to_string(), rest.to_string()),
        None => (package.to_string(), name.to_string()),
    };
    if path.starts_with("data/") {
        vec![(pkg, path)]
    } else {
        vec![(pkg.clone(), format!("data/templates/{path}")), (pkg, format!("data/static/{path}"))]
    }
}

/// Reads the files named by literals of `text` (a file of interview `from`) into `run_data`.
/// Every file read is added to `read` (for dev-mode reloads).
pub(super) fn read_named_files(
    run_data: &mut RunData,
    sources: &dyn Sources,
    from: &InterviewRef,
    text: &str,
    read: &mut Vec<InterviewRef>,
) {
    let mut total: usize = run_data.package_files.values().map(|b| b.len()).sum();
    for name in literals(text) {
        for (pkg, path) in candidates(name, &from.package) {
            let key = format!("{pkg}:{path}");
            if run_data.package_files.contains_key(&key) {
                break;
            }
            if run_data.package_files.len() >= MAX_FILES {
                return;
            }
            if let Ok(bytes) = sources.read_bytes(&pkg, &path) {
                if total + bytes.len() > MAX_BYTES {
                    return;
                }
                total += bytes.len();
                run_data.package_files.insert(key, Arc::new(bytes));
                if let Ok(r) = InterviewRef::new(&pkg, &path) {
                    read.push(r);
                }
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_literals() {
        let text = "a = 'hello.md'\nb = DAStaticFile.using(filename=\"data/templates/x.pdf\")\nc = 'not a file.md' + 'x.py' + '../up.md'";
        assert_eq!(literals(text), vec!["hello.md", "data/templates/x.pdf"]);
        assert_eq!(candidates("pkg:house.png", "me")[1], ("pkg".to_string(), "data/static/house.png".to_string()));
        assert_eq!(candidates("data/static/a.pdf", "me"), vec![("me".to_string(), "data/static/a.pdf".to_string())]);
        assert!(candidates("https://x.org/a.jpg", "me").is_empty());
    }
}
