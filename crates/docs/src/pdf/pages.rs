//! Page operations on untrusted PDFs, in memory: the page tree walked with loop, depth and
//! count checks, several PDFs joined into one (`pdf_concatenate`), a range of pages kept
//! (`extract_pages`), the pages of one PDF stamped on those of another (`overlay_pdf`,
//! pdftk's `multistamp`), as docassemble does them with pikepdf and pdftk, and an image made a
//! page (`image_pdf`, for `pdf_concatenate`).

use std::collections::HashSet;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::image::{decode, ImageFault, ImageXObject, Transparency};
use super::open_document;
use crate::limits::check_size;
use crate::{DocsError, Limits, Result};

/// Page attributes a page inherits from its ancestors in the page tree.
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// Deepest page tree followed.
const MAX_TREE_DEPTH: usize = 64;

/// Deepest nesting of arrays and dictionaries followed while renumbering objects.
const MAX_OBJECT_DEPTH: usize = 256;

/// The page ids of `doc` in order, each page given the attributes it inherits (so that it can
/// be moved to another page tree). Fails on a reference loop, a tree deeper than
/// [`MAX_TREE_DEPTH`] or more pages than the object limit.
pub(crate) fn flatten_pages(doc: &mut Document, limits: &Limits) -> Result<Vec<ObjectId>> {
    let root = match doc.catalog()?.get(b"Pages")? {
        Object::Reference(id) => *id,
        _ => return Err(DocsError::Pdf("the page tree is not an indirect object".into())),
    };
    let mut pages: Vec<(ObjectId, Dictionary)> = Vec::new();
    let mut seen = HashSet::new();
    // (node, inherited attributes, depth), visited depth-first in order
    let mut stack = vec![(root, Dictionary::new(), 0usize)];
    while let Some((id, inherited, depth)) = stack.pop() {
        if !seen.insert(id) {
            return Err(DocsError::Pdf("the page tree has a reference loop".into()));
        }
        if depth > MAX_TREE_DEPTH {
            return Err(DocsError::TooLarge { what: "the page tree's depth".into(), actual: depth as u64, limit: MAX_TREE_DEPTH as u64 });
        }
        let node = doc.get_dictionary(id)?;
        let mut here = inherited;
        for key in INHERITED {
            if let Ok(v) = node.get(key) {
                here.set(key, v.clone());
            }
        }
        match node.get(b"Kids") {
            Ok(kids) => {
                let kids = match kids {
                    Object::Reference(r) => doc.get_object(*r)?.as_array()?,
                    other => other.as_array()?,
                };
                for kid in kids.iter().rev() {
                    stack.push((kid.as_reference()?, here.clone(), depth + 1));
                }
            }
            Err(_) => pages.push((id, here)),
        }
        check_size("the PDF's page count", pages.len() as u64, limits.max_pdf_objects as u64)?;
    }
    let mut ids = Vec::with_capacity(pages.len());
    for (id, inherited) in pages {
        let page = doc.get_dictionary_mut(id)?;
        for (key, value) in inherited.iter() {
            if !page.has(key) {
                page.set(key.clone(), value.clone());
            }
        }
        ids.push(id);
    }
    Ok(ids)
}

/// Every object reference inside `object` moved up by `offset`.
fn shift_refs(object: &mut Object, offset: u32, depth: usize) -> Result<()> {
    if depth > MAX_OBJECT_DEPTH {
        return Err(DocsError::TooLarge { what: "an object's nesting".into(), actual: depth as u64, limit: MAX_OBJECT_DEPTH as u64 });
    }
    match object {
        Object::Reference(id) => id.0 = id.0.saturating_add(offset),
        Object::Array(items) => {
            for item in items {
                shift_refs(item, offset, depth + 1)?;
            }
        }
        Object::Dictionary(dict) => {
            for (_, v) in dict.iter_mut() {
                shift_refs(v, offset, depth + 1)?;
            }
        }
        Object::Stream(stream) => {
            for (_, v) in stream.dict.iter_mut() {
                shift_refs(v, offset, depth + 1)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Moves every object of `from` into `into` under new numbers; returns the offset added to
/// `from`'s object numbers.
fn absorb(into: &mut Document, from: Document, limits: &Limits) -> Result<u32> {
    let offset = into.max_id;
    let mut max = offset;
    for ((number, generation), mut object) in from.objects {
        shift_refs(&mut object, offset, 0)?;
        let id = (number.saturating_add(offset), generation);
        max = max.max(id.0);
        into.objects.insert(id, object);
    }
    into.max_id = max;
    check_size("the PDF's object count", into.objects.len() as u64, limits.max_pdf_objects as u64)?;
    Ok(offset)
}

/// One input of [`assemble`]: a parsed PDF and the pages of it to keep (0-based, in order).
struct Part {
    doc: Document,
    pages: Vec<usize>,
}

/// A new PDF of the chosen pages of each part, in order, with the form fields of the parts.
fn assemble(parts: Vec<Part>, limits: &Limits) -> Result<Vec<u8>> {
    let mut out = Document::with_version("1.7");
    let mut kids = Vec::new();
    let mut acroform: Option<Dictionary> = None;
    let mut fields: Vec<Object> = Vec::new();
    for mut part in parts {
        let page_ids = flatten_pages(&mut part.doc, limits)?;
        let form = part.doc.catalog().ok().and_then(|c| c.get(b"AcroForm").ok()).cloned();
        let form = match form {
            Some(Object::Reference(id)) => part.doc.get_dictionary(id).ok().cloned(),
            Some(Object::Dictionary(d)) => Some(d),
            _ => None,
        };
        let offset = absorb(&mut out, part.doc, limits)?;
        for index in part.pages {
            if let Some(&(n, g)) = page_ids.get(index) {
                kids.push((n.saturating_add(offset), g));
            }
        }
        if let Some(mut form) = form {
            let mut as_object = Object::Dictionary(form.clone());
            shift_refs(&mut as_object, offset, 0)?;
            if let Object::Dictionary(shifted) = as_object {
                form = shifted;
            }
            if let Ok(Object::Array(f)) = form.get(b"Fields") {
                fields.extend(f.iter().cloned());
            }
            acroform.get_or_insert(form);
        }
    }
    if kids.is_empty() {
        return Err(DocsError::Pdf("there are no pages to put in the PDF".into()));
    }
    let pages_id = out.new_object_id();
    for &kid in &kids {
        out.get_dictionary_mut(kid)?.set("Parent", Object::Reference(pages_id));
    }
    let count = i64::try_from(kids.len()).unwrap_or(i64::MAX);
    let mut pages = Dictionary::new();
    pages.set("Type", Object::Name(b"Pages".to_vec()));
    pages.set("Kids", Object::Array(kids.into_iter().map(Object::Reference).collect()));
    pages.set("Count", Object::Integer(count));
    out.objects.insert(pages_id, Object::Dictionary(pages));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    if let Some(mut form) = acroform {
        form.set("Fields", Object::Array(fields));
        catalog.set("AcroForm", Object::Dictionary(form));
    }
    let catalog_id = out.add_object(catalog);
    out.trailer.set("Root", Object::Reference(catalog_id));
    out.prune_objects();
    save(out)
}

fn save(mut doc: Document) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).map_err(|err| DocsError::Pdf(err.to_string()))?;
    Ok(bytes)
}

/// `pdf_concatenate`: the pages of every PDF, in order, as one PDF; a JPEG or PNG image is
/// a page of its own ([`image_pdf`]). The combined input is held to the limits of one file.
pub fn concatenate(pdfs: &[&[u8]], limits: &Limits) -> Result<Vec<u8>> {
    let total: u64 = pdfs.iter().map(|p| p.len() as u64).sum();
    check_size("the files to concatenate", total, limits.max_input_bytes)?;
    let mut parts = Vec::with_capacity(pdfs.len());
    let mut objects = 0usize;
    for bytes in pdfs {
        let converted = image_pdf(bytes, limits)?;
        let mut doc = open_document(converted.as_deref().unwrap_or(bytes), limits)?;
        objects += doc.objects.len();
        check_size("the PDFs' object count", objects as u64, limits.max_pdf_objects as u64)?;
        let n = flatten_pages(&mut doc, limits)?.len();
        parts.push(Part { doc, pages: (0..n).collect() });
    }
    assemble(parts, limits)
}

/// The number of pages of a PDF (the page tree walked with the checks of [`flatten_pages`]).
pub fn page_count(bytes: &[u8], limits: &Limits) -> Result<usize> {
    let mut doc = open_document(bytes, limits)?;
    Ok(flatten_pages(&mut doc, limits)?.len())
}

/// `extract_pages(first, last)`: pages `first` to `last` (1-based, inclusive; `last` `None`
/// for the end) as a new PDF.
pub fn extract_pages(bytes: &[u8], first: usize, last: Option<usize>, limits: &Limits) -> Result<Vec<u8>> {
    let mut doc = open_document(bytes, limits)?;
    let n = flatten_pages(&mut doc, limits)?.len();
    let first = first.max(1);
    let last = last.unwrap_or(n).min(n);
    if first > last {
        return Err(DocsError::Pdf(format!("the PDF has {n} pages; pages {first} to {last} cannot be extracted")));
    }
    assemble(vec![Part { doc, pages: (first - 1..last).collect() }], limits)
}

/// Which pages of the main PDF [`overlay`] stamps, and with which page of the stamp.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overlay {
    /// First page stamped (1-based; `None` or < 1: the first).
    pub first_page: Option<i64>,
    /// Last page stamped (1-based; `None` or < 1: the last).
    pub last_page: Option<i64>,
    /// The stamp's page used (1-based; `None` or < 1: the first).
    pub logo_page: Option<i64>,
    /// `"even"` or `"odd"`: only those pages.
    pub only: Option<String>,
    /// pdftk's `multistamp`: page *n* of the stamp on page *n* (its last page on the rest);
    /// the other options are ignored.
    pub multi: bool,
}

/// `overlay_pdf`: the pages of `logo` drawn over pages of `main`, scaled to fit each page
/// and centred (as pikepdf's `add_overlay`).
pub fn overlay(main: &[u8], logo: &[u8], how: &Overlay, limits: &Limits) -> Result<Vec<u8>> {
    let mut doc = open_document(main, limits)?;
    let mut stamp = open_document(logo, limits)?;
    let main_pages = flatten_pages(&mut doc, limits)?;
    let stamp_pages = flatten_pages(&mut stamp, limits)?;
    if main_pages.is_empty() || stamp_pages.is_empty() {
        return Err(DocsError::Pdf("a PDF to overlay has no pages".into()));
    }
    let offset = absorb(&mut doc, stamp, limits)?;
    let stamp_pages: Vec<ObjectId> = stamp_pages.into_iter().map(|(n, g)| (n.saturating_add(offset), g)).collect();
    let count = main_pages.len();
    let clamp = |v: Option<i64>, default: usize| v.filter(|v| *v >= 1).map_or(default, |v| usize::try_from(v).unwrap_or(usize::MAX));
    let mut targets: Vec<(usize, usize)> = Vec::new();
    if how.multi {
        targets.extend((0..count).map(|i| (i, i.min(stamp_pages.len() - 1))));
    } else {
        let first = clamp(how.first_page, 1).min(count);
        let last = clamp(how.last_page, count).max(first);
        let logo_page = clamp(how.logo_page, 1).min(stamp_pages.len()) - 1;
        for i in first - 1..last.min(count) {
            match how.only.as_deref() {
                Some("even") if i % 2 == 0 => continue,
                Some("odd") if i % 2 != 0 => continue,
                _ => targets.push((i, logo_page)),
            }
        }
    }
    let mut forms: Vec<Option<(ObjectId, [f32; 4])>> = vec![None; stamp_pages.len()];
    for (page_index, logo_index) in targets {
        let (Some(&page), Some(&logo)) = (main_pages.get(page_index), stamp_pages.get(logo_index)) else { continue };
        let form = match forms.get(logo_index).copied().flatten() {
            Some(f) => f,
            None => {
                let f = form_xobject(&mut doc, logo, limits)?;
                if let Some(slot) = forms.get_mut(logo_index) {
                    *slot = Some(f);
                }
                f
            }
        };
        stamp_page(&mut doc, page, form)?;
    }
    doc.prune_objects();
    save(doc)
}

/// A box (`MediaBox`) as four numbers; the US Letter page when it is unreadable.
fn rect_of(doc: &Document, value: Option<&Object>) -> [f32; 4] {
    let fallback = [0.0, 0.0, 612.0, 792.0];
    let Some(value) = value else { return fallback };
    let Ok((_, value)) = doc.dereference(value) else { return fallback };
    let Ok(items) = value.as_array() else { return fallback };
    let nums: Vec<f32> = items.iter().filter_map(|o| o.as_float().ok()).collect();
    match nums.as_slice() {
        [a, b, c, d] => [a.min(*c), b.min(*d), a.max(*c), b.max(*d)],
        _ => fallback,
    }
}

/// The page `page` of the (absorbed) stamp as a form XObject; its id and bounding box.
fn form_xobject(doc: &mut Document, page: ObjectId, limits: &Limits) -> Result<(ObjectId, [f32; 4])> {
    let content = doc.get_page_content_with_limit(page, limits.max_pdf_stream_bytes)?;
    let dict = doc.get_dictionary(page)?;
    let bbox = rect_of(doc, dict.get(b"MediaBox").ok());
    let resources = dict.get(b"Resources").ok().cloned();
    let mut form = Dictionary::new();
    form.set("Type", Object::Name(b"XObject".to_vec()));
    form.set("Subtype", Object::Name(b"Form".to_vec()));
    form.set("BBox", Object::Array(bbox.iter().map(|v| Object::Real(*v)).collect()));
    if let Some(r) = resources {
        form.set("Resources", r);
    }
    let mut stream = Stream::new(form, content);
    // an uncompressible stream stays as it is
    let _ = stream.compress();
    Ok((doc.add_object(stream), bbox))
}

/// Draws form XObject `form` over page `page`: the page's content kept in its own graphics
/// state, then the form scaled to fit the page and centred.
fn stamp_page(doc: &mut Document, page: ObjectId, (form, bbox): (ObjectId, [f32; 4])) -> Result<()> {
    let dict = doc.get_dictionary(page)?;
    let media = rect_of(doc, dict.get(b"MediaBox").ok());
    let mut resources = match dict.get(b"Resources") {
        Ok(Object::Reference(id)) => doc.get_dictionary(*id)?.clone(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    let mut xobjects = match resources.get(b"XObject") {
        Ok(Object::Reference(id)) => doc.get_dictionary(*id)?.clone(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    let mut n = 0;
    let name = loop {
        let candidate = format!("CqStamp{n}");
        if !xobjects.has(candidate.as_bytes()) {
            break candidate;
        }
        n += 1;
    };
    xobjects.set(name.clone(), Object::Reference(form));
    resources.set("XObject", Object::Dictionary(xobjects));
    let contents: Vec<Object> = match dict.get(b"Contents") {
        Ok(Object::Array(items)) => items.clone(),
        Ok(other @ Object::Reference(_)) => vec![other.clone()],
        _ => Vec::new(),
    };
    let (pw, ph) = (media[2] - media[0], media[3] - media[1]);
    let (lw, lh) = (bbox[2] - bbox[0], bbox[3] - bbox[1]);
    let scale = if lw > 0.0 && lh > 0.0 { (pw / lw).min(ph / lh) } else { 1.0 };
    let tx = media[0] + (pw - lw * scale) / 2.0 - bbox[0] * scale;
    let ty = media[1] + (ph - lh * scale) / 2.0 - bbox[1] * scale;
    let before = doc.add_object(Stream::new(Dictionary::new(), b"q\n".to_vec()));
    let after = doc.add_object(Stream::new(
        Dictionary::new(),
        format!("\nQ\nq {scale:.6} 0 0 {scale:.6} {tx:.4} {ty:.4} cm /{name} Do Q\n").into_bytes(),
    ));
    let mut new_contents = vec![Object::Reference(before)];
    new_contents.extend(contents);
    new_contents.push(Object::Reference(after));
    let page = doc.get_dictionary_mut(page)?;
    page.set("Resources", Object::Dictionary(resources));
    page.set("Contents", Object::Array(new_contents));
    Ok(())
}

/// A one-page PDF showing a JPEG or PNG image at 72 pixels an inch (as ImageMagick's
/// `convert` makes it for `pdf_concatenate`); `None` when the bytes are neither.
pub fn image_pdf(bytes: &[u8], limits: &Limits) -> Result<Option<Vec<u8>>> {
    check_size("the image", bytes.len() as u64, limits.max_input_bytes)?;
    let image = if bytes.starts_with(&[0xFF, 0xD8]) {
        ImageXObject::from_jpeg(bytes)?
    } else if bytes.starts_with(b"\x89PNG") {
        let picture = decode(bytes, limits.max_pdf_stream_bytes as u64).map_err(|fault| match fault {
            ImageFault::TooLarge { actual, limit } => DocsError::TooLarge { what: "the image's pixels".into(), actual, limit },
            fault => DocsError::Pdf(format!("the PNG image cannot be read: {fault}")),
        })?;
        ImageXObject::from_picture(&picture, Transparency::OnWhite)?
    } else {
        return Ok(None);
    };
    let (width, height) = (image.width, image.height);
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let image_id = image.add_to(&mut doc);
    let mut xobjects = Dictionary::new();
    xobjects.set("Im0", Object::Reference(image_id));
    let mut resources = Dictionary::new();
    resources.set("XObject", Object::Dictionary(xobjects));
    let content = format!("q {width} 0 0 {height} 0 0 cm /Im0 Do Q\n").into_bytes();
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
    let mut page = Dictionary::new();
    page.set("Type", Object::Name(b"Page".to_vec()));
    page.set("Parent", Object::Reference(pages_id));
    page.set("MediaBox", Object::Array(vec![0.into(), 0.into(), width.into(), height.into()]));
    page.set("Resources", Object::Dictionary(resources));
    page.set("Contents", Object::Reference(content_id));
    let page_id = doc.add_object(page);
    let mut pages = Dictionary::new();
    pages.set("Type", Object::Name(b"Pages".to_vec()));
    pages.set("Kids", Object::Array(vec![Object::Reference(page_id)]));
    pages.set("Count", Object::Integer(1));
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    save(doc).map(Some)
}
