//! The in-memory typst `World` of one rendering: the fixed layout template as the main source,
//! the document as `/doc.json`, the images as `/images/N`, and the embedded fonts. Nothing is
//! read from disk or the network, and there is no clock.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::PdfError;

/// The layout template: it reads `/doc.json` and typesets it. It is trusted code; no text of the
/// document ever becomes typst markup.
const TEMPLATE: &str = include_str!("legal.typ");

/// Liberation Serif (SIL OFL 1.1), metric-compatible with Times.
const FONTS: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// What every rendering shares, built once.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    template: Source,
    data: FileId,
}

fn shared() -> Result<&'static Shared, PdfError> {
    static SHARED: OnceLock<Option<Shared>> = OnceLock::new();
    SHARED
        .get_or_init(|| {
            let fonts: Vec<Font> = FONTS
                .iter()
                .flat_map(|data| Font::iter(Bytes::new(*data)))
                .collect();
            let main = file_id("/legal.typ")?;
            Some(Shared {
                library: LazyHash::new(Library::builder().build()),
                book: LazyHash::new(FontBook::from_fonts(&fonts)),
                fonts,
                template: Source::new(main, TEMPLATE.to_string()),
                data: file_id("/doc.json")?,
            })
        })
        .as_ref()
        .ok_or(PdfError::Setup)
}

/// The interned id of a project path. Only fixed paths are used, so the number of ids typst
/// interns (for the life of the process) stays bounded.
fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// One rendering's world.
pub(crate) struct DocWorld {
    shared: &'static Shared,
    data: Bytes,
    images: Vec<(FileId, Bytes)>,
}

impl DocWorld {
    /// A world whose `/doc.json` is `json` and whose `/images/N` are `images`, in order.
    pub(crate) fn new(json: Vec<u8>, images: Vec<Vec<u8>>) -> Result<Self, PdfError> {
        let shared = shared()?;
        let images = images
            .into_iter()
            .enumerate()
            .map(|(index, bytes)| {
                let id = file_id(&image_path(index)).ok_or(PdfError::Setup)?;
                Ok((id, Bytes::new(bytes)))
            })
            .collect::<Result<_, PdfError>>()?;
        Ok(Self {
            shared,
            data: Bytes::new(json),
            images,
        })
    }
}

/// The virtual path of the image at `index`.
pub(crate) fn image_path(index: usize) -> String {
    format!("/images/{index}")
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.shared.template.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.template.id() {
            Ok(self.shared.template.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.data {
            return Ok(self.data.clone());
        }
        if id == self.shared.template.id() {
            return Ok(Bytes::from_string(self.shared.template.clone()));
        }
        self.images
            .iter()
            .find(|(image, _)| *image == id)
            .map(|(_, bytes)| bytes.clone())
            .ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
