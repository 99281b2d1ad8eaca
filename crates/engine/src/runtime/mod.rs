//! The interview runtime: docassemble's next-screen algorithm, form submission and back.
//!
//! Every request re-runs the logic from the top (spec §2.3): `initial` code, pending events
//! (actions, `force_ask`), `mandatory` blocks in file order; an undefined variable makes the
//! engine look for the block that defines it (§2.4), last-defined first, and either runs it
//! (code, data, template) or shows it (questions).

mod ask;
mod attach;
mod collect;
pub(crate) mod lists;
mod objects;
mod submit;
mod signature;
mod table_order;
mod upload;

pub(crate) use ask::KeptForm;

use std::collections::HashSet;
use std::rc::Rc;

use lang::{Namespace, Value, Vm};

use crate::compile;
use crate::functions::{EngineHost, Signal};
use crate::html::html_escape;
use crate::model::{Block, BlockKind, ChoiceValue, Condition, Input, Interview, Pos, Reconsider};
use crate::context::{OwnInputs, RequestContext};
use crate::screen::{Command, Screen};
use crate::state::SessionState;
use crate::vars::{json, path};

/// Why the logic stopped short of a value.
pub(crate) enum Flow {
    /// A variable is undefined: find a block for it.
    Undefined(String),
    /// A host function asked for something (force_ask, command, response …).
    Signal(Signal),
    /// An author-facing error.
    Fatal(String),
}

pub(crate) type R<T> = Result<T, Flow>;

/// What trying one candidate block gave.
pub(crate) enum Outcome {
    /// The variable is now defined (or the event handled): run the logic again.
    Continue,
    /// Show this.
    Screen(Screen),
    /// This block does not define the variable after all (`continue` choice): try the next.
    Skip,
}

/// What a sandbox limit means, in words for the interview's author.
fn limit_message(kind: lang::LimitKind) -> String {
    let what = match kind {
        lang::LimitKind::Steps => "the code did more work than one request may do (the step limit)",
        lang::LimitKind::Depth => "calls nested deeper than the recursion limit",
        lang::LimitKind::Length => "a string or collection grew past the length limit",
        lang::LimitKind::Memory => "the code built more data than the memory limit allows",
        lang::LimitKind::Time => "the code ran past the time limit of the request",
    };
    format!("stopped: {what} (limit: {kind})")
}

/// Limit on nested searches for variables.
const DEFAULT_LIMIT: u32 = 500;

impl Interview {
    /// A fresh session.
    pub fn new_session(&self) -> SessionState {
        SessionState::new()
    }

    /// Runs the logic and returns what to show.
    pub fn next_screen(&self, state: &mut SessionState, ctx: &RequestContext) -> Screen {
        self.next_screen_noting(state, ctx).0
    }

    /// [`Self::next_screen`], and what the run read of the request's own inputs (the clock,
    /// the random seed, the session, the action): when it read none, the screen and the
    /// state are those of any other request with the same URLs and URL arguments on the same
    /// state ([`OwnInputs`]).
    pub fn next_screen_noting(&self, state: &mut SessionState, ctx: &RequestContext) -> (Screen, OwnInputs) {
        if let Some(cmd) = state.pending_command.take() {
            return (Screen::Command { command: Command::parse(&cmd.command), url: cmd.url }, OwnInputs::REQUEST);
        }
        Run::new(self, state, ctx).show_noting()
    }

    /// Applies a posted form and, once it is accepted, runs the logic for the screen that
    /// follows in the same run, as docassemble answers a POST with the dictionary it has just
    /// changed: the state becomes a namespace once per request, not twice. The same as
    /// [`Self::submit`] then [`Self::next_screen`]; the flag says whether the answer was
    /// accepted (a refused one changes nothing and comes back with its messages).
    pub fn answer(&self, state: &mut SessionState, form: &[(String, String)], ctx: &RequestContext) -> (Screen, bool) {
        match submit::accept(self, state, form, ctx, true) {
            Ok(screen) => (screen.unwrap_or_else(|| self.next_screen(state, ctx)), true),
            Err(screen) => (screen, false),
        }
    }

    /// Applies a submitted form for the screen the user answered.
    pub fn submit(
        &self,
        state: &mut SessionState,
        form: &[(String, String)],
        ctx: &RequestContext,
    ) -> crate::screen::Submitted {
        match submit::accept(self, state, form, ctx, false) {
            Ok(_) => crate::screen::Submitted::Accepted,
            Err(screen) => crate::screen::Submitted::Invalid(screen),
        }
    }

    /// Restores the previous step; false if there is none (or going back is prevented).
    pub fn back(&self, state: &mut SessionState) -> bool {
        if state.steps <= state.steps_offset {
            return false;
        }
        state.pop_undo()
    }
}

/// Adds the run time's methods (groups, files, uploads) to the class library while it is
/// built (once per thread: `functions::classes`).
pub(crate) fn install_class_methods(host: &EngineHost) {
    lists::install_group_methods(host);
    attach::install_file_methods(host);
    upload::install_upload_methods(host);
}

/// One request's run of the logic.
pub(crate) struct Run<'a> {
    pub iv: &'a Interview,
    pub st: &'a mut SessionState,
    pub ctx: &'a RequestContext,
    pub ns: Namespace,
    pub host: EngineHost,
    pub out: String,
    /// Chain of variables being sought (for loop reports).
    pub chain: Vec<String>,
    /// Total searches this request (guards against runaway logic).
    pub searches: u32,
    /// The form description of the screen last built (for `submit`).
    pub(crate) form: Vec<ask::FormField>,
    /// The generator of the `random` module, shared by every evaluation of this run.
    pub(crate) random: lang::Random,
}

/// The seed of a run's `random` module: the host's random seed of the request
/// ([`RequestContext::seed`]) mixed with the request's time, session and URL.
fn random_seed(ctx: &RequestContext) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    ctx.seed.hash(&mut h);
    ctx.now.hash(&mut h);
    ctx.session_id.hash(&mut h);
    ctx.interview_url.hash(&mut h);
    h.finish()
}

impl<'a> Run<'a> {
    pub fn new(iv: &'a Interview, st: &'a mut SessionState, ctx: &'a RequestContext) -> Run<'a> {
        let host = EngineHost::new(iv, ctx);
        upload::files_not_yet_stored(&host, st);
        let ns = json::namespace_from_state(&st.variables, &host);
        Run::with(iv, st, ctx, ns, host)
    }

    /// A run over `ns` with `host`, set up from the state's bookkeeping.
    fn with(iv: &'a Interview, st: &'a mut SessionState, ctx: &'a RequestContext, ns: Namespace, mut host: EngineHost) -> Run<'a> {
        host.ns = ns.clone();
        host.info = st.info.clone();
        if let Some(serde_json::Value::String(l)) = host.info.get("__language") {
            host.language = l.clone();
        }
        if let Some(serde_json::Value::Object(parts)) = host.info.remove("__parts") {
            for (k, v) in parts {
                if let Some(v) = v.as_str() {
                    host.parts.insert(k, v.to_string());
                }
            }
        }
        if let Some(ev) = st.event_stack.first() {
            host.action = Some(ev.action.clone());
            host.arguments = ev.arguments.clone();
        }
        host.dirty = st.dirty.clone();
        for (k, v) in &ctx.url_args {
            st.url_args.insert(k.clone(), serde_json::Value::String(v.clone()));
        }
        if !ns.contains("url_args") || !st.url_args.is_empty() {
            ns.set("url_args", json::from_json(&serde_json::Value::Object(st.url_args.clone()), &host));
        }
        // an interview that seeded the generator continues its sequence (see `finish`)
        let resumed = match host.info.get("__random") {
            Some(serde_json::Value::Array(a)) => match (a.first().and_then(serde_json::Value::as_u64), a.get(1).and_then(serde_json::Value::as_u64)) {
                (Some(seed), Some(drawn)) => Some(lang::Random::resumed(seed, drawn)),
                _ => None,
            },
            _ => None,
        };
        let random = resumed.unwrap_or_else(|| lang::Random::from_seed(random_seed(ctx)));
        Run { iv, st, ctx, ns, host, out: String::new(), chain: Vec::new(), searches: 0, form: Vec::new(), random }
    }

    /// Writes the namespace back into the state.
    pub fn finish(&mut self) {
        self.remove_iterators();
        self.st.variables = json::namespace_to_state(&self.ns);
        self.finish_bookkeeping();
    }

    /// What [`Self::finish`] writes back besides the user dictionary.
    fn finish_bookkeeping(&mut self) {
        self.st.info = self.host.info.clone();
        if let Some((seed, drawn)) = self.random.interview_seed() {
            self.st.info.insert("__random".into(), serde_json::json!([seed, drawn]));
        }
        if self.host.language != self.host.default_language {
            self.st.info.insert("__language".into(), serde_json::Value::String(self.host.language.clone()));
        } else {
            self.st.info.remove("__language");
        }
        if !self.host.parts.is_empty() {
            let parts: serde_json::Map<String, serde_json::Value> = self
                .host
                .parts
                .iter()
                .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                .collect();
            self.st.info.insert("__parts".into(), serde_json::Value::Object(parts));
        }
        self.st.dirty = self.host.dirty.clone();
        self.sync_host();
    }

    /// The run that goes on after an accepted answer in the same request: the state's
    /// bookkeeping is written back and read again as [`Self::finish`] and [`Self::new`] would
    /// (a new host, the generator seeded again), but the namespace is kept as it is instead
    /// of going to JSON and back, and so are the values it points to that the old host made
    /// (the request's copies of the library classes, its module cache and its files).
    pub(crate) fn renewed(mut self) -> Run<'a> {
        self.remove_iterators();
        self.finish_bookkeeping();
        let Run { iv, st, ctx, ns, host: old, .. } = self;
        let mut host = EngineHost::new(iv, ctx);
        host.carry_over(old);
        upload::files_not_yet_stored(&host, st);
        Run::with(iv, st, ctx, ns, host)
    }

    /// The rest of [`Interview::next_screen`]: the requested action, the passes of the logic
    /// (an error running the interview's `error action` once), then the state written back.
    pub(crate) fn show(self) -> Screen {
        self.show_noting().0
    }

    /// [`Self::show`], and what the run read of the request's own inputs.
    pub(crate) fn show_noting(mut self) -> (Screen, OwnInputs) {
        let ctx = self.ctx;
        if let Some(action) = ctx.action.as_deref() {
            self.host.note(OwnInputs::REQUEST);
            self.request_action(action);
        }
        if !ctx.uploads.is_empty() {
            self.host.note(OwnInputs::REQUEST);
        }
        let mut screen = self.assemble();
        // metadata `error action`: an error runs that action instead (once; an error in the
        // action itself is shown), with the message as its `error_message` argument
        if let Screen::Error { message } = &screen {
            self.host.note(OwnInputs::TROUBLE);
            let action = self.iv.metadata.raw.get("error action").and_then(|n| n.scalar_text());
            if let Some(action) = action.map(|a| a.trim().to_string()).filter(|a| !a.is_empty()) {
                let mut arguments = serde_json::Map::new();
                arguments.insert("error_message".into(), serde_json::Value::String(message.clone()));
                self.apply_action(action, arguments);
                let again = self.assemble();
                if !matches!(again, Screen::Error { .. }) {
                    screen = again;
                }
            }
        }
        self.finish();
        self.st.seal_undo();
        let mut reads = self.host.reads();
        if self.random.drawn_from() {
            reads |= OwnInputs::RANDOM;
        }
        (screen, reads)
    }

    /// The URL that runs `action` with `arguments` in this interview, signed for this
    /// session (a read of the session).
    pub(crate) fn signed_action_url(&self, action: &str, arguments: &serde_json::Map<String, serde_json::Value>) -> String {
        if self.ctx.sign_action.is_some() {
            self.host.note(OwnInputs::SESSION);
        }
        self.ctx.action_url(action, arguments)
    }

    /// `url` signed again for this session when it is a signed action link.
    pub(crate) fn resign(&self, url: &str) -> String {
        let signed = self.ctx.resign(url);
        if signed != url {
            self.host.note(OwnInputs::SESSION);
        }
        signed
    }

    fn remove_iterators(&self) {
        for name in ["x", "i", "j", "k", "l", "m", "n", "row_item", "row_index"] {
            self.ns.remove(name);
        }
    }

    fn loop_limit(&self) -> u32 {
        if self.iv.features.loop_limit == 0 {
            DEFAULT_LIMIT
        } else {
            self.iv.features.loop_limit
        }
    }

    fn recursion_limit(&self) -> u32 {
        if self.iv.features.recursion_limit == 0 {
            DEFAULT_LIMIT
        } else {
            self.iv.features.recursion_limit
        }
    }

    // ---- evaluation helpers -------------------------------------------------------

    /// The limits of one evaluation: the defaults (steps, depth, length, memory, and a
    /// wall-clock `max_time` per evaluation), ending at the request's deadline at the latest.
    fn limits(ctx: &RequestContext) -> lang::Limits {
        lang::Limits { deadline: ctx.deadline, ..lang::Limits::default() }
    }

    /// Runs `f` with a VM on this run's host; the files functions make during it become
    /// session files.
    fn with_vm<T>(&mut self, f: impl FnOnce(&mut Vm<'_>) -> T) -> T {
        self.open_file_ledger();
        let res = {
            let mut vm = Vm::new(Self::limits(self.ctx), &mut self.out).with_host(&mut self.host).with_random(&mut self.random);
            f(&mut vm)
        };
        self.close_file_ledger();
        res
    }

    pub(crate) fn run_vm<T>(&mut self, f: impl FnOnce(&mut Vm<'_>, &Namespace) -> Result<T, lang::Error>) -> Result<T, lang::Error> {
        let ns = self.ns.clone();
        let res = self.with_vm(|vm| f(vm, &ns));
        if let Err(lang::Error::Limit(_)) = &res {
            // a time limit depends on the moment; any limit taken as an answer is trouble
            self.host.note(OwnInputs::TROUBLE);
        }
        self.sync_host();
        res
    }

    /// Evaluates a compiled expression of the interview.
    pub fn eval_expr(&mut self, e: &crate::model::Expr) -> R<Value> {
        let c = e.expression().clone();
        self.run_vm(|vm, ns| vm.eval(&c, ns)).map_err(|err| self.flow(err, e.pos()))
    }

    /// Runs a compiled code block of the interview.
    pub fn exec_code(&mut self, code: &crate::model::Code) -> R<()> {
        let p = code.program().clone();
        self.run_vm(|vm, ns| vm.exec(&p, ns)).map_err(|err| self.flow(err, code.pos()))
    }

    /// Renders a text of the interview with `${}` values HTML-escaped.
    pub fn render(&mut self, t: &crate::model::Text) -> R<String> {
        if let Some(tm) = self.translation(t) {
            return self.run_vm(|vm, ns| tm.render(vm, ns, &html_escape)).map_err(|err| self.flow(err, t.pos()));
        }
        if t.is_plain() {
            return Ok(t.source().to_string());
        }
        let tm = t.template().clone();
        self.run_vm(|vm, ns| tm.render(vm, ns, &html_escape)).map_err(|err| self.flow(err, t.pos()))
    }

    /// The translation of a text into the current language (`translations:` files), when
    /// the text is in another language.
    fn translation(&self, t: &crate::model::Text) -> Option<std::sync::Arc<lang::Template>> {
        let all = &self.iv.run_data.translations;
        if all.is_empty() {
            return None;
        }
        let language = self.host.language.as_str();
        all.get(t.source().trim())?
            .iter()
            .find(|tr| tr.tr_lang == language && tr.orig_lang != language)
            .map(|tr| tr.template.clone())
    }

    /// Renders a text of the interview without escaping (values used as data).
    pub fn render_raw(&mut self, t: &crate::model::Text) -> R<String> {
        if t.is_plain() {
            return Ok(t.source().to_string());
        }
        let tm = t.template().clone();
        self.run_vm(|vm, ns| tm.render(vm, ns, &|s: &str| s.to_string())).map_err(|err| self.flow(err, t.pos()))
    }

    /// Evaluates an expression source written at `pos`.
    pub fn eval_src(&mut self, source: &str, pos: &Pos) -> R<Value> {
        let e = compile::expression(source, pos).map_err(Flow::Fatal)?;
        let ns = self.ns.clone();
        let res = self.with_vm(|vm| vm.eval(&e, &ns));
        res.map_err(|err| self.flow(err, pos))
    }

    /// Applies what natives asked of the session state (`forget_result_of`, `prevent_going_back`).
    fn sync_host(&mut self) {
        self.apply_cancels();
        for id in std::mem::take(&mut self.host.forget) {
            let name = format!("ID {id}");
            self.st.answered.remove(&name);
            self.st.answers.remove(&name);
            let prefix = format!("{name}|WITH|");
            self.st.answers.retain(|k, _| !k.starts_with(&prefix));
        }
        if let Some(p) = self.host.progress.take() {
            self.st.progress = p;
        }
        if let Some(s) = self.host.section.take() {
            self.st.nav.visited.insert(s.clone());
            self.st.nav.current = Some(s);
        }
        if self.host.prevent_back {
            self.host.prevent_back = false;
            self.st.steps_offset = self.st.steps + 1;
        }
    }

    /// Renders a template with `${}` values HTML-escaped.
    pub fn render_src(&mut self, source: &str, pos: &Pos) -> R<String> {
        if !crate::load::looks_like_mako(source) {
            return Ok(source.to_string());
        }
        let t = compile::template(source, pos).map_err(Flow::Fatal)?;
        let ns = self.ns.clone();
        let res = self.with_vm(|vm| t.render(vm, &ns, &html_escape));
        res.map_err(|err| self.flow(err, pos))
    }

    /// Renders a template without escaping (values used as data, e.g. `default:`).
    pub fn render_plain(&mut self, source: &str, pos: &Pos) -> R<String> {
        if !crate::load::looks_like_mako(source) {
            return Ok(source.to_string());
        }
        let t = compile::template(source, pos).map_err(Flow::Fatal)?;
        let ns = self.ns.clone();
        let res = self.with_vm(|vm| t.render(vm, &ns, &|s: &str| s.to_string()));
        res.map_err(|err| self.flow(err, pos))
    }

    /// Assigns `value` to the variable `name` (a path like `a.b['c']`).
    pub fn assign(&mut self, name: &str, value: Value) -> R<()> {
        if let Some(p) = path::parse(name) {
            if path::set(&self.ns, &p, value.clone()).is_ok() {
                return Ok(());
            }
        }
        let pos = compile::engine_pos();
        let t = compile::target(name, &pos).map_err(Flow::Fatal)?;
        let ns = self.ns.clone();
        let res = self.with_vm(|vm| vm.assign(&t, &ns, value));
        res.map_err(|err| self.flow(err, &pos))
    }

    /// Calls a function value.
    pub fn call(&mut self, f: &Value, args: Vec<Value>, pos: &Pos) -> R<Value> {
        let res = self.with_vm(|vm| vm.call(f, lang::Args { positional: args, keyword: Vec::new() }));
        res.map_err(|err| self.flow(err, pos))
    }

    /// Whether a variable is defined (never triggers a search).
    pub fn is_defined(&mut self, name: &str) -> bool {
        if let Some(p) = path::parse(name) {
            if path::lookup(&self.ns, &p).is_some() {
                return true;
            }
            // simple paths fully resolvable by lookup: trust the answer
            if p.segs.iter().all(|s| match s {
                path::Seg::Attr(_) => true,
                path::Seg::Index(t) => path::literal(t).is_some(),
            }) {
                return false;
            }
        }
        let pos = compile::engine_pos();
        matches!(self.eval_src(name, &pos), Ok(_))
    }

    /// Converts a `lang` error into a flow, naming the file and line for the author.
    pub fn flow(&mut self, err: lang::Error, pos: &Pos) -> Flow {
        match err {
            lang::Error::Undefined(p) => Flow::Undefined(p),
            lang::Error::Interrupt(b) => match b.downcast::<Signal>() {
                Ok(sig) => Flow::Signal(*sig),
                Err(_) => Flow::Fatal(format!("{pos}: interrupted")),
            },
            lang::Error::Exception { kind, message, line } => {
                let line = if line > 0 { line } else { pos.line };
                let text = if message.is_empty() { kind.clone() } else { format!("{kind}: {message}") };
                Flow::Fatal(format!("{}, line {}: {}", pos.file, line, text))
            }
            lang::Error::Limit(kind) => Flow::Fatal(format!("{pos}: {}", limit_message(kind))),
            other => Flow::Fatal(format!("{pos}: {other}")),
        }
    }

    fn condition(&mut self, c: &Condition) -> R<bool> {
        match c {
            Condition::Always(b) => Ok(*b),
            Condition::Expr(e) => Ok(self.eval_expr(e)?.truthy()),
        }
    }

    // ---- actions and events ---------------------------------------------------------

    /// Records an action requested by URL (`url_action` output).
    fn request_action(&mut self, encoded: &str) {
        let Some((action, arguments)) = crate::links::decode_action(encoded) else { return };
        self.apply_action(action, arguments);
    }

    /// Puts an action on the event stack (or performs a built-in one).
    pub fn apply_action(&mut self, action: String, arguments: serde_json::Map<String, serde_json::Value>) {
        match action.as_str() {
            "_da_force_ask" => {
                let vars: Vec<String> = match arguments.get("variables") {
                    Some(serde_json::Value::Array(a)) => {
                        a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()
                    }
                    Some(serde_json::Value::String(s)) => vec![s.clone()],
                    _ => Vec::new(),
                };
                self.push_events(&vars, serde_json::Map::new());
            }
            "_da_priority_action" | "_da_exit" => {}
            _ if self.group_action(&action, &arguments) => {}
            _ => {
                if let Some(forget) = arguments.get("_forget_prior") {
                    if forget.as_bool() == Some(true) {
                        self.st.event_stack.clear();
                    }
                }
                let mut args = arguments;
                args.remove("_forget_prior");
                self.push_events(&[action], args);
            }
        }
        if let Some(ev) = self.st.event_stack.first() {
            self.host.action = Some(ev.action.clone());
            self.host.arguments = ev.arguments.clone();
        }
    }

    /// Pushes names at the front of the event stack (first name first), deduplicated.
    pub fn push_events(&mut self, names: &[String], arguments: serde_json::Map<String, serde_json::Value>) {
        for name in names.iter().rev() {
            // an event with its own arguments (`force_ask({'recompute': …})`) comes as JSON
            if name.starts_with('{') {
                if let Ok(serde_json::Value::Object(m)) = serde_json::from_str::<serde_json::Value>(name) {
                    let action = m.get("action").and_then(|a| a.as_str()).unwrap_or_default().to_string();
                    let args = match m.get("arguments") {
                        Some(serde_json::Value::Object(a)) => a.clone(),
                        _ => serde_json::Map::new(),
                    };
                    self.st.event_stack.insert(0, crate::state::Event { action, arguments: args });
                }
                continue;
            }
            self.st.event_stack.retain(|e| &e.action != name);
            self.st
                .event_stack
                .insert(0, crate::state::Event { action: name.clone(), arguments: arguments.clone() });
        }
    }

    /// Removes an event by name.
    pub fn pop_event(&mut self, name: &str) {
        if let Some(pos) = self.st.event_stack.iter().position(|e| e.action == name) {
            self.st.event_stack.remove(pos);
        }
        match self.st.event_stack.first() {
            Some(ev) => {
                self.host.action = Some(ev.action.clone());
                self.host.arguments = ev.arguments.clone();
            }
            None => {
                self.host.action = None;
                self.host.arguments = serde_json::Map::new();
            }
        }
    }

    // ---- the algorithm ----------------------------------------------------------------

    /// `Interview.assemble()`: run passes until a screen is chosen.
    pub fn assemble(&mut self) -> Screen {
        // reset: variables deleted at the start of every assemble
        for v in &self.iv.reset {
            if let Some(p) = path::parse(v.name()) {
                path::remove(&self.ns, &p);
            }
        }
        // tables are made again from their rows at each request (docassemble's are lazy)
        for b in &self.iv.blocks {
            if let BlockKind::Table(t) = &b.kind {
                if let Some(p) = path::parse(t.variable.name()) {
                    path::remove(&self.ns, &p);
                }
            }
        }
        // reconsider: True code blocks
        for b in &self.iv.blocks {
            if matches!(b.reconsider, Reconsider::All) && matches!(b.kind, BlockKind::Code(_)) {
                for v in &b.defines {
                    if let Some(p) = path::parse(v) {
                        path::remove(&self.ns, &p);
                    }
                }
            }
        }
        let limit = self.loop_limit();
        let mut iterations = 0u32;
        loop {
            iterations += 1;
            if iterations > limit {
                return Screen::Error {
                    message: format!(
                        "There appears to be a circularity: the logic ran {limit} times without settling. Variables sought: {}",
                        self.chain.join(" → ")
                    ),
                };
            }
            let res = self.pass();
            let flow = match res {
                Ok(screen) => return screen,
                Err(f) => f,
            };
            match self.handle(flow, 0) {
                Ok(None) => continue,
                Ok(Some(screen)) => return screen,
                Err(Flow::Fatal(m)) => return Screen::Error { message: m },
                Err(Flow::Undefined(v)) => return Screen::Error { message: self.missing_message(&v) },
                Err(Flow::Signal(_)) => return Screen::Error { message: "unexpected signal".into() },
            }
        }
    }

    /// Deals with a flow from a pass: seek a variable, act on a signal.
    /// `Ok(None)` = run the logic again.
    fn handle(&mut self, flow: Flow, depth: u32) -> R<Option<Screen>> {
        match flow {
            Flow::Undefined(var) => match self.askfor(&var, depth, false)? {
                Some(s) => Ok(Some(s)),
                None => Ok(None),
            },
            Flow::Signal(sig) => self.signal(sig),
            Flow::Fatal(m) => Err(Flow::Fatal(m)),
        }
    }

    /// Acts on a signal raised by a host function.
    fn signal(&mut self, sig: Signal) -> R<Option<Screen>> {
        match sig {
            Signal::ReRun => Ok(None),
            Signal::ForceAsk { vars, forget_prior } => {
                if forget_prior {
                    self.st.event_stack.clear();
                }
                self.push_events(&vars, serde_json::Map::new());
                if let Some(ev) = self.st.event_stack.first() {
                    self.host.action = Some(ev.action.clone());
                    self.host.arguments = ev.arguments.clone();
                }
                Ok(None)
            }
            Signal::ForceGather(vars) => {
                for v in vars {
                    if !self.st.gather.contains(&v) {
                        self.st.gather.push(v);
                    }
                }
                Ok(None)
            }
            Signal::Command { command, url } => Ok(Some(Screen::Command { command: Command::parse(&command), url })),
            Signal::Response { content_type, body } => Ok(Some(Screen::Response { content_type, body })),
            Signal::Message { title, subtitle, buttons, url } => {
                // where Exit and Leave go, kept for the answer to this screen
                match url {
                    Some(u) => self.host.info.insert(MESSAGE_URL_KEY.into(), serde_json::Value::String(u)),
                    None => self.host.info.remove(MESSAGE_URL_KEY),
                };
                Ok(Some(self.message_screen(title, subtitle, buttons)))
            }
            Signal::ValidationError { message, .. } => Err(Flow::Fatal(message)),
        }
    }

    fn missing_message(&self, var: &str) -> String {
        format!(
            "Interview has an error. There was a reference to a variable '{var}' that could not be looked up in the question file (for language 'en') or in any of the files incorporated by reference into the question file."
        )
    }

    /// The message for a circular dependency: the variables being sought, most recent first.
    fn loop_message(&self, var: &str) -> String {
        let _ = var;
        let mut stack: Vec<&str> = self.chain.iter().map(String::as_str).collect();
        stack.reverse();
        stack.dedup();
        format!("There appears to be an infinite loop. Variables in stack are {}.", stack.join(", "))
    }

    /// One pass over the blocks.
    fn pass(&mut self) -> R<Screen> {
        let iv = self.iv;
        // docassemble resets the gathering mode each time the logic starts again, so a list whose
        // gathering was interrupted (to define `there_are_any`, say) is gathered again
        self.host.gathering.clear();
        let mut events_done = false;
        for (n, block) in iv.blocks.iter().enumerate() {
            if let BlockKind::Code(code) = &block.kind {
                if let Some(init) = &block.initial {
                    if self.condition(init)? {
                        self.pre_block(block)?;
                        self.exec_code(code)?;
                        self.post_block(block)?;
                        continue;
                    }
                    continue;
                }
            }
            if !events_done {
                events_done = true;
                if let Some(s) = self.process_events()? {
                    return Ok(s);
                }
            }
            if self.st.answered.contains(&block.name) {
                continue;
            }
            let Some(mand) = &block.mandatory else { continue };
            if !self.condition(mand)? {
                continue;
            }
            if let Some(s) = self.run_mandatory(n, block)? {
                return Ok(s);
            }
        }
        if !events_done {
            if let Some(s) = self.process_events()? {
                return Ok(s);
            }
        }
        Err(Flow::Fatal(
            "Docassemble has finished executing all code blocks marked as initial or mandatory, and finished asking all questions marked as mandatory (if any). It is a best practice to end your interview with a question that says goodbye.".to_string(),
        ))
    }

    /// Serves the head of the event stack, if any.
    fn process_events(&mut self) -> R<Option<Screen>> {
        // forced gathers first: seek each until defined
        while let Some(var) = self.st.gather.first().cloned() {
            if self.is_defined(&var) {
                self.st.gather.remove(0);
                continue;
            }
            match self.askfor(&var, 0, false)? {
                Some(s) => return Ok(Some(s)),
                None => return Err(Flow::Signal(Signal::ReRun)),
            }
        }
        if let Some(ev) = self.st.event_stack.first().cloned() {
            self.host.action = Some(ev.action.clone());
            self.host.arguments = ev.arguments.clone();
            if self.queued_action(&ev)? {
                return Err(Flow::Signal(Signal::ReRun));
            }
            if !self.has_question_for(&ev.action) && path::parse(&ev.action).is_some() {
                // only code defines it: asking again means recomputing it
                if let Some(p) = path::parse(&ev.action) {
                    path::remove(&self.ns, &p);
                }
                match self.askfor(&ev.action, 0, false) {
                    Ok(Some(s)) => return Ok(Some(s)),
                    Ok(None) => {
                        self.pop_event(&ev.action);
                        return Err(Flow::Signal(Signal::ReRun));
                    }
                    Err(e) => {
                        self.pop_event(&ev.action);
                        return Err(e);
                    }
                }
            }
            match self.askfor(&ev.action, 0, true) {
                Ok(Some(s)) => return Ok(Some(s)),
                Ok(None) => {
                    // handled by code (event code pops it) — or nothing could ask it
                    if self.st.event_stack.first().map(|e| &e.action) == Some(&ev.action) {
                        self.pop_event(&ev.action);
                    }
                    return Err(Flow::Signal(Signal::ReRun));
                }
                Err(Flow::Fatal(m)) if m.starts_with("Interview has an error. There was a reference") => {
                    // nothing can define it: drop the event rather than get stuck
                    self.pop_event(&ev.action);
                    return Err(Flow::Fatal(m));
                }
                Err(e) => return Err(e),
            }
        }
        Ok(None)
    }

    /// Whether some question or event block can be asked for `var`.
    fn has_question_for(&mut self, var: &str) -> bool {
        let iv = self.iv;
        self.candidates(var).iter().any(|(b, _)| {
            iv.blocks.get(*b).is_some_and(|bl| {
                matches!(bl.kind, BlockKind::Question(_) | BlockKind::Command(_) | BlockKind::Response(_))
                    || bl.events.iter().any(|e| e == var)
            })
        })
    }

    /// Runs a mandatory block; `Some(screen)` when it shows something.
    fn run_mandatory(&mut self, n: usize, block: &'a Block) -> R<Option<Screen>> {
        self.pre_block(block)?;
        match &block.kind {
            BlockKind::Question(q) => {
                if let Input::Choice(ci) = &q.input {
                    if ci.field.is_none() {
                        if let Some(&idx) = self.st.answers.get(&block.name) {
                            return match self.follow_choice(n, block, idx, None, &[])? {
                                Outcome::Continue | Outcome::Skip => {
                                    self.st.answered.insert(block.name.clone());
                                    Ok(None)
                                }
                                Outcome::Screen(s) => Ok(Some(s)),
                            };
                        }
                    }
                }
                Ok(Some(self.ask(n, None, block, &[], None)?))
            }
            BlockKind::Code(c) => {
                self.exec_code(c)?;
                self.post_block(block)?;
                self.st.answered.insert(block.name.clone());
                Ok(None)
            }
            BlockKind::Command(c) => Ok(Some(self.command_screen(&c.command, c.url.as_ref())?)),
            BlockKind::Response(r) => Ok(Some(self.response_screen(r)?)),
            _ => {
                self.define_by(block)?;
                self.post_block(block)?;
                self.st.answered.insert(block.name.clone());
                Ok(None)
            }
        }
    }

    /// `undefine`, `reconsider: [vars]`, `need: pre`.
    fn pre_block(&mut self, block: &Block) -> R<()> {
        for v in &block.undefine {
            if let Some(p) = path::parse(v) {
                path::remove(&self.ns, &p);
            }
        }
        if let Reconsider::Vars(vars) = &block.reconsider {
            for v in vars {
                if self.host.reconsidered.insert(v.clone()) {
                    if let Some(p) = path::parse(v) {
                        path::remove(&self.ns, &p);
                    }
                }
                let pos = block.pos.clone();
                self.eval_src(v, &pos)?;
            }
        }
        for e in &block.need.pre {
            self.eval_expr(e)?;
        }
        Ok(())
    }

    /// `need: post`.
    fn post_block(&mut self, block: &Block) -> R<()> {
        for e in &block.need.post {
            self.eval_expr(e)?;
        }
        Ok(())
    }

    /// Follows the chosen item of an embedded multiple choice.
    pub(crate) fn follow_choice(
        &mut self,
        n: usize,
        block: &'a Block,
        idx: usize,
        sought: Option<&str>,
        bindings: &[(String, String)],
    ) -> R<Outcome> {
        let BlockKind::Question(q) = &block.kind else { return Ok(Outcome::Continue) };
        let Input::Choice(ci) = &q.input else { return Ok(Outcome::Continue) };
        let crate::model::Choices::List(list) = &ci.choices else { return Ok(Outcome::Continue) };
        let Some(choice) = list.get(idx) else { return Ok(Outcome::Continue) };
        match &choice.value {
            ChoiceValue::Block(inner) => match &inner.kind {
                BlockKind::Code(c) => {
                    self.exec_code(c)?;
                    Ok(Outcome::Continue)
                }
                // the follow-up question is asked with the iterators of the question it follows
                BlockKind::Question(_) => Ok(Outcome::Screen(self.ask(n, Some(idx), inner, bindings, sought)?)),
                _ => {
                    self.define_by(inner)?;
                    Ok(Outcome::Continue)
                }
            },
            ChoiceValue::Command { command, .. } if command == "continue" => Ok(Outcome::Skip),
            ChoiceValue::Command { command, url } => Ok(Outcome::Screen(self.command_screen(command, url.as_ref())?)),
            ChoiceValue::Value(_) => Ok(Outcome::Continue),
        }
    }

    /// A `command` screen (`exit`, `restart` …).
    pub(crate) fn command_screen(&mut self, command: &str, url: Option<&crate::model::Text>) -> R<Screen> {
        let url = match url {
            Some(t) => Some(self.render_raw(t)?),
            None => None,
        };
        let url = url.or_else(|| {
            if command == "exit" || command == "leave" {
                self.iv.metadata.exit_url.clone()
            } else {
                None
            }
        });
        Ok(Screen::Command { command: Command::parse(command), url })
    }

    fn response_screen(&mut self, r: &crate::model::ResponseBlock) -> R<Screen> {
        let content_type = match &r.content_type {
            Some(t) => self.render_raw(t)?,
            None => "text/plain; charset=utf-8".to_string(),
        };
        if let Some(t) = &r.redirect_url {
            let url = self.render_raw(t)?;
            return Ok(Screen::Command { command: Command::Leave, url: Some(url) });
        }
        if r.all_variables {
            self.finish();
            let body = serde_json::to_vec(&self.st.variables).unwrap_or_default();
            return Ok(Screen::Response { content_type: "application/json".into(), body });
        }
        if r.null_response {
            return Ok(Screen::Response { content_type, body: Vec::new() });
        }
        let body = match &r.response {
            Some(t) => self.render_raw(t)?,
            None => String::new(),
        };
        Ok(Screen::Response { content_type, body: body.into_bytes() })
    }

    /// Runs a data/template/objects block (defines its variable).
    fn define_by(&mut self, block: &Block) -> R<()> {
        match &block.kind {
            BlockKind::Data(d) => {
                let v = self.data_value(&d.data, d.from_code)?;
                self.assign(d.variable.name(), v)
            }
            BlockKind::Template(t) => {
                let v = objects::template_object(self, t)?;
                self.assign(t.variable.name(), v)
            }
            BlockKind::Objects(specs) => {
                for spec in specs {
                    // `person[i].child`: only for the index values bound now (none bound: skipped)
                    let mut name = spec.var.name().to_string();
                    let mut unbound = false;
                    // a generic object's attribute object is named after the object (`x.allergy`
                    // made for `person[0]` is `person[0].allergy`)
                    if name == "x" || name.starts_with("x.") || name.starts_with("x[") {
                        match self.ns.get("x") {
                            Some(Value::Object(o)) => {
                                let base = o.borrow().instance_name.as_deref().unwrap_or("").to_string();
                                if base.is_empty() {
                                    unbound = true;
                                } else {
                                    name = format!("{base}{}", &name[1..]);
                                }
                            }
                            _ => unbound = true,
                        }
                    }
                    let mut indexed = false;
                    for iv in ["i", "j", "k", "l", "m", "n"] {
                        let pat = format!("[{iv}]");
                        if name.contains(&pat) {
                            indexed = true;
                            match self.ns.get(iv) {
                                Some(v @ (Value::Int(_) | Value::Str(_))) => name = name.replace(&pat, &format!("[{}]", v.repr())),
                                _ => unbound = true,
                            }
                        }
                    }
                    // an entry for another group (`list[i].x` while `i` is a dict key) or an item
                    // not there yet is left for later
                    if indexed && !unbound {
                        let parent = path::parse(&name).and_then(|p| p.parent());
                        if parent.is_none_or(|p| path::lookup(&self.ns, &p).is_none()) {
                            unbound = true;
                        }
                    }
                    if unbound || self.is_defined(&name) {
                        continue;
                    }
                    let class = self.eval_expr(&spec.class)?;
                    let obj = objects::instantiate(self, &class, &name, spec.class.pos())?;
                    self.assign(&name, obj)?;
                }
                Ok(())
            }
            BlockKind::Code(c) => self.exec_code(c),
            BlockKind::Attachments(a) => self.define_attachments(a, &block.pos),
            BlockKind::Table(t) => {
                let v = self.table_value(t, &block.pos)?;
                self.assign(t.variable.name(), v)
            }
            _ => Err(Flow::Fatal(format!("{}: this kind of block is not supported yet", block.pos))),
        }
    }

    /// Builds the value of a `data:` block.
    fn data_value(&mut self, node: &crate::yaml::Node, from_code: bool) -> R<Value> {
        use crate::yaml::Value as Y;
        let pos = Pos { file: self.iv.reference.to_string().into(), line: node.line, column: node.column };
        Ok(match &node.value {
            Y::Null => Value::None,
            Y::Bool(b) => Value::Bool(*b),
            Y::Int(i) => Value::Int(*i),
            Y::Float(f) => Value::Float(*f),
            Y::Str(s) => {
                if from_code {
                    self.eval_src(s, &pos)?
                } else {
                    Value::from_str(&self.render_plain(s, &pos)?)
                }
            }
            Y::Seq(items) => {
                let mut out = Vec::new();
                for it in items {
                    out.push(self.data_value(it, from_code)?);
                }
                Value::list(out)
            }
            Y::Map(entries) => {
                let mut d = lang::value::Dict::default();
                for (k, v) in entries {
                    let key = k.scalar_text().unwrap_or_default();
                    let val = self.data_value(v, from_code)?;
                    d.insert(lang::value::Key::str(&key), val);
                }
                Value::dict(d)
            }
        })
    }

    /// The candidate blocks for a variable, best first: (block number, variant).
    pub(crate) fn candidates(&mut self, var: &str) -> Vec<(usize, path::Variant)> {
        let iv = self.iv;
        let mut out: Vec<(usize, path::Variant)> = Vec::new();
        let mut seen = HashSet::new();
        for variant in path::variants(var) {
            let mut list: Vec<usize> = iv.index.candidates(&variant.name).to_vec();
            if variant.bindings.is_empty() {
                if let Some(ev) = iv.index.events.get(&variant.name) {
                    list.extend(ev.iter().copied());
                }
            }
            list.sort_unstable();
            list.dedup();
            list.reverse();
            self.apply_order(&mut list);
            self.language_order(&mut list);
            for b in list {
                if seen.insert((b, variant.name.clone())) {
                    out.push((b, variant.clone()));
                }
            }
        }
        // generic objects: x.attr forms
        if !iv.index.generic.is_empty() {
            for (b, v) in self.generic_candidates(var) {
                if seen.insert((b, v.name.clone())) {
                    out.push((b, v));
                }
            }
        }
        // a list that is not gathered automatically is gathered by whatever sets the list itself
        // (an `object_checkboxes` field for it, say)
        if out.is_empty() {
            if let Some(list) = var.strip_suffix(".gathered") {
                return self.candidates(list);
            }
        }
        out
    }

    /// Blocks of the current language first, then `*`, then the default language's.
    fn language_order(&self, list: &mut Vec<usize>) {
        let cur = self.host.language.as_str();
        let def = self.host.default_language.as_str();
        let rank = |b: &usize| -> u8 {
            let lang = self.iv.blocks.get(*b).and_then(|bl| bl.language.as_deref());
            match lang {
                Some(l) if l == cur => 0,
                None if cur == def => 0,
                Some("*") => 1,
                None => 2,
                Some(_) => 3,
            }
        };
        list.sort_by_key(|b| rank(b));
        list.retain(|b| rank(b) < 3);
    }

    /// `order:` blocks: listed ids are tried in the listed order (within their slots).
    fn apply_order(&self, list: &mut [usize]) {
        for (key, node) in &self.iv.other_config {
            if key != "order" {
                continue;
            }
            let Some(items) = node.as_seq() else { continue };
            let ids: Vec<String> = items.iter().filter_map(|n| n.scalar_text()).collect();
            let rank = |b: &usize| -> Option<usize> {
                let id = self.iv.blocks.get(*b)?.id.as_ref()?;
                ids.iter().position(|x| x == id)
            };
            let slots: Vec<usize> = (0..list.len()).filter(|&i| rank(&list[i]).is_some()).collect();
            let mut ranked: Vec<usize> = slots.iter().map(|&i| list[i]).collect();
            ranked.sort_by_key(|b| rank(b));
            for (slot, b) in slots.into_iter().zip(ranked) {
                list[slot] = b;
            }
        }
    }

    fn generic_candidates(&mut self, var: &str) -> Vec<(usize, path::Variant)> {
        let mut out = Vec::new();
        let Some(p) = path::parse(var) else { return out };
        for cut in (0..p.segs.len()).rev() {
            let prefix = path::Path { root: p.root.clone(), segs: p.segs[..cut].to_vec() };
            let Some(obj) = path::lookup(&self.ns, &prefix) else { continue };
            let Value::Object(o) = &obj else { continue };
            let rest = path::Path { root: "x".into(), segs: p.segs[cut..].to_vec() };
            let mut classes = Vec::new();
            collect_classes(&o.borrow().class, &mut classes);
            for variant in path::variants(&rest.text()) {
                for class in &classes {
                    let list = self.iv.index.generic_candidates(class, &variant.name);
                    for &b in list.iter().rev() {
                        let mut v = variant.clone();
                        v.bindings.push(("x".into(), prefix.text()));
                        out.push((b, v));
                    }
                }
            }
        }
        out
    }

    /// §2.4 `askfor`: find and use the block that defines `var`.
    /// `Ok(None)`: defined now (run again); `Ok(Some)`: show this.
    pub(crate) fn askfor(&mut self, var: &str, depth: u32, force: bool) -> R<Option<Screen>> {
        self.searches += 1;
        if depth > self.recursion_limit() || self.searches > 20_000 {
            return Err(Flow::Fatal(self.loop_message(var)));
        }
        if self.chain.iter().any(|c| c == var) {
            return Err(Flow::Fatal(self.loop_message(var)));
        }
        self.chain.push(var.to_string());
        let outer = self.host.seeking.replace(var.to_string());
        let res = self.askfor_inner(var, depth, force);
        self.host.seeking = outer;
        self.chain.pop();
        res
    }

    fn askfor_inner(&mut self, var: &str, depth: u32, force: bool) -> R<Option<Screen>> {
        if !force && self.fill_up(var) {
            return Ok(None);
        }
        let mut tried: HashSet<(usize, String)> = HashSet::new();
        let mut rounds = 0;
        'outer: loop {
            rounds += 1;
            if rounds > self.loop_limit() {
                return Err(Flow::Fatal(self.loop_message(var)));
            }
            // docassemble's `reset_gathering_mode(var)`: lists whose gathering began while
            // `var` was sought are gathered again on the next try
            self.host.gathering.retain(|_, sought| sought != var);
            let cands = self.candidates(var);
            if cands.is_empty() {
                return self.catch_all(var);
            }
            for (b, variant) in cands {
                let key = (b, variant.name.clone());
                if tried.contains(&key) {
                    continue;
                }
                tried.insert(key.clone());
                match self.try_candidate(b, &variant, var, force) {
                    Ok(Some(Outcome::Screen(s))) => return Ok(Some(s)),
                    Ok(Some(Outcome::Continue)) => return Ok(None),
                    Ok(Some(Outcome::Skip)) | Ok(None) => continue,
                    Err(Flow::Undefined(other)) => {
                        if other == var {
                            continue;
                        }
                        let was_defined = self.is_defined(var);
                        match self.askfor(&other, depth + 1, false)? {
                            Some(s) => return Ok(Some(s)),
                            // what defined `other` also defined `var` (an `append` setting
                            // `there_are_any`): done, the block is not run again (docassemble's
                            // askfor returns "continue" when the sought variable is now defined)
                            None if !was_defined && self.is_defined(var) => return Ok(None),
                            None => {
                                tried.remove(&key);
                                continue 'outer;
                            }
                        }
                    }
                    Err(Flow::Signal(sig)) => match self.signal(sig)? {
                        Some(s) => return Ok(Some(s)),
                        None => return Ok(None),
                    },
                    Err(e) => return Err(e),
                }
            }
            break;
        }
        if force && self.st.event_stack.first().map(|e| e.action.as_str()) == Some(var) && self.is_defined(var) {
            // forced, but only code could define it: it is defined — done
            return Ok(None);
        }
        self.catch_all(var)
    }

    /// No block defines `var`: with `features: use catchall` it becomes a `DACatchAll` object
    /// (whose `value` a generic question asks when it is used), else the interview has an error.
    fn catch_all(&mut self, var: &str) -> R<Option<Screen>> {
        if !self.iv.features.use_catchall || var.ends_with(".value") {
            return Err(Flow::Fatal(self.missing_message(var)));
        }
        let cls = self.host.class("DACatchAll");
        let obj = Value::new_object(cls, Some(var));
        self.assign(var, obj)?;
        Ok(None)
    }

    /// Binds iterators / `x` for a variant.
    fn bind(&mut self, variant: &path::Variant) {
        for (name, text) in &variant.bindings {
            let v = if name == "x" {
                path::parse(text).and_then(|p| path::lookup(&self.ns, &p))
            } else {
                path::subscript_value(&self.ns, text)
            };
            if let Some(v) = v {
                self.ns.set(name, v);
            }
        }
    }

    /// Tries one candidate block for `var`. `Ok(None)`: skip to the next.
    fn try_candidate(&mut self, b: usize, variant: &path::Variant, var: &str, force: bool) -> R<Option<Outcome>> {
        let iv = self.iv;
        let Some(block) = iv.blocks.get(b) else { return Ok(None) };
        self.bind(variant);
        for c in &block.conditions {
            if !self.eval_expr(c)?.truthy() {
                return Ok(None);
            }
        }
        let is_event = block.events.iter().any(|e| e == var);
        match &block.kind {
            BlockKind::Question(q) => {
                self.pre_block(block)?;
                if let Input::Choice(ci) = &q.input {
                    if ci.field.is_none() {
                        if let Some(&idx) = self.st.answers.get(&extended_name(&block.name, &variant.bindings)) {
                            let out = self.follow_choice(b, block, idx, Some(var), &variant.bindings)?;
                            if let Outcome::Skip = out {
                                return Ok(None);
                            }
                            if let Outcome::Continue = out {
                                if is_event {
                                    self.pop_event(var);
                                    return Ok(Some(Outcome::Continue));
                                }
                                if self.is_defined(var) {
                                    return Ok(Some(Outcome::Continue));
                                }
                                return Ok(None);
                            }
                            return Ok(Some(out));
                        }
                    }
                }
                if let Input::Fields(fields) = &q.input {
                    if !is_event && !self.any_field_visible_for(fields, var)? {
                        return Ok(None);
                    }
                }
                if let Input::Choice(ci) = &q.input {
                    if let Some(field) = &ci.field {
                        if !is_event && self.options(&ci.choices)?.is_empty() {
                            // no choices: the variable becomes None without asking
                            self.assign(field.name(), Value::None)?;
                            return Ok(Some(Outcome::Continue));
                        }
                    }
                }
                let bindings: Vec<(String, String)> = variant.bindings.clone();
                let screen = self.ask(b, None, block, &bindings, Some(var))?;
                if let Screen::Question(qs) = &screen {
                    let all_fixed = !self.form.is_empty()
                        && self.form.iter().all(|f| matches!(f.how, ask::How::Fixed(_)))
                        && qs.fields.iter().all(|f| f.name.is_empty() || self.form.iter().any(|ff| ff.name == f.name));
                    if all_fixed && !is_event {
                        // nothing to ask (no choices available): store and go on
                        for f in std::mem::take(&mut self.form) {
                            if let ask::How::Fixed(v) = f.how {
                                self.assign(&f.var, v)?;
                            }
                        }
                        self.st.current = None;
                        return Ok(Some(Outcome::Continue));
                    }
                }
                Ok(Some(Outcome::Screen(screen)))
            }
            BlockKind::Code(c) => {
                if force && !is_event {
                    return Ok(None);
                }
                if is_event {
                    // event code is done once it starts (force_ask inside it must not loop);
                    // its arguments stay readable while it runs
                    let (action, args) = (self.host.action.clone(), self.host.arguments.clone());
                    self.pop_event(var);
                    self.host.action = action;
                    self.host.arguments = args;
                }
                self.pre_block(block)?;
                self.exec_code(c)?;
                self.post_block(block)?;
                if is_event {
                    return Ok(Some(Outcome::Continue));
                }
                if self.is_defined(var) {
                    Ok(Some(Outcome::Continue))
                } else {
                    Ok(None)
                }
            }
            BlockKind::Command(c) => Ok(Some(Outcome::Screen(self.command_screen(&c.command, c.url.as_ref())?))),
            BlockKind::Response(r) => Ok(Some(Outcome::Screen(self.response_screen(r)?))),
            BlockKind::Data(_)
            | BlockKind::Template(_)
            | BlockKind::Objects(_)
            | BlockKind::Table(_)
            | BlockKind::Attachments(_) => {
                if force && !is_event {
                    return Ok(None);
                }
                self.pre_block(block)?;
                self.define_by(block)?;
                self.post_block(block)?;
                if is_event || self.is_defined(var) {
                    Ok(Some(Outcome::Continue))
                } else {
                    Ok(None)
                }
            }
            _ => Err(Flow::Fatal(format!("{}: this kind of block is not supported yet", block.pos))),
        }
    }

    /// Whether some field for `var` is not hidden by a server-side `show if`.
    fn any_field_visible_for(&mut self, fields: &[crate::model::Field], var: &str) -> R<bool> {
        let mut any = false;
        let mut visible = false;
        for f in fields {
            let Some(v) = &f.var else { continue };
            if !var_matches(v.name(), var) {
                continue;
            }
            any = true;
            if self.field_shown_server(f)? != Some(false) {
                visible = true;
            }
        }
        Ok(!any || visible)
    }

    /// Server-side `show if`/`hide if` with `code:`: Some(shown) or None when not decidable.
    pub(crate) fn field_shown_server(&mut self, f: &crate::model::Field) -> R<Option<bool>> {
        use crate::model::FieldCondition as FC;
        if let Some(FC::Code(e)) = &f.show_if {
            return Ok(Some(self.eval_expr(e)?.truthy()));
        }
        if let Some(FC::Code(e)) = &f.hide_if {
            return Ok(Some(!self.eval_expr(e)?.truthy()));
        }
        Ok(None)
    }

    /// A one-off screen for `message()`.
    /// The screen of `message()`: its texts and buttons, each posting `MESSAGE_BUTTON` with the
    /// command it performs (see `submit::message_command`).
    fn message_screen(&mut self, title: String, subtitle: Option<String>, buttons: Vec<(String, String)>) -> Screen {
        let mut qs = ask::base_screen(self);
        qs.question = html_escape(&title);
        qs.subquestion = subtitle.map(|s| html_escape(&s));
        qs.token = format!("{MESSAGE_TOKEN}{}", self.st.steps);
        for (label, command) in buttons {
            qs.buttons.push(crate::screen::ButtonView {
                name: MESSAGE_BUTTON.into(),
                value: command,
                label: html_escape(&crate::functions::word(&self.host.language, &label)),
                color: None,
                css_class: None,
                icon: None,
                help: None,
            });
        }
        self.st.current = None;
        Screen::Question(qs)
    }
}

/// The token of a `message()` screen: this prefix and the step it was shown at.
pub(crate) const MESSAGE_TOKEN: &str = "message.";
/// The form field a `message()` screen's buttons post (the command).
pub(crate) const MESSAGE_BUTTON: &str = "_message_command";
/// Key of the session's info holding the `url=` of the `message()` shown.
pub(crate) const MESSAGE_URL_KEY: &str = "__message_url";

fn collect_classes(class: &Rc<lang::value::Class>, out: &mut Vec<String>) {
    if out.len() > 64 {
        return;
    }
    out.push(class.name.to_string());
    for b in &class.bases {
        collect_classes(b, out);
    }
}

/// docassemble's extended question name: the block's name with the objects and indices it
/// was asked for (`Question_3|WITH|person[1]|1`), so that an embedded choice is remembered
/// for each item separately.
pub(crate) fn extended_name(name: &str, bindings: &[(String, String)]) -> String {
    if bindings.is_empty() {
        return name.to_string();
    }
    let parts: Vec<&str> = bindings.iter().map(|(_, t)| t.as_str()).collect();
    format!("{name}|WITH|{}", parts.join("|"))
}

/// Whether a block's field variable (maybe with iterators) can define the sought name.
pub(crate) fn var_matches(field: &str, sought: &str) -> bool {
    if field == sought {
        return true;
    }
    path::variants(sought).iter().any(|v| v.name == field)
}
