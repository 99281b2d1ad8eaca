//! The Jinja front end (for DOCX templates): Jinja source → the same [`Node`] tree the Mako
//! parser makes, so Jinja templates compile and render with the template machinery of this
//! module and an undefined name is the evaluator's usual `Undefined(path)`.
//!
//! Covered: `{{ }}`, `{% %}`, `{# #}`, `-` whitespace control, `{% raw %}`; `if/elif/else`,
//! `for … in … [if …]` with `else`, `set`, `macro` (called as `{{ m(…) }}`). Expressions are
//! rewritten into Python: filters `a | f(x)` (Jinja's built-ins mapped onto Python, any other
//! name called as `f(a, x)`, as docassemble's filters are functions), tests `a is defined`
//! (docassemble's `defined('a')`), `none`, `number`, `string`, `even`, `odd`,
//! `divisibleby(n)`, `sameas(x)`; `~` concatenation; `true`/`false`/`none`; and Jinja's
//! 1-based `loop.index`, `loop.index0`, `loop.revindex(0)`, `loop.length` onto Mako's
//! 0-based loop context. Not covered (a syntax error says so): `call`, `filter`, `with`,
//! `include`, `import`, `extends`, `block`; the attribute/item fallback of docassemble's
//! Jinja environment is not applied.

use super::parse::{Node, ParseError, Pos, Snippet};

/// One lexed piece of a Jinja source.
enum Piece {
    Text(String),
    Expr(Snippet),
    Stmt(Snippet),
}

fn pos_at(src: &str, offset: usize) -> Pos {
    let before = &src[..offset];
    let line = before.matches('\n').count() as u32;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32;
    Pos { line, col }
}

fn err(src: &str, offset: usize, message: impl Into<String>) -> ParseError {
    ParseError { pos: pos_at(src, offset), message: message.into() }
}

/// The end of a tag's inside: the first `close` outside string literals.
fn find_close(src: &str, from: usize, close: &str) -> Option<usize> {
    let b = src.as_bytes();
    let mut i = from;
    let mut quote: Option<u8> = None;
    while i < b.len() {
        match quote {
            Some(_) if b[i] == b'\\' => i += 1,
            Some(q) if b[i] == q => quote = None,
            Some(_) => {}
            None if b[i] == b'\'' || b[i] == b'"' => quote = Some(b[i]),
            None if src[i..].starts_with(close) => return Some(i),
            None => {}
        }
        i += 1;
    }
    None
}

fn lex(src: &str) -> Result<Vec<Piece>, ParseError> {
    let mut pieces = Vec::new();
    let mut pos = 0;
    let mut trim_next = false;
    let push_text = |pieces: &mut Vec<Piece>, text: &str, trim_start: bool, trim_end: bool| {
        let mut t = text;
        if trim_start {
            t = t.trim_start();
        }
        if trim_end {
            t = t.trim_end();
        }
        if !t.is_empty() {
            pieces.push(Piece::Text(t.to_string()));
        }
    };
    while pos < src.len() {
        let next = src[pos..].match_indices('{').map(|(i, _)| pos + i).find(|&i| {
            matches!(src.as_bytes().get(i + 1), Some(b'{' | b'%' | b'#'))
        });
        let Some(start) = next else {
            push_text(&mut pieces, &src[pos..], trim_next, false);
            break;
        };
        let kind = src.as_bytes()[start + 1];
        let close = match kind {
            b'{' => "}}",
            b'%' => "%}",
            _ => "#}",
        };
        let inner_start = start + 2;
        let trim_before = src[inner_start..].starts_with('-');
        push_text(&mut pieces, &src[pos..start], trim_next, trim_before);
        let end = if kind == b'#' {
            src[inner_start..].find(close).map(|i| inner_start + i)
        } else {
            find_close(src, inner_start, close)
        };
        let Some(end) = end else {
            return Err(err(src, start, format!("this tag never ends with {close}")));
        };
        let mut inner = &src[inner_start..end];
        let mut inner_offset = inner_start;
        if let Some(rest) = inner.strip_prefix(['-', '+']) {
            inner = rest;
            inner_offset += 1;
        }
        trim_next = inner.ends_with('-');
        inner = inner.strip_suffix(['-', '+']).unwrap_or(inner);
        let lead = inner.len() - inner.trim_start().len();
        let snippet = Snippet { text: inner.trim().to_string(), pos: pos_at(src, inner_offset + lead) };
        pos = end + 2;
        match kind {
            b'{' => pieces.push(Piece::Expr(snippet)),
            b'#' => {}
            _ if snippet.text == "raw" => {
                let mut at = pos;
                let stop = loop {
                    let Some(i) = src[at..].find("{%") else {
                        return Err(err(src, start, "{% raw %} without {% endraw %}"));
                    };
                    let open = at + i;
                    let Some(close_at) = src[open..].find("%}").map(|c| open + c) else {
                        return Err(err(src, open, "this tag never ends with %}"));
                    };
                    let word = src[open + 2..close_at].trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
                    if word == "endraw" {
                        break (open, close_at + 2);
                    }
                    at = close_at + 2;
                };
                push_text(&mut pieces, &src[pos..stop.0], trim_next, false);
                pos = stop.1;
                trim_next = false;
            }
            _ => pieces.push(Piece::Stmt(snippet)),
        }
    }
    Ok(pieces)
}

/// What an open block is waiting for.
enum Frame {
    Root,
    If { branches: Vec<(Snippet, Vec<Node>)>, cond: Snippet, orelse: Option<Vec<Node>> },
    For { target: Snippet, iter: Snippet, body: Vec<Node>, orelse: Option<Vec<Node>> },
    Macro { name: String, params: Snippet },
}

/// Parses a Jinja source into the template tree.
pub fn parse(src: &str) -> Result<Vec<Node>, ParseError> {
    let mut stack: Vec<(Frame, Vec<Node>)> = vec![(Frame::Root, Vec::new())];
    let mut counter = 0usize;
    for piece in lex(src)? {
        match piece {
            Piece::Text(t) => current(&mut stack).push(Node::Text(t)),
            Piece::Expr(s) => {
                let code = rewrite(&s, &mut counter)?;
                current(&mut stack).push(Node::Expr { code, filters: Vec::new() });
            }
            Piece::Stmt(s) => statement(src, &mut stack, s, &mut counter)?,
        }
    }
    if stack.len() > 1 {
        return Err(err(src, src.len(), "the template ends inside a block (a missing end tag)"));
    }
    Ok(stack.pop().map(|(_, nodes)| nodes).unwrap_or_default())
}

fn current(stack: &mut [(Frame, Vec<Node>)]) -> &mut Vec<Node> {
    // The stack always holds the root frame.
    let last = stack.len() - 1;
    &mut stack[last].1
}

fn sub(s: &Snippet, text: &str) -> Snippet {
    Snippet { text: text.trim().to_string(), pos: s.pos }
}

fn statement(src: &str, stack: &mut Vec<(Frame, Vec<Node>)>, s: Snippet, counter: &mut usize) -> Result<(), ParseError> {
    let text = s.text.clone();
    let (head, rest) = match text.find(|c: char| c.is_whitespace() || c == '(') {
        Some(i) => (&text[..i], text[i..].trim()),
        None => (text.as_str(), ""),
    };
    let bad = |message: String| ParseError { pos: s.pos, message };
    match head {
        "if" => {
            let cond = rewrite(&sub(&s, rest), counter)?;
            stack.push((Frame::If { branches: Vec::new(), cond, orelse: None }, Vec::new()));
        }
        "elif" | "else" => {
            let Some((frame, body)) = stack.pop() else { return Err(bad(format!("{{% {head} %}} outside a block"))) };
            match frame {
                Frame::If { mut branches, cond, orelse: None } => {
                    branches.push((cond.clone(), body));
                    if head == "elif" {
                        let cond = rewrite(&sub(&s, rest), counter)?;
                        stack.push((Frame::If { branches, cond, orelse: None }, Vec::new()));
                    } else {
                        stack.push((Frame::If { branches, cond, orelse: Some(Vec::new()) }, Vec::new()));
                    }
                }
                Frame::For { target, iter, orelse: None, .. } if head == "else" => {
                    stack.push((Frame::For { target, iter, body, orelse: Some(Vec::new()) }, Vec::new()));
                }
                _ => return Err(bad(format!("{{% {head} %}} without a matching {{% if %}}"))),
            }
        }
        "endif" => match stack.pop() {
            Some((Frame::If { mut branches, cond, orelse }, body)) => {
                let orelse = match orelse {
                    Some(_) => Some(body),
                    None => {
                        branches.push((cond, body));
                        None
                    }
                };
                current(stack).push(Node::If { branches, orelse });
            }
            _ => return Err(bad("{% endif %} without a matching {% if %}".into())),
        },
        "for" => {
            let Some(in_at) = find_word(rest, "in") else {
                return Err(bad(format!("'for {rest}': expected 'for target in iterable'")));
            };
            let target = rest[..in_at].trim();
            let mut iter = rest[in_at + 2..].trim();
            if let Some(stripped) = iter.strip_suffix("recursive") {
                if stripped.ends_with(char::is_whitespace) {
                    return Err(bad("recursive loops are not supported".into()));
                }
            }
            let filter = find_word(iter, "if").map(|at| {
                let cond = iter[at + 2..].trim().to_string();
                iter = iter[..at].trim();
                cond
            });
            let iter_snippet = rewrite(&sub(&s, iter), counter)?;
            let iter_text = match filter {
                Some(cond) => {
                    let cond = rewrite(&sub(&s, &cond), counter)?;
                    format!("[({target}) for {target} in {} if {}]", iter_snippet.text, cond.text)
                }
                None => iter_snippet.text,
            };
            stack.push((
                Frame::For { target: sub(&s, target), iter: sub(&s, &iter_text), body: Vec::new(), orelse: None },
                Vec::new(),
            ));
        }
        "endfor" => match stack.pop() {
            Some((Frame::For { target, iter, orelse: None, .. }, last)) => {
                current(stack).push(Node::For { target, iter, body: last, orelse: None, uses_loop: true });
            }
            Some((Frame::For { target, iter, body, orelse: Some(_) }, last)) => {
                // Jinja's `else` runs only when there was nothing to iterate (Python's runs
                // after every loop without `break`): iterate a list bound once, under an `if`.
                *counter += 1;
                let items = format!("__jinja_items{}", *counter);
                let nodes = current(stack);
                nodes.push(Node::Code(sub(&iter, &format!("{items} = list({})", iter.text))));
                let looped = Node::For { target, iter: sub(&iter, &items), body, orelse: None, uses_loop: true };
                nodes.push(Node::If { branches: vec![(sub(&iter, &items), vec![looped])], orelse: Some(last) });
            }
            _ => return Err(bad("{% endfor %} without a matching {% for %}".into())),
        },
        "set" => {
            let Some(eq) = find_assign(rest) else { return Err(bad("block {% set %} is not supported".into())) };
            let value = rewrite(&sub(&s, &rest[eq + 1..]), counter)?;
            let code = format!("{} = {}", rest[..eq].trim(), value.text);
            current(stack).push(Node::Code(sub(&s, &code)));
        }
        "macro" => {
            let (name, params) = match rest.find('(') {
                Some(open) if rest.ends_with(')') => (rest[..open].trim(), &rest[open + 1..rest.len() - 1]),
                _ => (rest, ""),
            };
            stack.push((Frame::Macro { name: name.to_string(), params: sub(&s, params) }, Vec::new()));
        }
        "endmacro" => match stack.pop() {
            Some((Frame::Macro { name, params }, body)) => current(stack).push(Node::Def { name, params, body }),
            _ => return Err(bad("{% endmacro %} without a matching {% macro %}".into())),
        },
        other => {
            let _ = src;
            return Err(bad(format!("the Jinja statement '{other}' is not supported")));
        }
    }
    Ok(())
}

/// The byte offset of `word` as a whole word outside strings and brackets.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let tokens = tokenize(text);
    let mut depth = 0i32;
    for token in tokens {
        match token.kind {
            Kind::Open => depth += 1,
            Kind::Close => depth -= 1,
            Kind::Name if depth == 0 && token.text == word => return Some(token.start),
            _ => {}
        }
    }
    None
}

/// The offset of a top-level `=` (not `==`, `!=`, `<=`, `>=`).
fn find_assign(text: &str) -> Option<usize> {
    let tokens = tokenize(text);
    let mut depth = 0i32;
    for token in tokens {
        match token.kind {
            Kind::Open => depth += 1,
            Kind::Close => depth -= 1,
            Kind::Op if depth == 0 && token.text == "=" => return Some(token.start),
            _ => {}
        }
    }
    None
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Name,
    Literal,
    Open,
    Close,
    Op,
    /// An already rewritten operand.
    Group,
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    text: String,
    start: usize,
}

fn tokenize(src: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = src.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let end_of = |j: usize| chars.get(j).map_or(src.len(), |(o, _)| *o);
        if c.is_whitespace() {
            i += 1;
        } else if c == '\'' || c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j].1 != c {
                if chars[j].1 == '\\' {
                    j += 1;
                }
                j += 1;
            }
            j = (j + 1).min(chars.len());
            out.push(Token { kind: Kind::Literal, text: src[start..end_of(j)].to_string(), start });
            i = j;
        } else if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && (chars[j].1.is_ascii_alphanumeric() || chars[j].1 == '.' || chars[j].1 == '_') {
                j += 1;
            }
            out.push(Token { kind: Kind::Literal, text: src[start..end_of(j)].to_string(), start });
            i = j;
        } else if c.is_alphabetic() || c == '_' {
            let mut j = i;
            while j < chars.len() && (chars[j].1.is_alphanumeric() || chars[j].1 == '_') {
                j += 1;
            }
            out.push(Token { kind: Kind::Name, text: src[start..end_of(j)].to_string(), start });
            i = j;
        } else if "([{".contains(c) {
            out.push(Token { kind: Kind::Open, text: c.to_string(), start });
            i += 1;
        } else if ")]}".contains(c) {
            out.push(Token { kind: Kind::Close, text: c.to_string(), start });
            i += 1;
        } else {
            let two: String = chars[i..chars.len().min(i + 2)].iter().map(|(_, c)| *c).collect();
            let op = if ["==", "!=", "<=", ">=", "**", "//"].contains(&two.as_str()) { two } else { c.to_string() };
            i += op.chars().count();
            out.push(Token { kind: Kind::Op, text: op, start });
        }
    }
    out
}

const KEYWORDS: &[&str] = &["and", "or", "not", "in", "is", "if", "else"];

fn is_operand(token: &Token) -> bool {
    match token.kind {
        Kind::Name => !KEYWORDS.contains(&token.text.as_str()),
        Kind::Literal | Kind::Group => true,
        _ => false,
    }
}

/// The index where the postfix expression ending at the end of `out` starts.
fn primary_start(out: &[Token]) -> usize {
    let mut i = out.len();
    loop {
        if i == 0 {
            return 0;
        }
        let group = out[i - 1].kind == Kind::Close;
        if group {
            let mut depth = 0i32;
            let mut j = i;
            while j > 0 {
                j -= 1;
                match out[j].kind {
                    Kind::Close => depth += 1,
                    Kind::Open => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
            i = j;
        } else if is_operand(&out[i - 1]) {
            i -= 1;
        } else {
            return i;
        }
        if i > 0 && out[i - 1].kind == Kind::Op && out[i - 1].text == "." {
            i -= 1;
            continue;
        }
        if group && i > 0 && (is_operand(&out[i - 1]) || out[i - 1].kind == Kind::Close) {
            continue;
        }
        return i;
    }
}

fn join(tokens: &[Token]) -> String {
    let mut out = String::new();
    for (index, token) in tokens.iter().enumerate() {
        let glue = index > 0 && {
            let prev = &tokens[index - 1];
            let tight_after = prev.kind == Kind::Open || (prev.kind == Kind::Op && prev.text == ".");
            let tight_before = matches!(token.kind, Kind::Close)
                || (token.kind == Kind::Op && (token.text == "." || token.text == ","))
                || (token.kind == Kind::Open && (is_operand(prev) || prev.kind == Kind::Close));
            !(tight_after || tight_before)
        };
        if glue {
            out.push(' ');
        }
        out.push_str(&token.text);
    }
    out
}

/// Splits call arguments at top-level commas.
fn split_args(tokens: &[Token]) -> Vec<Vec<Token>> {
    let mut args = vec![Vec::new()];
    let mut depth = 0i32;
    for token in tokens {
        match token.kind {
            Kind::Open => depth += 1,
            Kind::Close => depth -= 1,
            Kind::Op if token.text == "," && depth == 0 => {
                args.push(Vec::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = args.last_mut() {
            last.push(token.clone());
        }
    }
    args.retain(|a| !a.is_empty());
    args
}

/// `name=value` of a keyword argument.
fn keyword(arg: &[Token]) -> Option<(&str, String)> {
    match arg {
        [name, eq, rest @ ..] if name.kind == Kind::Name && eq.kind == Kind::Op && eq.text == "=" => {
            Some((name.text.as_str(), join(rest)))
        }
        _ => None,
    }
}

/// A Jinja filter applied to `value` (Python source), as Python source.
fn filter(name: &str, value: &str, args: &[Vec<Token>], counter: &mut usize) -> String {
    let positional: Vec<String> = args.iter().filter(|a| keyword(a).is_none()).map(|a| join(a)).collect();
    let kw = |key: &str| args.iter().filter_map(|a| keyword(a)).find(|(k, _)| *k == key).map(|(_, v)| v);
    let first = positional.first().cloned();
    *counter += 1;
    let var = format!("__jinja{}", *counter);
    match name {
        "upper" | "lower" | "title" | "capitalize" => format!("str({value}).{name}()"),
        "trim" | "strip" => format!("str({value}).strip()"),
        "length" | "count" => format!("len({value})"),
        "string" => format!("str({value})"),
        "int" | "float" | "abs" | "list" | "sum" | "max" | "min" | "sorted" => match (name, first) {
            ("sum", _) if kw("attribute").is_some() => {
                format!("sum([{var}.{} for {var} in {value}])", unquote(&kw("attribute").unwrap_or_default()))
            }
            (_, Some(arg)) if name == "int" || name == "float" => format!("{name}({value}, {arg})"),
            _ => format!("{name}({value})"),
        },
        "sort" => match kw("attribute") {
            Some(attr) => format!("sorted({value}, key=lambda {var}: {var}.{})", unquote(&attr)),
            None => format!("sorted({value})"),
        },
        "round" => format!("round({value}, {})", first.unwrap_or_else(|| "0".into())),
        "first" => format!("list({value})[0]"),
        "last" => format!("list({value})[-1]"),
        "unique" => format!("list(dict.fromkeys({value}))"),
        "join" => {
            let sep = first.or_else(|| kw("d")).unwrap_or_else(|| "''".into());
            match kw("attribute") {
                Some(attr) => format!("{sep}.join([str({var}.{}) for {var} in {value}])", unquote(&attr)),
                None => format!("{sep}.join([str({var}) for {var} in {value}])"),
            }
        }
        "replace" => format!("str({value}).replace({})", positional.join(", ")),
        "e" | "escape" | "safe" | "forceescape" => value.to_string(),
        "default" | "d" => {
            let fallback = first.unwrap_or_else(|| "''".into());
            format!("({value} if defined({value:?}) else {fallback})")
        }
        "map" => match kw("attribute") {
            Some(attr) => format!("[{var}.{} for {var} in {value}]", unquote(&attr)),
            None => match first {
                Some(f) => format!("[{}({var}) for {var} in {value}]", unquote(&f)),
                None => format!("list({value})"),
            },
        },
        "selectattr" | "rejectattr" => {
            let attr = unquote(&first.unwrap_or_default());
            let test = match positional.get(1).map(|t| unquote(t)).as_deref() {
                Some("equalto" | "eq" | "==") => format!("{var}.{attr} == {}", positional.get(2).cloned().unwrap_or_default()),
                Some("ne" | "!=") => format!("{var}.{attr} != {}", positional.get(2).cloned().unwrap_or_default()),
                Some("defined") => format!("hasattr({var}, {:?})", attr),
                _ => format!("{var}.{attr}"),
            };
            let test = if name == "rejectattr" { format!("not ({test})") } else { test };
            format!("[{var} for {var} in {value} if {test}]")
        }
        "dictsort" => format!("sorted({value}.items())"),
        "items" => format!("list({value}.items())"),
        "format" => format!("{value} % ({},)", positional.join(", ")),
        _ => {
            let mut all = vec![value.to_string()];
            all.extend(args.iter().map(|a| join(a)));
            format!("{name}({})", all.join(", "))
        }
    }
}

fn unquote(text: &str) -> String {
    text.trim().trim_matches(|c| c == '\'' || c == '"').to_string()
}

/// A Jinja test on `value`.
fn test(name: &str, value: &str, source: &str, args: &[Vec<Token>]) -> String {
    let arg = args.first().map(|a| join(a)).unwrap_or_default();
    match name {
        "defined" => format!("defined({source:?})"),
        "undefined" => format!("(not defined({source:?}))"),
        "none" => format!("({value} is None)"),
        "true" => format!("({value} is True)"),
        "false" => format!("({value} is False)"),
        "number" => format!("isinstance({value}, (int, float))"),
        "string" => format!("isinstance({value}, str)"),
        "even" => format!("({value} % 2 == 0)"),
        "odd" => format!("({value} % 2 == 1)"),
        "divisibleby" => format!("({value} % {arg} == 0)"),
        "sameas" => format!("({value} is {arg})"),
        "equalto" | "eq" => format!("({value} == {arg})"),
        "lower" => format!("str({value}).islower()"),
        "upper" => format!("str({value}).isupper()"),
        "mapping" => format!("isinstance({value}, dict)"),
        "iterable" | "sequence" => format!("isinstance({value}, (list, tuple, dict, set, str))"),
        _ => format!("{name}({value})"),
    }
}

/// Rewrites a Jinja expression into Python source.
fn rewrite(s: &Snippet, counter: &mut usize) -> Result<Snippet, ParseError> {
    let tokens = tokenize(&s.text);
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    let group = |text: String| Token { kind: Kind::Group, text, start: 0 };
    while i < tokens.len() {
        let token = &tokens[i];
        // `| name(args)` and `is [not] name(args)` apply to the postfix expression before them.
        let is_filter = token.kind == Kind::Op && token.text == "|";
        let is_test = token.kind == Kind::Name && token.text == "is";
        if is_filter || is_test {
            let mut j = i + 1;
            let negate = is_test && tokens.get(j).is_some_and(|t| t.kind == Kind::Name && t.text == "not");
            if negate {
                j += 1;
            }
            let Some(name) = tokens.get(j).filter(|t| t.kind == Kind::Name) else {
                return Err(ParseError { pos: s.pos, message: format!("'{}': a filter or test name must follow", s.text) });
            };
            j += 1;
            let mut args = Vec::new();
            if tokens.get(j).is_some_and(|t| t.kind == Kind::Open && t.text == "(") {
                let mut depth = 0i32;
                let open = j;
                while j < tokens.len() {
                    match tokens[j].kind {
                        Kind::Open => depth += 1,
                        Kind::Close => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                let inner = rewrite_tokens(&tokens[open + 1..j.min(tokens.len())], s, counter)?;
                args = split_args(&inner);
                j += 1;
            } else if is_test && tokens.get(j).is_some_and(|t| is_operand(t) || t.kind == Kind::Open) {
                // `x is divisibleby 3`, `x is sameas y`: one argument without parentheses.
                args = vec![vec![tokens[j].clone()]];
                j += 1;
            }
            let start = primary_start(&out);
            let operand = join(&out[start..]);
            out.truncate(start);
            let text = if is_filter {
                filter(&name.text, &operand, &args, counter)
            } else {
                let t = test(&name.text, &operand, &operand.replace(' ', ""), &args);
                if negate { format!("(not {t})") } else { t }
            };
            out.push(group(format!("({text})")));
            i = j;
            continue;
        }
        match (token.kind, token.text.as_str()) {
            (Kind::Name, "true") => out.push(group("True".into())),
            (Kind::Name, "false") => out.push(group("False".into())),
            (Kind::Name, "none") => out.push(group("None".into())),
            (Kind::Name, "loop")
                if tokens.get(i + 1).is_some_and(|t| t.text == ".")
                    && out.last().is_none_or(|t| t.text != ".") =>
            {
                let attr = tokens.get(i + 2).map(|t| t.text.as_str()).unwrap_or("");
                let mapped = match attr {
                    "index" => Some("(loop.index + 1)"),
                    "index0" => Some("loop.index"),
                    "revindex" => Some("(loop.reverse_index + 1)"),
                    "revindex0" => Some("loop.reverse_index"),
                    "length" => Some("(loop.index + loop.reverse_index + 1)"),
                    _ => None,
                };
                match mapped {
                    Some(text) => {
                        out.push(group(text.into()));
                        i += 3;
                        continue;
                    }
                    None => out.push(token.clone()),
                }
            }
            _ => out.push(token.clone()),
        }
        i += 1;
    }
    // `~` concatenates the str() of its operands; it is taken as the loosest operator.
    let parts = split_tilde(&out);
    let text = if parts.len() > 1 {
        parts.iter().map(|p| format!("str({})", join(p))).collect::<Vec<_>>().join(" + ")
    } else {
        join(&out)
    };
    Ok(Snippet { text, pos: s.pos })
}

fn rewrite_tokens(tokens: &[Token], s: &Snippet, counter: &mut usize) -> Result<Vec<Token>, ParseError> {
    let text = join(tokens);
    let rewritten = rewrite(&Snippet { text, pos: s.pos }, counter)?;
    Ok(tokenize(&rewritten.text))
}

fn split_tilde(tokens: &[Token]) -> Vec<Vec<Token>> {
    let mut parts = vec![Vec::new()];
    let mut depth = 0i32;
    for token in tokens {
        match token.kind {
            Kind::Open => depth += 1,
            Kind::Close => depth -= 1,
            Kind::Op if token.text == "~" && depth == 0 => {
                parts.push(Vec::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = parts.last_mut() {
            last.push(token.clone());
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn py(expr: &str) -> String {
        let mut counter = 0;
        rewrite(&Snippet { text: expr.into(), pos: Pos::default() }, &mut counter).map(|s| s.text).unwrap_or_else(|e| e.message)
    }

    #[test]
    fn filters_become_calls() {
        assert_eq!(py("x | upper"), "(str(x).upper())");
        assert_eq!(py("fruits | map(attribute='cost') | sum | currency(decimals=False)"), "(currency((sum(([__jinja1.cost for __jinja1 in fruits]))), decimals = False))");
        assert_eq!(py("a.b(c) | comma_and_list"), "(comma_and_list(a.b(c)))");
        assert_eq!(py("x.name | alpha | lower"), "(str((alpha(x.name))).lower())");
        assert_eq!(py("'a' ~ b ~ c.d"), "str('a') + str(b) + str(c.d)");
    }

    #[test]
    fn tests_and_literals() {
        assert_eq!(py("x.y is defined and z is not none"), "(defined(\"x.y\")) and ((not (z is None)))");
        assert_eq!(py("n is divisibleby 3"), "((n % 3 == 0))");
        assert_eq!(py("true or none"), "True or None");
        assert_eq!(py("loop.index ~ '.'"), "str((loop.index + 1)) + str('.')");
        assert_eq!(py("loop.first and x.loop.index"), "loop.first and x.loop.index");
    }

    #[test]
    fn statements_build_the_tree() {
        let nodes = parse("{% for k, v in d.items() if v %}{{ k }}{% else %}none{% endfor %}{%- if a -%} x {% elif b %}y{% else %}z{% endif %}").unwrap_or_default();
        assert_eq!(nodes.len(), 3);
        match &nodes[0] {
            Node::Code(code) => assert_eq!(code.text, "__jinja_items1 = list([(k, v) for k, v in d.items() if v])"),
            _ => panic!("not the loop's list"),
        }
        match &nodes[1] {
            Node::If { branches, orelse } => {
                assert!(matches!(&branches[0].1[..], [Node::For { target, .. }] if target.text == "k, v"));
                assert!(orelse.is_some());
            }
            _ => panic!("not the loop's if"),
        }
        match &nodes[2] {
            Node::If { branches, orelse } => {
                assert_eq!(branches.len(), 2);
                assert!(matches!(&branches[0].1[..], [Node::Text(t)] if t == "x "));
                assert!(orelse.is_some());
            }
            _ => panic!("not an if"),
        }
        assert!(parse("{% if x %}").is_err());
        assert!(parse("{% include 'a' %}").is_err());
        assert!(parse("{{ x ").is_err());
    }
}
