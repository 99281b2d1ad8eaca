//! Files made when first requested: the PDF of a Markdown document, typeset in memory on a
//! blocking thread (the `pdf` feature, `docs-pdf`) from its sources in the session's sealed
//! blobs, then stored sealed under the session's key so that it is typeset once. Without the
//! feature nothing is made (the engine does not offer such files then).

use engine::screen::{MadeFrom, StoredFile};
use store::{DataKey, Purpose};

use crate::error::AppError;
use crate::state::App;

/// The bytes of session file `number`: the stored blob, or the file made now from what
/// `meta.made_from` says (and stored). `None`: there is no such file.
pub async fn file_bytes(
    app: &App,
    session_id: &str,
    key: &DataKey,
    number: u64,
    meta: &StoredFile,
) -> Result<Option<Vec<u8>>, AppError> {
    if meta.hidden {
        return Ok(None);
    }
    if let Some(bytes) = app.store.get_blob(session_id, Purpose::Document, number, key).await? {
        return Ok(Some(bytes));
    }
    let Some(made_from) = &meta.made_from else { return Ok(None) };
    let Some(bytes) = make(app, session_id, key, made_from).await? else { return Ok(None) };
    if let Some(counter) = &app.options.typeset_counter {
        counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    // Two first requests at once both typeset; the first stored copy is the one kept.
    app.store.put_blob_if_absent(session_id, Purpose::Document, number, &bytes, key).await?;
    Ok(Some(bytes))
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
    let doc = docs::read_markdown(markdown, &read);
    docs_pdf::render_pdf(&doc, &options)
}
