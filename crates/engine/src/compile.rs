//! Compiled `lang` forms of the model's snippets, compiled once and cached process-wide.
//!
//! The cache is keyed by the snippet's origin and source text, so a reloaded interview
//! (dev mode) with changed text compiles afresh and identical text is shared.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, LazyLock, Mutex};

use lang::template::Template;
use lang::{Expression, Origin, Program, Target};

use crate::model::Pos;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    kind: u8,
    file: Arc<str>,
    line: u32,
    column: u32,
    source: Arc<str>,
}

enum Compiled {
    Expr(Arc<Expression>),
    Prog(Arc<Program>),
    Tmpl(Arc<Template>),
    Target(Arc<Target>),
}

static CACHE: LazyLock<Mutex<HashMap<Key, Compiled>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

const MAX_ENTRIES: usize = 200_000;

fn key(kind: u8, source: &str, pos: &Pos) -> Key {
    Key { kind, file: pos.file.clone(), line: pos.line, column: pos.column, source: Arc::from(source) }
}

fn lookup(k: &Key) -> Option<Compiled> {
    let guard = CACHE.lock().ok()?;
    guard.get(k).map(|c| match c {
        Compiled::Expr(e) => Compiled::Expr(e.clone()),
        Compiled::Prog(e) => Compiled::Prog(e.clone()),
        Compiled::Tmpl(e) => Compiled::Tmpl(e.clone()),
        Compiled::Target(e) => Compiled::Target(e.clone()),
    })
}

fn store(k: Key, c: Compiled) {
    if let Ok(mut guard) = CACHE.lock() {
        if guard.len() > MAX_ENTRIES {
            guard.clear();
        }
        guard.insert(k, c);
    }
}

/// A hash of a text, for quick comparisons.
pub fn hash_text(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

fn origin(pos: &Pos) -> Origin {
    pos.origin()
}

/// The compiled expression for `source` written at `pos`.
pub fn expression(source: &str, pos: &Pos) -> Result<Arc<Expression>, String> {
    let k = key(0, source, pos);
    if let Some(Compiled::Expr(e)) = lookup(&k) {
        return Ok(e);
    }
    let e = Arc::new(Expression::compile(source.trim(), origin(pos)).map_err(|e| e.to_string())?);
    store(k, Compiled::Expr(e.clone()));
    Ok(e)
}

/// The compiled module body for `source` written at `pos`.
pub fn program(source: &str, pos: &Pos) -> Result<Arc<Program>, String> {
    let k = key(1, source, pos);
    if let Some(Compiled::Prog(e)) = lookup(&k) {
        return Ok(e);
    }
    let e = Arc::new(Program::compile(source, origin(pos)).map_err(|e| e.to_string())?);
    store(k, Compiled::Prog(e.clone()));
    Ok(e)
}

/// The compiled template for `source` written at `pos`.
pub fn template(source: &str, pos: &Pos) -> Result<Arc<Template>, String> {
    let k = key(2, source, pos);
    if let Some(Compiled::Tmpl(e)) = lookup(&k) {
        return Ok(e);
    }
    let e = Arc::new(Template::compile(source, origin(pos)).map_err(|e| e.to_string())?);
    store(k, Compiled::Tmpl(e.clone()));
    Ok(e)
}

/// The compiled assignment target for a variable name.
pub fn target(source: &str, pos: &Pos) -> Result<Arc<Target>, String> {
    let k = key(3, source, pos);
    if let Some(Compiled::Target(e)) = lookup(&k) {
        return Ok(e);
    }
    let e = Arc::new(Target::compile(source.trim(), origin(pos)).map_err(|e| e.to_string())?);
    store(k, Compiled::Target(e.clone()));
    Ok(e)
}

/// A position for snippets made up by the engine (not from a file).
pub fn engine_pos() -> Pos {
    Pos { file: Arc::from("<engine>"), line: 1, column: 0 }
}
