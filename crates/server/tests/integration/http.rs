#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! In-process HTTP tests of the server with a small fake engine.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use engine::{
    ButtonView, FieldKind, FieldView, QuestionScreen, RequestContext, Screen, SessionState,
    Submitted,
};
use http_body_util::BodyExt;
use serde_json::Value as Json;
use server::{Config, DirPackageFiles, Engine, Listed, LoadFailure, Runner};
use tower::ServiceExt;

use crate::support;
use support::files_containing;

struct FakeEngine;
struct Fake;

impl Engine for FakeEngine {
    fn load(&self, reference: &str) -> Result<Arc<dyn Runner>, LoadFailure> {
        if reference == "demo:q.yml" {
            Ok(Arc::new(Fake))
        } else if reference == "sec:q.yml" {
            Ok(Arc::new(SecFake { temporary: false }))
        } else if reference == "tmp:q.yml" {
            Ok(Arc::new(SecFake { temporary: true }))
        } else if reference == "boom:q.yml" {
            Ok(Arc::new(Boom))
        } else {
            Err(LoadFailure::Missing(engine::LoadError::Read {
                file: reference.to_string(),
                reason: "interview not found".into(),
            }))
        }
    }
}

fn field(name: &str, label: &str, kind: FieldKind) -> FieldView {
    FieldView {
        name: name.into(),
        id: format!("f_{name}"),
        label: label.into(),
        kind,
        datatype: "text".into(),
        value: None,
        choices: vec![],
        required: true,
        hint: None,
        help: None,
        error: None,
        min: None,
        max: None,
        step: None,
        minlength: None,
        maxlength: None,
        content: None,
        currency_symbol: None,
        rows: None,
        css_class: None,
        label_above: false,
        disabled: false,
        show_if: None,
        hide_if: None,
        upload: None,
    }
}

impl Runner for Fake {
    fn new_session(&self) -> SessionState {
        SessionState::new()
    }
    fn next_screen(&self, state: &mut SessionState, _ctx: &RequestContext) -> Screen {
        let v = &state.variables;
        if !v.contains_key("name") {
            return Screen::Question(QuestionScreen {
                question: "What is your name?".into(),
                fields: vec![field("name", "Your name", FieldKind::Text)],
                continue_label: Some("Continue".into()),
                back_allowed: false,
                token: "q1".into(),
                block_name: "Question_1".into(),
                ..Default::default()
            });
        }
        match v.get("likes") {
            None => Screen::Question(QuestionScreen {
                question: format!(
                    "Do you like fruit, {}?",
                    server::markdown::escape(v["name"].as_str().unwrap_or(""))
                ),
                buttons: vec![
                    ButtonView {
                        name: "likes".into(),
                        value: "True".into(),
                        label: "Yes".into(),
                        color: None,
                        css_class: None,
                        icon: None,
                        help: None,
                    },
                    ButtonView {
                        name: "likes".into(),
                        value: "False".into(),
                        label: "No".into(),
                        color: None,
                        css_class: None,
                        icon: None,
                        help: None,
                    },
                    ButtonView {
                        name: "likes".into(),
                        value: "exit".into(),
                        label: "Exit".into(),
                        color: None,
                        css_class: None,
                        icon: None,
                        help: None,
                    },
                ],
                back_allowed: true,
                token: "q2".into(),
                block_name: "Question_2".into(),
                ..Default::default()
            }),
            Some(Json::String(s)) if s == "exit" => Screen::Command {
                command: engine::Command::Exit,
                url: None,
            },
            Some(Json::String(s)) if s == "boom" => Screen::Error {
                message: "intake.yml, line 3: no such variable".into(),
            },
            Some(l) => Screen::Question(QuestionScreen {
                question: "All done".into(),
                subquestion: Some(format!("You said **{}**.", l.as_str().unwrap_or(""))),
                back_allowed: true,
                token: "q3".into(),
                block_name: "Question_3".into(),
                ..Default::default()
            }),
        }
    }
    fn submit(
        &self,
        state: &mut SessionState,
        form: &[(String, String)],
        _ctx: &RequestContext,
    ) -> Submitted {
        let token = form
            .iter()
            .find(|(k, _)| k == "_question")
            .map(|(_, v)| v.clone());
        if token.as_deref()
            != state
                .current
                .as_ref()
                .map(|c| c.token.as_str())
                .or(token.as_deref())
        {
            return Submitted::Accepted;
        }
        state.push_undo();
        for (k, v) in form {
            if k == "name" && v.trim().is_empty() {
                state.pop_undo();
                let mut f = field("name", "Your name", FieldKind::Text);
                f.error = Some("You need to fill this in.".into());
                return Submitted::Invalid(Screen::Question(QuestionScreen {
                    question: "What is your name?".into(),
                    fields: vec![f],
                    continue_label: Some("Continue".into()),
                    token: "q1".into(),
                    ..Default::default()
                }));
            }
            if k == "name" || k == "likes" {
                state.variables.insert(k.clone(), Json::String(v.clone()));
            }
        }
        state.seal_undo();
        Submitted::Accepted
    }
    fn back(&self, state: &mut SessionState) -> bool {
        state.pop_undo()
    }
}

/// An interview whose every step panics (a defect in the engine, never author input).
struct Boom;

impl Runner for Boom {
    fn new_session(&self) -> SessionState {
        SessionState::new()
    }
    fn next_screen(&self, _state: &mut SessionState, _ctx: &RequestContext) -> Screen {
        panic!("a defect")
    }
    fn submit(&self, _state: &mut SessionState, _form: &[(String, String)], _ctx: &RequestContext) -> Submitted {
        panic!("a defect")
    }
    fn back(&self, _state: &mut SessionState) -> bool {
        false
    }
}

/// On the server's multi-threaded runtime the engine runs in place on a worker thread: a
/// step works, and a panic in the engine is a 500 page on that request alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn engine_steps_run_in_place_on_the_multi_threaded_runtime() {
    let app = app().await;
    let r = send(&app, get(URL, None)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("What is your name?"));
    let r = send(&app, get("/interview?i=boom%3Aq.yml", None)).await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    let r = send(&app, get(URL, None)).await;
    assert_eq!(r.status, StatusCode::OK, "the server goes on after a panicked step");
}

async fn app() -> axum::Router {
    app_with(store::Store::open_memory().await.unwrap())
}

fn app_with(store: store::Store) -> axum::Router {
    server::router(Config {
        engine: Arc::new(FakeEngine),
        store,
        files: Arc::new(DirPackageFiles { roots: vec![] }),
        secret: [7u8; 32],
        featured: vec![Listed {
            reference: "demo:q.yml".into(),
            package: "demo".into(),
            label: "Demo intake".into(),
        }],
        listed: vec![Listed {
            reference: "pkg:data/questions/a.yml".into(),
            package: "pkg".into(),
            label: "a.yml".into(),
        }],
        secure_cookies: false,
        options: Default::default(),
        first_screens: Default::default(),
    })
}

struct Resp {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn send(app: &axum::Router, req: Request<Body>) -> Resp {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Resp {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn get(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::get(uri).header(header::HOST, "localhost");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    b.body(Body::empty()).unwrap()
}

fn post(uri: &str, cookie: &str, form: &[(&str, &str)]) -> Request<Body> {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    Request::post(uri)
        .header(header::HOST, "localhost")
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap()
}

fn cookie_of(r: &Resp) -> String {
    let c = r
        .headers
        .get(header::SET_COOKIE)
        .expect("a Set-Cookie")
        .to_str()
        .unwrap();
    assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax"));
    c.split(';').next().unwrap().to_string()
}

fn csrf_of(body: &str) -> String {
    let at =
        body.find("name=\"_csrf\" value=\"").expect("csrf field") + "name=\"_csrf\" value=\"".len();
    body[at..].split('"').next().unwrap().to_string()
}

const URL: &str = "/interview?i=demo%3Aq.yml";

#[tokio::test]
async fn front_page_lists_interviews() {
    let app = app().await;
    let r = send(&app, get("/", None)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Demo intake"));
    assert!(r.body.contains("/interview?i=demo%3Aq.yml"));
    assert!(r.body.contains("a.yml"));
    assert!(r
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("default-src 'self'"));
}

#[tokio::test]
async fn answer_screens_go_back_and_exit() {
    let app = app().await;
    let r = send(&app, get(URL, None)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers.get(header::CACHE_CONTROL).unwrap(), "no-store");
    assert_eq!(r.headers.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(r.headers.get("referrer-policy").unwrap(), "same-origin");
    let cookie = cookie_of(&r);
    let b = &r.body;
    assert!(b.contains("<form id=\"daform\""));
    assert!(b.contains(
        "<div id=\"daMainQuestion\" class=\"co-question\"><h1>What is your name?</h1></div>"
    ));
    assert!(b.contains("<label for=\"f_name\" class=\"co-label co-required\">Your name</label>"));
    assert!(b.contains("<input type=\"text\" id=\"f_name\" name=\"name\" required"));
    assert!(b.contains("<button type=\"submit\" class=\"co-btn co-primary\">Continue</button>"));
    assert!(
        !b.contains("dabackicon"),
        "no back button on the first screen"
    );
    let csrf = csrf_of(b);

    // Same cookie → same session, no new cookie.
    let r = send(&app, get(URL, Some(&cookie))).await;
    assert!(r.headers.get(header::SET_COOKIE).is_none());

    // Invalid answer → message beside the field, nothing stored.
    let r = send(
        &app,
        post(
            URL,
            &cookie,
            &[("_csrf", &csrf), ("_question", "q1"), ("name", " ")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("You need to fill this in."));
    assert!(r.body.contains("aria-invalid=\"true\""));

    // Valid answer → next screen (rendered directly).
    let r = send(
        &app,
        post(
            URL,
            &cookie,
            &[("_csrf", &csrf), ("_question", "q1"), ("name", "Ann <b>")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("Do you like fruit, Ann &lt;b&gt;?"),
        "{}",
        r.body
    );
    assert!(r.body.contains("<button type=\"submit\" class=\"co-btn co-primary\" name=\"likes\" value=\"True\">Yes</button>"));
    assert!(r.body.contains("class=\"dabackicon co-back\" name=\"_back_one\" value=\"1\" aria-label=\"Back\">Back</button>"));

    // Reload shows the same screen.
    let r = send(&app, get(URL, Some(&cookie))).await;
    assert!(r.body.contains("Do you like fruit"));

    // Back → first screen.
    let r = send(
        &app,
        post(URL, &cookie, &[("_csrf", &csrf), ("_back_one", "1")]),
    )
    .await;
    assert!(r.body.contains("What is your name?"), "{}", r.body);
    let r = send(
        &app,
        post(
            URL,
            &cookie,
            &[("_csrf", &csrf), ("_question", "q1"), ("name", "Bob")],
        ),
    )
    .await;
    assert!(r.body.contains("Do you like fruit, Bob?"));
    let r = send(
        &app,
        post(
            URL,
            &cookie,
            &[("_csrf", &csrf), ("_question", "q2"), ("likes", "True")],
        ),
    )
    .await;
    assert!(r.body.contains("All done"));
    assert!(r.body.contains("You said <strong>True</strong>."));

    // Exit deletes the session and sends the browser to the front page.
    let r = send(
        &app,
        post(URL, &cookie, &[("_csrf", &csrf), ("_back_one", "1")]),
    )
    .await;
    assert!(r.body.contains("Do you like fruit"));
    let r = send(
        &app,
        post(
            URL,
            &cookie,
            &[("_csrf", &csrf), ("_question", "q2"), ("likes", "exit")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.headers.get(header::LOCATION).unwrap(), "/");
    assert!(r
        .headers
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    // The old cookie no longer finds anything: a fresh session starts.
    let r = send(&app, get(URL, Some(&cookie))).await;
    assert!(r.body.contains("What is your name?"));
    assert!(r.headers.get(header::SET_COOKIE).is_some());
}

#[tokio::test]
async fn csrf_is_required() {
    let app = app().await;
    let r = send(&app, get(URL, None)).await;
    let cookie = cookie_of(&r);
    let r = send(
        &app,
        post(URL, &cookie, &[("_question", "q1"), ("name", "Eve")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = send(
        &app,
        post(
            URL,
            &cookie,
            &[("_csrf", "00ff"), ("_question", "q1"), ("name", "Eve")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = send(&app, get(URL, Some(&cookie))).await;
    assert!(r.body.contains("What is your name?"), "nothing was stored");
}

#[tokio::test]
async fn reset_starts_afresh_with_a_clean_url() {
    let app = app().await;
    let r = send(&app, get(URL, None)).await;
    let cookie = cookie_of(&r);
    let csrf = csrf_of(&r.body);
    send(
        &app,
        post(
            URL,
            &cookie,
            &[("_csrf", &csrf), ("_question", "q1"), ("name", "Al")],
        ),
    )
    .await;
    let r = send(&app, get(&format!("{URL}&reset=2&x=1"), Some(&cookie))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers.get(header::LOCATION).unwrap(),
        "/interview?i=demo%3Aq.yml&x=1"
    );
    let r = send(&app, get(URL, Some(&cookie))).await;
    assert!(r.body.contains("What is your name?"));
}

#[tokio::test]
async fn errors_are_titled_error() {
    let app = app().await;
    let r = send(&app, get("/interview?i=nope:x.yml", None)).await;
    assert!(r.body.contains("<title>Error</title>"));
    assert!(r.body.contains("nope:x.yml: cannot read file: interview not found"));
    assert!(r.headers.get("content-security-policy").is_some());

    let r = send(&app, get(URL, None)).await;
    let cookie = cookie_of(&r);
    let csrf = csrf_of(&r.body);
    send(
        &app,
        post(
            URL,
            &cookie,
            &[("_csrf", &csrf), ("_question", "q1"), ("name", "Al")],
        ),
    )
    .await;
    let r = send(
        &app,
        post(
            URL,
            &cookie,
            &[("_csrf", &csrf), ("_question", "q2"), ("likes", "boom")],
        ),
    )
    .await;
    assert!(r.body.contains("<title>Error</title>"));
    assert!(r.body.contains("intake.yml, line 3: no such variable"));
}

#[tokio::test]
async fn static_files() {
    let dir = tempfile::tempdir().unwrap();
    let st = dir.path().join("pkg.one/data/static");
    std::fs::create_dir_all(&st).unwrap();
    std::fs::write(st.join("a.txt"), "hello").unwrap();
    std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    let store = store::Store::open_memory().await.unwrap();
    let app = server::router(Config {
        engine: Arc::new(FakeEngine),
        store,
        files: Arc::new(DirPackageFiles {
            roots: vec![dir.path().to_path_buf()],
        }),
        secret: [1u8; 32],
        featured: vec![],
        listed: vec![],
        secure_cookies: false,
        options: Default::default(),
        first_screens: Default::default(),
    });
    let r = send(&app, get("/packagestatic/pkg.one/a.txt", None)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, "hello");
    assert_eq!(r.headers.get("x-content-type-options").unwrap(), "nosniff");
    for bad in [
        "/packagestatic/pkg.one/../../secret.txt",
        "/packagestatic/pkg.one/%2e%2e/%2e%2e/%2e%2e/secret.txt",
        "/packagestatic/..%2F/secret.txt",
        "/packagestatic/pkg.one/nope.txt",
    ] {
        let r = send(&app, get(bad, None)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
        assert!(!r.body.contains("secret"));
    }
    let r = send(&app, get("/static/colloquy.css", None)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r
        .headers
        .get(header::CONTENT_TYPE)
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/css"));
}

/// The stored version of the session in `cookie` (`name=id.secret`).
async fn stored_version(store: &store::Store, cookie: &str) -> i64 {
    let value = cookie.split_once('=').unwrap().1;
    let (id, secret) = value.split_once('.').unwrap();
    let secret = store::CookieSecret::from_cookie_value(secret).unwrap();
    let s = store.load(id, store::KeyWrapper::Cookie(&secret)).await.unwrap().unwrap();
    s.version
}

#[tokio::test]
async fn a_reload_saves_nothing_and_an_answer_saves_once() {
    let store = store::Store::open_memory().await.unwrap();
    let app = app_with(store.clone());
    let r = send(&app, get(URL, None)).await;
    let cookie = cookie_of(&r);
    let first = stored_version(&store, &cookie).await;
    for _ in 0..3 {
        let again = send(&app, get(URL, Some(&cookie))).await;
        assert_eq!(again.status, StatusCode::OK);
        assert_eq!(stored_version(&store, &cookie).await, first, "a reload changes nothing");
    }
    let r = send(&app, post(URL, &cookie, &[("_csrf", csrf_of(&r.body).as_str()), ("_question", "q1"), ("name", "Ann")])).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.status);
    assert_eq!(stored_version(&store, &cookie).await, first + 1, "an answer is one save");
    let again = send(&app, get(URL, Some(&cookie))).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(stored_version(&store, &cookie).await, first + 1);
}

#[tokio::test]
async fn body_limit() {
    let app = app().await;
    let r = send(&app, get(URL, None)).await;
    let cookie = cookie_of(&r);
    let big = "x".repeat(server::MAX_BODY + 10);
    let r = send(&app, post(URL, &cookie, &[("name", &big)])).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}


/// Answers the first question with `name`; returns the cookie.
async fn answer_name(app: &axum::Router, name: &str) -> String {
    let r = send(app, get(URL, None)).await;
    let cookie = cookie_of(&r);
    let csrf = csrf_of(&r.body);
    let r = send(
        app,
        post(
            URL,
            &cookie,
            &[("_csrf", &csrf), ("_question", "q1"), ("name", name)],
        ),
    )
    .await;
    assert!(r.body.contains("Do you like fruit"), "{}", r.body);
    cookie
}

#[tokio::test]
async fn answers_are_encrypted_at_rest_marker_grep() {
    let dir = tempfile::tempdir().unwrap();
    let store = store::Store::open_dir(dir.path()).await.unwrap();
    let app = app_with(store.clone());
    let cookie = answer_name(&app, "ZZMARKER123").await;
    // the answer comes back through the cookie's secret
    let r = send(&app, get(URL, Some(&cookie))).await;
    assert!(
        r.body.contains("Do you like fruit, ZZMARKER123?"),
        "{}",
        r.body
    );
    // the cookie carries id.secret
    let value = cookie.split_once('=').unwrap().1;
    let (id, secret) = value.split_once('.').unwrap();
    assert_eq!(id.len(), 44);
    assert_eq!(secret.len(), 43);
    // while running (WAL, shm) and after a checkpoint: neither the answer nor the secret
    assert!(files_containing(dir.path(), b"ZZMARKER123").is_empty());
    assert!(files_containing(dir.path(), secret.as_bytes()).is_empty());
    drop(app);
    store.close().await;
    assert!(files_containing(dir.path(), b"ZZMARKER123").is_empty());
    assert!(files_containing(dir.path(), secret.as_bytes()).is_empty());
}

#[tokio::test]
async fn right_id_wrong_secret_gets_a_fresh_session() {
    let dir = tempfile::tempdir().unwrap();
    let store = store::Store::open_dir(dir.path()).await.unwrap();
    let app = app_with(store.clone());
    let cookie = answer_name(&app, "Victim").await;
    let (name, value) = cookie.split_once('=').unwrap();
    let (id, _) = value.split_once('.').unwrap();
    let forged_secret = "A".repeat(43);
    for forged in [
        format!("{name}={id}.{forged_secret}"),
        format!("{name}={id}"),
        format!("{name}={id}.garbage"),
    ] {
        let r = send(&app, get(URL, Some(&forged))).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("What is your name?"), "{}", r.body);
        assert!(!r.body.contains("Victim"));
        let fresh = cookie_of(&r);
        assert!(!fresh.contains(id), "a new session id is issued");
        // a reset with the id alone does not delete the victim's session
        let r = send(&app, get(&format!("{URL}&reset=1"), Some(&forged))).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    // the owner still has their session
    let r = send(&app, get(URL, Some(&cookie))).await;
    assert!(r.body.contains("Do you like fruit, Victim?"), "{}", r.body);
    drop(app);
    store.close().await;
}

#[tokio::test]
async fn ciphertext_copied_from_another_session_does_not_open() {
    let dir = tempfile::tempdir().unwrap();
    let store = store::Store::open_dir(dir.path()).await.unwrap();
    let app = app_with(store.clone());
    let alice = answer_name(&app, "Alice").await;
    let mallory = answer_name(&app, "Mallory").await;
    let id_of = |c: &str| {
        c.split_once('=')
            .unwrap()
            .1
            .split_once('.')
            .unwrap()
            .0
            .to_string()
    };
    let (a, m) = (id_of(&alice), id_of(&mallory));
    let pool = sqlx_pool(dir.path()).await;
    // Mallory, with database write access, copies Alice's ciphertext (and wrapped key) into
    // her own row and opens it with her own cookie.
    sqlx_exec(
        &pool,
        &format!("UPDATE sessions SET state = (SELECT state FROM sessions WHERE id = '{a}'), wrapped_key = (SELECT wrapped_key FROM sessions WHERE id = '{a}') WHERE id = '{m}'"),
    )
    .await;
    let (store, app) = restarted(store, dir.path()).await;
    let r = send(&app, get(URL, Some(&mallory))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("Alice"), "{}", r.body);
    assert!(
        r.body.contains("What is your name?"),
        "a fresh session, no error page"
    );
    // Alice is untouched by that.
    let r = send(&app, get(URL, Some(&alice))).await;
    assert!(r.body.contains("Do you like fruit, Alice?"), "{}", r.body);
    // Only the state swapped: Alice's own secret does not open Carol's ciphertext.
    let carol = answer_name(&app, "Carol").await;
    let c = id_of(&carol);
    sqlx_exec(
        &pool,
        &format!("UPDATE sessions SET state = (SELECT state FROM sessions WHERE id = '{c}') WHERE id = '{a}'"),
    )
    .await;
    let (store, app) = restarted(store, dir.path()).await;
    let r = send(&app, get(URL, Some(&alice))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("What is your name?"), "{}", r.body);
    assert!(!r.body.contains("Internal") && !r.body.contains("Carol"));
    pool.close().await;
    drop(app);
    store.close().await;
}

/// The server started again on the same data directory: an attacker with write access to
/// the database file must wait for that (a running server holds the file exclusively and
/// keeps the rows it wrote), so the tests that tamper with rows restart the server after.
async fn restarted(store: store::Store, dir: &std::path::Path) -> (store::Store, axum::Router) {
    store.close().await;
    let store = store::Store::open_dir(dir).await.unwrap();
    let app = app_with(store.clone());
    (store, app)
}

/// A second, raw connection to the store's database (an attacker with write access).
async fn sqlx_pool(dir: &std::path::Path) -> sqlx::SqlitePool {
    let opts = sqlx::sqlite::SqliteConnectOptions::new().filename(dir.join("colloquy.sqlite3"));
    sqlx::SqlitePool::connect_with(opts).await.unwrap()
}

async fn sqlx_exec(pool: &sqlx::SqlitePool, sql: &str) {
    sqlx::query(sql).execute(pool).await.unwrap();
}

// ---------------------------------------------------------------------------------------
// Issue 5 (security): a second fake interview with action links, author script/css,
// multi_user and commands.

/// `sec:q.yml` (and `tmp:q.yml`, the same with `temporary session`).
struct SecFake {
    temporary: bool,
}

const SEC: &str = "/interview?i=sec%3Aq.yml";
const TMP: &str = "/interview?i=tmp%3Aq.yml";

impl Runner for SecFake {
    fn new_session(&self) -> SessionState {
        SessionState::new()
    }
    fn temporary_session(&self) -> bool {
        self.temporary
    }
    fn next_screen(&self, state: &mut SessionState, ctx: &RequestContext) -> Screen {
        if ctx.action.as_deref() == Some("bump") {
            let n = state
                .variables
                .get("bumps")
                .and_then(Json::as_i64)
                .unwrap_or(0);
            state.variables.insert("bumps".into(), Json::from(n + 1));
        }
        if let Some(Json::String(cmd)) = state.variables.remove("cmd") {
            return Screen::Command {
                command: engine::Command::parse(&cmd),
                url: None,
            };
        }
        let v = &state.variables;
        let Some(name) = v.get("name").and_then(Json::as_str) else {
            return Screen::Question(QuestionScreen {
                question: "Your name?".into(),
                fields: vec![field("name", "Your name", FieldKind::Text)],
                continue_label: Some("Continue".into()),
                token: "s1".into(),
                block_name: "Question_1".into(),
                ..Default::default()
            });
        };
        let bumps = v.get("bumps").and_then(Json::as_i64).unwrap_or(0);
        // Made as the engine makes action links: signed when made.
        let action = engine::links::action_link(
            "/interview?i=sec%3Aq.yml",
            ctx.sign_action.as_ref(),
            "bump",
        );
        let action = action.as_str();
        if self.temporary {
            // The final screen: nothing to answer.
            return Screen::Question(QuestionScreen {
                question: format!("Goodbye {}", server::markdown::escape(name)),
                token: "t2".into(),
                block_name: "Question_2".into(),
                ..Default::default()
            });
        }
        Screen::Question(QuestionScreen {
            question: format!("Hello {} bumps={bumps}", server::markdown::escape(name)),
            subquestion: Some(format!(
                "[Bump it]({action}) or [elsewhere](https://example.com/x?action=bump)"
            )),
            fields: vec![field("note", "Note", FieldKind::Text)],
            continue_label: Some("Continue".into()),
            menu_items: vec![("Menu bump".into(), action.into())],
            action_buttons: vec![engine::LinkView {
                label: "Button bump".into(),
                url: action.into(),
                color: None,
                icon: None,
                placement: None,
                css_class: None,
                new_window: false,
            }],
            script: Some("<script>window.AUTHOR_JS = 1;</script>".into()),
            css: Some(".author-css { color: red; }".into()),
            token: "s2".into(),
            block_name: "Question_2".into(),
            ..Default::default()
        })
    }
    fn submit(
        &self,
        state: &mut SessionState,
        form: &[(String, String)],
        _ctx: &RequestContext,
    ) -> Submitted {
        for (k, v) in form {
            match k.as_str() {
                "name" | "note" | "cmd" => {
                    state.variables.insert(k.clone(), Json::String(v.clone()));
                }
                "multi_user" => {
                    state.variables.insert(k.clone(), Json::Bool(v == "True"));
                }
                _ => {}
            }
        }
        Submitted::Accepted
    }
    fn back(&self, _state: &mut SessionState) -> bool {
        false
    }
}

fn sec_app(store: store::Store, options: server::ServerOptions, secure: bool) -> axum::Router {
    server::router(Config {
        engine: Arc::new(FakeEngine),
        store,
        files: Arc::new(DirPackageFiles { roots: vec![] }),
        secret: [9u8; 32],
        featured: vec![],
        listed: vec![],
        secure_cookies: secure,
        options,
        first_screens: Default::default(),
    })
}

fn server_key(dir: &std::path::Path) -> server::ServerOptions {
    server::ServerOptions {
        hsts: false,
        server_key: Some(Arc::new(
            store::ServerKey::load_or_create(&dir.join("keys").join("wrap.key")).unwrap(),
        )),
        request_timeout: None,
        ..Default::default()
    }
}

/// Starts `url` in a new browser and answers the name; returns (cookie, page).
async fn start_sec(app: &axum::Router, url: &str, name: &str) -> (String, String) {
    let r = send(app, get(url, None)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let cookie = cookie_of(&r);
    let csrf = csrf_of(&r.body);
    let r = send(app, post(url, &cookie, &[("_csrf", &csrf), ("name", name)])).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    (cookie, r.body)
}

/// Posts `form` (with the page's CSRF token) as the browser holding `cookie`.
async fn post_sec(app: &axum::Router, url: &str, cookie: &str, form: &[(&str, &str)]) -> Resp {
    let r = send(app, get(url, Some(cookie))).await;
    let csrf = csrf_of(&r.body);
    let mut all = vec![("_csrf", csrf.as_str())];
    all.extend_from_slice(form);
    send(app, post(url, cookie, &all)).await
}

/// The `href`s of `html` (unescaped `&amp;`).
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().replace("&amp;", "&"))
        .collect()
}

fn bumps_of(body: &str) -> i64 {
    let at = body.find("bumps=").expect("bumps shown") + 6;
    body[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn action_links_are_signed_work_once_and_cannot_be_forged_or_moved() {
    let app = sec_app(
        store::Store::open_memory().await.unwrap(),
        Default::default(),
        false,
    );
    let (cookie, page) = start_sec(&app, SEC, "Ann").await;
    assert_eq!(bumps_of(&page), 0);
    let links = hrefs(&page);
    let signed: Vec<&String> = links
        .iter()
        .filter(|h| h.starts_with("/interview?") && h.contains("action=bump"))
        .collect();
    // subquestion Markdown link, menu item, action button: all signed.
    assert_eq!(signed.len(), 3, "{links:?}");
    assert!(
        signed.iter().all(|h| h.contains("&action_sig=")),
        "{links:?}"
    );
    // A link to another site is left alone.
    assert!(links
        .iter()
        .any(|h| h == "https://example.com/x?action=bump"));
    let link = signed[0].clone();

    // Unsigned, forged, or signed for another action: ignored, the screen is shown.
    let unsigned = "/interview?i=sec%3Aq.yml&action=bump";
    let forged = format!("{unsigned}&action_sig={}", "ab".repeat(32));
    let other_action = link.replace("action=bump", "action=other");
    for url in [unsigned, forged.as_str(), other_action.as_str()] {
        let r = send(&app, get(url, Some(&cookie))).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(bumps_of(&r.body), 0, "{url} must not run");
    }
    // Another browser's session: the link is bound to the session that saw it.
    let (other, _) = start_sec(&app, SEC, "Bob").await;
    let r = send(&app, get(&link, Some(&other))).await;
    assert_eq!(
        bumps_of(&r.body),
        0,
        "a link from another session must not run"
    );

    // The real link works once …
    let r = send(&app, get(&link, Some(&cookie))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(bumps_of(&r.body), 1);
    // … and not again (the state moved on: the signature is stale).
    let r2 = send(&app, get(&link, Some(&cookie))).await;
    assert_eq!(bumps_of(&r2.body), 1, "a replayed action link must not run");
    // The fresh page carries freshly signed links that work.
    let fresh = hrefs(&r.body)
        .into_iter()
        .find(|h| h.starts_with("/interview?") && h.contains("action=bump"))
        .unwrap();
    assert_ne!(fresh, link);
    let r = send(&app, get(&fresh, Some(&cookie))).await;
    assert_eq!(bumps_of(&r.body), 2);
}

#[tokio::test]
async fn author_script_and_css_run_under_a_per_response_nonce() {
    let app = sec_app(
        store::Store::open_memory().await.unwrap(),
        Default::default(),
        false,
    );
    let (cookie, _) = start_sec(&app, SEC, "Ann").await;
    let mut nonces = Vec::new();
    for _ in 0..2 {
        let r = send(&app, get(SEC, Some(&cookie))).await;
        let csp = r
            .headers
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        let at = csp.find("script-src 'self' 'nonce-").expect("script nonce") + 25;
        let nonce = csp[at..].split('\'').next().unwrap().to_string();
        assert!(nonce.len() >= 22, "{nonce}");
        assert!(
            csp.contains(&format!("style-src 'self' 'nonce-{nonce}'")),
            "{csp}"
        );
        for d in [
            "default-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'self'",
            "form-action 'self'",
        ] {
            assert!(csp.contains(d), "{d} in {csp}");
        }
        assert!(
            r.body.contains(&format!(
                "<script nonce=\"{nonce}\">window.AUTHOR_JS = 1;</script>"
            )),
            "{}",
            r.body
        );
        assert!(r.body.contains(&format!(
            "<style nonce=\"{nonce}\">.author-css {{ color: red; }}</style>"
        )));
        nonces.push(nonce);
    }
    assert_ne!(nonces[0], nonces[1], "a fresh nonce per response");
    // A page without author script/css: no nonce at all, nothing inline allowed.
    let r = send(&app, get(URL, None)).await;
    let csp = r
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        !csp.contains("nonce-") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert!(!r.body.contains("<script") && !r.body.contains("<style"));
}

fn assert_security_headers(r: &Resp, what: &str) {
    let h = &r.headers;
    let csp = h
        .get("content-security-policy")
        .unwrap_or_else(|| panic!("{what}: no CSP"))
        .to_str()
        .unwrap();
    for d in [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'self'",
        "form-action 'self'",
    ] {
        assert!(csp.contains(d), "{what}: {d} missing in {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
    assert_eq!(
        h.get("x-content-type-options").unwrap(),
        "nosniff",
        "{what}"
    );
    assert_eq!(h.get("referrer-policy").unwrap(), "same-origin", "{what}");
    assert!(h.get("permissions-policy").is_some(), "{what}");
    assert!(h.get("cache-control").is_some(), "{what}");
    assert!(h.get("x-request-id").is_some(), "{what}");
}

#[tokio::test]
async fn every_response_has_the_security_headers_and_errors_are_generic() {
    let app = app().await;
    let r = send(&app, get(URL, None)).await;
    let cookie = cookie_of(&r);
    let big = "x".repeat(server::MAX_BODY + 10);
    let cases: Vec<(&str, Request<Body>, StatusCode)> = vec![
        ("front page", get("/", None), StatusCode::OK),
        ("interview", get(URL, None), StatusCode::OK),
        ("redirect", get("/interview", None), StatusCode::SEE_OTHER),
        ("404", get("/nope", None), StatusCode::NOT_FOUND),
        (
            "405",
            Request::delete("/interview").body(Body::empty()).unwrap(),
            StatusCode::METHOD_NOT_ALLOWED,
        ),
        (
            "413",
            post(URL, &cookie, &[("name", &big)]),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            "403",
            post(URL, &cookie, &[("name", "x")]),
            StatusCode::FORBIDDEN,
        ),
        (
            "missing interview",
            get("/interview?i=nope:x.yml", None),
            StatusCode::NOT_FOUND,
        ),
        ("static", get("/static/colloquy.css", None), StatusCode::OK),
        (
            "package static 404",
            get("/packagestatic/p/x.txt", None),
            StatusCode::NOT_FOUND,
        ),
    ];
    for (what, req, status) in cases {
        let r = send(&app, req).await;
        assert_eq!(r.status, status, "{what}: {}", r.body);
        assert_security_headers(&r, what);
        if what != "static" {
            assert_eq!(
                r.headers.get("cache-control").unwrap(),
                "no-store",
                "{what}"
            );
        }
        if status.is_client_error() || status.is_server_error() {
            // A generic HTML page with the request id; no framework internals.
            let id = r.headers.get("x-request-id").unwrap().to_str().unwrap();
            assert!(r.body.contains("<!DOCTYPE html>"), "{what}: {}", r.body);
            assert!(
                r.body.contains(&format!("Reference: <code>{id}</code>")),
                "{what}: {}",
                r.body
            );
            for internal in [
                "Failed to buffer",
                "length limit",
                "axum",
                "sqlx",
                "panicked",
            ] {
                assert!(
                    !r.body.contains(internal),
                    "{what}: {internal} in {}",
                    r.body
                );
            }
        }
    }
}

#[tokio::test]
async fn cookies_get_host_prefix_and_secure_over_tls_and_hsts_when_configured() {
    // Plain HTTP (development): no prefix, no Secure, no HSTS.
    let app = sec_app(
        store::Store::open_memory().await.unwrap(),
        Default::default(),
        false,
    );
    let r = send(&app, get(SEC, None)).await;
    let set = r.headers.get(header::SET_COOKIE).unwrap().to_str().unwrap();
    assert!(set.starts_with("colloquy_"), "{set}");
    assert!(!set.contains("Secure"));
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/"));
    assert!(r.headers.get("strict-transport-security").is_none());

    // Behind TLS: __Host- prefix, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain; HSTS.
    let opts = server::ServerOptions {
        hsts: true,
        server_key: None,
        request_timeout: None,
        ..Default::default()
    };
    let app = sec_app(store::Store::open_memory().await.unwrap(), opts, true);
    let r = send(&app, get(SEC, None)).await;
    let set = r.headers.get(header::SET_COOKIE).unwrap().to_str().unwrap();
    assert!(set.starts_with("__Host-colloquy_"), "{set}");
    for part in ["; Secure", "; HttpOnly", "; SameSite=Lax", "; Path=/"] {
        assert!(set.contains(part), "{part} in {set}");
    }
    assert!(!set.to_ascii_lowercase().contains("domain="), "{set}");
    assert_eq!(
        r.headers.get("strict-transport-security").unwrap(),
        "max-age=31536000; includeSubDomains"
    );
    // The prefixed cookie is the one read back.
    let cookie = set.split(';').next().unwrap().to_string();
    let csrf = csrf_of(&r.body);
    let r = send(
        &app,
        post(SEC, &cookie, &[("_csrf", &csrf), ("name", "Tls")]),
    )
    .await;
    assert!(r.body.contains("Hello Tls"), "{}", r.body);
    // HSTS on errors too.
    let r = send(&app, get("/nope", None)).await;
    assert!(r.headers.get("strict-transport-security").is_some());
    // The unprefixed name is not accepted in its place (it could be planted over HTTP).
    let plain = cookie.trim_start_matches("__Host-").to_string();
    let r = send(&app, get(SEC, Some(&plain))).await;
    assert!(r.body.contains("Your name?"), "{}", r.body);
}

/// The id part of a session cookie `name=id.secret`.
fn id_of(cookie: &str) -> String {
    cookie
        .split_once('=')
        .unwrap()
        .1
        .split_once('.')
        .unwrap()
        .0
        .to_string()
}

#[tokio::test]
async fn multi_user_sessions_can_be_joined_by_url_and_closed_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = store::Store::open_dir(dir.path()).await.unwrap();
    let app = sec_app(store.clone(), server_key(dir.path()), false);
    let (alice, page) = start_sec(&app, SEC, "MULTIMARK").await;
    assert!(page.contains("Hello MULTIMARK"));
    let id = id_of(&alice);
    let join = format!("{SEC}&session={id}");

    // Not shared: the session's URL alone gives another browser nothing.
    let r = send(&app, get(&join, None)).await;
    assert!(
        r.body.contains("Your name?") && !r.body.contains("MULTIMARK"),
        "{}",
        r.body
    );

    // Alice's answers set multi_user = True: the key is re-wrapped with the server key.
    let r = post_sec(&app, SEC, &alice, &[("multi_user", "True")]).await;
    assert!(r.body.contains("Hello MULTIMARK"), "{}", r.body);
    // Bob joins with the URL and gets his own cookie for the same session.
    let r = send(&app, get(&join, None)).await;
    assert!(r.body.contains("Hello MULTIMARK"), "{}", r.body);
    let bob = cookie_of(&r);
    assert_eq!(id_of(&bob), id);
    assert_ne!(bob, alice, "Bob has his own cookie secret");
    // Bob can answer in the shared session; Alice sees it.
    let r = post_sec(&app, SEC, &bob, &[("name", "MULTIMARK Bob")]).await;
    assert!(r.body.contains("Hello MULTIMARK Bob"), "{}", r.body);
    let r = send(&app, get(SEC, Some(&alice))).await;
    assert!(r.body.contains("Hello MULTIMARK Bob"), "{}", r.body);
    // Shared, but still encrypted at rest.
    assert!(files_containing(dir.path(), b"MULTIMARK").is_empty());

    // Alice turns sharing off: the key is wrapped by Alice's cookie secret again.
    let r = post_sec(&app, SEC, &alice, &[("multi_user", "False")]).await;
    assert!(r.body.contains("Hello MULTIMARK Bob"), "{}", r.body);
    let r = send(&app, get(SEC, Some(&bob))).await;
    assert!(
        r.body.contains("Your name?") && !r.body.contains("MULTIMARK"),
        "{}",
        r.body
    );
    let r = send(&app, get(&join, None)).await;
    assert!(
        r.body.contains("Your name?") && !r.body.contains("MULTIMARK"),
        "{}",
        r.body
    );
    let r = send(&app, get(SEC, Some(&alice))).await;
    assert!(r.body.contains("Hello MULTIMARK Bob"), "{}", r.body);
    drop(app);
    store.close().await;
}

#[tokio::test]
async fn multi_user_without_a_server_key_stays_private() {
    let app = sec_app(
        store::Store::open_memory().await.unwrap(),
        Default::default(),
        false,
    );
    let (alice, _) = start_sec(&app, SEC, "Private").await;
    post_sec(&app, SEC, &alice, &[("multi_user", "True")]).await;
    let r = send(&app, get(&format!("{SEC}&session={}", id_of(&alice)), None)).await;
    assert!(r.body.contains("Your name?") && !r.body.contains("Private"));
}

/// Raw pieces (32 bytes after the format byte) of every stored ciphertext and wrapped key.
async fn stored_pieces(dir: &std::path::Path) -> Vec<Vec<u8>> {
    let pool = sqlx_pool(dir).await;
    let mut out = Vec::new();
    for q in [
        "SELECT state AS b FROM sessions",
        "SELECT wrapped_key AS b FROM sessions",
    ] {
        for row in sqlx::query(q).fetch_all(&pool).await.unwrap() {
            let b: Vec<u8> = sqlx::Row::get(&row, "b");
            out.push(b[1..33].to_vec());
        }
    }
    pool.close().await;
    out
}

#[tokio::test]
async fn exit_restart_and_delete_my_answers_leave_no_trace() {
    for how in ["exit", "exit_logout", "restart", "delete my answers"] {
        let dir = tempfile::tempdir().unwrap();
        let store = store::Store::open_dir(dir.path()).await.unwrap();
        let app = sec_app(store.clone(), server_key(dir.path()), false);
        let (cookie, _) = start_sec(&app, SEC, "EXITMARK42").await;
        assert_eq!(store.session_count().await.unwrap(), 1);
        let pieces = stored_pieces(dir.path()).await;
        assert_eq!(pieces.len(), 2);
        for p in &pieces {
            assert!(!files_containing(dir.path(), p).is_empty(), "{how}: setup");
        }
        let r = if how == "delete my answers" {
            // The link leads to a confirmation page; the GET deletes nothing.
            let page = send(&app, get(SEC, Some(&cookie))).await.body;
            let link = hrefs(&page)
                .into_iter()
                .find(|h| h.contains("_delete=1"))
                .expect("an Erase my answers link");
            let r = send(&app, get(&link, Some(&cookie))).await;
            assert!(r.body.contains("Erase my answers"), "{}", r.body);
            assert_eq!(store.session_count().await.unwrap(), 1);
            // Without the CSRF token: refused, nothing deleted.
            let r = send(&app, post(SEC, &cookie, &[("_delete_answers", "1")])).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN);
            assert_eq!(store.session_count().await.unwrap(), 1);
            post_sec(&app, SEC, &cookie, &[("_delete_answers", "1")]).await
        } else {
            post_sec(&app, SEC, &cookie, &[("cmd", how)]).await
        };
        let set = r
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect::<Vec<_>>();
        if how == "restart" {
            assert_eq!(r.status, StatusCode::SEE_OTHER);
            // A new session (new id, new keys) replaces the old one.
            assert_eq!(store.session_count().await.unwrap(), 1);
            assert!(set.iter().any(|c| !c.contains(&id_of(&cookie))));
        } else {
            assert!(
                set.iter().any(|c| c.contains("Max-Age=0")),
                "{how}: {set:?}"
            );
            assert_eq!(store.session_count().await.unwrap(), 0, "{how}");
        }
        // No trace: neither the answer nor the old ciphertext or wrapped key, in any file
        // of the data directory (database, -wal, -shm, key files).
        assert!(
            files_containing(dir.path(), b"EXITMARK42").is_empty(),
            "{how}"
        );
        for p in &pieces {
            assert_eq!(
                files_containing(dir.path(), p),
                Vec::<String>::new(),
                "{how}"
            );
        }
        // The old cookie opens nothing.
        let r = send(&app, get(SEC, Some(&cookie))).await;
        assert!(r.body.contains("Your name?"), "{how}: {}", r.body);
        drop(app);
        store.close().await;
        assert!(
            files_containing(dir.path(), b"EXITMARK42").is_empty(),
            "{how}"
        );
    }
}

#[tokio::test]
async fn leave_keeps_the_answers() {
    let store = store::Store::open_memory().await.unwrap();
    let app = sec_app(store.clone(), Default::default(), false);
    let (cookie, _) = start_sec(&app, SEC, "Stays").await;
    let r = post_sec(&app, SEC, &cookie, &[("cmd", "leave")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(store.session_count().await.unwrap(), 1);
    let r = send(&app, get(SEC, Some(&cookie))).await;
    assert!(r.body.contains("Hello Stays"), "{}", r.body);
}

#[tokio::test]
async fn temporary_session_keeps_nothing_once_finished_and_never_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let store = store::Store::open_dir(dir.path()).await.unwrap();
    let app = sec_app(store.clone(), Default::default(), false);
    // Never resumed: a second visit with the cookie starts afresh and deletes the old one.
    let r = send(&app, get(TMP, None)).await;
    let first = cookie_of(&r);
    assert_eq!(store.session_count().await.unwrap(), 1);
    let r = send(&app, get(TMP, Some(&first))).await;
    assert!(r.body.contains("Your name?"));
    let second = cookie_of(&r);
    assert_ne!(id_of(&first), id_of(&second));
    assert_eq!(store.session_count().await.unwrap(), 1);
    // Finished: the final screen is shown, and nothing is kept.
    let csrf = csrf_of(&r.body);
    let r = send(
        &app,
        post(TMP, &second, &[("_csrf", &csrf), ("name", "TEMPMARK")]),
    )
    .await;
    assert!(r.body.contains("Goodbye TEMPMARK"), "{}", r.body);
    assert!(r
        .headers
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert_eq!(store.session_count().await.unwrap(), 0);
    assert!(files_containing(dir.path(), b"TEMPMARK").is_empty());
    drop(app);
    store.close().await;
}

#[tokio::test]
async fn tampered_or_garbage_cookies_give_a_fresh_session_never_an_error() {
    let app = sec_app(
        store::Store::open_memory().await.unwrap(),
        Default::default(),
        false,
    );
    let (cookie, _) = start_sec(&app, SEC, "Real").await;
    let (name, value) = cookie.split_once('=').unwrap();
    let mut flipped = value.as_bytes().to_vec();
    let last = flipped.len() - 2;
    flipped[last] = if flipped[last] == b'A' { b'B' } else { b'A' };
    let flipped = String::from_utf8(flipped).unwrap();
    for bad in [
        format!("{name}={flipped}"),
        format!("{name}=%%%"),
        format!("{name}={}", "x".repeat(5000)),
        format!("{name}=.{}", "A".repeat(43)),
        format!("{name}={value}.extra"),
    ] {
        let r = send(&app, get(SEC, Some(&bad))).await;
        assert_eq!(r.status, StatusCode::OK, "{bad}");
        assert!(r.body.contains("Your name?"), "{bad}: {}", r.body);
        assert!(r.headers.get(header::SET_COOKIE).is_some());
        let r = send(&app, post(SEC, &bad, &[("_csrf", "00"), ("name", "x")])).await;
        assert!(
            r.status == StatusCode::SEE_OTHER || r.status == StatusCode::FORBIDDEN,
            "{bad}: {}",
            r.status
        );
    }
}
