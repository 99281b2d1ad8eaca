//! The methods of the file objects: `DAFile` (`url_for`, `show`, `str()`, `path`, `extract_pages`,
//! `get_pdf_fields`, `get_docx_variables`),
//! `DAFileCollection` (the same, through its first file) and `DAStaticFile` (a package
//! file: `url_for`, `show`, `slurp`, `get_pdf_fields`, `get_docx_variables`, read at load time).

use lang::Value;

use super::{file_url, package_file};

/// Installs the methods of `DAFile` and `DAFileCollection` the examples use.
pub(crate) fn install_file_methods(host: &crate::functions::EngineHost) {
    let file = host.class("DAFile");
    file.set_attr("url_for", Value::native("url_for", file_url_for));
    file.set_attr("__str__", Value::native("__str__", file_str));
    file.set_attr("show", Value::native("show", file_show));
    file.set_attr("path", Value::native("path", file_path));
    file.set_attr("extract_pages", Value::native("extract_pages", crate::functions::files::extract_pages));
    file.set_attr("get_pdf_fields", Value::native("get_pdf_fields", static_pdf_fields));
    file.set_attr("get_docx_variables", Value::native("get_docx_variables", static_docx_variables));
    let coll = host.class("DAFileCollection");
    coll.set_attr("url_for", Value::native("url_for", collection_url_for));
    coll.set_attr("__str__", Value::native("__str__", collection_str));
    coll.set_attr("show", Value::native("show", collection_str));
    coll.set_attr("path", Value::native("path", collection_url_for));
    coll.set_attr("extract_pages", Value::native("extract_pages", crate::functions::files::extract_pages));
    let list = host.class("DAFileList");
    list.set_attr("extract_pages", Value::native("extract_pages", crate::functions::files::extract_pages));
    list.set_attr("path", Value::native("path", list_path));
    let st = host.class("DAStaticFile");
    st.set_attr("url_for", Value::native("url_for", static_url_for));
    st.set_attr("__str__", Value::native("__str__", static_show));
    st.set_attr("show", Value::native("show", static_show));
    st.set_attr("get_pdf_fields", Value::native("get_pdf_fields", static_pdf_fields));
    st.set_attr("get_docx_variables", Value::native("get_docx_variables", static_docx_variables));
    st.set_attr("slurp", Value::native("slurp", static_slurp));
    st.set_attr("path", Value::native("path", static_path));
    crate::functions::install_context(host);
}

/// An attribute of an object as a Python value.
fn attr_of(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Object(o) => o.borrow().attrs.get(name).cloned(),
        _ => None,
    }
}

/// `file.url_for(attachment=False, …)`.
pub(crate) fn file_url_for(vm: &mut lang::Vm<'_>, mut args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    let download = args.take_kw("attachment").is_some_and(|v| v.truthy());
    let number = match attr_of(&me, "number") {
        Some(Value::Int(n)) => u64::try_from(n).unwrap_or(0),
        _ => 0,
    };
    let filename = attr_of(&me, "filename").map(|v| v.str()).unwrap_or_default();
    let h = crate::functions::host(vm)?;
    Ok(Value::from_str(&file_url(&h.base_url, &h.interview_url, number, &filename, download)))
}

/// `file.path()`: a session file has no file-system path to hand out, so its URL (inline), from
/// which it can be read.
fn file_path(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    file_url_for(vm, lang::Args::new(vec![me]))
}

/// `files.path()`: the path of the list's first file.
fn list_path(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    let first = match crate::functions::objects::get(&me, "elements") {
        Some(Value::List(l)) => l.borrow().first().cloned(),
        _ => None,
    };
    match first {
        Some(f) => file_path(vm, lang::Args::new(vec![f])),
        None => Ok(Value::None),
    }
}

/// `str(file)`: the file as `show()` shows it.
fn file_str(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    file_show(vm, args)
}

/// `file.show(width=…)`: an image is shown (Markdown image, `width` as docassemble's
/// `[FILE n, width]`), any other file is a Markdown link to it.
pub(crate) fn file_show(vm: &mut lang::Vm<'_>, mut args: lang::Args) -> Result<Value, lang::Error> {
    let width = args.take_kw("width").or_else(|| args.positional.get(1).cloned()).map(|w| w.str());
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    let filename = attr_of(&me, "filename").map(|v| v.str()).unwrap_or_default();
    let mimetype = attr_of(&me, "mimetype").map(|v| v.str()).unwrap_or_default();
    if mimetype.starts_with("image/") && crate::functions::host(vm)?.evaluation_context == Some("pdf") {
        // a PDF form's field: docassemble's `[FILE …]` code, drawn into a signature field
        if let Some(Value::Int(n)) = attr_of(&me, "number") {
            return Ok(Value::from_str(&format!("[FILE {n}]")));
        }
    }
    let url = file_url_for(vm, lang::Args::new(vec![me]))?.str();
    let name = crate::html::html_escape(&filename);
    if mimetype.starts_with("image/") && !mimetype.starts_with("image/svg") {
        return Ok(Value::from_str(&match width.filter(|w| valid_width(w)) {
            Some(w) => format!("<img alt=\"{name}\" src=\"{}\" style=\"width: {w}\">", crate::html::html_escape(&url)),
            None => format!("![{name}]({url})"),
        }));
    }
    Ok(Value::from_str(&format!("[{name}]({url})")))
}

/// A CSS width docassemble accepts in `show(width=…)` (`250px`, `3in`, `50%`).
fn valid_width(w: &str) -> bool {
    let num = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%');
    !num.is_empty() && num.chars().all(|c| c.is_ascii_digit() || c == '.') && w.len() <= 12
}

/// The first file of a collection that was produced (PDF first, as docassemble prefers),
/// else its first file at all (a format that cannot be made yet: its URL finds nothing).
fn first_file(coll: &Value) -> Option<Value> {
    let files: Vec<Value> = ["pdf", "docx", "rtf", "md", "raw"].iter().filter_map(|f| attr_of(coll, f)).collect();
    files
        .iter()
        .find(|f| attr_of(f, "ok").is_some_and(|v| v.truthy()))
        .or_else(|| files.first())
        .cloned()
}

fn collection_url_for(vm: &mut lang::Vm<'_>, mut args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    match first_file(&me) {
        Some(f) => {
            args.positional[0] = f;
            file_url_for(vm, args)
        }
        None => Ok(Value::from_str("")),
    }
}

fn collection_str(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    match first_file(&me) {
        Some(f) => file_str(vm, lang::Args::new(vec![f])),
        None => Ok(Value::from_str("")),
    }
}

/// An attribute that must be defined: when it is not, the interview looks for it (asks).
fn required_attr(me: &Value, name: &str) -> Result<Value, lang::Error> {
    attr_of(me, name).ok_or_else(|| {
        let base = match me {
            Value::Object(o) => o.borrow().instance_name.as_deref().unwrap_or("").to_string(),
            _ => String::new(),
        };
        lang::Error::Undefined(format!("{base}.{name}"))
    })
}

/// The package and path (under the package) of a `DAStaticFile`.
fn static_ref(vm: &mut lang::Vm<'_>, me: &Value) -> Result<(String, String), lang::Error> {
    let filename = required_attr(me, "filename")?.str();
    let h = crate::functions::host(vm)?;
    let package = attr_of(me, "package").map(|v| v.str()).unwrap_or_else(|| h.package.clone());
    Ok(match filename.split_once(':') {
        Some((pkg, path)) => (pkg.to_string(), path.to_string()),
        None => (package, filename),
    })
}

/// `static_file.url_for()`: the package's static-file URL.
fn static_url_for(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    let (package, path) = static_ref(vm, &me)?;
    let path = path.strip_prefix("data/static/").unwrap_or(&path).to_string();
    let h = crate::functions::host(vm)?;
    Ok(Value::from_str(&format!("{}/packagestatic/{package}/{path}", h.base_url)))
}

/// `static_file.path()`: there is no file system path to hand out, so the file's package
/// reference (`package:data/static/name`), which `[FILE …]` and the file functions accept.
fn static_path(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    let (package, path) = static_ref(vm, &me)?;
    Ok(Value::from_str(&format!("{package}:{path}")))
}

/// `static_file.show(width=…)`: the image (Markdown).
fn static_show(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    let url = static_url_for(vm, lang::Args::new(vec![me.clone()]))?.str();
    let alt = attr_of(&me, "alt_text").map(|v| v.str()).unwrap_or_default();
    Ok(Value::from_str(&format!("![{}]({url})", crate::html::html_escape(&alt))))
}

/// The bytes of a `DAStaticFile` (read when the interview loaded) or of a session file's
/// `DAFile`.
fn static_bytes(vm: &mut lang::Vm<'_>, me: &Value) -> Result<std::sync::Arc<Vec<u8>>, lang::Error> {
    if !crate::functions::objects::finance::is_a(me, "DAStaticFile") {
        return Ok(std::sync::Arc::new(super::super::upload::file_bytes(vm, me)?.to_vec()));
    }
    let (package, path) = static_ref(vm, me)?;
    let h = crate::functions::host(vm)?;
    package_file(&h.run_data, &package, &format!("{package}:{path}")).ok_or_else(|| {
        lang::Error::exception(
            "DAError",
            format!("the file {package}:{path} was not read when the interview loaded (name it in a string of the interview)"),
        )
    })
}

/// A PDF number as Python prints the float docassemble reads (`72.1975`).
fn pdf_number(n: &docs::pdf::PdfNumber) -> Value {
    match n {
        docs::pdf::PdfNumber::Integer(i) => Value::Int(*i),
        other => Value::Float(other.to_string().parse().unwrap_or(0.0)),
    }
}

/// `pdf_file.get_pdf_fields()`: (name, value, page, rect, type, export value) tuples.
fn static_pdf_fields(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    let bytes = static_bytes(vm, &me)?;
    let fields = match docs::pdf::get_pdf_fields(&bytes, &docs::Limits::default()) {
        Ok(f) => f,
        Err(docs::DocsError::NoFields) => Vec::new(),
        Err(e) => return Err(lang::Error::exception("DAError", e.to_string())),
    };
    let opt = |s: &Option<String>| s.as_deref().map_or(Value::None, Value::from_str);
    let items = fields
        .iter()
        .map(|f| {
            Value::tuple(vec![
                Value::from_str(&f.name),
                Value::from_str(&f.value),
                Value::Int(i64::from(f.page)),
                Value::list(f.rect.iter().map(pdf_number).collect()),
                opt(&f.field_type),
                opt(&f.export_value),
            ])
        })
        .collect();
    Ok(Value::list(items))
}

/// `docx_file.get_docx_variables()`: the names the template uses.
fn static_docx_variables(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    let bytes = static_bytes(vm, &me)?;
    let t = docs::docx::DocxTemplate::open(&bytes, &docs::Limits::default())
        .map_err(|e| lang::Error::exception("DAError", e.to_string()))?;
    Ok(Value::list(t.variables().iter().map(|v| Value::from_str(v)).collect()))
}

/// `static_file.slurp()`: the file's text.
fn static_slurp(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    let bytes = static_bytes(vm, &me)?;
    Ok(Value::from_str(&String::from_utf8_lossy(&bytes)))
}
