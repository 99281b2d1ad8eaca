//! Test support: run example interviews in process, screen by screen, like the browser
//! scenarios do (find fields by label, click buttons by text, look for phrases).
#![allow(clippy::panic)] // a test reports a failure by panicking
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::Arc;

use engine::screen::{FieldKind, QuestionScreen, Screen, Submitted};
use engine::{Interview, InterviewRef, RequestContext, SessionState, Sources};

/// Reads packages from `/work/shared/docassemble-examples/packages` (or `$COLLOQUY_EXAMPLES`).
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

/// Loads an interview by reference.
pub fn interview(reference: &str) -> Arc<Interview> {
    let r = InterviewRef::parse(reference).unwrap();
    let (iv, _warnings) =
        engine::load(&DirSources::new(), &r).unwrap_or_else(|e| panic!("load {reference}: {e}"));
    Arc::new(iv)
}

/// One browser-like session.
pub struct Session {
    pub iv: Arc<Interview>,
    pub state: SessionState,
    pub ctx: RequestContext,
    pub screen: Screen,
    /// Staged form values (name, value).
    pub staged: Vec<(String, String)>,
    /// Whether help texts count as visible (after "I go to the help screen").
    pub show_help: bool,
}

/// Normalises text the way the scenarios compare it (markdown marks and smart quotes removed).
/// Drops Markdown link targets (`[text](url)` → `text`) and emphasis underscores.
fn strip_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ']' && chars.get(i + 1) == Some(&'(') {
            if let Some(end) = chars[i + 2..].iter().position(|&x| x == ')') {
                i += end + 3;
                continue;
            }
        }
        if c == '[' {
            i += 1;
            continue;
        }
        if c == '_' {
            let prev = if i == 0 { ' ' } else { chars[i - 1] };
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            if !prev.is_alphanumeric() || !next.is_alphanumeric() {
                i += 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Drops author HTML that a browser would not show (`<span class="invisible">…</span>`,
/// `d-none`), as the browser's visible text would.
fn strip_hidden(s: &str) -> String {
    let mut out = s.to_string();
    for pat in ["<span class='invisible'>", "<span class=\"invisible\">", "<span class='d-none'>", "<span class=\"d-none\">"] {
        while let Some(start) = out.find(pat) {
            let Some(end) = out[start..].find("</span>") else { break };
            out.replace_range(start..start + end + "</span>".len(), "");
        }
    }
    out
}

pub fn norm(s: &str) -> String {
    let s = &strip_hidden(s);
    let s = &strip_markdown(s);
    let s = s
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace(['*', '`', '#', '\u{e000}', '\u{e001}'], "")
        .replace("\\_", "_");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Session {
    pub fn start(reference: &str) -> Session {
        let mut s = Self::start_at(reference, None);
        s.follow_redirect(0);
        s
    }

    /// Starts a session whose clock is the real one (the browser scenarios were written
    /// against today's date), instead of the fixed test date.
    pub fn start_now(reference: &str) -> Session {
        let mut s = Self::start_at(reference, Some(chrono::Local::now().naive_local()));
        s.follow_redirect(0);
        s
    }

    fn start_at(reference: &str, now: Option<chrono::NaiveDateTime>) -> Session {
        let iv = interview(reference.split('&').next().unwrap_or(reference));
        let mut state = iv.new_session();
        let mut ctx = RequestContext::for_tests(reference);
        // docassemble's test server runs with `debug: True` (the Markdown tab shows)
        ctx.debug = true;
        if let Some(now) = now {
            ctx.now = now;
        }
        let screen = iv.next_screen(&mut state, &ctx);
        let s = Session {
            iv,
            state,
            ctx,
            screen,
            staged: Vec::new(),
            show_help: false,
        };
        s
    }

    /// A command screen whose URL is another interview (`command('exit', url=interview_url(i=…))`)
    /// is a redirect the browser follows.
    fn follow_redirect(&mut self, depth: u32) {
        if depth > 3 {
            return;
        }
        let target = match &self.screen {
            Screen::Command { url: Some(u), .. } => u.split_once("interview?").map(|(_, q)| q.to_string()),
            _ => None,
        };
        let Some(query) = target else { return };
        let Some(i) = query.split('&').find_map(|p| p.strip_prefix("i=")) else { return };
        let now = self.ctx.now;
        *self = Session::start_at(i, Some(now));
        self.follow_redirect(depth + 1);
    }

    pub fn q(&self) -> &QuestionScreen {
        match &self.screen {
            Screen::Question(q) => q,
            other => panic!("expected a question screen, got {other:?}"),
        }
    }

    /// All text of the screen.
    pub fn text(&self) -> String {
        let mut out = String::new();
        match &self.screen {
            Screen::Question(q) => {
                for part in [&q.pre, &q.title, &q.subtitle] {
                    if let Some(p) = part {
                        out.push_str(p);
                        out.push('\n');
                    }
                }
                out.push_str(&q.question);
                out.push('\n');
                for part in [
                    &q.subquestion,
                    &q.submit,
                    &q.under,
                    &q.right,
                    &q.post,
                    &q.footer,
                ] {
                    if let Some(p) = part {
                        out.push_str(p);
                        out.push('\n');
                    }
                }
                if let Some(p) = q.progress {
                    out.push_str(&format!("{p}%\n"));
                }
                if q.back_allowed || q.question_back_button {
                    out.push_str(q.back_label.as_deref().unwrap_or("Back"));
                    out.push('\n');
                }
                if self.show_help {
                    for h in [&q.help, &q.interview_help] {
                        if let Some(h) = h {
                            out.push_str(h);
                            out.push('\n');
                        }
                    }
                }
                if let Some(h) = &q.help_label {
                    out.push_str(h);
                    out.push('\n');
                }
                if q.help.is_some() && q.interview_help.is_some() {
                    // the interview help's own tab
                    out.push_str(q.interview_help_label.as_deref().unwrap_or("Help"));
                    out.push('\n');
                }
                for (l, _) in &q.menu_items {
                    out.push_str(l);
                    out.push('\n');
                }
                for (t, d) in &q.terms {
                    out.push_str(t);
                    out.push('\n');
                    if self.show_help {
                        out.push_str(d);
                        out.push('\n');
                    }
                }
                for e in &q.errors {
                    out.push_str(e);
                    out.push('\n');
                }
                for f in &q.fields {
                    out.push_str(&f.label);
                    out.push('\n');
                    if let Some(c) = &f.content {
                        out.push_str(c);
                        out.push('\n');
                    }
                    if let Some(c) = &f.currency_symbol {
                        out.push_str(c);
                        out.push('\n');
                    }
                    if let Some(h) = &f.hint {
                        out.push_str(h);
                        out.push('\n');
                    }
                    if let Some(e) = &f.error {
                        out.push_str(e);
                        out.push('\n');
                    }
                    for c in &f.choices {
                        out.push_str(&c.label);
                        out.push('\n');
                    }
                }
                for b in &q.buttons {
                    out.push_str(&b.label);
                    out.push('\n');
                }
                for r in &q.review {
                    out.push_str(&r.label);
                    out.push('\n');
                    if let Some(v) = &r.value {
                        out.push_str(v);
                        out.push('\n');
                    }
                }
                for a in &q.action_buttons {
                    out.push_str(&a.label);
                    out.push('\n');
                }
                if let Some(c) = &q.continue_label {
                    out.push_str(c);
                    out.push('\n');
                }
                if let Some(b) = &q.attachments {
                    out.push_str(&attachment_box_text(b));
                }
            }
            Screen::Error { message } => {
                out.push_str("Error\nWe are sorry. An error has occurred.\n");
                out.push_str(message);
            }
            Screen::Command { command, .. } => out.push_str(command.as_str()),
            Screen::Response { body, .. } => out.push_str(&String::from_utf8_lossy(body)),
        }
        norm(&strip_icons(&out))
    }

    pub fn see(&self, phrase: &str) {
        let t = self.text();
        assert!(
            t.contains(&norm(phrase)),
            "expected to see {phrase:?} in:\n{t}\n---\n{:?}",
            self.screen
        );
    }

    pub fn not_see(&self, phrase: &str) {
        let t = self.text();
        assert!(
            !t.contains(&norm(phrase)),
            "expected NOT to see {phrase:?} in:\n{t}"
        );
    }

    fn field_by_label(&self, label: &str) -> usize {
        self.nth_field_by_label(label, 1)
    }

    fn nth_field_by_label(&self, label: &str, nth: usize) -> usize {
        let q = self.q();
        let want = norm(label);
        q.fields
            .iter()
            .enumerate()
            .filter(|(_, f)| norm(&f.label) == want && !f.name.is_empty())
            .nth(nth.saturating_sub(1))
            .map(|(i, _)| i)
            .unwrap_or_else(|| {
                panic!(
                    "no field labelled {label:?}: {:?}",
                    q.fields.iter().map(|f| &f.label).collect::<Vec<_>>()
                )
            })
    }

    fn stage(&mut self, name: String, value: String) {
        self.staged.retain(|(n, _)| n != &name);
        self.staged.push((name, value));
    }

    /// `I set "label" to "value"`.
    pub fn set(&mut self, label: &str, value: &str) {
        self.set_nth(label, 1, value);
    }

    /// `I set the second "label" to "value"`.
    pub fn set_nth(&mut self, label: &str, nth: usize, value: &str) {
        let i = self.nth_field_by_label(label, nth);
        let f = self.q().fields[i].clone();
        match f.kind {
            FieldKind::Multiselect | FieldKind::Checkboxes => {
                let c = f
                    .choices
                    .iter()
                    .find(|c| norm(&c.label) == norm(value))
                    .unwrap_or_else(|| panic!("no option {value}"));
                if let Some(n) = &c.name {
                    self.stage(n.clone(), "True".into());
                }
            }
            FieldKind::Radio | FieldKind::Dropdown => {
                let c = f
                    .choices
                    .iter()
                    .find(|c| norm(&c.label) == norm(value))
                    .unwrap_or_else(|| panic!("no option {value}"));
                self.stage(f.name.clone(), c.value.clone());
            }
            _ => self.stage(f.name.clone(), value.to_string()),
        }
    }

    /// `I set the text box to` — the first text-like field.
    pub fn set_first_text(&mut self, value: &str) {
        let f = self
            .q()
            .fields
            .iter()
            .find(|f| {
                matches!(
                    f.kind,
                    FieldKind::Text
                        | FieldKind::Area
                        | FieldKind::Email
                        | FieldKind::Number
                        | FieldKind::Integer
                        | FieldKind::Currency
                        | FieldKind::Date
                )
            })
            .cloned()
            .expect("a text field");
        // typing "03/31/1977" into a date input gives the value 1977-03-31 (US locale)
        let value = match (f.kind, value.split('/').collect::<Vec<_>>().as_slice()) {
            (FieldKind::Date, [m, d, y]) if y.len() == 4 => format!("{y}-{m:0>2}-{d:0>2}"),
            _ => value.to_string(),
        };
        self.stage(f.name.clone(), value);
    }

    /// `I click the "option" option under "label"`.
    pub fn click_option_under(&mut self, option: &str, label: &str) {
        let i = self.field_by_label(label);
        self.click_option_in(option, Some(i));
    }

    /// `I click the "option" option` (radio/checkbox option or single checkbox by label).
    pub fn click_option(&mut self, option: &str) {
        self.click_option_in(option, None);
    }

    fn click_option_in(&mut self, option: &str, only: Option<usize>) {
        let want = norm(option);
        let fields = self.q().fields.clone();
        for (fi, f) in fields.iter().enumerate() {
            if only.is_some_and(|o| o != fi) {
                continue;
            }
            for c in &f.choices {
                if norm(&c.label) == want {
                    match &c.name {
                        Some(n) => {
                            let on = self.staged.iter().any(|(k, v)| k == n && v == "True");
                            if on {
                                self.staged.retain(|(k, _)| k != n);
                            } else {
                                self.stage(n.clone(), "True".into());
                            }
                        }
                        None => self.stage(f.name.clone(), c.value.clone()),
                    }
                    return;
                }
            }
            if f.kind == FieldKind::Checkbox && norm(&f.label) == want {
                let on = self.staged.iter().any(|(k, v)| k == &f.name && v == "True");
                if on {
                    self.stage(f.name.clone(), "False".into());
                } else {
                    self.stage(f.name.clone(), "True".into());
                }
                return;
            }
        }
        if only.is_none() {
            // substring match as the scenario runner's fallback
            for f in &fields {
                for c in &f.choices {
                    if norm(&c.label).contains(&want) {
                        match &c.name {
                            Some(n) => self.stage(n.clone(), "True".into()),
                            None => self.stage(f.name.clone(), c.value.clone()),
                        }
                        return;
                    }
                }
            }
            // buttons rendered as options
            let buttons = self.q().buttons.clone();
            if let Some(b) = buttons.iter().find(|b| norm(&b.label) == want) {
                let form = self.form(Some((b.name.clone(), b.value.clone())));
                self.post(form);
                return;
            }
        }
        panic!("no option {option:?}");
    }

    /// Stages the defaults the browser would post (pre-filled values and checked boxes).
    fn defaults(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for f in &self.q().fields {
            if f.name.is_empty() || f.disabled {
                continue;
            }
            match f.kind {
                FieldKind::Checkboxes | FieldKind::Multiselect => {
                    for c in &f.choices {
                        if c.selected {
                            if let Some(n) = &c.name {
                                out.push((n.clone(), "True".to_string()));
                            }
                        }
                    }
                }
                FieldKind::Checkbox => {
                    if f.value.as_deref() == Some("True") {
                        out.push((f.name.clone(), "True".into()));
                    }
                }
                _ => {
                    if let Some(v) = &f.value {
                        out.push((f.name.clone(), v.clone()));
                    }
                }
            }
        }
        out
    }

    fn form(&self, extra: Option<(String, String)>) -> Vec<(String, String)> {
        let mut form: Vec<(String, String)> = Vec::new();
        let staged_names: Vec<&String> = self.staged.iter().map(|(n, _)| n).collect();
        for (n, v) in self.defaults() {
            if !staged_names.contains(&&n) && !self.staged_checkbox_group_touched(&n) {
                form.push((n, v));
            }
        }
        for (n, v) in &self.staged {
            if v == "False"
                && self
                    .q()
                    .fields
                    .iter()
                    .any(|f| &f.name == n && f.kind == FieldKind::Checkbox)
            {
                continue;
            }
            form.push((n.clone(), v.clone()));
        }
        if let Some(e) = extra {
            form.push(e);
        }
        form.push(("_question".into(), self.q().token.clone()));
        form
    }

    fn staged_checkbox_group_touched(&self, _name: &str) -> bool {
        false
    }

    fn post(&mut self, form: Vec<(String, String)>) {
        self.staged.clear();
        // the server answers in one run (`answer`); submit then next_screen must agree with it
        let mut separate = self.state.clone();
        let expected = match self.iv.submit(&mut separate, &form, &self.ctx) {
            Submitted::Accepted => self.iv.next_screen(&mut separate, &self.ctx),
            Submitted::Invalid(s) => s,
        };
        let (screen, _) = self.iv.answer(&mut self.state, &form, &self.ctx);
        assert_eq!(format!("{screen:?}"), format!("{expected:?}"), "answer and submit + next_screen show different screens");
        assert!(self.state == separate, "answer and submit + next_screen leave different states:\n{}\n{}", self.state.to_json_string(), separate.to_json_string());
        self.screen = screen;
        // what the server does with commands
        if let Screen::Command { command, .. } = &self.screen {
            if *command == engine::Command::Restart || *command == engine::Command::NewSession {
                self.state = self.iv.new_session();
                self.screen = self.iv.next_screen(&mut self.state, &self.ctx);
            }
        }
    }

    /// `I click the button "label"`.
    pub fn click(&mut self, label: &str) {
        let want = norm(label);
        let q = self.q().clone();
        if q.help_label.as_deref().map(norm) == Some(want.clone())
            || (q.help.is_some() && want == "Help")
        {
            // a help tab opens and closes
            self.show_help = !self.show_help;
            return;
        }
        if (q.back_allowed || q.question_back_button)
            && q.back_label
                .as_deref()
                .map(norm)
                .unwrap_or_else(|| "Back".into())
                == want
        {
            self.back();
            return;
        }
        if let Some(b) = q.buttons.iter().find(|b| norm(&b.label) == want) {
            let form = self.form(Some((b.name.clone(), b.value.clone())));
            self.post(form);
            return;
        }
        if q.continue_label.as_deref().map(norm) == Some(want.clone()) {
            let form = self.form(None);
            self.post(form);
            return;
        }
        // links drawn as buttons (`add_action()`, action buttons)
        if let Some(url) = q
            .action_buttons
            .iter()
            .find(|a| norm(&a.label) == want)
            .map(|a| a.url.clone())
        {
            self.visit(&url);
            return;
        }
        if let Some((_, url)) = anchors(&q).into_iter().find(|(t, _)| norm(t) == want) {
            self.visit(&url);
            return;
        }
        panic!("no button {label:?} on screen: {}", self.text());
    }

    /// Follows a link (action URL) by its label: menu items, review items, action buttons.
    pub fn link(&mut self, label: &str) {
        let want = norm(label);
        let q = self.q().clone();
        // the attachment box's tabs work in the page (no request)
        if let Some(b) = &q.attachments {
            let tab = match want.as_str() {
                "Download" => b.attachments.iter().any(|a| !a.downloads.is_empty()),
                "Preview" => b.attachments.iter().any(|a| a.preview.is_some()),
                "Markdown" => b.debug && b.attachments.iter().any(|a| a.markdown.is_some()),
                _ => false,
            };
            if tab {
                return;
            }
        }
        let url = q
            .menu_items
            .iter()
            .find(|(l, _)| norm(l) == want)
            .map(|(_, u)| u.clone())
            .or_else(|| {
                q.review
                    .iter()
                    .find(|r| norm(&r.label) == want)
                    .and_then(|r| r.url.clone())
            })
            .or_else(|| {
                q.action_buttons
                    .iter()
                    .find(|a| norm(&a.label) == want)
                    .map(|a| a.url.clone())
            })
            .or_else(|| find_markdown_link(&q, label))
            .or_else(|| {
                anchors(&q)
                    .into_iter()
                    .find(|(t, _)| norm(t) == want)
                    .map(|(_, u)| u)
            })
            .unwrap_or_else(|| panic!("no link {label:?} on {}", self.text()));
        self.visit(&url);
    }

    /// `I click the second link " Edit"`: the nth HTML link with that text.
    pub fn nth_link(&mut self, label: &str, nth: usize) {
        let want = norm(label);
        let q = self.q().clone();
        let review = q.review.iter().filter_map(|r| r.url.clone().map(|u| (r.label.clone(), u)));
        let url = review
            .chain(anchors(&q))
            .filter(|(t, _)| norm(t) == want)
            .nth(nth.saturating_sub(1))
            .map(|(_, u)| u)
            .unwrap_or_else(|| panic!("no link {nth} {label:?} on {}", self.text()));
        self.visit(&url);
    }

    /// Visits an interview URL (with `action=`).
    pub fn visit(&mut self, url: &str) {
        if let Some(i) = url.split(['?', '&']).find_map(|p| p.strip_prefix("i=")) {
            if i != self.iv.reference.to_string() && !url.contains("action=") {
                *self = Session::start(i);
                return;
            }
        }
        let action = url
            .split(['?', '&'])
            .find_map(|p| p.strip_prefix("action="))
            .map(str::to_string);
        let mut ctx = self.ctx.clone();
        ctx.action = action;
        if let Some((_, query)) = url.split_once('?') {
            if !query.contains("action=") {
                ctx.interview_url = format!("/interview?{query}");
                // the server's part: the parameters that are not reserved become `url_args`
                ctx.url_args = form_urlencoded::parse(query.as_bytes())
                    .filter(|(k, _)| !engine::links::is_reserved_query(k))
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect();
            }
        }
        self.staged.clear();
        self.screen = self.iv.next_screen(&mut self.state, &ctx);
    }

    /// `I choose "value"`: the first drop-down on the screen.
    pub fn choose(&mut self, value: &str) {
        let f = self
            .q()
            .fields
            .iter()
            .find(|f| matches!(f.kind, FieldKind::Dropdown | FieldKind::Multiselect))
            .cloned()
            .expect("a drop-down");
        let c = f
            .choices
            .iter()
            .find(|c| norm(&c.label) == norm(value))
            .unwrap_or_else(|| panic!("no option {value}"));
        // a multiple select (`<select multiple>`) posts each chosen option under its own name
        match &c.name {
            Some(n) => self.stage(n.clone(), "True".into()),
            None => self.stage(f.name.clone(), c.value.clone()),
        }
    }

    /// Reloads the screen.
    pub fn reload(&mut self) {
        self.screen = self.iv.next_screen(&mut self.state, &self.ctx);
    }

    /// The back button.
    pub fn back(&mut self) {
        assert!(self.iv.back(&mut self.state), "back not possible");
        self.screen = self.iv.next_screen(&mut self.state, &self.ctx);
    }

    /// Round-trips the state through JSON, as the server does between requests.
    pub fn persist(&mut self) {
        let j = self.state.to_json_string();
        self.state = SessionState::from_json_str(&j).unwrap();
    }
}

fn find_markdown_link(q: &QuestionScreen, label: &str) -> Option<String> {
    let mut texts = vec![q.question.clone()];
    texts.extend(q.subquestion.clone());
    texts.extend(q.under.clone());
    texts.extend(q.navigation_bar_html.clone());
    for f in &q.fields {
        texts.extend(f.content.clone());
    }
    for t in texts {
        let t = t.replace(['\u{e000}', '\u{e001}'], "");
        if let Some(end) = t.find(&format!(">{label}</a>")) {
            if let Some(h) = t[..end].rfind("href=\"") {
                let rest = &t[h + 6..];
                if let Some(q) = rest.find('"') {
                    return Some(rest[..q].replace("&amp;", "&"));
                }
            }
        }
        let pat = format!("[{label}](");
        if let Some(i) = t.find(&pat) {
            let rest = &t[i + pat.len()..];
            if let Some(j) = rest.find(')') {
                return Some(rest[..j].trim().replace("&amp;", "&"));
            }
        }
    }
    None
}

/// The HTML links (`<a href>…</a>`) in the screen's texts: (text without tags, href).
pub fn anchors(q: &QuestionScreen) -> Vec<(String, String)> {
    let mut texts = vec![q.question.clone()];
    texts.extend(q.subquestion.clone());
    texts.extend(q.under.clone());
    texts.extend(q.pre.clone());
    texts.extend(q.post.clone());
    texts.extend(q.right.clone());
    for f in &q.fields {
        texts.extend(f.content.clone());
    }
    for r in &q.review {
        texts.extend(r.value.clone());
    }
    let mut out = Vec::new();
    for t in texts {
        let t = t.replace(['\u{e000}', '\u{e001}'], "");
        let mut rest = t.as_str();
        while let Some(start) = rest.find("<a ") {
            let after = &rest[start..];
            let Some(gt) = after.find('>') else { break };
            let tag = &after[..gt];
            let Some(end) = after.find("</a>") else { break };
            let inner = &after[gt + 1..end];
            let href = tag.find("href=\"").and_then(|h| {
                tag[h + 6..]
                    .find('"')
                    .map(|e| tag[h + 6..h + 6 + e].replace("&amp;", "&"))
            });
            let mut text = String::new();
            let mut in_tag = false;
            for c in inner.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' if in_tag => in_tag = false,
                    _ if !in_tag => text.push(c),
                    _ => {}
                }
            }
            if let Some(h) = href {
                out.push((text, h));
            }
            rest = &after[end + 4..];
        }
    }
    out
}

/// `:bed:`-style icon codes become icons in the browser: not visible text.
fn strip_icons(s: &str) -> String {
    if s.contains("[NO_EMOJIS]") {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ':' && chars.get(i + 1).is_some_and(|c| c.is_ascii_lowercase()) {
            let mut j = i + 1;
            while j < chars.len() && (chars[j].is_ascii_lowercase() || chars[j].is_ascii_digit() || chars[j] == '-') {
                j += 1;
            }
            let before_ok = i == 0 || !chars[i - 1].is_alphanumeric();
            if before_ok && chars.get(j) == Some(&':') {
                i = j + 1;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The text of an attachment box as the page shows it (every tab's pane included).
fn attachment_box_text(b: &engine::screen::AttachmentBoxView) -> String {
    let mut out = String::new();
    let several = b.attachments.len() > 1;
    if !b.manual_list {
        if b.notice {
            out.push_str(if several {
                "The following documents have been created for you.\n"
            } else {
                "The following document has been created for you.\n"
            });
        }
        for a in &b.attachments {
            out.push_str(&a.name);
            out.push('\n');
            if let Some(d) = &a.description {
                out.push_str(d);
                out.push('\n');
            }
            if !a.downloads.is_empty() {
                out.push_str("Download\n");
            }
            for d in &a.downloads {
                out.push_str(match d.format.as_str() {
                    "pdf" => "PDF",
                    "rtf" => "RTF",
                    "docx" => "DOCX",
                    "md" => "Markdown",
                    _ => &d.filename,
                });
                out.push('\n');
            }
            if let Some(p) = &a.preview {
                out.push_str("Preview\n");
                out.push_str(p);
                out.push('\n');
            }
            if let Some(m) = a.markdown.as_ref().filter(|_| b.debug) {
                out.push_str("Markdown\n");
                out.push_str(m);
                out.push('\n');
            }
        }
    }
    if b.allow_emailing {
        out.push_str(if several { "E-mail these documents\n" } else { "E-mail this document\n" });
        out.push_str("E-mail address\nSend\n");
    }
    if b.allow_downloading {
        out.push_str(if several {
            "Download all documents as a ZIP file\n"
        } else {
            "Download this document as a ZIP file\n"
        });
    }
    out
}

/// Interview files held in memory (package `docassemble.test`), by path.
pub struct MemSources(pub std::collections::HashMap<String, String>);

impl Sources for MemSources {
    fn read(&self, _package: &str, path: &str) -> std::io::Result<String> {
        self.0.get(path).cloned().ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
    }
    fn modified(&self, _package: &str, _path: &str) -> Option<std::time::SystemTime> {
        None
    }
    fn list(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

/// A session of an interview written inline, after its first screen: the test files add the
/// ways they post to it.
pub struct Inline {
    pub iv: Interview,
    pub st: SessionState,
    pub ctx: RequestContext,
    pub screen: Screen,
}

impl Inline {
    /// Loads `yaml` as `docassemble.test:data/questions/{file}` and shows its first screen.
    pub fn load(file: &str, yaml: &str) -> Inline {
        let reference = format!("docassemble.test:data/questions/{file}");
        let src = MemSources(std::collections::HashMap::from([(format!("data/questions/{file}"), yaml.to_string())]));
        let parsed = InterviewRef::parse(&reference).unwrap_or_else(|e| panic!("{e}"));
        let (iv, _) = engine::load(&src, &parsed).unwrap_or_else(|e| panic!("{e}"));
        let mut st = iv.new_session();
        let ctx = RequestContext::for_tests(&reference);
        let screen = iv.next_screen(&mut st, &ctx);
        Inline { iv, st, ctx, screen }
    }

    /// The question shown (a test failure for any other screen).
    pub fn q(&self) -> &QuestionScreen {
        match &self.screen {
            Screen::Question(q) => q,
            other => panic!("not a question: {other:?}"),
        }
    }
}

/// The interview files (`.yml`, `.yaml`) under `data/questions` of docassemble's two
/// example packages in `root`, as (package, path) pairs.
pub fn interview_files(root: &std::path::Path) -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, rel: &str, package: &str, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            let child = format!("{rel}/{name}");
            if e.path().is_dir() {
                walk(&e.path(), &child, package, out);
            } else if name.ends_with(".yml") || name.ends_with(".yaml") {
                out.push((package.to_string(), child));
            }
        }
    }
    let mut out = Vec::new();
    for package in ["docassemble.base", "docassemble.demo"] {
        walk(&root.join(package).join("data/questions"), "data/questions", package, &mut out);
    }
    out.sort();
    out
}

/// Every example interview file of the packages `DirSources` reads, as references (empty
/// when the examples are not there).
pub fn example_references() -> Vec<String> {
    interview_files(&DirSources::new().root).into_iter().map(|(p, path)| format!("{p}:{path}")).collect()
}
