//! Mako-style templates (docassemble's `${ }`, `% if`, `% for` …): compiled once,
//! rendered many times against a namespace.
//!
//! [`Template::compile`] parses the text ([`parse`]) and compiles every Python piece into
//! an [`Expression`] / [`Program`] with an [`Origin`] pointing at the line of the YAML file
//! the text came from. [`Template::render`] walks the compiled tree; it never parses.
//!
//! Semantics are those of docassemble's Mako fork (see `parse` for the syntax):
//! - `${ x }` writes Python `str(x)`, then the filters in order (`h`, `u`, `x`, `trim`,
//!   `str`, `n`, or any callable from the namespace such as `${ x | fix_punctuation }`),
//!   then the caller's `escape` — unless the filters include `n` (Mako's "no default
//!   filters"), which writes the value unescaped.
//! - Names bound by the template itself (`% for` targets, Mako's `loop`, `<% x = … %>`
//!   assignments, `<%def>` parameters) are template locals in Mako. Here they are bound
//!   in the namespace while rendering and restored afterwards (also after an error), so the
//!   user's namespace is unchanged by a render.
//! - An undefined name is `Error::Undefined(path)` from the evaluator, unchanged; names are
//!   looked up lazily, only when the branch that uses them is rendered (docassemble's fork
//!   replaced Mako's eager `strict_undefined` check with lazy lookups).

pub(crate) mod jinja;
pub(crate) mod parse;

use std::rc::Rc;
use std::sync::Arc;

use crate::value::Class;
use crate::{Args, Error, Expression, Namespace, Origin, Program, SyntaxError, Value, Vm};
use parse::{Node, Pos, Snippet};

/// A compiled template. `Send + Sync`: compile once, share between requests.
pub struct Template {
    /// The original text (returned as is when the template is plain).
    source: Arc<str>,
    /// True when the text is used literally (docassemble's test found no Mako syntax,
    /// or the parsed template is one literal text equal to the source).
    plain: bool,
    nodes: Vec<CNode>,
    /// `<%def>` functions.
    defs: Vec<Def>,
    /// Names the template binds (restored after each render).
    locals: Vec<Arc<str>>,
}

enum CNode {
    Text(Arc<str>),
    Expr {
        expr: Expression,
        filters: Vec<Filter>,
        raw: bool,
    },
    If {
        branches: Vec<(Expression, Vec<CNode>)>,
        orelse: Option<Vec<CNode>>,
    },
    For {
        target: LoopTarget,
        iter: Expression,
        body: Vec<CNode>,
        orelse: Option<Vec<CNode>>,
        uses_loop: bool,
    },
    While {
        cond: Expression,
        body: Vec<CNode>,
    },
    Code(Program),
    Stop,
    /// `${ f(args) }` where `f` is a `<%def>` of this template.
    DefCall {
        def: usize,
        args: Vec<Expression>,
        kwargs: Vec<(Arc<str>, Expression)>,
    },
}

/// `<%def>` parameters: names with optional default values.
type Params = Vec<(Arc<str>, Option<Expression>)>;

struct Def {
    name: Arc<str>,
    params: Params,
    body: Vec<CNode>,
}

enum Filter {
    /// `h`: HTML escape (markupsafe: `& < > " '`).
    Html,
    /// `x`: XML escape.
    Xml,
    /// `u`: URL escape (`quote_plus`).
    Url,
    /// `trim`: strip surrounding whitespace.
    Trim,
    /// `str` / `unicode`: no-op (values are already strings).
    Str,
    /// Any other filter: an expression giving a callable, called with the string.
    Call(Expression),
}

#[derive(Clone, Debug, PartialEq)]
enum LoopTarget {
    Name(Arc<str>),
    Tuple(Vec<LoopTarget>),
}

/// Control flow while rendering.
enum Flow {
    Go,
    Stop,
}

impl Template {
    /// Compiles `source` (a question text, label, attachment content …) found at `origin`.
    pub fn compile(source: &str, origin: Origin) -> Result<Template, SyntaxError> {
        if !parse::looks_like_template(source) {
            return Ok(Template {
                source: Arc::from(source),
                plain: true,
                nodes: Vec::new(),
                defs: Vec::new(),
                locals: Vec::new(),
            });
        }
        let nodes = parse::parse(source).map_err(|e| syntax_error(&origin, e.pos, e.message))?;
        Template::from_nodes(source, origin, &nodes)
    }

    /// Compiles a Jinja template (a patched DOCX part) onto the same machinery (see
    /// [`jinja`]): `{{ }}` values go through the caller's `escape`, undefined names are the
    /// evaluator's `Undefined(path)`.
    pub fn compile_jinja(source: &str, origin: Origin) -> Result<Template, SyntaxError> {
        let nodes = jinja::parse(source).map_err(|e| syntax_error(&origin, e.pos, e.message))?;
        Template::from_nodes(source, origin, &nodes)
    }

    fn from_nodes(source: &str, origin: Origin, nodes: &[parse::Node]) -> Result<Template, SyntaxError> {
        let mut cx = Compiler { origin, defs: Vec::new(), def_nodes: Vec::new(), locals: Vec::new() };
        cx.collect_defs(nodes)?;
        let compiled = cx.nodes(nodes)?;
        let Compiler { defs, locals, .. } = cx;
        let plain = match compiled.as_slice() {
            [] => source.is_empty(),
            [CNode::Text(t)] => **t == *source,
            _ => false,
        };
        let mut locals = locals;
        locals.sort();
        locals.dedup();
        Ok(Template { source: Arc::from(source), plain, nodes: compiled, defs, locals })
    }

    /// True when the text has no template syntax: render gives the source unchanged.
    pub fn is_plain(&self) -> bool {
        self.plain
    }

    /// The source text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Renders with `${ }` values converted by Python `str()` and then `escape` (the
    /// caller's choice: HTML escaping in the server, none in `colloquy eval`).
    pub fn render(&self, vm: &mut Vm<'_>, ns: &Namespace, escape: &dyn Fn(&str) -> String) -> Result<String, Error> {
        self.render_with(vm, ns, &|_: &Value, s: &str| escape(s))
    }

    /// Like [`Template::render`], but `escape` also sees the value whose `str()` it is given,
    /// so the caller can let trusted markup through (e.g. an engine "HTML" value) unescaped.
    pub fn render_with(
        &self,
        vm: &mut Vm<'_>,
        ns: &Namespace,
        escape: &dyn Fn(&Value, &str) -> String,
    ) -> Result<String, Error> {
        if self.plain {
            return Ok(self.source.to_string());
        }
        let saved: Vec<(Arc<str>, Option<Value>)> = self.locals.iter().map(|n| (n.clone(), ns.get(n))).collect();
        let mut r = Renderer { vm, ns, escape, out: String::new(), t: self, loops: Vec::new(), depth: 0 };
        let result = r.nodes(&self.nodes);
        let out = std::mem::take(&mut r.out);
        restore(ns, saved);
        result.map(|_| out)
    }
}

impl std::fmt::Debug for Template {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Template").field("source", &self.source).field("plain", &self.plain).finish_non_exhaustive()
    }
}

fn restore(ns: &Namespace, saved: Vec<(Arc<str>, Option<Value>)>) {
    for (name, old) in saved {
        match old {
            Some(v) => ns.set(&name, v),
            None => {
                ns.remove(&name);
            }
        }
    }
}

fn syntax_error(origin: &Origin, pos: Pos, message: String) -> SyntaxError {
    let o = snippet_origin(origin, pos);
    SyntaxError { file: o.file, line: o.line, column: o.column + 1, message }
}

/// The origin of a snippet at `pos` inside a template found at `origin`.
fn snippet_origin(origin: &Origin, pos: Pos) -> Origin {
    Origin {
        file: origin.file.clone(),
        line: origin.line.saturating_add(pos.line),
        column: if pos.line == 0 { origin.column.saturating_add(pos.col) } else { pos.col },
    }
}

struct Compiler {
    origin: Origin,
    /// Compiled defs (bodies filled after collection).
    defs: Vec<Def>,
    /// Parsed def nodes, by index (compiled once names are known).
    def_nodes: Vec<(String, Snippet, Vec<Node>)>,
    locals: Vec<Arc<str>>,
}

/// `<%def>`s are only found at the top level or nested in other nodes; collect them all
/// first so that a call may precede the definition (as in Mako).
impl Compiler {
    fn collect_defs(&mut self, nodes: &[Node]) -> Result<(), SyntaxError> {
        fn walk(nodes: &[Node], out: &mut Vec<(String, Snippet, Vec<Node>)>) {
            for n in nodes {
                match n {
                    Node::Def { name, params, body } => {
                        out.push((name.clone(), params.clone(), body.clone()));
                        walk(body, out);
                    }
                    Node::If { branches, orelse } => {
                        for (_, b) in branches {
                            walk(b, out);
                        }
                        if let Some(o) = orelse {
                            walk(o, out);
                        }
                    }
                    Node::For { body, orelse, .. } => {
                        walk(body, out);
                        if let Some(o) = orelse {
                            walk(o, out);
                        }
                    }
                    Node::While { body, .. } => walk(body, out),
                    _ => {}
                }
            }
        }
        let mut found = Vec::new();
        walk(nodes, &mut found);
        for (name, params, _) in &found {
            let ps = self.def_params(params)?;
            for (p, _) in &ps {
                self.locals.push(p.clone());
            }
            self.defs.push(Def { name: Arc::from(name.as_str()), params: ps, body: Vec::new() });
        }
        self.def_nodes = found;
        let bodies: Vec<Vec<Node>> = self.def_nodes.iter().map(|(_, _, b)| b.clone()).collect();
        for (i, body) in bodies.iter().enumerate() {
            let compiled = self.nodes(body)?;
            if let Some(d) = self.defs.get_mut(i) {
                d.body = compiled;
            }
        }
        Ok(())
    }

    fn def_params(&self, params: &Snippet) -> Result<Params, SyntaxError> {
        let mut out = Vec::new();
        if params.text.trim().is_empty() {
            return Ok(out);
        }
        for part in split_commas(&params.text) {
            let part = part.trim();
            let (name, default) = match part.split_once('=') {
                Some((n, d)) => (n.trim(), Some(d.trim())),
                None => (part, None),
            };
            if !is_identifier(name) {
                return Err(syntax_error(&self.origin, params.pos, format!("<%def>: invalid parameter '{part}'")));
            }
            let default = match default {
                Some(d) => Some(Expression::compile(d, snippet_origin(&self.origin, params.pos))?),
                None => None,
            };
            out.push((Arc::from(name), default));
        }
        Ok(out)
    }

    fn expr(&self, s: &Snippet) -> Result<Expression, SyntaxError> {
        self.check_def_use(s)?;
        Expression::compile(&s.text, snippet_origin(&self.origin, s.pos))
    }

    /// A `<%def>` can only be called as `${ f(…) }`: anywhere else its name would read as an
    /// undefined variable (and make the engine look for a question), so refuse it here.
    fn check_def_use(&self, s: &Snippet) -> Result<(), SyntaxError> {
        for d in &self.defs {
            if mentions_word(&s.text, &d.name) {
                return Err(syntax_error(
                    &self.origin,
                    s.pos,
                    format!(
                        "the template function '{}' can only be called on its own, as ${{ {}(…) }}",
                        d.name, d.name
                    ),
                ));
            }
        }
        Ok(())
    }

    fn nodes(&mut self, nodes: &[Node]) -> Result<Vec<CNode>, SyntaxError> {
        let mut out = Vec::with_capacity(nodes.len());
        for n in nodes {
            match n {
                Node::Text(t) => out.push(CNode::Text(Arc::from(t.as_str()))),
                Node::Expr { code, filters } => out.push(self.expr_node(code, filters)?),
                Node::If { branches, orelse } => {
                    let mut bs = Vec::with_capacity(branches.len());
                    for (c, b) in branches {
                        bs.push((self.expr(c)?, self.nodes(b)?));
                    }
                    let orelse = match orelse {
                        Some(o) => Some(self.nodes(o)?),
                        None => None,
                    };
                    out.push(CNode::If { branches: bs, orelse });
                }
                Node::For { target, iter, body, orelse, uses_loop } => {
                    let t = parse_target(&target.text).ok_or_else(|| {
                        syntax_error(
                            &self.origin,
                            target.pos,
                            format!(
                                "unsupported loop target '{}' (use names, e.g. '% for key, value in …')",
                                target.text
                            ),
                        )
                    })?;
                    target_names(&t, &mut self.locals);
                    if *uses_loop {
                        self.locals.push(Arc::from("loop"));
                    }
                    let iter = self.expr(iter)?;
                    let body = self.nodes(body)?;
                    let orelse = match orelse {
                        Some(o) => Some(self.nodes(o)?),
                        None => None,
                    };
                    out.push(CNode::For { target: t, iter, body, orelse, uses_loop: *uses_loop });
                }
                Node::While { cond, body } => {
                    out.push(CNode::While { cond: self.expr(cond)?, body: self.nodes(body)? });
                }
                Node::Code(code) => {
                    self.check_def_use(code)?;
                    let program = Program::compile(&code.text, snippet_origin(&self.origin, code.pos))?;
                    assigned_names(&code.text, &mut self.locals);
                    out.push(CNode::Code(program));
                }
                Node::Stop => out.push(CNode::Stop),
                Node::Def { .. } => {}
            }
        }
        Ok(out)
    }

    fn expr_node(&self, code: &Snippet, filters: &[Snippet]) -> Result<CNode, SyntaxError> {
        let mut fs = Vec::new();
        let mut raw = false;
        for f in filters {
            match f.text.as_str() {
                "n" => raw = true,
                "h" => fs.push(Filter::Html),
                "x" => fs.push(Filter::Xml),
                "u" => fs.push(Filter::Url),
                "trim" => fs.push(Filter::Trim),
                "str" | "unicode" => fs.push(Filter::Str),
                "entity" => {
                    return Err(syntax_error(&self.origin, f.pos, "the Mako filter 'entity' is not supported".into()))
                }
                other if other.starts_with("decode.") => {
                    return Err(syntax_error(
                        &self.origin,
                        f.pos,
                        format!("the Mako filter '{other}' is not supported"),
                    ))
                }
                _ => fs.push(Filter::Call(self.expr(f)?)),
            }
        }
        if let Some((name, args)) = def_call(&code.text) {
            if let Some(def) = self.defs.iter().position(|d| *d.name == *name) {
                let mut pos_args = Vec::new();
                let mut kwargs = Vec::new();
                for a in split_commas(args) {
                    let a = a.trim();
                    if a.is_empty() {
                        continue;
                    }
                    self.check_def_use(&Snippet { text: a.to_string(), pos: code.pos })?;
                    match keyword_arg(a) {
                        Some((k, v)) => {
                            kwargs.push((Arc::from(k), Expression::compile(v, snippet_origin(&self.origin, code.pos))?))
                        }
                        None => pos_args.push(Expression::compile(a, snippet_origin(&self.origin, code.pos))?),
                    }
                }
                return Ok(CNode::DefCall { def, args: pos_args, kwargs });
            }
        }
        Ok(CNode::Expr { expr: self.expr(code)?, filters: fs, raw })
    }
}

/// `name(args)` with nothing after the closing parenthesis: (name, args source).
fn def_call(code: &str) -> Option<(&str, &str)> {
    let code = code.trim();
    let open = code.find('(')?;
    let name = code[..open].trim();
    if !is_identifier(name) || !code.ends_with(')') {
        return None;
    }
    let inner = &code[open + 1..code.len() - 1];
    // The parenthesis at `open` must close at the very end.
    let mut depth = 0i32;
    let b = inner.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\'' | b'"' => {
                let q = b[i];
                i += 1;
                while i < b.len() && b[i] != q {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            _ => {}
        }
        i += 1;
    }
    (depth == 0).then_some((name, inner))
}

/// True if `name` occurs in `code` as a whole word outside string literals (and not after a
/// `.`: `x.name` is an attribute).
fn mentions_word(code: &str, name: &str) -> bool {
    let b = code.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\'' | b'"' => {
                let q = b[i];
                i += 1;
                while i < b.len() && b[i] != q {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            c if word(c) => {
                let start = i;
                while i < b.len() && word(b[i]) {
                    i += 1;
                }
                let prev_dot = code[..start].trim_end().ends_with('.');
                if &code[start..i] == name && !prev_dot {
                    return true;
                }
            }
            _ => i += 1,
        }
    }
    false
}

/// `name=value` (not `==`): the keyword and the value source.
fn keyword_arg(a: &str) -> Option<(&str, &str)> {
    let eq = a.find('=')?;
    let (k, v) = (a[..eq].trim(), &a[eq + 1..]);
    (is_identifier(k) && !v.starts_with('=')).then_some((k, v.trim()))
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    matches!(cs.next(), Some(c) if c == '_' || c.is_alphabetic()) && cs.all(|c| c == '_' || c.is_alphanumeric())
}

/// Splits at commas outside brackets and strings.
fn split_commas(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let (mut depth, mut start, mut i) = (0i32, 0usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'\'' | b'"' => {
                let q = b[i];
                i += 1;
                while i < b.len() && b[i] != q {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(s.get(start..).unwrap_or(""));
    out
}

/// Parses a `for` target: names, possibly in (nested) tuples.
fn parse_target(src: &str) -> Option<LoopTarget> {
    let s = src.trim();
    let parts = split_commas(s);
    if parts.len() > 1 {
        let mut items = Vec::new();
        for (i, p) in parts.iter().enumerate() {
            if p.trim().is_empty() && i == parts.len() - 1 {
                continue; // trailing comma: `a, b,`
            }
            items.push(parse_target(p)?);
        }
        return Some(LoopTarget::Tuple(items));
    }
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return match parse_target(inner)? {
            t @ LoopTarget::Tuple(_) => Some(t),
            LoopTarget::Name(n) if inner.trim_end().ends_with(',') => {
                Some(LoopTarget::Tuple(vec![LoopTarget::Name(n)]))
            }
            n => Some(n),
        };
    }
    if let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return match parse_target(inner)? {
            t @ LoopTarget::Tuple(_) => Some(t),
            n => Some(LoopTarget::Tuple(vec![n])),
        };
    }
    is_identifier(s).then(|| LoopTarget::Name(Arc::from(s)))
}

fn target_names(t: &LoopTarget, out: &mut Vec<Arc<str>>) {
    match t {
        LoopTarget::Name(n) => out.push(n.clone()),
        LoopTarget::Tuple(items) => items.iter().for_each(|i| target_names(i, out)),
    }
}

/// Names a `<% %>` block may bind (assignments, loop targets, defs, imports …).
fn assigned_names(code: &str, out: &mut Vec<Arc<str>>) {
    use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
    use ruff_python_ast::{ExceptHandler, Expr, ExprContext, Stmt};
    struct V<'o>(&'o mut Vec<Arc<str>>);
    impl<'a> Visitor<'a> for V<'_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::FunctionDef(f) => self.0.push(Arc::from(f.name.id.as_str())),
                Stmt::ClassDef(c) => self.0.push(Arc::from(c.name.id.as_str())),
                Stmt::Import(i) => {
                    for a in &i.names {
                        let n = a.asname.as_ref().unwrap_or(&a.name).id.as_str();
                        self.0.push(Arc::from(n.split('.').next().unwrap_or(n)));
                    }
                }
                Stmt::ImportFrom(i) => {
                    for a in &i.names {
                        self.0.push(Arc::from(a.asname.as_ref().unwrap_or(&a.name).id.as_str()));
                    }
                }
                Stmt::Try(t) => {
                    for h in &t.handlers {
                        let ExceptHandler::ExceptHandler(h) = h;
                        if let Some(n) = &h.name {
                            self.0.push(Arc::from(n.id.as_str()));
                        }
                    }
                }
                _ => {}
            }
            walk_stmt(self, stmt);
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Name(n) = expr {
                if n.ctx == ExprContext::Store {
                    self.0.push(Arc::from(n.id.as_str()));
                }
            }
            walk_expr(self, expr);
        }
    }
    if let Ok(parsed) = ruff_python_parser::parse_module(code) {
        let mut v = V(out);
        for s in &parsed.syntax().body {
            v.visit_stmt(s);
        }
    }
}

struct Renderer<'r, 'v> {
    vm: &'r mut Vm<'v>,
    ns: &'r Namespace,
    escape: &'r dyn Fn(&Value, &str) -> String,
    out: String,
    t: &'r Template,
    /// Mako's `loop` objects of the enclosing `% for`s (for `loop.parent`).
    loops: Vec<Value>,
    /// Nesting of `<%def>` calls (bounded by the Vm's recursion limit).
    depth: u32,
}

impl Renderer<'_, '_> {
    fn nodes(&mut self, nodes: &[CNode]) -> Result<Flow, Error> {
        for n in nodes {
            if let Flow::Stop = self.node(n)? {
                return Ok(Flow::Stop);
            }
        }
        Ok(Flow::Go)
    }

    fn write(&mut self, s: &str) -> Result<(), Error> {
        self.vm.new_str(s.len())?;
        self.out.push_str(s);
        self.vm.check_len(self.out.len())
    }

    fn node(&mut self, n: &CNode) -> Result<Flow, Error> {
        match n {
            CNode::Text(t) => self.write(t)?,
            CNode::Expr { expr, filters, raw } => {
                let v = self.vm.eval(expr, self.ns)?;
                let mut s = to_str(self.vm, &v)?;
                for f in filters {
                    s = self.filter(f, s)?;
                }
                if *raw {
                    self.write(&s)?;
                } else {
                    let e = (self.escape)(&v, &s);
                    self.write(&e)?;
                }
            }
            CNode::If { branches, orelse } => {
                for (cond, body) in branches {
                    let c = self.vm.eval(cond, self.ns)?;
                    if truthy(self.vm, &c)? {
                        return self.nodes(body);
                    }
                }
                if let Some(o) = orelse {
                    return self.nodes(o);
                }
            }
            CNode::For { target, iter, body, orelse, uses_loop } => {
                let it = self.vm.eval(iter, self.ns)?;
                let items = iterate(self.vm, &it)?;
                let n = items.len();
                let loop_class = if *uses_loop { Some(loop_class()) } else { None };
                for (i, item) in items.into_iter().enumerate() {
                    self.vm.step()?;
                    self.bind(target, item)?;
                    if let Some(class) = &loop_class {
                        let lp = loop_context(class, i, n, self.loops.last().cloned());
                        self.ns.set("loop", lp.clone());
                        self.loops.push(lp);
                    }
                    let flow = self.nodes(body);
                    if *uses_loop {
                        self.loops.pop();
                    }
                    if let Flow::Stop = flow? {
                        return Ok(Flow::Stop);
                    }
                }
                if *uses_loop {
                    // After the loop, `loop` is the enclosing loop's context again.
                    if let Some(outer) = self.loops.last().cloned() {
                        self.ns.set("loop", outer);
                    }
                }
                if let Some(o) = orelse {
                    return self.nodes(o);
                }
            }
            CNode::While { cond, body } => loop {
                self.vm.step()?;
                let c = self.vm.eval(cond, self.ns)?;
                if !truthy(self.vm, &c)? {
                    break;
                }
                if let Flow::Stop = self.nodes(body)? {
                    return Ok(Flow::Stop);
                }
            },
            CNode::Code(p) => self.vm.exec(p, self.ns)?,
            CNode::Stop => return Ok(Flow::Stop),
            CNode::DefCall { def, args, kwargs } => {
                let t = self.t;
                let Some(d) = t.defs.get(*def) else { return Ok(Flow::Go) };
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    vals.push(self.vm.eval(a, self.ns)?);
                }
                let mut kws = Vec::with_capacity(kwargs.len());
                for (k, e) in kwargs {
                    kws.push((k.clone(), self.vm.eval(e, self.ns)?));
                }
                let mut bound = Vec::with_capacity(d.params.len());
                let mut vals = vals.into_iter();
                for (name, default) in &d.params {
                    let v = match vals.next() {
                        Some(v) => v,
                        None => match kws.iter().position(|(k, _)| k == name) {
                            Some(i) => kws.remove(i).1,
                            None => match default {
                                Some(e) => self.vm.eval(e, self.ns)?,
                                None => {
                                    return Err(Error::exception(
                                        "TypeError",
                                        format!("{}() missing 1 required positional argument: '{name}'", d.name),
                                    ))
                                }
                            },
                        },
                    };
                    bound.push((name.clone(), v));
                }
                if vals.next().is_some() || !kws.is_empty() {
                    return Err(Error::exception("TypeError", format!("{}() got unexpected arguments", d.name)));
                }
                let saved: Vec<(Arc<str>, Option<Value>)> =
                    bound.iter().map(|(n, _)| (n.clone(), self.ns.get(n))).collect();
                if self.depth >= self.vm.limits.max_depth {
                    return Err(Error::Limit(crate::LimitKind::Depth));
                }
                for (n, v) in bound {
                    self.ns.set(&n, v);
                }
                self.depth += 1;
                let r = self.nodes(&d.body);
                self.depth -= 1;
                restore(self.ns, saved);
                if let Flow::Stop = r? {
                    return Ok(Flow::Stop);
                }
            }
        }
        Ok(Flow::Go)
    }

    fn bind(&mut self, target: &LoopTarget, v: Value) -> Result<(), Error> {
        match target {
            LoopTarget::Name(n) => {
                self.ns.set(n, v);
                Ok(())
            }
            LoopTarget::Tuple(items) => {
                let vals = iterate(self.vm, &v)?;
                if vals.len() < items.len() {
                    return Err(Error::exception(
                        "ValueError",
                        format!("not enough values to unpack (expected {}, got {})", items.len(), vals.len()),
                    ));
                }
                if vals.len() > items.len() {
                    return Err(Error::exception(
                        "ValueError",
                        format!("too many values to unpack (expected {})", items.len()),
                    ));
                }
                for (t, v) in items.iter().zip(vals) {
                    self.bind(t, v)?;
                }
                Ok(())
            }
        }
    }

    fn filter(&mut self, f: &Filter, s: String) -> Result<String, Error> {
        Ok(match f {
            Filter::Html | Filter::Xml => html_escape(&s),
            Filter::Url => url_escape(&s),
            Filter::Trim => s.trim().to_string(),
            Filter::Str => s,
            Filter::Call(e) => {
                let f = self.vm.eval(e, self.ns)?;
                let r = self.vm.call(&f, Args::new(vec![Value::from_str(&s)]))?;
                to_str(self.vm, &r)?
            }
        })
    }
}

/// The class of Mako's `loop` objects (with the `cycle(*values)` method).
fn loop_class() -> Rc<Class> {
    let class = Class::new("LoopContext", Vec::new());
    class.set_attr("cycle", Value::native("cycle", loop_cycle));
    class
}

/// `loop.cycle(*values)`: `values[loop.index % len(values)]`.
fn loop_cycle(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let mut it = args.positional.into_iter();
    let index = match it.next() {
        Some(Value::Object(o)) => match o.borrow().attrs.get("index") {
            Some(Value::Int(i)) => *i,
            _ => 0,
        },
        _ => 0,
    };
    let values: Vec<Value> = it.collect();
    if values.is_empty() {
        return Err(Error::exception("ValueError", "You must provide values to cycle through"));
    }
    let i = usize::try_from(index).unwrap_or(0) % values.len();
    Ok(values.get(i).cloned().unwrap_or(Value::None))
}

/// Mako's `loop` context for iteration `i` of `n`.
fn loop_context(class: &Rc<Class>, i: usize, n: usize, parent: Option<Value>) -> Value {
    let v = Value::new_object(class.clone(), None);
    if let Value::Object(o) = &v {
        let mut o = o.borrow_mut();
        let idx = i as i64;
        o.attrs.insert(Rc::from("index"), Value::Int(idx));
        o.attrs.insert(Rc::from("reverse_index"), Value::Int((n - i - 1) as i64));
        o.attrs.insert(Rc::from("first"), Value::Bool(i == 0));
        o.attrs.insert(Rc::from("last"), Value::Bool(i + 1 == n));
        o.attrs.insert(Rc::from("even"), Value::Bool(i.is_multiple_of(2)));
        o.attrs.insert(Rc::from("odd"), Value::Bool(!i.is_multiple_of(2)));
        o.attrs.insert(Rc::from("parent"), parent.unwrap_or(Value::None));
    }
    v
}

/// markupsafe's escape (Mako `h`) / Mako's `xml_escape` (`x`): the same five characters.
fn html_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&#34;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// Python's `urllib.parse.quote_plus` on UTF-8 (Mako `u`).
fn url_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => o.push(b as char),
            b' ' => o.push('+'),
            b => o.push_str(&format!("%{b:02X}")),
        }
    }
    o
}

// ---- evaluator bridge ---------------------------------------------------------------

fn to_str(vm: &mut Vm<'_>, v: &Value) -> Result<String, Error> {
    vm.str_of(v)
}

fn truthy(vm: &mut Vm<'_>, v: &Value) -> Result<bool, Error> {
    vm.truthy(v)
}

fn iterate(vm: &mut Vm<'_>, v: &Value) -> Result<Vec<Value>, Error> {
    vm.iterate(v)
}
