//! Files a user uploads: the posted file ([`Upload`]), the host's reader of a session's
//! stored files ([`FileReader`]), and the checks docassemble applies to an upload's name,
//! extension, type and `accept` list, done before a file becomes a `DAFile`.

use std::fmt;
use std::sync::Arc;

/// One file posted with a form: the form field it came in, the name the browser gave it,
/// the type it claimed, and its bytes (untrusted, already limited in size by the server).
#[derive(Clone)]
pub struct Upload {
    /// The form field name (base64 of the variable, as the field was shown).
    pub field: String,
    /// The file name the browser sent (untrusted; see [`display_filename`]).
    pub filename: String,
    /// The `Content-Type` the browser sent for the part (untrusted).
    pub content_type: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl fmt::Debug for Upload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // never the bytes: an upload's contents stay out of logs
        f.debug_struct("Upload")
            .field("field", &self.field)
            .field("filename", &self.filename)
            .field("content_type", &self.content_type)
            .field("size", &self.bytes.len())
            .finish()
    }
}

/// Reads the bytes of one of the session's stored files by number (the host opens its
/// sealed blob); `None` when there is no such file.
#[derive(Clone)]
pub struct FileReader(Arc<dyn Fn(u64) -> Option<Vec<u8>> + Send + Sync>);

impl FileReader {
    /// A reader from the host's function (file number → bytes).
    pub fn new(read: impl Fn(u64) -> Option<Vec<u8>> + Send + Sync + 'static) -> FileReader {
        FileReader(Arc::new(read))
    }

    /// The bytes of file `number`, if the session has it.
    pub fn read(&self, number: u64) -> Option<Vec<u8>> {
        (self.0)(number)
    }
}

impl fmt::Debug for FileReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FileReader(..)")
    }
}

/// Longest file name kept (characters); longer names keep their end (the extension).
const MAX_FILENAME_CHARS: usize = 200;

/// The name an uploaded file is shown and served under (docassemble's
/// `secure_filename_unicode_ok`): the last path segment, letters, digits, `_ . - ` and
/// spaces only, without leading or trailing dots and underscores; `file` when nothing is left.
pub fn display_filename(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let kept: String = last
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if c.is_alphanumeric() || "_.- ".contains(c) { c } else { '_' })
        .collect();
    let trimmed = kept.trim_matches(|c: char| c == '.' || c == '_' || c.is_whitespace());
    let count = trimmed.chars().count();
    let name: String = if count > MAX_FILENAME_CHARS {
        trimmed.chars().skip(count - MAX_FILENAME_CHARS).collect()
    } else {
        trimmed.to_string()
    };
    if name.is_empty() {
        "file".to_string()
    } else {
        name
    }
}

/// The extension and MIME type of an uploaded file, from its name as docassemble's
/// `get_ext_and_mimetype` finds them (lower case; `jpeg` → `jpg`, `tiff` → `tif`); the
/// browser's claimed type is never trusted.
pub fn extension_and_mimetype(filename: &str) -> (String, String) {
    let ext = filename.rsplit_once('.').map_or(String::new(), |(_, e)| e.to_ascii_lowercase());
    let ext = match ext.as_str() {
        "jpeg" => "jpg".to_string(),
        "tiff" => "tif".to_string(),
        _ => ext,
    };
    let mimetype = match ext.as_str() {
        "gif" => "image/gif",
        "webp" => "image/webp",
        "bmp" => "image/bmp",
        "tif" => "image/tiff",
        "yml" | "yaml" => "text/plain",
        "doc" => "application/msword",
        "mp3" => "audio/mpeg",
        "wav" => "audio/x-wav",
        "mp4" => "video/mp4",
        "3gpp" => "audio/3gpp",
        other => crate::attach::markup::mimetype_of(other),
    };
    (ext, mimetype.to_string())
}

/// Whether a file of `extension`/`mimetype` matches an `accept` list (`image/*`,
/// `.pdf`, `application/pdf`, comma separated), as a browser checks it; an empty list
/// accepts anything.
pub fn accepted(accept: &str, extension: &str, mimetype: &str) -> bool {
    let mime = mimetype.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let items: Vec<String> = accept.split(',').map(|s| s.trim().to_ascii_lowercase()).filter(|s| !s.is_empty()).collect();
    if items.is_empty() {
        return true;
    }
    items.iter().any(|item| {
        if let Some(ext) = item.strip_prefix('.') {
            let ext = match ext {
                "jpeg" => "jpg",
                "tiff" => "tif",
                e => e,
            };
            ext == extension
        } else if let Some(major) = item.strip_suffix("/*") {
            mime.split('/').next() == Some(major)
        } else {
            *item == mime || (item == "image/jpg" && mime == "image/jpeg")
        }
    })
}
