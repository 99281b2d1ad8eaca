//! Conversion helpers shared by the block parsers: YAML nodes → snippets, with errors
//! and warnings that name the file and line.

use std::sync::Arc;

use super::scan;
use super::{LoadError, Warning};
use crate::model::{Code, Condition, Expr, Pos, Text, Var};
use crate::yaml::{Node, Value};

/// The file being read and the warnings collected so far.
pub(crate) struct Cx<'w> {
    pub file: Arc<str>,
    pub warnings: &'w mut Vec<Warning>,
    /// Mako `<%def>`s of the block's `usedefs`, compiled in front of each of its texts.
    pub defs_prefix: String,
    /// Collects the sources of the texts without template code (`Interview::static_texts`).
    pub plain_texts: &'w std::cell::RefCell<std::collections::HashSet<String>>,
}

pub(crate) type R<T> = Result<T, LoadError>;

impl Cx<'_> {
    pub fn err(&self, line: u32, reason: impl Into<String>) -> LoadError {
        LoadError::At {
            file: self.file.to_string(),
            line,
            reason: reason.into(),
        }
    }

    pub fn warn(&mut self, line: u32, message: impl Into<String>) {
        self.warnings.push(Warning {
            file: self.file.to_string(),
            line,
            message: message.into(),
        });
    }

    pub fn pos(&self, node: &Node) -> Pos {
        Pos {
            file: self.file.clone(),
            line: node.line,
            column: node.column,
        }
    }

    /// Scalar text; collections are an error naming `what`.
    pub fn string(&self, node: &Node, what: &str) -> R<String> {
        node.scalar_text().ok_or_else(|| {
            self.err(
                node.line,
                format!("{what} must be text, not {}", node.type_name()),
            )
        })
    }

    /// A Mako/Markdown text.
    pub fn text(&self, node: &Node, what: &str) -> R<Text> {
        let source = match &node.value {
            Value::Null => String::new(),
            _ => self.string(node, what)?,
        };
        self.text_from(source, node, what)
    }

    /// Compiles `source` written at `node` as a Mako/Markdown text.
    pub fn text_from(&self, source: String, node: &Node, what: &str) -> R<Text> {
        let pos = self.pos(node);
        let compiled = if self.defs_prefix.is_empty() {
            lang::Template::compile(&source, pos.origin())
                .map_err(|e| self.syntax_at(&e, what, &pos))
        } else {
            // docassemble prepends the `usedefs` definitions to the text
            let prefix_lines = self.defs_prefix.matches('\n').count() as u32;
            let mut origin = pos.origin();
            origin.line = origin.line.saturating_sub(prefix_lines).max(1);
            lang::Template::compile(&format!("{}{source}", self.defs_prefix), origin)
                .map_err(|e| self.syntax(&e, what))
        }?;
        if compiled.is_plain() {
            self.plain_texts.borrow_mut().insert(source.clone());
        }
        Ok(Text {
            source,
            pos,
            compiled: Arc::new(compiled),
        })
    }

    /// An optional text: `null` gives None.
    pub fn opt_text(&self, node: Option<&Node>, what: &str) -> R<Option<Text>> {
        match node {
            None => Ok(None),
            Some(n) if n.is_null() => Ok(None),
            Some(n) => self.text(n, what).map(Some),
        }
    }

    /// A Python expression, compiled.
    pub fn expr(&self, node: &Node, what: &str) -> R<Expr> {
        let source = self.string(node, what)?;
        self.expr_from(source, node, what)
    }

    /// Compiles `source` written at `node` as an expression.
    pub fn expr_from(&self, source: String, node: &Node, what: &str) -> R<Expr> {
        if source.trim().is_empty() {
            return Err(self.err(node.line, format!("{what} is empty")));
        }
        let pos = self.pos(node);
        let compiled = lang::Expression::compile(&source, pos.origin())
            .map_err(|e| self.syntax_at(&e, what, &pos))?;
        Ok(Expr {
            source: source.trim().to_string(),
            pos,
            compiled: Arc::new(compiled),
        })
    }

    /// A Python module body, compiled; returns it and its assignment targets.
    pub fn code(&self, node: &Node, what: &str) -> R<(Code, Vec<String>)> {
        let source = self.string(node, what)?;
        let pos = self.pos(node);
        let compiled = lang::Program::compile(&source, pos.origin())
            .map_err(|e| self.syntax_at(&e, what, &pos))?;
        let targets = scan::assigned_targets(&source).map_err(|e| {
            self.err(
                node.line + e.line.saturating_sub(1),
                format!("syntax error in {what}: {}", e.message),
            )
        })?;
        Ok((
            Code {
                source,
                pos,
                compiled: Arc::new(compiled),
            },
            targets,
        ))
    }

    /// A `lang` syntax error as a load error at its line.
    /// Lines after the first of a `|` block are indented by the block's column in the file.
    pub fn syntax_at(&self, e: &lang::SyntaxError, what: &str, pos: &Pos) -> LoadError {
        let column = if e.line > pos.line && e.file == pos.file {
            e.column + pos.column
        } else {
            e.column
        };
        LoadError::At {
            file: e.file.to_string(),
            line: e.line,
            reason: format!("column {column}: {what}: {}", e.message),
        }
    }

    /// A `lang` syntax error as a load error at its line.
    pub fn syntax(&self, e: &lang::SyntaxError, what: &str) -> LoadError {
        LoadError::At {
            file: e.file.to_string(),
            line: e.line,
            reason: format!("column {}: {what}: {}", e.column, e.message),
        }
    }

    /// A variable name (normalised).
    pub fn var(&self, node: &Node, what: &str) -> R<Var> {
        let source = self.string(node, what)?;
        let name = scan::normalize_var(&source)
            .map_err(|m| self.err(node.line, format!("{what}: {m}")))?;
        let pos = self.pos(node);
        let compiled =
            lang::Target::compile(&name, pos.origin()).map_err(|e| self.syntax(&e, what))?;
        Ok(Var {
            name,
            pos,
            compiled: Arc::new(compiled),
        })
    }

    /// A variable name or a list of them.
    pub fn var_list(&self, node: &Node, what: &str) -> R<Vec<Var>> {
        match &node.value {
            Value::Null => Ok(Vec::new()),
            Value::Seq(items) => items.iter().map(|n| self.var(n, what)).collect(),
            _ => Ok(vec![self.var(node, what)?]),
        }
    }

    /// Variable names (normalised strings) from a name or list.
    pub fn names(&self, node: &Node, what: &str) -> R<Vec<String>> {
        Ok(self
            .var_list(node, what)?
            .into_iter()
            .map(|v| v.name)
            .collect())
    }

    /// Plain strings from a string or list of strings.
    pub fn strings(&self, node: &Node, what: &str) -> R<Vec<String>> {
        match &node.value {
            Value::Null => Ok(Vec::new()),
            Value::Seq(items) => items.iter().map(|n| self.string(n, what)).collect(),
            _ => Ok(vec![self.string(node, what)?]),
        }
    }

    /// Expressions from a string or list.
    pub fn expr_list(&self, node: &Node, what: &str) -> R<Vec<Expr>> {
        match &node.value {
            Value::Null => Ok(Vec::new()),
            Value::Seq(items) => items.iter().map(|n| self.expr(n, what)).collect(),
            _ => Ok(vec![self.expr(node, what)?]),
        }
    }

    /// `True`/`False` or an expression.
    pub fn condition(&self, node: &Node, what: &str) -> R<Condition> {
        Ok(match &node.value {
            Value::Bool(b) => Condition::Always(*b),
            Value::Null => Condition::Always(false),
            Value::Int(i) => Condition::Always(*i != 0),
            Value::Float(f) => Condition::Always(*f != 0.0),
            Value::Str(s) => match s.trim() {
                "True" | "true" => Condition::Always(true),
                "False" | "false" | "None" => Condition::Always(false),
                _ => Condition::Expr(self.expr(node, what)?),
            },
            _ => {
                return Err(self.err(
                    node.line,
                    format!("{what} must be True, False or an expression"),
                ))
            }
        })
    }

    /// A boolean (`True`/`False`, or text that says so).
    pub fn boolean(&mut self, node: &Node, what: &str) -> bool {
        match &node.value {
            Value::Bool(b) => *b,
            Value::Null => false,
            Value::Int(i) => *i != 0,
            Value::Str(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "on" => true,
                "false" | "no" | "off" | "none" | "" => false,
                _ => {
                    self.warn(
                        node.line,
                        format!("{what}: expected True or False, got '{s}' (taken as True)"),
                    );
                    true
                }
            },
            _ => {
                self.warn(node.line, format!("{what}: expected True or False"));
                false
            }
        }
    }
}

/// A mapping with keys lower-cased (block level), in order; duplicate keys after
/// lower-casing keep the last value.
pub(crate) fn lowered(node: &Node) -> Vec<(String, &Node, &Node)> {
    let mut out: Vec<(String, &Node, &Node)> = Vec::new();
    if let Some(map) = node.as_map() {
        for (k, v) in map {
            let key = k.scalar_text().unwrap_or_default().trim().to_lowercase();
            if let Some(existing) = out.iter_mut().find(|(e, _, _)| *e == key) {
                existing.1 = k;
                existing.2 = v;
            } else {
                out.push((key, k, v));
            }
        }
    }
    out
}

/// Looks up a lowered key.
pub(crate) fn get<'a>(keys: &[(String, &'a Node, &'a Node)], key: &str) -> Option<&'a Node> {
    keys.iter().find(|(k, _, _)| k == key).map(|(_, _, v)| *v)
}

/// The first keys of a block, for messages (`a, b, c, … (40 keys)`).
pub(crate) fn key_list(keys: &[(String, &Node, &Node)]) -> String {
    let mut names: Vec<&str> = keys.iter().take(8).map(|(k, _, _)| k.as_str()).collect();
    if keys.len() > 8 {
        names.push("…");
        return format!("{} ({} keys)", names.join(", "), keys.len());
    }
    names.join(", ")
}
