//! Interview data prepared at load time for the runtime ([`RunData`]): the package's
//! `data/sources` files named by `objects_from_file("…")` and `objects from file` blocks,
//! `data` blocks with `use objects`, the names bound by `imports`/`modules`, and
//! `suppress loading util`.
//!
//! Blocks the runtime has no special handling for are turned into `code` blocks here:
//! `objects from file: [{fishes: fishes.yml}]` runs `fishes = objects_from_file('fishes.yml',
//! name='fishes')`, and a data block with `use objects` runs `var = _da_data_block(n)`
//! (its compiled data kept in `RunData::data_blocks[n]`).

use std::sync::Arc;

use super::cx::{get, lowered, Cx};
use super::{LoadError, Sources, Warning, MAX_FILE_BYTES};
use crate::model::{
    Block, BlockKind, Code, DataSpec, DataTree, Interview, RunData, SourceFile, UseObjects,
};
use crate::reference::InterviewRef;
use crate::yaml::{self, Node, Value as Y};
use crate::model::LIBRARY_MODULES;

type R<T> = Result<T, LoadError>;

/// Deepest data structure accepted in a data block or data file.
const MAX_DEPTH: u32 = 64;

/// Turns `objects from file` blocks and data blocks with `use objects` into code blocks.
pub(super) fn rewrite_block(
    cx: &mut Cx<'_>,
    block: &mut Block,
    node: &Node,
    run: &mut RunData,
    from: &InterviewRef,
    sources: &dyn Sources,
) -> R<()> {
    let keys = lowered(node);
    match &block.kind {
        BlockKind::ObjectsFromFile(spec) => {
            let use_objects = match get(&keys, "use objects") {
                Some(n) => use_objects_of(n) != UseObjects::No,
                None => false,
            };
            let mut entries: Vec<(String, String, u32)> = Vec::new();
            let mut collect = |m: &[(Node, Node)]| {
                for (k, v) in m {
                    if let (Some(var), Some(file)) = (k.scalar_text(), v.scalar_text()) {
                        entries.push((var.trim().to_string(), file.trim().to_string(), k.line));
                    }
                }
            };
            if let Some(m) = spec.as_map() {
                collect(m);
            } else if let Some(items) = spec.as_seq() {
                for item in items {
                    match item.as_map() {
                        Some(m) => collect(m),
                        None => {
                            return Err(cx.err(
                                item.line,
                                "objects from file: each item must be 'variable: file'",
                            ))
                        }
                    }
                }
            } else {
                return Err(cx.err(
                    spec.line,
                    "objects from file: expected a list of 'variable: file'",
                ));
            }
            let mut source = String::new();
            for (var, file, line) in &entries {
                // the variable name was checked by the block parser; keep it a plain target
                cx.var(&str_node(var, *line), "objects from file")?;
                read_source(run, cx, from, sources, file, *line);
                source.push_str(&format!(
                    "{var} = objects_from_file({}, name={}{})\n",
                    py_str(file),
                    py_str(var),
                    if use_objects {
                        ", use_objects=True"
                    } else {
                        ""
                    }
                ));
            }
            block.kind = BlockKind::Code(code_at(cx, source, spec)?);
        }
        BlockKind::Data(d) => {
            let mode = d
                .use_objects
                .as_ref()
                .map(use_objects_of)
                .unwrap_or(UseObjects::No);
            if mode == UseObjects::No {
                return Ok(());
            }
            let gathered = d.gathered.as_ref().and_then(Node::as_bool).unwrap_or(true);
            let tree = data_tree(cx, &d.data, d.from_code, 0)?;
            let n = run.data_blocks.len();
            let variable = d.variable.name().to_string();
            run.data_blocks.push(DataSpec {
                variable: variable.clone(),
                tree,
                use_objects: mode,
                gathered,
            });
            let at = d.data.clone();
            block.kind = BlockKind::Code(code_at(
                cx,
                format!("{variable} = _da_data_block({n})\n"),
                &at,
            )?);
        }
        BlockKind::Code(code) if code.source().contains("objects_from_file(") => {
            if let Some(source) = name_objects_from_file(code.source()) {
                let compiled = lang::Program::compile(&source, code.pos().origin())
                    .map_err(|e| cx.syntax_at(&e, "code", code.pos()))?;
                let pos = code.pos().clone();
                block.kind = BlockKind::Code(Code {
                    source,
                    pos,
                    compiled: Arc::new(compiled),
                });
            }
        }
        _ => {}
    }
    Ok(())
}

/// docassemble names the result of `fishes = objects_from_file('fishes.yml')` after the
/// variable it is assigned to (it reads the caller's code names); here such a line gets
/// `name='fishes'`. Only a plain name assigned from a call without `name=` on one line.
fn name_objects_from_file(source: &str) -> Option<String> {
    let mut changed = false;
    let mut out = String::with_capacity(source.len() + 32);
    for (i, line) in source.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let indent = &line[..line.len() - line.trim_start().len()];
        let rewritten = line.trim().split_once('=').and_then(|(target, call)| {
            let target = target.trim();
            let call = call.trim();
            let plain = !target.is_empty()
                && target.chars().all(|c| c.is_alphanumeric() || c == '_')
                && !target.starts_with(|c: char| c.is_ascii_digit());
            let args = call.strip_prefix("objects_from_file(")?.strip_suffix(')')?;
            (plain && !args.contains("name") && !args.trim().is_empty()).then(|| {
                format!(
                    "{indent}{target} = objects_from_file({args}, name={})",
                    py_str(target)
                )
            })
        });
        match rewritten {
            Some(l) => {
                changed = true;
                out.push_str(&l);
            }
            None => out.push_str(line),
        }
    }
    changed.then_some(out)
}

/// `use objects:` — `objects` or a truthy value.
fn use_objects_of(n: &Node) -> UseObjects {
    match &n.value {
        Y::Str(s) if s.trim().eq_ignore_ascii_case("objects") => UseObjects::Objects,
        Y::Bool(true) => UseObjects::All,
        Y::Str(s) if matches!(s.trim().to_ascii_lowercase().as_str(), "true" | "yes") => {
            UseObjects::All
        }
        _ => UseObjects::No,
    }
}

fn str_node(s: &str, line: u32) -> Node {
    Node {
        value: Y::Str(s.to_string()),
        line,
        column: 0,
    }
}

/// A Python string literal.
fn py_str(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Generated code, compiled with the position of `at`.
fn code_at(cx: &Cx<'_>, source: String, at: &Node) -> R<Code> {
    let pos = cx.pos(at);
    let compiled = lang::Program::compile(&source, pos.origin())
        .map_err(|e| cx.syntax_at(&e, "generated code", &pos))?;
    Ok(Code {
        source,
        pos,
        compiled: Arc::new(compiled),
    })
}

/// The data of a block with its strings compiled.
fn data_tree(cx: &Cx<'_>, node: &Node, from_code: bool, depth: u32) -> R<DataTree> {
    if depth > MAX_DEPTH {
        return Err(cx.err(node.line, "data nested too deeply"));
    }
    Ok(match &node.value {
        Y::Null => DataTree::Null,
        Y::Bool(b) => DataTree::Bool(*b),
        Y::Int(i) => DataTree::Int(*i),
        Y::Float(f) => DataTree::Float(*f),
        Y::Str(s) if from_code => {
            DataTree::Expr(cx.expr_from(s.clone(), node, "data from code")?)
        }
        Y::Str(s) if super::looks_like_mako(s) => {
            DataTree::Text(cx.text_from(s.clone(), node, "data")?)
        }
        Y::Str(s) => DataTree::Str(s.clone()),
        Y::Seq(items) => DataTree::List(
            items
                .iter()
                .map(|i| data_tree(cx, i, from_code, depth + 1))
                .collect::<R<Vec<_>>>()?,
        ),
        Y::Map(entries) => {
            let mut out = Vec::with_capacity(entries.len());
            for (k, v) in entries {
                let key = k.scalar_text().unwrap_or_default();
                // `object:`/`module:` of an object spec name a class, even in `data from code`
                let val = match (&v.value, key.as_str()) {
                    (Y::Str(s), "module") => DataTree::Str(s.clone()),
                    _ => data_tree(cx, v, from_code, depth + 1)?,
                };
                out.push((key, val));
            }
            DataTree::Map(out)
        }
    })
}

/// Reads the data files named by `objects_from_file('…')` calls in `text`.
pub(super) fn scan_source_refs(
    run: &mut RunData,
    cx: &mut Cx<'_>,
    from: &InterviewRef,
    sources: &dyn Sources,
    text: &str,
) {
    let mut rest = text;
    let mut consumed = 0usize;
    while let Some(i) = rest.find("objects_from_file(") {
        let after = &rest[i + "objects_from_file(".len()..];
        let line = 1 + text[..consumed + i].matches('\n').count() as u32;
        let trimmed = after.trim_start();
        if let Some(q) = trimmed.chars().next().filter(|c| *c == '"' || *c == '\'') {
            if let Some(end) = trimmed[1..].find(q) {
                let name = &trimmed[1..1 + end];
                if !name.is_empty() && !name.contains('\n') {
                    read_source(run, cx, from, sources, name, line);
                }
            }
        }
        consumed += i + "objects_from_file(".len();
        rest = after;
    }
}

/// Reads one data file (`name.yml` in the package's `data/sources`, or `pkg:path`) into
/// `run.source_files` (an unreadable file is recorded: the call fails at run time).
fn read_source(
    run: &mut RunData,
    cx: &mut Cx<'_>,
    from: &InterviewRef,
    sources: &dyn Sources,
    name: &str,
    line: u32,
) {
    if run.source_files.contains_key(name) {
        return;
    }
    let (package, path) = match name.split_once(':') {
        Some((pkg, path)) => {
            let path = if path.contains('/') {
                path.to_string()
            } else {
                format!("data/sources/{path}")
            };
            (pkg.to_string(), path)
        }
        None => (from.package.clone(), format!("data/sources/{name}")),
    };
    let file = match sources.read(&package, &path) {
        Ok(text) if text.len() > MAX_FILE_BYTES => {
            SourceFile::Unreadable(format!("file reference {name} is too large"))
        }
        Ok(text) => {
            let file = parse_source(name, &path, &text);
            if let SourceFile::Documents(docs) = &file {
                for d in docs {
                    stand_ins(d, &mut run.stand_in_classes, 0);
                }
            }
            file
        }
        Err(_) => {
            cx.warn(
                line,
                format!("objects_from_file: {package}:{path} cannot be read"),
            );
            SourceFile::Unreadable(format!("file reference {name} not found"))
        }
    };
    run.source_files.insert(name.to_string(), file);
}

/// Records the classes of object specs whose module is not the function library.
fn stand_ins(j: &serde_json::Value, out: &mut Vec<String>, depth: u32) {
    if depth > MAX_DEPTH {
        return;
    }
    match j {
        serde_json::Value::Array(a) => a.iter().for_each(|x| stand_ins(x, out, depth + 1)),
        serde_json::Value::Object(m) => {
            if let (
                Some(serde_json::Value::String(class)),
                Some(serde_json::Value::String(module)),
            ) = (m.get("object"), m.get("module"))
            {
                if !module.starts_with("docassemble.base") && !out.contains(class) {
                    out.push(class.clone());
                }
            }
            m.values().for_each(|x| stand_ins(x, out, depth + 1));
        }
        _ => {}
    }
}

/// A YAML (documents separated by `---`) or JSON data file.
pub(crate) fn parse_source(name: &str, path: &str, text: &str) -> SourceFile {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if path.to_ascii_lowercase().ends_with(".json") {
        return match serde_json::from_str::<serde_json::Value>(text) {
            Ok(j) => SourceFile::Documents(vec![j]),
            Err(e) => SourceFile::Unreadable(format!("{name} is not valid JSON: {e}")),
        };
    }
    let mut docs = Vec::new();
    for raw in yaml::split_blocks(text) {
        match yaml::parse_block(&raw.text, raw.first_line) {
            Ok(Some(node)) => docs.push(node_json(&node, 0)),
            Ok(None) => {}
            Err(e) => {
                return SourceFile::Unreadable(format!("{name}, line {}: {}", e.line, e.message))
            }
        }
    }
    SourceFile::Documents(docs)
}

/// A YAML node as JSON (keys as their Python `str()`).
fn node_json(n: &Node, depth: u32) -> serde_json::Value {
    use serde_json::Value as J;
    if depth > MAX_DEPTH {
        return J::Null;
    }
    match &n.value {
        Y::Null => J::Null,
        Y::Bool(b) => J::Bool(*b),
        Y::Int(i) => J::from(*i),
        Y::Float(f) => serde_json::Number::from_f64(*f)
            .map(J::Number)
            .unwrap_or(J::Null),
        Y::Str(s) => J::String(s.clone()),
        Y::Seq(items) => J::Array(items.iter().map(|i| node_json(i, depth + 1)).collect()),
        Y::Map(entries) => {
            let mut m = serde_json::Map::new();
            for (k, v) in entries {
                m.insert(k.scalar_text().unwrap_or_default(), node_json(v, depth + 1));
            }
            J::Object(m)
        }
    }
}

/// Interview-wide settings for the runtime: `imports`, `modules`, `suppress loading util`.
/// A module Colloquy cannot provide is a warning here and an ImportError when used.
pub(super) fn finish(
    iv: &Interview,
    run: &mut RunData,
    warnings: &mut Vec<Warning>,
    sources: &dyn Sources,
) -> R<()> {
    let file = iv.reference.to_string();
    let mut warn = |message: String| {
        warnings.push(Warning {
            file: file.clone(),
            line: 1,
            message,
        })
    };
    let translation_files: Vec<String> = iv
        .other_config
        .iter()
        .filter(|(k, _)| k == "translations")
        .flat_map(|(_, n)| match &n.value {
            crate::yaml::Value::Seq(items) => items.iter().filter_map(|i| i.as_str().map(str::to_string)).collect::<Vec<String>>(),
            _ => n.as_str().map(str::to_string).into_iter().collect::<Vec<String>>(),
        })
        .collect();
    for problem in super::translations::read(sources, &iv.reference.package, &translation_files, &mut run.translations) {
        warn(problem);
    }
    for entry in &iv.imports {
        let (module, bound) = match entry.split_once(" as ") {
            Some((m, b)) => (m.trim(), b.trim()),
            None => (
                entry.trim(),
                entry.trim().split('.').next().unwrap_or_default(),
            ),
        };
        if module.is_empty() || bound.is_empty() {
            continue;
        }
        let bound_module = if entry.contains(" as ") {
            module
        } else {
            bound
        };
        if !known_module(module) && !entry.contains(" as ") {
            if let Some(program) = package_module(sources, module)? {
                run.package_modules.insert(module.to_string(), Arc::new(program));
                run.imported_modules.push(module.to_string());
                run.imports.insert(bound.to_string(), bound_module.to_string());
                continue;
            }
        }
        if !known_module(module) {
            warn(format!(
                "imports: module '{module}' is not available in Colloquy"
            ));
            run.missing_modules
                .insert(module.to_string(), "not available".into());
        }
        run.imports
            .insert(bound.to_string(), bound_module.to_string());
    }
    for entry in &iv.modules {
        let module = entry.trim();
        if LIBRARY_MODULES.contains(&module) {
            continue;
        }
        if lang::modules::import(module).is_some() {
            run.star_modules.push(module.to_string());
            continue;
        }
        let full = match module.strip_prefix('.') {
            Some(rest) => format!("{}.{rest}", iv.reference.package),
            None => module.to_string(),
        };
        if let Some(program) = package_module(sources, &full)? {
            run.package_modules.insert(full.clone(), Arc::new(program));
            run.star_modules.push(full);
            continue;
        }
        warn(format!("modules: Python module '{full}' is not available in Colloquy (its names are not defined)"));
        run.missing_modules.insert(full, "not available".into());
    }
    fn nav(sections: &[crate::model::Section], depth: u32) -> Vec<crate::model::NavSection> {
        if depth > MAX_DEPTH {
            return Vec::new();
        }
        sections
            .iter()
            .map(|s| crate::model::NavSection {
                key: s.key.clone(),
                label: s.label.source().to_string(),
                subsections: nav(&s.subsections, depth + 1),
            })
            .collect()
    }
    run.nav_sections = nav(&iv.sections, 0);
    run.suppress_util = iv
        .metadata
        .raw
        .get("suppress loading util")
        .is_some_and(|n| {
            n.as_bool().unwrap_or(false)
                || n.as_str()
                    .is_some_and(|s| s.trim().eq_ignore_ascii_case("true"))
        });
    Ok(())
}

/// The `.py` file of a package module (`docassemble.demo.objects` →
/// `docassemble/demo/objects.py` in package `docassemble.demo`), compiled; None if the
/// package has no such file. A syntax error in it fails the load.
fn package_module(sources: &dyn Sources, full: &str) -> R<Option<lang::Program>> {
    let Some((package, name)) = full.rsplit_once('.') else {
        return Ok(None);
    };
    if name.is_empty() || package.is_empty() {
        return Ok(None);
    }
    let candidates = [
        format!("{}/{name}.py", package.replace('.', "/")),
        format!("{name}.py"),
    ];
    for path in candidates {
        let Ok(text) = sources.read(package, &path) else {
            continue;
        };
        let file = format!("{package}:{path}");
        if text.len() > MAX_FILE_BYTES {
            return Err(LoadError::Read {
                file,
                reason: "file is too large".into(),
            });
        }
        return lang::Program::compile(&text, lang::Origin::new(&file, 1, 0))
            .map(Some)
            .map_err(|e| LoadError::At {
                file,
                line: e.line,
                reason: format!("syntax error in Python module: {}", e.message),
            });
    }
    Ok(None)
}

fn known_module(module: &str) -> bool {
    lang::modules::import(module).is_some()
        || module == "docassemble"
        || module == "docassemble.base"
        || module == "us"
        || LIBRARY_MODULES.contains(&module)
}
