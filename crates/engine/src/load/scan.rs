//! Finding what Python code assigns, and normalising variable names (docassemble's AST scan).

use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
use ruff_python_ast::{Expr, Number, Stmt};
use ruff_text_size::{Ranged, TextRange};

/// Longest variable name accepted.
pub const MAX_VAR_LEN: usize = 1000;
/// Deepest bracket nesting accepted in a variable name.
pub const MAX_VAR_NESTING: usize = 16;

/// A syntax problem at a position relative to the snippet (1-based line, 0-based column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetError {
    /// 1-based line inside the snippet.
    pub line: u32,
    /// 0-based column inside the snippet.
    pub column: u32,
    /// What is wrong.
    pub message: String,
}

fn position(source: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(source.len());
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() as u32 + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0) as u32;
    (line, column)
}

/// The variables a code block can define: assignment targets (names, attributes,
/// subscripts; tuple targets unpacked), `for`/`with`/walrus names and `define('x', …)` calls.
/// Targets are normalised ([`render`]), in order of appearance, without duplicates.
pub fn assigned_targets(source: &str) -> Result<Vec<String>, SnippetError> {
    let parsed = ruff_python_parser::parse_module(source).map_err(|e| {
        let (line, column) = position(source, e.location.start().to_usize());
        SnippetError {
            line,
            column,
            message: e.error.to_string(),
        }
    })?;
    let mut v = TargetVisitor {
        source,
        out: Vec::new(),
    };
    for stmt in &parsed.syntax().body {
        v.visit_stmt(stmt);
    }
    Ok(v.out)
}

/// Checks that `source` is a single Python expression.
pub fn check_expression(source: &str) -> Result<(), SnippetError> {
    ruff_python_parser::parse_expression(source.trim())
        .map(|_| ())
        .map_err(|e| {
            let (line, column) = position(source.trim(), e.location.start().to_usize());
            SnippetError {
                line,
                column,
                message: e.error.to_string(),
            }
        })
}

/// Normalises a variable name written by the author (`user.name.first`, `fruit["apple"]`,
/// `x.children[i]`); refuses anything that is not a name/attribute/subscript chain.
pub fn normalize_var(name: &str) -> Result<String, String> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err("empty variable name".into());
    }
    if trimmed.len() > MAX_VAR_LEN {
        return Err(format!(
            "variable name longer than {MAX_VAR_LEN} characters"
        ));
    }
    let mut depth = 0usize;
    for c in trimmed.chars() {
        match c {
            '[' | '(' | '{' => {
                depth += 1;
                if depth > MAX_VAR_NESTING {
                    return Err(format!(
                        "variable name nested deeper than {MAX_VAR_NESTING} levels"
                    ));
                }
            }
            ']' | ')' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let parsed = ruff_python_parser::parse_expression(trimmed)
        .map_err(|e| format!("'{trimmed}' is not a valid variable name: {}", e.error))?;
    let expr = &parsed.syntax().body;
    if !is_lvalue(expr) {
        return Err(format!("'{trimmed}' is not a valid variable name"));
    }
    Ok(render(trimmed, expr))
}

fn is_lvalue(e: &Expr) -> bool {
    match e {
        Expr::Name(_) => true,
        Expr::Attribute(a) => is_lvalue(&a.value),
        Expr::Subscript(s) => is_lvalue(&s.value) && is_index(&s.slice),
        _ => false,
    }
}

fn is_index(e: &Expr) -> bool {
    match e {
        Expr::StringLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_) => true,
        Expr::UnaryOp(u) => matches!(*u.operand, Expr::NumberLiteral(_)),
        e => is_lvalue(e),
    }
}

/// Renders a target expression the way docassemble spells variable names: single-quoted
/// string subscripts, other subscripts as written.
pub fn render(source: &str, e: &Expr) -> String {
    match e {
        Expr::Name(n) => n.id.to_string(),
        Expr::Attribute(a) => format!("{}.{}", render(source, &a.value), a.attr.id),
        Expr::Subscript(s) => format!(
            "{}[{}]",
            render(source, &s.value),
            render_index(source, &s.slice)
        ),
        other => slice(source, other.range()).to_string(),
    }
}

fn render_index(source: &str, e: &Expr) -> String {
    match e {
        Expr::StringLiteral(s) => python_repr(s.value.to_str()),
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => i.to_string(),
            _ => slice(source, e.range()).to_string(),
        },
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => render(source, e),
        _ => slice(source, e.range()).to_string(),
    }
}

fn slice(source: &str, r: TextRange) -> &str {
    source
        .get(r.start().to_usize()..r.end().to_usize())
        .unwrap_or("")
}

/// Python's `repr()` of a string.
pub fn python_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

struct TargetVisitor<'s> {
    source: &'s str,
    out: Vec<String>,
}

impl TargetVisitor<'_> {
    fn add(&mut self, name: String) {
        if !name.is_empty() && !self.out.contains(&name) {
            self.out.push(name);
        }
    }

    fn target(&mut self, e: &Expr) {
        match e {
            Expr::Tuple(t) => t.elts.iter().for_each(|x| self.target(x)),
            Expr::List(l) => l.elts.iter().for_each(|x| self.target(x)),
            Expr::Starred(s) => self.target(&s.value),
            // very long targets are not variable names anyone seeks (and would recurse deeply)
            Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_)
                if slice(self.source, e.range()).len() <= MAX_VAR_LEN && is_lvalue(e) =>
            {
                let r = render(self.source, e);
                self.add(r);
            }
            _ => {}
        }
    }

    fn names_only(&mut self, e: &Expr) {
        match e {
            Expr::Tuple(t) => t.elts.iter().for_each(|x| self.names_only(x)),
            Expr::List(l) => l.elts.iter().for_each(|x| self.names_only(x)),
            Expr::Starred(s) => self.names_only(&s.value),
            Expr::Name(n) => self.add(n.id.to_string()),
            _ => {}
        }
    }
}

impl<'a> Visitor<'a> for TargetVisitor<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Assign(a) => a.targets.iter().for_each(|t| self.target(t)),
            Stmt::AugAssign(a) => self.target(&a.target),
            Stmt::AnnAssign(a) => self.target(&a.target),
            Stmt::For(f) => self.names_only(&f.target),
            Stmt::With(w) => {
                for item in &w.items {
                    if let Some(v) = &item.optional_vars {
                        self.names_only(v);
                    }
                }
            }
            _ => {}
        }
        walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Named(n) => self.names_only(&n.target),
            Expr::Call(c) => {
                if let Expr::Name(f) = &*c.func {
                    if f.id.as_str() == "define" {
                        if let Some(Expr::StringLiteral(s)) = c.arguments.args.first() {
                            if let Ok(n) = normalize_var(s.value.to_str()) {
                                self.add(n);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_assignment_targets() {
        let code = "a = 1\nuser.name.first = 'x'\nfruit[\"apple\"] = 2\nb, c = 1, 2\nif a:\n  d += 1\nfor k in []:\n  pass\ndefine('e.f', 3)\nx.items[i].g = 4\n";
        let t = assigned_targets(code).unwrap();
        assert_eq!(
            t,
            vec![
                "a",
                "user.name.first",
                "fruit['apple']",
                "b",
                "c",
                "d",
                "k",
                "e.f",
                "x.items[i].g"
            ]
        );
    }

    #[test]
    fn reports_syntax_errors_with_position() {
        let e = assigned_targets("a = 1\nb = (\n").unwrap_err();
        assert!(e.line >= 2, "{e:?}");
    }

    #[test]
    fn normalises_variable_names() {
        assert_eq!(
            normalize_var(" fruit[\"apple\"] ").unwrap(),
            "fruit['apple']"
        );
        assert_eq!(normalize_var("a[0].b[i]").unwrap(), "a[0].b[i]");
        assert_eq!(normalize_var("a [ 0 ] . b").unwrap(), "a[0].b");
        assert!(normalize_var("f(x)").is_err());
        assert!(normalize_var("a + b").is_err());
        assert!(normalize_var("").is_err());
        assert!(normalize_var("a.b c").is_err());
    }
}
