#![allow(clippy::unwrap_used, clippy::expect_used)]
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
use server::{Config, DirPackageFiles, Engine, Listed, Runner};
use tower::ServiceExt;

struct FakeEngine;
struct Fake;

impl Engine for FakeEngine {
    fn load(&self, reference: &str) -> Result<Arc<dyn Runner>, String> {
        if reference == "demo:q.yml" {
            Ok(Arc::new(Fake))
        } else {
            Err(format!("{reference}: interview not found"))
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
                command: "exit".into(),
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
    assert!(r.body.contains("nope:x.yml: interview not found"));
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

#[tokio::test]
async fn body_limit() {
    let app = app().await;
    let r = send(&app, get(URL, None)).await;
    let cookie = cookie_of(&r);
    let big = "x".repeat(server::MAX_BODY + 10);
    let r = send(&app, post(URL, &cookie, &[("name", &big)])).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// Files of `dir` (database, WAL, shm) that contain `needle`.
fn files_containing(dir: &std::path::Path, needle: &[u8]) -> Vec<String> {
    let mut hits = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if let Ok(bytes) = std::fs::read(&path) {
            if bytes.windows(needle.len()).any(|w| w == needle) {
                hits.push(path.display().to_string());
            }
        }
    }
    hits
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
    assert_eq!(id.len(), 32);
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
    let r = send(&app, get(URL, Some(&alice))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("What is your name?"), "{}", r.body);
    assert!(!r.body.contains("Internal") && !r.body.contains("Carol"));
    pool.close().await;
    drop(app);
    store.close().await;
}

/// A second, raw connection to the store's database (an attacker with write access).
async fn sqlx_pool(dir: &std::path::Path) -> sqlx::SqlitePool {
    let opts = sqlx::sqlite::SqliteConnectOptions::new().filename(dir.join("colloquy.sqlite3"));
    sqlx::SqlitePool::connect_with(opts).await.unwrap()
}

async fn sqlx_exec(pool: &sqlx::SqlitePool, sql: &str) {
    sqlx::query(sql).execute(pool).await.unwrap();
}
