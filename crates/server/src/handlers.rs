//! Route handlers: the front page and `GET/POST /interview?i=…`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use engine::{RequestContext, Screen, SessionState, Submitted};
use store::{CookieSecret, DataKey, KeyWrapper, Openers, StoreError, WrapKind};

use crate::render::{self, FormContext, PageExtras};
use crate::security::{
    self, action_token, action_token_ok, cookie_name_for, csrf_ok, csrf_token, new_session_id,
    read_session_cookie, valid_session_id, ACTION_SIG,
};
use crate::{App, Runner};

/// Most form fields accepted in one post.
const MAX_FORM_FIELDS: usize = 2000;

/// Query parameters that are docassemble's own (not copied to `url_args`).
const RESERVED: &[&str] = &[
    "i",
    "session",
    "new_session",
    "reset",
    "cache",
    "action",
    "from_list",
    "json",
    "js_target",
    ACTION_SIG,
    DELETE_PARAM,
];

/// Query parameter of the "Erase my answers" confirmation page (`…&_delete=1`).
const DELETE_PARAM: &str = "_delete";

/// Form field of the confirmation page's button that deletes the session.
const DELETE_FIELD: &str = "_delete_answers";

/// `GET /`.
pub async fn front_page(State(app): State<App>) -> Response {
    Html(render::front_page(&app.featured, &app.listed)).into_response()
}

/// Anything else: 404.
pub async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html(render::message_page(
            "Not found",
            "There is no page at this address.",
        )),
    )
        .into_response()
}

#[derive(Default)]
struct Query {
    i: Option<String>,
    reset: bool,
    action: Option<String>,
    /// The signature of `action` ([`ACTION_SIG`]).
    action_sig: Option<String>,
    /// `session=<id>`: join a `multi_user` session (docassemble's `interview_url()`).
    session: Option<String>,
    /// `_delete=1`: show the "Erase my answers" confirmation.
    delete: bool,
    args: Vec<(String, String)>,
}

fn parse_query(raw: Option<&str>) -> Query {
    let mut q = Query::default();
    for (k, v) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        match k.as_ref() {
            "i" => q.i = Some(v.trim().to_string()),
            "reset" => q.reset = true,
            "action" => q.action = Some(v.into_owned()),
            ACTION_SIG => q.action_sig = Some(v.into_owned()),
            "session" => q.session = Some(v.into_owned()).filter(|s| valid_session_id(s)),
            DELETE_PARAM => q.delete = true,
            k if RESERVED.contains(&k) || k.starts_with("utm_") => {}
            _ => q.args.push((k.into_owned(), v.into_owned())),
        }
    }
    q
}

fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let host: String = host
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(*c))
        .collect();
    format!("http://{host}")
}

fn with_headers(mut res: Response, cookie: Option<String>) -> Response {
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(c) = cookie {
        if let Ok(v) = HeaderValue::from_str(&c) {
            h.append(header::SET_COOKIE, v);
        }
    }
    res
}

fn see_other(url: &str, cookie: Option<String>) -> Response {
    with_headers(Redirect::to(url).into_response(), cookie)
}

fn error_response(status: StatusCode, message: &str, reference: Option<&str>) -> Response {
    let restart = reference.map(|r| format!("{}&reset=1", render::start_url(r)));
    with_headers(
        (
            status,
            Html(render::error_page(message, restart.as_deref())),
        )
            .into_response(),
        None,
    )
}

fn internal_error() -> Response {
    error_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        "An internal error occurred. Please try again later.",
        None,
    )
}

async fn load_runner(app: &App, reference: &str) -> Result<Arc<dyn Runner>, Response> {
    let engine = app.engine.clone();
    let r = reference.to_string();
    match tokio::task::spawn_blocking(move || engine.load(&r)).await {
        Ok(Ok(runner)) => Ok(runner),
        Ok(Err(message)) => {
            tracing::warn!(interview = ?reference, "interview failed to load");
            Err(error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                &message,
                None,
            ))
        }
        Err(_) => {
            tracing::error!(interview = ?reference, "interview loader panicked");
            Err(internal_error())
        }
    }
}

/// A session as loaded for one request.
struct Live {
    id: String,
    /// `None` when the session is new (not yet in the store).
    version: Option<i64>,
    /// The JSON the state had when loaded (to skip saving when nothing changed).
    original: String,
    state: SessionState,
    /// Whether the cookie must be (re)set on the response.
    set_cookie: bool,
    /// The session's data key (zeroized on drop).
    key: DataKey,
    /// The cookie secret that wraps `key` (travels only in the cookie; zeroized on drop).
    secret: CookieSecret,
    /// What `key` is wrapped by in the store now.
    wrapped_by: WrapKind,
}

impl Live {
    /// A new session not yet in the store, with a fresh data key and cookie secret.
    fn fresh(runner: &Arc<dyn Runner>) -> Result<Live, StoreError> {
        Ok(Live {
            id: new_session_id(),
            version: None,
            original: String::new(),
            state: runner.new_session(),
            set_cookie: true,
            key: DataKey::generate()?,
            secret: CookieSecret::generate()?,
            wrapped_by: WrapKind::Cookie,
        })
    }

    /// The `Set-Cookie` value carrying this session's id and secret.
    fn cookie(&self, name: &str, secure: bool) -> String {
        security::session_cookie(name, &self.id, &self.secret, secure)
    }
}

/// Turns a loaded row into a [`Live`] session, or `None` if its state does not parse.
async fn live_from(
    app: &App,
    reference: &str,
    s: store::Session,
    secret: CookieSecret,
    set_cookie: bool,
) -> Option<Live> {
    let text = String::from_utf8(s.state).unwrap_or_default();
    match SessionState::from_json_str(&text) {
        Ok(state) => Some(Live {
            id: s.id,
            version: Some(s.version),
            original: text,
            state,
            set_cookie,
            key: s.key,
            secret,
            wrapped_by: s.wrapped_by,
        }),
        Err(_) => {
            tracing::warn!(interview = ?reference, "stored session unreadable; starting afresh");
            let _ = app.store.delete(&s.id).await;
            None
        }
    }
}

/// Opens this browser's session of the interview, or, with `join` (the `session=<id>` of
/// docassemble's `interview_url()`), a `multi_user` session another browser shares — which
/// opens only while that session's key is wrapped by the server key. Anything that does
/// not open (no cookie, a tampered or stale cookie, an id without its secret) gives a new
/// session, never an error.
async fn open_session(
    app: &App,
    headers: &HeaderMap,
    reference: &str,
    runner: &Arc<dyn Runner>,
    join: Option<&str>,
) -> Result<Live, Response> {
    let cookie = cookie_name_for(reference, app.secure_cookies);
    let from_cookie = read_session_cookie(headers, &cookie);
    let server = app.options.server_key.as_deref();
    if let Some(join_id) = join {
        if from_cookie.as_ref().map(|(id, _)| id.as_str()) != Some(join_id) {
            let openers = Openers {
                cookie: None,
                server,
            };
            match app.store.load_either(join_id, openers).await {
                Ok(Some(s)) if s.interview == reference => {
                    // This browser gets its own cookie secret for the shared session: it
                    // wraps the key again if this browser turns `multi_user` off.
                    let secret = match CookieSecret::generate() {
                        Ok(x) => x,
                        Err(e) => {
                            tracing::error!(error = %e, "could not make session keys");
                            return Err(internal_error());
                        }
                    };
                    if let Some(live) = live_from(app, reference, s, secret, true).await {
                        tracing::info!(interview = ?reference, "joined a multi_user session");
                        return Ok(live);
                    }
                }
                Ok(_) | Err(StoreError::Locked) | Err(StoreError::Sealed(_)) => {
                    tracing::warn!(interview = ?reference, "session parameter does not open a shared session; ignored");
                }
                Err(e) => {
                    tracing::error!(error = %e, "session load failed");
                    return Err(internal_error());
                }
            }
        }
    }
    if let Some((id, secret)) = from_cookie {
        let openers = Openers {
            cookie: Some(&secret),
            server,
        };
        match app.store.load_either(&id, openers).await {
            Ok(Some(s)) if s.interview == reference => {
                if let Some(live) = live_from(app, reference, s, secret, false).await {
                    return Ok(live);
                }
            }
            Ok(_) => {}
            // A wrong or tampered secret, or state that does not authenticate: the holder
            // of this cookie cannot open the session. Start a new one; leave the row alone
            // (whoever has the right secret may still use it).
            Err(StoreError::Locked) | Err(StoreError::Sealed(_)) => {
                tracing::warn!(interview = ?reference, "session cookie does not open its session; starting afresh");
            }
            Err(e) => {
                tracing::error!(error = %e, "session load failed");
                return Err(internal_error());
            }
        }
    }
    Live::fresh(runner).map_err(|e| {
        tracing::error!(error = %e, "could not make session keys");
        internal_error()
    })
}

/// Whether the answers ask for sharing (`multi_user = True`) and the server can honour it.
fn wants_server_key(app: &App, live: &Live, reference: &str) -> bool {
    let asked = live.state.variables.get("multi_user") == Some(&serde_json::Value::Bool(true));
    if asked && app.options.server_key.is_none() {
        tracing::warn!(interview = ?reference, variable = "multi_user", "multi_user is set but the server has no server key; the session stays cookie-wrapped");
    }
    asked && app.options.server_key.is_some()
}

/// Saves the state if it changed; a new session is created. The data key is wrapped by
/// the server key while the answers say `multi_user = True`, by the cookie secret
/// otherwise; a change re-wraps it in the same update.
async fn persist(app: &App, reference: &str, live: &mut Live) -> Result<(), StoreError> {
    let json = live.state.to_json_string();
    let share = wants_server_key(app, live, reference);
    let server = app.options.server_key.clone();
    let wrapper = match (&server, share) {
        (Some(k), true) => KeyWrapper::Server(k),
        _ => KeyWrapper::Cookie(&live.secret),
    };
    let kind = if matches!(wrapper, KeyWrapper::Server(_)) {
        WrapKind::Server
    } else {
        WrapKind::Cookie
    };
    match live.version {
        None => {
            let v = app
                .store
                .create(&live.id, reference, json.as_bytes(), &live.key, wrapper)
                .await?;
            live.version = Some(v);
        }
        Some(v) if kind != live.wrapped_by => {
            let nv = app
                .store
                .save_rewrapped(&live.id, v, json.as_bytes(), &live.key, Some(wrapper))
                .await?;
            tracing::info!(interview = ?reference, variable = "multi_user", shared = share, "session key re-wrapped");
            live.version = Some(nv);
        }
        Some(v) if json != live.original => {
            let nv = app
                .store
                .save(&live.id, v, json.as_bytes(), &live.key)
                .await?;
            live.version = Some(nv);
        }
        Some(_) => return Ok(()),
    }
    live.wrapped_by = kind;
    live.original = json;
    Ok(())
}

fn context(headers: &HeaderMap, interview_url: &str, action: Option<String>, session_id: &str) -> RequestContext {
    RequestContext {
        now: chrono::Local::now().naive_local(),
        base_url: base_url(headers),
        interview_url: interview_url.to_string(),
        action,
        session_id: Some(session_id.to_string()),
    }
}

enum Step {
    Show,
    Back,
    Submit(Vec<(String, String)>),
}

/// Runs the engine for one request on a blocking thread. Returns the screen and whether
/// the state should be stored.
async fn run_engine(
    runner: Arc<dyn Runner>,
    mut state: SessionState,
    ctx: RequestContext,
    step: Step,
) -> Option<(Screen, SessionState, bool)> {
    tokio::task::spawn_blocking(move || {
        match step {
            Step::Show => {}
            Step::Back => {
                runner.back(&mut state);
            }
            Step::Submit(form) => {
                if let Submitted::Invalid(screen) = runner.submit(&mut state, &form, &ctx) {
                    return (screen, state, false);
                }
            }
        }
        let screen = runner.next_screen(&mut state, &ctx);
        (screen, state, true)
    })
    .await
    .ok()
}

/// `GET /interview?i=…[&reset=1|2][&action=…&action_sig=…][&session=…][&_delete=1]`.
///
/// A GET changes no answers by itself: an `action` runs only with a valid signature
/// ([`security::action_token`]) for this session at its current version; anything else is
/// ignored and the current screen is shown.
pub async fn interview_get(
    State(app): State<App>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let q = parse_query(raw.as_deref());
    let Some(reference) = q.i.clone().filter(|r| !r.is_empty()) else {
        return see_other("/", None);
    };
    let interview_url = render::start_url(&reference);
    let cookie = cookie_name_for(&reference, app.secure_cookies);
    if q.reset {
        // Forget this browser's session of the interview, then show a clean URL (so a
        // reload does not reset again).
        // Only the holder of the secret may delete: an id alone opens nothing.
        if let Some((id, secret)) = read_session_cookie(&headers, &cookie) {
            if let Ok(Some(_)) = app.store.load(&id, KeyWrapper::Cookie(&secret)).await {
                if let Err(e) = app.store.delete(&id).await {
                    tracing::error!(error = %e, "session delete failed");
                }
            }
        }
        let mut url = interview_url.clone();
        for (k, v) in &q.args {
            url.push('&');
            url.push_str(
                &form_urlencoded::Serializer::new(String::new())
                    .append_pair(k, v)
                    .finish(),
            );
        }
        return see_other(
            &url,
            Some(security::expired_cookie(&cookie, app.secure_cookies)),
        );
    }
    let runner = match load_runner(&app, &reference).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    for attempt in 0..3 {
        let mut live =
            match open_session(&app, &headers, &reference, &runner, q.session.as_deref()).await {
                Ok(l) => l,
                Err(res) => return res,
            };
        if q.delete {
            if live.version.is_none() {
                return see_other(&interview_url, None);
            }
            let csrf = csrf_token(&app.secret, &live.id);
            let html = render::delete_confirm_page(&FormContext {
                action: &interview_url,
                csrf: &csrf,
            });
            let c = live
                .set_cookie
                .then(|| live.cookie(&cookie, app.secure_cookies));
            return with_headers(Html(html).into_response(), c);
        }
        let action = match (&q.action, live.version) {
            (None, _) => None,
            (Some(a), Some(v))
                if q.action_sig
                    .as_deref()
                    .is_some_and(|t| action_token_ok(&app.secret, &live.id, v, a, t)) =>
            {
                Some(a.clone())
            }
            (Some(_), _) => {
                tracing::warn!(interview = ?reference, "action link without a valid signature ignored");
                None
            }
        };
        if runner.temporary_session() && action.is_none() && live.version.is_some() {
            // `temporary session`: a visit never resumes an old session.
            if let Err(e) = app.store.delete(&live.id).await {
                tracing::error!(error = %e, "session delete failed");
                return internal_error();
            }
            live = match Live::fresh(&runner) {
                Ok(l) => l,
                Err(e) => {
                    tracing::error!(error = %e, "could not make session keys");
                    return internal_error();
                }
            };
        }
        for (k, v) in &q.args {
            live.state
                .url_args
                .insert(k.clone(), serde_json::Value::String(v.clone()));
        }
        let ctx = context(&headers, &interview_url, action, &live.id);
        let state = std::mem::take(&mut live.state);
        let Some((screen, state, _)) = run_engine(runner.clone(), state, ctx, Step::Show).await
        else {
            tracing::error!(interview = ?reference, "engine panicked");
            return internal_error();
        };
        live.state = state;
        match respond(
            &app,
            &reference,
            &interview_url,
            runner.clone(),
            &mut live,
            screen,
            true,
        )
        .await
        {
            Err(StoreError::Conflict) if attempt < 2 => continue,
            Err(e) => {
                tracing::error!(error = %e, "session save failed");
                return internal_error();
            }
            Ok(res) => return res,
        }
    }
    internal_error()
}

/// `POST /interview?i=…`: an answer, a button, or Back.
pub async fn interview_post(
    State(app): State<App>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Bytes,
) -> Response {
    let q = parse_query(raw.as_deref());
    let Some(reference) = q.i.clone().filter(|r| !r.is_empty()) else {
        return see_other("/", None);
    };
    let interview_url = render::start_url(&reference);
    let mut form: Vec<(String, String)> = Vec::new();
    for (k, v) in form_urlencoded::parse(&body) {
        if form.len() >= MAX_FORM_FIELDS {
            return error_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The form has too many fields.",
                Some(&reference),
            );
        }
        form.push((k.into_owned(), v.into_owned()));
    }
    let runner = match load_runner(&app, &reference).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    let mut live = match open_session(&app, &headers, &reference, &runner, None).await {
        Ok(l) => l,
        Err(res) => return res,
    };
    if live.version.is_none() {
        // No session (expired, exited, or cookies off): show the interview from the start.
        return see_other(&interview_url, None);
    }
    let token = form
        .iter()
        .find(|(k, _)| k == "_csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    if !csrf_ok(&app.secret, &live.id, token) {
        tracing::warn!(interview = ?reference, "POST with a missing or wrong CSRF token refused");
        let res = (
            StatusCode::FORBIDDEN,
            Html(render::message_page(
                "Form expired",
                "This form is no longer valid. Please reload the page and try again.",
            )),
        )
            .into_response();
        return with_headers(res, None);
    }
    form.retain(|(k, _)| k != "_csrf");
    if form.iter().any(|(k, _)| k == DELETE_FIELD) {
        // "Erase my answers": the session row, its files and history, in one transaction.
        if let Err(e) = app.store.delete(&live.id).await {
            tracing::error!(error = %e, "session delete failed");
            return internal_error();
        }
        tracing::info!(interview = ?reference, "answers deleted by the user");
        let cookie = cookie_name_for(&reference, app.secure_cookies);
        let res = Html(render::message_page(
            "Your answers have been erased",
            "Everything you entered in this interview has been erased.",
        ))
        .into_response();
        return with_headers(
            res,
            Some(security::expired_cookie(&cookie, app.secure_cookies)),
        );
    }
    // A multi-select list posts the field names of its chosen options (see render).
    for (k, v) in form.iter_mut() {
        if k == render::MULTISELECT {
            *k = std::mem::take(v);
            *v = "True".to_string();
        }
    }
    let step = if form.iter().any(|(k, _)| k == "_back_one") {
        Step::Back
    } else {
        Step::Submit(form)
    };
    let ctx = context(&headers, &interview_url, None, &live.id);
    let state = std::mem::take(&mut live.state);
    let Some((screen, state, store_it)) = run_engine(runner.clone(), state, ctx, step).await else {
        tracing::error!(interview = ?reference, "engine panicked");
        return internal_error();
    };
    live.state = state;
    match respond(
        &app,
        &reference,
        &interview_url,
        runner,
        &mut live,
        screen,
        store_it,
    )
    .await
    {
        Ok(res) => res,
        Err(StoreError::Conflict) | Err(StoreError::NotFound) => {
            let res = (
                StatusCode::CONFLICT,
                Html(render::message_page(
                    "Answers changed elsewhere",
                    "This interview was changed in another window. Please reload the page.",
                )),
            )
                .into_response();
            with_headers(res, None)
        }
        Err(e) => {
            tracing::error!(error = %e, "session save failed");
            internal_error()
        }
    }
}

/// Whether a screen is an end of the interview: nothing to answer, no button to press.
fn is_final(q: &engine::QuestionScreen) -> bool {
    q.buttons.is_empty()
        && q.continue_label.is_none()
        && q.fields
            .iter()
            .all(|f| matches!(f.kind, engine::FieldKind::Note | engine::FieldKind::Html))
}

/// Signs the action links of this session (at its current version) in `html`.
fn sign_links(app: &App, live: &Live, html: &str) -> String {
    let version = live.version.unwrap_or(0);
    let sign = |action: &str| action_token(&app.secret, &live.id, version, action);
    security::sign_action_links(html, &sign)
}

/// A redirect target with its action link (if it is one) signed for this session.
fn sign_target(app: &App, live: &Live, url: &str) -> String {
    let version = live.version.unwrap_or(0);
    let sign = |action: &str| action_token(&app.secret, &live.id, version, action);
    security::sign_url(url, &sign)
}

/// Turns a screen into a response, storing the state first when asked.
async fn respond(
    app: &App,
    reference: &str,
    interview_url: &str,
    runner: Arc<dyn Runner>,
    live: &mut Live,
    screen: Screen,
    store_it: bool,
) -> Result<Response, StoreError> {
    let cookie_name = cookie_name_for(reference, app.secure_cookies);
    let secure = app.secure_cookies;
    let temporary = runner.temporary_session();
    match screen {
        Screen::Question(q) => {
            let finished = temporary && is_final(&q);
            if store_it && !finished {
                persist(app, reference, live).await?;
            }
            tracing::debug!(interview = ?reference, block = %q.block_name, "question");
            let csrf = csrf_token(&app.secret, &live.id);
            let wants_nonce = q.script.as_deref().is_some_and(|t| !t.trim().is_empty())
                || q.css.as_deref().is_some_and(|t| !t.trim().is_empty());
            let nonce = wants_nonce.then(security::new_nonce);
            let delete_url = format!("{interview_url}&{DELETE_PARAM}=1");
            let html = render::question_page_with(
                &q,
                &FormContext {
                    action: interview_url,
                    csrf: &csrf,
                },
                &PageExtras {
                    nonce: nonce.as_deref(),
                    delete_url: (live.version.is_some() && !finished)
                        .then_some(delete_url.as_str()),
                },
            );
            let html = if live.version.is_some() && !finished {
                sign_links(app, live, &html)
            } else {
                html
            };
            let cookie = if finished {
                // `temporary session`: the final screen is shown from memory; nothing of
                // the session is kept.
                if live.version.is_some() {
                    app.store.delete(&live.id).await?;
                }
                tracing::info!(interview = ?reference, "temporary session finished and deleted");
                Some(security::expired_cookie(&cookie_name, secure))
            } else if live.set_cookie && live.version.is_some() {
                Some(live.cookie(&cookie_name, secure))
            } else {
                None
            };
            let mut res = with_headers(Html(html).into_response(), cookie);
            if let Some(n) = &nonce {
                if let Ok(v) = HeaderValue::from_str(&security::csp_with_nonce(n)) {
                    res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
                }
            }
            Ok(res)
        }
        Screen::Error { message } => {
            tracing::warn!(interview = ?reference, "interview error");
            Ok(error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                &message,
                Some(reference),
            ))
        }
        Screen::Response { content_type, body } => {
            persist(app, reference, live).await?;
            let mut res = body.into_response();
            let ct = HeaderValue::from_str(&content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream"));
            res.headers_mut().insert(header::CONTENT_TYPE, ct);
            let cookie = live.set_cookie.then(|| live.cookie(&cookie_name, secure));
            Ok(with_headers(res, cookie))
        }
        Screen::Command { command, url } => {
            tracing::info!(interview = ?reference, command = %command, "command");
            match command.as_str() {
                "exit" | "logout" | "exit_logout" => {
                    // The session row, its files and history, in one transaction.
                    if live.version.is_some() {
                        app.store.delete(&live.id).await?;
                    }
                    let target = url.unwrap_or_else(|| "/".into());
                    Ok(see_other(
                        &target,
                        Some(security::expired_cookie(&cookie_name, secure)),
                    ))
                }
                "leave" | "signin" | "register" => {
                    let target = url.unwrap_or_else(|| "/".into());
                    if temporary {
                        // Nothing of a temporary session outlives the visit.
                        if live.version.is_some() {
                            app.store.delete(&live.id).await?;
                        }
                        return Ok(see_other(
                            &target,
                            Some(security::expired_cookie(&cookie_name, secure)),
                        ));
                    }
                    // `leave` keeps the answers: redirect only.
                    persist(app, reference, live).await?;
                    let cookie = live.set_cookie.then(|| live.cookie(&cookie_name, secure));
                    Ok(see_other(&target, cookie))
                }
                "restart" => {
                    // Delete everything of the old session; start a new one (new id, new
                    // keys) keeping only the URL arguments.
                    let url_args = std::mem::take(&mut live.state.url_args);
                    if live.version.is_some() {
                        app.store.delete(&live.id).await?;
                    }
                    let mut fresh = Live::fresh(&runner)?;
                    fresh.state.url_args = url_args;
                    persist(app, reference, &mut fresh).await?;
                    let cookie = fresh.cookie(&cookie_name, secure);
                    let target = sign_target(app, &fresh, url.as_deref().unwrap_or(interview_url));
                    Ok(see_other(&target, Some(cookie)))
                }
                "new_session" => {
                    persist(app, reference, live).await?;
                    let mut fresh = Live::fresh(&runner)?;
                    persist(app, reference, &mut fresh).await?;
                    let cookie = fresh.cookie(&cookie_name, secure);
                    let target = sign_target(app, &fresh, url.as_deref().unwrap_or(interview_url));
                    Ok(see_other(&target, Some(cookie)))
                }
                _ => {
                    // refresh, continue, and anything unknown: show the interview again.
                    persist(app, reference, live).await?;
                    let cookie = live.set_cookie.then(|| live.cookie(&cookie_name, secure));
                    let target = sign_target(app, live, url.as_deref().unwrap_or(interview_url));
                    Ok(see_other(&target, cookie))
                }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn query_parsing() {
        let q = parse_query(Some(
            "i=docassemble.base%3Adata%2Fquestions%2Fx.yml&reset=2&foo=bar&utm_source=x",
        ));
        assert_eq!(
            q.i.as_deref(),
            Some("docassemble.base:data/questions/x.yml")
        );
        assert!(q.reset);
        assert_eq!(q.args, vec![("foo".to_string(), "bar".to_string())]);
    }
}
