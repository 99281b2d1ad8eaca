//! docassemble's function library as `lang` natives, looked up through one table built once
//! ([`native`], [`EngineHost::library_global`]), and the engine's host.
//!
//! Natives reach the request's state through [`EngineHost`] (`vm.host()`); functions that
//! change the flow of the interview (`force_ask`, `command`, `response`, `re_run_logic`,
//! `message`, `validation_error`) stop evaluation with `lang::Error::Interrupt(Box<Signal>)`.
//! The clock is the request's (`RequestContext::now`), never the host's.

mod classes;
mod countries;
mod country_search;
mod country_search_data;
pub(crate) mod control;
mod dates;
mod documents;
pub(crate) mod files;
mod inflect;

pub(crate) use documents::install_context;
pub(crate) mod modules;
pub(crate) mod objects;
mod phone;
mod text;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::LazyLock;

use lang::{Args, Class, Error, Namespace, NativeFn, Value, Vm};
use serde_json::{Map, Value as Json};

use crate::model::Interview;
use crate::context::{OwnInputs, RequestContext};
use crate::links::ActionSigner;
use crate::links::{clean_interview_url, encode_action_url};

pub use objects::{datetime_of, make_dadict, make_datetime};
pub(crate) use objects::make_dalist;

/// A request from a native function to the engine.
#[derive(Debug, Clone)]
pub enum Signal {
    /// `force_ask(*vars)`: ask these even if defined.
    ForceAsk {
        /// The variables, first asked first.
        vars: Vec<String>,
        /// `forget_prior=True`: drop the pending actions first.
        forget_prior: bool,
    },
    /// `re_run_logic()`.
    ReRun,
    /// `force_gather(*vars)`: seek these (normally) until they are defined.
    ForceGather(Vec<String>),
    /// `command('exit', url=…)`.
    Command {
        /// The command.
        command: String,
        /// Redirect URL.
        url: Option<String>,
    },
    /// `response(…)` / `json_response(…)`.
    Response {
        /// MIME type.
        content_type: String,
        /// Body.
        body: Vec<u8>,
    },
    /// `message(title, subtitle)`.
    Message {
        /// Heading.
        title: String,
        /// Text.
        subtitle: Option<String>,
        /// The buttons: label (untranslated word) and the command each performs.
        buttons: Vec<(String, String)>,
        /// Where `exit`/`leave` go (`url=`).
        url: Option<String>,
    },
    /// `validation_error(message, field=…)`.
    ValidationError {
        /// The message.
        message: String,
        /// The field it belongs to.
        field: Option<String>,
    },
}

/// The engine's side of the evaluator: globals and per-request state for natives.
pub struct EngineHost {
    /// The user dictionary.
    pub ns: Namespace,
    /// Current time (read through [`EngineHost::now`], which notes the read).
    now: chrono::NaiveDateTime,
    /// Site base URL.
    pub base_url: String,
    /// This interview's URL (`/interview?i=…`).
    pub interview_url: String,
    /// The session's id (for `interview_url()` of a `multi_user` session; read through
    /// [`EngineHost::session_id`]).
    session_id: Option<String>,
    /// Signs the action links made in this request (from [`RequestContext::sign_action`]).
    sign_action: Option<ActionSigner>,
    /// What the request's own inputs this host handed out ([`OwnInputs`]).
    reads: std::cell::Cell<OwnInputs>,
    /// The interview reference (`package:path`).
    pub interview: String,
    /// The interview's package.
    pub package: String,
    /// The current action (head of the event stack), if any.
    pub action: Option<String>,
    /// Its arguments.
    pub arguments: Map<String, Json>,
    /// `set_info` values.
    pub info: Map<String, Json>,
    /// The `set_info` values of this request as they were given (`get_info('user') is x`).
    pub info_values: HashMap<String, Value>,
    /// `set_parts` overrides.
    pub parts: std::collections::BTreeMap<String, String>,
    /// Variables already reconsidered this request.
    pub reconsidered: HashSet<String>,
    /// `log()` messages shown to the user (priority, text).
    pub messages: Vec<(String, String)>,
    /// Old values of invalidated variables (`_internal['dirty']`).
    pub dirty: Map<String, Json>,
    /// Block ids whose results `forget_result_of` cleared.
    pub forget: Vec<String>,
    /// `prevent_going_back()` was called.
    pub prevent_back: bool,
    /// Lists being gathered in this request (their text shows what is there so far), each
    /// with the variable that was being sought when its gathering began.
    pub gathering: HashMap<String, String>,
    /// The variable being sought now (the innermost), if any.
    pub seeking: Option<String>,
    /// No list gathering at all (while a submitted screen is rebuilt).
    pub suppress_gather: bool,
    /// Tables whose text was asked for in this request: their rows are gathered when they
    /// are made (before, a table whose rows still need gathering is made without text).
    pub rendered_tables: HashSet<String>,
    /// The current language (`set_language`), e.g. `en`.
    pub language: String,
    /// The interview's default language.
    pub default_language: String,
    /// `set_progress(n)` was called (None inside = hide).
    pub progress: Option<Option<f64>>,
    /// `nav.set_section(key)` was called: the section that is current from now on.
    pub section: Option<String>,
    /// This request's copies of the library's classes, made on first use ([`classes`]).
    classes: RefCell<HashMap<&'static str, Rc<Class>>>,
    /// This host builds the thread's class library: its `classes` are the library itself.
    builds_library: bool,
    cache: RefCell<HashMap<String, Value>>,
    /// The interview's run-time data (source files, data blocks, imports; see `modules.rs`).
    pub(crate) run_data: std::sync::Arc<crate::model::RunData>,
    /// What is being evaluated: `None` on the screen, `Some("docx")` in a DOCX template,
    /// `Some("pdf")` for a PDF form's values, `Some("pandoc")` in a document's Markdown.
    pub evaluation_context: Option<&'static str>,
    /// Reads the session's stored files (from [`RequestContext::file_reader`]).
    file_reader: Option<crate::upload::FileReader>,
    /// Files read or made in this request, by number (uploads are here before they are stored).
    pub(crate) new_files: RefCell<HashMap<u64, Rc<[u8]>>>,
    /// Files the file functions made in the current evaluation.
    pub(crate) file_ledger: RefCell<crate::attach::view::FileLedger>,
}

impl EngineHost {
    /// The host for one request.
    pub fn new(iv: &Interview, ctx: &RequestContext) -> EngineHost {
        EngineHost {
            now: ctx.now,
            base_url: ctx.base_url.clone(),
            interview_url: clean_interview_url(&ctx.interview_url),
            session_id: ctx.session_id.clone(),
            sign_action: ctx.sign_action.clone(),
            interview: iv.reference.to_string(),
            package: iv.reference.package.clone(),
            file_reader: ctx.file_reader.clone(),
            ..EngineHost::blank(iv.run_data.clone())
        }
    }

    /// Takes over from `earlier` (the host of an earlier run in the same request) what values
    /// in the namespace still point to: the request's copies of the library classes, its
    /// module cache and its files.
    pub(crate) fn carry_over(&mut self, earlier: EngineHost) {
        self.note(earlier.reads.get());
        self.classes = earlier.classes;
        self.cache = earlier.cache;
        self.new_files = earlier.new_files;
    }

    /// A host outside any request: no interview, no session, the epoch as its clock.
    fn blank(run_data: std::sync::Arc<crate::model::RunData>) -> EngineHost {
        EngineHost {
            ns: Namespace::new(),
            now: chrono::NaiveDateTime::default(),
            base_url: String::new(),
            interview_url: String::new(),
            session_id: None,
            sign_action: None,
            reads: std::cell::Cell::new(OwnInputs::default()),
            interview: String::new(),
            package: String::new(),
            action: None,
            arguments: Map::new(),
            info: Map::new(),
            info_values: HashMap::new(),
            parts: std::collections::BTreeMap::new(),
            reconsidered: HashSet::new(),
            messages: Vec::new(),
            dirty: Map::new(),
            forget: Vec::new(),
            prevent_back: false,
            progress: None,
            section: None,
            gathering: HashMap::new(),
            seeking: None,
            suppress_gather: false,
            rendered_tables: HashSet::new(),
            // `default language` blocks only set the language of the blocks after them in
            // their file (the loader records that per block); the session starts in English
            language: "en".into(),
            default_language: "en".into(),
            classes: RefCell::new(HashMap::new()),
            builds_library: false,
            cache: RefCell::new(HashMap::new()),
            run_data,
            evaluation_context: None,
            file_reader: None,
            new_files: RefCell::new(HashMap::new()),
            file_ledger: RefCell::new(crate::attach::view::FileLedger::default()),
        }
    }

    /// The class by name (an empty class of that name if the engine does not know it).
    pub fn class(&self, name: &str) -> Rc<Class> {
        if let Some(c) = self.library_class(name) {
            return c;
        }
        if let Some(c) = modules::module_class(self, name) {
            return c;
        }
        let base_name = modules::stand_in_base(self, name).unwrap_or("DAObject");
        let base = self.library_class(base_name);
        Class::new(name, base.into_iter().collect())
    }

}

impl crate::vars::json::ClassResolver for EngineHost {
    fn class(&self, name: &str) -> Rc<Class> {
        EngineHost::class(self, name)
    }
}

impl lang::Host for EngineHost {
    fn global(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.cache.borrow().get(name) {
            return Some(v.clone());
        }
        // imports/modules, `docassemble`, `suppress loading util` (modules.rs), else the library
        let v = match modules::global(self, name) {
            modules::Global::Found(v) => v,
            modules::Global::Hidden => return None,
            modules::Global::Library => self.library_global(name)?,
        };
        self.cache.borrow_mut().insert(name.to_string(), v.clone());
        Some(v)
    }

    fn import(&self, name: &str) -> Option<Value> {
        modules::import(self, name)
    }

    fn as_any(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

impl EngineHost {
    /// A name of the function library (class, function, `us`), uncached.
    pub(crate) fn library_global(&self, name: &str) -> Option<Value> {
        Some(match LIBRARY.get(name)? {
            Entry::Class => Value::Class(self.library_class(name)?),
            Entry::Native(f) => Value::native(name, *f),
            Entry::Us => control::us_module(self),
        })
    }
}

/// What a global name of the function library stands for.
#[derive(Clone, Copy)]
enum Entry {
    /// One of the engine's classes (this request's copy: [`EngineHost::class`]).
    Class,
    /// A native function.
    Native(NativeFn),
    /// The `us` module.
    Us,
}

/// The function library by global name, built once. A class wins over a function of the
/// same name; among functions the language functions win, then dates, control, data.
static LIBRARY: LazyLock<HashMap<&'static str, Entry>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    m.insert("us", Entry::Us);
    for table in [modules::NATIVES, control::NATIVES, dates::NATIVES, text::NATIVES, documents::NATIVES, files::NATIVES] {
        for (name, f) in table {
            m.insert(*name, Entry::Native(*f));
        }
    }
    for name in objects::class_names() {
        m.insert(name, Entry::Class);
    }
    m
});

#[cfg(test)]
mod library_tests {
    use super::*;

    /// Every global name has one meaning: no function is defined by two modules, and no
    /// function is named like a class (so the order the table is built in decides nothing).
    #[test]
    fn each_library_name_is_defined_once() {
        let mut seen = HashSet::new();
        for table in [modules::NATIVES, control::NATIVES, dates::NATIVES, text::NATIVES, documents::NATIVES, files::NATIVES] {
            for (name, _) in table {
                assert!(seen.insert(*name), "{name} is defined twice");
            }
        }
        for name in objects::class_names() {
            assert!(seen.insert(name), "{name} is both a class and a function");
        }
        assert!(!seen.contains("us"));
        assert_eq!(LIBRARY.len(), seen.len() + 1);
        assert!(matches!(LIBRARY.get("DAList"), Some(Entry::Class)));
        assert!(matches!(LIBRARY.get("us"), Some(Entry::Us)));
        assert!(native("comma_and_list").is_some() && native("today").is_some() && native("force_ask").is_some());
        assert!(native("objects_from_file").is_some() && native("DAList").is_none() && native("nope").is_none());
    }
}

/// A word of the interface in the current language (docassemble's built-in translations).
pub fn word(language: &str, w: &str) -> String {
    let es = [("Continue", "Seguir"), ("Back", "Atrás"), ("Yes", "Sí"), ("No", "No"), ("Help", "Ayuda"), ("I don't know", "No sé"), ("Resume", "Continuar")];
    let fr = [("Continue", "Continuer"), ("Back", "Retour"), ("Yes", "Oui"), ("No", "Non"), ("Help", "Aide"), ("I don't know", "Je ne sais pas"), ("Resume", "Reprendre")];
    let table: &[(&str, &str)] = match language {
        "es" => &es,
        "fr" => &fr,
        _ => &[],
    };
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| (*v).to_string()).unwrap_or_else(|| w.to_string())
}

/// The engine host of a running Vm.
pub(crate) fn host<'v>(vm: &'v mut Vm<'_>) -> Result<&'v mut EngineHost, Error> {
    vm.host()
        .and_then(|h| h.as_any().downcast_mut::<EngineHost>())
        .ok_or_else(|| Error::exception("RuntimeError", "this function needs a running interview"))
}

/// Stops evaluation with a signal for the engine.
pub(crate) fn interrupt(sig: Signal) -> Error {
    Error::Interrupt(Box::new(sig))
}

/// Positional argument `i` or keyword `name`.
pub(crate) fn arg(args: &mut Args, i: usize, name: &str) -> Option<Value> {
    if let Some(v) = args.take_kw(name) {
        return Some(v);
    }
    args.positional.get(i).cloned()
}

/// A `TypeError` for a missing argument.
pub(crate) fn missing(func: &str, what: &str) -> Error {
    Error::exception("TypeError", format!("{func}() missing required argument: '{what}'"))
}

impl EngineHost {
    /// The URL that runs `action` with `arguments` in this interview, signed for this session.
    pub fn action_url(&self, action: &str, arguments: &Map<String, Json>) -> String {
        if self.sign_action.is_some() {
            self.note(OwnInputs::SESSION);
        }
        encode_action_url(&self.interview_url, self.sign_action.as_ref(), action, arguments)
    }

    /// The request's time.
    pub fn now(&self) -> chrono::NaiveDateTime {
        self.note(OwnInputs::CLOCK);
        self.now
    }

    /// The session's id, if the host has one.
    pub fn session_id(&self) -> Option<&str> {
        self.note(OwnInputs::SESSION);
        self.session_id.as_deref()
    }

    /// Reads the session's stored files, if the host can.
    pub(crate) fn file_reader(&self) -> Option<&crate::upload::FileReader> {
        self.note(OwnInputs::SESSION);
        self.file_reader.as_ref()
    }

    /// Notes that the run read `inputs` of the request's own.
    pub(crate) fn note(&self, inputs: OwnInputs) {
        self.reads.set(self.reads.get() | inputs);
    }

    /// What of the request's own inputs this host handed out so far.
    pub(crate) fn reads(&self) -> OwnInputs {
        self.reads.get()
    }
}

/// The native function for a global name, if the library has one.
pub fn native(name: &str) -> Option<NativeFn> {
    match LIBRARY.get(name) {
        Some(Entry::Native(f)) => Some(*f),
        _ => None,
    }
}
