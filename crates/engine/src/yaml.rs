//! A small YAML tree with line numbers, built from saphyr-parser events, with limits.
//!
//! Interview files are split into blocks on lines that are exactly `---` (docassemble's
//! rule, not YAML multi-document syntax); each block is parsed separately into a [`Node`].
//! Scalars are resolved with the YAML 1.2 core schema (`true`/`True`, `null`/`~`, ints,
//! floats); `yes`/`no` stay strings. Aliases are expanded with a node budget.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

/// Maximum nesting depth of a block.
pub const MAX_DEPTH: usize = 64;
/// Maximum number of nodes (including alias expansions) in one block.
pub const MAX_NODES: usize = 100_000;
/// Maximum size of one block in bytes.
pub const MAX_BLOCK_BYTES: usize = 2 * 1024 * 1024;

/// A YAML value with the position where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// 1-based line in the file (the first content line for `|`/`>` block scalars).
    pub line: u32,
    /// 0-based column in the file.
    pub column: u32,
}

/// A YAML value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`, `~`, empty.
    Null,
    /// `true`/`false` (any case variant of the core schema).
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping in source order.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The string if this is a string scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
    /// Scalars as Python `str()` would show them (`True`, `None`, `3`, `1.5`); None for collections.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Null => Some("None".into()),
            Value::Bool(b) => Some(if *b { "True" } else { "False" }.into()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(python_float(*f)),
            Value::Str(s) => Some(s.clone()),
            _ => None,
        }
    }
    /// The boolean if this is a boolean scalar.
    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }
    /// The mapping entries if this is a mapping.
    pub fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }
    /// The items if this is a sequence.
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(s) => Some(s),
            _ => None,
        }
    }
    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }
    /// Looks up a string key in a mapping (exact match).
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
    }
    /// A short name of the node's type for messages.
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a dictionary",
        }
    }
}

/// Formats a float like Python's `str(float)`.
pub fn python_float(f: f64) -> String {
    if f.is_nan() {
        "nan".into()
    } else if f.is_infinite() {
        if f > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        }
    } else if f == f.trunc() && f.abs() < 1e16 {
        format!("{f:.1}")
    } else {
        format!("{f}")
    }
}

/// A YAML syntax or limit error at a line of the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct YamlError {
    /// 1-based line in the file.
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

/// One `---`-separated block of a file: its text and the file line where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawBlock {
    /// The block's text (tabs replaced by two spaces, trailing `...` removed).
    pub text: String,
    /// 1-based file line of the block's first line.
    pub first_line: u32,
}

/// Splits a file into blocks on lines that are `---` followed only by spaces.
/// Blocks with nothing but whitespace and comments are dropped.
pub fn split_blocks(source: &str) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut first_line = 1u32;
    let mut line_no = 0u32;
    for line in source.split('\n') {
        line_no += 1;
        let bare = line.strip_suffix('\r').unwrap_or(line);
        if bare.starts_with("---") && bare[3..].chars().all(|c| c == ' ') {
            push_block(&mut blocks, std::mem::take(&mut current), first_line);
            first_line = line_no + 1;
            continue;
        }
        current.push_str(bare);
        current.push('\n');
    }
    push_block(&mut blocks, current, first_line);
    blocks
}

fn push_block(blocks: &mut Vec<RawBlock>, mut text: String, first_line: u32) {
    // docassemble: trailing "\n..." removed; tabs become two spaces.
    let trimmed_len = text.trim_end().len();
    if text[..trimmed_len].ends_with("\n...") || &text[..trimmed_len] == "..." {
        text.truncate(trimmed_len - 3);
        text.push('\n');
    }
    if text.contains('\t') {
        text = text.replace('\t', "  ");
    }
    let meaningful = text.lines().any(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#')
    });
    if meaningful {
        blocks.push(RawBlock { text, first_line });
    }
}

enum Frame {
    Seq {
        items: Vec<Node>,
        line: u32,
        column: u32,
        anchor: usize,
    },
    Map {
        entries: Vec<(Node, Node)>,
        seen: std::collections::HashSet<String>,
        key: Option<Node>,
        line: u32,
        column: u32,
        anchor: usize,
    },
}

/// Parses one block. `first_line` is the file line of the block's first line; positions in
/// the result and in errors are file lines. Returns `Ok(None)` for an empty document.
pub fn parse_block(text: &str, first_line: u32) -> Result<Option<Node>, YamlError> {
    let offset = first_line.saturating_sub(1);
    if text.len() > MAX_BLOCK_BYTES {
        return Err(YamlError {
            line: first_line,
            message: format!(
                "block is too large ({} bytes; the limit is {MAX_BLOCK_BYTES})",
                text.len()
            ),
        });
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut nodes = 0usize;
    let mut root: Option<Node> = None;
    let mut documents = 0usize;
    for item in Parser::new_from_str(text) {
        let (event, span) = item.map_err(|e| YamlError {
            line: offset + e.marker().line() as u32,
            message: e.info().to_string(),
        })?;
        let line = offset + span.start.line() as u32;
        let column = span.start.col() as u32;
        let node = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentEnd => continue,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(YamlError {
                        line,
                        message: "more than one YAML document in a block".into(),
                    });
                }
                continue;
            }
            Event::SequenceStart(anchor, _) => {
                check_depth(stack.len(), line)?;
                stack.push(Frame::Seq {
                    items: Vec::new(),
                    line,
                    column,
                    anchor,
                });
                continue;
            }
            Event::MappingStart(anchor, _) => {
                check_depth(stack.len(), line)?;
                stack.push(Frame::Map {
                    entries: Vec::new(),
                    seen: std::collections::HashSet::new(),
                    key: None,
                    line,
                    column,
                    anchor,
                });
                continue;
            }
            Event::SequenceEnd => end_collection(stack.pop(), true, line, &mut anchors)?,
            Event::MappingEnd => end_collection(stack.pop(), false, line, &mut anchors)?,
            Event::Alias(id) => {
                let Some(n) = anchors.get(&id) else {
                    return Err(YamlError {
                        line,
                        message: "unknown alias".into(),
                    });
                };
                nodes += count_nodes(n);
                if nodes > MAX_NODES {
                    return Err(YamlError {
                        line,
                        message: format!(
                            "too many nodes after expanding aliases (limit {MAX_NODES})"
                        ),
                    });
                }
                let mut n = n.clone();
                n.line = line;
                n.column = column;
                n
            }
            Event::Scalar(text, style, anchor, tag) => {
                let tag_str = tag.as_ref().map(|t| format!("{}{}", t.handle, t.suffix));
                let n = scalar_node(&text, style, tag_str.as_deref(), span, offset);
                if anchor > 0 {
                    anchors.insert(anchor, n.clone());
                }
                n
            }
        };
        nodes += 1;
        if nodes > MAX_NODES {
            return Err(YamlError {
                line,
                message: format!("too many nodes (limit {MAX_NODES})"),
            });
        }
        attach(&mut stack, &mut root, node)?;
    }
    Ok(root)
}

/// Refuses to open a collection nested deeper than [`MAX_DEPTH`].
fn check_depth(depth: usize, line: u32) -> Result<(), YamlError> {
    if depth >= MAX_DEPTH {
        return Err(YamlError {
            line,
            message: format!("nesting deeper than {MAX_DEPTH} levels"),
        });
    }
    Ok(())
}

/// The node of a sequence (`seq`) or mapping that just ended, recorded under its anchor.
fn end_collection(
    frame: Option<Frame>,
    seq: bool,
    line: u32,
    anchors: &mut HashMap<usize, Node>,
) -> Result<Node, YamlError> {
    let (value, line, column, anchor) = match frame {
        Some(Frame::Seq { items, line, column, anchor }) if seq => (Value::Seq(items), line, column, anchor),
        Some(Frame::Map { entries, line, column, anchor, .. }) if !seq => {
            (Value::Map(entries), line, column, anchor)
        }
        _ => {
            return Err(YamlError {
                line,
                message: if seq { "unbalanced sequence" } else { "unbalanced mapping" }.into(),
            })
        }
    };
    let n = Node { value, line, column };
    if anchor > 0 {
        anchors.insert(anchor, n.clone());
    }
    Ok(n)
}

/// Attaches a finished node to the collection being read (or makes it the root); a mapping
/// refuses a key it already has.
fn attach(stack: &mut [Frame], root: &mut Option<Node>, node: Node) -> Result<(), YamlError> {
    match stack.last_mut() {
        None => *root = Some(node),
        Some(Frame::Seq { items, .. }) => items.push(node),
        Some(Frame::Map {
            entries, seen, key, ..
        }) => match key.take() {
            None => *key = Some(node),
            Some(k) => {
                if let Some(repr) = key_repr(&k) {
                    if !seen.insert(repr) {
                        let name = k.scalar_text().unwrap_or_default();
                        return Err(YamlError {
                            line: k.line,
                            message: format!("duplicate key '{name}'"),
                        });
                    }
                }
                entries.push((k, node));
            }
        },
    }
    Ok(())
}

/// A scalar key's identity for duplicate detection (type and value); None for collections.
fn key_repr(n: &Node) -> Option<String> {
    match &n.value {
        Value::Seq(_) | Value::Map(_) => None,
        Value::Str(s) => Some(format!("s{s}")),
        Value::Float(f) => Some(format!("f{}", f.to_bits())),
        other => Some(format!("{other:?}")),
    }
}

fn count_nodes(n: &Node) -> usize {
    match &n.value {
        Value::Seq(items) => 1 + items.iter().map(count_nodes).sum::<usize>(),
        Value::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| count_nodes(k) + count_nodes(v))
                .sum::<usize>()
        }
        _ => 1,
    }
}

fn scalar_node(text: &str, style: ScalarStyle, tag: Option<&str>, span: Span, offset: u32) -> Node {
    let mut line = offset + span.start.line() as u32;
    let mut column = span.start.col() as u32;
    match style {
        ScalarStyle::Literal | ScalarStyle::Folded => {
            // the span starts at the first non-empty content line; the text starts with one
            // newline per empty line before it
            let leading = text.bytes().take_while(|b| *b == b'\n').count() as u32;
            line = line.saturating_sub(leading).max(offset + 1);
            if leading > 0 {
                column = 0;
            }
        }
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => column += 1,
        ScalarStyle::Plain => {}
    }
    let value = match (style, tag) {
        (_, Some("!!str")) => Value::Str(text.to_string()),
        (ScalarStyle::Plain, _) => resolve_plain(text),
        _ => Value::Str(text.to_string()),
    };
    Node {
        value,
        line,
        column,
    }
}

/// YAML 1.2 core schema resolution of a plain scalar.
fn resolve_plain(s: &str) -> Value {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(i) = s.parse::<i64>() {
            return Value::Int(i);
        }
    }
    if let Some(h) = s.strip_prefix("0x") {
        if !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()) {
            if let Ok(i) = i64::from_str_radix(h, 16) {
                return Value::Int(i);
            }
        }
    }
    if let Some(o) = s.strip_prefix("0o") {
        if !o.is_empty() && o.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
            if let Ok(i) = i64::from_str_radix(o, 8) {
                return Value::Int(i);
            }
        }
    }
    if is_core_float(s) {
        if let Ok(f) = s.parse::<f64>() {
            return Value::Float(f);
        }
    }
    Value::Str(s.to_string())
}

/// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn is_core_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = i - int_start;
    let mut frac_digits = 0;
    let mut dot = false;
    if i < b.len() && b[i] == b'.' {
        dot = true;
        i += 1;
        let fs = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        frac_digits = i - fs;
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    let mut exp = false;
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        exp = true;
        i += 1;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            i += 1;
        }
        let es = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == es {
            return false;
        }
    }
    i == b.len() && (dot || exp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Node {
        parse_block(s, 1).unwrap().unwrap()
    }

    #[test]
    fn splits_on_dash_lines_only() {
        let b = split_blocks("a: 1\n---\nb: 2\n--- \n# only a comment\n---\nc: |\n  ---x\n");
        assert_eq!(b.len(), 3);
        assert_eq!(b[0].first_line, 1);
        assert_eq!(b[1].first_line, 3);
        assert_eq!(b[2].first_line, 7);
        let b = split_blocks("a: 1\n----\nb: 2\n");
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn scalars_resolve_like_yaml_1_2() {
        let n = parse("a: True\nb: yes\nc: 3\nd: 1.5\ne: null\nf: '3'\ng:\nh: 0x1f\n");
        assert_eq!(n.get("a").unwrap().value, Value::Bool(true));
        assert_eq!(n.get("b").unwrap().value, Value::Str("yes".into()));
        assert_eq!(n.get("c").unwrap().value, Value::Int(3));
        assert_eq!(n.get("d").unwrap().value, Value::Float(1.5));
        assert_eq!(n.get("e").unwrap().value, Value::Null);
        assert_eq!(n.get("f").unwrap().value, Value::Str("3".into()));
        assert_eq!(n.get("g").unwrap().value, Value::Null);
        assert_eq!(n.get("h").unwrap().value, Value::Int(31));
    }

    #[test]
    fn lines_are_file_lines() {
        let n = parse_block("question: Hi\nsubquestion: |\n  line one\n  line two\n", 10)
            .unwrap()
            .unwrap();
        assert_eq!(n.line, 10);
        let q = n.get("question").unwrap();
        assert_eq!((q.line, q.column), (10, 10));
        let s = n.get("subquestion").unwrap();
        assert_eq!(s.line, 12);
        assert_eq!(s.as_str(), Some("line one\nline two\n"));
    }

    #[test]
    fn errors_carry_file_lines() {
        let e = parse_block("a: 1\nb: [1, 2\n", 5).unwrap_err();
        assert!(e.line >= 6, "{e:?}");
        let e = parse_block("a: 1\na: 2\n", 3).unwrap_err();
        assert_eq!(e.line, 4);
        assert!(e.message.contains("duplicate key"));
    }

    #[test]
    fn depth_is_limited() {
        let deep = "[".repeat(100) + &"]".repeat(100);
        let e = parse_block(&deep, 1).unwrap_err();
        assert!(e.message.contains("nesting"));
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut s = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for c in 'b'..='k' {
            s.push_str(&format!("{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = c;
        }
        let e = parse_block(&s, 1).unwrap_err();
        assert!(e.message.contains("too many nodes"), "{e:?}");
        let n = parse("a: &x {k: 1}\nb: *x\n");
        assert_eq!(n.get("b").unwrap().get("k").unwrap().value, Value::Int(1));
    }

    #[test]
    fn tabs_and_document_end() {
        let b = split_blocks("a:\n\t- 1\n...\n");
        assert_eq!(b.len(), 1);
        let n = parse(&b[0].text);
        assert_eq!(n.get("a").unwrap().as_seq().unwrap().len(), 1);
    }
}
