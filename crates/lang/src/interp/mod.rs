//! The tree-walking interpreter: statements, expressions, calls, exceptions.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use crate::value::IndexMap;

use crate::error::{Error, LimitKind};
use crate::ir::{self, Arg, BinOp, CmpOp, CompKind, Elt, Expr, FPart, Lit, Stmt, StmtKind, UnOp};
use crate::limits::{Limits, BYTES_PER_STEP, WORK_PER_STEP};
use crate::random::Random;
use crate::exception::{exception_class_by_name, is_exception_class, new_exception};
use crate::value::{
    Args, BoundMethod, Class, Cursor, Dict, Function, GenState, IterState, Key, NativeFunction, Num,
    Scope, Value,
};
use crate::{Host, Namespace, Output};

/// Builds the exception object for a caught error (only when a handler matches).
type ExcMaker = Box<dyn FnOnce(&mut Vm) -> R<Value>>;

/// Control flow out of a block.
pub(crate) enum Ctrl {
    Normal,
    Break,
    Continue,
    Return(Value),
}

/// The evaluation context of the code being run.
#[derive(Clone, Default)]
pub(crate) struct Frame {
    /// Function / comprehension / class-body locals; `None` at module level.
    pub locals: Option<Rc<Scope>>,
    /// The function being run.
    pub func: Option<Rc<Function>>,
    /// The first argument of the function (for `super()`).
    pub self_: Option<Value>,
    /// The class whose body is being run.
    pub class_ctx: Option<Rc<Class>>,
}

type R<T> = Result<T, Error>;

/// Stack that must remain before recursing further; below it a new segment is used.
const RED_ZONE: usize = 512 * 1024;
/// Size of each extra stack segment.
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// Units of work between two looks at the clock (about 4,000 steps).
const CLOCK_INTERVAL: u64 = 4096 * WORK_PER_STEP;
/// Units of work per node of a hash-key walk (each node builds a key).
pub(crate) const KEY_NODE_WORK: u64 = 8;
/// Bytes per unit of work.
const BYTES_PER_UNIT: usize = (BYTES_PER_STEP / WORK_PER_STEP) as usize;

/// The evaluator. One per request (or per evaluation); limits count per Vm.
pub struct Vm<'a> {
    pub(crate) limits: Limits,
    out: &'a mut dyn Output,
    host: Option<&'a mut dyn Host>,
    /// Work done, in units of one element (a step is `WORK_PER_STEP` units).
    fuel: u64,
    /// `fuel` at which the budget runs out.
    fuel_limit: u64,
    /// `fuel` at which the clock and the budget are next checked (≤ `fuel_limit`).
    next_check: u64,
    /// When evaluation must stop.
    deadline: Option<std::time::Instant>,
    depth: u32,
    allocated: usize,
    pub(crate) globals: Namespace,
    line: u32,
    /// The exception object of the most recent `raise` (matched by class name).
    raised: Option<(Value, String)>,
    /// How many exec/eval calls are running (natives may run code in their own namespace).
    nesting: u32,
    /// Exceptions being handled (for bare `raise`).
    handling: Vec<Value>,
    /// The exception an `Undefined` would be inside `try`: class name and its single argument.
    undef: Option<(&'static str, Value, String)>,
    /// The `random` module's generator.
    random: RandomSlot<'a>,
}

/// The generator of the `random` module: the Vm's own (its state is made on the first
/// draw, see [`Random`]), or one the host lends.
enum RandomSlot<'a> {
    Own(Random),
    Lent(&'a mut Random),
}

mod access;
mod call;
mod eval;
mod exec;
mod ops;

use self::access::*;
use self::eval::*;
use self::ops::*;
pub(crate) use self::ops::overflow;

impl<'a> Vm<'a> {
    /// A Vm with `limits` that prints to `out`.
    pub fn new(limits: Limits, out: &'a mut dyn Output) -> Vm<'a> {
        let fuel_limit = limits.max_steps.saturating_mul(WORK_PER_STEP);
        let deadline = limits.deadline_from_now();
        Vm {
            limits,
            out,
            host: None,
            fuel: 0,
            fuel_limit,
            next_check: fuel_limit.min(CLOCK_INTERVAL),
            deadline,
            depth: 0,
            allocated: 0,
            globals: Namespace::new(),
            line: 0,
            raised: None,
            nesting: 0,
            handling: Vec::new(),
            undef: None,
            random: RandomSlot::Own(Random::from_seed(Random::DEFAULT_SEED)),
        }
    }

    /// Lends the `random` module a generator the host seeded (and keeps across evaluations).
    pub fn with_random(mut self, random: &'a mut Random) -> Vm<'a> {
        self.random = RandomSlot::Lent(random);
        self
    }

    /// The `random` module's generator.
    pub(crate) fn random(&mut self) -> &mut Random {
        match &mut self.random {
            RandomSlot::Own(r) => r,
            RandomSlot::Lent(r) => r,
        }
    }

    /// Adds the embedding crate's globals and state.
    pub fn with_host(mut self, host: &'a mut dyn Host) -> Vm<'a> {
        self.host = Some(host);
        self
    }

    /// The host, for natives that need their state (`vm.host()?.as_any().downcast_mut()`).
    pub fn host(&mut self) -> Option<&mut dyn Host> {
        match &mut self.host {
            Some(h) => Some(&mut **h),
            None => None,
        }
    }

    /// Writes `text` to the output sink.
    pub fn print(&mut self, text: &str) {
        self.out.write(text);
    }

    /// The namespace of the code being run (the user dictionary).
    pub fn globals(&self) -> &Namespace {
        &self.globals
    }

    /// Steps used so far.
    pub fn steps(&self) -> u64 {
        self.fuel / WORK_PER_STEP
    }

    /// Runs `f` with `ns` as the global namespace. The outermost call leaves `ns` in place
    /// so that [`Vm::call`] of a function defined there still sees its globals.
    fn with_globals<T>(&mut self, ns: &Namespace, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let saved = std::mem::replace(&mut self.globals, ns.clone());
        self.nesting += 1;
        let r = f(self);
        self.nesting -= 1;
        if self.nesting > 0 {
            self.globals = saved;
        }
        r.map_err(|e| self.finish_error(e))
    }

    /// Runs a compiled program in `ns`.
    pub fn exec(&mut self, program: &crate::Program, ns: &Namespace) -> R<()> {
        self.with_globals(ns, |vm| {
            vm.exec_block(&program.body, &Frame::default()).map(|_| ())
        })
    }

    /// Evaluates a compiled expression in `ns`.
    pub fn eval(&mut self, expr: &crate::Expression, ns: &Namespace) -> R<Value> {
        self.with_globals(ns, |vm| {
            vm.line = expr.line;
            vm.eval_expr(&expr.expr, &Frame::default())
                .map_err(|mut e| {
                    if let Error::Exception { line, .. } = &mut e {
                        if *line == 0 {
                            *line = expr.line;
                        }
                    }
                    e
                })
        })
    }

    /// Assigns `value` to a compiled target (`user.name.first`, `fruit[1]`) in `ns`.
    pub fn assign(&mut self, target: &crate::Target, ns: &Namespace, value: Value) -> R<()> {
        self.with_globals(ns, |vm| {
            vm.line = target.line;
            vm.assign_target(&target.target, value, &Frame::default())
        })
    }

    /// Deletes a compiled target (`del user.name.first`) in `ns`.
    pub fn delete(&mut self, target: &crate::Target, ns: &Namespace) -> R<()> {
        self.with_globals(ns, |vm| vm.delete_target(&target.target, &Frame::default()))
    }

    fn finish_error(&mut self, e: Error) -> Error {
        if self.nesting == 0 {
            self.raised = None;
            self.undef = None;
        }
        e
    }

    // ---- limits -----------------------------------------------------------------

    /// Counts one evaluation step.
    #[inline]
    pub fn step(&mut self) -> R<()> {
        self.fuel += WORK_PER_STEP;
        if self.fuel > self.next_check {
            return self.check_budget();
        }
        Ok(())
    }

    /// Charges `n` units of work (elements compared, copied, hashed or visited) against the
    /// step budget; checks the budget and the clock as it goes.
    #[inline]
    pub fn charge(&mut self, n: usize) -> R<()> {
        self.fuel = self.fuel.saturating_add(n as u64);
        if self.fuel > self.next_check {
            return self.check_budget();
        }
        Ok(())
    }

    /// Charges the work of scanning or building `n` bytes.
    #[inline]
    pub fn charge_bytes(&mut self, n: usize) -> R<()> {
        self.charge(n / BYTES_PER_UNIT)
    }

    /// The units of work left before the step budget runs out.
    pub(crate) fn fuel_left(&self) -> u64 {
        self.fuel_limit.saturating_sub(self.fuel)
    }

    /// The slow path of [`Vm::step`]/[`Vm::charge`]: the budget, then the clock.
    #[cold]
    fn check_budget(&mut self) -> R<()> {
        if self.fuel > self.fuel_limit {
            self.next_check = self.fuel_limit;
            return Err(Error::Limit(LimitKind::Steps));
        }
        if let Some(deadline) = self.deadline {
            if std::time::Instant::now() >= deadline {
                self.next_check = self.fuel;
                return Err(Error::Limit(LimitKind::Time));
            }
        }
        self.next_check = self.fuel_limit.min(self.fuel.saturating_add(CLOCK_INTERVAL));
        Ok(())
    }

    /// Runs `walk`, a walk over plain values (`==`, `repr`, hashing) that counts the nodes it
    /// visits, with the rest of the budget as its allowance; charges what it used.
    pub(crate) fn walk<T>(&mut self, walk: impl FnOnce() -> T) -> R<T> {
        self.walk_weighted(1, walk)
    }

    /// [`Vm::walk`] where each node visited costs `weight` units (building a hash key
    /// allocates at every node).
    pub(crate) fn walk_weighted<T>(&mut self, weight: u64, walk: impl FnOnce() -> T) -> R<T> {
        let weight = weight.max(1);
        let allowance = (self.fuel_left() / weight).saturating_add(1);
        let outer = crate::value::walk_begin(allowance, self.deadline);
        let r = walk();
        let left = crate::value::walk_end(outer);
        if left == 0 && self.deadline.is_some_and(|d| std::time::Instant::now() >= d) {
            return Err(Error::Limit(LimitKind::Time));
        }
        self.charge(((allowance - left).saturating_mul(weight)) as usize)?;
        if left == 0 {
            return Err(Error::Limit(LimitKind::Steps));
        }
        Ok(r)
    }

    /// Refuses a string or collection of `n` items/bytes above the length limit.
    #[inline]
    pub fn check_len(&self, n: usize) -> R<()> {
        if n > self.limits.max_len {
            return Err(Error::Limit(LimitKind::Length));
        }
        Ok(())
    }

    /// Accounts `bytes` of allocation against the memory limit.
    #[inline]
    pub fn alloc(&mut self, bytes: usize) -> R<()> {
        self.allocated = self.allocated.saturating_add(bytes);
        if self.allocated > self.limits.max_alloc {
            return Err(Error::Limit(LimitKind::Memory));
        }
        Ok(())
    }

    /// Checks the length limit and accounts memory for a new collection of `n` items.
    pub fn new_items(&mut self, n: usize) -> R<()> {
        self.check_len(n)?;
        self.charge(n)?;
        self.alloc(n.saturating_mul(16).saturating_add(32))
    }

    /// Checks the length limit and accounts memory for a new string of `n` bytes.
    pub fn new_str(&mut self, n: usize) -> R<()> {
        self.check_len(n)?;
        self.charge_bytes(n)?;
        self.alloc(n.saturating_add(16))
    }

    // ---- statements ---------------------------------------------------------------

    /// The dict key of `v`, or TypeError if it is unhashable.
    pub fn key_of(&mut self, v: &Value) -> R<Key> {
        let key = match v {
            // a tuple's key is a walk over its items (bounded by the step budget)
            Value::Tuple(_) => self.walk_weighted(KEY_NODE_WORK, || v.to_key())?,
            _ => v.to_key(),
        };
        key.map_err(|t| Error::exception("TypeError", format!("unhashable type: '{t}'")))
    }

    // ---- expressions ---------------------------------------------------------------------

    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > self.limits.max_depth {
            self.depth -= 1;
            return Err(Error::Limit(LimitKind::Depth));
        }
        Ok(())
    }

    /// A special method (`__len__`, `__str__` …) of an object's class, bound to it.
    pub fn special_method(&self, v: &Value, name: &str) -> Option<Value> {
        if let Value::Object(o) = v {
            let class = o.borrow().class.clone();
            return class.lookup(name).map(|m| bind(m, v));
        }
        None
    }

    // ---- conversions ---------------------------------------------------------------------------

    /// Python truthiness (calls `__bool__` / `__len__` of objects).
    pub fn truthy(&mut self, v: &Value) -> R<bool> {
        if let Value::Object(_) = v {
            if let Some(m) = self.special_method(v, "__bool__") {
                let r = self.call(&m, Args::default())?;
                return Ok(r.truthy());
            }
            if let Some(m) = self.special_method(v, "__len__") {
                let r = self.call(&m, Args::default())?;
                return Ok(r.truthy());
            }
        }
        Ok(v.truthy())
    }
}

/// The default attribute map type of objects.
pub type Attrs = IndexMap<Rc<str>, Value>;
