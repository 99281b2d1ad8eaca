//! Lowering of ruff's Python AST into our IR.

use std::sync::Arc;

use ruff_python_ast as ast;
use ruff_python_ast::{Expr as AExpr, Stmt as AStmt};

use crate::error::{Origin, SyntaxError};
use crate::ir::*;

/// Maximum nesting of expressions / blocks accepted (keeps the Rust stack safe).
const MAX_NESTING: u32 = 200;

/// Lowering state: the source positions and the declarations of the current function.
pub(crate) struct Lower<'s> {
    origin: &'s Origin,
    line_starts: Vec<usize>,
    decls: Vec<(Vec<Name>, Vec<Name>)>,
    depth: u32,
}

type R<T> = Result<T, SyntaxError>;

/// Longest chain of operators allowed on one logical line (keeps the AST shallow enough
/// to be dropped and lowered on a small stack).
const MAX_CHAIN: usize = 2_000;

/// Refuses source nested too deeply (brackets, operator chains, indentation) before the
/// parser builds an AST that could not even be dropped safely.
pub(crate) fn check_nesting(source: &str, origin: &Origin) -> R<()> {
    let err = |line: u32, message: &str| SyntaxError {
        file: origin.file.clone(),
        line: origin.line + line,
        column: 1,
        message: message.into(),
    };
    let bytes = source.as_bytes();
    let mut depth = 0i32;
    let mut chain = 0usize;
    let mut line = 0u32;
    let mut indents: Vec<usize> = vec![0];
    let mut at_line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if at_line_start {
            let mut w = 0;
            while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
                w += if bytes[i] == b'\t' { 8 } else { 1 };
                i += 1;
            }
            at_line_start = false;
            if i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r' | b'#') && depth <= 0 {
                while indents.last().is_some_and(|l| *l > w) {
                    indents.pop();
                }
                if indents.last().is_some_and(|l| *l < w) {
                    indents.push(w);
                }
                if indents.len() > 100 {
                    return Err(err(line, "too many nested blocks"));
                }
            }
            continue;
        }
        match b {
            b'\n' => {
                line += 1;
                if depth <= 0 {
                    chain = 0;
                    at_line_start = true;
                }
            }
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let triple = i + 2 < bytes.len() && bytes[i + 1] == b && bytes[i + 2] == b;
                let raw = i > 0 && matches!(bytes[i - 1], b'r' | b'R');
                i += if triple { 3 } else { 1 };
                while i < bytes.len() {
                    let c = bytes[i];
                    if c == b'\\' && !raw {
                        i += 2;
                        continue;
                    }
                    if c == b'\n' {
                        line += 1;
                        if !triple {
                            break;
                        }
                    }
                    if c == b {
                        if !triple {
                            break;
                        }
                        if i + 2 < bytes.len() && bytes[i + 1] == b && bytes[i + 2] == b {
                            i += 2;
                            break;
                        }
                    }
                    // Count f-string replacement fields as nesting.
                    if c == b'{' {
                        chain += 1;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                chain += 1;
                if depth > 200 {
                    return Err(err(line, "too many nested brackets"));
                }
            }
            b')' | b']' | b'}' => depth -= 1,
            b'+' | b'-' | b'~' | b'.' | b'*' | b'/' | b'%' | b'<' | b'>' | b'=' | b'!' | b'&'
            | b'|' | b'^' | b'@' | b':' => chain += 1,
            b'n' | b'l' | b'a' | b'o' | b'i' => {
                let prev_ident =
                    i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
                if !prev_ident {
                    for kw in [&b"not"[..], b"lambda", b"and", b"or", b"if", b"await"] {
                        if bytes[i..].starts_with(kw) {
                            let next = bytes.get(i + kw.len()).copied().unwrap_or(b' ');
                            if !(next.is_ascii_alphanumeric() || next == b'_') {
                                chain += 1;
                                i += kw.len() - 1;
                                break;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        if chain > MAX_CHAIN {
            return Err(err(line, "expression too complex"));
        }
        i += 1;
    }
    Ok(())
}

impl<'s> Lower<'s> {
    pub(crate) fn new(source: &str, origin: &'s Origin) -> Lower<'s> {
        let mut line_starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        Lower {
            origin,
            line_starts,
            decls: Vec::new(),
            depth: 0,
        }
    }

    /// (absolute line, 1-based absolute column) of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> (u32, u32) {
        let idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let col = (offset - self.line_starts[idx]) as u32;
        let line = self.origin.line + idx as u32;
        let column = if idx == 0 {
            self.origin.column + col + 1
        } else {
            col + 1
        };
        (line, column)
    }

    fn line(&self, range: ruff_text_size::TextRange) -> u32 {
        self.position(u32::from(range.start()) as usize).0
    }

    pub(crate) fn error(&self, offset: usize, message: impl Into<String>) -> SyntaxError {
        let (line, column) = self.position(offset);
        SyntaxError {
            file: self.origin.file.clone(),
            line,
            column,
            message: message.into(),
        }
    }

    fn err_at<T>(&self, range: ruff_text_size::TextRange, message: impl Into<String>) -> R<T> {
        Err(self.error(u32::from(range.start()) as usize, message))
    }

    fn enter(&mut self, range: ruff_text_size::TextRange) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return self.err_at(range, "too deeply nested");
        }
        Ok(())
    }

    pub(crate) fn block(&mut self, stmts: &[AStmt]) -> R<Vec<Stmt>> {
        let mut out = Vec::with_capacity(stmts.len());
        for s in stmts {
            out.push(self.stmt(s)?);
        }
        Ok(out)
    }

    fn stmt(&mut self, s: &AStmt) -> R<Stmt> {
        let range = ruff_text_size::Ranged::range(s);
        self.enter(range)?;
        let r = self.stmt_inner(s, range);
        self.depth -= 1;
        Ok(Stmt {
            line: self.line(range),
            kind: r?,
        })
    }

    fn stmt_inner(&mut self, s: &AStmt, range: ruff_text_size::TextRange) -> R<StmtKind> {
        Ok(match s {
            AStmt::Expr(e) => StmtKind::Expr(self.expr(&e.value)?),
            AStmt::Assign(a) => {
                let mut targets = Vec::new();
                for t in &a.targets {
                    targets.push(self.target(t)?);
                }
                StmtKind::Assign(targets, self.expr(&a.value)?)
            }
            AStmt::AnnAssign(a) => match &a.value {
                Some(v) => StmtKind::Assign(vec![self.target(&a.target)?], self.expr(v)?),
                None => StmtKind::Pass,
            },
            AStmt::AugAssign(a) => {
                let t = self.target(&a.target)?;
                if matches!(t, Target::Tuple(..)) {
                    return self.err_at(range, "illegal expression for augmented assignment");
                }
                StmtKind::AugAssign(t, binop(a.op), self.expr(&a.value)?)
            }
            AStmt::If(i) => {
                let mut branches = vec![(self.expr(&i.test)?, self.block(&i.body)?)];
                let mut orelse = Vec::new();
                for c in &i.elif_else_clauses {
                    match &c.test {
                        Some(t) => branches.push((self.expr(t)?, self.block(&c.body)?)),
                        None => orelse = self.block(&c.body)?,
                    }
                }
                StmtKind::If(branches, orelse)
            }
            AStmt::For(f) => {
                if f.is_async {
                    return self.err_at(range, "async is not supported");
                }
                StmtKind::For(
                    self.target(&f.target)?,
                    self.expr(&f.iter)?,
                    self.block(&f.body)?,
                    self.block(&f.orelse)?,
                )
            }
            AStmt::While(w) => StmtKind::While(
                self.expr(&w.test)?,
                self.block(&w.body)?,
                self.block(&w.orelse)?,
            ),
            AStmt::Break(_) => StmtKind::Break,
            AStmt::Continue(_) => StmtKind::Continue,
            AStmt::Pass(_) => StmtKind::Pass,
            AStmt::Return(r) => StmtKind::Return(match &r.value {
                Some(v) => Some(self.expr(v)?),
                None => None,
            }),
            AStmt::FunctionDef(f) => return self.function_def(f, range),
            AStmt::ClassDef(c) => {
                let decorators = self.decorators(&c.decorator_list)?;
                let kind = self.class_def(c, range)?;
                decorated(decorators, c.name.id.as_str(), kind)
            }
            AStmt::Delete(d) => {
                let mut targets = Vec::new();
                for t in &d.targets {
                    targets.push(self.target(t)?);
                }
                StmtKind::Del(targets)
            }
            AStmt::Assert(a) => StmtKind::Assert(
                self.expr(&a.test)?,
                match &a.msg {
                    Some(m) => Some(self.expr(m)?),
                    None => None,
                },
            ),
            AStmt::Try(t) => return self.try_stmt(t, range),
            AStmt::Raise(r) => StmtKind::Raise(match &r.exc {
                Some(e) => Some(self.expr(e)?),
                None => None,
            }),
            AStmt::Import(i) => {
                let mut out = Vec::new();
                for a in &i.names {
                    let module = a.name.id.as_str();
                    match &a.asname {
                        Some(n) => out.push((name(module), name(n.id.as_str()), false)),
                        None => {
                            let top = module.split('.').next().unwrap_or(module);
                            out.push((name(module), name(top), module.contains('.')))
                        }
                    }
                }
                StmtKind::Import(out)
            }
            AStmt::ImportFrom(i) => {
                if i.level > 0 {
                    return self.err_at(range, "relative imports are not supported");
                }
                let module = i.module.as_ref().map(|m| m.id.as_str()).unwrap_or("");
                let mut names = Vec::new();
                for a in &i.names {
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    names.push((name(a.name.id.as_str()), name(bound.id.as_str())));
                }
                StmtKind::ImportFrom(name(module), names)
            }
            AStmt::Global(g) => {
                if let Some(d) = self.decls.last_mut() {
                    d.0.extend(g.names.iter().map(|n| name(n.id.as_str())));
                }
                StmtKind::Decl
            }
            AStmt::Nonlocal(g) => {
                match self.decls.last_mut() {
                    Some(d) => d.1.extend(g.names.iter().map(|n| name(n.id.as_str()))),
                    None => {
                        return self
                            .err_at(range, "nonlocal declaration not allowed at module level")
                    }
                }
                StmtKind::Decl
            }
            AStmt::With(w) => {
                if w.is_async {
                    return self.err_at(range, "async is not supported");
                }
                let mut items = Vec::new();
                for it in &w.items {
                    let t = match &it.optional_vars {
                        Some(v) => Some(self.target(v)?),
                        None => None,
                    };
                    items.push((self.expr(&it.context_expr)?, t));
                }
                StmtKind::With(items, self.block(&w.body)?)
            }
            AStmt::Match(_) => return self.err_at(range, "'match' is not supported"),
            AStmt::TypeAlias(_) => return self.err_at(range, "'type' aliases are not supported"),
            AStmt::IpyEscapeCommand(_) => return self.err_at(range, "invalid syntax"),
        })
    }

    /// `try`/`except`/`else`/`finally` (`except*` is refused).
    fn try_stmt(&mut self, t: &ast::StmtTry, range: ruff_text_size::TextRange) -> R<StmtKind> {
        if t.is_star {
            return self.err_at(range, "except* is not supported");
        }
        let body = self.block(&t.body)?;
        let mut handlers = Vec::new();
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            handlers.push(Handler {
                kind: match &h.type_ {
                    Some(e) => Some(self.expr(e)?),
                    None => None,
                },
                name: h.name.as_ref().map(|n| name(n.id.as_str())),
                body: self.block(&h.body)?,
            });
        }
        Ok(StmtKind::Try(body, handlers, self.block(&t.orelse)?, self.block(&t.finalbody)?))
    }

    /// A `def` (not async), with its decorators.
    fn function_def(&mut self, f: &ast::StmtFunctionDef, range: ruff_text_size::TextRange) -> R<StmtKind> {
        if f.is_async {
            return self.err_at(range, "async is not supported");
        }
        let decorators = self.decorators(&f.decorator_list)?;
        let def = self.funcdef(f.name.id.as_str(), &f.parameters, range, |l| l.block(&f.body))?;
        Ok(decorated(decorators, f.name.id.as_str(), StmtKind::Def(Arc::new(def))))
    }

    /// The decorator expressions, outermost first.
    fn decorators(&mut self, list: &[ast::Decorator]) -> R<Vec<Expr>> {
        let mut out = Vec::with_capacity(list.len());
        for d in list {
            out.push(self.expr(&d.expression)?);
        }
        Ok(out)
    }

    /// A class definition (no class keywords; decorators are applied by the caller).
    fn class_def(&mut self, c: &ast::StmtClassDef, range: ruff_text_size::TextRange) -> R<StmtKind> {
        let mut bases = Vec::new();
        if let Some(args) = &c.arguments {
            if !args.keywords.is_empty() {
                return self.err_at(range, "class keywords are not supported");
            }
            for a in args.args.iter() {
                bases.push(self.expr(a)?);
            }
        }
        let body = self.block(&c.body)?;
        Ok(StmtKind::Class(name(c.name.id.as_str()), bases, body))
    }

    /// A call with positional, starred, keyword and `**` arguments.
    fn call_expr(&mut self, c: &ast::ExprCall) -> R<Expr> {
        let func = self.boxed(&c.func)?;
        let mut args = Vec::new();
        for a in c.arguments.args.iter() {
            if let AExpr::Starred(s) = a {
                args.push(Arg::Star(self.expr(&s.value)?));
            } else {
                args.push(Arg::Pos(self.expr(a)?));
            }
        }
        for k in c.arguments.keywords.iter() {
            match &k.arg {
                Some(n) => args.push(Arg::Kw(name(n.id.as_str()), self.expr(&k.value)?)),
                None => args.push(Arg::StarStar(self.expr(&k.value)?)),
            }
        }
        Ok(Expr::Call(func, args))
    }

    /// A binary operation; a left-leaning chain `a + b + c …` becomes one `BinChain` (no deep recursion).
    fn bin_expr(&mut self, b: &ast::ExprBinOp) -> R<Expr> {
        let mut rights = vec![(binop(b.op), &*b.right)];
        let mut left = &*b.left;
        while let AExpr::BinOp(l) = left {
            rights.push((binop(l.op), &*l.right));
            left = &*l.left;
        }
        if rights.len() == 1 {
            return Ok(Expr::Bin(
                binop(b.op),
                self.boxed(&b.left)?,
                self.boxed(&b.right)?,
            ));
        }
        let first = self.boxed(left)?;
        let mut rest = Vec::with_capacity(rights.len());
        for (op, r) in rights.into_iter().rev() {
            rest.push((op, self.expr(r)?));
        }
        Ok(Expr::BinChain(first, rest))
    }

    /// A lambda: a function whose body returns one expression.
    fn lambda(&mut self, l: &ast::ExprLambda, range: ruff_text_size::TextRange) -> R<Expr> {
        let empty = ast::Parameters {
            range,
            node_index: Default::default(),
            posonlyargs: Default::default(),
            args: Default::default(),
            vararg: None,
            kwonlyargs: Default::default(),
            kwarg: None,
        };
        let params = l.parameters.as_deref().unwrap_or(&empty);
        let line = self.line(range);
        let def = self.funcdef("<lambda>", params, range, |lw| {
            Ok(vec![Stmt {
                line,
                kind: StmtKind::Return(Some(lw.expr(&l.body)?)),
            }])
        })?;
        Ok(Expr::Lambda(Arc::new(def)))
    }

    fn funcdef(
        &mut self,
        fname: &str,
        params: &ast::Parameters,
        range: ruff_text_size::TextRange,
        body: impl FnOnce(&mut Self) -> R<Vec<Stmt>>,
    ) -> R<FuncDef> {
        let mut out = Vec::new();
        for p in params.posonlyargs.iter().chain(params.args.iter()) {
            out.push(Param {
                name: name(p.parameter.name.id.as_str()),
                default: match &p.default {
                    Some(d) => Some(self.expr(d)?),
                    None => None,
                },
                kind: ParamKind::Normal,
            });
        }
        for p in params.kwonlyargs.iter() {
            out.push(Param {
                name: name(p.parameter.name.id.as_str()),
                default: match &p.default {
                    Some(d) => Some(self.expr(d)?),
                    None => None,
                },
                kind: ParamKind::KwOnly,
            });
        }
        self.decls.push((Vec::new(), Vec::new()));
        let body = body(self);
        let (globals, nonlocals) = self.decls.pop().unwrap_or_default();
        let body = body?;
        let mut locals = Vec::new();
        collect_locals(&body, &mut locals);
        locals.retain(|n| !globals.contains(n) && !nonlocals.contains(n));
        for p in &out {
            locals.retain(|n| *n != p.name);
        }
        Ok(FuncDef {
            name: name(fname),
            params: out,
            vararg: params.vararg.as_ref().map(|p| name(p.name.id.as_str())),
            kwarg: params.kwarg.as_ref().map(|p| name(p.name.id.as_str())),
            body,
            globals,
            nonlocals,
            locals,
            line: self.line(range),
        })
    }

    pub(crate) fn target(&mut self, e: &AExpr) -> R<Target> {
        Ok(match e {
            AExpr::Name(n) => Target::Name(name(n.id.as_str())),
            AExpr::Attribute(a) => Target::Attr(self.expr(&a.value)?, name(a.attr.id.as_str())),
            AExpr::Subscript(s) => Target::Subscript(self.expr(&s.value)?, self.expr(&s.slice)?),
            AExpr::Tuple(ast::ExprTuple { elts, .. }) | AExpr::List(ast::ExprList { elts, .. }) => {
                let mut out = Vec::new();
                let mut star = None;
                for (i, t) in elts.iter().enumerate() {
                    if let AExpr::Starred(s) = t {
                        if star.is_some() {
                            return self
                                .err_at(s.range, "multiple starred expressions in assignment");
                        }
                        star = Some(i);
                        out.push(self.target(&s.value)?);
                    } else {
                        out.push(self.target(t)?);
                    }
                }
                Target::Tuple(out, star)
            }
            other => {
                return self.err_at(
                    ruff_text_size::Ranged::range(other),
                    "cannot assign to expression",
                )
            }
        })
    }

    pub(crate) fn expr(&mut self, e: &AExpr) -> R<Expr> {
        let range = ruff_text_size::Ranged::range(e);
        self.enter(range)?;
        let r = self.expr_inner(e, range);
        self.depth -= 1;
        r
    }

    fn boxed(&mut self, e: &AExpr) -> R<Box<Expr>> {
        Ok(Box::new(self.expr(e)?))
    }

    fn elts(&mut self, elts: &[AExpr]) -> R<Vec<Elt>> {
        let mut out = Vec::with_capacity(elts.len());
        for e in elts {
            if let AExpr::Starred(s) = e {
                out.push(Elt::Star(self.expr(&s.value)?));
            } else {
                out.push(Elt::One(self.expr(e)?));
            }
        }
        Ok(out)
    }

    fn comp(&mut self, gens: &[ast::Comprehension]) -> R<Vec<CompFor>> {
        let mut out = Vec::new();
        for g in gens {
            if g.is_async {
                return self.err_at(g.range, "async is not supported");
            }
            let mut ifs = Vec::new();
            for i in &g.ifs {
                ifs.push(self.expr(i)?);
            }
            out.push(CompFor {
                target: self.target(&g.target)?,
                iter: self.expr(&g.iter)?,
                ifs,
            });
        }
        Ok(out)
    }

    fn fstring_elements(
        &mut self,
        elements: &ast::InterpolatedStringElements,
        out: &mut Vec<FPart>,
    ) -> R<()> {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => push_lit(out, &l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let conv = match i.conversion {
                        ast::ConversionFlag::None => None,
                        ast::ConversionFlag::Str => Some('s'),
                        ast::ConversionFlag::Repr => Some('r'),
                        ast::ConversionFlag::Ascii => Some('a'),
                    };
                    let spec = match &i.format_spec {
                        Some(s) => {
                            let mut parts = Vec::new();
                            self.fstring_elements(&s.elements, &mut parts)?;
                            Some(parts)
                        }
                        None => None,
                    };
                    let debug = i.debug_text.as_ref().map(|d| {
                        Arc::from(
                            format!("{}{}{}", d.leading(), d.expression(), d.trailing()).as_str(),
                        )
                    });
                    // `f"{x=}"` defaults to repr when there is no spec and no conversion.
                    let conv = if debug.is_some() && conv.is_none() && spec.is_none() {
                        Some('r')
                    } else {
                        conv
                    };
                    out.push(FPart::Value {
                        expr: self.expr(&i.expression)?,
                        conv,
                        spec,
                        debug,
                    });
                }
            }
        }
        Ok(())
    }

    fn expr_inner(&mut self, e: &AExpr, range: ruff_text_size::TextRange) -> R<Expr> {
        Ok(match e {
            AExpr::NoneLiteral(_) => Expr::Lit(Lit::None),
            AExpr::BooleanLiteral(b) => Expr::Lit(Lit::Bool(b.value)),
            AExpr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => match i.as_i64() {
                    Some(v) => Expr::Lit(Lit::Int(v)),
                    None => Expr::Lit(Lit::BigInt),
                },
                ast::Number::Float(f) => Expr::Lit(Lit::Float(*f)),
                ast::Number::Complex { .. } => Expr::Lit(Lit::Complex),
            },
            AExpr::StringLiteral(s) => Expr::Lit(Lit::Str(Arc::from(s.value.to_str()))),
            AExpr::BytesLiteral(_) => return self.err_at(range, "bytes are not supported"),
            AExpr::EllipsisLiteral(_) => Expr::Lit(Lit::None),
            AExpr::FString(f) => {
                let mut parts = Vec::new();
                for p in f.value.iter() {
                    match p {
                        ast::FStringPart::Literal(l) => push_lit(&mut parts, &l.value),
                        ast::FStringPart::FString(fs) => {
                            self.fstring_elements(&fs.elements, &mut parts)?
                        }
                    }
                }
                Expr::FString(parts)
            }
            AExpr::TString(_) => return self.err_at(range, "t-strings are not supported"),
            AExpr::Name(n) => Expr::Name(name(n.id.as_str())),
            AExpr::Attribute(a) => {
                if let AExpr::Call(c) = &*a.value {
                    if let AExpr::Name(n) = &*c.func {
                        if n.id.as_str() == "super"
                            && c.arguments.args.is_empty()
                            && c.arguments.keywords.is_empty()
                        {
                            return Ok(Expr::SuperAttr(name(a.attr.id.as_str())));
                        }
                    }
                }
                Expr::Attr(self.boxed(&a.value)?, name(a.attr.id.as_str()))
            }
            AExpr::Subscript(s) => Expr::Subscript(self.boxed(&s.value)?, self.boxed(&s.slice)?),
            AExpr::Slice(s) => Expr::Slice(
                match &s.lower {
                    Some(x) => Some(self.boxed(x)?),
                    None => None,
                },
                match &s.upper {
                    Some(x) => Some(self.boxed(x)?),
                    None => None,
                },
                match &s.step {
                    Some(x) => Some(self.boxed(x)?),
                    None => None,
                },
            ),
            AExpr::Call(c) => return self.call_expr(c),
            AExpr::BinOp(b) => return self.bin_expr(b),
            AExpr::UnaryOp(u) => {
                let op = match u.op {
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::USub => UnOp::Neg,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::Invert => UnOp::Invert,
                };
                // Fold `-<int literal>` so that -9223372036854775808 works.
                if let (UnOp::Neg, AExpr::NumberLiteral(n)) = (op, &*u.operand) {
                    if let ast::Number::Int(i) = &n.value {
                        if let Ok(v) = i.to_string().parse::<i128>() {
                            if let Ok(neg) = i64::try_from(-v) {
                                return Ok(Expr::Lit(Lit::Int(neg)));
                            }
                        }
                    }
                }
                Expr::Unary(op, self.boxed(&u.operand)?)
            }
            AExpr::BoolOp(b) => {
                let mut vals = Vec::new();
                for v in &b.values {
                    vals.push(self.expr(v)?);
                }
                Expr::BoolOp(matches!(b.op, ast::BoolOp::And), vals)
            }
            AExpr::Compare(c) => {
                let mut rest = Vec::new();
                for (op, e) in c.ops.iter().zip(c.comparators.iter()) {
                    rest.push((cmpop(*op), self.expr(e)?));
                }
                Expr::Compare(self.boxed(&c.left)?, rest)
            }
            AExpr::If(i) => Expr::IfExp(
                self.boxed(&i.test)?,
                self.boxed(&i.body)?,
                self.boxed(&i.orelse)?,
            ),
            AExpr::List(l) => Expr::List(self.elts(&l.elts)?),
            AExpr::Tuple(t) => Expr::Tuple(self.elts(&t.elts)?),
            AExpr::Set(s) => Expr::Set(self.elts(&s.elts)?),
            AExpr::Dict(d) => {
                let mut items = Vec::new();
                for it in &d.items {
                    let k = match &it.key {
                        Some(k) => Some(self.expr(k)?),
                        None => None,
                    };
                    items.push((k, self.expr(&it.value)?));
                }
                Expr::Dict(items)
            }
            AExpr::ListComp(c) => {
                let gens = self.comp(&c.generators)?;
                Expr::Comp(CompKind::List, self.boxed(&c.elt)?, None, gens)
            }
            AExpr::SetComp(c) => {
                let gens = self.comp(&c.generators)?;
                Expr::Comp(CompKind::Set, self.boxed(&c.elt)?, None, gens)
            }
            AExpr::Generator(c) => {
                let gens = self.comp(&c.generators)?;
                if gens.is_empty() {
                    return self.err_at(range, "invalid generator expression");
                }
                Expr::Gen(std::sync::Arc::new(crate::ir::GenCode {
                    elt: self.expr(&c.elt)?,
                    gens,
                }))
            }
            AExpr::DictComp(c) => {
                let gens = self.comp(&c.generators)?;
                let key = match &c.key {
                    Some(k) => self.boxed(k)?,
                    None => return self.err_at(range, "invalid dict comprehension"),
                };
                Expr::Comp(CompKind::Dict, self.boxed(&c.value)?, Some(key), gens)
            }
            AExpr::Lambda(l) => return self.lambda(l, range),
            AExpr::Named(n) => match &*n.target {
                AExpr::Name(t) => Expr::Named(name(t.id.as_str()), self.boxed(&n.value)?),
                _ => return self.err_at(range, "cannot use assignment expression here"),
            },
            AExpr::Starred(_) => return self.err_at(range, "can't use starred expression here"),
            AExpr::Await(_) | AExpr::Yield(_) | AExpr::YieldFrom(_) => {
                return self.err_at(range, "generators and async are not supported")
            }
            AExpr::IpyEscapeCommand(_) => return self.err_at(range, "invalid syntax"),
        })
    }
}

fn push_lit(out: &mut Vec<FPart>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(FPart::Lit(prev)) = out.last_mut() {
        *prev = Arc::from(format!("{prev}{s}").as_str());
    } else {
        out.push(FPart::Lit(Arc::from(s)));
    }
}

fn name(s: &str) -> Name {
    Arc::from(s)
}

fn binop(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::MatMult => BinOp::MatMul,
        ast::Operator::Div => BinOp::Div,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitOr => BinOp::BitOr,
        ast::Operator::BitXor => BinOp::BitXor,
        ast::Operator::BitAnd => BinOp::BitAnd,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

fn target_names(t: &Target, out: &mut Vec<Name>) {
    match t {
        Target::Name(n) => {
            if !out.contains(n) {
                out.push(n.clone())
            }
        }
        Target::Tuple(items, _) => items.iter().for_each(|t| target_names(t, out)),
        Target::Attr(..) | Target::Subscript(..) => {}
    }
}

/// Names bound by a function body (its locals), not descending into nested functions.
fn collect_locals(body: &[Stmt], out: &mut Vec<Name>) {
    let add = |n: &Name, out: &mut Vec<Name>| {
        if !out.contains(n) {
            out.push(n.clone())
        }
    };
    for s in body {
        match &s.kind {
            StmtKind::Assign(ts, _) => ts.iter().for_each(|t| target_names(t, out)),
            StmtKind::AugAssign(t, _, _) => target_names(t, out),
            StmtKind::For(t, _, b, e) => {
                target_names(t, out);
                collect_locals(b, out);
                collect_locals(e, out);
            }
            StmtKind::While(_, b, e) => {
                collect_locals(b, out);
                collect_locals(e, out);
            }
            StmtKind::If(branches, e) => {
                for (_, b) in branches {
                    collect_locals(b, out);
                }
                collect_locals(e, out);
            }
            StmtKind::Try(b, hs, e, f) => {
                collect_locals(b, out);
                for h in hs {
                    if let Some(n) = &h.name {
                        add(n, out);
                    }
                    collect_locals(&h.body, out);
                }
                collect_locals(e, out);
                collect_locals(f, out);
            }
            StmtKind::Def(d) => add(&d.name, out),
            StmtKind::Class(n, _, _) => add(n, out),
            StmtKind::Decorated(_, n, _) => add(n, out),
            StmtKind::Import(items) => items.iter().for_each(|(_, b, _)| add(b, out)),
            StmtKind::ImportFrom(_, items) => items.iter().for_each(|(_, b)| add(b, out)),
            StmtKind::Del(ts) => ts.iter().for_each(|t| target_names(t, out)),
            StmtKind::With(items, b) => {
                for (_, t) in items {
                    if let Some(t) = t {
                        target_names(t, out);
                    }
                }
                collect_locals(b, out);
            }
            _ => {}
        }
    }
}

/// A definition with its decorators applied to the name it binds (none: as it is).
fn decorated(decorators: Vec<Expr>, bound: &str, kind: StmtKind) -> StmtKind {
    if decorators.is_empty() {
        kind
    } else {
        StmtKind::Decorated(decorators, name(bound), Box::new(kind))
    }
}

fn cmpop(op: ast::CmpOp) -> CmpOp {
    match op {
        ast::CmpOp::Eq => CmpOp::Eq,
        ast::CmpOp::NotEq => CmpOp::Ne,
        ast::CmpOp::Lt => CmpOp::Lt,
        ast::CmpOp::LtE => CmpOp::Le,
        ast::CmpOp::Gt => CmpOp::Gt,
        ast::CmpOp::GtE => CmpOp::Ge,
        ast::CmpOp::Is => CmpOp::Is,
        ast::CmpOp::IsNot => CmpOp::IsNot,
        ast::CmpOp::In => CmpOp::In,
        ast::CmpOp::NotIn => CmpOp::NotIn,
    }
}
