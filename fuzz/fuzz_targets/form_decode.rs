//! Arbitrary bytes as `application/x-www-form-urlencoded` bodies, decoded as the server's
//! `POST /interview` handler decodes them (`form_urlencoded`, the 2,000-field cap, `_csrf`
//! removed, the multi-select remapping, `_back_one` meaning Back), then `Interview::submit` /
//! `back` + `next_screen` on the security battery interview
//! (`crates/server/tests/fixtures/xss.yml`, every datatype), and the resulting screen
//! rendered with `server::render::question_page`.
//!
//! The input is up to four posts separated by a 0xFF byte (never produced by a browser's
//! URL-encoding); when the first byte of a post is odd, the current screen's `_question`
//! token is prepended (the fuzzer cannot guess it), so posts reach the later screens.
//!
//! Oracles besides "no panic, no hang": the state survives the JSON round trip the server
//! stores it through, and the rendered page has no `<script` and no `javascript:` link
//! (the interview has none of its own: any would come from the posted values).
#![no_main]

use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

use engine::{Interview, Library, RequestContext, Screen, SessionState, Sources, Submitted};
use libfuzzer_sys::fuzz_target;
use server::extract::MAX_FORM_FIELDS;
use server::render::{self, FormContext};

const BATTERY: &str = include_str!("../../crates/server/tests/fixtures/xss.yml");

struct Mem;

impl Sources for Mem {
    fn read(&self, package: &str, path: &str) -> std::io::Result<String> {
        if package == "fuzz" && path == "data/questions/xss.yml" {
            Ok(BATTERY.to_string())
        } else {
            Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"))
        }
    }
    fn modified(&self, _package: &str, _path: &str) -> Option<SystemTime> {
        None
    }
    fn list(&self) -> Vec<(String, String)> {
        vec![("fuzz".into(), "data/questions/xss.yml".into())]
    }
}

fn interview() -> &'static Arc<Interview> {
    static INTERVIEW: OnceLock<Arc<Interview>> = OnceLock::new();
    INTERVIEW.get_or_init(|| {
        let library = Library::new(Arc::new(Mem) as Arc<dyn Sources>, false);
        match library.get("fuzz:xss.yml") {
            Ok(i) => i,
            Err(e) => panic!("the battery interview does not load: {e}"),
        }
    })
}

fn ctx() -> RequestContext {
    RequestContext {
        now: chrono::NaiveDate::from_ymd_opt(2026, 1, 2)
            .and_then(|d| d.and_hms_opt(3, 4, 5))
            .unwrap_or_default(),
        base_url: "http://localhost".into(),
        interview_url: "/interview?i=fuzz%3Axss.yml".into(),
        action: None,
        session_id: None,
        url_args: Vec::new(),
        seed: 0,
        sign_action: None,
        deadline: None,
        ..RequestContext::for_tests("fuzz:xss.yml")
    }
}

/// The server's decoding of a form body (crates/server/src/extract.rs, `CsrfForm`).
/// `None` when the server would refuse the body (too many fields).
fn decode(body: &[u8]) -> Option<(Vec<(String, String)>, bool)> {
    let mut form: Vec<(String, String)> = Vec::new();
    for (k, v) in form_urlencoded::parse(body) {
        if form.len() >= MAX_FORM_FIELDS {
            return None;
        }
        form.push((k.into_owned(), v.into_owned()));
    }
    form.retain(|(k, _)| k != "_csrf");
    for (k, v) in form.iter_mut() {
        if k == render::MULTISELECT {
            *k = std::mem::take(v);
            *v = "True".to_string();
        }
    }
    let back = form.iter().any(|(k, _)| k == "_back_one");
    Some((form, back))
}

fn check_page(screen: &Screen) {
    let Screen::Question(q) = screen else { return };
    let html = render::question_page(
        q,
        &FormContext {
            action: "/interview?i=fuzz%3Axss.yml",
            csrf: "00",
        },
    );
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a <script in the page:\n{html}");
    for part in lower.split("href=\"").skip(1) {
        let target: String = part
            .chars()
            .take_while(|c| *c != '"')
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect();
        assert!(
            !target.starts_with("javascript:"),
            "a javascript: link in the page:\n{html}"
        );
    }
}

fn round_trip(state: &SessionState) -> SessionState {
    let json = state.to_json_string();
    match SessionState::from_json_str(&json) {
        Ok(s) => s,
        Err(e) => panic!("stored state does not read back: {e}\n{json}"),
    }
}

/// The state after the first screen was shown (computed once: every input starts there).
fn first_state() -> &'static (SessionState, Screen) {
    static FIRST: OnceLock<(SessionState, Screen)> = OnceLock::new();
    FIRST.get_or_init(|| {
        let interview = interview();
        let mut state = interview.new_session();
        let screen = interview.next_screen(&mut state, &ctx());
        check_page(&screen);
        (state, screen)
    })
}

fuzz_target!(|data: &[u8]| {
    let interview = interview();
    let ctx = ctx();
    let (state0, screen0) = first_state();
    let mut state = state0.clone();
    let mut screen = screen0.clone();
    for post in data.split(|b| *b == 0xFF).take(4) {
        let Some((&flag, body)) = post.split_first() else { continue };
        let Some((mut form, back)) = decode(body) else { continue };
        if flag & 1 == 1 {
            if let Some(c) = &state.current {
                form.insert(0, ("_question".to_string(), c.token.clone()));
            }
        }
        state = round_trip(&state);
        if back {
            interview.back(&mut state);
        } else if let Submitted::Invalid(s) = interview.submit(&mut state, &form, &ctx) {
            check_page(&s);
            continue;
        }
        screen = interview.next_screen(&mut state, &ctx);
        check_page(&screen);
    }
    let _ = round_trip(&state);
    let _ = screen;
});
