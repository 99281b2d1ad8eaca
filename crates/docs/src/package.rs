//! OOXML packages (the ZIP container of a .docx): XML parts read into memory with limits on
//! entry count and uncompressed size, other parts (images, embedded files) left compressed in
//! the original archive and copied through unchanged when the package is written again, and a
//! fresh ZIP written with no clock in it.

use std::io::{Cursor, Read, Write};
use std::sync::Arc;

use crate::limits::{check_size, Limits};
use crate::{DocsError, Result};

/// Where a part's bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PartData {
    /// Read (or replaced) and held uncompressed.
    Loaded(Vec<u8>),
    /// Still compressed in the original archive, at this entry index.
    Original(usize),
}

/// One entry of a package, in the order the archive lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Part {
    name: String,
    data: PartData,
}

/// The parts of a ZIP-based document (DOCX). Cloning is cheap for the parts left compressed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Package {
    source: Arc<[u8]>,
    parts: Vec<Part>,
    limits: Option<Limits>,
}

/// Whether a part is read into memory when the package is opened: the XML parts and
/// relationships that templates and readers need.
fn loads_eagerly(name: &str) -> bool {
    name.ends_with(".xml") || name.ends_with(".rels")
}

fn inflate(entry: impl Read, name: &str, limits: &Limits) -> Result<Vec<u8>> {
    let mut data = Vec::new();
    entry
        .take(limits.max_entry_bytes.saturating_add(1))
        .read_to_end(&mut data)
        .map_err(|err| DocsError::Zip(format!("{name}: {err}")))?;
    check_size(&format!("the entry {name}"), data.len() as u64, limits.max_entry_bytes)?;
    Ok(data)
}

impl Package {
    /// Reads a package from bytes. The input size and the entry count are checked first; XML
    /// parts are inflated at once, each and all together within the limits (declared sizes
    /// are not trusted); other parts stay compressed until [`Package::read_part`] asks for
    /// them. A name listed twice keeps its last entry, as Python's `zipfile` reads it.
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
            let data = if loads_eagerly(&name) {
                let data = inflate(entry, &name, limits)?;
                total = total.saturating_add(data.len() as u64);
                check_size("the archive's uncompressed XML", total, limits.max_total_bytes)?;
                PartData::Loaded(data)
            } else {
                PartData::Original(index)
            };
            if let Some(existing) = parts.iter_mut().find(|part| part.name == name) {
                existing.data = data;
            } else {
                parts.push(Part { name, data });
            }
        }
        Ok(Package { source: Arc::from(bytes), parts, limits: Some(*limits) })
    }

    /// The part names in archive order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().map(|part| part.name.as_str())
    }

    /// The bytes of an XML part (or a replaced part) called `name`; `None` when the part is
    /// absent or still compressed (see [`Package::read_part`]).
    pub fn get(&self, name: &str) -> Option<&[u8]> {
        self.parts.iter().find(|part| part.name == name).and_then(|part| match &part.data {
            PartData::Loaded(data) => Some(data.as_slice()),
            PartData::Original(_) => None,
        })
    }

    /// The bytes of any part, inflating a compressed one within the entry limit.
    pub fn read_part(&self, name: &str) -> Result<Option<Vec<u8>>> {
        let Some(part) = self.parts.iter().find(|part| part.name == name) else { return Ok(None) };
        match &part.data {
            PartData::Loaded(data) => Ok(Some(data.clone())),
            PartData::Original(index) => {
                let limits = self.limits.unwrap_or_default();
                let mut archive = zip::ZipArchive::new(Cursor::new(&*self.source))?;
                let entry = archive.by_index(*index)?;
                inflate(entry, name, &limits).map(Some)
            }
        }
    }

    /// The XML part called `name` as UTF-8 text (a leading byte-order mark is dropped).
    pub fn get_text(&self, name: &str) -> Result<Option<&str>> {
        match self.get(name) {
            None => Ok(None),
            Some(bytes) => {
                let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                std::str::from_utf8(bytes).map(Some).map_err(|_| DocsError::NotUtf8(name.to_string()))
            }
        }
    }

    /// Replaces the part called `name`, or appends it when it is new.
    pub fn set(&mut self, name: &str, data: Vec<u8>) {
        if let Some(existing) = self.parts.iter_mut().find(|part| part.name == name) {
            existing.data = PartData::Loaded(data);
        } else {
            self.parts.push(Part { name: name.to_string(), data: PartData::Loaded(data) });
        }
    }

    /// Writes the package as a ZIP archive: `[Content_Types].xml` first, each name once,
    /// parts held in memory deflated with the fixed DOS epoch as their time stamp, parts left
    /// compressed copied through as they were (so the output depends only on the input).
    pub fn write(&self) -> Result<Vec<u8>> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        let mut original = if self.parts.iter().any(|part| matches!(part.data, PartData::Original(_))) {
            Some(zip::ZipArchive::new(Cursor::new(&*self.source))?)
        } else {
            None
        };
        let content_types = self.parts.iter().filter(|part| part.name == "[Content_Types].xml");
        let others = self.parts.iter().filter(|part| part.name != "[Content_Types].xml");
        for part in content_types.chain(others) {
            match (&part.data, original.as_mut()) {
                (PartData::Loaded(data), _) => {
                    writer.start_file(part.name.as_str(), options)?;
                    writer.write_all(data).map_err(|err| DocsError::Zip(format!("{}: {err}", part.name)))?;
                }
                (PartData::Original(index), Some(archive)) => {
                    let entry = archive.by_index_raw(*index)?;
                    writer.raw_copy_file_rename(entry, part.name.as_str())?;
                }
                (PartData::Original(_), None) => return Err(DocsError::MissingPart(part.name.clone())),
            }
        }
        Ok(writer.finish()?.into_inner())
    }
}
