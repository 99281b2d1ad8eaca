//! Loading interview files into the [`crate::model`]: splitting, YAML, blocks, includes.

mod attachment;
mod block;
mod config;
mod cx;
mod data;
mod jinja;
pub(crate) mod package_files;
pub mod scan;
mod translations;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::SystemTime;

use crate::model::{Block, Interview, VariableIndex};
use crate::reference::{InterviewRef, RefError};
use crate::yaml;
use cx::{lowered, Cx};

/// Largest interview file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// Deepest include nesting accepted.
pub const MAX_INCLUDE_DEPTH: usize = 32;
/// Most blocks accepted in one interview (all files).
pub const MAX_BLOCKS: usize = 20_000;

/// Reads files of packages; implemented by the caller (filesystem in the CLI/server).
pub trait Sources: Send + Sync {
    /// `package` like "docassemble.base", `path` like "data/questions/examples/fields.yml".
    fn read(&self, package: &str, path: &str) -> std::io::Result<String>;
    /// The bytes of a file (document templates: `.docx`, `.pdf`); by default the text of
    /// [`Sources::read`], so sources that hold only text need not implement it.
    fn read_bytes(&self, package: &str, path: &str) -> std::io::Result<Vec<u8>> {
        self.read(package, path).map(String::into_bytes)
    }
    /// Modification time, for dev-mode reloading (None if unknown).
    fn modified(&self, package: &str, path: &str) -> Option<SystemTime>;
    /// Every interview file: (package, path under `data/questions`).
    fn list(&self) -> Vec<(String, String)>;
}

/// Why an interview could not be loaded. Display: "<file>, line <n>: <reason>".
#[derive(Clone, Debug, thiserror::Error)]
pub enum LoadError {
    /// The reference itself is malformed.
    #[error("{0}")]
    Reference(#[from] RefError),
    /// A file could not be read.
    #[error("{file}: cannot read file: {reason}")]
    Read {
        /// The file ("package:path").
        file: String,
        /// The I/O error.
        reason: String,
    },
    /// A problem at a line of a file (YAML syntax, block structure, code syntax …).
    #[error("{file}, line {line}: {reason}")]
    At {
        /// The file ("package:path").
        file: String,
        /// 1-based line.
        line: u32,
        /// What is wrong.
        reason: String,
    },
}

/// Something suspicious but not fatal (unknown key, ignored value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The file ("package:path").
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// What was noticed.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, line {}: {}", self.file, self.line, self.message)
    }
}

/// True if docassemble would treat `text` as a Mako template
/// (`<%`, `${`, `% if`, `% for`, `% while`, `##`).
pub fn looks_like_mako(text: &str) -> bool {
    // every pattern below starts with one of these bytes; most texts have none of them
    if !text.bytes().any(|b| matches!(b, b'<' | b'$' | b'%' | b'#')) {
        return false;
    }
    text.contains("<%")
        || text.contains("${")
        || text.contains("% if")
        || text.contains("% for")
        || text.contains("% while")
        || text.contains("##")
}

/// Loads an interview and its includes (blocks of included files come at the include's
/// position; a file included twice is read once).
pub fn load(
    sources: &dyn Sources,
    reference: &InterviewRef,
) -> Result<(Interview, Vec<Warning>), LoadError> {
    let fingerprinting = Fingerprinting { inner: sources, hash: std::sync::Mutex::new(FNV_OFFSET) };
    let sources: &dyn Sources = &fingerprinting;
    let mut loader = Loader {
        sources,
        warnings: Vec::new(),
        included: HashSet::new(),
        ids: HashSet::new(),
        interview: config::empty_interview(reference.clone()),
        run_data: crate::model::RunData::default(),
        plain_texts: std::cell::RefCell::default(),
    };
    loader.load_file(reference, reference, 0, None)?;
    let Loader {
        mut interview,
        mut warnings,
        mut run_data,
        plain_texts,
        ..
    } = loader;
    interview.static_texts = Arc::new(crate::static_texts::StaticTexts::new(plain_texts.into_inner()));
    data::finish(&interview, &mut run_data, &mut warnings, sources)?;
    interview.run_data = Arc::new(run_data);
    interview.index = build_index(&interview.blocks, &interview.orders);
    // `supersedes:` also as an `order` entry in other_config ([this id, superseded id])
    let mut synthesized = Vec::new();
    for b in &interview.blocks {
        if let (Some(id), false) = (&b.id, b.supersedes.is_empty()) {
            for s in &b.supersedes {
                let item = |t: &str| yaml::Node {
                    value: yaml::Value::Str(t.to_string()),
                    line: b.pos.line,
                    column: 0,
                };
                let seq = yaml::Node {
                    value: yaml::Value::Seq(vec![item(id), item(s)]),
                    line: b.pos.line,
                    column: 0,
                };
                synthesized.push(("order".to_string(), seq));
            }
        }
    }
    interview.other_config.extend(synthesized);
    interview.revision = fingerprinting.finish();
    Ok((interview, warnings))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// [`Sources`] that fold every file the loader reads (name and content, in reading order)
/// into [`Interview::revision`]: the same files give the same revision on every node and
/// after a restart; a changed file gives another.
struct Fingerprinting<'s> {
    inner: &'s dyn Sources,
    hash: std::sync::Mutex<u64>,
}

impl Fingerprinting<'_> {
    fn fold(&self, package: &str, path: &str, bytes: &[u8]) {
        // FNV-1a (64 bits): stable across builds and platforms, unlike `DefaultHasher`;
        // not a defence against anyone (the revision only tells loads apart)
        let mut guard = self.hash.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut h = *guard;
        let len = (bytes.len() as u64).to_le_bytes();
        let parts: [&[u8]; 6] = [package.as_bytes(), b"\0", path.as_bytes(), b"\0", &len, bytes];
        for part in parts {
            for b in part {
                h ^= u64::from(*b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        *guard = h;
    }

    fn finish(&self) -> u64 {
        *self.hash.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Sources for Fingerprinting<'_> {
    fn read(&self, package: &str, path: &str) -> std::io::Result<String> {
        let text = self.inner.read(package, path)?;
        self.fold(package, path, text.as_bytes());
        Ok(text)
    }

    fn read_bytes(&self, package: &str, path: &str) -> std::io::Result<Vec<u8>> {
        let bytes = self.inner.read_bytes(package, path)?;
        self.fold(package, path, &bytes);
        Ok(bytes)
    }

    fn modified(&self, package: &str, path: &str) -> Option<SystemTime> {
        self.inner.modified(package, path)
    }

    fn list(&self) -> Vec<(String, String)> {
        self.inner.list()
    }
}

struct Loader<'s> {
    sources: &'s dyn Sources,
    warnings: Vec<Warning>,
    included: HashSet<InterviewRef>,
    ids: HashSet<String>,
    interview: Interview,
    /// Run-time data gathered while loading (see `load/data.rs`).
    run_data: crate::model::RunData,
    /// The sources of the texts without template code.
    plain_texts: std::cell::RefCell<HashSet<String>>,
}

impl Loader<'_> {
    fn read(&self, r: &InterviewRef) -> Result<String, LoadError> {
        let text = self
            .sources
            .read(&r.package, &r.path)
            .map_err(|e| LoadError::Read {
                file: r.to_string(),
                reason: e.to_string(),
            })?;
        if text.len() > MAX_FILE_BYTES {
            return Err(LoadError::Read {
                file: r.to_string(),
                reason: format!("file is larger than {MAX_FILE_BYTES} bytes"),
            });
        }
        Ok(text)
    }

    /// Reads one file; `from` is (file, line) of the `include` that named it.
    fn load_file(
        &mut self,
        r: &InterviewRef,
        parent: &InterviewRef,
        depth: usize,
        text: Option<String>,
    ) -> Result<(), LoadError> {
        if !self.included.insert(r.clone()) {
            return Ok(());
        }
        let text = match text {
            Some(t) => t,
            None => self.read(r)?,
        };
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        self.interview.files.push(r.clone());
        let text = if text
            .lines()
            .next()
            .is_some_and(|l| l.trim() == "# use jinja")
        {
            let (expanded, read) = self.jinja(r, parent, &text)?;
            self.interview.files.extend(read);
            expanded
        } else {
            text
        };
        let file: Arc<str> = Arc::from(r.to_string());
        {
            let mut cx = Cx {
                file: file.clone(),
                warnings: &mut self.warnings,
                defs_prefix: String::new(),
                plain_texts: &self.plain_texts,
            };
            data::scan_source_refs(&mut self.run_data, &mut cx, r, self.sources, &text);
        }
        package_files::read_named_files(&mut self.run_data, self.sources, r, &text, &mut self.interview.files);
        // `default language:` applies to the blocks after it in the same file
        let mut file_language: Option<String> = None;
        for raw in yaml::split_blocks(&text) {
            let node = yaml::parse_block(&raw.text, raw.first_line).map_err(|e| LoadError::At {
                file: file.to_string(),
                line: e.line,
                reason: e.message,
            })?;
            let Some(node) = node else { continue };
            if node.as_map().is_none() {
                return Err(LoadError::At {
                    file: file.to_string(),
                    line: node.line,
                    reason: format!(
                        "a block must be a dictionary of keys, not {}",
                        node.type_name()
                    ),
                });
            }
            let keys = lowered(&node);
            if keys.is_empty() {
                continue;
            }
            if let Some((_, _, inc)) = keys.iter().find(|(k, _, _)| k == "include") {
                let inc = (*inc).clone();
                self.include(r, &file, &inc, depth)?;
                for (k, kn, _) in &keys {
                    if k != "include" && k != "comment" {
                        self.warnings.push(Warning {
                            file: file.to_string(),
                            line: kn.line,
                            message: format!("key '{k}' ignored beside 'include'"),
                        });
                    }
                }
                continue;
            }
            let sources = self.sources;
            let defs_prefix = match keys.iter().find(|(k, _, _)| k == "usedefs") {
                Some((_, _, names)) => self.defs_prefix(&file, names)?,
                None => String::new(),
            };
            let mut cx = Cx {
                file: file.clone(),
                warnings: &mut self.warnings,
                defs_prefix,
                plain_texts: &self.plain_texts,
            };
            if block::is_appending(&keys) {
                if self.interview.blocks.len() >= MAX_BLOCKS {
                    return Err(cx.err(node.line, format!("more than {MAX_BLOCKS} blocks")));
                }
                let number = self.interview.blocks.len();
                let mut b: Block = block::parse_block(&mut cx, &node, number)?;
                data::rewrite_block(&mut cx, &mut b, &node, &mut self.run_data, r, sources)?;
                {
                    let mut files = attachment::Files {
                        sources,
                        from: r,
                        read: &mut self.interview.files,
                        package_files: &mut self.run_data.package_files,
                    };
                    attachment::attach_block(&mut cx, &mut files, &node, &mut b)?;
                }
                if let Some(id) = &b.id {
                    if !self.ids.insert(id.clone()) {
                        cx.warn(node.line, format!("duplicate id '{id}'"));
                    }
                }
                if let crate::model::BlockKind::Template(t) = &mut b.kind {
                    if t.content.is_none() {
                        if let Some(text) = Self::content_file(
                            sources,
                            &mut cx,
                            r,
                            t.content_file.as_ref(),
                            &mut self.interview.files,
                        )? {
                            t.content = Some(text);
                        }
                    }
                }
                if b.language.is_none() {
                    b.language = file_language.clone();
                }
                self.interview.blocks.push(b);
            } else {
                config::apply(
                    &mut cx,
                    &mut self.interview,
                    self.sources,
                    r,
                    &node,
                    &keys,
                    file_language.as_deref(),
                )?;
                if let (Some(v), Some(name)) =
                    (cx::get(&keys, "attachment options"), self.interview.attachment_options.docx_reference_file.clone())
                {
                    let mut files = attachment::Files {
                        sources,
                        from: r,
                        read: &mut self.interview.files,
                        package_files: &mut self.run_data.package_files,
                    };
                    attachment::read_reference_file(&cx, &mut files, v.line, &name)?;
                }
                if keys.iter().any(|(k, _, _)| k == "default language") {
                    file_language = self.interview.default_language.clone();
                }
            }
        }
        Ok(())
    }

    /// Expands a `# use jinja` file (includes, `{{ __filename__ }}`-style variables, comments).
    fn jinja(
        &self,
        r: &InterviewRef,
        parent: &InterviewRef,
        text: &str,
    ) -> Result<(String, Vec<InterviewRef>), LoadError> {
        let top = &self.interview.reference;
        let vars = [
            ("__version__", env!("CARGO_PKG_VERSION").to_string()),
            ("__architecture__", std::env::consts::ARCH.to_string()),
            ("__filename__", r.to_string()),
            ("__current_package__", r.package.clone()),
            ("__interview_filename__", top.to_string()),
            ("__interview_package__", top.package.clone()),
            ("__parent_filename__", parent.to_string()),
            ("__parent_package__", parent.package.clone()),
            ("__debug__", "False".to_string()),
            ("__hostname__", "localhost".to_string()),
        ];
        let sources = self.sources;
        let mut read = Vec::new();
        let mut include = |name: &str| -> Result<String, String> {
            let target = r.resolve(name).map_err(|e| e.to_string())?;
            match sources.read(&target.package, &target.path) {
                Ok(t) if t.len() <= MAX_FILE_BYTES => {
                    read.push(target);
                    Ok(t)
                }
                Ok(_) => Err(format!("Jinja2 include {target} is too large")),
                Err(e) => {
                    let fallback =
                        InterviewRef::new("docassemble.base", &format!("data/questions/{name}"))
                            .map_err(|e| e.to_string())?;
                    let t = sources
                        .read(&fallback.package, &fallback.path)
                        .map_err(|_| format!("Jinja2 include {target} cannot be read: {e}"))?;
                    read.push(fallback);
                    Ok(t)
                }
            }
        };
        let expanded = jinja::expand(text, &vars, &mut include, 0).map_err(|e| LoadError::At {
            file: r.to_string(),
            line: e.line,
            reason: e.message,
        })?;
        Ok((expanded, read))
    }

    /// The Mako text of the `def` blocks named by `usedefs:` (defined earlier in the interview).
    fn defs_prefix(&self, file: &Arc<str>, names: &yaml::Node) -> Result<String, LoadError> {
        let items: Vec<&yaml::Node> = match &names.value {
            yaml::Value::Seq(items) => items.iter().collect(),
            _ => vec![names],
        };
        let mut prefix = String::new();
        for n in items {
            let name = n.scalar_text().unwrap_or_default();
            let Some(def) = self.interview.defs.get(name.trim()) else {
                return Err(LoadError::At {
                    file: file.to_string(),
                    line: n.line,
                    reason: format!(
                        "usedefs: no 'def' block named '{}' before this block",
                        name.trim()
                    ),
                });
            };
            prefix.push_str(def.source());
            if !prefix.ends_with('\n') {
                prefix.push('\n');
            }
        }
        Ok(prefix)
    }

    /// Reads a template's `content file:` (a name or list of names in the package's
    /// `data/templates`, or `package:path`) at load time; `{code: …}` is left to the runtime.
    fn content_file(
        sources: &dyn Sources,
        cx: &mut Cx<'_>,
        from: &InterviewRef,
        node: Option<&yaml::Node>,
        read: &mut Vec<InterviewRef>,
    ) -> Result<Option<crate::model::Text>, LoadError> {
        let Some(node) = node else { return Ok(None) };
        let names: Vec<&yaml::Node> = match &node.value {
            yaml::Value::Str(_) => vec![node],
            yaml::Value::Seq(items) if items.iter().all(|i| i.as_str().is_some()) => {
                items.iter().collect()
            }
            _ => return Ok(None),
        };
        let mut combined = String::new();
        let mut first: Option<InterviewRef> = None;
        for n in names {
            let name = n.as_str().unwrap_or_default().trim();
            let target = if let Some((pkg, path)) = name.split_once(':') {
                let path = if path.contains('/') {
                    path.to_string()
                } else {
                    format!("data/templates/{path}")
                };
                InterviewRef::new(pkg, &path)
            } else {
                InterviewRef::new(&from.package, &format!("data/templates/{name}"))
            }
            .map_err(|e| cx.err(n.line, e.to_string()))?;
            let text = sources.read(&target.package, &target.path).map_err(|e| {
                cx.err(n.line, format!("content file {target} cannot be read: {e}"))
            })?;
            if text.len() > MAX_FILE_BYTES {
                return Err(cx.err(n.line, format!("content file {target} is too large")));
            }
            if !combined.is_empty() {
                combined.push('\n');
            }
            combined.push_str(&text);
            read.push(target.clone());
            first.get_or_insert(target);
        }
        let Some(first) = first else { return Ok(None) };
        // the text's positions are those of the (first) template file
        let file_cx = Cx {
            file: Arc::from(first.to_string()),
            warnings: &mut *cx.warnings,
            defs_prefix: String::new(),
            plain_texts: cx.plain_texts,
        };
        let at = yaml::Node {
            value: yaml::Value::Null,
            line: 1,
            column: 0,
        };
        file_cx.text_from(combined, &at, "content file").map(Some)
    }

    fn include(
        &mut self,
        from: &InterviewRef,
        file: &Arc<str>,
        inc: &yaml::Node,
        depth: usize,
    ) -> Result<(), LoadError> {
        let at = |line: u32, reason: String| LoadError::At {
            file: file.to_string(),
            line,
            reason,
        };
        if depth >= MAX_INCLUDE_DEPTH {
            return Err(at(
                inc.line,
                format!("includes nested deeper than {MAX_INCLUDE_DEPTH} levels"),
            ));
        }
        let names: Vec<&yaml::Node> = match &inc.value {
            yaml::Value::Seq(items) => items.iter().collect(),
            yaml::Value::Null => Vec::new(),
            _ => vec![inc],
        };
        for n in names {
            let Some(name) = n.scalar_text() else {
                return Err(at(n.line, "'include' must list file names".into()));
            };
            let target = from.resolve(&name).map_err(|e| at(n.line, e.to_string()))?;
            if self.included.contains(&target) {
                continue;
            }
            // relative names that do not exist fall back to docassemble.base:data/questions/
            let (target, text) = match self.sources.read(&target.package, &target.path) {
                Ok(t) => (target, t),
                Err(e) if !name.contains(':') => {
                    let fallback = InterviewRef::new(
                        "docassemble.base",
                        &format!("data/questions/{}", name.trim()),
                    )
                    .map_err(|e| at(n.line, e.to_string()))?;
                    match self.sources.read(&fallback.package, &fallback.path) {
                        Ok(t) => (fallback, t),
                        Err(_) => {
                            return Err(at(
                                n.line,
                                format!("included file {target} cannot be read: {e}"),
                            ))
                        }
                    }
                }
                Err(e) => {
                    return Err(at(
                        n.line,
                        format!("included file {target} cannot be read: {e}"),
                    ))
                }
            };
            if text.len() > MAX_FILE_BYTES {
                return Err(at(
                    n.line,
                    format!("included file {target} is larger than {MAX_FILE_BYTES} bytes"),
                ));
            }
            self.load_file(&target, from, depth + 1, Some(text))?;
        }
        Ok(())
    }
}

/// Builds `variable → blocks` (file order) from the blocks' `defines` and `events`, then
/// applies `order:` and `supersedes:` priorities.
pub fn build_index(blocks: &[Block], orders: &[Vec<String>]) -> VariableIndex {
    let mut index = VariableIndex::default();
    for b in blocks {
        match &b.generic_object {
            Some(class) => {
                let m = index.generic.entry(class.clone()).or_default();
                for d in &b.defines {
                    m.entry(d.clone()).or_default().push(b.number);
                }
            }
            None => {
                for d in &b.defines {
                    index.by_name.entry(d.clone()).or_default().push(b.number);
                }
            }
        }
        for e in &b.events {
            index.events.entry(e.clone()).or_default().push(b.number);
            let list = index.by_name.entry(e.clone()).or_default();
            if !list.contains(&b.number) {
                list.push(b.number);
            }
        }
    }
    // (higher, lower) priority pairs of block numbers
    let by_id: HashMap<&str, usize> = blocks
        .iter()
        .filter_map(|b| b.id.as_deref().map(|id| (id, b.number)))
        .collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for b in blocks {
        for s in &b.supersedes {
            if let Some(&low) = by_id.get(s.as_str()) {
                pairs.push((b.number, low));
            }
        }
    }
    for order in orders {
        let numbers: Vec<usize> = order
            .iter()
            .filter_map(|id| by_id.get(id.as_str()).copied())
            .collect();
        for (i, &high) in numbers.iter().enumerate() {
            for &low in &numbers[i + 1..] {
                pairs.push((high, low));
            }
        }
    }
    if !pairs.is_empty() {
        let lists = index
            .by_name
            .values_mut()
            .chain(index.generic.values_mut().flat_map(|m| m.values_mut()))
            .chain(index.events.values_mut());
        for list in lists {
            apply_priorities(list, &pairs);
        }
    }
    index
}

/// Moves each higher-priority block after the lower-priority ones it outranks (bounded).
fn apply_priorities(list: &mut Vec<usize>, pairs: &[(usize, usize)]) {
    if list.len() < 2 {
        return;
    }
    for _ in 0..list.len() * list.len() {
        let mut changed = false;
        for &(high, low) in pairs {
            let (Some(h), Some(l)) = (
                list.iter().position(|&x| x == high),
                list.iter().position(|&x| x == low),
            ) else {
                continue;
            };
            if h < l {
                let v = list.remove(h);
                list.insert(l, v);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}
