//! Limits on untrusted documents: how big a file, how many ZIP entries, how deep the XML, how
//! many PDF objects and fields a reader accepts before it gives up with a clear error.

/// Limits applied to every DOCX or PDF this crate reads. Uploaded files are untrusted, so
/// every reader checks these before it allocates in proportion to the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file, in bytes.
    pub max_input_bytes: u64,
    /// Largest number of entries in a ZIP container.
    pub max_zip_entries: usize,
    /// Largest uncompressed size of one ZIP entry, in bytes.
    pub max_entry_bytes: u64,
    /// Largest uncompressed size of all ZIP entries together, in bytes.
    pub max_total_bytes: u64,
    /// Deepest element nesting accepted in an XML part.
    pub max_xml_depth: usize,
    /// Largest number of objects in a PDF.
    pub max_pdf_objects: usize,
    /// Largest decompressed size of one PDF stream, in bytes.
    pub max_pdf_stream_bytes: usize,
    /// Deepest `/Kids` nesting followed in a PDF form's field tree.
    pub max_field_depth: usize,
    /// Largest number of form fields (terminal fields and widgets) read from a PDF.
    pub max_fields: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
            max_zip_entries: 2_000,
            max_entry_bytes: 64 * 1024 * 1024,
            max_total_bytes: 256 * 1024 * 1024,
            max_xml_depth: 256,
            max_pdf_objects: 500_000,
            max_pdf_stream_bytes: 64 * 1024 * 1024,
            max_field_depth: 32,
            max_fields: 20_000,
        }
    }
}

pub(crate) fn check_size(what: &str, actual: u64, limit: u64) -> crate::Result<()> {
    if actual > limit {
        return Err(crate::DocsError::TooLarge { what: what.to_string(), actual, limit });
    }
    Ok(())
}
