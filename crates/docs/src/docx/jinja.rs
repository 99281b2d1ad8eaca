//! A Jinja tokenizer for patched DOCX sources: it splits a source into text, `{{ }}`, `{% %}`
//! and `{# #}` tokens (with `-`/`+` whitespace control and `{% raw %}`), and lists the free
//! names of a template the way `jinja2.meta.find_undeclared_variables` does for the
//! templates docassemble authors write. It does not evaluate anything.

use std::collections::BTreeSet;

/// One piece of a Jinja source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// Literal text (XML, for a DOCX part).
    Text(String),
    /// The inside of `{{ … }}`, trimmed.
    Expr(String),
    /// The inside of `{% … %}`, trimmed.
    Stmt(String),
    /// A `{# … #}` comment.
    Comment,
}

/// A tag that never ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanError {
    /// Byte offset of the tag's start.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// Splits `source` into tokens. Whitespace control (`{%-`, `-%}`, `{{-`, `-}}`) trims the
/// neighbouring text as Jinja does; `{% raw %}…{% endraw %}` is kept as text.
pub fn scan(source: &str) -> Result<Vec<Token>, ScanError> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    let mut trim_next = false;
    while pos < source.len() {
        let Some(found) = next_open(source, pos) else {
            push_text(&mut tokens, &source[pos..], trim_next, false);
            break;
        };
        let (kind, close) = match &source[found..found + 2] {
            "{{" => ('e', "}}"),
            "{%" => ('s', "%}"),
            _ => ('c', "#}"),
        };
        let inner_start = found + 2;
        let trim_before = source[inner_start..].starts_with('-');
        push_text(&mut tokens, &source[pos..found], trim_next, trim_before);
        let end = if kind == 'c' {
            source[inner_start..].find(close).map(|at| inner_start + at)
        } else {
            find_close(source, inner_start, close)
        };
        let Some(end) = end else {
            return Err(ScanError { offset: found, message: format!("a tag opened here never ends with {close}") });
        };
        let mut inner = &source[inner_start..end];
        inner = inner.strip_prefix(['-', '+']).unwrap_or(inner);
        trim_next = inner.ends_with('-');
        inner = inner.strip_suffix(['-', '+']).unwrap_or(inner);
        let inner = inner.trim();
        pos = end + 2;
        match kind {
            'e' => tokens.push(Token::Expr(inner.to_string())),
            'c' => tokens.push(Token::Comment),
            _ if inner == "raw" => {
                let Some(stop) = find_endraw(source, pos) else {
                    return Err(ScanError { offset: found, message: "{% raw %} without {% endraw %}".to_string() });
                };
                push_text(&mut tokens, &source[pos..stop.0], trim_next, false);
                pos = stop.1;
                trim_next = false;
            }
            _ => tokens.push(Token::Stmt(inner.to_string())),
        }
    }
    Ok(tokens)
}

fn next_open(source: &str, from: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut at = from;
    while let Some(offset) = source[at..].find('{') {
        let index = at + offset;
        if matches!(bytes.get(index + 1), Some(b'{' | b'%' | b'#')) {
            return Some(index);
        }
        at = index + 1;
    }
    None
}

/// The end of an expression or statement tag: the first `close` outside a string literal.
fn find_close(source: &str, from: usize, close: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut index = from;
    let mut quote: Option<u8> = None;
    while index < bytes.len() {
        let byte = bytes[index];
        match quote {
            Some(_) if byte == b'\\' => index += 1,
            Some(q) if byte == q => quote = None,
            Some(_) => {}
            None if byte == b'\'' || byte == b'"' => quote = Some(byte),
            None if source[index..].starts_with(close) => return Some(index),
            None => {}
        }
        index += 1;
    }
    None
}

fn find_endraw(source: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(offset) = source[at..].find("{%") {
        let start = at + offset;
        let end = source[start..].find("%}").map(|e| start + e)?;
        let inner = source[start + 2..end].trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
        if inner == "endraw" {
            return Some((start, end + 2));
        }
        at = end + 2;
    }
    None
}

fn push_text(tokens: &mut Vec<Token>, text: &str, trim_start: bool, trim_end: bool) {
    let mut text = text;
    if trim_start {
        text = text.trim_start();
    }
    if trim_end {
        text = text.trim_end();
    }
    if !text.is_empty() {
        tokens.push(Token::Text(text.to_string()));
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Lexeme {
    Name(String),
    Literal,
    Op(String),
}

/// Splits an expression into names, literals and operators.
fn lex(expr: &str) -> Vec<Lexeme> {
    let chars: Vec<char> = expr.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '\'' || c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != c {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push(Lexeme::Literal);
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '.' || chars[i] == '_') {
                i += 1;
            }
            out.push(Lexeme::Literal);
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Lexeme::Name(chars[start..i].iter().collect()));
        } else {
            let two: String = chars[i..chars.len().min(i + 2)].iter().collect();
            if matches!(two.as_str(), "==" | "!=" | "<=" | ">=" | "**" | "//") {
                out.push(Lexeme::Op(two));
                i += 2;
            } else {
                out.push(Lexeme::Op(c.to_string()));
                i += 1;
            }
        }
    }
    out
}

const KEYWORDS: &[&str] = &[
    "and", "or", "not", "in", "is", "if", "else", "true", "false", "none", "True", "False", "None",
    "recursive",
];

/// Jinja's global names and the `loop` variable of a `for`.
const BUILTINS: &[&str] = &["range", "lipsum", "dict", "cycler", "joiner", "namespace", "loop", "caller", "varargs", "kwargs"];

/// The names an expression reads: not attributes, filter or test names, keyword-argument
/// names, keywords or literals.
fn expression_names(lexemes: &[Lexeme]) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0usize;
    for (index, lexeme) in lexemes.iter().enumerate() {
        match lexeme {
            Lexeme::Op(op) if op == "(" || op == "[" || op == "{" => depth += 1,
            Lexeme::Op(op) if op == ")" || op == "]" || op == "}" => depth = depth.saturating_sub(1),
            Lexeme::Name(name) => {
                let previous = index.checked_sub(1).and_then(|p| lexemes.get(p));
                let after_dot = matches!(previous, Some(Lexeme::Op(op)) if op == "." || op == "|");
                let after_is = matches!(previous, Some(Lexeme::Name(n)) if n == "is")
                    || (matches!(previous, Some(Lexeme::Name(n)) if n == "not")
                        && matches!(index.checked_sub(2).and_then(|p| lexemes.get(p)), Some(Lexeme::Name(n)) if n == "is"));
                let keyword_arg = depth > 0 && matches!(lexemes.get(index + 1), Some(Lexeme::Op(op)) if op == "=");
                if !(after_dot || after_is || keyword_arg || KEYWORDS.contains(&name.as_str())) {
                    names.push(name.clone());
                }
            }
            _ => {}
        }
    }
    names
}

/// Names bound by a target list (`a`, `a, b`, `(a, b)`).
fn target_names(lexemes: &[Lexeme]) -> Vec<String> {
    lexemes
        .iter()
        .filter_map(|lexeme| match lexeme {
            Lexeme::Name(name) => Some(name.clone()),
            _ => None,
        })
        .collect()
}

struct Scopes {
    stack: Vec<BTreeSet<String>>,
    free: BTreeSet<String>,
}

impl Scopes {
    fn bound(&self, name: &str) -> bool {
        BUILTINS.contains(&name) || self.stack.iter().any(|scope| scope.contains(name))
    }
    fn read(&mut self, names: Vec<String>) {
        for name in names {
            if !self.bound(&name) {
                self.free.insert(name);
            }
        }
    }
    fn bind(&mut self, names: Vec<String>) {
        if let Some(scope) = self.stack.last_mut() {
            scope.extend(names);
        }
    }
    fn push(&mut self, names: Vec<String>) {
        self.stack.push(names.into_iter().collect());
    }
    fn pop(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }
}

/// The names `source` reads before (or without) defining them, sorted. A source that does
/// not scan yields no names (the renderer reports the error).
pub fn free_names(source: &str) -> Vec<String> {
    let tokens = scan(source).unwrap_or_default();
    let mut scopes = Scopes { stack: vec![BTreeSet::new()], free: BTreeSet::new() };
    for token in tokens {
        match token {
            Token::Expr(expr) => scopes.read(expression_names(&lex(&expr))),
            Token::Stmt(stmt) => statement(&mut scopes, &lex(&stmt)),
            Token::Text(_) | Token::Comment => {}
        }
    }
    scopes.free.into_iter().collect()
}

fn statement(scopes: &mut Scopes, lexemes: &[Lexeme]) {
    let Some(Lexeme::Name(head)) = lexemes.first() else { return };
    let rest = &lexemes[1..];
    match head.as_str() {
        "for" => {
            let split = rest.iter().position(|l| *l == Lexeme::Name("in".to_string())).unwrap_or(rest.len());
            let targets = target_names(&rest[..split]);
            let tail = rest.get(split + 1..).unwrap_or(&[]);
            let cond = tail.iter().position(|l| *l == Lexeme::Name("if".to_string()));
            scopes.read(expression_names(&tail[..cond.unwrap_or(tail.len())]));
            scopes.push(targets);
            if let Some(cond) = cond {
                scopes.read(expression_names(&tail[cond + 1..]));
            }
        }
        "endfor" | "endmacro" | "endwith" | "endcall" | "endfilter" => scopes.pop(),
        "if" | "elif" | "do" | "filter" => scopes.read(expression_names(rest)),
        "set" => {
            let split = rest.iter().position(|l| *l == Lexeme::Op("=".to_string()));
            match split {
                Some(split) => {
                    scopes.read(expression_names(&rest[split + 1..]));
                    let targets = target_names(&rest[..split]);
                    scopes.bind(targets);
                }
                None => {
                    let targets = target_names(rest);
                    scopes.bind(targets);
                }
            }
        }
        "macro" => {
            let name = target_names(&rest[..rest.len().min(1)]);
            scopes.bind(name);
            let mut params = Vec::new();
            let mut defaults = Vec::new();
            let mut depth = 0usize;
            let mut in_default = false;
            for lexeme in rest.iter().skip(1) {
                match lexeme {
                    Lexeme::Op(op) if op == "(" => depth += 1,
                    Lexeme::Op(op) if op == ")" => depth = depth.saturating_sub(1),
                    Lexeme::Op(op) if op == "," && depth == 1 => in_default = false,
                    Lexeme::Op(op) if op == "=" && depth == 1 => in_default = true,
                    Lexeme::Name(name) if depth == 1 && !in_default => params.push(name.clone()),
                    other if in_default => defaults.push(other.clone()),
                    _ => {}
                }
            }
            scopes.read(expression_names(&defaults));
            scopes.push(params);
        }
        "call" | "with" => {
            scopes.read(expression_names(rest));
            scopes.push(Vec::new());
        }
        "import" | "from" | "include" | "extends" => {}
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_tags_with_whitespace_control_and_strings() {
        let tokens = scan("a {{ x }} b {%- if y %}  c  {% endif -%} d {# note #}{{ '}}' }}").unwrap_or_default();
        assert_eq!(
            tokens,
            vec![
                Token::Text("a ".into()),
                Token::Expr("x".into()),
                Token::Text(" b".into()),
                Token::Stmt("if y".into()),
                Token::Text("  c  ".into()),
                Token::Stmt("endif".into()),
                Token::Text("d ".into()),
                Token::Comment,
                Token::Expr("'}}'".into()),
            ]
        );
        assert!(scan("{{ x ").is_err());
    }

    #[test]
    fn free_names_follow_jinja_scoping() {
        let source = "{% for k, v in fruits.items() %}{{ k | upper }}{{ v.cost | currency(decimals=False) }}{{ loop.index }}{% endfor %}\
            {% set total = prices | sum %}{{ total }}{% if x is defined and y is not none %}{{ person.pronoun('a', capitalize=True) }}{% endif %}\
            {% macro show(item, sep=default_sep) %}{{ item }}{{ other }}{% endmacro %}{{ show(z) }}{{ k }}";
        assert_eq!(
            free_names(source),
            vec!["default_sep", "fruits", "k", "other", "person", "prices", "x", "y", "z"]
        );
    }
}
