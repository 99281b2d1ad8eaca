//! The editable formats of a Markdown document, written in process when it is assembled (they
//! take milliseconds): RTF and DOCX (`docx`, and `rtf to docx`, which is the same writer here)
//! from the document model read with the attachment's metadata (Mako rendered; running
//! headers and footers, margins, paper size, spacing). DOCX also takes the `docx reference
//! file` (the attachment's, else `attachment options`'), the `hyperlink style`, and the images
//! the text shows that are package files (read when the interview loaded) and its QR codes; an
//! image that is a session file is left out, as its bytes are the server's.

use std::collections::BTreeMap;

use super::package_file;
use super::typeset::{metadata_strings, static_url_file};
use crate::attach::AttachmentSpec;
use crate::runtime::{Flow, Run, R};

impl Run<'_> {
    /// The attachment's metadata as text (`attachment options`' first, then its own), each
    /// value rendered as Mako, as docassemble does (an undefined name asks its question).
    pub(super) fn document_metadata(&mut self, spec: &AttachmentSpec) -> R<BTreeMap<String, String>> {
        let mut metadata = BTreeMap::new();
        if let Some(m) = &self.iv.attachment_options.metadata {
            metadata_strings(m, &mut metadata);
        }
        if let Some(m) = &spec.metadata {
            metadata_strings(m, &mut metadata);
        }
        for value in metadata.values_mut() {
            *value = self.render_plain(value, &spec.pos)?;
        }
        Ok(metadata)
    }

    /// The RTF of `markdown`, laid out by the attachment's metadata.
    pub(super) fn markdown_rtf(&mut self, spec: &AttachmentSpec, markdown: &str) -> R<Vec<u8>> {
        let read = docs::ReadOptions { metadata: self.document_metadata(spec)?, ..Default::default() };
        Ok(docs::write_rtf(&docs::read_markdown(markdown, &read)).into_bytes())
    }

    /// The DOCX of `markdown`: metadata, reference document, hyperlink style and package images.
    pub(super) fn markdown_docx(&mut self, spec: &AttachmentSpec, markdown: &str) -> R<Vec<u8>> {
        let mut read = docs::ReadOptions { metadata: self.document_metadata(spec)?, ..Default::default() };
        let mut options = docs::DocxOptions {
            hyperlink_style: option_text(spec, "hyperlink style"),
            ..Default::default()
        };
        let reference_name = option_text(spec, "docx reference file").or_else(|| self.iv.attachment_options.docx_reference_file.clone());
        if let Some(name) = reference_name {
            let Some(bytes) = package_file(&self.iv.run_data, &self.host.package, &name) else {
                return Err(Flow::Fatal(format!("{}: docx reference file {name} was not found", spec.pos)));
            };
            options.reference = Some(bytes.to_vec());
        }
        for (i, reference) in docs::image_references(markdown).into_iter().enumerate() {
            let bytes = match &reference {
                docs::ImageRef::Qr(text) => match docs::qr::png(text.trim()) {
                    Ok(png) => png,
                    Err(_) => continue,
                },
                docs::ImageRef::File(written) => {
                    let name = written.trim();
                    if name.parse::<u64>().is_ok() {
                        continue;
                    }
                    let name = static_url_file(name, &self.ctx.base_url).unwrap_or_else(|| name.to_string());
                    let Some(bytes) = package_file(&self.iv.run_data, &self.host.package, &name) else { continue };
                    bytes.to_vec()
                }
            };
            let image = format!("image{i}");
            options.images.insert(image.clone(), bytes);
            read.images.insert(reference, image);
        }
        let doc = docs::read_markdown(markdown, &read);
        docs::write_docx(&doc, &options).map_err(|e| Flow::Fatal(format!("{}: the DOCX could not be written: {e}", spec.pos)))
    }
}

/// A scalar option of the attachment kept raw (`hyperlink style`, `docx reference file`).
fn option_text(spec: &AttachmentSpec, key: &str) -> Option<String> {
    spec.other
        .iter()
        .find(|(k, _)| k == key)
        .and_then(|(_, n)| n.scalar_text())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}
