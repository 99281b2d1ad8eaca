//! The differential oracle's engine side: replays walks recorded from the real docassemble
//! (`oracle/record.py`, JSON under `oracle/recordings/`) against Colloquy's engine, screen
//! by screen, comparing screens normalised the same way as the recorder does.
//!
//! A recorded step holds the normalised screen docassemble showed and the answers posted
//! (by variable name and by the field's position on the screen, choices by position). The
//! replay compares the engine's screen with it; when they agree it posts the same answers
//! and goes on, and a walk stops at the first disagreement.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use engine::screen::{FieldKind, QuestionScreen, Screen, Submitted};
use engine::{Interview, InterviewRef, RequestContext, Sources};
use serde::Deserialize;
use serde_json::{json, Map, Value};

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Where the recordings are: `$ORACLE_RECORDINGS` or `oracle/recordings`.
pub fn recordings_dir() -> PathBuf {
    std::env::var("ORACLE_RECORDINGS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| repo_root().join("oracle/recordings"))
}

/// Reads interview packages from `/work/shared/docassemble-examples/packages`
/// (or `$COLLOQUY_EXAMPLES`), their Python modules from `oracle/modules`.
pub struct DirSources {
    root: PathBuf,
}

impl DirSources {
    pub fn new() -> DirSources {
        let root = std::env::var("COLLOQUY_EXAMPLES")
            .map(PathBuf::from)
            .unwrap_or_else(|_| PathBuf::from("/work/shared/docassemble-examples/packages"));
        DirSources { root }
    }
}

impl Sources for DirSources {
    fn read(&self, package: &str, path: &str) -> std::io::Result<String> {
        if path.ends_with(".py") {
            // the packages' Python modules are kept with the harness (oracle/modules)
            return std::fs::read_to_string(repo_root().join("oracle/modules").join(package).join(path));
        }
        std::fs::read_to_string(self.root.join(package).join(path))
    }
    fn read_bytes(&self, package: &str, path: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.root.join(package).join(path))
    }
    fn modified(&self, _package: &str, _path: &str) -> Option<std::time::SystemTime> {
        None
    }
    fn list(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

/// One recorded interview.
#[derive(Debug, Deserialize)]
pub struct Recording {
    /// `package:path` of the interview.
    pub interview: String,
    /// docassemble's clock when recorded (local time of the interview), ISO.
    pub now: String,
    /// The walks, one per answer set.
    pub walks: Vec<RecordedWalk>,
}

/// One walk through the interview.
#[derive(Debug, Deserialize)]
pub struct RecordedWalk {
    /// Answer set: `first`, `last`, `random`.
    pub answers: String,
    /// How it ended: `final`, `command`, `response`, `error`, `invalid`, `limit`, `random`.
    pub end: String,
    /// The steps.
    pub steps: Vec<RecordedStep>,
}

/// One screen and what was posted on it.
#[derive(Debug, Deserialize)]
pub struct RecordedStep {
    /// The normalised screen.
    pub screen: Value,
    /// The answers posted, if any.
    #[serde(default)]
    pub post: Option<Post>,
    /// What the post led to when it was not a next screen: `invalid`, `error`, or a command.
    #[serde(default)]
    pub then: Option<String>,
    /// docassemble's message for `invalid` / `error`.
    #[serde(default)]
    pub message: Option<String>,
}

/// The answers of one step.
#[derive(Debug, Deserialize, Default)]
pub struct Post {
    /// The button pressed (position among the screen's buttons).
    #[serde(default)]
    pub button: Option<usize>,
    /// Field answers.
    #[serde(default)]
    pub fields: Vec<Answer>,
}

/// One field's answer.
#[derive(Debug, Deserialize)]
pub struct Answer {
    /// Variable name as docassemble names the field (may use `x` and `i`…).
    pub var: Option<String>,
    /// The variable name with `x` / iterators replaced, when different.
    #[serde(default)]
    pub resolved: Option<String>,
    /// Position of the field in the normalised screen's `fields`.
    pub at: usize,
    /// Typed text (`True`/`False` for a checkbox).
    #[serde(default)]
    pub value: Option<String>,
    /// The choice picked (position).
    #[serde(default)]
    pub choice: Option<usize>,
    /// The choices ticked (positions).
    #[serde(default)]
    pub choices: Option<Vec<usize>>,
}

/// Reads one recording.
pub fn read_recording(path: &Path) -> Result<Recording, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// `index.json` / `index.<shard>.json`: the recorder's list of what was recorded.
fn is_index(name: &str) -> bool {
    name.strip_prefix("index").and_then(|r| r.strip_suffix(".json")).is_some_and(|mid| {
        mid.is_empty() || mid.strip_prefix('.').is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Every recording file under `dir`, sorted.
pub fn recording_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json")
                && !p.file_name().is_some_and(|n| is_index(&n.to_string_lossy()))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

// --- text normalisation (the same rules as record.py's text_of_html) ---------------------

/// docassemble's inline bracket codes, as plain text.
const BRACKET_CODES: &[(&str, &str)] = &[
    ("[BR]", " "),
    ("[NEWLINE]", " "),
    ("[SKIPLINE]", " "),
    ("[NEWPAR]", "\n\n"),
    ("[TAB]", " "),
    ("[NBSP]", " "),
    ("[ENDASH]", "-"),
    ("[EMDASH]", "--"),
    ("[HYPHEN]", "-"),
    ("[CHECKBOX]", "\u{2610}"),
    ("[PAGEBREAK]", ""),
    ("[PAGENUM]", ""),
    ("[SECTIONNUM]", ""),
    ("[NO_EMOJIS]", ""),
    ("[CENTER]", ""),
    ("[BOLDCENTER]", ""),
    ("[FLUSHLEFT]", ""),
    ("[FLUSHRIGHT]", ""),
    ("[BORDER]", ""),
    ("[INDENTBY]", ""),
];

/// Markdown (as the engine produces it) → visible text.
pub fn text_of_markdown(md: &str) -> String {
    use pulldown_cmark::{html, Options, Parser};
    let mut t = md.to_string();
    for (code, with) in BRACKET_CODES {
        if t.contains(code) {
            t = t.replace(code, with);
        }
    }
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_SMART_PUNCTUATION);
    let mut out = String::with_capacity(t.len() * 2);
    html::push_html(&mut out, Parser::new_ext(&t, opts));
    // a table cell's attribute list of classes (`4 { .text-end }`) is markup, as the server
    // renders it
    if out.contains('{') {
        if let Ok(re) = regex::Regex::new(r"\s*\{\s*(?:\.[A-Za-z0-9_-]+\s*)+\}\s*</t([dh])>") {
            out = re.replace_all(&out, "</t$1>").into_owned();
        }
    }
    text_of_html(&out)
}

/// Removes `<tag …>…</tag>` elements (case-insensitive tag name).
fn drop_elements(s: &str, tag: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let lower = s.to_ascii_lowercase();
    let open = format!("<{tag}");
    let close = format!("</{tag}");
    let mut at = 0;
    while let Some(rel) = lower[at..].find(&open) {
        let start = at + rel;
        let after = lower.as_bytes().get(start + open.len()).copied().unwrap_or(b'>');
        if !(after == b'>' || after.is_ascii_whitespace()) {
            out.push_str(&s[at..start + open.len()]);
            at = start + open.len();
            continue;
        }
        out.push_str(&s[at..start]);
        out.push(' ');
        match lower[start..].find(&close) {
            Some(c) => {
                let end = start + c;
                at = lower[end..].find('>').map(|g| end + g + 1).unwrap_or(s.len());
            }
            None => {
                at = s.len();
            }
        }
    }
    out.push_str(&s[at..]);
    out
}

/// Removes spans that are not visible (`sr-only`, `invisible`, `d-none` …).
fn drop_hidden_spans(s: &str) -> String {
    let mut out = s.to_string();
    for class in ["sr-only", "visually-hidden", "invisible", "d-none", "da-sr-only"] {
        for quote in ['"', '\''] {
            let pat = format!("<span class={quote}{class}{quote}");
            while let Some(start) = out.find(&pat) {
                let Some(end) = out[start..].find("</span>") else { break };
                out.replace_range(start..start + end + "</span>".len(), " ");
            }
        }
    }
    out
}

/// HTML → visible text, whitespace-normalised.
pub fn text_of_html(s: &str) -> String {
    let s = drop_elements(s, "script");
    let s = drop_elements(&s, "style");
    let s = drop_hidden_spans(&s);
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            out.push_str(&rest[lt..]);
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt].to_ascii_lowercase();
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let closing = tag.starts_with('/');
        if name == "br" || (closing && matches!(name.as_str(), "p" | "li" | "div" | "tr" | "td" | "th" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6")) {
            out.push(' ');
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    plain(&unescape(&out))
}

/// Decodes HTML character references.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "rsquo" => Some('\u{2019}'),
                "lsquo" => Some('\u{2018}'),
                "rdquo" => Some('\u{201d}'),
                "ldquo" => Some('\u{201c}'),
                "ndash" => Some('\u{2013}'),
                "mdash" => Some('\u{2014}'),
                "hellip" => Some('\u{2026}'),
                "emsp" | "ensp" | "thinsp" => Some(' '),
                "copy" => Some('\u{a9}'),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Typographic quotes and dashes as ASCII, whitespace collapsed.
pub fn plain(s: &str) -> String {
    let s = s
        .replace('\u{a0}', " ")
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace('\u{2013}', "-")
        .replace('\u{2014}', "--")
        .replace('\u{2026}', "...");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// --- the engine's screen, normalised -------------------------------------------------

fn kind_name(kind: FieldKind) -> String {
    match kind {
        FieldKind::DateTime => "datetime".into(),
        _ => match serde_json::to_value(kind) {
            Ok(Value::String(s)) => s,
            _ => format!("{kind:?}").to_lowercase(),
        },
    }
}

/// Removes `:icon-name:` references (docassemble turns them into icons, the server too).
fn drop_icons(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if b[i] == b':' && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let rest = &s[i + 1..];
            let len = rest.bytes().take_while(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_').count();
            if len > 0 && rest.as_bytes()[0].is_ascii_alphabetic() && rest.as_bytes().get(len) == Some(&b':') {
                i += len + 2;
                continue;
            }
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// Replaces `{term}` and `{term|shown}` by the text shown, for the screen's glossary terms.
fn resolve_terms(s: &str, terms: &[String]) -> String {
    if terms.is_empty() || !s.contains('{') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let inner = &after[..close];
                let (term, shown) = inner.split_once('|').unwrap_or((inner, inner));
                if terms.iter().any(|t| t == &plain(term).to_lowercase()) {
                    out.push_str(shown);
                } else {
                    out.push('{');
                    out.push_str(inner);
                    out.push('}');
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

thread_local! {
    static TERMS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Markdown of the current screen → text (icons and glossary markup resolved).
fn screen_text(md: &str) -> String {
    let t = TERMS.with(|t| resolve_terms(md, &t.borrow()));
    text_of_markdown(&drop_icons(&t))
}

fn put_text(m: &mut Map<String, Value>, key: &str, text: Option<&str>) {
    if let Some(t) = text {
        let t = screen_text(t);
        if !t.is_empty() {
            m.insert(key.into(), Value::String(t));
        }
    }
}

fn question_json(q: &QuestionScreen) -> Value {
    let terms: Vec<String> = q.terms.iter().map(|(t, _)| plain(t).to_lowercase()).collect();
    TERMS.with(|t| *t.borrow_mut() = terms);
    let mut m = Map::new();
    m.insert("type".into(), json!("question"));
    m.insert("question".into(), Value::String(screen_text(&q.question)));
    put_text(&mut m, "subquestion", q.subquestion.as_deref());
    put_text(&mut m, "under", q.under.as_deref());
    put_text(&mut m, "help", q.help.as_deref());
    if !q.terms.is_empty() {
        let mut terms: Vec<String> = q.terms.iter().map(|(t, _)| plain(t).to_lowercase()).collect();
        terms.sort();
        terms.dedup();
        m.insert("terms".into(), json!(terms));
    }
    let mut fields = Vec::new();
    for f in compared_fields(q) {
        let mut fm = Map::new();
        let kind = kind_name(f.kind);
        match f.kind {
            FieldKind::Note => {
                fm.insert("label".into(), json!(""));
                fm.insert("kind".into(), json!(kind));
                fm.insert("content".into(), json!(screen_text(f.content.as_deref().unwrap_or(""))));
            }
            FieldKind::Html => {
                fm.insert("label".into(), json!(""));
                fm.insert("kind".into(), json!(kind));
                fm.insert("content".into(), json!(text_of_html(f.content.as_deref().unwrap_or(""))));
            }
            FieldKind::Hidden => {
                fm.insert("label".into(), json!(""));
                fm.insert("kind".into(), json!(kind));
            }
            _ => {
                fm.insert("label".into(), json!(screen_text(&f.label)));
                fm.insert("kind".into(), json!(kind));
                let choices: Vec<String> = f
                    .choices
                    .iter()
                    .filter(|c| !is_nota(c.name.as_deref()))
                    .map(|c| screen_text(&c.label))
                    .collect();
                if !choices.is_empty() {
                    fm.insert("choices".into(), json!(choices));
                }
            }
        }
        fields.push(Value::Object(fm));
    }
    for r in &q.review {
        let mut fm = Map::new();
        fm.insert("label".into(), json!(screen_text(&r.label)));
        if let Some(v) = &r.value {
            let v = screen_text(v);
            if !v.is_empty() {
                fm.insert("text".into(), json!(v));
            }
        }
        fields.push(Value::Object(fm));
    }
    if !fields.is_empty() {
        m.insert("fields".into(), Value::Array(fields));
    }
    if !q.buttons.is_empty() {
        let b: Vec<String> = q.buttons.iter().map(|b| screen_text(&b.label)).collect();
        m.insert("buttons".into(), json!(b));
    }
    if let Some(c) = &q.continue_label {
        m.insert("continue".into(), json!(screen_text(c)));
    }
    Value::Object(m)
}

/// Whether a checkbox option's form name is the "none of the above" box.
fn is_nota(name: Option<&str>) -> bool {
    name.and_then(b64_decode).is_some_and(|n| n.starts_with("_nota_"))
}

/// The engine's screen in the recorder's normalised form.
pub fn normalise(screen: &Screen) -> Value {
    match screen {
        Screen::Question(q) => question_json(q),
        Screen::Command { command, .. } => json!({"type": "command", "command": command}),
        Screen::Response { .. } => json!({"type": "response"}),
        Screen::Error { message } => json!({"type": "error", "message": plain(message)}),
    }
}

/// Standard base64 (padding optional) → text.
pub fn b64_decode(text: &str) -> Option<String> {
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits: u32 = 0;
    let mut nbits = 0;
    let mut out = Vec::new();
    for c in text.bytes() {
        if c == b'=' {
            break;
        }
        let v = B64.iter().position(|&b| b == c)?;
        bits = (bits << 6) | u32::try_from(v).ok()?;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            out.push(u8::try_from((bits >> nbits) & 0xff).ok()?);
        }
        bits &= (1 << nbits) - 1;
    }
    String::from_utf8(out).ok()
}

// --- comparison ------------------------------------------------------------------------

/// Where two normalised screens first differ: (path, recorded, engine). Error screens agree
/// with error screens whatever the message.
pub fn first_difference(recorded: &Value, engine: &Value) -> Option<(String, Value, Value)> {
    if recorded.get("type") == Some(&json!("error")) && engine.get("type") == Some(&json!("error")) {
        return None;
    }
    diff_at("", recorded, engine)
}

fn diff_at(path: &str, a: &Value, b: &Value) -> Option<(String, Value, Value)> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort_by_key(|k| key_order(k));
            keys.dedup();
            for k in keys {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                match (x.get(k), y.get(k)) {
                    (Some(u), Some(v)) => {
                        if let Some(d) = diff_at(&p, u, v) {
                            return Some(d);
                        }
                    }
                    (u, v) => {
                        if k == "message" {
                            continue;
                        }
                        return Some((p, u.cloned().unwrap_or(Value::Null), v.cloned().unwrap_or(Value::Null)));
                    }
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (u, v)) in x.iter().zip(y.iter()).enumerate() {
                if let Some(d) = diff_at(&format!("{path}[{i}]"), u, v) {
                    return Some(d);
                }
            }
            if x.len() != y.len() {
                return Some((format!("{path}.len"), json!(x.len()), json!(y.len())));
            }
            None
        }
        _ if path.ends_with("message") => None,
        _ if a == b => None,
        _ => Some((path.to_string(), a.clone(), b.clone())),
    }
}

/// Comparison order of the screen's parts (most telling first).
fn key_order(k: &str) -> (usize, String) {
    let rank = ["type", "command", "question", "subquestion", "fields", "label", "kind", "choices", "content", "text", "buttons", "continue", "under", "help", "terms"]
        .iter()
        .position(|x| *x == k)
        .unwrap_or(99);
    (rank, k.to_string())
}

// --- replay ----------------------------------------------------------------------------

/// The first disagreement of a walk.
#[derive(Debug, Clone)]
pub struct Disagreement {
    /// Answer set of the walk.
    pub walk: String,
    /// Step number (0-based).
    pub step: usize,
    /// Where the screens differ (`fields[2].label`, `type`, `post` …).
    pub at: String,
    /// docassemble's side.
    pub recorded: Value,
    /// Colloquy's side.
    pub engine: Value,
    /// The whole recorded screen and the engine's, for the verbose report.
    pub screens: (Value, Value),
    /// The engine's screen as it is (before normalisation), when the screens differ.
    pub raw: Option<Value>,
}

/// The outcome of replaying one interview.
#[derive(Debug, Clone, Default)]
pub struct InterviewResult {
    /// `package:path`.
    pub interview: String,
    /// Screens compared (docassemble's own error screens are not counted).
    pub screens: usize,
    /// Screens that agreed.
    pub agreeing: usize,
    /// Walks with at least one screen to compare.
    pub walks: usize,
    /// The first disagreement of each walk that had one.
    pub disagreements: Vec<Disagreement>,
    /// Why the interview could not be replayed at all (load error).
    pub failure: Option<String>,
}

impl InterviewResult {
    /// Every screen of every walk agreed.
    pub fn agrees(&self) -> bool {
        self.failure.is_none() && self.disagreements.is_empty() && self.screens > 0
    }
}

fn context(reference: &str, now: &str) -> RequestContext {
    let mut ctx = RequestContext::for_tests(reference);
    if let Ok(t) = chrono::NaiveDateTime::parse_from_str(now, "%Y-%m-%dT%H:%M:%S") {
        ctx.now = t;
    }
    ctx
}

/// Loads the interview of a recording.
pub fn load(reference: &str) -> Result<Interview, String> {
    let r = InterviewRef::parse(reference).map_err(|e| e.to_string())?;
    engine::load(&DirSources::new(), &r).map(|(iv, _)| iv).map_err(|e| e.to_string())
}

/// Replays every walk of a recording.
pub fn replay(rec: &Recording) -> InterviewResult {
    let mut res = InterviewResult { interview: rec.interview.clone(), ..Default::default() };
    let iv = match load(&rec.interview) {
        Ok(iv) => iv,
        Err(e) => {
            res.failure = Some(format!("load: {e}"));
            for w in &rec.walks {
                res.screens += countable(w);
            }
            return res;
        }
    };
    for w in &rec.walks {
        if countable(w) == 0 {
            continue;
        }
        res.walks += 1;
        replay_walk(&iv, rec, w, &mut res);
    }
    res
}

/// Steps of a walk that count (not docassemble's own errors).
pub fn countable(w: &RecordedWalk) -> usize {
    w.steps.iter().filter(|s| s.screen.get("type") != Some(&json!("error"))).count()
}

fn replay_walk(iv: &Interview, rec: &Recording, w: &RecordedWalk, res: &mut InterviewResult) {
    let ctx = context(&rec.interview, &rec.now);
    let mut state = iv.new_session();
    let mut screen = iv.next_screen(&mut state, &ctx);
    let total = countable(w);
    let mut agreed = 0;
    let fail = |step: usize, at: String, recorded: Value, engine: Value, screens: (Value, Value)| {
        Disagreement { walk: w.answers.clone(), step, at, recorded, engine, screens, raw: None }
    };
    for (n, step) in w.steps.iter().enumerate() {
        if step.screen.get("type") == Some(&json!("error")) {
            break;
        }
        let mut mine = normalise(&screen);
        if step.screen.get("list_collect") == Some(&json!(true)) {
            // list collect: the recorder keeps only the texts around the repeated fields
            if let Value::Object(m) = &mut mine {
                for k in ["fields", "buttons", "continue"] {
                    m.remove(k);
                }
                if m.get("type") == Some(&json!("question")) {
                    m.insert("list_collect".into(), json!(true));
                }
            }
        }
        unshuffle(&step.screen, &mut mine);
        if step.screen == json!({"type": "command", "command": "refresh"}) && n > 0 {
            // docassemble answers a `refresh` button with a reload of the page: the
            // question shown before, shown again
            if first_difference(&w.steps[n - 1].screen, &mine).is_none() {
                agreed += 1;
                break;
            }
        }
        if let Some((at, a, b)) = first_difference(&step.screen, &mine) {
            let mut d = fail(n, at, a, b, (step.screen.clone(), mine));
            d.raw = serde_json::to_value(&screen).ok();
            res.disagreements.push(d);
            break;
        }
        agreed += 1;
        let Some(post) = &step.post else { break };
        if matches!(step.then.as_deref(), Some(t) if t != "invalid") {
            break;
        }
        let Screen::Question(q) = &screen else { break };
        let form = match build_form(q, post, &step.screen) {
            Ok(f) => f,
            Err(e) => {
                res.disagreements.push(fail(n, "post".into(), json!(post_summary(post)), json!(e), (step.screen.clone(), mine)));
                break;
            }
        };
        let outcome = iv.submit(&mut state, &form, &ctx);
        match (outcome, step.then.as_deref()) {
            (Submitted::Accepted, Some("invalid")) => {
                let msg = step.message.clone().unwrap_or_default();
                res.disagreements.push(fail(n, "then".into(), json!(format!("refused: {msg}")), json!("accepted"), (step.screen.clone(), mine)));
                break;
            }
            (Submitted::Invalid(_), Some("invalid")) => break,
            (Submitted::Invalid(s), _) => {
                let errors = match &s {
                    Screen::Question(q) => {
                        let mut e: Vec<String> = q.errors.clone();
                        e.extend(q.fields.iter().filter_map(|f| f.error.as_ref().map(|x| format!("{}: {x}", text_of_markdown(&f.label)))));
                        e.join("; ")
                    }
                    other => format!("{:?}", normalise(other)),
                };
                res.disagreements.push(fail(n, "then".into(), json!("accepted"), json!(format!("refused: {errors}")), (step.screen.clone(), mine)));
                break;
            }
            (Submitted::Accepted, _) => {
                screen = iv.next_screen(&mut state, &ctx);
            }
        }
    }
    res.screens += total;
    res.agreeing += agreed.min(total);
}

fn post_summary(post: &Post) -> String {
    format!("button {:?}, fields {:?}", post.button, post.fields.iter().map(|f| f.var.clone().unwrap_or_default()).collect::<Vec<_>>())
}

/// Where docassemble shows choices in random order the recorder sorts them by label: sort
/// the engine's the same way.
fn unshuffle(recorded: &Value, mine: &mut Value) {
    let sort = |v: &mut Value| {
        if let Value::Array(items) = v {
            items.sort_by(|a, b| a.as_str().unwrap_or("").cmp(b.as_str().unwrap_or("")));
        }
    };
    if recorded.get("buttons_shuffled") == Some(&json!(true)) {
        if let Some(b) = mine.get_mut("buttons") {
            sort(b);
        }
        if let Value::Object(m) = mine {
            m.insert("buttons_shuffled".into(), json!(true));
        }
    }
    let Some(Value::Array(rf)) = recorded.get("fields") else { return };
    let Some(Value::Array(mf)) = mine.get_mut("fields") else { return };
    for (r, m) in rf.iter().zip(mf.iter_mut()) {
        if r.get("shuffled") == Some(&json!(true)) {
            if let Some(c) = m.get_mut("choices") {
                sort(c);
            }
            if let Value::Object(m) = m {
                m.insert("shuffled".into(), json!(true));
            }
        }
    }
}

/// Position on the engine's screen of the `k`-th recorded option: the same position, or
/// for shuffled options the one with the same label.
fn position(k: usize, recorded: Option<&Value>, labels: &[String]) -> Option<usize> {
    match recorded.and_then(|r| r.get(k)).and_then(Value::as_str) {
        Some(label) => labels.iter().position(|l| l == label),
        None => Some(k),
    }
}

/// The fields compared: all but the texts shown beside a field with a variable (its side
/// `note`/`html` and `under text`), which the recorder does not record.
fn compared_fields(q: &QuestionScreen) -> impl Iterator<Item = &engine::screen::FieldView> {
    q.fields.iter().filter(|f| {
        let side = f.id.ends_with("_note") || f.id.ends_with("_html") || f.id.ends_with("_under");
        !(matches!(f.kind, FieldKind::Note | FieldKind::Html) && side)
    })
}

/// The form the browser would post for the recorded answers (`recorded`: the recorded
/// screen, for the labels of shuffled options).
pub fn build_form(q: &QuestionScreen, post: &Post, recorded: &Value) -> Result<Vec<(String, String)>, String> {
    let mut form: Vec<(String, String)> = Vec::new();
    for a in &post.fields {
        let f = compared_fields(q).nth(a.at).ok_or_else(|| format!("no field at {} for {:?}", a.at, a.var))?;
        let rf = recorded.get("fields").and_then(|fs| fs.get(a.at));
        let shuffled = rf.and_then(|r| r.get("shuffled")) == Some(&json!(true));
        let labels: Vec<String> = f.choices.iter().map(|c| screen_text(&c.label)).collect();
        let rchoices = if shuffled { rf.and_then(|r| r.get("choices")) } else { None };
        if let Some(k) = a.choice {
            let k = position(k, rchoices, &labels).ok_or_else(|| format!("field {:?} has no choice {k}", a.var))?;
            let c = f.choices.get(k).ok_or_else(|| format!("field {:?} has no choice {k}", a.var))?;
            match &c.name {
                Some(n) => form.push((n.clone(), "True".into())),
                None => form.push((f.name.clone(), c.value.clone())),
            }
        } else if let Some(ks) = &a.choices {
            let options: Vec<_> = f.choices.iter().filter(|c| !is_nota(c.name.as_deref())).collect();
            let option_labels: Vec<String> = options.iter().map(|c| screen_text(&c.label)).collect();
            for k in ks {
                let k = position(*k, rchoices, &option_labels).ok_or_else(|| format!("field {:?} has no option {k}", a.var))?;
                let c = options.get(k).ok_or_else(|| format!("field {:?} has no option {k}", a.var))?;
                match &c.name {
                    Some(n) => form.push((n.clone(), "True".into())),
                    None => form.push((f.name.clone(), c.value.clone())),
                }
            }
        } else if let Some(v) = &a.value {
            if f.kind == FieldKind::Checkbox && v != "True" {
                continue;
            }
            form.push((f.name.clone(), v.clone()));
        }
    }
    if let Some(k) = post.button {
        let labels: Vec<String> = q.buttons.iter().map(|b| screen_text(&b.label)).collect();
        let rb = if recorded.get("buttons_shuffled") == Some(&json!(true)) { recorded.get("buttons") } else { None };
        let k = position(k, rb, &labels).ok_or_else(|| format!("no button {k}"))?;
        let b = q.buttons.get(k).ok_or_else(|| format!("no button {k}"))?;
        form.push((b.name.clone(), b.value.clone()));
    }
    form.push(("_question".into(), q.token.clone()));
    Ok(form)
}

// --- report ----------------------------------------------------------------------------

/// Totals over many interviews.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    /// Interviews replayed (with at least one screen to compare).
    pub interviews: usize,
    /// Interviews whose every walk agreed on every screen.
    pub interviews_agreeing: usize,
    /// Screens compared.
    pub screens: usize,
    /// Screens agreeing.
    pub screens_agreeing: usize,
}

/// Adds up results.
pub fn totals(results: &[InterviewResult]) -> Totals {
    let mut t = Totals::default();
    for r in results {
        if r.screens == 0 {
            continue;
        }
        t.interviews += 1;
        if r.agrees() {
            t.interviews_agreeing += 1;
        }
        t.screens += r.screens;
        t.screens_agreeing += r.agreeing;
    }
    t
}

fn short(v: &Value) -> String {
    let s = match v {
        Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    };
    if s.chars().count() > 300 {
        format!("{}…", s.chars().take(300).collect::<String>())
    } else {
        s
    }
}

/// One line per interview (and, with `verbose`, both screens of each first disagreement).
pub fn report_line(r: &InterviewResult, verbose: bool) -> String {
    let mut out = format!(
        "{} {}: {}/{} screens agree",
        if r.agrees() { "ok  " } else { "DIFF" },
        r.interview,
        r.agreeing,
        r.screens
    );
    if let Some(f) = &r.failure {
        out.push_str(&format!("\n    {f}"));
    }
    for d in &r.disagreements {
        out.push_str(&format!(
            "\n    walk {} step {}: {}\n      docassemble: {}\n      colloquy:    {}",
            d.walk,
            d.step,
            d.at,
            short(&d.recorded),
            short(&d.engine)
        ));
        if verbose {
            out.push_str(&format!("\n      docassemble screen: {}\n      colloquy screen:    {}", d.screens.0, d.screens.1));
            if let Some(raw) = &d.raw {
                out.push_str(&format!("\n      colloquy raw:       {raw}"));
            }
        }
    }
    out
}

/// The kind of a disagreement, for grouping causes: the part of the screen (field parts
/// collapsed), and for posts the engine's complaint without the details.
pub fn cause(d: &Disagreement) -> String {
    let mut at = String::new();
    let mut skip = false;
    for ch in d.at.chars() {
        match ch {
            '[' => skip = true,
            ']' => skip = false,
            _ if !skip => at.push(ch),
            _ => {}
        }
    }
    match at.as_str() {
        "type" if d.engine == json!("error") => {
            let message = d.screens.1.get("message").and_then(Value::as_str).unwrap_or("");
            format!("colloquy shows an error: {}", error_kind(message))
        }
        "type" => format!("screen type: docassemble {} / colloquy {}", short(&d.recorded), short(&d.engine)),
        "then" => {
            let e = d.engine.as_str().unwrap_or("");
            if e.starts_with("refused") {
                "colloquy refused answers docassemble accepted".into()
            } else {
                "colloquy accepted answers docassemble refused".into()
            }
        }
        _ => at,
    }
}

/// An engine error message without its particulars (quoted names, file positions).
fn error_kind(message: &str) -> String {
    let m = message.split(", line ").nth(1).map(|rest| rest.split_once(": ").map(|x| x.1).unwrap_or(rest)).unwrap_or(message);
    let m = m.strip_prefix("Interview has an error. ").unwrap_or(m);
    let mut out = String::new();
    let mut quoted = false;
    for c in m.chars() {
        if c == '\'' {
            if !quoted {
                out.push_str("'…'");
            }
            quoted = !quoted;
            continue;
        }
        if !quoted {
            out.push(c);
        }
    }
    let out = out.split(" that could not be looked up").next().unwrap_or(&out).to_string();
    out.chars().take(90).collect()
}
