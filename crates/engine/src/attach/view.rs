//! What a question screen shows of its attachments (the attachment box), as data for the
//! server to render, and the files a step produced for the server to store.

use serde::{Deserialize, Serialize};

/// The attachment box of a question screen.
#[derive(Debug, Clone, Serialize, Default)]
pub struct AttachmentBoxView {
    /// The documents, in order.
    pub attachments: Vec<AttachmentView>,
    /// `include attachment notice` ("The following document has been created for you.").
    pub notice: bool,
    /// `manual attachment list`: list nothing (the author links the files).
    pub manual_list: bool,
    /// `describe file types`.
    pub describe_file_types: bool,
    /// `include download tab`.
    pub download_tab: bool,
    /// `allow emailing`: the e-mail card.
    pub allow_emailing: bool,
    /// `allow downloading`: the ZIP card.
    pub allow_downloading: bool,
    /// `always include editable files`.
    pub always_include_editable: bool,
    /// `email address default`.
    pub email_address_default: Option<String>,
    /// `zip filename` (default `file.zip`).
    pub zip_filename: String,
    /// Debug mode (`features: debug` or the server's switch): the Markdown tab is shown.
    pub debug: bool,
}

/// One document of the box.
#[derive(Debug, Clone, Serialize, Default)]
pub struct AttachmentView {
    /// `name` (one-line Markdown, values HTML-escaped).
    pub name: String,
    /// `description` (Markdown, values HTML-escaped).
    pub description: Option<String>,
    /// The file name without extension.
    pub filename: String,
    /// The valid formats as the author gave them (`*` expanded to pdf, rtf, html).
    pub formats: Vec<String>,
    /// The files that can be downloaded, in docassemble's order (pdf, rtf, docx, md, raw).
    pub downloads: Vec<DownloadView>,
    /// The Markdown of the Preview tab (rendered by the server), when `html` is a format.
    pub preview: Option<String>,
    /// The Markdown source, for the Markdown tab (debug mode only).
    pub markdown: Option<String>,
}

/// One downloadable file of a document.
#[derive(Debug, Clone, Serialize, Default)]
pub struct DownloadView {
    /// The format (`pdf`, `rtf`, `docx`, `md`, `raw`).
    pub format: String,
    /// The file's number in the session.
    pub number: u64,
    /// The file name with its extension.
    pub filename: String,
    /// The file's URL (inline).
    pub url: String,
}

/// A file a step produced: the server stores its bytes sealed under the session's key.
#[derive(Debug, Clone, PartialEq)]
pub struct ProducedFile {
    /// The file's number in the session.
    pub number: u64,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// What the state records of a session file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct StoredFile {
    /// The file name with its extension.
    pub filename: String,
    /// Its MIME type.
    pub mimetype: String,
    /// A file made when it is first requested: its bytes are not stored until then, and
    /// this says what to make them from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made_from: Option<MadeFrom>,
    /// A file kept only as the source of another (the Markdown of a PDF, a package image it
    /// shows): never served by its number.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
}

/// How the server makes a file on its first request (a conversion, run in memory).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MadeFrom {
    /// A PDF typeset from Markdown (the text after Mako, with docassemble's markup codes).
    Markdown {
        /// The number of the session file holding the Markdown.
        source: u64,
        /// The attachment's metadata (interview-wide `attachment options` first, then the
        /// attachment's own), values as text: `fontsize`, `papersize`, margins, headers …
        #[serde(default)]
        metadata: std::collections::BTreeMap<String, String>,
        /// The images the text shows: each `[FILE …]`/`![](…)` reference as written, with
        /// the number of the session file holding its bytes.
        #[serde(default)]
        images: Vec<(String, u64)>,
        /// The typesetting options.
        #[serde(default)]
        pdf: PdfSettings,
    },
    /// A PDF converted from a DOCX (a filled template).
    Docx {
        /// The number of the session file holding the DOCX.
        source: u64,
        /// The typesetting options.
        #[serde(default)]
        pdf: PdfSettings,
    },
    /// `pdf_concatenate`: the pages of the PDF session files `parts`, in order (each a file
    /// with a lower number, stored or itself made on request).
    Concatenate {
        /// The numbers of the PDF files.
        parts: Vec<u64>,
    },
    /// `DAFile.extract_pages`: pages `first` to `last` (1-based; `None`: to the end).
    ExtractPages {
        /// The number of the PDF file.
        source: u64,
        /// The first page kept.
        first: u64,
        /// The last page kept.
        #[serde(default)]
        last: Option<u64>,
    },
    /// `overlay_pdf`: the pages of `logo` drawn over those of `main`.
    Overlay {
        /// The number of the main PDF.
        main: u64,
        /// The number of the PDF stamped on it.
        logo: u64,
        /// Which pages, and with which page of the stamp.
        #[serde(default)]
        pages: OverlayPages,
    },
    /// `zip_file`: a ZIP archive of session files, each under a name (with its folder).
    Zip {
        /// (name in the archive, file number), in order.
        entries: Vec<(String, u64)>,
    },
}

impl MadeFrom {
    /// The session files this file is made from.
    #[must_use]
    pub fn sources(&self) -> Vec<u64> {
        match self {
            MadeFrom::Markdown { source, images, .. } => {
                std::iter::once(*source).chain(images.iter().map(|(_, n)| *n)).collect()
            }
            MadeFrom::Docx { source, .. } | MadeFrom::ExtractPages { source, .. } => vec![*source],
            MadeFrom::Concatenate { parts } => parts.clone(),
            MadeFrom::Overlay { main, logo, .. } => vec![*main, *logo],
            MadeFrom::Zip { entries } => entries.iter().map(|(_, n)| *n).collect(),
        }
    }
}

/// The page options of `overlay_pdf` (docassemble's `first_page`, `last_page`, `logo_page`,
/// `only`, `multi`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
pub struct OverlayPages {
    /// First page stamped (1-based).
    #[serde(default)]
    pub first_page: Option<i64>,
    /// Last page stamped (1-based).
    #[serde(default)]
    pub last_page: Option<i64>,
    /// The page of the stamp used (1-based).
    #[serde(default)]
    pub logo_page: Option<i64>,
    /// `even` or `odd`.
    #[serde(default)]
    pub only: Option<String>,
    /// Page n of the stamp on page n.
    #[serde(default)]
    pub multi: bool,
}

/// The files functions made during an evaluation (`pdf_concatenate`, `zip_file` …), numbered
/// after the session's files; the runtime moves them into the session state when the
/// evaluation ends.
#[derive(Debug, Default)]
pub struct FileLedger {
    /// The number the next file gets.
    pub next: u64,
    /// The files made, in order: number, record, and bytes when they are known now.
    pub made: Vec<(u64, StoredFile, Option<Vec<u8>>)>,
}

/// The options of a produced PDF (`pdf/a`, `tagged pdf`, the document's title and language).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct PdfSettings {
    /// The document's title (the attachment's name).
    #[serde(default)]
    pub title: Option<String>,
    /// The document's language (`en`).
    #[serde(default)]
    pub language: Option<String>,
    /// `pdf/a`: PDF/A-2b.
    #[serde(default)]
    pub pdf_a: bool,
    /// `tagged pdf`: a tagged (accessible) PDF.
    #[serde(default)]
    pub tagged: bool,
}
