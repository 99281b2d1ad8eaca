//! Interview data and modules at run time: `objects_from_file`, `objects_from_structure`,
//! `data` blocks with `use objects`, the names bound by `imports:`/`modules:`, the
//! `docassemble` package (`docassemble.base.util.Thing`), `json`/`re`/`chain` (exported by
//! docassemble.base.util), `session_local`/`device_local`/`user_local`, and
//! `suppress loading util`.
//!
//! Everything read here was prepared by the loader ([`crate::model::RunData`]): the engine
//! does no I/O while running.

use std::collections::HashSet;
use std::rc::Rc;

use lang::value::{Dict, Key};
use lang::{Args, Class, Error, Namespace, NativeFn, Value, Vm};
use serde_json::Value as Json;

use super::EngineHost;
use crate::model::{DataTree, SourceFile, UseObjects};
use crate::model::LIBRARY_MODULES;

type R = Result<Value, Error>;

/// Deepest data structure converted (guards recursion on author data).
const MAX_DEPTH: u32 = 64;

/// What [`global`] found for a name.
pub(crate) enum Global {
    /// A value for the name.
    Found(Value),
    /// The name is hidden (`suppress loading util`): not defined.
    Hidden,
    /// Not decided here: the library's lookup applies.
    Library,
}

/// The natives of this module by name (the interview data functions of the library).
pub(crate) const NATIVES: &[(&str, NativeFn)] = &[
    ("objects_from_file", objects_from_file),
    ("objects_from_structure", objects_from_structure),
    ("_da_data_block", data_block),
];

/// Names that stay defined under `suppress loading util` (docassemble imports these two
/// into every interview).
fn always_global(name: &str) -> bool {
    matches!(
        name,
        "objects_from_file" | "objects_from_structure" | "_da_data_block"
    )
}

/// The interview-level globals: `imports:`, `modules:`, `docassemble`, `json`, `re`,
/// `chain`, `session_local` & co. Runs before the library lookup.
pub(crate) fn global(host: &EngineHost, name: &str) -> Global {
    let rd = &host.run_data;
    if let Some(module) = rd.imports.get(name) {
        return match import(host, module) {
            Some(m) => Global::Found(m),
            // `imports: [us]`: a module the library provides as a global
            None => Global::Found(
                host.library_global(name)
                    .unwrap_or_else(|| missing_module(module)),
            ),
        };
    }
    if !name.starts_with('_') {
        for module in rd.star_modules.iter().rev() {
            if let Some(ns) = package_namespace(host, module) {
                if let Some(v) = ns.get(name) {
                    return Global::Found(v);
                }
                continue;
            }
            if let Some(Value::Object(m)) = lang::modules::import(module) {
                if let Some(v) = m.borrow().attrs.get(name) {
                    return Global::Found(v.clone());
                }
            }
        }
    }
    if matches!(name, "session_local" | "device_local" | "user_local") {
        // one user per session in Colloquy: an ordinary object kept in the session state
        let obj = Value::new_object(host.class("DAObject"), Some(name));
        host.ns.set(name, obj.clone());
        return Global::Found(obj);
    }
    if name == "nav" {
        return Global::Found(nav_object(host));
    }
    if rd.suppress_util {
        if always_global(name) {
            return Global::Library;
        }
        return Global::Hidden;
    }
    match name {
        "docassemble" => Global::Found(package_module("docassemble")),
        "json" | "re" => lang::modules::import(name).map_or(Global::Library, Global::Found),
        "chain" => match lang::modules::import("itertools") {
            Some(Value::Object(m)) => m
                .borrow()
                .attrs
                .get("chain")
                .cloned()
                .map_or(Global::Library, Global::Found),
            _ => Global::Library,
        },
        _ => Global::Library,
    }
}

/// `import name` of a module the engine provides: `docassemble`, `docassemble.base`,
/// `docassemble.base.util` (and the library's other modules).
pub(crate) fn import(_host: &EngineHost, name: &str) -> Option<Value> {
    if let Some(m) = lang::modules::import(name) {
        return Some(m);
    }
    if name == "docassemble" || name == "docassemble.base" || LIBRARY_MODULES.contains(&name) {
        return Some(package_module(name));
    }
    None
}

thread_local! {
    static MODULE_CLASS: Rc<Class> = {
        let c = Class::new("module", Vec::new());
        c.set_attr("__getattr__", Value::native("__getattr__", module_getattr));
        c
    };
}

/// A module object of the `docassemble` package whose names are resolved on use.
fn package_module(name: &str) -> Value {
    let cls = MODULE_CLASS.with(Rc::clone);
    let m = Value::new_object(cls, None);
    if let Value::Object(o) = &m {
        o.borrow_mut()
            .attrs
            .insert(Rc::from("__name__"), Value::from_str(name));
    }
    m
}

/// A stand-in for a module Colloquy cannot load: using it raises ImportError.
fn missing_module(name: &str) -> Value {
    let m = package_module(name);
    if let Value::Object(o) = &m {
        o.borrow_mut()
            .attrs
            .insert(Rc::from("__missing__"), Value::Bool(true));
    }
    m
}

fn no_module(name: &str) -> Error {
    Error::exception(
        "ImportError",
        format!("No module named '{name}' (Colloquy cannot load this Python module)"),
    )
}

fn module_getattr(vm: &mut Vm<'_>, args: Args) -> R {
    let (Some(Value::Object(o)), Some(Value::Str(attr))) =
        (args.positional.first(), args.positional.get(1))
    else {
        return Err(Error::exception("TypeError", "__getattr__ needs a name"));
    };
    let (module, missing) = {
        let ob = o.borrow();
        (
            ob.attrs
                .get("__name__")
                .map(|v| v.str())
                .unwrap_or_default(),
            ob.attrs.contains_key("__missing__"),
        )
    };
    if missing {
        return Err(no_module(&module));
    }
    let full = format!("{module}.{attr}");
    if module == "docassemble" && attr.as_ref() == "base" {
        return Ok(package_module(&full));
    }
    if LIBRARY_MODULES.contains(&full.as_str()) {
        return Ok(package_module(&full));
    }
    if LIBRARY_MODULES.contains(&module.as_str()) {
        let found = if always_global(attr) {
            NATIVES.iter().find(|(n, _)| *n == attr.as_ref()).map(|(_, f)| Value::native(attr, *f))
        } else if let Ok(host) = super::host(vm) {
            library_global(host, attr)
        } else {
            // inside a package module (its own host)
            vm.host().and_then(|h| h.global(attr))
        };
        return found.ok_or_else(|| {
            Error::exception(
                "AttributeError",
                format!("module '{module}' has no attribute '{attr}'"),
            )
        });
    }
    if module == "docassemble" || module == "docassemble.base" {
        return Err(no_module(&full));
    }
    Err(Error::exception(
        "AttributeError",
        format!("module '{module}' has no attribute '{attr}'"),
    ))
}

/// A name of the function library, whatever `suppress loading util` says.
fn library_global(host: &EngineHost, name: &str) -> Option<Value> {
    if name.starts_with('_') {
        return None;
    }
    match name {
        "json" | "re" => return lang::modules::import(name),
        _ => {}
    }
    host.library_global(name)
}

/// The base class of a stand-in for a class of a package module Colloquy cannot load
/// (named by a data file): `Thing`, whose `str()` is its `name`.
pub(crate) fn stand_in_base(host: &EngineHost, name: &str) -> Option<&'static str> {
    host.run_data
        .stand_in_classes
        .iter()
        .any(|c| c == name)
        .then_some("Thing")
}

// ---- package modules ---------------------------------------------------------------------

/// A module's namespace after running it, per thread (as Python keeps a module loaded
/// once per process). The `Arc<RunData>` held keeps the key's address from being reused.
type ModuleCache = Vec<(
    std::sync::Arc<crate::model::RunData>,
    String,
    Option<Namespace>,
)>;

thread_local! {
    static MODULES: std::cell::RefCell<ModuleCache> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The host a package module runs with: the interview's globals and imports.
/// (Natives that need the request's state are not available while a module runs.)
struct ModuleHost<'h> {
    engine: &'h EngineHost,
    unit: (),
}

impl lang::Host for ModuleHost<'_> {
    fn global(&self, name: &str) -> Option<Value> {
        match global(self.engine, name) {
            Global::Found(v) => Some(v),
            Global::Hidden => None,
            Global::Library => self.engine.library_global(name),
        }
    }
    fn import(&self, name: &str) -> Option<Value> {
        import(self.engine, name)
    }
    fn as_any(&mut self) -> &mut dyn std::any::Any {
        &mut self.unit
    }
}

/// The namespace of the package module `module` (run on first use; `None` if it is not a
/// package module, is being run right now, or failed to run).
fn package_namespace(host: &EngineHost, module: &str) -> Option<Namespace> {
    let rd = &host.run_data;
    let program = rd.package_modules.get(module)?.clone();
    let cached = MODULES.with(|m| {
        m.borrow()
            .iter()
            .find(|(r, name, _)| std::sync::Arc::ptr_eq(r, rd) && name == module)
            .map(|(_, _, ns)| ns.clone())
    });
    if let Some(ns) = cached {
        return ns; // None while it runs (a name it uses is not its own yet)
    }
    MODULES.with(|m| m.borrow_mut().push((rd.clone(), module.to_string(), None)));
    let ns = Namespace::new();
    ns.set("__name__", Value::from_str(module));
    let mut out = String::new();
    let mut mh = ModuleHost {
        engine: host,
        unit: (),
    };
    let ok = {
        let mut vm = Vm::new(lang::Limits::default(), &mut out).with_host(&mut mh);
        RUNNING_FOR.with(|r| r.borrow_mut().push(rd.clone()));
        let ok = vm.exec(&program, &ns).is_ok();
        RUNNING_FOR.with(|r| r.borrow_mut().pop());
        ok
    };
    let result = ok.then_some(ns);
    MODULES.with(|m| {
        let mut m = m.borrow_mut();
        if let Some(e) = m
            .iter_mut()
            .find(|(r, name, _)| std::sync::Arc::ptr_eq(r, rd) && name == module)
        {
            e.2 = result.clone();
        }
    });
    result
}

thread_local! {
    /// The run data of the package modules running now (innermost last).
    static RUNNING_FOR: std::cell::RefCell<Vec<std::sync::Arc<crate::model::RunData>>> = const { std::cell::RefCell::new(Vec::new()) };
    /// `update_language_function(language, term, function)` calls: (interview, language,
    /// term, function). Kept per interview (docassemble keeps them per process).
    static LANGUAGE_FUNCTIONS: std::cell::RefCell<Vec<LanguageFunction>> = const { std::cell::RefCell::new(Vec::new()) };
}

type LanguageFunction = (std::sync::Arc<crate::model::RunData>, String, String, Value);

/// `update_language_function(language, term, function)`: `term` (e.g. `name_suffix`) is
/// answered by `function` in that language (`*`: any) from now on.
pub(crate) fn update_language_function(vm: &mut Vm<'_>, args: Args) -> R {
    let text = |i: usize| args.positional.get(i).map(Value::str).unwrap_or_default();
    let (language, term) = (text(0), text(1));
    let Some(func) = args.positional.get(2).cloned() else {
        return Err(super::missing("update_language_function", "func"));
    };
    let rd = match super::host(vm) {
        Ok(h) => Some(h.run_data.clone()),
        Err(_) => RUNNING_FOR.with(|r| r.borrow().last().cloned()),
    };
    let Some(rd) = rd else { return Ok(Value::None) };
    LANGUAGE_FUNCTIONS.with(|l| {
        let mut l = l.borrow_mut();
        l.retain(|(r, lang, t, _)| !(std::sync::Arc::ptr_eq(r, &rd) && *lang == language && *t == term));
        l.push((rd, language, term, func));
    });
    Ok(Value::None)
}

/// The function `update_language_function` set for `term` in the current language (or `*`),
/// after running the package modules the interview imports.
pub(crate) fn language_function(host: &EngineHost, term: &str) -> Option<Value> {
    let rd = host.run_data.clone();
    for module in &rd.imported_modules {
        let _ = package_namespace(host, module);
    }
    LANGUAGE_FUNCTIONS.with(|l| {
        let l = l.borrow();
        let mine = |lang: &str| {
            l.iter()
                .find(|(r, la, t, _)| std::sync::Arc::ptr_eq(r, &rd) && la == lang && t == term)
                .map(|(_, _, _, f)| f.clone())
        };
        mine(&host.language).or_else(|| mine("*"))
    })
}

/// A class defined by one of the interview's package modules (to restore its objects).
pub(crate) fn module_class(host: &EngineHost, name: &str) -> Option<Rc<Class>> {
    for module in host.run_data.package_modules.keys() {
        if let Some(Value::Class(c)) = package_namespace(host, module).and_then(|ns| ns.get(name)) {
            return Some(c);
        }
    }
    None
}

// ---- nav ---------------------------------------------------------------------------------

thread_local! {
    static NAV_CLASS: std::cell::RefCell<Option<Rc<Class>>> = const { std::cell::RefCell::new(None) };
}

/// The `nav` object (docassemble's DANav): `nav.get_sections()`, `nav.set_section(key)`.
fn nav_object(host: &EngineHost) -> Value {
    let cls = NAV_CLASS.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                let cls = Class::new("DANav", vec![host.class("DAObject")]);
                cls.set_attr(
                    "get_sections",
                    Value::native("get_sections", nav_get_sections),
                );
                cls.set_attr("set_section", Value::native("set_section", nav_set_section));
                cls.set_attr("set_sections", Value::native("set_sections", nav_set_sections));
                cls
            })
            .clone()
    });
    Value::new_object(cls, Some("nav"))
}

/// `nav.get_sections()`: `[{key: label}, {key: label, 'subsections': […]}, …]`.
fn nav_get_sections(vm: &mut Vm<'_>, _args: Args) -> R {
    fn build(sections: &[crate::model::NavSection]) -> Value {
        Value::list(
            sections
                .iter()
                .map(|s| {
                    let mut d = Dict::default();
                    d.insert(Key::str(&s.key), Value::from_str(&s.label));
                    if !s.subsections.is_empty() {
                        d.insert(Key::str("subsections"), build(&s.subsections));
                    }
                    Value::dict(d)
                })
                .collect(),
        )
    }
    let host = super::host(vm)?;
    if let Some(j) = host.info.get(NAV_SECTIONS_KEY).cloned() {
        return Ok(crate::vars::json::from_json(&j, host));
    }
    Ok(build(&host.run_data.nav_sections))
}

/// Key of the session's info under which `nav.set_sections()` keeps the sections it set
/// (the `get_sections()` form), which replace the interview's `sections` from then on.
pub(crate) const NAV_SECTIONS_KEY: &str = "__nav_sections";

/// `nav.set_sections(sections)`: replaces the navigation bar's sections.
fn nav_set_sections(vm: &mut Vm<'_>, args: Args) -> R {
    let sections = args.positional.get(1).cloned().unwrap_or(Value::None);
    if !matches!(sections, Value::List(_)) {
        return Err(Error::exception("DAError", "nav.set_sections: the sections must be a list"));
    }
    let j = crate::vars::json::to_json(&sections);
    super::host(vm)?.info.insert(NAV_SECTIONS_KEY.to_string(), j);
    Ok(Value::None)
}

/// `nav.set_section(key)`: makes that section the current one (shown from this screen on).
fn nav_set_section(vm: &mut Vm<'_>, args: Args) -> R {
    let key = args.positional.get(1).map(Value::str).unwrap_or_default();
    super::host(vm)?.section = Some(key);
    Ok(Value::None)
}

// ---- objects from data ------------------------------------------------------------------

fn kw_or_pos(args: &mut Args, i: usize, name: &str) -> Option<Value> {
    if let Some(v) = args.take_kw(name) {
        return Some(v);
    }
    args.positional.get(i).cloned()
}

fn flag(v: Option<Value>, default: bool) -> bool {
    match v {
        Some(v) => v.truthy(),
        None => default,
    }
}

/// `objects_from_file(file_ref, recursive=True, gathered=True, name=None, use_objects=False)`.
fn objects_from_file(vm: &mut Vm<'_>, mut args: Args) -> R {
    let Some(file_ref) = kw_or_pos(&mut args, 0, "file_ref") else {
        return Err(super::missing("objects_from_file", "file_ref"));
    };
    let recursive = flag(kw_or_pos(&mut args, 1, "recursive"), true);
    let gathered = flag(kw_or_pos(&mut args, 2, "gathered"), true);
    let name = match kw_or_pos(&mut args, 3, "name") {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    };
    let use_objects = flag(kw_or_pos(&mut args, 4, "use_objects"), false);
    args.take_kw("package");
    let file_ref = file_ref.str();
    let docs: Vec<Json> = {
        let host = super::host(vm)?;
        match find_source(&host.run_data.source_files, &file_ref) {
            Some(SourceFile::Documents(d)) => d.clone(),
            Some(SourceFile::Unreadable(why)) => {
                return Err(Error::exception(
                    "SystemError",
                    format!("objects_from_file: {why}"),
                ))
            }
            None => {
                return Err(Error::exception(
                    "SystemError",
                    format!("objects_from_file: file reference {file_ref} not found"),
                ))
            }
        }
    };
    let mode = if use_objects {
        UseObjects::All
    } else {
        UseObjects::No
    };
    let mut items = Vec::new();
    let mut singular = true;
    for doc in &docs {
        let v = json_value(doc, 0);
        match build(vm, v, mode, recursive, true, 0)? {
            Value::List(l) => {
                singular = false;
                items.extend(l.borrow().iter().cloned());
            }
            other => items.push(other),
        }
    }
    let result = if singular && items.len() == 1 {
        items.pop().unwrap_or(Value::None)
    } else {
        new_list(vm, items)?
    };
    if let Some(n) = &name {
        set_names(&result, n, 0, &mut HashSet::new());
    }
    if !gathered {
        reset_gathered(&result, 0, &mut HashSet::new());
    }
    Ok(result)
}

/// `objects_from_structure(target, root=None)`: a structure of lists and dicts with
/// `{object: Class, item(s): …}` entries turned into objects, lists into DAList and dicts
/// into DADict.
fn objects_from_structure(vm: &mut Vm<'_>, mut args: Args) -> R {
    let Some(target) = kw_or_pos(&mut args, 0, "target") else {
        return Err(super::missing("objects_from_structure", "target"));
    };
    let root = match kw_or_pos(&mut args, 1, "root") {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    };
    let v = build(vm, target, UseObjects::Objects, true, true, 0)?;
    let v = match v {
        Value::List(l) => {
            let items = l.borrow().clone();
            new_list(vm, items)?
        }
        other => other,
    };
    if let Some(r) = root {
        set_names(&v, &r, 0, &mut HashSet::new());
    }
    Ok(v)
}

/// `_da_data_block(n)`: the value of the interview's `use objects` data block `n`.
fn data_block(vm: &mut Vm<'_>, args: Args) -> R {
    let n = match args.positional.first() {
        Some(Value::Int(i)) => usize::try_from(*i).unwrap_or(usize::MAX),
        _ => usize::MAX,
    };
    let run_data = super::host(vm)?.run_data.clone();
    let Some(spec) = run_data.data_blocks.get(n) else {
        return Err(Error::exception("IndexError", "no such data block"));
    };
    let ns = vm.globals().clone();
    let raw = render_tree(vm, &ns, &spec.tree, 0)?;
    let v = build(
        vm,
        raw,
        spec.use_objects,
        true,
        spec.use_objects != UseObjects::No,
        0,
    )?;
    let v = match v {
        Value::List(l) if spec.use_objects != UseObjects::No => {
            let items = l.borrow().clone();
            new_list(vm, items)?
        }
        other => other,
    };
    set_names(&v, &spec.variable, 0, &mut HashSet::new());
    if !spec.gathered {
        reset_gathered(&v, 0, &mut HashSet::new());
    }
    Ok(v)
}

/// Evaluates the strings of a data block (Mako for `data`, Python for `data from code`).
fn render_tree(vm: &mut Vm<'_>, ns: &Namespace, t: &DataTree, depth: u32) -> R {
    if depth > MAX_DEPTH {
        return Err(Error::exception("RecursionError", "data nested too deeply"));
    }
    Ok(match t {
        DataTree::Null => Value::None,
        DataTree::Bool(b) => Value::Bool(*b),
        DataTree::Int(i) => Value::Int(*i),
        DataTree::Float(f) => Value::Float(*f),
        DataTree::Str(s) => Value::from_str(s),
        DataTree::Text(text) => {
            let s = text.template().render(vm, ns, &|s: &str| s.to_string())?;
            Value::from_str(s.trim_end_matches('\n'))
        }
        DataTree::Expr(e) => vm.eval(e.expression(), ns)?,
        DataTree::List(items) => {
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                out.push(render_tree(vm, ns, it, depth + 1)?);
            }
            Value::list(out)
        }
        DataTree::Map(entries) => {
            let mut d = Dict::default();
            for (k, v) in entries {
                let val = render_tree(vm, ns, v, depth + 1)?;
                d.insert(Key::str(k), val);
            }
            Value::dict(d)
        }
    })
}

/// The data file called `name` (as written, or by its last path component).
fn find_source<'a>(
    files: &'a indexmap::IndexMap<String, SourceFile>,
    name: &str,
) -> Option<&'a SourceFile> {
    if let Some(f) = files.get(name) {
        return Some(f);
    }
    let base = |s: &str| s.rsplit([':', '/']).next().unwrap_or(s).to_string();
    let want = base(name);
    files.iter().find(|(k, _)| base(k) == want).map(|(_, f)| f)
}

/// A JSON document as a plain Python value.
fn json_value(j: &Json, depth: u32) -> Value {
    if depth > MAX_DEPTH {
        return Value::None;
    }
    match j {
        Json::Null => Value::None,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => Value::from_str(s),
        Json::Array(a) => Value::list(a.iter().map(|x| json_value(x, depth + 1)).collect()),
        Json::Object(m) => {
            let mut d = Dict::default();
            for (k, v) in m {
                d.insert(Key::str(k), json_value(v, depth + 1));
            }
            Value::dict(d)
        }
    }
}

fn dict_get(d: &Dict, key: &str) -> Option<Value> {
    d.get(&Key::str(key)).cloned()
}

/// docassemble's `recurse_obj`: `{object: C, item: {…}}` → `C(**item)`, `{object: C,
/// items: [{…}, …]}` → `[C(**i), …]`; with `containers` other lists and dicts become
/// DAList/DADict. `specs` says whether object specs are recognised at all.
fn build(
    vm: &mut Vm<'_>,
    v: Value,
    mode: UseObjects,
    recursive: bool,
    specs: bool,
    depth: u32,
) -> R {
    if depth > MAX_DEPTH {
        return Err(Error::exception("RecursionError", "data nested too deeply"));
    }
    vm.step()?;
    let containers = mode != UseObjects::No;
    match &v {
        Value::List(l) => {
            if !recursive {
                return Ok(v.clone());
            }
            let items = l.borrow().clone();
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                out.push(build(vm, it, mode, recursive, specs, depth + 1)?);
            }
            if containers && depth > 0 {
                return new_list(vm, out);
            }
            Ok(Value::list(out))
        }
        Value::Dict(d) => {
            let d = d.borrow().clone();
            let is_spec = specs
                && d.contains_key(&Key::str("object"))
                && (d.contains_key(&Key::str("item")) || d.contains_key(&Key::str("items")));
            if is_spec {
                let class = resolve_class(vm, &d)?;
                if let Some(items) = dict_get(&d, "items") {
                    let Value::List(items) = items else {
                        return Err(Error::exception(
                            "SystemError",
                            "recurse_obj: items must be a list",
                        ));
                    };
                    let items = items.borrow().clone();
                    let mut out = Vec::with_capacity(items.len());
                    for item in items {
                        out.push(construct(vm, &class, item, mode, recursive, specs, depth)?);
                    }
                    return Ok(Value::list(out));
                }
                let item = dict_get(&d, "item").unwrap_or(Value::None);
                return construct(vm, &class, item, mode, recursive, specs, depth);
            }
            if !recursive {
                return Ok(Value::dict(d));
            }
            let mut out = Dict::default();
            for (k, val) in d {
                out.insert(k, build(vm, val, mode, recursive, specs, depth + 1)?);
            }
            if containers && is_context(&out) {
                return new_context(vm, out);
            }
            if containers {
                return new_dict(vm, out);
            }
            Ok(Value::dict(out))
        }
        _ => Ok(v),
    }
}

/// `C(**item)` with the item's values converted.
fn construct(
    vm: &mut Vm<'_>,
    class: &Value,
    item: Value,
    mode: UseObjects,
    recursive: bool,
    specs: bool,
    depth: u32,
) -> R {
    let Value::Dict(d) = &item else {
        return Err(Error::exception(
            "SystemError",
            format!(
                "recurse_obj: found an item, {}, that was not expressed as a dictionary",
                item.repr()
            ),
        ));
    };
    let d = d.borrow().clone();
    let mut keyword: Vec<(Rc<str>, Value)> = Vec::with_capacity(d.len());
    for (k, val) in d {
        let key = k.to_value().str();
        let val = if recursive {
            build(vm, val, mode, recursive, specs, depth + 2)?
        } else {
            val
        };
        keyword.push((Rc::from(key.as_str()), val));
    }
    let has_elements = keyword.iter().any(|(k, _)| &**k == "elements");
    let obj = vm.call(
        class,
        Args {
            positional: Vec::new(),
            keyword,
        },
    )?;
    if has_elements {
        set_attr(&obj, "gathered", Value::Bool(true));
    }
    Ok(obj)
}

/// The class of an object spec: a class value (`data from code`), else a name of the
/// library (or of a package module Colloquy cannot load: an empty DAObject subclass).
fn resolve_class(vm: &mut Vm<'_>, d: &Dict) -> R {
    let object = dict_get(d, "object").unwrap_or(Value::None);
    if let Value::Class(_) = object {
        return Ok(object);
    }
    let name = object.str();
    let host = super::host(vm)?;
    if let Some(v @ Value::Class(_)) = host.library_global(&name).or_else(|| host.ns.get(&name)) {
        return Ok(v);
    }
    match dict_get(d, "module") {
        // a class of the package's own module: a stand-in (see `stand_in_base`)
        Some(m) if !m.str().starts_with("docassemble.base") => Ok(Value::Class(host.class(&name))),
        _ => Err(Error::exception(
            "SystemError",
            format!("recurse_obj: found an object for which the object declaration, {name} could not be found"),
        )),
    }
}

fn set_attr(obj: &Value, name: &str, v: Value) {
    if let Value::Object(o) = obj {
        o.borrow_mut().attrs.insert(Rc::from(name), v);
    }
}

/// A gathered `DAList` of the items, gathered again automatically once `gathered` is reset
/// (docassemble's `DAList(elements=…)`).
fn new_list(vm: &mut Vm<'_>, items: Vec<Value>) -> R {
    let host = super::host(vm)?;
    let obj = super::make_dalist(host, "", items);
    set_attr(&obj, "auto_gather", Value::Bool(true));
    Ok(obj)
}

/// A gathered `DADict` (docassemble's `DADict(elements=…)`).
fn new_dict(vm: &mut Vm<'_>, d: Dict) -> R {
    let host = super::host(vm)?;
    let obj = Value::new_object(host.class("DADict"), None);
    set_attr(&obj, "elements", Value::dict(d));
    set_attr(&obj, "gathered", Value::Bool(true));
    set_attr(&obj, "auto_gather", Value::Bool(true));
    Ok(obj)
}

/// docassemble's rule for a `DAContext` in a structure: at least two keys, all of them
/// `question`, `document`, `docx`, `pdf` or `pandoc`.
fn is_context(d: &Dict) -> bool {
    const KEYS: [&str; 5] = ["question", "document", "docx", "pdf", "pandoc"];
    d.len() >= 2 && d.keys().all(|k| matches!(k, Key::Str(s) if KEYS.contains(&&**s)))
}

/// A gathered `DAContext` holding `d`.
fn new_context(vm: &mut Vm<'_>, d: Dict) -> R {
    let obj = new_dict(vm, d)?;
    let host = super::host(vm)?;
    if let Value::Object(o) = &obj {
        o.borrow_mut().class = host.class("DAContext");
    }
    Ok(obj)
}

/// Gives `v` and the objects inside it their names (`people`, `people[0]`,
/// `people[0].name`, `seeds['apple']`).
fn set_names(v: &Value, name: &str, depth: u32, seen: &mut HashSet<usize>) {
    if depth > MAX_DEPTH {
        return;
    }
    let Value::Object(o) = v else { return };
    if !seen.insert(v.identity()) {
        return; // shared or cyclic: named where first met
    }
    o.borrow_mut().instance_name = Some(Rc::from(name));
    let attrs: Vec<(Rc<str>, Value)> = o
        .borrow()
        .attrs
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (k, val) in attrs {
        if &*k == "elements" {
            match &val {
                Value::List(l) => {
                    let items = l.borrow().clone();
                    for (i, it) in items.iter().enumerate() {
                        set_names(it, &format!("{name}[{i}]"), depth + 1, seen);
                    }
                }
                Value::Dict(d) => {
                    let items: Vec<(Key, Value)> = d
                        .borrow()
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    for (key, it) in items {
                        set_names(
                            &it,
                            &format!("{name}[{}]", key.to_value().repr()),
                            depth + 1,
                            seen,
                        );
                    }
                }
                _ => {}
            }
        } else if !k.starts_with('_') {
            set_names(&val, &format!("{name}.{k}"), depth + 1, seen);
        }
    }
}

/// `gathered=False`: lists and dictionaries inside are gathered again when used
/// (docassemble's `reset_gathered()`: `gathered`, `there_is_another`, `revisit` … go, and
/// `there_are_any` of an empty one).
fn reset_gathered(v: &Value, depth: u32, seen: &mut HashSet<usize>) {
    if depth > MAX_DEPTH {
        return;
    }
    let Value::Object(o) = v else { return };
    if !seen.insert(v.identity()) {
        return;
    }
    let (elements, attrs): (Option<Value>, Vec<Value>) = {
        let mut ob = o.borrow_mut();
        let el = ob.attrs.get("elements").cloned();
        if let Some(elements) = &el {
            let empty = match elements {
                Value::List(l) => l.borrow().is_empty(),
                Value::Dict(d) => d.borrow().is_empty(),
                _ => false,
            };
            if empty {
                ob.attrs.shift_remove("there_are_any");
            }
            for a in ["there_is_another", "there_is_one_other", "gathered", "revisit", "new_object_type"] {
                ob.attrs.shift_remove(a);
            }
        }
        (el, ob.attrs.values().cloned().collect())
    };
    if let Some(Value::List(l)) = elements {
        for it in l.borrow().iter() {
            reset_gathered(it, depth + 1, seen);
        }
    }
    for a in attrs {
        if matches!(a, Value::Object(_)) {
            reset_gathered(&a, depth + 1, seen);
        }
    }
}
