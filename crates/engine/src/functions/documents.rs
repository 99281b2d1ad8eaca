//! Text functions whose result depends on the document being assembled (the evaluation
//! context: the screen, a DOCX template, a PDF form): `verbatim`, `single_to_double_newlines`,
//! the `markdown` / `inline_markdown` filters of DOCX templates, `path_and_mimetype`, and the
//! `DAContext` class (a value that reads differently on the screen and in each document).

use lang::{Args, Error, NativeFn, Value, Vm};

use super::{arg, host, missing};

/// The natives of this module by name.
pub(crate) const NATIVES: &[(&str, NativeFn)] = &[
    ("verbatim", verbatim),
    ("single_to_double_newlines", single_to_double_newlines),
    ("inline_markdown", inline_markdown),
    ("markdown", markdown_filter),
    ("path_and_mimetype", path_and_mimetype),
    ("include_docx_template", include_docx_template),
];

/// The text of the first argument (`str()` of it).
fn text_arg(vm: &mut Vm<'_>, args: &mut Args, func: &str) -> Result<String, Error> {
    match arg(args, 0, "text") {
        Some(v) => vm.str_of(&v),
        None => Err(missing(func, "text")),
    }
}

/// `&` (not starting an entity), `<` and `>` escaped.
fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '&' => {
                let rest = &text[i + 1..];
                let body = rest.strip_prefix('#').unwrap_or(rest);
                let n = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
                if n > 0 && body.as_bytes().get(n) == Some(&b';') {
                    out.push('&');
                } else {
                    out.push_str("&amp;");
                }
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// `verbatim(text)`: the text with its formatting characters made literal for where it goes.
fn verbatim(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let text = text_arg(vm, &mut args, "verbatim")?;
    let context = host(vm)?.evaluation_context;
    Ok(Value::from_str(&match context {
        None => {
            // escaped here, so the result is marked as trusted HTML (output escaping would
            // otherwise show the `<span>` and the entities as text)
            let mut out = String::from("<span>");
            let escaped = escape_markup(crate::html::strip_markers(&text).trim());
            let b = escaped.as_bytes();
            for (i, c) in escaped.char_indices() {
                match c {
                    '*' => out.push_str("&#42;"),
                    '_' => out.push_str("&#95;"),
                    '#' if i == 0 || b[i - 1] != b'&' => out.push_str("&#35;"),
                    '=' => out.push_str("&#61;"),
                    '+' => out.push_str("&#43;"),
                    '-' => out.push_str("&#45;"),
                    '.' if i > 0 && b[i - 1].is_ascii_digit() => out.push_str("&#46;"),
                    c => out.push(c),
                }
            }
            out.push_str("</span>");
            crate::html::safe_html(&collapse_blank_lines(&out, "<br>"))
        }
        Some("docx") => escape_markup(&text),
        Some(_) => text,
    }))
}

/// Runs of blank-line-separated newlines replaced by `with`.
fn collapse_blank_lines(text: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\n') {
        let (head, tail) = rest.split_at(i);
        let run = tail.len() - tail.trim_start_matches(['\n', '\r']).len();
        let newlines = tail[..run].matches('\n').count();
        out.push_str(head.strip_suffix('\r').unwrap_or(head));
        if newlines >= 2 {
            out.push_str(with);
        } else {
            out.push('\n');
        }
        rest = &tail[run..];
    }
    out.push_str(rest);
    out
}

/// `single_to_double_newlines(text)`: every run of line breaks becomes a paragraph break.
fn single_to_double_newlines(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let text = text_arg(vm, &mut args, "single_to_double_newlines")?;
    let mut out = String::with_capacity(text.len() + 8);
    let mut in_break = false;
    for c in text.chars() {
        if c == '\n' || c == '\r' {
            if !in_break {
                out.push_str("\n\n");
            }
            in_break = true;
        } else {
            in_break = false;
            out.push(c);
        }
    }
    Ok(Value::from_str(&out))
}

/// Markdown made plain text: emphasis marks dropped, `[text](url)` as its text, heading
/// marks removed (a DOCX run cannot carry Markdown; the WordprocessingML conversion of
/// docassemble's filter is not made yet).
fn markdown_to_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let line = line.trim_start_matches('#').trim_start_matches(' ');
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '[' {
                if let Some(close) = chars[i..].iter().position(|&x| x == ']').map(|p| p + i) {
                    if chars.get(close + 1) == Some(&'(') {
                        if let Some(end) = chars[close..].iter().position(|&x| x == ')').map(|p| p + close) {
                            out.extend(&chars[i + 1..close]);
                            i = end + 1;
                            continue;
                        }
                    }
                }
            }
            if c == '*' || (c == '_' && (i == 0 || !chars[i - 1].is_alphanumeric())) || c == '`' {
                i += 1;
                continue;
            }
            out.push(c);
            i += 1;
        }
    }
    out
}

/// `text | inline_markdown` (DOCX): the text without Markdown marks; elsewhere unchanged.
fn inline_markdown(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let text = text_arg(vm, &mut args, "inline_markdown")?;
    let context = host(vm)?.evaluation_context;
    Ok(Value::from_str(&match context {
        Some("docx") => markdown_to_text(text.trim()),
        _ => text,
    }))
}

/// `text | markdown` (DOCX): paragraphs as line breaks, without Markdown marks.
fn markdown_filter(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let text = text_arg(vm, &mut args, "markdown")?;
    let context = host(vm)?.evaluation_context;
    Ok(Value::from_str(&match context {
        Some("docx") => markdown_to_text(text.trim()),
        _ => text,
    }))
}

/// `path_and_mimetype(file)`: where the file is and its MIME type. There is no file-system
/// path to hand out: a package file (a name, or a `DAStaticFile`) is given as `package:path`,
/// which the file functions accept; a session file (`DAFile`, the first file of a
/// `DAFileList` or a document) as its URL, from which it can be read; a URL as given.
fn path_and_mimetype(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let file = arg(&mut args, 0, "file_ref").ok_or_else(|| missing("path_and_mimetype", "file_ref"))?;
    if let Value::Object(_) = &file {
        return object_path_and_mimetype(vm, &file);
    }
    let name = vm.str_of(&file)?;
    let h = host(vm)?;
    let candidates = crate::load::package_files::candidates(name.trim(), &h.package);
    let path = candidates
        .iter()
        .find(|(p, path)| h.run_data.package_files.contains_key(&format!("{p}:{path}")))
        .or(candidates.first())
        .map_or_else(|| name.trim().to_string(), |(p, path)| format!("{p}:{path}"));
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let mimetype = crate::attach::markup::mimetype_of(&ext);
    let mimetype = mimetype.split(';').next().unwrap_or(mimetype);
    Ok(Value::tuple(vec![Value::from_str(&path), Value::from_str(mimetype)]))
}

/// `path_and_mimetype` of a file object: its `path()` and its type.
fn object_path_and_mimetype(vm: &mut Vm<'_>, file: &Value) -> Result<Value, Error> {
    use super::objects::{finance::is_a, get};
    let mut file = file.clone();
    if is_a(&file, "DAFileList") {
        file = match get(&file, "elements") {
            Some(Value::List(l)) => l.borrow().first().cloned().unwrap_or(Value::None),
            _ => Value::None,
        };
    }
    if is_a(&file, "DAFileCollection") {
        let members: Vec<Value> = ["pdf", "docx", "rtf", "md", "raw"].iter().filter_map(|f| get(&file, f)).collect();
        file = members.iter().find(|m| get(m, "ok").is_some_and(|v| v.truthy())).or(members.first()).cloned().unwrap_or(Value::None);
    }
    if !is_a(&file, "DAFile") && !is_a(&file, "DAStaticFile") {
        return Err(Error::exception("DAError", "path_and_mimetype: not a file"));
    }
    let path_method = vm.get_attribute(&file, "path")?;
    let path = vm.call(&path_method, Args::new(Vec::new()))?.str();
    let mimetype = match get(&file, "mimetype") {
        Some(Value::Str(m)) if !m.is_empty() => m.to_string(),
        _ => {
            let name = get(&file, "filename").map(|f| f.str()).unwrap_or_else(|| path.clone());
            let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
            crate::attach::markup::mimetype_of(&ext).to_string()
        }
    };
    let mimetype = mimetype.split(';').next().unwrap_or(&mimetype).to_string();
    Ok(Value::tuple(vec![Value::from_str(&path), Value::from_str(&mimetype)]))
}

/// Renders the parts of a sub-document with the running VM (values escaped for
/// WordprocessingML, as in the document that includes it).
struct SubRenderer<'x, 'v> {
    vm: &'x mut Vm<'v>,
    ns: lang::Namespace,
    parts: Vec<(String, lang::Template)>,
}

impl docs::docx::PartRenderer for SubRenderer<'_, '_> {
    type Error = Error;

    fn render_part(&mut self, part: &docs::docx::TemplatePart) -> Result<String, Error> {
        let Some((_, tm)) = self.parts.iter().find(|(n, _)| *n == part.name) else {
            return Err(Error::exception("DAError", format!("no part {}", part.name)));
        };
        tm.render_with(self.vm, &self.ns, &|_v: &Value, s: &str| {
            docs::docx::escape_value(s, docs::docx::ValueKind::Text)
        })
    }
}

/// The paragraphs (and tables) of a rendered document's body, without its section
/// properties, and without what refers to the sub-document's own relationships (drawings,
/// pictures, embedded objects, hyperlink targets), which the including document lacks.
fn body_content(xml: &str) -> Option<String> {
    let start = xml.find("<w:body>")? + "<w:body>".len();
    let end = xml.rfind("</w:body>")?;
    let inner = &xml[start..end];
    let cut = inner.rfind("<w:sectPr").unwrap_or(inner.len());
    let mut out = inner[..cut].to_string();
    for tag in ["w:drawing", "w:pict", "w:object"] {
        let open = format!("<{tag}");
        let close = format!("</{tag}>");
        while let Some(s) = out.find(&open) {
            let Some(e) = out[s..].find(&close) else { break };
            out.replace_range(s..s + e + close.len(), "");
        }
    }
    while let Some(s) = out.find("<w:hyperlink r:id=\"") {
        let attr_start = s + "<w:hyperlink".len();
        let Some(e) = out[attr_start + 7..].find('"') else { break };
        out.replace_range(attr_start..attr_start + 7 + e + 1, "");
    }
    Some(out)
}

/// `{{p include_docx_template('sub.docx', name=value, …) }}`: the sub-document rendered with
/// the keyword arguments as names, its body inserted here (its styles and numbering are not
/// merged yet, and its images are left out).
fn include_docx_template(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let name = match args.positional.first() {
        Some(v) => vm.str_of(v)?,
        None => return Err(missing("include_docx_template", "template_file")),
    };
    let params = std::mem::take(&mut args.keyword);
    let (bytes, ns) = {
        let h = host(vm)?;
        if h.evaluation_context != Some("docx") {
            return Ok(Value::from_str(""));
        }
        let bytes = crate::load::package_files::candidates(name.trim(), &h.package)
            .into_iter()
            .find_map(|(p, path)| h.run_data.package_files.get(&format!("{p}:{path}")).cloned());
        (bytes, h.ns.clone())
    };
    let Some(bytes) = bytes else {
        return Err(Error::exception(
            "DAError",
            format!("include_docx_template: {name} was not read with the interview (give its name as a literal)"),
        ));
    };
    let limits = docs::Limits::default();
    let template = docs::docx::DocxTemplate::open(&bytes, &limits).map_err(|e| Error::exception("DAError", e.to_string()))?;
    let mut parts = Vec::new();
    for p in template.parts() {
        let origin = lang::Origin { file: std::sync::Arc::from(format!("{name} ({})", p.name)), line: 1, column: 0 };
        let t = lang::Template::compile_jinja(&p.source, origin).map_err(|e| Error::exception("SyntaxError", e.message))?;
        parts.push((p.name.clone(), t));
    }
    let saved: Vec<(std::rc::Rc<str>, Option<Value>)> = params.iter().map(|(k, _)| (k.clone(), ns.get(k))).collect();
    for (k, v) in &params {
        ns.set(k, v.clone());
    }
    let rendered = {
        let mut r = SubRenderer { vm, ns: ns.clone(), parts };
        template.render(&mut r)
    };
    for (k, old) in saved.into_iter().rev() {
        match old {
            Some(v) => ns.set(&k, v),
            None => {
                ns.remove(&k);
            }
        }
    }
    let docx = rendered.map_err(|e| match e {
        docs::docx::RenderFailure::Renderer { error, .. } => error,
        docs::docx::RenderFailure::Document(d) => Error::exception("DAError", d.to_string()),
    })?;
    let pkg = docs::Package::read(&docx, &limits).map_err(|e| Error::exception("DAError", e.to_string()))?;
    let body = template.body().map(|b| b.name.clone()).unwrap_or_else(|| "word/document.xml".into());
    let xml = pkg.get_text(&body).map_err(|e| Error::exception("DAError", e.to_string()))?.unwrap_or_default();
    Ok(Value::from_str(&body_content(xml).unwrap_or_default()))
}

/// Installs `DAContext`'s constructor and text.
pub(crate) fn install_context(host: &super::EngineHost) {
    let c = host.class("DAContext");
    c.set_attr("__init__", Value::native("__init__", context_init));
    c.set_attr("__str__", Value::native("__str__", context_str));
}

/// `DAContext(name, question, document, docx=…, pdf=…, pandoc=…)`.
fn context_init(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    let Value::Object(o) = &me else { return Err(Error::exception("TypeError", "DAContext needs self")) };
    let mut elements = lang::value::Dict::default();
    let pargs: Vec<Value> = args.positional.iter().skip(2).cloned().collect();
    if let Some(name) = args.positional.get(1) {
        o.borrow_mut().instance_name = Some(std::rc::Rc::from(name.str().as_str()));
    }
    match pargs.as_slice() {
        [] => {}
        [one] => {
            elements.insert(lang::Key::str("question"), one.clone());
            elements.insert(lang::Key::str("document"), one.clone());
        }
        [q, d, ..] => {
            elements.insert(lang::Key::str("question"), q.clone());
            elements.insert(lang::Key::str("document"), d.clone());
        }
    }
    for (k, v) in args.keyword {
        elements.insert(lang::Key::str(&k), v);
    }
    let mut o = o.borrow_mut();
    o.attrs.insert(std::rc::Rc::from("elements"), Value::dict(elements));
    o.attrs.insert(std::rc::Rc::from("gathered"), Value::Bool(true));
    o.attrs.insert(std::rc::Rc::from("auto_gather"), Value::Bool(false));
    Ok(Value::None)
}

/// `str(context)`: the entry for the evaluation context (`docx`, `pdf`, `pandoc`, else
/// `document`), or `question` on the screen.
fn context_str(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    let context = host(vm)?.evaluation_context;
    let elements = match &me {
        Value::Object(o) => o.borrow().attrs.get("elements").cloned(),
        _ => None,
    };
    let Some(Value::Dict(d)) = elements else { return Ok(Value::from_str("")) };
    let pick = {
        let d = d.borrow();
        let get = |k: &str| d.get(&lang::Key::str(k)).cloned();
        match context {
            Some(c) => get(c).or_else(|| get("document")),
            None => get("question"),
        }
    };
    match pick {
        Some(v) => Ok(Value::from_str(&vm.str_of(&v)?)),
        None => Ok(Value::from_str("")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_of_markdown() {
        assert_eq!(
            markdown_to_text("the [local law library](https://x.org), **now**"),
            "the local law library, now"
        );
        assert_eq!(collapse_blank_lines("a\n\n\nb\nc", "<br>"), "a<br>b\nc");
        assert_eq!(escape_markup("a & b &amp; <c>"), "a &amp; b &amp; &lt;c&gt;");
        let body = body_content(
            "<w:document><w:body><w:p><w:r><w:drawing><a/></w:drawing><w:t>x</w:t></w:r></w:p><w:p><w:hyperlink r:id=\"rId9\"><w:r><w:t>y</w:t></w:r></w:hyperlink></w:p><w:sectPr/></w:body></w:document>",
        );
        assert_eq!(
            body.as_deref(),
            Some("<w:p><w:r><w:t>x</w:t></w:r></w:p><w:p><w:hyperlink><w:r><w:t>y</w:t></w:r></w:hyperlink></w:p>")
        );
    }
}
