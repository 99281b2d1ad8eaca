//! The PDF of a Markdown document, recorded to be typeset when it is first requested: the
//! Markdown kept as a hidden session file, the attachment's metadata and PDF options worked
//! out now (they depend on the interview), and each image the text shows resolved to a
//! session file (an earlier file by its number, or a package file copied in as a hidden one).
//! The host (the server's `pdf` feature) does the typesetting, in memory.

use std::collections::BTreeMap;

use super::{keep_bytes, keep_made, package_file};
use crate::attach::view::{MadeFrom, PdfSettings};
use crate::attach::AttachmentSpec;
use crate::runtime::{Run, R};
use crate::yaml::Node;

impl Run<'_> {
    /// Records the PDF of `markdown` (file name `filename`, titled `title`); returns its number.
    pub(super) fn keep_typeset_pdf(&mut self, spec: &AttachmentSpec, filename: &str, title: &str, markdown: &str) -> R<u64> {
        let mut metadata = BTreeMap::new();
        if let Some(m) = &self.iv.attachment_options.metadata {
            metadata_strings(m, &mut metadata);
        }
        if let Some(m) = &spec.metadata {
            metadata_strings(m, &mut metadata);
        }
        let pdf = self.pdf_settings(spec, title);
        let images = self.document_images(markdown);
        let source = keep_bytes(self.st, "source.md", "md", markdown.as_bytes().to_vec(), true);
        let made_from = MadeFrom::Markdown { source, metadata, images, pdf };
        Ok(keep_made(self.st, filename, "pdf", made_from))
    }

    /// Records the PDF of a filled DOCX template (file name `filename`, titled `title`),
    /// converted when it is first requested; `docx` is the number of the DOCX when it is a
    /// file of the document too (otherwise the DOCX is kept as a hidden source).
    pub(super) fn keep_docx_pdf(&mut self, spec: &AttachmentSpec, filename: &str, title: &str, docx: Option<u64>, bytes: &[u8]) -> u64 {
        let pdf = self.pdf_settings(spec, title);
        let source = match docx {
            Some(n) => n,
            None => keep_bytes(self.st, "source.docx", "docx", bytes.to_vec(), true),
        };
        keep_made(self.st, filename, "pdf", MadeFrom::Docx { source, pdf })
    }

    /// The PDF options of the attachment: its title, the interview's language, `pdf/a`,
    /// `tagged pdf`.
    fn pdf_settings(&self, spec: &AttachmentSpec, title: &str) -> PdfSettings {
        PdfSettings {
            title: (!title.is_empty()).then(|| title.to_string()),
            language: Some(self.host.language.clone()).filter(|l| !l.is_empty()),
            pdf_a: self.pdf_option(spec, "pdf/a"),
            tagged: self.pdf_option(spec, "tagged pdf"),
        }
    }

    /// `pdf/a` / `tagged pdf` of the attachment, else of the interview's `features`.
    fn pdf_option(&self, spec: &AttachmentSpec, key: &str) -> bool {
        let node = spec
            .other
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, n)| n)
            .or_else(|| self.iv.features.raw.get(key));
        node.is_some_and(yes)
    }

    /// The images of `markdown` that can be supplied: (reference as written, session file).
    /// Session files are named by number (`[FILE 3]`); package files by name
    /// (`[FILE pkg:data/static/logo.png]`, `[FILE logo.png]`) or by their static URL
    /// (`![](…/packagestatic/pkg/logo.png)`, as `DAStaticFile.show()` writes them), and must
    /// have been read when the interview loaded. QR codes are drawn by the host.
    fn document_images(&mut self, markdown: &str) -> Vec<(String, u64)> {
        let mut out = Vec::new();
        for r in docs::image_references(markdown) {
            let docs::ImageRef::File(reference) = r else { continue };
            let name = reference.trim();
            if let Ok(n) = name.parse::<u64>() {
                if self.st.files.get(&n).is_some_and(|f| f.made_from.is_none()) {
                    out.push((reference.clone(), n));
                }
                continue;
            }
            let name = static_url_file(name, &self.ctx.base_url).unwrap_or_else(|| name.to_string());
            let Some(bytes) = package_file(&self.iv.run_data, &self.host.package, &name) else { continue };
            let base = name.rsplit(['/', ':']).next().unwrap_or("image");
            let extension = base.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
            let n = keep_bytes(self.st, base, &extension, bytes.to_vec(), true);
            out.push((reference.clone(), n));
        }
        out
    }
}

/// `…/packagestatic/pkg/path` (absolute with `base_url`, or site-relative) as `pkg:data/static/path`.
pub(super) fn static_url_file(url: &str, base_url: &str) -> Option<String> {
    let rest = url.strip_prefix(base_url).unwrap_or(url);
    let rest = rest.strip_prefix("/packagestatic/")?;
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let (package, path) = rest.split_once('/')?;
    if path.split('/').any(|c| c == ".." || c.is_empty()) {
        return None;
    }
    Some(format!("{package}:data/static/{path}"))
}

/// A YAML value that says yes (`True`, `true`, `yes`, `1`).
fn yes(n: &Node) -> bool {
    n.as_bool()
        .unwrap_or_else(|| n.scalar_text().is_some_and(|t| matches!(t.trim(), "True" | "true" | "yes" | "1")))
}

/// The scalar entries of a metadata mapping as text, added to (or replacing those of) `out`;
/// a list of scalars becomes its lines.
pub(super) fn metadata_strings(m: &Node, out: &mut BTreeMap<String, String>) {
    let Some(entries) = m.as_map() else { return };
    for (k, v) in entries {
        let Some(key) = k.scalar_text() else { continue };
        let value = match v.as_seq() {
            Some(items) => items.iter().filter_map(Node::scalar_text).collect::<Vec<_>>().join("\n"),
            None => match v.scalar_text() {
                Some(t) => t,
                None => continue,
            },
        };
        out.insert(key, value);
    }
}

#[cfg(test)]
mod tests {
    use super::static_url_file;

    #[test]
    fn static_urls_name_package_files() {
        assert_eq!(
            static_url_file("http://h/packagestatic/docassemble.demo/img/logo.png?v=1", "http://h").as_deref(),
            Some("docassemble.demo:data/static/img/logo.png")
        );
        assert_eq!(static_url_file("/packagestatic/p/../../secret", "http://h"), None);
        assert_eq!(static_url_file("logo.png", "http://h"), None);
    }
}
