//! The file functions: `pdf_concatenate`, `zip_file`, `overlay_pdf`, `qr_code`, and
//! `DAFile.extract_pages`. A file they make is a new session file, recorded in the host's
//! [`FileLedger`](crate::attach::view::FileLedger) and made by the server in memory when it is
//! first requested (`MadeFrom`), so that a concatenation of documents typeset on request is
//! itself made on request; a package file they take is copied into the session as a hidden file.

use std::rc::Rc;

use lang::{Args, Error, NativeFn, Value, Vm};

use super::objects::finance::is_a;
use super::objects::get;
use super::{arg, host, missing, EngineHost};
use crate::attach::markup::mimetype_of;
use crate::attach::view::{MadeFrom, OverlayPages, StoredFile};

/// The natives of this module by name.
pub(crate) const NATIVES: &[(&str, NativeFn)] = &[
    ("pdf_concatenate", pdf_concatenate),
    ("zip_file", zip_file),
    ("overlay_pdf", overlay_pdf),
    ("qr_code", qr_code),
];

/// Deepest nesting of lists and dicts followed in the arguments.
const MAX_DEPTH: usize = 16;

/// A session file an argument names.
#[derive(Debug, Clone)]
struct SessionFile {
    number: u64,
    filename: String,
    extension: String,
}

fn dae(message: impl Into<String>) -> Error {
    Error::exception("DAError", message.into())
}

/// Records a new session file made by a function; its number.
fn record(h: &EngineHost, filename: &str, made_from: Option<MadeFrom>, bytes: Option<Vec<u8>>, hidden: bool) -> u64 {
    let extension = extension_of(filename);
    let mut ledger = h.file_ledger.borrow_mut();
    let number = ledger.next.max(1);
    ledger.next = number + 1;
    if let Some(b) = &bytes {
        h.new_files.borrow_mut().insert(number, Rc::from(b.as_slice()));
    }
    let file = StoredFile { filename: filename.to_string(), mimetype: mimetype_of(&extension).to_string(), made_from, hidden };
    ledger.made.push((number, file, bytes));
    number
}

/// The lower-case extension of a file name.
fn extension_of(filename: &str) -> String {
    filename.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// A `DAFile` for session file `number`.
fn dafile(h: &EngineHost, number: u64, filename: &str) -> Value {
    let extension = extension_of(filename);
    let mimetype = mimetype_of(&extension);
    let file = Value::new_object(h.class("DAFile"), None);
    if let Value::Object(o) = &file {
        let mut o = o.borrow_mut();
        o.attrs.insert(Rc::from("number"), Value::Int(i64::try_from(number).unwrap_or(0)));
        o.attrs.insert(Rc::from("ok"), Value::Bool(true));
        o.attrs.insert(Rc::from("filename"), Value::from_str(filename));
        o.attrs.insert(Rc::from("extension"), Value::from_str(&extension));
        o.attrs.insert(Rc::from("mimetype"), Value::from_str(mimetype.split(';').next().unwrap_or(mimetype)));
        o.attrs.insert(Rc::from("has_specific_filename"), Value::Bool(true));
    }
    file
}

/// The session file of a `DAFile` (`None` when it has no number yet).
fn session_file(v: &Value) -> Option<SessionFile> {
    let number = match get(v, "number") {
        Some(Value::Int(n)) => u64::try_from(n).ok().filter(|n| *n > 0)?,
        _ => return None,
    };
    let filename = get(v, "filename").map(|f| f.str()).unwrap_or_default();
    let extension = get(v, "extension").map(|e| e.str().to_ascii_lowercase()).unwrap_or_else(|| extension_of(&filename));
    Some(SessionFile { number, filename, extension })
}

/// A package file (`DAStaticFile`, or a name as text) copied into the session as a hidden
/// file; `None` when it was not read with the interview.
fn package_copy(h: &EngineHost, name: &str) -> Option<SessionFile> {
    let (pkg, path) = crate::load::package_files::candidates(name.trim(), &h.package)
        .into_iter()
        .find(|(p, path)| h.run_data.package_files.contains_key(&format!("{p}:{path}")))?;
    let bytes = h.run_data.package_files.get(&format!("{pkg}:{path}"))?.to_vec();
    let filename = path.rsplit('/').next().unwrap_or(&path).to_string();
    let number = record(h, &filename, None, Some(bytes), true);
    Some(SessionFile { number, extension: extension_of(&filename), filename })
}

/// The package reference of a `DAStaticFile` (`pkg:path`).
fn static_name(h: &EngineHost, v: &Value) -> String {
    let filename = get(v, "filename").map(|f| f.str()).unwrap_or_default();
    if filename.contains(':') {
        return filename;
    }
    let package = get(v, "package").map(|p| p.str()).unwrap_or_else(|| h.package.clone());
    format!("{package}:{filename}")
}

/// The items of a list-like value (`list`, `tuple`, `DAList`, `DAFileList`).
fn items_of(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::List(l) => Some(l.borrow().clone()),
        Value::Tuple(t) => Some(t.to_vec()),
        Value::Object(_) if is_a(v, "DAFileList") || is_a(v, "DAList") => match get(v, "elements") {
            Some(Value::List(l)) => Some(l.borrow().clone()),
            _ => Some(Vec::new()),
        },
        _ => None,
    }
}

/// The PDFs `v` names, as docassemble's `get_pdf_paths` finds them: a document's PDF, the
/// files of a list, a file, a package file. A DOCX becomes its PDF (converted on request), a
/// JPEG or PNG a page; other kinds of file are left out, as docassemble leaves out what it
/// cannot convert.
fn pdf_parts(h: &EngineHost, v: &Value, out: &mut Vec<u64>, depth: usize) -> Result<(), Error> {
    if depth > MAX_DEPTH {
        return Err(dae("pdf_concatenate: the files are nested too deeply"));
    }
    let file = if is_a(v, "DAFileCollection") {
        get(v, "pdf").as_ref().and_then(session_file)
    } else if let Some(items) = items_of(v) {
        for item in &items {
            pdf_parts(h, item, out, depth + 1)?;
        }
        return Ok(());
    } else if is_a(v, "DAStaticFile") {
        package_copy(h, &static_name(h, v))
    } else if is_a(v, "DAFile") {
        session_file(v)
    } else if let Value::Str(s) = v {
        package_copy(h, s)
    } else {
        None
    };
    let Some(file) = file else { return Ok(()) };
    match file.extension.as_str() {
        // an image is a page of its own (the server converts it while concatenating)
        "pdf" | "png" | "jpg" | "jpeg" => out.push(file.number),
        "docx" => {
            let stem = file.filename.rsplit_once('.').map_or(file.filename.as_str(), |(s, _)| s);
            let made = MadeFrom::Docx { source: file.number, pdf: Default::default() };
            out.push(record(h, &format!("{stem}.pdf"), Some(made), None, true));
        }
        _ => {}
    }
    Ok(())
}

/// The `filename` keyword, or `default`.
fn filename_kw(vm: &mut Vm<'_>, args: &mut Args, default: &str) -> Result<String, Error> {
    match args.take_kw("filename") {
        Some(Value::None) | None => Ok(default.to_string()),
        Some(v) => Ok(crate::upload::display_filename(&vm.str_of(&v)?)),
    }
}

/// `pdf_concatenate(*files, filename='file.pdf')`: a `DAFile` of the pages of every PDF.
fn pdf_concatenate(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let filename = filename_kw(vm, &mut args, "file.pdf")?;
    for unsupported in ["output_to", "password", "owner_password"] {
        if args.take_kw(unsupported).is_some_and(|v| !matches!(v, Value::None)) {
            return Err(dae(format!("pdf_concatenate: {unsupported} is not supported")));
        }
    }
    args.take_kw("pdfa");
    let h = host(vm)?;
    let mut parts = Vec::new();
    for v in &args.positional {
        pdf_parts(h, v, &mut parts, 0)?;
    }
    if parts.is_empty() {
        return Err(dae("pdf_concatenate: no valid files to concatenate"));
    }
    let number = record(h, &filename, Some(MadeFrom::Concatenate { parts }), None, false);
    Ok(dafile(h, number, &filename))
}

/// The files of `zip_file`'s arguments under their names in the archive (`folder/` from the
/// keys of a dict), as docassemble's `recurse_zip_params` lists them.
fn zip_entries(vm: &mut Vm<'_>, v: &Value, root: &str, out: &mut Vec<(String, u64)>, depth: usize) -> Result<(), Error> {
    if depth > MAX_DEPTH {
        return Err(dae("zip_file: the files are nested too deeply"));
    }
    if let Value::Dict(d) = v {
        let entries: Vec<(lang::Key, Value)> = d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, val) in entries {
            let key = vm.str_of(&k.to_value())?;
            zip_entries(vm, &val, &format!("{root}{key}/"), out, depth + 1)?;
        }
        return Ok(());
    }
    if let Some(items) = items_of(v) {
        for item in &items {
            zip_entries(vm, item, root, out, depth + 1)?;
        }
        return Ok(());
    }
    let h = host(vm)?;
    let file = if is_a(v, "DAFileCollection") {
        ["pdf", "docx", "rtf"].iter().find_map(|f| get(v, f).as_ref().and_then(session_file))
    } else if is_a(v, "DAStaticFile") {
        let name = static_name(h, v);
        Some(package_copy(h, &name).ok_or_else(|| dae(format!("zip_file: the file {name} was not read with the interview")))?)
    } else if is_a(v, "DAFile") {
        session_file(v)
    } else if let Value::Str(s) = v {
        Some(package_copy(h, s).ok_or_else(|| dae(format!("zip_file: the file {s} was not found")))?)
    } else {
        None
    };
    if let Some(f) = file {
        out.push((format!("{root}{}", f.filename), f.number));
    }
    Ok(())
}

/// `zip_file(*files, filename='file.zip')`: a `DAFile` of a ZIP archive of the files.
fn zip_file(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let filename = filename_kw(vm, &mut args, "file.zip")?;
    if args.take_kw("output_to").is_some_and(|v| !matches!(v, Value::None)) {
        return Err(dae("zip_file: output_to is not supported"));
    }
    let mut entries = Vec::new();
    for v in std::mem::take(&mut args.positional) {
        zip_entries(vm, &v, "", &mut entries, 0)?;
    }
    let h = host(vm)?;
    let number = record(h, &filename, Some(MadeFrom::Zip { entries }), None, false);
    Ok(dafile(h, number, &filename))
}

/// The PDF file `overlay_pdf` takes from an argument.
fn one_pdf(h: &EngineHost, v: &Value, what: &str) -> Result<u64, Error> {
    let mut parts = Vec::new();
    let first = if is_a(v, "DAFileList") { items_of(v).and_then(|i| i.into_iter().next()) } else { Some(v.clone()) };
    if let Some(first) = first {
        pdf_parts(h, &first, &mut parts, 0)?;
    }
    parts.first().copied().ok_or_else(|| dae(format!("overlay_pdf: bad {what} filename")))
}

/// An optional integer argument.
fn int_arg(args: &mut Args, i: usize, name: &str) -> Result<Option<i64>, Error> {
    match arg(args, i, name) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) => Ok(Some(n)),
        Some(other) => Err(Error::exception("TypeError", format!("overlay_pdf: {name} must be an integer, not {}", other.type_name()))),
    }
}

/// `overlay_pdf(main_pdf, logo_pdf, first_page, last_page, logo_page, only, multi, filename)`.
fn overlay_pdf(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let main = arg(&mut args, 0, "main_pdf").ok_or_else(|| missing("overlay_pdf", "main_pdf"))?;
    let logo = arg(&mut args, 1, "logo_pdf").ok_or_else(|| missing("overlay_pdf", "logo_pdf"))?;
    let pages = OverlayPages {
        first_page: int_arg(&mut args, 2, "first_page")?,
        last_page: int_arg(&mut args, 3, "last_page")?,
        logo_page: int_arg(&mut args, 4, "logo_page")?,
        only: match arg(&mut args, 5, "only") {
            None | Some(Value::None) => None,
            Some(v) => Some(vm.str_of(&v)?),
        },
        multi: arg(&mut args, 6, "multi").is_some_and(|v| v.truthy()),
    };
    if arg(&mut args, 7, "output_to").is_some_and(|v| !matches!(v, Value::None)) {
        return Err(dae("overlay_pdf: output_to is not supported"));
    }
    let filename = match arg(&mut args, 8, "filename") {
        None | Some(Value::None) => "file.pdf".to_string(),
        Some(v) => crate::upload::display_filename(&vm.str_of(&v)?),
    };
    let h = host(vm)?;
    let main = one_pdf(h, &main, "main")?;
    let logo = one_pdf(h, &logo, "logo")?;
    let number = record(h, &filename, Some(MadeFrom::Overlay { main, logo, pages }), None, false);
    Ok(dafile(h, number, &filename))
}

/// `file.extract_pages(first=1, last=None)`: a `DAFile` of those pages (same file name); of a
/// `DAFileList`, of its first file; of a document, of its PDF.
pub(crate) fn extract_pages(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    let first = match arg(&mut args, 1, "first") {
        None | Some(Value::None) => 1,
        Some(Value::Int(n)) if n >= 1 => n,
        Some(Value::Int(_)) => return Err(dae("extract_pages: first must be 1 or greater")),
        Some(_) => return Err(dae("extract_pages: first must be an integer")),
    };
    let last = match arg(&mut args, 2, "last") {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) if n >= first => Some(n),
        Some(Value::Int(_)) => return Err(dae("extract_pages: last must greater than or equal to first")),
        Some(_) => return Err(dae("extract_pages: last must be an integer")),
    };
    let h = host(vm)?;
    let mut parts = Vec::new();
    pdf_parts(h, &me, &mut parts, 0)?;
    let source = *parts.first().ok_or_else(|| dae("extract_pages: the file is not a PDF"))?;
    let named = if is_a(&me, "DAFileCollection") {
        get(&me, "pdf")
    } else {
        items_of(&me).map_or(Some(me.clone()), |i| i.into_iter().next())
    };
    let filename = named.and_then(|f| get(&f, "filename")).map(|f| f.str()).unwrap_or_else(|| "file.pdf".into());
    let filename = if extension_of(&filename) == "pdf" { filename } else { "file.pdf".to_string() };
    let made = MadeFrom::ExtractPages {
        source,
        first: u64::try_from(first).unwrap_or(1),
        last: last.and_then(|l| u64::try_from(l).ok()),
    };
    let number = record(h, &filename, Some(made), None, false);
    Ok(dafile(h, number, &filename))
}

/// `qr_code(text, width=None, alt_text=None)`: the `[QR …]` markup, as docassemble writes it.
fn qr_code(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let text = match arg(&mut args, 0, "string") {
        Some(v) => vm.str_of(&v)?,
        None => return Err(missing("qr_code", "string")),
    };
    let width = match arg(&mut args, 1, "width") {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.str_of(&v)?),
    };
    let alt = match arg(&mut args, 2, "alt_text") {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.str_of(&v)?),
    };
    Ok(Value::from_str(&match (width, alt) {
        (None, None) => format!("[QR {text}]"),
        (None, Some(a)) => format!("[QR {text}, None, {a}]"),
        (Some(w), None) => format!("[QR {text}, {w}]"),
        (Some(w), Some(a)) => format!("[QR {text}, {w}, {a}]"),
    }))
}

#[cfg(test)]
mod tests {
    use super::extension_of;

    #[test]
    fn extensions_are_lower_case() {
        assert_eq!(extension_of("A.PDF"), "pdf");
        assert_eq!(extension_of("archive.tar.gz"), "gz");
        assert_eq!(extension_of("README"), "");
    }
}

/// `table.export(filename, file_format=None, title=None, freeze_panes=True)`: the table's rows
/// as a new session file — an `.xlsx` workbook (the default), `.csv` or `.json` — as
/// docassemble's `DALazyTableTemplate.export` writes them.
pub(crate) fn table_export(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    if args.take_kw("output_to").is_some_and(|v| !matches!(v, Value::None)) {
        return Err(dae("export: output_to is not supported"));
    }
    let filename = match arg(&mut args, 1, "filename") {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::upload::display_filename(&vm.str_of(&v)?)),
    };
    let format = match args.take_kw("file_format") {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.str_of(&v)?.to_ascii_lowercase()),
    };
    let title = match args.take_kw("title") {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.str_of(&v)?),
    };
    let freeze = args.take_kw("freeze_panes").is_none_or(|v| v.truthy());
    let format = format
        .or_else(|| filename.as_deref().map(extension_of).filter(|e| !e.is_empty()))
        .unwrap_or_else(|| "xlsx".into());
    let filename = filename.unwrap_or_else(|| format!("file.{format}"));
    let texts = |v: Option<Value>| -> Vec<String> {
        match v {
            Some(Value::List(l)) => l.borrow().iter().map(|c| if let Value::Str(t) = c { t.to_string() } else { String::new() }).collect(),
            _ => Vec::new(),
        }
    };
    let headers = texts(get(&me, crate::runtime::lists::EXPORT_HEADERS));
    let rows: Vec<Vec<String>> = match get(&me, crate::runtime::lists::EXPORT_ROWS) {
        Some(Value::List(l)) => l.borrow().iter().map(|r| texts(Some(r.clone()))).collect(),
        _ => return Err(dae("export: this table has no rows to export yet")),
    };
    let bytes = match format.as_str() {
        "xlsx" => {
            let sheet = title.unwrap_or_else(|| "Sheet1".into());
            docs::xlsx::write_table(&sheet, &headers, &rows, freeze).map_err(|e| dae(format!("export: {e}")))?
        }
        "csv" => csv_of(&headers, &rows).into_bytes(),
        "json" => json_of(&headers, &rows).into_bytes(),
        other => return Err(dae(format!("export: file format {other} is not supported (xlsx, csv, json)"))),
    };
    let h = host(vm)?;
    let number = record(h, &filename, None, Some(bytes), false);
    Ok(dafile(h, number, &filename))
}

/// Rows as CSV (RFC 4180 quoting).
fn csv_of(headers: &[String], rows: &[Vec<String>]) -> String {
    let line = |cells: &[String]| -> String {
        let quoted: Vec<String> = cells
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        quoted.join(",") + "\r\n"
    };
    let mut out = line(headers);
    for r in rows {
        out.push_str(&line(r));
    }
    out
}

/// Rows as a JSON list of objects keyed by the headers (in the headers' order).
fn json_of(headers: &[String], rows: &[Vec<String>]) -> String {
    let items: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let mut map = serde_json::Map::new();
            for (h, c) in headers.iter().zip(r.iter()) {
                map.insert(h.clone(), serde_json::Value::String(c.clone()));
            }
            serde_json::Value::Object(map)
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}
