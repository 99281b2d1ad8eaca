//! Accepting a posted form: decode, convert by datatype, validate everything on the
//! server, then store — or store nothing and show the screen again with messages.

use std::collections::HashMap;

use lang::Value;

use super::ask::{ButtonAction, FormField, How};
use super::{Flow, KeptForm, Run, R};
use crate::vars::path;
use crate::functions::Signal;
use crate::model::{BlockKind, ChoiceValue, Input, Interview, Progress, Question};
use crate::screen::{Command, QuestionScreen, Screen};
use crate::state::{CurrentQuestion, PendingCommand, SessionState};
use crate::validate::{self, Converted};

use super::RequestContext;

/// Text of a value for comparing against `show if: {is: …}`.
pub(crate) fn value_text(v: &Value) -> String {
    match v {
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::None => "None".into(),
        other => other.str(),
    }
}

/// Form names the server (or browser) adds that are not answers.
fn is_control(name: &str) -> bool {
    name.starts_with('_') || name == "csrf_token" || name == "ajax" || name == "json" || name == "informed"
}

/// Why an answer is not stored.
enum Refused {
    /// The answer is refused with these messages, shown on the screen (`None`: built again
    /// from the state as it was, when the form description was kept in the session).
    Invalid(Option<Box<QuestionScreen>>, Messages),
    Error(String),
}

/// `Interview::submit` and `Interview::answer`: `Err` with the screen to show again when
/// the answer is refused (the state as it was); `Ok` once it is stored, with the next screen
/// when `then_show` asked for it and it was made in the same run (`None`: the caller runs
/// `next_screen`, e.g. for a button's command).
pub(crate) fn accept(
    iv: &Interview,
    state: &mut SessionState,
    form: &[(String, String)],
    ctx: &RequestContext,
    then_show: bool,
) -> Result<Option<Screen>, Screen> {
    let cleaned: Vec<(String, String)> =
        form.iter().map(|(k, v)| (k.clone(), crate::html::strip_markers(v))).collect();
    let mut posted: HashMap<&str, Vec<&str>> = HashMap::new();
    for (k, v) in &cleaned {
        posted.entry(k.as_str()).or_default().push(v.as_str());
    }
    let token = posted.get("_question").and_then(|v| v.first()).copied().unwrap_or("");
    if let Some(command) = message_command(state, token, &posted) {
        let url = match command.as_str() {
            "exit" | "leave" => state.info.get(super::MESSAGE_URL_KEY).and_then(|u| u.as_str()).map(str::to_string),
            _ => None,
        };
        state.pending_command = Some(PendingCommand { command, url });
        return Ok(None);
    }
    // The kept form description is taken out of the state first, so that neither the copy
    // kept for a refusal nor the undo record copies it; a refusal puts it back.
    let (cur, kept) = match state.current.as_mut() {
        Some(c) if c.token == token => {
            let kept = c.form.take();
            (c.clone(), kept)
        }
        _ => return Err(stale(iv, state, ctx)),
    };
    let before = state.clone_without_history();
    let mut run = Run::new(iv, state, ctx);
    let refused = match apply(&mut run, &cur, kept.as_deref(), &posted) {
        Ok(None) => {
            run.st.push_undo_of(before);
            if !then_show || run.st.pending_command.is_some() {
                run.finish();
                return Ok(None);
            }
            return Ok(Some(run.renewed().show()));
        }
        Ok(Some(refused)) => refused,
        Err(e) => Refused::Error(flow_message(&run, e)),
    };
    match refused {
        Refused::Invalid(screen, errors) => {
            restore(state, before, kept);
            let mut qs = match screen {
                Some(qs) => *qs,
                None => rebuilt(iv, state, ctx, &cur).map_err(|message| Screen::Error { message })?,
            };
            place_errors(&mut qs, errors);
            Err(Screen::Question(qs))
        }
        Refused::Error(message) => {
            restore(state, before, kept);
            Err(Screen::Error { message })
        }
    }
}

/// Puts back the state as it was before a refused answer (the history never changed), with
/// the form description that was kept for the question.
fn restore(state: &mut SessionState, mut before: SessionState, kept: Option<std::sync::Arc<KeptForm>>) {
    before.history = std::mem::take(&mut state.history);
    if let Some(c) = before.current.as_mut() {
        c.form = kept;
    }
    *state = before;
}

/// The screen a refused answer is shown on, built from the state as it was (the answer's
/// form description came from the session).
fn rebuilt(iv: &Interview, state: &mut SessionState, ctx: &RequestContext, cur: &CurrentQuestion) -> Result<QuestionScreen, String> {
    let Some((block, q)) = question_of(iv, cur) else {
        return Err(GONE.into());
    };
    let mut run = Run::new(iv, state, ctx);
    let (mut qs, _) = run.built_again(cur, block, q).map_err(|e| flow_message(&run, e))?;
    qs.token = cur.token.clone();
    Ok(qs)
}

const GONE: &str = "The question answered no longer exists in the interview.";

fn flow_message(run: &Run<'_>, e: Flow) -> String {
    match e {
        Flow::Fatal(m) => m,
        Flow::Undefined(v) => run.missing_message(&v),
        Flow::Signal(_) => "unexpected signal while storing answers".into(),
    }
}

/// A button of the current `message()` screen: the command it performs (a known command only).
fn message_command(state: &SessionState, token: &str, posted: &HashMap<&str, Vec<&str>>) -> Option<String> {
    if state.current.is_some() || token != format!("{}{}", super::MESSAGE_TOKEN, state.steps) {
        return None;
    }
    let value = first(posted, super::MESSAGE_BUTTON)?;
    match Command::parse(value) {
        Command::Other(_) => None,
        c => Some(c.as_str().to_string()),
    }
}

/// The posted form answers a screen that is no longer current: show the current one with a note.
fn stale(iv: &Interview, state: &mut SessionState, ctx: &RequestContext) -> Screen {
    let mut screen = iv.next_screen(state, ctx);
    if let Screen::Question(q) = &mut screen {
        q.errors.push("Input not processed because the question changed. Please continue.".into());
    }
    screen
}

fn question_of<'a>(iv: &'a Interview, cur: &crate::state::CurrentQuestion) -> Option<(&'a crate::model::Block, &'a Question)> {
    let block = iv.blocks.get(cur.block)?;
    let block = match cur.choice {
        None => block,
        Some(idx) => {
            let BlockKind::Question(q) = &block.kind else { return None };
            let Input::Choice(ci) = &q.input else { return None };
            let crate::model::Choices::List(list) = &ci.choices else { return None };
            match &list.get(idx)?.value {
                ChoiceValue::Block(b) => b.as_ref(),
                _ => return None,
            }
        }
    };
    let BlockKind::Question(q) = &block.kind else { return None };
    Some((block, q))
}

/// Messages for the screen's fields by index in `QuestionScreen::fields` (`None`: for the screen).
type Messages = Vec<(Option<usize>, String)>;

/// What decoding the posted form gave, form field by form field.
struct Decoded {
    /// The converted value of each form field (`None`: nothing to store, or not valid).
    values: Vec<Option<Value>>,
    /// Messages for the screen's fields.
    errors: Messages,
    /// A button asked for a command.
    pending: Option<PendingCommand>,
    /// A button chose an embedded block (or `continue`).
    follow: Option<usize>,
    /// Some button was pressed.
    any_button: bool,
}

/// The first posted value of `name`.
fn first<'p>(posted: &HashMap<&'p str, Vec<&'p str>>, name: &str) -> Option<&'p str> {
    posted.get(name).and_then(|v| v.first()).copied()
}

/// Applies a posted form: rebuild the screen it answers, decode every field, validate, then
/// assign the answers once and do the bookkeeping of an answered question.
/// `Ok(None)`: stored.
fn apply(
    run: &mut Run<'_>,
    cur: &crate::state::CurrentQuestion,
    kept: Option<&KeptForm>,
    posted: &HashMap<&str, Vec<&str>>,
) -> R<Option<Refused>> {
    let iv = run.iv;
    let Some((block, q)) = question_of(iv, cur) else {
        return Ok(Some(Refused::Error(GONE.into())));
    };
    // what the screen offered: kept in the session when it was shown, else built again
    let kept = kept.and_then(|k| k.spec(iv.revision));
    let (mut screen, spec, disabled) = match kept {
        Some((spec, disabled)) => {
            restore_bindings(run, cur);
            (None, spec, disabled.to_vec())
        }
        None => {
            let (mut qs, spec) = run.built_again(cur, block, q)?;
            qs.token = cur.token.clone();
            let disabled = qs.fields.iter().filter(|f| f.disabled).map(|f| f.name.clone()).collect();
            (Some(Box::new(qs)), spec, disabled)
        }
    };
    if !only_offered(&spec, &disabled, posted) {
        let message = "The form contained a field that this screen does not offer; nothing was saved.";
        return Ok(Some(Refused::Invalid(screen.take(), vec![(None, message.into())])));
    }
    // `list collect`: its settings and the rows shown, before anything is stored
    let collect = match &q.input {
        Input::Fields(fields) => run.list_collect(q, fields)?.map(|c| (c, fields)),
        _ => None,
    };
    let shown = collect.as_ref().map(|(c, _)| run.collect_rows(c)).unwrap_or(0);
    let collect_add = collect.is_some() && posted.contains_key(super::collect::ADD_BUTTON);
    // decode: convert everything first (conditions need the other fields' values)
    let mut decoded = decode(run, &spec, posted);
    if spec.iter().any(|f| matches!(f.how, How::Buttons { .. })) && !decoded.any_button {
        let mut errors = Vec::new();
        match spec.iter().find(|f| matches!(f.how, How::Buttons { .. })).and_then(|f| f.view) {
            Some(v) => decoded.errors.push((Some(v), validate::REQUIRED.into())),
            None => errors.push((None, "Please press one of the buttons.".into())),
        }
        errors.append(&mut decoded.errors);
        return Ok(Some(Refused::Invalid(screen.take(), errors)));
    }
    // validate
    let keep = kept_fields(run, &spec, collect.as_ref().map(|(c, _)| c), posted, &mut decoded);
    run_validators(run, &spec, &keep, &mut decoded)?;
    if !decoded.errors.is_empty() {
        super::upload::choose_again(run.ctx, &spec, &mut decoded.errors);
        return Ok(Some(Refused::Invalid(screen.take(), decoded.errors)));
    }
    // assign
    let (assigned, changed) = assign_all(run, &spec, &keep, &mut decoded.values, collect.as_ref().map(|(c, _)| c))?;
    if let Some(mut errors) = validation_code(run, q, &spec)? {
        super::upload::choose_again(run.ctx, &spec, &mut errors);
        return Ok(Some(Refused::Invalid(screen.take(), errors)));
    }
    // bookkeeping
    if let Some(idx) = decoded.follow {
        run.st.answers.insert(cur.name.clone(), idx);
    }
    if let Some(p) = decoded.pending {
        run.st.pending_command = Some(p);
    }
    if block.mandatory.is_some() && cur.choice.is_none() && decoded.follow.is_none() && !collect_add {
        run.st.answered.insert(block.name.clone());
    }
    if let Some(ev) = &cur.event {
        run.pop_event(ev);
    }
    for var in &assigned {
        if run.st.event_stack.iter().any(|e| &e.action == var) {
            run.pop_event(var);
        }
    }
    if let Some((c, fields)) = &collect {
        run.collect_done(c, fields, collect_add, shown)?;
    }
    invalidate_dependents(run, &changed)?;
    advance(run, q);
    Ok(None)
}

impl<'a> Run<'a> {
    /// The screen of the current question built again as it was asked (its bindings
    /// restored, no gathering started), with its form description.
    fn built_again(&mut self, cur: &CurrentQuestion, block: &crate::model::Block, q: &Question) -> R<(QuestionScreen, Vec<FormField>)> {
        restore_bindings(self, cur);
        self.host.suppress_gather = true;
        let built = self.build_question(block, q);
        self.host.suppress_gather = false;
        built
    }
}

/// Restores the iterator and `x` bindings the question was asked with.
fn restore_bindings(run: &mut Run<'_>, cur: &CurrentQuestion) {
    for (name, text) in &cur.bindings {
        let Some(text) = text.as_str() else { continue };
        let v = if name == "x" {
            path::parse(text).and_then(|p| path::lookup(&run.ns, &p))
        } else {
            path::subscript_value(&run.ns, text)
        };
        if let Some(v) = v {
            run.ns.set(name, v);
        }
    }
}

/// Whether every posted name is one the screen offered (an input, a disabled input, or a
/// control field).
fn only_offered(spec: &[FormField], disabled: &[String], posted: &HashMap<&str, Vec<&str>>) -> bool {
    let mut offered: Vec<&str> = Vec::new();
    for f in spec {
        offered.push(f.name.as_str());
        if let How::Checkboxes { options, nota, .. } = &f.how {
            offered.extend(options.iter().map(|(n, _)| n.as_str()));
            if let Some(n) = nota {
                offered.push(n.as_str());
            }
        }
    }
    offered.extend(disabled.iter().map(String::as_str));
    posted.keys().all(|name| is_control(name) || offered.contains(name))
}

/// Converts every posted field by its datatype, collecting the messages of those that fail.
fn decode(run: &mut Run<'_>, spec: &[FormField], posted: &HashMap<&str, Vec<&str>>) -> Decoded {
    let mut d = Decoded { values: Vec::new(), errors: Vec::new(), pending: None, follow: None, any_button: false };
    let get = |name: &str| first(posted, name);
    for f in spec {
        match convert_field(run, f, get, &mut d.pending, &mut d.follow, &mut d.any_button) {
            Ok(v) => d.values.push(v),
            Err(msg) => {
                d.values.push(None);
                d.errors.push((f.view, msg));
            }
        }
    }
    d
}

/// Which fields count: a same-screen `show if`/`hide if` that does not hold, or a `list
/// collect` row left blank, drops a field and its messages.
fn kept_fields(
    run: &mut Run<'_>,
    spec: &[FormField],
    collect: Option<&super::collect::Collect>,
    posted: &HashMap<&str, Vec<&str>>,
    decoded: &mut Decoded,
) -> Vec<bool> {
    let mut keep = vec![true; spec.len()];
    // each field's value by its variable, for the fields shown only under a condition
    let by_var: HashMap<&str, Value> = if spec.iter().any(|f| f.cond.is_some()) {
        spec.iter()
            .zip(decoded.values.iter())
            .filter_map(|(f, v)| v.as_ref().map(|v| (f.var.as_str(), v.clone())))
            .collect()
    } else {
        HashMap::new()
    };
    for (idx, f) in spec.iter().enumerate() {
        if let Some((ctrl, expected, show)) = &f.cond {
            let value = by_var.get(ctrl.as_str()).cloned().or_else(|| item_of_group(&by_var, ctrl));
            let actual = value.as_ref().map(value_text);
            let holds = match (&actual, expected.as_str()) {
                (Some(a), e) => a == e || (e == "True" && value.as_ref().is_some_and(Value::truthy)),
                (None, _) => false,
            };
            if holds != *show {
                keep[idx] = false;
                decoded.errors.retain(|(view, _)| *view != f.view || f.view.is_none());
            }
        }
    }
    if let Some((d, listed)) = spec.iter().enumerate().find_map(|(i, f)| f.disables_others.as_ref().map(|l| (i, l))) {
        // the browser disables the other inputs (or those listed) while this one has a value
        let filled = first(posted, &spec[d].name).is_some_and(|v| !v.trim().is_empty());
        for (idx, f) in spec.iter().enumerate() {
            let disabled = idx != d && (listed.is_empty() || listed.contains(&f.var));
            if (filled && disabled) || (!filled && idx == d) {
                keep[idx] = false;
                decoded.errors.retain(|(view, _)| *view != f.view || f.view.is_none());
            }
        }
    }
    if let Some(c) = collect {
        let vars: Vec<(String, bool)> =
            spec.iter().map(|f| (f.var.clone(), first(posted, &f.name).is_some_and(|v| !v.trim().is_empty()))).collect();
        let skip = run.collect_skip(c, &vars);
        for (idx, f) in spec.iter().enumerate() {
            if skip.get(idx).copied().unwrap_or(false) {
                keep[idx] = false;
                decoded.errors.retain(|(view, _)| *view != f.view || f.view.is_none());
            }
        }
    }
    keep
}

/// `x['key']` when `x` is a checkbox group posted on the same screen: its item.
fn item_of_group(by_var: &HashMap<&str, Value>, name: &str) -> Option<Value> {
    let (base, rest) = name.split_once('[')?;
    let key = rest.strip_suffix(']')?.trim().trim_matches(|c| c == '\'' || c == '"');
    let elements = match by_var.get(base)? {
        Value::Dict(d) => d.clone(),
        Value::Object(o) => match o.borrow().attrs.get("elements") {
            Some(Value::Dict(d)) => d.clone(),
            _ => return None,
        },
        _ => return None,
    };
    let found = elements.borrow().get(&lang::Key::str(key)).cloned();
    found
}

/// Runs the `validate:` function of each kept field on its value.
fn run_validators(run: &mut Run<'_>, spec: &[FormField], keep: &[bool], decoded: &mut Decoded) -> R<()> {
    for (idx, f) in spec.iter().enumerate() {
        if !keep.get(idx).copied().unwrap_or(false) {
            continue;
        }
        let Some(Some(v)) = decoded.values.get(idx) else { continue };
        if let Some((src, pos)) = &f.validate {
            let func = run.eval_src(src, pos)?;
            match run.call(&func, vec![v.clone()], pos) {
                Ok(r) if r.truthy() => {}
                Ok(_) => decoded.errors.push((f.view, "Please enter a valid value.".into())),
                Err(Flow::Signal(Signal::ValidationError { message, .. })) => decoded.errors.push((f.view, message)),
                Err(Flow::Fatal(m)) => decoded.errors.push((f.view, strip_location(&m))),
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// Stores the kept values; returns the variables assigned and those whose value changed
/// (each with whether it had a value before).
fn assign_all(
    run: &mut Run<'_>,
    spec: &[FormField],
    keep: &[bool],
    values: &mut [Option<Value>],
    collect: Option<&super::collect::Collect>,
) -> R<(Vec<String>, Vec<Changed>)> {
    let mut assigned = Vec::new();
    let mut changed = Vec::new();
    for (idx, f) in spec.iter().enumerate() {
        if !keep.get(idx).copied().unwrap_or(false) || f.var.is_empty() {
            continue;
        }
        let Some(v) = values.get_mut(idx).and_then(Option::take) else { continue };
        if let Some(c) = collect {
            run.collect_prepare(c, &f.var);
        }
        let old = path::parse(&f.var).and_then(|p| path::lookup(&run.ns, &p));
        let differs = match &old {
            Some(o) => !o.py_eq(&v),
            None => true,
        };
        match run.assign(&f.var, v.clone()) {
            // the object an answer belongs to (`mother` of `mother.name.first`) is made by its
            // block (`objects:`) first, as docassemble does when it stores the answer
            Err(Flow::Undefined(parent)) if parent != f.var && f.var.starts_with(parent.as_str()) => {
                if run.askfor(&parent, 0, false)?.is_some() || !run.is_defined(&parent) {
                    return Err(Flow::Undefined(parent));
                }
                run.assign(&f.var, v)?;
            }
            other => other?,
        }
        run.st.dirty.remove(&f.var);
        if differs {
            changed.push(Changed { var: f.var.clone(), had_value: old.is_some() });
        }
        assigned.push(f.var.clone());
    }
    Ok((assigned, changed))
}

/// Runs the question's `validation code`; the messages when it refuses the answers.
fn validation_code(run: &mut Run<'_>, q: &Question, spec: &[FormField]) -> R<Option<Messages>> {
    let Some(code) = &q.validation_code else { return Ok(None) };
    Ok(match run.exec_code(code) {
        Ok(()) => None,
        Err(Flow::Signal(Signal::ValidationError { message, field })) => {
            let view = field.as_deref().and_then(|fv| spec.iter().find(|f| f.var == fv)).and_then(|f| f.view);
            Some(vec![(view, message)])
        }
        Err(Flow::Fatal(m)) => Some(vec![(None, strip_location(&m))]),
        Err(Flow::Undefined(v)) => Some(vec![(None, format!("{v} is not defined"))]),
        Err(Flow::Signal(_)) => None,
    })
}

/// One step further: the automatic progress bar moves on, and no question is current.
fn advance(run: &mut Run<'_>, q: &Question) {
    let iv = run.iv;
    if iv.features.progress_bar && matches!(q.progress, Progress::Auto) {
        let p = run.st.progress.unwrap_or(0.0);
        let m = iv.features.progress_bar_multiplier.unwrap_or(0.05);
        run.st.progress = Some(p + m * (100.0 - p));
    }
    run.st.steps += 1;
    run.st.current = None;
}

/// Removes the "file, line N: Kind: " prefix from an error for the user.
fn strip_location(m: &str) -> String {
    let tail = match m.find(": ") {
        Some(i) if m[..i].contains(", line ") => &m[i + 2..],
        _ => m,
    };
    for kind in ["Exception: ", "ValueError: ", "DAValidationError: ", "TypeError: "] {
        if let Some(rest) = tail.strip_prefix(kind) {
            return rest.to_string();
        }
    }
    tail.to_string()
}

fn place_errors(qs: &mut QuestionScreen, errors: Messages) {
    for (view, msg) in errors {
        match view.and_then(|v| qs.fields.get_mut(v)) {
            Some(f) if f.error.is_none() => f.error = Some(msg),
            Some(_) => {}
            None => qs.errors.push(msg),
        }
    }
}

/// A variable the answers changed.
struct Changed {
    var: String,
    /// It had a value before: only then are its dependents undefined.
    had_value: bool,
}

/// `depends on` and `on change`: when a variable that had a value changed, undefine what
/// depended on it (a variable given its first value invalidates nothing, as docassemble's
/// `invalidate_dependencies` finds no old value); `on change` code runs for both.
fn invalidate_dependents(run: &mut Run<'_>, changed: &[Changed]) -> R<()> {
    if changed.is_empty() {
        return Ok(());
    }
    let iv = run.iv;
    let had: Vec<&String> = changed.iter().filter(|c| c.had_value).map(|c| &c.var).collect();
    let any: Vec<&String> = changed.iter().map(|c| &c.var).collect();
    for b in &iv.blocks {
        if b.depends_on.iter().any(|d| had.contains(&d)) {
            for v in &b.defines {
                if any.contains(&v) {
                    continue;
                }
                if let Some(p) = path::parse(v) {
                    if let Some(old) = path::lookup(&run.ns, &p) {
                        run.st.dirty.insert(v.clone(), crate::vars::json::to_json(&old));
                    }
                    path::remove(&run.ns, &p);
                }
            }
        }
    }
    for (var, code) in &iv.on_change {
        if any.contains(&var) {
            run.exec_code(code)?;
        }
    }
    Ok(())
}

fn to_value(run: &mut Run<'_>, c: Converted) -> Value {
    match c {
        Converted::Str(s) => Value::from_str(&s),
        Converted::Int(i) => Value::Int(i),
        Converted::Float(f) => Value::Float(f),
        Converted::Bool(b) => Value::Bool(b),
        Converted::None => Value::None,
        Converted::Date(d) => crate::functions::make_datetime(&run.host, d.and_hms_opt(0, 0, 0).unwrap_or_default()),
        Converted::DateTime(dt) => crate::functions::make_datetime(&run.host, dt),
        Converted::Time(t) => Value::Time(t),
    }
}

/// Converts and checks one field. `Ok(None)` = nothing to store.
fn convert_field<'p>(
    run: &mut Run<'_>,
    f: &FormField,
    get: impl Fn(&str) -> Option<&'p str>,
    pending: &mut Option<PendingCommand>,
    follow: &mut Option<usize>,
    any_button: &mut bool,
) -> Result<Option<Value>, String> {
    match &f.how {
        How::Fixed(v) => Ok(Some(v.clone())),
        How::File(rules) => run.convert_upload(f, rules),
        How::Signature => run.convert_signature(f, get(&f.name)),
        How::Input => {
            if f.datatype == "continue" {
                return Ok(Some(Value::Bool(true)));
            }
            let raw = get(&f.name).unwrap_or("");
            if raw.trim().is_empty() {
                if f.required {
                    return Err(validate::REQUIRED.into());
                }
                if f.datatype == "hidden" || !validate::is_numeric(&f.datatype) {
                    return Ok(Some(Value::from_str(raw)));
                }
            }
            let c = validate::convert(&f.datatype, raw)?;
            match &c {
                Converted::Int(i) => {
                    #[allow(clippy::cast_precision_loss)]
                    validate::check_number_bounds(*i as f64, f.min.as_deref(), f.max.as_deref())?;
                }
                Converted::Float(x) => validate::check_number_bounds(*x, f.min.as_deref(), f.max.as_deref())?,
                Converted::Date(d) => validate::check_date_bounds(*d, f.min.as_deref(), f.max.as_deref())?,
                Converted::DateTime(d) => validate::check_date_bounds(d.date(), f.min.as_deref(), f.max.as_deref())?,
                Converted::Str(s) => validate::check_length(s, f.minlength, f.maxlength)?,
                _ => {}
            }
            if let (Converted::Str(s), "raw") = (&c, f.datatype.as_str()) {
                // `datatype: raw`: the text is shown as HTML (sanitised by the server), not escaped
                return Ok(Some(Value::from_str(&crate::html::safe_html(s))));
            }
            Ok(Some(to_value(run, c)))
        }
        How::Checkbox { invert } => {
            let checked = get(&f.name).is_some_and(validate::truthy_text);
            Ok(Some(Value::Bool(checked != *invert)))
        }
        How::Choice { values } => {
            let raw = get(&f.name).unwrap_or("").trim();
            if raw.is_empty() {
                if f.required {
                    return Err(validate::REQUIRED.into());
                }
                if validate::is_numeric(&f.datatype) || validate::is_temporal(&f.datatype) || f.datatype.contains("yesno") || f.datatype.contains("noyes") {
                    return Ok(Some(Value::None));
                }
                return Ok(Some(Value::from_str("")));
            }
            let idx: usize = raw.parse().map_err(|_| validate::BAD_CHOICE.to_string())?;
            let v = values.get(idx).ok_or_else(|| validate::BAD_CHOICE.to_string())?;
            Ok(Some(coerce(run, v, &f.datatype)?))
        }
        How::Checkboxes { options, nota, nota_label } => {
            let mut pairs = Vec::new();
            let mut any = false;
            for (name, key) in options {
                let on = get(name).is_some_and(validate::truthy_text);
                any |= on;
                pairs.push((key.clone(), on));
            }
            let nota_on = nota.as_deref().and_then(&get).is_some_and(validate::truthy_text);
            if nota_on {
                // "None of the above" unchecks the others (docassemble does it in the browser)
                for p in &mut pairs {
                    p.1 = false;
                }
            }
            if f.required && !any && !nota_on {
                return Err(match nota {
                    Some(_) => format!(
                        "Check at least one option, or check \u{201c}{}\u{201d}",
                        strip_tags(nota_label.as_deref().unwrap_or("None of the above"))
                    ),
                    None => "Check at least one option.".into(),
                });
            }
            if f.datatype.starts_with("object_") {
                return Ok(Some(object_list(run, &f.var, pairs)));
            }
            Ok(Some(crate::functions::make_dadict(&run.host, &f.var, pairs)))
        }
        How::Buttons { values } => {
            let Some(raw) = get(&f.name) else { return Ok(None) };
            let idx: usize = raw.trim().parse().map_err(|_| validate::BAD_CHOICE.to_string())?;
            let action = values.get(idx).cloned().ok_or_else(|| validate::BAD_CHOICE.to_string())?;
            *any_button = true;
            match action {
                ButtonAction::Value(v) => {
                    if f.var.is_empty() {
                        return Ok(None);
                    }
                    Ok(Some(coerce(run, v, &f.datatype)?))
                }
                ButtonAction::Command(c, url) => {
                    if c == "continue" {
                        *follow = Some(idx);
                        return Ok(None);
                    }
                    if c == "refresh" {
                        return Ok(None);
                    }
                    *pending = Some(PendingCommand { command: c, url });
                    Ok(None)
                }
                ButtonAction::Follow(i) => {
                    *follow = Some(i);
                    Ok(None)
                }
            }
        }
    }
}

/// The result of `object_checkboxes`/`object_multiselect`: the chosen objects in a gathered
/// list — the existing `DAList` refilled in place, keeping its class (docassemble's `index()`
/// makes a new `DAList` only when the variable does not exist yet), or a new `DAList`.
fn object_list(run: &mut Run<'_>, var: &str, pairs: Vec<(Value, bool)>) -> Value {
    let chosen: Vec<Value> = pairs.into_iter().filter(|(_, on)| *on).map(|(k, _)| k).collect();
    let existing = path::parse(var).and_then(|p| path::lookup(&run.ns, &p));
    if let Some(Value::Object(o)) = &existing {
        let is_list = matches!(o.borrow().attrs.get("elements"), Some(Value::List(_)));
        if is_list {
            let mut b = o.borrow_mut();
            b.attrs.insert(std::rc::Rc::from("elements"), Value::list(chosen));
            b.attrs.insert(std::rc::Rc::from("gathered"), Value::Bool(true));
            drop(b);
            return existing.unwrap_or(Value::None);
        }
    }
    crate::functions::make_dalist(&run.host, var, chosen)
}

/// Applies a choice question's `datatype:` to a chosen value.
fn coerce(run: &mut Run<'_>, v: Value, datatype: &str) -> Result<Value, String> {
    match (&v, datatype) {
        (Value::Str(s), dt) if validate::is_numeric(dt) || validate::is_temporal(dt) => {
            let c = validate::convert(dt, s)?;
            Ok(to_value(run, c))
        }
        (Value::Int(i), "number" | "float" | "currency") => {
            #[allow(clippy::cast_precision_loss)]
            Ok(Value::Float(*i as f64))
        }
        (Value::Str(s), "boolean" | "yesno" | "yesnoradio") => Ok(Value::Bool(validate::truthy_text(s))),
        _ => Ok(v),
    }
}

/// Text without HTML tags (for messages that quote a label).
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
