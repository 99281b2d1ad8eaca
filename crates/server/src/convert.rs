//! Files made when first requested: the PDF of a Markdown document (its QR codes drawn),
//! typeset in memory on a blocking thread (the `pdf` feature, `docs-pdf`) from its sources in
//! the session's sealed blobs, and the files of the file functions (a concatenation, pages
//! extracted, an overlay, a ZIP archive) made from other session files, themselves made first
//! when they must be; each stored sealed under the session's key so that it is made once.
//! Without the feature no PDF is typeset (the engine does not offer such files then).

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

use engine::screen::{MadeFrom, StoredFile};
use store::{DataKey, Purpose};

use crate::error::AppError;
use crate::state::App;

/// The bytes of session file `number` (of the session's `files`): the stored blob, or the file
/// made now from what its record's `made_from` says (and stored). `None`: there is no such
/// file (or it is kept only as the source of another).
pub async fn file_bytes(
    app: &App,
    session_id: &str,
    key: &DataKey,
    files: &BTreeMap<u64, StoredFile>,
    number: u64,
) -> Result<Option<Vec<u8>>, AppError> {
    match files.get(&number) {
        Some(meta) if !meta.hidden => resolve(app, session_id, key, files, number).await,
        _ => Ok(None),
    }
}

type Resolved<'a> = Pin<Box<dyn Future<Output = Result<Option<Vec<u8>>, AppError>> + Send + 'a>>;

/// The bytes of file `number`, hidden or not, made (from files with lower numbers, so that
/// nothing is made from itself) and stored when first asked for.
fn resolve<'a>(app: &'a App, session_id: &'a str, key: &'a DataKey, files: &'a BTreeMap<u64, StoredFile>, number: u64) -> Resolved<'a> {
    Box::pin(async move {
        let Some(meta) = files.get(&number) else { return Ok(None) };
        if let Some(bytes) = app.store.get_blob(session_id, Purpose::Document, number, key).await? {
            return Ok(Some(bytes));
        }
        let Some(made_from) = &meta.made_from else { return Ok(None) };
        let mut sources = Vec::new();
        if matches!(made_from, MadeFrom::Concatenate { .. } | MadeFrom::ExtractPages { .. } | MadeFrom::Overlay { .. } | MadeFrom::Zip { .. }) {
            for n in made_from.sources() {
                if n >= number {
                    return Err(AppError::Typeset("a file cannot be made from a later one".into()));
                }
                let Some(bytes) = resolve(app, session_id, key, files, n).await? else {
                    return Err(AppError::Typeset(format!("a file it is made from ({}) is not available", files.get(&n).map_or("?", |f| f.filename.as_str()))));
                };
                sources.push(bytes);
            }
        }
        let bytes = match made_from {
            MadeFrom::Markdown { .. } | MadeFrom::Docx { .. } => {
                let Some(bytes) = make(app, session_id, key, made_from).await? else { return Ok(None) };
                if let Some(counter) = &app.options.typeset_counter {
                    counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                bytes
            }
            other => {
                let other = other.clone();
                tokio::task::spawn_blocking(move || operate(&other, &sources))
                    .await
                    .map_err(|_| AppError::EnginePanicked)?
                    .map_err(|e| AppError::Typeset(e.to_string()))?
            }
        };
        // Two first requests at once both make it; the first stored copy is the one kept.
        app.store.put_blob_if_absent(session_id, Purpose::Document, number, &bytes, key).await?;
        Ok(Some(bytes))
    })
}

/// The file operations (no typesetting): concatenation, extraction, overlay, ZIP archives,
/// on the bytes of the file's sources (in the order of [`MadeFrom::sources`]).
fn operate(made_from: &MadeFrom, sources: &[Vec<u8>]) -> Result<Vec<u8>, docs::DocsError> {
    let limits = docs::Limits::default();
    let source = |i: usize| sources.get(i).map_or(&[][..], Vec::as_slice);
    match made_from {
        MadeFrom::Concatenate { .. } => {
            let parts: Vec<&[u8]> = sources.iter().map(Vec::as_slice).collect();
            docs::pdf::pages::concatenate(&parts, &limits)
        }
        MadeFrom::ExtractPages { first, last, .. } => {
            let first = usize::try_from(*first).unwrap_or(usize::MAX);
            let last = last.map(|l| usize::try_from(l).unwrap_or(usize::MAX));
            docs::pdf::pages::extract_pages(source(0), first, last, &limits)
        }
        MadeFrom::Overlay { pages, .. } => {
            let how = docs::pdf::pages::Overlay {
                first_page: pages.first_page,
                last_page: pages.last_page,
                logo_page: pages.logo_page,
                only: pages.only.clone(),
                multi: pages.multi,
            };
            docs::pdf::pages::overlay(source(0), source(1), &how, &limits)
        }
        MadeFrom::Zip { entries } => {
            let files: Vec<(String, Vec<u8>)> = entries.iter().map(|(name, _)| name.clone()).zip(sources.iter().cloned()).collect();
            docs::archive::zip_files(&files, &limits)
        }
        MadeFrom::Markdown { .. } | MadeFrom::Docx { .. } => Err(docs::DocsError::Pdf("not a file operation".into())),
    }
}

/// Makes a file from its sources (read from the session's blobs).
#[cfg(feature = "pdf")]
async fn make(app: &App, session_id: &str, key: &DataKey, made_from: &MadeFrom) -> Result<Option<Vec<u8>>, AppError> {
    let today = app.clock().now().date();
    let created = docs_pdf::Date {
        year: chrono::Datelike::year(&today),
        month: u8::try_from(chrono::Datelike::month(&today)).unwrap_or(1),
        day: u8::try_from(chrono::Datelike::day(&today)).unwrap_or(1),
    };
    let made = match made_from {
        MadeFrom::Markdown { source, metadata, images, pdf } => {
            let Some(markdown) = app.store.get_blob(session_id, Purpose::Document, *source, key).await? else {
                return Ok(None);
            };
            let mut image_bytes = Vec::new();
            for (reference, n) in images {
                if let Some(bytes) = app.store.get_blob(session_id, Purpose::Document, *n, key).await? {
                    image_bytes.push((reference.clone(), bytes));
                }
            }
            let metadata = metadata.clone();
            let settings = pdf.clone();
            tokio::task::spawn_blocking(move || {
                typeset_markdown(&String::from_utf8_lossy(&markdown), metadata, image_bytes, &settings, created)
                    .map_err(|e| e.to_string())
            })
            .await
        }
        MadeFrom::Docx { source, pdf } => {
            let Some(docx) = app.store.get_blob(session_id, Purpose::Document, *source, key).await? else {
                return Ok(None);
            };
            let settings = pdf.clone();
            tokio::task::spawn_blocking(move || typeset_docx(&docx, &settings, created)).await
        }
        _ => return Ok(None),
    };
    made.map_err(|_| AppError::EnginePanicked)?.map(Some).map_err(AppError::Typeset)
}

#[cfg(not(feature = "pdf"))]
async fn make(_app: &App, _session_id: &str, _key: &DataKey, _made_from: &MadeFrom) -> Result<Option<Vec<u8>>, AppError> {
    Ok(None)
}

/// A filled DOCX → PDF: read into the document model (with its images), then typeset.
#[cfg(feature = "pdf")]
fn typeset_docx(docx: &[u8], settings: &engine::screen::PdfSettings, created: docs_pdf::Date) -> Result<Vec<u8>, String> {
    let (doc, images) = docs::read_docx(docx, &docs::Limits::default()).map_err(|e| e.to_string())?;
    let options = docs_pdf::PdfOptions {
        title: settings.title.clone(),
        author: None,
        lang: settings.language.clone(),
        pdf_a: settings.pdf_a,
        tagged: settings.tagged,
        images,
        created: Some(created),
    };
    docs_pdf::render_pdf(&doc, &options).map_err(|e| e.to_string())
}

/// Markdown (after Mako) → PDF: read into the document model with the attachment's metadata
/// and images, then typeset.
#[cfg(feature = "pdf")]
fn typeset_markdown(
    markdown: &str,
    metadata: std::collections::BTreeMap<String, String>,
    images: Vec<(String, Vec<u8>)>,
    settings: &engine::screen::PdfSettings,
    created: docs_pdf::Date,
) -> Result<Vec<u8>, docs_pdf::PdfError> {
    let mut read = docs::ReadOptions { metadata, ..Default::default() };
    let mut options = docs_pdf::PdfOptions {
        title: settings.title.clone(),
        author: None,
        lang: settings.language.clone(),
        pdf_a: settings.pdf_a,
        tagged: settings.tagged,
        images: std::collections::HashMap::new(),
        created: Some(created),
    };
    for (i, (reference, bytes)) in images.into_iter().enumerate() {
        let name = format!("image{i}");
        read.images.insert(docs::ImageRef::File(reference), name.clone());
        options.images.insert(name, bytes);
    }
    for (i, reference) in docs::image_references(markdown).into_iter().enumerate() {
        let docs::ImageRef::Qr(text) = &reference else { continue };
        let Ok(png) = docs::qr::png(text.trim()) else { continue };
        let name = format!("qr{i}");
        options.images.insert(name.clone(), png);
        read.images.insert(reference, name);
    }
    let doc = docs::read_markdown(markdown, &read);
    docs_pdf::render_pdf(&doc, &options)
}
