//! File fields (`datatype: file`, `files`, `camera`, `user`, `environment`, `camcorder`,
//! `microphone`): the input a screen shows, the posted files turned into a `DAFileList` of
//! `DAFile`s (new session files, sealed by the host with the state), and the methods of
//! uploaded files (`size_in_bytes`, `slurp`, `num_pages`, a `DAFileList`'s `url_for`/`show`).

use std::rc::Rc;

use lang::Value;

use super::ask::FormField;
use super::Run;
use crate::attach::view::{ProducedFile, StoredFile};
use crate::model::Field;
use crate::screen::{FieldView, UploadView};
use crate::upload::{accepted, display_filename, extension_and_mimetype, Upload};

/// Message beside a file field when another answer on the screen was refused: the browser
/// does not send a chosen file twice, so the file must be chosen again.
pub(crate) const CHOOSE_AGAIN: &str = "Please choose the file again.";

/// How a file field reads what was posted.
#[derive(Debug, Clone, Default)]
pub(crate) struct UploadRules {
    /// The `accept` list, if any (checked on the server too).
    pub accept: Option<String>,
    /// `maximum image size` (pixels of the longer side), if any.
    pub max_image_size: Option<u32>,
    /// `image upload type` (`jpeg`, `png`), if any.
    pub image_type: Option<String>,
}

impl Run<'_> {
    /// The input of a file field: its [`UploadView`] on the screen and its rules for `submit`.
    pub(crate) fn file_input(&mut self, f: &Field, datatype: &str, fv: &mut FieldView) -> super::R<UploadRules> {
        let mut rules = UploadRules::default();
        for (key, node) in &f.other {
            match key.as_str() {
                "accept" => {
                    // a Python expression giving the list (`"image/*"`)
                    if let Some(src) = node.scalar_text() {
                        let v = self.eval_src(src.trim(), &f.pos)?;
                        rules.accept = Some(v.str()).filter(|s| !s.trim().is_empty());
                    }
                }
                "maximum image size" => rules.max_image_size = node.scalar_text().and_then(|s| s.trim().parse().ok()),
                "image upload type" => rules.image_type = node.scalar_text().map(|s| s.trim().to_ascii_lowercase()),
                _ => {}
            }
        }
        let feature = |k: &str| self.iv.features.raw.get(k).and_then(crate::yaml::Node::scalar_text);
        if rules.max_image_size.is_none() {
            rules.max_image_size = feature("maximum image size").and_then(|s| s.trim().parse().ok());
        }
        if rules.image_type.is_none() {
            rules.image_type = feature("image upload type").map(|s| s.trim().to_ascii_lowercase());
        }
        // as docassemble renders them; an author's `accept` replaces both
        let (accept, capture) = match datatype {
            "camera" => (Some("image/*".to_string()), None),
            "user" | "environment" => (Some("image/*".to_string()), Some(datatype.to_string())),
            "camcorder" => (Some("video/*".to_string()), None),
            "microphone" => (Some("audio/*".to_string()), None),
            _ => (None, None),
        };
        let capture = if rules.accept.is_some() { None } else { capture };
        if rules.accept.is_none() {
            rules.accept = accept;
        }
        fv.upload = Some(UploadView { multiple: datatype == "files", accept: rules.accept.clone(), capture, pen_color: None });
        Ok(rules)
    }

    /// The files posted for file field `f`: a `DAFileList` named after the variable (its
    /// `DAFile`s numbered as new session files), `None` when nothing was chosen and the field
    /// is optional (docassemble sets the variable to `None`), or the message for the screen.
    pub(crate) fn convert_upload(&mut self, f: &FormField, rules: &UploadRules) -> Result<Option<Value>, String> {
        let ctx = self.ctx;
        let posted: Vec<&Upload> = ctx.uploads.iter().filter(|u| u.field == f.name).collect();
        if posted.is_empty() {
            if f.required {
                return Err(crate::validate::REQUIRED.into());
            }
            return Ok(Some(Value::None));
        }
        let mut files = Vec::with_capacity(posted.len());
        for (i, u) in posted.into_iter().enumerate() {
            let mut filename = display_filename(&u.filename);
            let (mut extension, mut mimetype) = extension_and_mimetype(&filename);
            if let Some(accept) = &rules.accept {
                if !accepted(accept, &extension, &mimetype) {
                    return Err(format!("The file \u{201c}{filename}\u{201d} is not of a type this question accepts."));
                }
            }
            let mut bytes = u.bytes.clone();
            if mimetype.starts_with("image/") {
                let processed = crate::upload_image::process(&bytes, &extension, rules.max_image_size, rules.image_type.as_deref())
                    .map_err(|e| format!("The file \u{201c}{filename}\u{201d} {e}"))?;
                if let Some(img) = processed {
                    bytes = img.bytes;
                    if img.extension != extension {
                        let stem = filename.rsplit_once('.').map_or(filename.as_str(), |(s, _)| s).to_string();
                        filename = format!("{stem}.{}", img.extension);
                        (extension, mimetype) = extension_and_mimetype(&filename);
                    }
                }
            }
            let number = self.new_file(&filename, &mimetype, bytes);
            files.push(self.uploaded_dafile(&format!("{}[{i}]", f.var), number, &filename, &extension, &mimetype));
        }
        let list = Value::new_object(self.host.class("DAFileList"), Some(&f.var));
        if let Value::Object(o) = &list {
            let mut o = o.borrow_mut();
            o.attrs.insert(Rc::from("elements"), Value::list(files));
            o.attrs.insert(Rc::from("gathered"), Value::Bool(true));
            o.attrs.insert(Rc::from("auto_gather"), Value::Bool(false));
        }
        Ok(Some(list))
    }

    /// Records a new session file (sealed and stored by the host with the state); its number.
    pub(super) fn new_file(&mut self, filename: &str, mimetype: &str, bytes: Vec<u8>) -> u64 {
        let number = self.st.files.keys().next_back().map_or(1, |n| n + 1);
        self.st.files.insert(number, StoredFile { filename: filename.to_string(), mimetype: mimetype.to_string(), made_from: None, hidden: false });
        self.host.new_files.borrow_mut().insert(number, Rc::from(bytes.as_slice()));
        self.st.produced.push(ProducedFile { number, bytes });
        number
    }

    /// A `DAFile` for an uploaded file.
    pub(super) fn uploaded_dafile(&self, name: &str, number: u64, filename: &str, extension: &str, mimetype: &str) -> Value {
        let file = Value::new_object(self.host.class("DAFile"), Some(name));
        if let Value::Object(o) = &file {
            let mut o = o.borrow_mut();
            o.attrs.insert(Rc::from("number"), Value::Int(i64::try_from(number).unwrap_or(0)));
            o.attrs.insert(Rc::from("ok"), Value::Bool(true));
            o.attrs.insert(Rc::from("filename"), Value::from_str(filename));
            o.attrs.insert(Rc::from("extension"), Value::from_str(extension));
            o.attrs.insert(Rc::from("mimetype"), Value::from_str(mimetype));
            o.attrs.insert(Rc::from("has_specific_filename"), Value::Bool(true));
        }
        file
    }
}

/// When a screen is shown again because an answer was refused, nothing it posted is kept:
/// each file field that had files gets [`CHOOSE_AGAIN`] (unless it has a message of its
/// own), so no file is lost without a word (docassemble asks for the file again too).
pub(crate) fn choose_again(ctx: &crate::RequestContext, spec: &[FormField], errors: &mut Vec<(Option<usize>, String)>) {
    for f in spec {
        if !matches!(f.how, super::ask::How::File(_)) || !ctx.uploads.iter().any(|u| u.field == f.name) {
            continue;
        }
        if f.view.is_some() && errors.iter().any(|(v, _)| *v == f.view) {
            continue;
        }
        errors.push((f.view, CHOOSE_AGAIN.to_string()));
    }
}

/// The files made earlier in this request (the uploads of the form just accepted, documents)
/// are readable before the host has stored them: the next screen may `slurp()` them.
pub(crate) fn files_not_yet_stored(host: &crate::functions::EngineHost, st: &crate::SessionState) {
    let mut files = host.new_files.borrow_mut();
    for f in &st.produced {
        files.entry(f.number).or_insert_with(|| Rc::from(f.bytes.as_slice()));
    }
}

/// Installs the methods of uploaded files: `DAFile.size_in_bytes/slurp/num_pages` and the
/// `DAFileList` methods that act on its files.
pub(crate) fn install_upload_methods(host: &crate::functions::EngineHost) {
    let file = host.class("DAFile");
    file.set_attr("size_in_bytes", Value::native("size_in_bytes", file_size));
    file.set_attr("slurp", Value::native("slurp", file_slurp));
    file.set_attr("num_pages", Value::native("num_pages", file_num_pages));
    let list = host.class("DAFileList");
    list.set_attr("url_for", Value::native("url_for", list_url_for));
    list.set_attr("__str__", Value::native("__str__", list_show));
    list.set_attr("show", Value::native("show", list_show));
    list.set_attr("size_in_bytes", Value::native("size_in_bytes", list_size));
    list.set_attr("slurp", Value::native("slurp", list_slurp));
    list.set_attr("num_pages", Value::native("num_pages", list_num_pages));
}

fn me_of(args: &lang::Args) -> Value {
    args.positional.first().cloned().unwrap_or(Value::None)
}

/// The files of a `DAFileList`.
fn elements(list: &Value) -> Vec<Value> {
    match crate::functions::objects::get(list, "elements") {
        Some(Value::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    }
}

/// The bytes of a `DAFile`: a file of this request, else the host's stored file.
pub(crate) fn file_bytes(vm: &mut lang::Vm<'_>, me: &Value) -> Result<Rc<[u8]>, lang::Error> {
    let number = match crate::functions::objects::get(me, "number") {
        Some(Value::Int(n)) => u64::try_from(n).ok(),
        _ => None,
    };
    let missing = || lang::Error::exception("DAError", "the file is not available");
    let number = number.ok_or_else(missing)?;
    let h = crate::functions::host(vm)?;
    if let Some(b) = h.new_files.borrow().get(&number) {
        return Ok(b.clone());
    }
    let bytes = h.file_reader().and_then(|r| r.read(number)).ok_or_else(missing)?;
    let bytes: Rc<[u8]> = Rc::from(bytes.as_slice());
    h.new_files.borrow_mut().insert(number, bytes.clone());
    Ok(bytes)
}

fn file_size(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let bytes = file_bytes(vm, &me_of(&args))?;
    Ok(Value::Int(i64::try_from(bytes.len()).unwrap_or(i64::MAX)))
}

fn file_slurp(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let bytes = file_bytes(vm, &me_of(&args))?;
    Ok(Value::from_str(&String::from_utf8_lossy(&bytes)))
}

/// `num_pages()`: the pages of a PDF (read with limits), 1 for anything else.
fn file_num_pages(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let me = me_of(&args);
    let is_pdf = crate::functions::objects::get(&me, "extension").is_some_and(|e| e.str() == "pdf");
    if !is_pdf {
        return Ok(Value::Int(1));
    }
    let bytes = file_bytes(vm, &me)?;
    let pdf = docs::pdf::PdfForm::open(&bytes, None, &docs::Limits::default())
        .map_err(|e| lang::Error::exception("DAError", format!("the PDF file cannot be read: {e}")))?;
    Ok(Value::Int(i64::try_from(pdf.num_pages()).unwrap_or(0)))
}

/// Calls `method` on the list's first file (docassemble's `DAFileList` does the same);
/// `None` for an empty list.
fn on_first(vm: &mut lang::Vm<'_>, mut args: lang::Args, method: lang::NativeFn) -> Result<Value, lang::Error> {
    let me = me_of(&args);
    let Some(first) = elements(&me).into_iter().next() else {
        return Ok(Value::None);
    };
    if let Some(slot) = args.positional.first_mut() {
        *slot = first;
    }
    method(vm, args)
}

fn list_url_for(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    on_first(vm, args, super::attach::file_url_for)
}

fn list_size(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    on_first(vm, args, file_size)
}

fn list_slurp(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    on_first(vm, args, file_slurp)
}

/// `num_pages()` of a list: the pages of all its files.
fn list_num_pages(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let mut total = 0i64;
    for f in elements(&me_of(&args)) {
        if let Value::Int(n) = file_num_pages(vm, lang::Args::new(vec![f]))? {
            total += n;
        }
    }
    Ok(Value::Int(total))
}

/// `str(files)` / `files.show(width=…)`: every file shown, one after the other.
fn list_show(vm: &mut lang::Vm<'_>, mut args: lang::Args) -> Result<Value, lang::Error> {
    let width = args.take_kw("width");
    let mut parts = Vec::new();
    for f in elements(&me_of(&args)) {
        let mut a = lang::Args::new(vec![f]);
        if let Some(w) = &width {
            a.keyword.push((Rc::from("width"), w.clone()));
        }
        parts.push(super::attach::file_show(vm, a)?.str());
    }
    Ok(Value::from_str(&parts.join(" ")))
}
