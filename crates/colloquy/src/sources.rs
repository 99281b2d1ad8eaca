//! Package files on disk (and embedded packages) for the engine's [`Sources`].
//!
//! A package is a folder named by its package name (`docassemble.base`) holding
//! `data/questions`, `data/templates`, `data/static`, `data/sources`. Roots given with
//! `--packages` are searched for such folders (a root may itself be a package folder).

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::time::SystemTime;

use engine::Sources;

/// Largest file served to the engine.
const MAX_FILE: u64 = 16 * 1024 * 1024;

/// Packages found in folders on disk, plus packages embedded in the binary.
#[derive(Debug, Default)]
pub struct DirSources {
    /// package name → its folder.
    packages: BTreeMap<String, PathBuf>,
    /// (package, path) → content, for embedded packages (the demo).
    embedded: BTreeMap<(String, String), &'static str>,
}

fn is_package_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

impl DirSources {
    /// No packages.
    pub fn new() -> DirSources {
        DirSources::default()
    }

    /// Adds every package folder found directly under `root` (or `root` itself if it is a
    /// package folder: named like a package and containing `data/`). Returns how many.
    pub fn add_root(&mut self, root: &Path) -> io::Result<usize> {
        let mut found = 0;
        if let Some(name) = root.file_name().and_then(|n| n.to_str()) {
            if is_package_name(name) && name.contains('.') && root.join("data").is_dir() {
                self.packages.insert(name.to_string(), root.to_path_buf());
                return Ok(1);
            }
        }
        let mut entries: Vec<_> = std::fs::read_dir(root)?.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let Some(name) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            if is_package_name(&name) && path.join("data").is_dir() {
                self.packages.insert(name, path);
                found += 1;
            }
        }
        Ok(found)
    }

    /// Adds an embedded file (`path` relative to the package, like `data/questions/intake.yml`).
    pub fn add_embedded(&mut self, package: &str, path: &str, content: &'static str) {
        self.embedded
            .insert((package.to_string(), path.to_string()), content);
    }

    /// The package names known, sorted.
    pub fn packages(&self) -> Vec<String> {
        let mut names: Vec<String> = self.packages.keys().cloned().collect();
        for (p, _) in self.embedded.keys() {
            if !names.contains(p) {
                names.push(p.clone());
            }
        }
        names.sort();
        names
    }

    /// The folder of a package on disk.
    pub fn package_dir(&self, package: &str) -> Option<&Path> {
        self.packages.get(package).map(PathBuf::as_path)
    }

    /// The file on disk for (package, path), refusing anything that could leave the package folder.
    pub fn file_path(&self, package: &str, path: &str) -> Option<PathBuf> {
        let dir = self.packages.get(package)?;
        let rel = Path::new(path);
        if path.is_empty()
            || path.contains('\\')
            || path.contains('\0')
            || !rel.components().all(|c| matches!(c, Component::Normal(_)))
        {
            return None;
        }
        let full = dir.join(rel);
        // refuse symlinks that lead outside the package folder
        let canonical = full.canonicalize().ok()?;
        let base = dir.canonicalize().ok()?;
        canonical.starts_with(&base).then_some(canonical)
    }
}

impl Sources for DirSources {
    fn read(&self, package: &str, path: &str) -> io::Result<String> {
        if let Some(text) = self.embedded.get(&(package.to_string(), path.to_string())) {
            return Ok((*text).to_string());
        }
        String::from_utf8(self.read_bytes(package, path)?)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "file is not UTF-8 text"))
    }

    fn read_bytes(&self, package: &str, path: &str) -> io::Result<Vec<u8>> {
        if let Some(text) = self.embedded.get(&(package.to_string(), path.to_string())) {
            return Ok(text.as_bytes().to_vec());
        }
        let not_found = || {
            io::Error::new(
                io::ErrorKind::NotFound,
                format!("no file {path} in package {package}"),
            )
        };
        let file = self.file_path(package, path).ok_or_else(not_found)?;
        let meta = std::fs::metadata(&file)?;
        if !meta.is_file() {
            return Err(not_found());
        }
        if meta.len() > MAX_FILE {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "file too large"));
        }
        std::fs::read(&file)
    }

    fn modified(&self, package: &str, path: &str) -> Option<SystemTime> {
        if self
            .embedded
            .contains_key(&(package.to_string(), path.to_string()))
        {
            return Some(SystemTime::UNIX_EPOCH);
        }
        std::fs::metadata(self.file_path(package, path)?)
            .ok()?
            .modified()
            .ok()
    }

    fn list(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .embedded
            .keys()
            .filter(|(_, p)| p.starts_with("data/questions/") && is_yaml(p))
            .cloned()
            .collect();
        for (name, dir) in &self.packages {
            let mut files = Vec::new();
            walk(
                &dir.join("data").join("questions"),
                "data/questions",
                0,
                &mut files,
            );
            files.sort();
            out.extend(files.into_iter().map(|p| (name.clone(), p)));
        }
        out
    }
}

fn is_yaml(p: &str) -> bool {
    p.ends_with(".yml") || p.ends_with(".yaml")
}

fn walk(dir: &Path, rel: &str, depth: usize, out: &mut Vec<String>) {
    if depth > 16 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let Ok(ft) = entry.file_type() else { continue };
        let child = format!("{rel}/{name}");
        if ft.is_dir() {
            walk(&entry.path(), &child, depth + 1, out);
        } else if ft.is_file() && is_yaml(&name) {
            out.push(child);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_packages_and_refuses_escapes() {
        let tmp = std::env::temp_dir().join(format!("colloquy-sources-{}", std::process::id()));
        let q = tmp
            .join("docassemble.test")
            .join("data")
            .join("questions")
            .join("sub");
        std::fs::create_dir_all(&q).unwrap();
        std::fs::write(q.join("a.yml"), "question: hi\n").unwrap();
        std::fs::write(tmp.join("secret.txt"), "secret").unwrap();
        let mut s = DirSources::new();
        assert_eq!(s.add_root(&tmp).unwrap(), 1);
        assert_eq!(
            s.list(),
            vec![(
                "docassemble.test".to_string(),
                "data/questions/sub/a.yml".to_string()
            )]
        );
        assert_eq!(
            s.read("docassemble.test", "data/questions/sub/a.yml")
                .unwrap(),
            "question: hi\n"
        );
        assert!(s.read("docassemble.test", "../secret.txt").is_err());
        assert!(s.read("docassemble.test", "/etc/passwd").is_err());
        assert!(s
            .read("docassemble.nope", "data/questions/sub/a.yml")
            .is_err());
        assert!(s
            .modified("docassemble.test", "data/questions/sub/a.yml")
            .is_some());
        s.add_embedded(
            "docassemble.demo",
            "data/questions/demo.yml",
            "question: demo\n",
        );
        assert_eq!(s.list().len(), 2);
        std::fs::remove_dir_all(&tmp).unwrap();
    }
}
