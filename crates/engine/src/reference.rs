//! Interview references: `docassemble.base:data/questions/examples/fields.yml`.

use std::fmt;

/// A file of a package: `package:path`. `path` is relative to the package root
/// (`data/questions/…`, `data/templates/…`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InterviewRef {
    /// The package name (`docassemble.base`).
    pub package: String,
    /// The path inside the package (`data/questions/examples/fields.yml`).
    pub path: String,
}

/// Why a reference is not acceptable. Display shows the reference with control characters
/// escaped (`\0`, `\u{1b}`), so echoing it is safe for logs and pages.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid interview reference '{}': {reason}", shown(reference))]
pub struct RefError {
    /// The reference as given.
    pub reference: String,
    /// What is wrong.
    pub reason: String,
}

/// `text` with control characters escaped.
fn shown(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() })
        .collect()
}

impl InterviewRef {
    /// Parses `package:path`; `package:file.yml` (no folder) means `package:data/questions/file.yml`.
    /// Applies docassemble's `filename_invalid` rules (no `..`, no leading `/`, limited characters).
    pub fn parse(reference: &str) -> Result<InterviewRef, RefError> {
        let err = |reason: &str| RefError {
            reference: reference.to_string(),
            reason: reason.to_string(),
        };
        let Some((package, path)) = reference.split_once(':') else {
            return Err(err("expected 'package:path'"));
        };
        let package = package.trim();
        let path = path.trim();
        check_package(package).map_err(|r| err(&r))?;
        let path = if path.contains('/') {
            path.to_string()
        } else {
            format!("data/questions/{path}")
        };
        check_path(&path).map_err(|r| err(&r))?;
        // one spelling per file (`./` and `//` removed), so caches keyed by reference stay bounded
        Ok(InterviewRef {
            package: package.to_string(),
            path: normalize(&path),
        })
    }

    /// A reference from parts, validated like [`InterviewRef::parse`] (the path is not expanded).
    pub fn new(package: &str, path: &str) -> Result<InterviewRef, RefError> {
        let err = |reason: String| RefError {
            reference: format!("{package}:{path}"),
            reason,
        };
        check_package(package).map_err(err)?;
        check_path(path).map_err(|r| RefError {
            reference: format!("{package}:{path}"),
            reason: r,
        })?;
        Ok(InterviewRef {
            package: package.to_string(),
            path: normalize(path),
        })
    }

    /// Resolves a name written in `include:` (or `content file:` …) of this file: a
    /// `package:path` reference, or a path relative to this file's folder.
    pub fn resolve(&self, name: &str) -> Result<InterviewRef, RefError> {
        let name = name.trim();
        if name.contains(':') {
            return InterviewRef::parse(name);
        }
        let folder = match self.path.rfind('/') {
            Some(i) => &self.path[..i],
            None => "",
        };
        let path = if folder.is_empty() {
            name.to_string()
        } else {
            format!("{folder}/{name}")
        };
        InterviewRef::new(&self.package, &normalize(&path))
    }

    /// The same file name under another folder of the package (`data/questions/<name>`).
    pub fn in_questions(&self, name: &str) -> Result<InterviewRef, RefError> {
        InterviewRef::new(
            &self.package,
            &normalize(&format!("data/questions/{}", name.trim())),
        )
    }

    /// The file name without folders (`fields.yml`).
    pub fn file_name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

impl fmt::Display for InterviewRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.package, self.path)
    }
}

/// Removes `./` segments (`..` is refused by the checks).
fn normalize(path: &str) -> String {
    path.split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect::<Vec<_>>()
        .join("/")
}

fn check_package(package: &str) -> Result<(), String> {
    if package.is_empty() {
        return Err("empty package name".into());
    }
    if package.len() > 100 {
        return Err("package name too long".into());
    }
    if !package
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'-')
    {
        return Err("package names may contain only letters, digits, '_', '.' and '-'".into());
    }
    if package.starts_with('.') || package.contains("..") {
        return Err("malformed package name".into());
    }
    Ok(())
}

fn check_path(path: &str) -> Result<(), String> {
    if path.is_empty() {
        return Err("empty file name".into());
    }
    if path.len() > 268 {
        return Err("file name too long".into());
    }
    if path.starts_with('/') {
        return Err("absolute paths are not allowed".into());
    }
    if path.split('/').any(|s| s == "..") {
        return Err("'..' is not allowed".into());
    }
    if !path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '/' | ' '))
    {
        return Err(
            "file names may contain only letters, digits, '_', '.', '-', '/' and spaces".into(),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_show_control_characters_escaped() {
        let shown = InterviewRef::parse("pkg:a\0b\x1b.yml").unwrap_err().to_string();
        assert!(!shown.contains('\0') && !shown.contains('\x1b'), "{shown:?}");
        assert!(shown.contains("pkg:a\\u{0}b\\u{1b}.yml"), "{shown}");
    }

    #[test]
    fn parses_full_and_short_forms() {
        let r = InterviewRef::parse("docassemble.base:data/questions/examples/fields.yml").unwrap();
        assert_eq!(r.package, "docassemble.base");
        assert_eq!(r.path, "data/questions/examples/fields.yml");
        assert_eq!(
            r.to_string(),
            "docassemble.base:data/questions/examples/fields.yml"
        );
        let r = InterviewRef::parse("docassemble.demo:questions.yml").unwrap();
        assert_eq!(r.path, "data/questions/questions.yml");
        let r =
            InterviewRef::parse("docassemble.demo:data//questions/./x/./questions.yml").unwrap();
        assert_eq!(r.path, "data/questions/x/questions.yml");
    }

    #[test]
    fn refuses_bad_references() {
        assert!(InterviewRef::parse("fields.yml").is_err());
        assert!(InterviewRef::parse("docassemble.base:../secret.yml").is_err());
        assert!(InterviewRef::parse("docassemble.base:data/../../x.yml").is_err());
        assert!(InterviewRef::parse("docassemble.base:/etc/passwd").is_err());
        assert!(InterviewRef::parse("docassemble.base:data/questions/a;b.yml").is_err());
        assert!(InterviewRef::parse("../x:data/questions/a.yml").is_err());
        assert!(InterviewRef::parse(":a.yml").is_err());
    }

    #[test]
    fn resolves_includes() {
        let r = InterviewRef::parse("docassemble.base:data/questions/examples/a.yml").unwrap();
        assert_eq!(
            r.resolve("b.yml").unwrap().path,
            "data/questions/examples/b.yml"
        );
        assert_eq!(
            r.resolve("./sub/b.yml").unwrap().path,
            "data/questions/examples/sub/b.yml"
        );
        let q = r.resolve("docassemble.demo:c.yml").unwrap();
        assert_eq!(
            (q.package.as_str(), q.path.as_str()),
            ("docassemble.demo", "data/questions/c.yml")
        );
        assert!(r.resolve("../b.yml").is_err());
        assert_eq!(
            r.in_questions("basic-questions.yml").unwrap().path,
            "data/questions/basic-questions.yml"
        );
    }
}
