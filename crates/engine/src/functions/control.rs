//! Functions that steer the interview (`force_ask`, `need`, `defined`, `url_action` …)
//! and the small information functions (`user_info`, `states_list`, …).

use lang::value::{Dict, Key};
use lang::{Args, Error, NativeFn, Value, Vm};
use serde_json::{Map, Value as Json};

use super::{arg, host, interrupt, Signal};
use crate::compile;
use crate::vars::{json, path};

/// The natives of this module by name (the functions that steer the interview of the library).
pub(crate) const NATIVES: &[(&str, NativeFn)] = &[
    ("force_ask", force_ask),
    ("force_gather", force_gather),
    ("prevent_dependency_satisfaction", prevent_dependency_satisfaction),
    ("explain", explain),
    ("clear_explanations", clear_explanations),
    ("logic_explanation", logic_explanation),
    ("need", need),
    ("reconsider", reconsider),
    ("defined", defined),
    ("value", value),
    ("showifdef", showifdef),
    ("undefine", undefine),
    ("invalidate", invalidate),
    ("re_run_logic", re_run_logic),
    ("message", message),
    ("update_terms", update_terms),
    ("command", command),
    ("response", response),
    ("json_response", json_response),
    ("url_action", url_action),
    ("action_argument", action_argument),
    ("action_arguments", action_arguments),
    ("interview_url", interview_url),
    ("interview_url_action", interview_url_action),
    ("url_of", url_of),
    ("action_menu_item", action_menu_item),
    ("action_button_html", action_button_html),
    ("validation_error", validation_error),
    ("log", log),
    ("set_info", set_info),
    ("get_info", get_info),
    ("user_info", user_info),
    ("states_list", states_list),
    ("state_name", state_name),
    ("country_name", super::countries::country_name),
    ("iso_country", super::countries::iso_country),
    ("countries_list", super::countries::countries_list),
    ("subdivision_type", super::countries::subdivision_type),
    ("define", define),
    ("set_parts", set_parts),
    ("prevent_going_back", prevent_going_back),
    ("set_progress", set_progress),
    ("forget_result_of", forget_result_of),
    ("process_action", nothing),
    ("set_save_status", nothing),
    ("set_language", set_language),
    ("set_live_help_status", nothing),
    ("user_logged_in", false_fn),
    ("returning_user", false_fn),
    ("user_has_privilege", user_has_privilege),
    ("device", device),
    ("all_variables", all_variables),
    ("get_config", get_config),
    ("get_language", get_language),
    ("get_dialect", get_language),
    ("referring_url", referring_url),
    ("current_context", current_context),
    ("interface", interface),
    ("language_from_browser", get_language),
    ("static_image", static_image),
    ("task_performed", task_performed),
    ("task_not_yet_performed", task_not_yet_performed),
    ("mark_task_as_performed", mark_task_as_performed),
    ("times_task_performed", times_task_performed),
    ("set_task_counter", set_task_counter),
    ("dispatch", dispatch),
    ("name_suffix", name_suffix),
    ("update_language_function", super::modules::update_language_function),
    ("encode_name", encode_name),
    ("decode_name", decode_name),
    ("server_capabilities", server_capabilities),
];

fn names_of(vm: &mut Vm<'_>, args: &Args) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    for v in &args.positional {
        match v {
            Value::List(l) => {
                for x in l.borrow().iter() {
                    out.push(x.str());
                }
            }
            other => out.push(vm.str_of(other)?),
        }
    }
    Ok(out)
}

fn force_ask(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let forget_prior = args.take_kw("forget_prior").is_some_and(|v| v.truthy());
    args.take_kw("evaluate");
    let mut vars = Vec::new();
    for v in std::mem::take(&mut args.positional) {
        match &v {
            Value::Dict(d) => {
                let d = d.borrow().clone();
                vars.extend(force_ask_dict(vm, &d)?);
            }
            _ => vars.extend(names_of(vm, &Args::new(vec![v.clone()]))?),
        }
    }
    Err(interrupt(Signal::ForceAsk { vars, forget_prior }))
}

/// An event with arguments, as `force_ask` hands it to the runtime: JSON text starting with `{`
/// (a variable name never does).
fn event_text(action: &str, arguments: serde_json::Map<String, serde_json::Value>) -> String {
    let mut m = serde_json::Map::new();
    m.insert("action".into(), serde_json::Value::String(action.to_string()));
    m.insert("arguments".into(), serde_json::Value::Object(arguments));
    serde_json::Value::Object(m).to_string()
}

/// docassemble's dictionaries in `force_ask()`: `{'action': …, 'arguments': …}`, `{'recompute':
/// vars}`, `{'undefine': vars}`, `{'invalidate': vars}`, `{'set': [{var: value}]}`, `{'follow up': vars}`.
fn force_ask_dict(vm: &mut Vm<'_>, d: &lang::value::Dict) -> Result<Vec<String>, Error> {
    let get = |k: &str| d.get(&lang::value::Key::str(k)).cloned();
    let names = |vm: &mut Vm<'_>, v: Value| -> Result<Vec<String>, Error> { names_of(vm, &Args::new(vec![v])) };
    let vars_json =
        |vs: &[String]| serde_json::Value::Array(vs.iter().map(|s| serde_json::Value::String(s.clone())).collect());
    let mut out = Vec::new();
    if let Some(a) = get("action") {
        let action = vm.str_of(&a)?;
        let arguments = match get("arguments").map(|v| crate::vars::json::to_json(&v)) {
            Some(serde_json::Value::Object(m)) => m,
            _ => serde_json::Map::new(),
        };
        out.push(event_text(&action, arguments));
        return Ok(out);
    }
    if let Some(v) = get("set") {
        let items = match &v {
            Value::List(l) => l.borrow().clone(),
            other => vec![other.clone()],
        };
        let mut pairs = Vec::new();
        for it in items {
            if let Value::Dict(dd) = &it {
                for (k, val) in dd.borrow().iter() {
                    pairs.push(serde_json::Value::Array(vec![
                        serde_json::Value::String(k.to_value().str()),
                        crate::vars::json::to_json(val),
                    ]));
                }
            }
        }
        let mut m = serde_json::Map::new();
        m.insert("variables".into(), serde_json::Value::Array(pairs));
        out.push(event_text("_da_set", m));
    }
    if let Some(v) = get("follow up") {
        out.extend(names(vm, v)?);
    }
    for (key, action) in [("undefine", "_da_undefine"), ("invalidate", "_da_invalidate"), ("recompute", "_da_undefine")] {
        if let Some(v) = get(key) {
            let vs = names(vm, v)?;
            let mut m = serde_json::Map::new();
            m.insert("variables".into(), vars_json(&vs));
            out.push(event_text(action, m.clone()));
            if key == "recompute" {
                out.push(event_text("_da_compute", m));
            }
        }
    }
    Ok(out)
}

fn force_gather(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    args.take_kw("forget_prior");
    args.take_kw("evaluate");
    let vars = names_of(vm, &args)?;
    Err(interrupt(Signal::ForceGather(vars)))
}

fn need(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::Bool(true))
}

/// Evaluates a variable name in the user dictionary (may raise `Undefined`).
fn eval_name(vm: &mut Vm<'_>, name: &str) -> Result<Value, Error> {
    let pos = compile::engine_pos();
    let e = compile::expression(name, &pos).map_err(|m| Error::exception("SyntaxError", m))?;
    let ns = host(vm)?.ns.clone();
    vm.eval(&e, &ns)
}

fn reconsider(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    for name in names_of(vm, &args)? {
        let h = host(vm)?;
        if h.reconsidered.insert(name.clone()) {
            if let Some(p) = path::parse(&name) {
                path::remove(&h.ns, &p);
            }
        }
        eval_name(vm, &name)?;
    }
    Ok(Value::None)
}

/// The value of a variable path if it is defined, looked up as docassemble's `defined()` does:
/// step by step, an item of a list or dictionary only if it is there (so a dictionary with an
/// object type makes no item for the question); `None` when some step is missing. A path that
/// does not parse, or an attribute not stored on its object, is evaluated.
fn probe(vm: &mut Vm<'_>, name: &str) -> Result<Option<Value>, Error> {
    let evaluated = |vm: &mut Vm<'_>| match eval_name(vm, name) {
        Ok(v) => Ok(Some(v)),
        Err(Error::Undefined(_)) | Err(Error::Exception { .. }) => Ok(None),
        Err(e) => Err(e),
    };
    let Some(p) = path::parse(name.trim()) else { return evaluated(vm) };
    let ns = host(vm)?.ns.clone();
    let Some(mut cur) = ns.get(&p.root) else { return evaluated(vm) };
    for seg in &p.segs {
        match path::step(&ns, &cur, seg) {
            Some(next) => cur = next,
            // a missing item of a container (whose subscript is known): not defined
            None if matches!(seg, path::Seg::Index(t) if path::subscript_value(&ns, t).is_some()) => return Ok(None),
            None => return evaluated(vm),
        }
    }
    Ok(Some(cur))
}

fn defined(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let name = arg(&mut args, 0, "var").map(|v| v.str()).unwrap_or_default();
    Ok(Value::Bool(probe(vm, &name)?.is_some()))
}

fn value(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let name = arg(&mut args, 0, "var").map(|v| v.str()).unwrap_or_default();
    eval_name(vm, &name)
}

fn showifdef(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let name = arg(&mut args, 0, "var").map(|v| v.str()).unwrap_or_default();
    let alt = arg(&mut args, 1, "alternative").unwrap_or_else(|| Value::from_str(""));
    Ok(probe(vm, &name)?.unwrap_or(alt))
}

fn undefine(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let names = names_of(vm, &args)?;
    let h = host(vm)?;
    for name in names {
        if let Some(p) = path::parse(&name) {
            path::remove(&h.ns, &p);
        }
    }
    Ok(Value::None)
}

fn invalidate(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let names = names_of(vm, &args)?;
    let h = host(vm)?;
    for name in names {
        if let Some(p) = path::parse(&name) {
            if let Some(old) = path::lookup(&h.ns, &p) {
                h.dirty.insert(name.clone(), json::to_json(&old));
            }
            path::remove(&h.ns, &p);
        }
    }
    Ok(Value::None)
}

fn re_run_logic(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Err(interrupt(Signal::ReRun))
}

fn message(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let title = match args.take_kw("title").or_else(|| arg(&mut args, 0, "question")) {
        Some(v) => vm.str_of(&v)?,
        None => "Question not specified".into(),
    };
    let subtitle = match args.take_kw("subtitle").or_else(|| arg(&mut args, 1, "subquestion")) {
        Some(v) => Some(vm.str_of(&v)?),
        None => None,
    };
    let url = match arg(&mut args, 2, "url") {
        Some(Value::None) | None => None,
        Some(v) => Some(vm.str_of(&v)?),
    };
    let buttons = message_buttons(vm, &mut args)?;
    Err(interrupt(Signal::Message { title, subtitle, buttons, url }))
}

/// The buttons of a `message()` screen, as docassemble chooses them: none for `dead_end=True`,
/// the `buttons=[{label: command}]` given, else Exit (unless `show_exit=False`, or
/// `show_leave=True` without `show_exit`), Leave (`show_leave=True`) and Restart (unless
/// `show_restart=False`).
fn message_buttons(vm: &mut Vm<'_>, args: &mut Args) -> Result<Vec<(String, String)>, Error> {
    let flag = |args: &mut Args, name: &str| args.take_kw(name).map(|v| v.truthy());
    if flag(args, "dead_end") == Some(true) {
        return Ok(Vec::new());
    }
    if let Some(given) = args.take_kw("buttons").filter(Value::truthy) {
        let mut out = Vec::new();
        for item in vm.iterate(&given)? {
            let first = match &item {
                Value::Dict(d) => d.borrow().iter().next().map(|(k, v)| (k.clone(), v.clone())),
                _ => None,
            };
            if let Some((k, v)) = first {
                out.push((vm.str_of(&k.to_value())?, vm.str_of(&v)?));
            }
        }
        return Ok(out);
    }
    let (show_exit, show_leave, show_restart) = (flag(args, "show_exit"), flag(args, "show_leave"), flag(args, "show_restart"));
    let mut out = Vec::new();
    if show_exit != Some(false) && !(show_leave == Some(true) && show_exit.is_none()) {
        out.push(("Exit".into(), "exit".into()));
    }
    if show_leave == Some(true) {
        out.push(("Leave".into(), "leave".into()));
    }
    if show_restart != Some(false) {
        out.push(("Restart".into(), "restart".into()));
    }
    Ok(out)
}

fn command(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let cmd = match arg(&mut args, 0, "cmd") {
        Some(v) => vm.str_of(&v)?,
        None => "exit".into(),
    };
    let url = match args.take_kw("url") {
        Some(v) => Some(vm.str_of(&v)?),
        None => None,
    };
    Err(interrupt(Signal::Command { command: cmd, url }))
}

fn response(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let body = match arg(&mut args, 0, "response") {
        Some(v) => vm.str_of(&v)?,
        None => String::new(),
    };
    let content_type = match args.take_kw("content_type") {
        Some(v) => vm.str_of(&v)?,
        None => "text/plain; charset=utf-8".into(),
    };
    Err(interrupt(Signal::Response { content_type, body: body.into_bytes() }))
}

fn json_response(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let data = arg(&mut args, 0, "data").unwrap_or(Value::None);
    let body = serde_json::to_vec(&json::to_json(&data)).unwrap_or_default();
    Err(interrupt(Signal::Response { content_type: "application/json".into(), body }))
}

fn kwargs_json(args: &mut Args) -> Map<String, Json> {
    let mut m = Map::new();
    for (k, v) in std::mem::take(&mut args.keyword) {
        m.insert(k.to_string(), json::to_json(&v));
    }
    m
}

fn url_action(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let action = match arg(&mut args, 0, "action") {
        Some(v) => vm.str_of(&v)?,
        None => return Err(super::missing("url_action", "action")),
    };
    let forget = args.take_kw("_forget_prior");
    let mut m = kwargs_json(&mut args);
    if forget.is_some_and(|v| v.truthy()) {
        m.insert("_forget_prior".into(), Json::Bool(true));
    }
    let h = host(vm)?;
    Ok(Value::from_str(&h.action_url(&action, &m)))
}

fn interview_url_action(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let action = match arg(&mut args, 0, "action") {
        Some(v) => vm.str_of(&v)?,
        None => return Err(super::missing("interview_url_action", "action")),
    };
    let m = kwargs_json(&mut args);
    let h = host(vm)?;
    Ok(Value::from_str(&format!("{}{}", h.base_url, h.action_url(&action, &m))))
}

fn action_argument(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let name = arg(&mut args, 0, "item");
    let h = host(vm)?;
    match name {
        None => Ok(h.action.as_deref().map(Value::from_str).unwrap_or(Value::None)),
        Some(n) => {
            let key = n.str();
            Ok(match h.arguments.get(&key) {
                Some(j) => json::from_json(j, h),
                None => Value::None,
            })
        }
    }
}

fn action_arguments(vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    let h = host(vm)?;
    let mut d = Dict::default();
    for (k, v) in &h.arguments {
        d.insert(Key::str(k), json::from_json(v, h));
    }
    Ok(Value::dict(d))
}

fn interview_url(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let h = host(vm)?;
    let other = args.take_kw("i").map(|v| v.str());
    let mut url = match &other {
        Some(i) => format!("{}/interview?i={}", h.base_url, i),
        None => format!("{}{}", h.base_url, h.interview_url),
    };
    for (k, v) in std::mem::take(&mut args.keyword) {
        if matches!(&*k, "local" | "temporary" | "style") {
            continue;
        }
        url.push_str(&format!("&{}={}", k, v.str()));
    }
    // A shared session's link carries its id (the server opens it with the server-wrapped
    // key); a private session's link does not, since it would open nothing anyway.
    if other.is_none() && h.ns.get("multi_user").is_some_and(|v| v.truthy()) {
        if let Some(id) = h.session_id() {
            url.push_str(&format!("&session={id}"));
        }
    }
    Ok(Value::from_str(&url))
}

fn url_of(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let file = match arg(&mut args, 0, "file_reference") {
        Some(v) => vm.str_of(&v)?,
        None => return Err(super::missing("url_of", "file_reference")),
    };
    let h = host(vm)?;
    let url = match file.as_str() {
        "root" => format!("{}/", h.base_url),
        "login" | "signin" => format!("{}/user/sign-in", h.base_url),
        "register" => format!("{}/user/register", h.base_url),
        "logout" => format!("{}/user/sign-out", h.base_url),
        "interview" => format!("{}{}", h.base_url, h.interview_url),
        "interview_list" => format!("{}/interviews", h.base_url),
        "help" => format!("{}{}#help", h.base_url, h.interview_url),
        "exit" => format!("{}/exit", h.base_url),
        "leave" => format!("{}/leave", h.base_url),
        _ if file.starts_with("http://") || file.starts_with("https://") => file.clone(),
        _ => {
            let (package, path) = match file.split_once(':') {
                Some((p, rest)) => (p.to_string(), rest.to_string()),
                None => (h.package.clone(), file.clone()),
            };
            let path = path.strip_prefix("data/static/").unwrap_or(&path).to_string();
            format!("{}/packagestatic/{}/{}", h.base_url, package, path)
        }
    };
    Ok(Value::from_str(&url))
}

fn action_menu_item(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let label = match arg(&mut args, 0, "label") {
        Some(v) => vm.str_of(&v)?,
        None => String::new(),
    };
    let action = match arg(&mut args, 1, "action") {
        Some(v) => vm.str_of(&v)?,
        None => String::new(),
    };
    let m = kwargs_json(&mut args);
    let h = host(vm)?;
    let url = h.action_url(&action, &m);
    let mut d = Dict::default();
    d.insert(Key::str("label"), Value::from_str(&label));
    d.insert(Key::str("url"), Value::from_str(&url));
    Ok(Value::dict(d))
}

fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

fn action_button_html(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let url = match arg(&mut args, 0, "url") {
        Some(v) => vm.str_of(&v)?,
        None => String::new(),
    };
    let label = match args.take_kw("label") {
        Some(v) => vm.str_of(&v)?,
        None => "Edit".into(),
    };
    let color = match args.take_kw("color") {
        Some(v) => vm.str_of(&v)?,
        None => "success".into(),
    };
    let size = match args.take_kw("size") {
        Some(v) => vm.str_of(&v)?,
        None => "sm".into(),
    };
    let html = format!(
        "<a href=\"{}\" class=\"btn btn-{} btn-{} btn-darevisit\">{}</a>",
        attr_escape(&url),
        attr_escape(&size),
        attr_escape(&color),
        crate::html::html_escape(&label)
    );
    Ok(Value::from_str(&crate::html::safe_html(&html)))
}

fn validation_error(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let message = match arg(&mut args, 0, "message") {
        Some(v) => vm.str_of(&v)?,
        None => String::new(),
    };
    let field = match args.take_kw("field") {
        Some(v) => Some(vm.str_of(&v)?),
        None => None,
    };
    Err(interrupt(Signal::ValidationError { message, field }))
}

fn log(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let msg = match arg(&mut args, 0, "message") {
        Some(v) => vm.str_of(&v)?,
        None => String::new(),
    };
    let priority = arg(&mut args, 1, "priority").map(|v| v.str()).unwrap_or_else(|| "log".into());
    let h = host(vm)?;
    if priority != "log" {
        h.messages.push((priority, msg));
    }
    Ok(Value::None)
}

/// Key of the session's info under which `update_terms()` keeps the terms it defined:
/// `{"terms"|"autoterms": {language: {term: definition}}}`.
pub(crate) const TERMS_KEY: &str = "__terms";

/// `update_terms(dictionary, auto=False, language='*')`: defines or redefines glossary terms
/// for the rest of the session (a dict of term → definition, or a list of one-item dicts or
/// of `{phrases: [...], definition: ...}`).
fn update_terms(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dictionary = arg(&mut args, 0, "dictionary").unwrap_or(Value::None);
    let auto = arg(&mut args, 1, "auto").is_some_and(|v| v.truthy());
    let language = match arg(&mut args, 2, "language") {
        Some(v) => vm.str_of(&v)?,
        None => "*".into(),
    };
    let mut pairs: Vec<(Value, Value)> = Vec::new();
    let entries = |d: &lang::value::Dict| d.iter().map(|(k, v)| (k.to_value(), v.clone())).collect::<Vec<_>>();
    match &dictionary {
        Value::Dict(d) => pairs.extend(entries(&d.borrow())),
        Value::List(l) => {
            for item in l.borrow().iter() {
                let Value::Dict(d) = item else {
                    return Err(Error::exception("DAError", "update_terms: terms organized as a list must be a list of dictionary items."));
                };
                let d = d.borrow();
                let phrases = d.get(&lang::value::Key::str("phrases")).cloned();
                let definition = d.get(&lang::value::Key::str("definition")).cloned();
                match (phrases, definition) {
                    (Some(Value::List(ps)), Some(def)) if d.len() == 2 => {
                        pairs.extend(ps.borrow().iter().map(|p| (p.clone(), def.clone())));
                    }
                    _ => pairs.extend(entries(&d)),
                }
            }
        }
        _ => return Err(Error::exception("DAError", "update_terms: terms must be organized as a dictionary or a list.")),
    }
    let mut defined = serde_json::Map::new();
    for (term, definition) in pairs {
        let term = vm.str_of(&term)?.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
        defined.insert(term, serde_json::Value::String(vm.str_of(&definition)?));
    }
    let h = host(vm)?;
    let all = h.info.entry(TERMS_KEY.to_string()).or_insert_with(|| serde_json::json!({}));
    let kind = if auto { "autoterms" } else { "terms" };
    if let Some(by_language) = all.as_object_mut().map(|m| m.entry(kind).or_insert_with(|| serde_json::json!({}))) {
        if let Some(terms) = by_language.as_object_mut().map(|m| m.entry(language).or_insert_with(|| serde_json::json!({}))) {
            if let Some(terms) = terms.as_object_mut() {
                terms.extend(defined);
            }
        }
    }
    Ok(Value::None)
}

fn set_info(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let kw = std::mem::take(&mut args.keyword);
    let h = host(vm)?;
    for (k, v) in kw {
        h.info.insert(k.to_string(), json::to_json(&v));
        h.info_values.insert(k.to_string(), v);
    }
    Ok(Value::None)
}

fn get_info(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let key = arg(&mut args, 0, "att").map(|v| v.str()).unwrap_or_default();
    let h = host(vm)?;
    if let Some(v) = h.info_values.get(&key) {
        return Ok(v.clone());
    }
    Ok(match h.info.get(&key) {
        Some(j) => json::from_json(j, h),
        None => Value::None,
    })
}

fn user_info(vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    let h = host(vm)?;
    let cls = h.class("DAObject");
    let obj = Value::new_object(cls, Some("user_info()"));
    if let Value::Object(o) = &obj {
        let mut o = o.borrow_mut();
        let mut set = |k: &str, v: Value| {
            o.attrs.insert(std::rc::Rc::from(k), v);
        };
        let info = |k: &str| h.info.get(k).and_then(|j| j.as_str().map(str::to_string)).unwrap_or_default();
        set("first_name", Value::from_str(&info("first_name")));
        set("last_name", Value::from_str(&info("last_name")));
        set("email", Value::from_str(&info("email")));
        set("id", Value::None);
        set("roles", Value::list(vec![Value::from_str("user")]));
        set("filename", Value::from_str(&h.interview));
        set("package", Value::from_str(&h.package));
        set("language", Value::from_str("en"));
        set("dialect", Value::from_str("us"));
        set("country", Value::from_str("US"));
        set("locale", Value::from_str("en_US.utf8"));
        set("timezone", Value::from_str("America/New_York"));
        set("session", Value::from_str(""));
    }
    Ok(obj)
}

/// The states and territories of the `us` package (`us.states.STATES_AND_TERRITORIES`):
/// the fifty states, then the five inhabited territories (not the District of Columbia).
const STATES: [(&str, &str); 55] = [
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"), ("CA", "California"),
    ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"), ("ID", "Idaho"), ("IL", "Illinois"),
    ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"),
    ("ME", "Maine"), ("MD", "Maryland"), ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"),
    ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"),
    ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"),
    ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"), ("OR", "Oregon"),
    ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"), ("SD", "South Dakota"),
    ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"),
    ("WA", "Washington"), ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
    ("AS", "American Samoa"), ("GU", "Guam"), ("MP", "Northern Mariana Islands"), ("PR", "Puerto Rico"),
    ("VI", "Virgin Islands"),
];

/// The top-level subdivisions of the United States (ISO 3166-2, as `pycountry` has them:
/// states, the District of Columbia and the territories), by name.
const SUBDIVISIONS: [(&str, &str); 57] = [
    ("AL", "Alabama"), ("AK", "Alaska"), ("AS", "American Samoa"), ("AZ", "Arizona"), ("AR", "Arkansas"),
    ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("DC", "District of Columbia"), ("FL", "Florida"), ("GA", "Georgia"), ("GU", "Guam"), ("HI", "Hawaii"),
    ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"),
    ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"), ("MA", "Massachusetts"),
    ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"),
    ("NE", "Nebraska"), ("NV", "Nevada"), ("NH", "New Hampshire"), ("NJ", "New Jersey"),
    ("NM", "New Mexico"), ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"),
    ("MP", "Northern Mariana Islands"), ("OH", "Ohio"), ("OK", "Oklahoma"), ("OR", "Oregon"),
    ("PA", "Pennsylvania"), ("PR", "Puerto Rico"), ("RI", "Rhode Island"), ("SC", "South Carolina"),
    ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"), ("UM", "United States Minor Outlying Islands"),
    ("UT", "Utah"), ("VT", "Vermont"), ("VI", "Virgin Islands, U.S."), ("VA", "Virginia"),
    ("WA", "Washington"), ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
];

/// `states_list(abbreviate=False)`: code → name of the US subdivisions, in the order of the
/// values (docassemble sorts the mapping by value: by name, or by code when abbreviated).
fn states_list(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let abbreviate = args.take_kw("abbreviate").is_some_and(|v| v.truthy());
    let mut pairs: Vec<(&str, &str)> = SUBDIVISIONS
        .iter()
        .map(|(code, name)| (*code, if abbreviate { *code } else { *name }))
        .collect();
    pairs.sort_by(|a, b| a.1.cmp(b.1));
    let mut d = Dict::default();
    for (code, shown) in pairs {
        d.insert(Key::str(code), Value::from_str(shown));
    }
    Ok(Value::dict(d))
}

fn state_name(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let code = arg(&mut args, 0, "state_code").map(|v| v.str()).unwrap_or_default();
    let up = code.to_uppercase();
    Ok(Value::from_str(SUBDIVISIONS.iter().find(|(c, _)| *c == up).map(|(_, n)| *n).unwrap_or(&code)))
}

fn define(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let name = arg(&mut args, 0, "var").map(|v| v.str()).unwrap_or_default();
    let val = arg(&mut args, 1, "val").unwrap_or(Value::None);
    let ns = host(vm)?.ns.clone();
    if let Some(p) = path::parse(&name) {
        if path::set(&ns, &p, val.clone()).is_ok() {
            return Ok(Value::None);
        }
    }
    let pos = compile::engine_pos();
    let t = compile::target(&name, &pos).map_err(|m| Error::exception("SyntaxError", m))?;
    vm.assign(&t, &ns, val)?;
    Ok(Value::None)
}

fn set_parts(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let kw = std::mem::take(&mut args.keyword);
    let mut parts = Vec::new();
    for (k, v) in kw {
        parts.push((k.replace('_', " "), vm.str_of(&v)?));
    }
    let h = host(vm)?;
    for (k, v) in parts {
        h.parts.insert(k, v);
    }
    Ok(Value::None)
}

fn prevent_going_back(vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    host(vm)?.prevent_back = true;
    Ok(Value::None)
}

fn set_progress(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let n = match arg(&mut args, 0, "number") {
        Some(Value::Int(i)) => Some(i as f64),
        Some(Value::Float(f)) => Some(f),
        _ => None,
    };
    host(vm)?.progress = Some(n);
    Ok(Value::None)
}

fn forget_result_of(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let names = names_of(vm, &args)?;
    host(vm)?.forget.extend(names);
    Ok(Value::None)
}

fn nothing(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::None)
}

fn false_fn(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::Bool(false))
}

fn user_has_privilege(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let names = names_of(vm, &args)?;
    Ok(Value::Bool(names.iter().any(|n| n == "anonymous")))
}

fn device(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    if args.take_kw("ip").is_some_and(|v| v.truthy()) {
        return Ok(Value::from_str("127.0.0.1"));
    }
    let h = host(vm)?;
    let cls = h.class("DAObject");
    let mk = |attrs: &[(&str, Value)]| {
        let obj = Value::new_object(cls.clone(), None);
        if let Value::Object(o) = &obj {
            for (k, v) in attrs {
                o.borrow_mut().attrs.insert(std::rc::Rc::from(*k), v.clone());
            }
        }
        obj
    };
    let browser = mk(&[("family", Value::from_str("Chrome")), ("version_string", Value::from_str(""))]);
    let os = mk(&[("family", Value::from_str("Linux")), ("version_string", Value::from_str(""))]);
    let dev = mk(&[("family", Value::from_str("Other")), ("brand", Value::None), ("model", Value::None)]);
    Ok(mk(&[
        ("is_mobile", Value::Bool(false)),
        ("is_tablet", Value::Bool(false)),
        ("is_pc", Value::Bool(true)),
        ("is_bot", Value::Bool(false)),
        ("is_touch_capable", Value::Bool(false)),
        ("browser", browser),
        ("os", os),
        ("device", dev),
    ]))
}

fn interface(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::from_str("web"))
}

fn static_image(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let file = match arg(&mut args, 0, "filereference") {
        Some(v) => vm.str_of(&v)?,
        None => return Err(super::missing("static_image", "filereference")),
    };
    let width = match args.take_kw("width") {
        Some(v) => format!(" style=\"width: {}\"", attr_escape(&vm.str_of(&v)?)),
        None => String::new(),
    };
    let h = host(vm)?;
    let (package, path) = match file.split_once(':') {
        Some((p, rest)) => (p.to_string(), rest.to_string()),
        None => (h.package.clone(), file.clone()),
    };
    let path = path.strip_prefix("data/static/").unwrap_or(&path).to_string();
    let url = format!("{}/packagestatic/{}/{}", h.base_url, package, path);
    Ok(Value::from_str(&crate::html::safe_html(&format!("<img src=\"{}\" alt=\"\"{width}>", attr_escape(&url)))))
}

fn set_task(h: &mut super::EngineHost, name: String, n: i64) {
    let mut m = h.info.get("__tasks").and_then(Json::as_object).cloned().unwrap_or_default();
    m.insert(name, Json::from(n));
    h.info.insert("__tasks".to_string(), Json::Object(m));
}

fn task_count(vm: &mut Vm<'_>, args: &mut Args) -> Result<(String, i64), Error> {
    let name = arg(args, 0, "task").map(|v| v.str()).unwrap_or_default();
    let h = host(vm)?;
    let n = h.info.get("__tasks").and_then(|t| t.get(&name)).and_then(Json::as_i64).unwrap_or(0);
    Ok((name, n))
}

fn task_performed(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let (_, n) = task_count(vm, &mut args)?;
    Ok(Value::Bool(n > 0))
}

fn task_not_yet_performed(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let (_, n) = task_count(vm, &mut args)?;
    Ok(Value::Bool(n == 0))
}

fn times_task_performed(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let (_, n) = task_count(vm, &mut args)?;
    Ok(Value::Int(n))
}

fn mark_task_as_performed(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let (name, n) = task_count(vm, &mut args)?;
    let h = host(vm)?;
    set_task(h, name, n + 1);
    Ok(Value::None)
}

fn set_task_counter(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let name = arg(&mut args, 0, "task").map(|v| v.str()).unwrap_or_default();
    let n = match arg(&mut args, 1, "times") {
        Some(Value::Int(i)) => i,
        _ => 0,
    };
    let h = host(vm)?;
    set_task(h, name, n);
    Ok(Value::None)
}

/// `dispatch('menu_var')`: ask the menu; a chosen variable name is sought, then both are
/// undefined and the logic re-runs (the menu comes back); `None` ends the menu.
fn dispatch(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let var = arg(&mut args, 0, "var").map(|v| v.str()).unwrap_or_default();
    let chosen = eval_name(vm, &var)?;
    let name = match &chosen {
        Value::None => return Ok(Value::Bool(true)),
        Value::Str(s) if &**s == "None" || s.is_empty() => return Ok(Value::Bool(true)),
        other => other.str(),
    };
    eval_name(vm, &name)?;
    let h = host(vm)?;
    for n in [&name, &var] {
        if let Some(p) = path::parse(n) {
            path::remove(&h.ns, &p);
        }
    }
    Err(interrupt(Signal::ReRun))
}

fn all_variables(vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    let h = host(vm)?;
    let state = json::namespace_to_state(&h.ns);
    // docassemble's dictionary holds its three storage objects right after `url_args`
    let mut m = Map::new();
    for (k, v) in state {
        let after_args = k == "url_args";
        m.insert(k, v);
        if after_args {
            for (name, class) in [("session_local", "DASessionLocal"), ("device_local", "DADeviceLocal"), ("user_local", "DAUserLocal")] {
                m.entry(name.to_string()).or_insert_with(|| {
                    serde_json::json!({"_class": format!("docassemble.base.util.{class}"), "instanceName": name})
                });
            }
        }
    }
    Ok(json::from_json(&Json::Object(m), h))
}

fn get_config(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::None)
}

fn get_language(vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::from_str(&host(vm)?.language))
}

fn set_language(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let lang = match arg(&mut args, 0, "lang") {
        Some(v) => vm.str_of(&v)?,
        None => return Ok(Value::None),
    };
    host(vm)?.language = lang;
    Ok(Value::None)
}

fn referring_url(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let default = arg(&mut args, 0, "default");
    let h = host(vm)?;
    Ok(default.unwrap_or_else(|| Value::from_str(&format!("{}/", h.base_url))))
}

fn current_context(vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    let h = host(vm)?;
    let cls = h.class("DAObject");
    let obj = Value::new_object(cls, Some("current_context()"));
    if let Value::Object(o) = &obj {
        let mut o = o.borrow_mut();
        let action = h.action.clone();
        for (k, v) in [
            ("filename", Value::from_str(&h.interview)),
            ("package", Value::from_str(&h.package)),
            ("session", Value::from_str("")),
            ("question_id", Value::None),
            ("variable", action.as_deref().map(Value::from_str).unwrap_or(Value::None)),
            ("current_section", Value::None),
            ("inside_of", Value::from_str("standard")),
        ] {
            o.attrs.insert(std::rc::Rc::from(k), v);
        }
    }
    Ok(obj)
}

/// The `us` package's `us.states.mapping('abbr', 'name')` (fields.yml uses it).
pub(crate) fn us_module(h: &super::EngineHost) -> Value {
    let states_cls = lang::Class::new("USStates", vec![]);
    states_cls.set_attr("mapping", Value::native("mapping", us_states_mapping));
    let states = Value::new_object(states_cls, None);
    let module_cls = h.class("DAObject");
    let us = Value::new_object(module_cls, Some("us"));
    if let Value::Object(o) = &us {
        o.borrow_mut().attrs.insert(std::rc::Rc::from("states"), states);
    }
    us
}

fn us_states_mapping(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let key = args.positional.get(1).map(Value::str).unwrap_or_else(|| "abbr".into());
    let val = args.positional.get(2).map(Value::str).unwrap_or_else(|| "name".into());
    let pick = |code: &str, name: &str, which: &str| -> Value {
        match which {
            "abbr" => Value::from_str(code),
            _ => Value::from_str(name),
        }
    };
    let make = || {
        let mut d = Dict::default();
        for (code, name) in STATES {
            if let Ok(k) = pick(code, name, &key).to_key() {
                d.insert(k, pick(code, name, &val));
            }
        }
        d
    };
    if key != "abbr" || val != "name" {
        return Ok(Value::dict(make()));
    }
    // The usual mapping (code → name, an address form's dropdown) is made once per thread
    // and copied: the copy shares the strings and does not hash the keys again.
    thread_local! {
        static CODE_TO_NAME: std::cell::OnceCell<Dict> = const { std::cell::OnceCell::new() };
    }
    Ok(Value::dict(CODE_TO_NAME.with(|c| c.get_or_init(make).clone())))
}

fn name_suffix(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let set = host(vm).ok().and_then(|h| super::modules::language_function(h, "name_suffix"));
    if let Some(f) = set {
        return vm.call(&f, args);
    }
    Ok(Value::list(["Jr", "Sr", "II", "III", "IV", "V", "VI"].iter().map(|s| Value::from_str(s)).collect()))
}

/// `encode_name(var)`: the variable name as a form field name (base64 without padding).
fn encode_name(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let var = arg(&mut args, 0, "var").map(|v| v.str()).unwrap_or_default();
    Ok(Value::from_str(path::b64_encode(&var).trim_end_matches('=')))
}

/// `decode_name(var)`: the variable name of a form field name.
fn decode_name(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let var = arg(&mut args, 0, "var").map(|v| v.str()).unwrap_or_default();
    path::b64_decode(&var)
        .map(|s| Value::from_str(&s))
        .ok_or_else(|| Error::exception("ValueError", "decode_name: not an encoded variable name"))
}

/// `server_capabilities()`: what the server is configured for; none of the outside
/// services (SMS, fax, social logins, cloud storage, maps) are.
fn server_capabilities(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    const CAPABILITIES: [&str; 17] = [
        "sms", "fax", "google_login", "facebook_login", "auth0_login", "keycloak_login", "authentik_login",
        "azure_login", "miniorange_login", "phone_login", "voicerss", "s3", "azure", "github", "pypi",
        "googledrive", "google_maps",
    ];
    let mut d = Dict::default();
    for c in CAPABILITIES {
        d.insert(Key::str(c), Value::Bool(false));
    }
    Ok(Value::dict(d))
}

/// docassemble's `prevent_dependency_satisfaction` decorator, in Python: an undefined name
/// or attribute inside the decorated function is an error, not a question to ask.
const PREVENT_DEPENDENCY_SATISFACTION: &str = "\
def prevent_dependency_satisfaction(f):
    def wrapper(*pargs, **kwargs):
        try:
            return f(*pargs, **kwargs)
        except (NameError, AttributeError, IndexError):
            raise Exception('Reference to undefined variable in context where dependency satisfaction not allowed')
    return wrapper
";

thread_local! {
    /// The decorator, made once per thread (its namespace is kept alive with it).
    static DEPENDENCY_DECORATOR: std::cell::RefCell<Option<(lang::Namespace, Value)>> = const { std::cell::RefCell::new(None) };
}

/// `@prevent_dependency_satisfaction`.
fn prevent_dependency_satisfaction(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let Some(f) = args.positional.first().cloned() else {
        return Err(super::missing("prevent_dependency_satisfaction", "f"));
    };
    let deco = match DEPENDENCY_DECORATOR.with(|d| d.borrow().as_ref().map(|(_, v)| v.clone())) {
        Some(v) => v,
        None => {
            let program = lang::Program::compile(PREVENT_DEPENDENCY_SATISFACTION, lang::Origin::anonymous())
                .map_err(|e| Error::exception("SyntaxError", e.message))?;
            let ns = lang::Namespace::new();
            let mut out = String::new();
            lang::Vm::new(lang::Limits::default(), &mut out).exec(&program, &ns)?;
            let v = ns.get("prevent_dependency_satisfaction").unwrap_or(Value::None);
            DEPENDENCY_DECORATOR.with(|d| *d.borrow_mut() = Some((ns, v.clone())));
            v
        }
    };
    vm.call(&deco, Args::new(vec![f]))
}

/// Where the session keeps `explain()`'s explanations: a dict of category → list of texts.
const EXPLANATIONS: &str = "_da_explanations";

fn category(args: &mut Args, i: usize) -> String {
    arg(args, i, "category").map(|v| v.str()).unwrap_or_else(|| "default".into())
}

/// The explanations of `category` (made when `create`).
fn explanations(vm: &mut Vm<'_>, category: &str, create: bool) -> Result<Option<Value>, Error> {
    let ns = host(vm)?.ns.clone();
    let all = match ns.get(EXPLANATIONS) {
        Some(d @ Value::Dict(_)) => d,
        _ if create => {
            let d = Value::dict(Dict::default());
            ns.set(EXPLANATIONS, d.clone());
            d
        }
        _ => return Ok(None),
    };
    let Value::Dict(d) = &all else { return Ok(None) };
    let found = d.borrow().get(&Key::str(category)).cloned();
    match found {
        Some(l) => Ok(Some(l)),
        None if create => {
            let l = Value::list(Vec::new());
            d.borrow_mut().insert(Key::str(category), l.clone());
            Ok(Some(l))
        }
        None => Ok(None),
    }
}

/// `explain(text, category='default')`: records a reason (once).
fn explain(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let text = arg(&mut args, 0, "the_explanation").ok_or_else(|| super::missing("explain", "the_explanation"))?;
    let cat = category(&mut args, 1);
    if let Some(Value::List(l)) = explanations(vm, &cat, true)? {
        let known = l.borrow().iter().any(|v| v.str() == text.str());
        if !known {
            l.borrow_mut().push(text);
        }
    }
    Ok(Value::None)
}

/// `clear_explanations(category='default')` (`'all'`: every category).
fn clear_explanations(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let cat = category(&mut args, 0);
    if cat == "all" {
        host(vm)?.ns.set(EXPLANATIONS, Value::dict(Dict::default()));
    } else if let Some(Value::List(l)) = explanations(vm, &cat, false)? {
        l.borrow_mut().clear();
    }
    Ok(Value::None)
}

/// `logic_explanation(category='default')`: the reasons recorded, in order.
fn logic_explanation(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let cat = category(&mut args, 0);
    Ok(explanations(vm, &cat, false)?.unwrap_or_else(|| Value::list(Vec::new())))
}
