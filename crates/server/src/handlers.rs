//! Route handlers: the front page and `GET/POST /interview?i=…`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use engine::{RequestContext, Screen, SessionState, Submitted};
use store::{CookieSecret, DataKey, KeyWrapper, StoreError};

use crate::render::{self, FormContext};
use crate::security::{
    self, cookie_name, csrf_ok, csrf_token, new_session_id, read_session_cookie,
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
];

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
    args: Vec<(String, String)>,
}

fn parse_query(raw: Option<&str>) -> Query {
    let mut q = Query::default();
    for (k, v) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        match k.as_ref() {
            "i" => q.i = Some(v.trim().to_string()),
            "reset" => q.reset = true,
            "action" => q.action = Some(v.into_owned()),
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
            tracing::warn!(interview = %reference, "interview failed to load");
            Err(error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                &message,
                None,
            ))
        }
        Err(_) => {
            tracing::error!(interview = %reference, "interview loader panicked");
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
        })
    }

    /// The `Set-Cookie` value carrying this session's id and secret.
    fn cookie(&self, name: &str, secure: bool) -> String {
        security::session_cookie(name, &self.id, &self.secret, secure)
    }
}

async fn open_session(
    app: &App,
    headers: &HeaderMap,
    reference: &str,
    runner: &Arc<dyn Runner>,
) -> Result<Live, Response> {
    let cookie = cookie_name(reference);
    if let Some((id, secret)) = read_session_cookie(headers, &cookie) {
        match app.store.load(&id, KeyWrapper::Cookie(&secret)).await {
            Ok(Some(s)) if s.interview == reference => {
                let text = String::from_utf8(s.state).unwrap_or_default();
                if let Ok(state) = SessionState::from_json_str(&text) {
                    return Ok(Live {
                        id,
                        version: Some(s.version),
                        original: text,
                        state,
                        set_cookie: false,
                        key: s.key,
                        secret,
                    });
                }
                tracing::warn!(interview = %reference, "stored session unreadable; starting afresh");
                let _ = app.store.delete(&id).await;
            }
            Ok(_) => {}
            // A wrong or tampered secret, or state that does not authenticate: the holder
            // of this cookie cannot open the session. Start a new one; leave the row alone
            // (whoever has the right secret may still use it).
            Err(StoreError::Locked) | Err(StoreError::Sealed(_)) => {
                tracing::warn!(interview = %reference, "session cookie does not open its session; starting afresh");
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

/// Saves the state if it changed; a new session is created.
async fn persist(app: &App, reference: &str, live: &mut Live) -> Result<(), StoreError> {
    let json = live.state.to_json_string();
    match live.version {
        None => {
            let v = app
                .store
                .create(
                    &live.id,
                    reference,
                    json.as_bytes(),
                    &live.key,
                    KeyWrapper::Cookie(&live.secret),
                )
                .await?;
            live.version = Some(v);
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
    live.original = json;
    Ok(())
}

fn context(headers: &HeaderMap, interview_url: &str, action: Option<String>) -> RequestContext {
    RequestContext {
        now: chrono::Local::now().naive_local(),
        base_url: base_url(headers),
        interview_url: interview_url.to_string(),
        action,
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

/// `GET /interview?i=…[&reset=1|2][&action=…]`.
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
    if q.reset {
        // Forget this browser's session of the interview, then show a clean URL (so a
        // reload does not reset again).
        let cookie = cookie_name(&reference);
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
        let mut live = match open_session(&app, &headers, &reference, &runner).await {
            Ok(l) => l,
            Err(res) => return res,
        };
        for (k, v) in &q.args {
            live.state
                .url_args
                .insert(k.clone(), serde_json::Value::String(v.clone()));
        }
        let ctx = context(&headers, &interview_url, q.action.clone());
        let state = std::mem::take(&mut live.state);
        let Some((screen, state, _)) = run_engine(runner.clone(), state, ctx, Step::Show).await
        else {
            tracing::error!(interview = %reference, "engine panicked");
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
    let mut live = match open_session(&app, &headers, &reference, &runner).await {
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
        tracing::warn!(interview = %reference, "POST with a missing or wrong CSRF token refused");
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
    let ctx = context(&headers, &interview_url, None);
    let state = std::mem::take(&mut live.state);
    let Some((screen, state, store_it)) = run_engine(runner.clone(), state, ctx, step).await else {
        tracing::error!(interview = %reference, "engine panicked");
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
    let cookie_name = cookie_name(reference);
    let secure = app.secure_cookies;
    match screen {
        Screen::Question(q) => {
            if store_it {
                persist(app, reference, live).await?;
            }
            tracing::debug!(interview = %reference, block = %q.block_name, "question");
            let csrf = csrf_token(&app.secret, &live.id);
            let html = render::question_page(
                &q,
                &FormContext {
                    action: interview_url,
                    csrf: &csrf,
                },
            );
            let cookie = if live.set_cookie && live.version.is_some() {
                Some(live.cookie(&cookie_name, secure))
            } else {
                None
            };
            Ok(with_headers(Html(html).into_response(), cookie))
        }
        Screen::Error { message } => {
            tracing::warn!(interview = %reference, "interview error");
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
            tracing::info!(interview = %reference, command = %command, "command");
            match command.as_str() {
                "exit" | "logout" | "exit_logout" => {
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
                    persist(app, reference, live).await?;
                    let target = url.unwrap_or_else(|| "/".into());
                    let cookie = live.set_cookie.then(|| live.cookie(&cookie_name, secure));
                    Ok(see_other(&target, cookie))
                }
                "restart" => {
                    let url_args = std::mem::take(&mut live.state.url_args);
                    live.state = runner.new_session();
                    live.state.url_args = url_args;
                    persist(app, reference, live).await?;
                    let cookie = live.set_cookie.then(|| live.cookie(&cookie_name, secure));
                    Ok(see_other(url.as_deref().unwrap_or(interview_url), cookie))
                }
                "new_session" => {
                    persist(app, reference, live).await?;
                    let mut fresh = Live::fresh(&runner)?;
                    persist(app, reference, &mut fresh).await?;
                    let cookie = fresh.cookie(&cookie_name, secure);
                    Ok(see_other(
                        url.as_deref().unwrap_or(interview_url),
                        Some(cookie),
                    ))
                }
                _ => {
                    // refresh, continue, and anything unknown: show the interview again.
                    persist(app, reference, live).await?;
                    let cookie = live.set_cookie.then(|| live.cookie(&cookie_name, secure));
                    Ok(see_other(url.as_deref().unwrap_or(interview_url), cookie))
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
