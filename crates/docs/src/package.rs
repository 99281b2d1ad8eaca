//! OOXML packages (the ZIP container of a .docx): reading with limits on entry count and
//! uncompressed size, replacing parts, and writing a fresh deflated ZIP with no clock in it.

use std::io::{Cursor, Read, Write};

use crate::limits::{check_size, Limits};
use crate::{DocsError, Result};

/// One entry of a package, in the order the archive lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The entry's name inside the archive (`word/document.xml`).
    pub name: String,
    /// The uncompressed bytes.
    pub data: Vec<u8>,
}

/// The parts of a ZIP-based document (DOCX), held in memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Package {
    parts: Vec<Part>,
}

impl Package {
    /// Reads a package from bytes, checking the input size, the entry count and each entry's
    /// and the total uncompressed size as the data is inflated (declared sizes are not
    /// trusted). A name listed twice keeps its last entry, as Python's `zipfile` reads it.
    pub fn read(bytes: &[u8], limits: &Limits) -> Result<Package> {
        check_size("the file", bytes.len() as u64, limits.max_input_bytes)?;
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
        check_size("the archive's entry count", archive.len() as u64, limits.max_zip_entries as u64)?;
        let mut parts: Vec<Part> = Vec::with_capacity(archive.len());
        let mut total: u64 = 0;
        for index in 0..archive.len() {
            let entry = archive.by_index(index)?;
            if entry.is_dir() {
                continue;
            }
            let name = entry.name()?.into_owned();
            let mut data = Vec::new();
            let mut limited = entry.take(limits.max_entry_bytes.saturating_add(1));
            limited
                .read_to_end(&mut data)
                .map_err(|err| DocsError::Zip(format!("{name}: {err}")))?;
            check_size(&format!("the entry {name}"), data.len() as u64, limits.max_entry_bytes)?;
            total = total.saturating_add(data.len() as u64);
            check_size("the archive's uncompressed content", total, limits.max_total_bytes)?;
            if let Some(existing) = parts.iter_mut().find(|part| part.name == name) {
                existing.data = data;
            } else {
                parts.push(Part { name, data });
            }
        }
        Ok(Package { parts })
    }

    /// The parts in archive order.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// The bytes of the part called `name`, if present.
    pub fn get(&self, name: &str) -> Option<&[u8]> {
        self.parts.iter().find(|part| part.name == name).map(|part| part.data.as_slice())
    }

    /// The part called `name` as UTF-8 text (a leading byte-order mark is dropped).
    pub fn get_text(&self, name: &str) -> Result<Option<&str>> {
        match self.get(name) {
            None => Ok(None),
            Some(bytes) => {
                let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                std::str::from_utf8(bytes)
                    .map(Some)
                    .map_err(|_| DocsError::NotUtf8(name.to_string()))
            }
        }
    }

    /// Replaces the part called `name`, or appends it when it is new.
    pub fn set(&mut self, name: &str, data: Vec<u8>) {
        if let Some(existing) = self.parts.iter_mut().find(|part| part.name == name) {
            existing.data = data;
        } else {
            self.parts.push(Part { name: name.to_string(), data });
        }
    }

    /// Writes the package as a ZIP archive: every entry deflated, `[Content_Types].xml` first,
    /// each name once, and the fixed DOS epoch as the time stamp (the output depends only on
    /// the parts).
    pub fn write(&self) -> Result<Vec<u8>> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        let content_types = self.parts.iter().filter(|part| part.name == "[Content_Types].xml");
        let others = self.parts.iter().filter(|part| part.name != "[Content_Types].xml");
        for part in content_types.chain(others) {
            writer.start_file(part.name.as_str(), options)?;
            writer
                .write_all(&part.data)
                .map_err(|err| DocsError::Zip(format!("{}: {err}", part.name)))?;
        }
        Ok(writer.finish()?.into_inner())
    }
}
