//! The lowered form of Python source the interpreter runs (Send + Sync, compiled once).

use std::sync::Arc;

/// A name or attribute (shared string).
pub type Name = Arc<str>;

/// A literal constant.
#[derive(Debug, Clone)]
pub enum Lit {
    /// `None`.
    None,
    /// `True`/`False`.
    Bool(bool),
    /// An int literal.
    Int(i64),
    /// A float literal.
    Float(f64),
    /// A string literal.
    Str(Arc<str>),
    /// An int literal too large for i64 (raises OverflowError when evaluated).
    BigInt,
    /// A complex literal (unsupported: raises ValueError when evaluated).
    Complex,
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
    /// `@`
    MatMul,
}

impl BinOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
            BinOp::MatMul => "@",
        }
    }
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    /// `not`
    Not,
    /// `-`
    Neg,
    /// `+`
    Pos,
    /// `~`
    Invert,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

/// An element of a list/tuple/set display or a positional call argument.
#[derive(Debug)]
pub enum Elt {
    /// A plain expression.
    One(Expr),
    /// `*expr`.
    Star(Expr),
}

/// A call argument.
#[derive(Debug)]
pub enum Arg {
    /// Positional.
    Pos(Expr),
    /// `*expr`.
    Star(Expr),
    /// `name=expr`.
    Kw(Name, Expr),
    /// `**expr`.
    StarStar(Expr),
}

/// Kind of a comprehension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    /// `[x for …]`
    List,
    /// `{x for …}`
    Set,
    /// `{k: v for …}`
    Dict,
    /// `(x for …)` (only used when lowering; generator expressions become [`Expr::Gen`])
    Gen,
}

/// The code of a generator expression: element and clauses.
#[derive(Debug)]
pub struct GenCode {
    /// Element expression.
    pub elt: Expr,
    /// Clauses (at least one).
    pub gens: Vec<CompFor>,
}

/// One `for … in … if …` clause of a comprehension.
#[derive(Debug)]
pub struct CompFor {
    /// Loop target.
    pub target: Target,
    /// Iterable.
    pub iter: Expr,
    /// Conditions.
    pub ifs: Vec<Expr>,
}

/// A piece of an f-string.
#[derive(Debug)]
pub enum FPart {
    /// Literal text.
    Lit(Arc<str>),
    /// `{expr!conv:spec}`.
    Value {
        /// The expression.
        expr: Expr,
        /// `'r'`, `'s'`, `'a'` or none.
        conv: Option<char>,
        /// The format spec (itself an f-string).
        spec: Option<Vec<FPart>>,
        /// `f"{x=}"` text to print before the value.
        debug: Option<Arc<str>>,
    },
}

/// An expression.
#[derive(Debug)]
pub enum Expr {
    /// A constant.
    Lit(Lit),
    /// A variable.
    Name(Name),
    /// `value.attr`.
    Attr(Box<Expr>, Name),
    /// `super().attr`.
    SuperAttr(Name),
    /// `value[index]`.
    Subscript(Box<Expr>, Box<Expr>),
    /// `lower:upper:step` inside a subscript.
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    /// A call.
    Call(Box<Expr>, Vec<Arg>),
    /// A binary operation.
    Bin(BinOp, Box<Expr>, Box<Expr>),
    /// A left-deep chain `((a op b) op c) …`, evaluated without recursion.
    BinChain(Box<Expr>, Vec<(BinOp, Expr)>),
    /// A unary operation.
    Unary(UnOp, Box<Expr>),
    /// `and` (true) / `or` (false) chain.
    BoolOp(bool, Vec<Expr>),
    /// Chained comparison.
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `body if test else orelse`.
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    /// List display.
    List(Vec<Elt>),
    /// Tuple display.
    Tuple(Vec<Elt>),
    /// Set display.
    Set(Vec<Elt>),
    /// Dict display (`None` key = `**spread`).
    Dict(Vec<(Option<Expr>, Expr)>),
    /// A comprehension: kind, element (value for dicts), key for dicts, clauses.
    Comp(CompKind, Box<Expr>, Option<Box<Expr>>, Vec<CompFor>),
    /// A generator expression (evaluated lazily; shared with the generators it creates).
    Gen(Arc<GenCode>),
    /// `lambda`.
    Lambda(Arc<FuncDef>),
    /// An f-string.
    FString(Vec<FPart>),
    /// `name := value`.
    Named(Name, Box<Expr>),
}

/// An assignable target.
#[derive(Debug)]
pub enum Target {
    /// A variable.
    Name(Name),
    /// `value.attr = …`.
    Attr(Expr, Name),
    /// `value[index] = …`.
    Subscript(Expr, Expr),
    /// `a, b = …` / `[a, *b] = …`; the index of the starred target if any.
    Tuple(Vec<Target>, Option<usize>),
}

/// Parameters kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// Positional or keyword.
    Normal,
    /// Keyword only.
    KwOnly,
}

/// A parameter of a function.
#[derive(Debug)]
pub struct Param {
    /// Name.
    pub name: Name,
    /// Default expression.
    pub default: Option<Expr>,
    /// Kind.
    pub kind: ParamKind,
}

/// A function definition (`def` or `lambda`).
#[derive(Debug)]
pub struct FuncDef {
    /// Name (`<lambda>` for lambdas).
    pub name: Name,
    /// Parameters in order (normal first, then keyword-only).
    pub params: Vec<Param>,
    /// `*args` name.
    pub vararg: Option<Name>,
    /// `**kwargs` name.
    pub kwarg: Option<Name>,
    /// Body.
    pub body: Vec<Stmt>,
    /// Names declared `global`.
    pub globals: Vec<Name>,
    /// Names declared `nonlocal`.
    pub nonlocals: Vec<Name>,
    /// Names bound in the body (locals other than the parameters).
    pub locals: Vec<Name>,
    /// Line of the definition.
    pub line: u32,
}

/// An `except` clause.
#[derive(Debug)]
pub struct Handler {
    /// The exception class expression (`None` = bare except).
    pub kind: Option<Expr>,
    /// `as name`.
    pub name: Option<Name>,
    /// Body.
    pub body: Vec<Stmt>,
}

/// A statement with its line.
#[derive(Debug)]
pub struct Stmt {
    /// 1-based line in the origin's file.
    pub line: u32,
    /// What it does.
    pub kind: StmtKind,
}

/// Statement kinds.
#[derive(Debug)]
pub enum StmtKind {
    /// An expression statement.
    Expr(Expr),
    /// `a = b = value`.
    Assign(Vec<Target>, Expr),
    /// `target op= value`.
    AugAssign(Target, BinOp, Expr),
    /// `if`/`elif` branches and `else`.
    If(Vec<(Expr, Vec<Stmt>)>, Vec<Stmt>),
    /// `for target in iter: body else: orelse`.
    For(Target, Expr, Vec<Stmt>, Vec<Stmt>),
    /// `while test: body else: orelse`.
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `return`.
    Return(Option<Expr>),
    /// `pass`.
    Pass,
    /// `def`.
    Def(Arc<FuncDef>),
    /// `class name(bases): body`.
    Class(Name, Vec<Expr>, Vec<Stmt>),
    /// A `def` or `class` (the statement) with decorators (outermost first) applied to
    /// the name it binds.
    Decorated(Vec<Expr>, Name, Box<StmtKind>),
    /// `del targets`.
    Del(Vec<Target>),
    /// `assert test, msg`.
    Assert(Expr, Option<Expr>),
    /// `try`.
    Try(Vec<Stmt>, Vec<Handler>, Vec<Stmt>, Vec<Stmt>),
    /// `raise [exc]`.
    Raise(Option<Expr>),
    /// `import a.b as c` → (module path, bound name, bind the top package).
    Import(Vec<(Name, Name, bool)>),
    /// `from module import name as alias`.
    ImportFrom(Name, Vec<(Name, Name)>),
    /// `global` / `nonlocal` (declarations handled at lowering).
    Decl,
    /// `with expr as target, …: body` (`__enter__`/`__exit__` of objects honoured).
    With(Vec<(Expr, Option<Target>)>, Vec<Stmt>),
}
