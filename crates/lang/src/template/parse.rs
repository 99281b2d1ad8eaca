//! The Mako lexer/parser for templates: source text → a tree of [`Node`]s whose
//! Python pieces are still source [`Snippet`]s (compiled by `template::compile`).
//!
//! The rules follow docassemble's fork of Mako's lexer (`docassemble.base.mako.lexer`),
//! which differs from stock Mako in one respect: `##` at the start of a line is *not* a
//! comment (interviews use `## Heading` for Markdown headings, and the example scenarios
//! expect those headings on screen). Everything else is Mako's:
//!
//! - `${ expr }` / `${ expr | f1, f2 }`: the end is found by bracket matching that skips
//!   string literals and `#` comments (Mako's `parse_until_text`).
//! - a line whose first non-blank character is `%` (but not `%%`) is a control line; it
//!   consumes its own newline. `\` + newline inside a control line continues it.
//! - `%%` at the start of a line (after blanks) is a literal `%` (`%%%` → `%%`).
//! - `\` directly before a newline in text removes both.
//! - `<%text>…</%text>` is literal; `<%doc>…</%doc>` is removed; `<% code %>` is a
//!   Python block; `<%def name="f(a)">…</%def>` defines a template function.
//!
//! This module is pure text processing (no evaluator types) so it can be tested alone.

/// A 0-based position inside the template text: line, and column in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    /// 0-based line within the template text.
    pub line: u32,
    /// 0-based column (in characters) within that line.
    pub col: u32,
}

/// A piece of Python source taken from the template, with where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The source text (trimmed of surrounding blanks).
    pub text: String,
    /// Position of its first character.
    pub pos: Pos,
}

/// One element of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// Literal text.
    Text(String),
    /// `${ code | filters }`.
    Expr {
        /// The expression.
        code: Snippet,
        /// Filter names / calls, in order of application.
        filters: Vec<Snippet>,
    },
    /// `% if` … `% elif` … `% else:` … `% endif`.
    If {
        /// Each `if`/`elif` condition with its body.
        branches: Vec<(Snippet, Vec<Node>)>,
        /// The `else:` body.
        orelse: Option<Vec<Node>>,
    },
    /// `% for target in iter:` … (`% else:` …) `% endfor`.
    For {
        /// The loop target source (`a`, `a, b`).
        target: Snippet,
        /// The iterable expression.
        iter: Snippet,
        /// Loop body.
        body: Vec<Node>,
        /// `% else:` body (runs when the loop ends; there is no `break`).
        orelse: Option<Vec<Node>>,
        /// True if the body refers to Mako's `loop` context (`loop.index` …).
        uses_loop: bool,
    },
    /// `% while cond:` … `% endwhile`.
    While {
        /// The condition.
        cond: Snippet,
        /// Loop body.
        body: Vec<Node>,
    },
    /// `<% code %>` (dedented).
    Code(Snippet),
    /// `<% return STOP_RENDERING %>`: rendering ends here.
    Stop,
    /// `<%def name="f(a, b=1)">body</%def>`.
    Def {
        /// Function name.
        name: String,
        /// Parameter list source (`a, b=1`).
        params: Snippet,
        /// Body.
        body: Vec<Node>,
    },
}

/// A template that does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Where (0-based line and column within the template text).
    pub pos: Pos,
    /// What is wrong.
    pub message: String,
}

/// How deep `% if` / `% for` / `% while` / `<%def>` blocks may nest (the compiled tree is
/// walked recursively, so this bounds the stack).
pub const MAX_NESTING: usize = 100;

/// docassemble's test for "this text is a Mako template": it contains `<%`, `${`,
/// `% if`, `% for`, `% while` or `##` anywhere.
pub fn looks_like_template(src: &str) -> bool {
    ["<%", "${", "% if", "% for", "% while", "##"].iter().any(|p| src.contains(p))
}

/// Parses a template into nodes.
pub fn parse(src: &str) -> Result<Vec<Node>, ParseError> {
    let mut lx = Lexer { src, b: src.as_bytes(), p: 0, lines: line_starts(src) };
    let mut bd = Builder { stack: Vec::new(), root: Vec::new() };
    lx.run(&mut bd)?;
    bd.finish()
}

fn line_starts(src: &str) -> Vec<usize> {
    let mut v = vec![0];
    v.extend(src.bytes().enumerate().filter(|(_, c)| *c == b'\n').map(|(i, _)| i + 1));
    v
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

struct Lexer<'s> {
    src: &'s str,
    b: &'s [u8],
    p: usize,
    lines: Vec<usize>,
}

/// A block opened by a control line or a tag, waiting for its end.
enum Open {
    If { at: Pos, branches: Vec<(Snippet, Vec<Node>)>, orelse: Option<Vec<Node>> },
    For { at: Pos, target: Snippet, iter: Snippet, body: Vec<Node>, orelse: Option<Vec<Node>> },
    While { at: Pos, cond: Snippet, body: Vec<Node> },
    Def { at: Pos, name: String, params: Snippet, body: Vec<Node> },
}

impl Open {
    fn keyword(&self) -> &'static str {
        match self {
            Open::If { .. } => "if",
            Open::For { .. } => "for",
            Open::While { .. } => "while",
            Open::Def { .. } => "def",
        }
    }
    fn at(&self) -> Pos {
        match self {
            Open::If { at, .. } | Open::For { at, .. } | Open::While { at, .. } | Open::Def { at, .. } => *at,
        }
    }
    fn is_tag(&self) -> bool {
        matches!(self, Open::Def { .. })
    }
}

struct Builder {
    stack: Vec<Open>,
    root: Vec<Node>,
}

impl Builder {
    fn body(&mut self) -> &mut Vec<Node> {
        match self.stack.last_mut() {
            None => &mut self.root,
            Some(Open::If { branches, orelse, .. }) => match orelse {
                Some(o) => o,
                None => match branches.last_mut() {
                    Some(b) => &mut b.1,
                    // An `If` is always opened with one branch; this arm is unreachable
                    // in practice but must not panic.
                    None => orelse.get_or_insert_with(Vec::new),
                },
            },
            Some(Open::For { body, orelse, .. }) => match orelse {
                Some(o) => o,
                None => body,
            },
            Some(Open::While { body, .. }) | Some(Open::Def { body, .. }) => body,
        }
    }

    fn push(&mut self, node: Node) {
        let body = self.body();
        if let Node::Text(t) = &node {
            if t.is_empty() {
                return;
            }
            if let Some(Node::Text(prev)) = body.last_mut() {
                prev.push_str(t);
                return;
            }
        }
        body.push(node);
    }

    fn finish(mut self) -> Result<Vec<Node>, ParseError> {
        if let Some(open) = self.stack.pop() {
            let message = if open.is_tag() {
                format!("unclosed tag <%{}>", open.keyword())
            } else {
                format!("unterminated control line '% {}' (no '% end{}')", open.keyword(), open.keyword())
            };
            return Err(ParseError { pos: open.at(), message });
        }
        Ok(self.root)
    }
}

impl<'s> Lexer<'s> {
    fn pos(&self, at: usize) -> Pos {
        let line = match self.lines.binary_search(&at) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.lines.get(line).copied().unwrap_or(0);
        let col = self.src.get(start..at).map(|s| s.chars().count()).unwrap_or(0);
        Pos { line: line as u32, col: col as u32 }
    }

    fn err<T>(&self, at: usize, message: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError { pos: self.pos(at), message: message.into() })
    }

    fn at_line_start(&self, p: usize) -> bool {
        p == 0 || self.b.get(p - 1) == Some(&b'\n')
    }

    fn starts(&self, p: usize, s: &str) -> bool {
        self.b.get(p..).is_some_and(|r| r.starts_with(s.as_bytes()))
    }

    /// Trimmed snippet of `self.src[start..end]` with the position of its first non-blank char.
    fn snippet(&self, start: usize, end: usize) -> Snippet {
        let raw = self.src.get(start..end).unwrap_or("");
        let lead = raw.len() - raw.trim_start().len();
        Snippet { text: raw.trim().to_string(), pos: self.pos(start + lead) }
    }

    fn run(&mut self, bd: &mut Builder) -> Result<(), ParseError> {
        while self.p < self.b.len() {
            if self.starts(self.p, "${") {
                self.expression(bd)?;
            } else if self.at_line_start(self.p) && self.control_line(bd)? {
            } else if self.starts(self.p, "<%doc>") {
                let from = self.p + "<%doc>".len();
                match self.src.get(from..).and_then(|r| r.find("</%doc>")) {
                    Some(i) => self.p = from + i + "</%doc>".len(),
                    None => {
                        // Mako then tries the other rules, and `<%doc>` as a tag is unknown.
                        return self.err(self.p, "unclosed tag <%doc>");
                    }
                }
            } else if self.starts(self.p, "<%") && self.tag_start(bd)? {
            } else if self.starts(self.p, "</%") {
                self.tag_end(bd)?;
            } else if self.starts(self.p, "<%") {
                self.python_block(bd)?;
            } else if self.at_line_start(self.p) && self.percent(bd) {
            } else if self.p > 0 && self.at_line_start(self.p) && self.percent_line_start(self.p) {
                // A `%` line that is not a control line (it ends in a lone '\r'): Mako's
                // text regex matches empty here and its lexer then skips one character.
                self.p += self.src.get(self.p..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
            } else {
                self.text(bd);
            }
        }
        Ok(())
    }

    /// Text up to the next construct. Always consumes at least one byte.
    fn text(&mut self, bd: &mut Builder) {
        let start = self.p;
        let mut q = self.p;
        let n = self.b.len();
        let mut out = String::new();
        while q < n {
            let c = self.b[q];
            if q > start {
                // (?<=\n)(?=[ \t]*%)
                if self.b[q - 1] == b'\n' {
                    let mut r = q;
                    while r < n && (self.b[r] == b' ' || self.b[r] == b'\t') {
                        r += 1;
                    }
                    if r < n && self.b[r] == b'%' {
                        break;
                    }
                }
                if self.starts(q, "${") || self.starts(q, "<%") || self.starts(q, "</%") {
                    break;
                }
            }
            if c == b'\\' {
                if self.starts(q + 1, "\n") {
                    out.push_str(self.src.get(start..q).unwrap_or(""));
                    bd.push(Node::Text(out));
                    self.p = q + 2;
                    return;
                }
                if self.starts(q + 1, "\r\n") {
                    out.push_str(self.src.get(start..q).unwrap_or(""));
                    bd.push(Node::Text(out));
                    self.p = q + 3;
                    return;
                }
            }
            q += 1;
        }
        // q only stops on ASCII bytes or at the end, so it is a char boundary.
        out.push_str(self.src.get(start..q).unwrap_or(""));
        bd.push(Node::Text(out));
        self.p = q;
    }

    /// True if the line at `p` starts with blanks and a `%`.
    fn percent_line_start(&self, p: usize) -> bool {
        let mut r = p;
        while r < self.b.len() && (self.b[r] == b' ' || self.b[r] == b'\t') {
            r += 1;
        }
        r < self.b.len() && self.b[r] == b'%'
    }

    /// `%%` at the start of a line: a literal `%` (plus any further `%`).
    fn percent(&mut self, bd: &mut Builder) -> bool {
        // (?<=^)(\s*)%%(%*) — `\s` includes '\r' and '\n' (and Unicode blanks).
        let rest = self.src.get(self.p..).unwrap_or("");
        let r = self.p + (rest.len() - rest.trim_start().len());
        if !self.starts(r, "%%") {
            return false;
        }
        let mut e = r + 2;
        while e < self.b.len() && self.b[e] == b'%' {
            e += 1;
        }
        let mut t = self.src.get(self.p..r).unwrap_or("").to_string();
        t.push('%');
        t.push_str(&"%".repeat(e - r - 2));
        bd.push(Node::Text(t));
        self.p = e;
        true
    }

    /// Mako's `parse_until_text`: from `self.p`, skip Python up to one of `terms` (single
    /// bytes) at bracket depth 0 (when `watch_nesting`), or up to `%>` when `terms` is empty.
    /// Returns (text end, index just after the terminator, terminator).
    fn until(&self, from: usize, watch_nesting: bool, terms: &[u8]) -> Option<(usize, usize, u8)> {
        let b = self.b;
        let n = b.len();
        let mut q = from;
        let mut depth: i64 = 0;
        while q < n {
            let c = b[q];
            if c == b'#' {
                // `#.*\n`: a comment to the end of the line (only if a newline follows).
                match b[q..].iter().position(|&x| x == b'\n') {
                    Some(i) => {
                        q += i + 1;
                        continue;
                    }
                    None => {
                        q += 1;
                        continue;
                    }
                }
            }
            if c == b'"' || c == b'\'' {
                if let Some(end) = string_end(b, q) {
                    q = end;
                    continue;
                }
                q += 1;
                continue;
            }
            if terms.is_empty() {
                if self.starts(q, "%>") {
                    return Some((q, q + 2, b'%'));
                }
            } else if terms.contains(&c) && !(watch_nesting && depth > 0) {
                return Some((q, q + 1, c));
            }
            match c {
                b'{' | b'(' | b'[' => depth += 1,
                b'}' | b')' | b']' => depth -= 1,
                _ => {}
            }
            q += 1;
        }
        None
    }

    fn expression(&mut self, bd: &mut Builder) -> Result<(), ParseError> {
        let open = self.p;
        let from = self.p + 2;
        let Some((end, after, term)) = self.until(from, true, b"|}") else {
            return self.err(open, "'${' without a matching '}'");
        };
        let code = self.snippet(from, end);
        let mut filters = Vec::new();
        let mut next = after;
        if term == b'|' {
            let Some((fend, fafter, _)) = self.until(after, true, b"}") else {
                return self.err(open, "'${' without a matching '}'");
            };
            for (s, e) in split_top_level_commas(self.b, after, fend) {
                let sn = self.snippet(s, e);
                if !sn.text.is_empty() {
                    filters.push(sn);
                }
            }
            next = fafter;
        }
        // `${ }` is `str()` in Mako: it writes nothing.
        if !code.text.is_empty() {
            bd.push(Node::Expr { code, filters });
        }
        self.p = next;
        Ok(())
    }

    /// A `%` control line at `self.p` (a line start). Returns false if the line is not one.
    fn control_line(&mut self, bd: &mut Builder) -> Result<bool, ParseError> {
        let b = self.b;
        let n = b.len();
        let mut r = self.p;
        while r < n && (b[r] == b' ' || b[r] == b'\t') {
            r += 1;
        }
        if r >= n || b[r] != b'%' || self.starts(r, "%%") {
            return Ok(false);
        }
        let pct = r;
        r += 1;
        while r < n && (b[r] == b' ' || b[r] == b'\t') {
            r += 1;
        }
        let text_start = r;
        // ((?:\\\r?\n|[^\r\n])*)(?:\r?\n|\Z)
        let mut e = r;
        // Where the last `\` + newline continuation ends its line: (text end, after).
        let mut last_cont: Option<(usize, usize)> = None;
        loop {
            if e >= n {
                break;
            }
            if b[e] == b'\\' && self.starts(e + 1, "\n") {
                last_cont = Some((e + 1, e + 2));
                e += 2;
                continue;
            }
            if b[e] == b'\\' && self.starts(e + 1, "\r\n") {
                last_cont = Some((e + 1, e + 3));
                e += 3;
                continue;
            }
            if b[e] == b'\n' || b[e] == b'\r' {
                break;
            }
            e += 1;
        }
        let mut text_end = e;
        let mut after = e;
        if self.starts(after, "\r\n") {
            after += 2;
        } else if self.starts(after, "\n") {
            after += 1;
        } else if after < n {
            // A lone '\r' ends the line, which Mako's regex does not accept: it backtracks
            // to the last continuation's newline (the backslash then ends the line) …
            match last_cont {
                Some((te, af)) => {
                    text_end = te;
                    after = af;
                }
                // … or, without one, this is not a control line (Mako's text regex then
                // makes an empty match, which skips one character: see `run`).
                None => return Ok(false),
            }
        }
        self.p = after;
        self.control(bd, pct, text_start, text_end)?;
        Ok(true)
    }

    fn control(&mut self, bd: &mut Builder, pct: usize, ts: usize, te: usize) -> Result<(), ParseError> {
        let text = self.src.get(ts..te).unwrap_or("");
        let at = self.pos(pct);
        // (end)?(\w+)\s*(.*)
        let word_len = text.bytes().take_while(|&c| is_word_byte(c)).count();
        if word_len == 0 {
            return self.err(pct, format!("invalid control line: '% {}'", text.trim_end()));
        }
        let word = &text[..word_len];
        let (is_end, keyword) =
            if word.len() > 3 && word.starts_with("end") { (true, &word[3..]) } else { (false, word) };
        let rest_start = ts + word_len;
        if is_end {
            let Some(top) = bd.stack.last() else {
                return self.err(pct, format!("'% {word}' without a matching '% {keyword}'"));
            };
            if top.is_tag() {
                return self.err(pct, format!("'% {word}' inside <%{}> that opens no '% {keyword}'", top.keyword()));
            }
            if top.keyword() != keyword {
                let open_line = top.at().line + 1;
                return self.err(
                    pct,
                    format!("'% {word}' does not match '% {}' (opened on template line {open_line})", top.keyword()),
                );
            }
            let node = match bd.stack.pop() {
                Some(Open::If { branches, orelse, .. }) => Node::If { branches, orelse },
                Some(Open::For { target, iter, body, orelse, .. }) => {
                    let uses_loop = nodes_use_loop(&body) || orelse.as_deref().is_some_and(nodes_use_loop);
                    Node::For { target, iter, body, orelse, uses_loop }
                }
                Some(Open::While { cond, body, .. }) => Node::While { cond, body },
                Some(Open::Def { .. }) | None => {
                    return self.err(pct, format!("'% {word}' without a matching '% {keyword}'"));
                }
            };
            bd.push(node);
            return Ok(());
        }
        if matches!(keyword, "if" | "for" | "while") && bd.stack.len() >= MAX_NESTING {
            return self.err(pct, format!("blocks nested more than {MAX_NESTING} deep"));
        }
        match keyword {
            "if" | "elif" | "while" => {
                let cond = self.header_expr(pct, rest_start, te, keyword)?;
                match keyword {
                    "if" => bd.stack.push(Open::If { at, branches: vec![(cond, Vec::new())], orelse: None }),
                    "while" => bd.stack.push(Open::While { at, cond, body: Vec::new() }),
                    _ => match bd.stack.last_mut() {
                        Some(Open::If { branches, orelse: None, .. }) => branches.push((cond, Vec::new())),
                        Some(Open::If { .. }) => return self.err(pct, "'% elif' after '% else:'"),
                        Some(other) => {
                            let k = other.keyword();
                            return self.err(pct, format!("'% elif' is not allowed inside '% {k}'"));
                        }
                        None => return self.err(pct, "'% elif' without a matching '% if'"),
                    },
                }
            }
            "else" => {
                let rest = self.src.get(rest_start..te).unwrap_or("").trim();
                if !rest.starts_with(':') || !is_blank_or_comment(&rest[1..]) {
                    return self.err(pct, "expected '% else:'");
                }
                match bd.stack.last_mut() {
                    Some(Open::If { orelse, .. }) | Some(Open::For { orelse, .. }) => {
                        if orelse.is_some() {
                            return self.err(pct, "a second '% else:' in the same block");
                        }
                        *orelse = Some(Vec::new());
                    }
                    Some(other) => {
                        let k = other.keyword();
                        return self.err(pct, format!("'% else:' is not allowed inside '% {k}'"));
                    }
                    None => return self.err(pct, "'% else:' without a matching '% if' or '% for'"),
                }
            }
            "for" => {
                let header = self.header_expr(pct, rest_start, te, "for")?;
                let Some((target, iter)) = split_for(&header) else {
                    return self.err(pct, "expected '% for <target> in <expression>:'");
                };
                bd.stack.push(Open::For { at, target, iter, body: Vec::new(), orelse: None });
            }
            "break" | "continue" => {
                return self.err(pct, format!("'% {keyword}' is not supported in templates (as in Mako)"));
            }
            other => {
                return self.err(
                    pct,
                    format!(
                        "unsupported control line '% {other}' (supported: if, elif, else, endif, for, endfor, while, endwhile)"
                    ),
                );
            }
        }
        Ok(())
    }

    /// The text after a control keyword, without the final `:` (required).
    fn header_expr(&self, pct: usize, start: usize, end: usize, keyword: &str) -> Result<Snippet, ParseError> {
        let raw = self.src.get(start..end).unwrap_or("");
        let trimmed = without_comment(raw).trim_end();
        let Some(body) = trimmed.strip_suffix(':') else {
            return self.err(pct, format!("expected ':' at the end of '% {keyword}' line"));
        };
        let sn = self.snippet(start, start + body.len());
        if sn.text.is_empty() {
            return self.err(pct, format!("'% {keyword}' without an expression"));
        }
        Ok(sn)
    }

    /// `<%word attrs>` / `<%word attrs/>`. Returns false if this is not a tag (then it is
    /// a Python block, as in Mako).
    fn tag_start(&mut self, bd: &mut Builder) -> Result<bool, ParseError> {
        let b = self.b;
        let n = b.len();
        let open = self.p;
        let mut q = self.p + 2;
        let ks = q;
        while q < n && (is_word_byte(b[q]) || b[q] == b'.' || b[q] == b':') {
            q += 1;
        }
        if q == ks {
            return Ok(false);
        }
        let keyword = self.src.get(ks..q).unwrap_or("").to_string();
        // Attributes: (\s+\w+ | \s*=\s* | "…" | '…' | \s*,\s*)* \s* (/)? >
        let mut attrs: Vec<(String, String)> = Vec::new();
        let mut pending: Option<String> = None;
        let mut closed = false;
        loop {
            while q < n && b[q].is_ascii_whitespace() {
                q += 1;
            }
            if q >= n {
                return Ok(false);
            }
            match b[q] {
                b'>' => {
                    q += 1;
                    break;
                }
                b'/' if self.starts(q + 1, ">") => {
                    q += 2;
                    closed = true;
                    break;
                }
                b'=' | b',' => q += 1,
                b'"' | b'\'' => {
                    let quote = b[q];
                    let Some(i) = b[q + 1..].iter().position(|&c| c == quote) else {
                        return Ok(false);
                    };
                    let val = self.src.get(q + 1..q + 1 + i).unwrap_or("").replace("\r\n", "\n");
                    if let Some(name) = pending.take() {
                        attrs.push((name, val));
                    }
                    q += i + 2;
                }
                c if is_word_byte(c) => {
                    let s = q;
                    while q < n && is_word_byte(b[q]) {
                        q += 1;
                    }
                    pending = Some(self.src.get(s..q).unwrap_or("").to_string());
                }
                _ => return Ok(false),
            }
        }
        let at = self.pos(open);
        if keyword == "def" && bd.stack.len() >= MAX_NESTING {
            return self.err(open, format!("blocks nested more than {MAX_NESTING} deep"));
        }
        match keyword.as_str() {
            "text" => {
                if closed {
                    self.p = q;
                    return Ok(true);
                }
                let Some(i) = self.src.get(q..).and_then(|r| r.find("</%text>")) else {
                    return self.err(open, "unclosed tag <%text>");
                };
                if i == 0 {
                    // Mako's lexer cannot close an empty `<%text></%text>` either.
                    return self.err(open, "unclosed tag <%text> (an empty <%text></%text> is refused, as in Mako)");
                }
                bd.push(Node::Text(self.src.get(q..q + i).unwrap_or("").to_string()));
                self.p = q + i + "</%text>".len();
                Ok(true)
            }
            "def" => {
                let Some((_, sig)) = attrs.iter().find(|(k, _)| k == "name") else {
                    return self.err(open, "<%def> needs a name=\"f(args)\" attribute");
                };
                let sig = sig.trim();
                let name_len = sig.bytes().take_while(|&c| is_word_byte(c)).count();
                let name = sig[..name_len].to_string();
                let after_name = sig[name_len..].trim();
                let params_src = match after_name.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
                    Some(p) => p,
                    None => return self.err(open, format!("<%def name=\"{sig}\">: expected name(arguments)")),
                };
                if name.is_empty() || name.as_bytes()[0].is_ascii_digit() {
                    return self.err(open, format!("<%def name=\"{sig}\">: invalid function name"));
                }
                let params = Snippet { text: params_src.trim().to_string(), pos: at };
                if closed {
                    bd.push(Node::Def { name, params, body: Vec::new() });
                } else {
                    bd.stack.push(Open::Def { at, name, params, body: Vec::new() });
                }
                self.p = q;
                Ok(true)
            }
            other => {
                self.err(open, format!("unsupported tag <%{other}> (supported: <%text>, <%doc>, <%def>, <% code %>)"))
            }
        }
    }

    fn tag_end(&mut self, bd: &mut Builder) -> Result<(), ParseError> {
        let open = self.p;
        // </%[\t ]*([^\t ]+?)[\t ]*>
        let Some(i) = self.src.get(open..).and_then(|r| r.find('>')) else {
            return self.err(open, "unterminated closing tag '</%'");
        };
        let name = self.src.get(open + 3..open + i).unwrap_or("").trim().to_string();
        match bd.stack.last() {
            Some(Open::Def { .. }) if name == "def" => {
                if let Some(Open::Def { name, params, body, .. }) = bd.stack.pop() {
                    bd.push(Node::Def { name, params, body });
                }
            }
            Some(Open::Def { .. }) => {
                return self.err(open, format!("closing tag </%{name}> does not match tag <%def>"));
            }
            Some(other) if other.is_tag() => {
                return self.err(open, format!("closing tag </%{name}> does not match"));
            }
            _ => {
                return self.err(open, format!("closing tag </%{name}> without an opening tag"));
            }
        }
        self.p = open + i + 1;
        Ok(())
    }

    /// `<% code %>` / `<%! code %>`.
    fn python_block(&mut self, bd: &mut Builder) -> Result<(), ParseError> {
        let open = self.p;
        let mut from = self.p + 2;
        if self.starts(from, "!") {
            from += 1;
        }
        let Some((end, after, _)) = self.until(from, false, b"") else {
            return self.err(open, "'<%' without a matching '%>'");
        };
        let raw = self.src.get(from..end).unwrap_or("");
        let (code, first) = dedent(raw);
        let pos = self.pos(from + first);
        if code.trim() == "return STOP_RENDERING" {
            bd.push(Node::Stop);
        } else if !code.trim().is_empty() {
            bd.push(Node::Code(Snippet { text: code, pos }));
        }
        self.p = after;
        Ok(())
    }
}

/// `line` without a trailing Python `# comment` (a `#` outside string literals).
fn without_comment(line: &str) -> &str {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' => match string_end(b, i) {
                Some(e) => {
                    i = e;
                    continue;
                }
                None => return line,
            },
            b'#' => return &line[..i],
            _ => {}
        }
        i += 1;
    }
    line
}

/// True if the rest of a control line is empty or a Python comment.
fn is_blank_or_comment(s: &str) -> bool {
    let t = s.trim();
    t.is_empty() || t.starts_with('#')
}

/// End (exclusive) of the string literal starting at `q` (a quote), or None if unclosed.
/// Mirrors Mako's `("""|'''|"|')[^\\]*?(\\.[^\\]*?)*\1`.
fn string_end(b: &[u8], q: usize) -> Option<usize> {
    let quote = b[q];
    let triple = b.len() >= q + 3 && b[q + 1] == quote && b[q + 2] == quote;
    let (delim_len, mut i) = if triple { (3, q + 3) } else { (1, q + 1) };
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] == quote && (delim_len == 1 || (b.get(i + 1) == Some(&quote) && b.get(i + 2) == Some(&quote))) {
            return Some(i + delim_len);
        }
        i += 1;
    }
    None
}

/// Splits `b[from..to]` at commas outside brackets and strings.
fn split_top_level_commas(b: &[u8], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0i64;
    let mut start = from;
    let mut q = from;
    while q < to {
        match b[q] {
            b'"' | b'\'' => {
                if let Some(e) = string_end(b, q) {
                    q = e.min(to);
                    continue;
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                out.push((start, q));
                start = q + 1;
            }
            _ => {}
        }
        q += 1;
    }
    out.push((start, to));
    out
}

/// Splits a `for` header (`a, b in expr`) at the first top-level keyword `in`.
fn split_for(header: &Snippet) -> Option<(Snippet, Snippet)> {
    let t = header.text.as_bytes();
    let mut depth = 0i64;
    let mut q = 0;
    while q < t.len() {
        match t[q] {
            b'"' | b'\'' => {
                if let Some(e) = string_end(t, q) {
                    q = e;
                    continue;
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'i' if depth == 0
                && t.get(q + 1) == Some(&b'n')
                && q > 0
                && !is_word_byte(t[q - 1])
                && !t.get(q + 2).is_some_and(|&c| is_word_byte(c)) =>
            {
                let target_raw = &header.text[..q];
                let iter_raw = &header.text[q + 2..];
                let target = Snippet { text: target_raw.trim().to_string(), pos: header.pos };
                let iter_lead = iter_raw.len() - iter_raw.trim_start().len();
                let iter_pos = advance(header.pos, &header.text[..q + 2 + iter_lead]);
                let iter = Snippet { text: iter_raw.trim().to_string(), pos: iter_pos };
                if target.text.is_empty() || iter.text.is_empty() {
                    return None;
                }
                return Some((target, iter));
            }
            _ => {}
        }
        q += 1;
    }
    None
}

/// The position reached after `text` starting at `pos`.
fn advance(pos: Pos, text: &str) -> Pos {
    match text.rfind('\n') {
        Some(i) => {
            Pos { line: pos.line + text.matches('\n').count() as u32, col: text[i + 1..].chars().count() as u32 }
        }
        None => Pos { line: pos.line, col: pos.col + text.chars().count() as u32 },
    }
}

/// Removes the indentation of a `<% %>` block (Mako's `adjust_whitespace`, simplified):
/// the first line loses its leading blanks, later lines lose their common indentation.
/// Returns the code and the byte offset (in `raw`) of its first non-blank character.
fn dedent(raw: &str) -> (String, usize) {
    let first = raw.len() - raw.trim_start().len();
    let body = &raw[first..];
    let mut lines = body.split('\n');
    let head = lines.next().unwrap_or("");
    let rest: Vec<&str> = lines.collect();
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let mut out = String::from(head.trim_end());
    for l in rest {
        out.push('\n');
        if l.trim().is_empty() {
            continue;
        }
        out.push_str(l.get(indent..).unwrap_or(l.trim_start()).trim_end());
    }
    let mut out = out.trim_end().to_string();
    out.push('\n');
    (out, first)
}

/// True if a `loop.` reference appears in the nodes (Mako then provides a loop context).
fn nodes_use_loop(nodes: &[Node]) -> bool {
    fn mentions(s: &str) -> bool {
        let b = s.as_bytes();
        let mut from = 0;
        while let Some(i) = s[from..].find("loop") {
            let at = from + i;
            let before_ok = at == 0 || !(is_word_byte(b[at - 1]) || b[at - 1] == b'.');
            let after_ok = !b.get(at + 4).is_some_and(|&c| is_word_byte(c));
            if before_ok && after_ok {
                return true;
            }
            from = at + 4;
        }
        false
    }
    nodes.iter().any(|n| match n {
        Node::Text(_) | Node::Stop => false,
        Node::Expr { code, filters } => mentions(&code.text) || filters.iter().any(|f| mentions(&f.text)),
        Node::If { branches, orelse } => {
            branches.iter().any(|(c, b)| mentions(&c.text) || nodes_use_loop(b))
                || orelse.as_deref().is_some_and(nodes_use_loop)
        }
        // An inner loop has its own `loop`; only its iterable belongs to this one.
        Node::For { iter, .. } => mentions(&iter.text),
        Node::While { cond, body } => mentions(&cond.text) || nodes_use_loop(body),
        Node::Code(c) => mentions(&c.text),
        Node::Def { .. } => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Node {
        Node::Text(s.to_string())
    }

    fn sn(text: &str, line: u32, col: u32) -> Snippet {
        Snippet { text: text.to_string(), pos: Pos { line, col } }
    }

    fn expr(code: &str, line: u32, col: u32) -> Node {
        Node::Expr { code: sn(code, line, col), filters: vec![] }
    }

    fn p(src: &str) -> Vec<Node> {
        match parse(src) {
            Ok(n) => n,
            Err(e) => panic!("parse failed: {e:?}"),
        }
    }

    fn perr(src: &str) -> ParseError {
        match parse(src) {
            Ok(n) => panic!("expected an error, got {n:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn detection_follows_docassemble() {
        assert!(looks_like_template("Hello ${ name }"));
        assert!(looks_like_template("x\n% if a:\n"));
        assert!(looks_like_template("## Heading"));
        assert!(looks_like_template("<%text>x</%text>"));
        assert!(!looks_like_template("100% sure, {braces} and $5"));
        assert!(!looks_like_template("%if x:\n"));
    }

    #[test]
    fn plain_text_is_one_node() {
        assert_eq!(p("Hello world\nline two\n"), vec![t("Hello world\nline two\n")]);
        assert_eq!(p(""), Vec::<Node>::new());
    }

    #[test]
    fn expressions_with_positions() {
        assert_eq!(p("Hi ${ name }!\nBye ${x}"), vec![t("Hi "), expr("name", 0, 6), t("!\nBye "), expr("x", 1, 6)]);
    }

    #[test]
    fn expression_end_respects_strings_and_brackets() {
        assert_eq!(p("${ {'a': '}'}['a'] }"), vec![expr("{'a': '}'}['a']", 0, 3)]);
        assert_eq!(p("${ re.sub(r' (the|a) ', ' X ', s) }"), vec![expr("re.sub(r' (the|a) ', ' X ', s)", 0, 3)]);
        assert_eq!(p(r#"${ "a\"}" }"#), vec![expr(r#""a\"}""#, 0, 3)]);
        assert_eq!(p("${ '''}''' }"), vec![expr("'''}'''", 0, 3)]);
        assert_eq!(p("${ x # a } comment\n }"), vec![expr("x # a } comment", 0, 3)]);
        assert_eq!(p("${ [a for a in {1: 2}] }"), vec![expr("[a for a in {1: 2}]", 0, 3)]);
    }

    #[test]
    fn filters() {
        assert_eq!(
            p("${ x | h }${ y | trim, u }${ z | f(1, 2) }"),
            vec![
                Node::Expr { code: sn("x", 0, 3), filters: vec![sn("h", 0, 7)] },
                Node::Expr { code: sn("y", 0, 13), filters: vec![sn("trim", 0, 17), sn("u", 0, 23)] },
                Node::Expr { code: sn("z", 0, 29), filters: vec![sn("f(1, 2)", 0, 33)] },
            ]
        );
        // `|` inside brackets is an operator, not a filter separator.
        assert_eq!(p("${ (a | b) }"), vec![expr("(a | b)", 0, 3)]);
    }

    #[test]
    fn multiline_expression() {
        assert_eq!(p("a\n${\n  x +\n  y\n}b"), vec![t("a\n"), expr("x +\n  y", 2, 2), t("b")]);
    }

    #[test]
    fn unclosed_expression_is_an_error() {
        let e = perr("line\nab ${ x");
        assert_eq!(e.pos, Pos { line: 1, col: 3 });
        assert_eq!(p("a ${ } b"), vec![t("a  b")]);
    }

    #[test]
    fn if_elif_else() {
        let n = p("A\n% if x:\nB\n% elif y == 2:\nC\n% else:\nD\n% endif\nE\n");
        assert_eq!(
            n,
            vec![
                t("A\n"),
                Node::If {
                    branches: vec![(sn("x", 1, 5), vec![t("B\n")]), (sn("y == 2", 3, 7), vec![t("C\n")])],
                    orelse: Some(vec![t("D\n")]),
                },
                t("E\n"),
            ]
        );
    }

    #[test]
    fn indented_control_lines_and_trailing_blanks() {
        let n = p("   % if x:  \n  in\n   %   endif  \nout");
        assert_eq!(n, vec![Node::If { branches: vec![(sn("x", 0, 8), vec![t("  in\n")])], orelse: None }, t("out")]);
    }

    #[test]
    fn control_line_at_end_without_newline() {
        let n = p("% if x:\nyes\n% endif");
        assert_eq!(n, vec![Node::If { branches: vec![(sn("x", 0, 5), vec![t("yes\n")])], orelse: None }]);
    }

    #[test]
    fn for_loops() {
        let n = p("% for key, val in d.items():\n${key}=${val}\n% else:\nnone\n% endfor\n");
        assert_eq!(
            n,
            vec![Node::For {
                target: sn("key, val", 0, 6),
                iter: sn("d.items()", 0, 18),
                body: vec![expr("key", 1, 2), t("="), expr("val", 1, 9), t("\n")],
                orelse: Some(vec![t("none\n")]),
                uses_loop: false,
            }]
        );
        let n = p("% for x in [y for y in z if y in w]:\n${ loop.index }\n% endfor");
        match &n[0] {
            Node::For { target, iter, uses_loop, .. } => {
                assert_eq!(target.text, "x");
                assert_eq!(iter.text, "[y for y in z if y in w]");
                assert!(uses_loop);
            }
            other => panic!("{other:?}"),
        }
        let n = p("% for index in indexes:\n${ loops }\n% endfor");
        match &n[0] {
            Node::For { target, iter, uses_loop, .. } => {
                assert_eq!((target.text.as_str(), iter.text.as_str()), ("index", "indexes"));
                assert!(!uses_loop);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn control_lines_may_end_with_a_comment() {
        let n = p("% if x == '#':  # a comment\ny\n% endif\n");
        assert_eq!(n, vec![Node::If { branches: vec![(sn("x == '#'", 0, 5), vec![t("y\n")])], orelse: None }]);
    }

    #[test]
    fn while_loop() {
        let n = p("% while n < 3:\nx\n% endwhile\n");
        assert_eq!(n, vec![Node::While { cond: sn("n < 3", 0, 8), body: vec![t("x\n")] }]);
    }

    #[test]
    fn nesting() {
        let n = p("% for a in b:\n% if a:\n${a}\n% endif\n% endfor\n");
        assert_eq!(
            n,
            vec![Node::For {
                target: sn("a", 0, 6),
                iter: sn("b", 0, 11),
                body: vec![Node::If { branches: vec![(sn("a", 1, 5), vec![expr("a", 2, 2), t("\n")])], orelse: None }],
                orelse: None,
                uses_loop: false,
            }]
        );
    }

    #[test]
    fn unbalanced_blocks_are_errors_with_lines() {
        let e = perr("a\nb\n% if x:\nc\n");
        assert_eq!(e.pos.line, 2);
        assert!(e.message.contains("unterminated"), "{}", e.message);
        let e = perr("a\n% endif\n");
        assert_eq!(e.pos.line, 1);
        let e = perr("% for a in b:\n% endif\n");
        assert_eq!(e.pos.line, 1);
        assert!(e.message.contains("does not match"));
        assert!(perr("% else:\n").message.contains("without"));
        assert!(perr("% while x:\n% else:\n% endwhile").message.contains("not allowed"));
        assert!(perr("% if x:\n% else:\n% elif y:\n% endif").message.contains("after"));
        assert!(perr("% if x\n% endif").message.contains("':'"));
        assert!(perr("% for x:\n% endfor").message.contains("for"));
        assert!(perr("% try:\n% endtry").message.contains("unsupported"));
        assert!(perr("% for x in y:\n% break\n% endfor").message.contains("break"));
        assert!(perr("% 50 off\n").message.contains("unsupported"));
        assert!(perr("% (x)\n").message.contains("invalid"));
    }

    #[test]
    fn double_hash_is_text_not_a_comment() {
        // docassemble's Mako fork: `##` lines are Markdown headings.
        assert_eq!(p("## Heading\n#### ${x}\n"), vec![t("## Heading\n#### "), expr("x", 1, 7), t("\n")]);
    }

    #[test]
    fn percent_escapes() {
        assert_eq!(p("%% literal\n  %%% two\n50%% off\n"), vec![t("% literal\n  %% two\n50%% off\n")]);
        assert_eq!(p("a 100% b\n"), vec![t("a 100% b\n")]);
    }

    #[test]
    fn backslash_newline_joins_lines() {
        assert_eq!(p("a \\\nb\\\r\nc\n"), vec![t("a bc\n")]);
        let n = p("You are ${ a } \\\n% if b:\nat ${ c } \\\n% endif\nfrom\n");
        assert_eq!(
            n,
            vec![
                t("You are "),
                expr("a", 0, 11),
                t(" "),
                Node::If { branches: vec![(sn("b", 1, 5), vec![t("at "), expr("c", 2, 6), t(" ")])], orelse: None },
                t("from\n"),
            ]
        );
    }

    #[test]
    fn lone_carriage_return_follows_makos_quirk() {
        // Mako skips the first character of a `%` line that ends in a lone '\r'.
        assert_eq!(p("a\n% endif\rx"), vec![t("a\n endif\rx")]);
        assert_eq!(p("a\n  % if\r"), vec![t("a\n % if\r")]);
        // … but not at the very start of the text.
        assert_eq!(p("%\r#"), vec![t("%\r#")]);
        assert_eq!(p("\r%% p"), vec![t("\r% p")]);
    }

    #[test]
    fn control_line_continuation() {
        let n = p("% if a and \\\n  b:\nx\n% endif\n");
        assert_eq!(n, vec![Node::If { branches: vec![(sn("a and \\\n  b", 0, 5), vec![t("x\n")])], orelse: None }]);
    }

    #[test]
    fn text_and_doc_tags() {
        assert_eq!(p("<%text>${ not } % if\n% x</%text>\n"), vec![t("${ not } % if\n% x\n")]);
        assert_eq!(p("a<%doc>\ngone ${x}\n</%doc>\nafter"), vec![t("a\nafter")]);
        assert!(perr("<%text> never closed").message.contains("unclosed"));
        assert!(perr("<%text></%text>").message.contains("unclosed"));
        assert!(perr("<%block name='x'>y</%block>").message.contains("unsupported tag"));
        assert!(perr("x</%def>").message.contains("without an opening"));
    }

    #[test]
    fn python_blocks() {
        let n = p("<%\n  a = 2\n  b = 3\n%>\nThe answer is ${ a + b }.");
        assert_eq!(
            n,
            vec![Node::Code(sn("a = 2\nb = 3\n", 1, 2)), t("\nThe answer is "), expr("a + b", 4, 17), t(".")]
        );
        let n = p("<% x = '%>' %>y");
        assert_eq!(n, vec![Node::Code(sn("x = '%>'\n", 0, 3)), t("y")]);
        assert_eq!(p("a\n<% return STOP_RENDERING %>\nb"), vec![t("a\n"), Node::Stop, t("\nb")]);
        assert!(perr("50 <% off").message.contains("%>"));
        // `<%` followed by a word that is not a well-formed tag is a Python block.
        assert_eq!(p("<%a=1%>"), vec![Node::Code(sn("a=1\n", 0, 2))]);
    }

    #[test]
    fn defs() {
        let n = p("<%def name=\"explain(fruit)\">\n${ fruit } are good.\n</%def>\nX");
        assert_eq!(
            n,
            vec![
                Node::Def {
                    name: "explain".into(),
                    params: sn("fruit", 0, 0),
                    body: vec![t("\n"), expr("fruit", 1, 3), t(" are good.\n")],
                },
                t("\nX"),
            ]
        );
        assert!(perr("<%def name=\"f(x)\">never closed").message.contains("unclosed"));
    }

    #[test]
    fn non_ascii_columns_are_in_characters() {
        assert_eq!(p("é ${x}"), vec![t("é "), expr("x", 0, 4)]);
    }

    #[test]
    fn nesting_is_limited() {
        let deep = "% if x:\n".repeat(MAX_NESTING) + &"% endif\n".repeat(MAX_NESTING);
        assert!(parse(&deep).is_ok());
        let deeper = "% if x:\n".repeat(MAX_NESTING + 1) + &"% endif\n".repeat(MAX_NESTING + 1);
        assert!(perr(&deeper).message.contains("nested"));
        assert!(perr(&"% for a in b:\n".repeat(100_000)).message.contains("nested"));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "${",
            "$",
            "<%",
            "</%",
            "<%def",
            "<%text",
            "%",
            "% ",
            "%\n",
            "\\",
            "\\\r",
            "'",
            "${'}",
            "${\"\"\"}",
            "<%def name='",
            "% for in x:\n% endfor",
            "% endend",
            "<%doc>",
            "${x|",
            "${x|}",
            "\r\n% if x:\r\n% endif\r\n",
            "é%",
            "<%é>",
            "% if é:\n% endif",
        ] {
            let _ = parse(s);
        }
    }
}
