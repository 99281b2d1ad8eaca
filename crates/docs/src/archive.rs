//! ZIP archives of files (`zip_file`), built in memory as docassemble builds them: entries
//! deflated, readable by everyone (0644), and a name given to several files numbered apart
//! (`a.pdf` twice → `a_1.pdf`, `a_2.pdf`).

use std::collections::HashMap;
use std::io::{Cursor, Write};

use crate::limits::check_size;
use crate::{Limits, Result};

/// A ZIP archive of `files` (name inside the archive, bytes), in order. The total size is
/// held to the limit of one file.
pub fn zip_files(files: &[(String, Vec<u8>)], limits: &Limits) -> Result<Vec<u8>> {
    check_size("the archive's entries", files.len() as u64, limits.max_zip_entries as u64)?;
    let total: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    check_size("the files to archive", total, limits.max_total_bytes)?;
    let names = distinct_names(files.iter().map(|(n, _)| n.as_str()));
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    for (name, (_, bytes)) in names.iter().zip(files) {
        writer.start_file(name.as_str(), options)?;
        writer.write_all(bytes).map_err(|e| crate::DocsError::Zip(e.to_string()))?;
    }
    Ok(writer.finish()?.into_inner())
}

/// The names of the entries: a name used more than once gets `_n` before its extension, `n`
/// zero-padded to the width of the number of uses, skipping names already taken.
fn distinct_names<'a>(names: impl Iterator<Item = &'a str> + Clone) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for n in names.clone() {
        *seen.entry(n.to_string()).or_insert(0) += 1;
    }
    let mut count: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for name in names {
        let uses = seen.get(name).copied().unwrap_or(1);
        if uses <= 1 {
            out.push(name.to_string());
            continue;
        }
        let digits = uses.to_string().len();
        let c = count.entry(name.to_string()).or_insert(0);
        loop {
            *c += 1;
            let suffix = format!("{:0digits$}", *c);
            let candidate = match name.rfind('.') {
                Some(dot) if dot + 1 < name.len() => format!("{}_{suffix}{}", &name[..dot], &name[dot..]),
                _ => format!("{name}_{suffix}"),
            };
            if !seen.contains_key(&candidate) {
                seen.insert(candidate.clone(), 1);
                out.push(candidate);
                break;
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn entries_are_readable_with_their_bytes() {
        let files = vec![
            ("me.png".to_string(), vec![1u8, 2, 3]),
            ("assets/coins.png".to_string(), b"coins".repeat(100)),
            ("assets/coins.png".to_string(), b"other".to_vec()),
        ];
        let bytes = zip_files(&files, &Limits::default()).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 3);
        let expected = [("me.png", &files[0].1), ("assets/coins_1.png", &files[1].1), ("assets/coins_2.png", &files[2].1)];
        for (i, (name, content)) in expected.iter().enumerate() {
            let mut f = archive.by_index(i).unwrap();
            assert_eq!(f.name().unwrap(), *name);
            assert_eq!(f.unix_mode().map(|m| m & 0o777), Some(0o644));
            let mut got = Vec::new();
            f.read_to_end(&mut got).unwrap();
            assert_eq!(&got, *content);
        }
    }

    #[test]
    fn names_are_numbered_apart() {
        let names = ["a.pdf", "a.pdf", "b", "b", "a_1.pdf", "c"];
        assert_eq!(distinct_names(names.iter().copied()), ["a_2.pdf", "a_3.pdf", "b_1", "b_2", "a_1.pdf", "c"]);
    }

    #[test]
    fn too_many_entries_are_refused() {
        let limits = Limits { max_zip_entries: 1, ..Limits::default() };
        let files = vec![("a".to_string(), Vec::new()), ("b".to_string(), Vec::new())];
        assert!(matches!(zip_files(&files, &limits), Err(crate::DocsError::TooLarge { .. })));
    }
}
