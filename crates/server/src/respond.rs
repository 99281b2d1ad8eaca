//! Turning the engine's [`Screen`] into a response: question pages (with the CSRF token,
//! the CSP nonce and the cookie), the author's error page, raw responses, and the
//! commands that end, leave or restart the session.

use std::sync::Arc;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use engine::{Command, QuestionScreen, Screen};

use crate::cookies::{cookie_name_for, expired_cookie};
use crate::error::{error_response, see_other, with_headers, AppError};
use crate::extract::DELETE_PARAM;
use crate::headers::csp_with_nonce;
use crate::ports::Runner;
use crate::render::{self, FormContext, PageExtras};
use crate::session::{self, OpenSession};
use crate::state::App;
use crate::tokens::{action_token, csrf_token};

/// What a response is about: the interview and its URL.
pub struct Visit<'a> {
    /// The interview reference.
    pub reference: &'a str,
    /// The URL that starts it (`/interview?i=…`).
    pub interview_url: &'a str,
    /// The loaded interview.
    pub runner: Arc<dyn Runner>,
}

/// Turns a screen into a response, storing the state first when `store_it`.
pub async fn respond(
    app: &App,
    visit: &Visit<'_>,
    session: &mut OpenSession,
    screen: Screen,
    store_it: bool,
) -> Result<Response, AppError> {
    match screen {
        Screen::Question(q) => question(app, visit, session, &q, store_it).await,
        Screen::Error { message } => {
            tracing::warn!(interview = ?visit.reference, "interview error");
            Ok(error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                &message,
                Some(visit.reference),
            ))
        }
        Screen::Response { content_type, body } => {
            session::persist(app, visit.reference, session).await?;
            let mut res = body.into_response();
            let ct = HeaderValue::from_str(&content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream"));
            res.headers_mut().insert(header::CONTENT_TYPE, ct);
            let name = cookie_name_for(visit.reference, app.secure_cookies);
            let cookie = session
                .set_cookie
                .then(|| session.cookie(&name, app.secure_cookies));
            Ok(with_headers(res, cookie))
        }
        Screen::Command { command, url } => self::command(app, visit, session, command, url).await,
    }
}

/// A question page.
async fn question(
    app: &App,
    visit: &Visit<'_>,
    session: &mut OpenSession,
    q: &QuestionScreen,
    store_it: bool,
) -> Result<Response, AppError> {
    let reference = visit.reference;
    let cookie_name = cookie_name_for(reference, app.secure_cookies);
    let secure = app.secure_cookies;
    let finished = visit.runner.temporary_session() && q.is_final();
    if store_it && !finished {
        session::persist(app, reference, session).await?;
    }
    tracing::debug!(interview = ?reference, block = %q.block_name, "question");
    let csrf = csrf_token(&app.secret, &session.id);
    let wants_nonce = q.script.as_deref().is_some_and(|t| !t.trim().is_empty())
        || q.css.as_deref().is_some_and(|t| !t.trim().is_empty());
    let nonce = if wants_nonce {
        Some(app.random_hex(16)?)
    } else {
        None
    };
    let html = question_html(visit, q, &csrf, nonce.as_deref(), session.version.is_some() && !finished);
    let cookie = if finished {
        // `temporary session`: the final screen is shown from memory; nothing of the
        // session is kept.
        if session.version.is_some() {
            app.store.delete(&session.id).await?;
        }
        tracing::info!(interview = ?reference, "temporary session finished and deleted");
        Some(expired_cookie(&cookie_name, secure))
    } else if session.set_cookie && session.version.is_some() {
        Some(session.cookie(&cookie_name, secure))
    } else {
        None
    };
    Ok(with_nonce(with_headers(Html(html).into_response(), cookie), nonce.as_deref()))
}

/// The page of question `q` with the CSRF token `csrf`, the CSP nonce of its own script
/// and style, and the "Erase my answers" link when `erasable` (the session is stored).
pub(crate) fn question_html(visit: &Visit<'_>, q: &QuestionScreen, csrf: &str, nonce: Option<&str>, erasable: bool) -> String {
    let delete_url = format!("{}&{DELETE_PARAM}=1", visit.interview_url);
    crate::markdown::with_static_texts(visit.runner.static_texts(), || {
        render::question_page_with(
            q,
            &FormContext { action: visit.interview_url, csrf },
            &PageExtras { nonce, delete_url: erasable.then_some(delete_url.as_str()) },
        )
    })
}

/// A fresh session's first page from `first`, the interview's first screen as every new
/// session gets it ([`crate::first_screen`]): the page with its CSRF token, the response's
/// own nonce, and the cookie; the state stored with this session's link epoch when
/// `store`, else nothing stored (the first answer makes the state again from the kept
/// screen).
pub async fn first_screen(
    app: &App,
    visit: &Visit<'_>,
    session: &mut OpenSession,
    first: &crate::first_screen::FirstScreen,
    store: bool,
) -> Result<Response, AppError> {
    if store {
        let json = first.state(&session.epochs.next);
        session::create(app, visit.reference, session, json).await?;
    }
    tracing::debug!(interview = ?visit.reference, block = %first.block, "question");
    let nonce = if first.wants_nonce { app.random_hex(16)? } else { String::new() };
    let html = first.page(&csrf_token(&app.secret, &session.id), &nonce);
    let cookie = session.cookie(&cookie_name_for(visit.reference, app.secure_cookies), app.secure_cookies);
    let res = with_headers(Html(html).into_response(), Some(cookie));
    Ok(with_nonce(res, first.wants_nonce.then_some(nonce.as_str())))
}

/// `res` with the CSP that lets the interview's own script and style run under `nonce`.
fn with_nonce(mut res: Response, nonce: Option<&str>) -> Response {
    if let Some(v) = nonce.and_then(|n| HeaderValue::from_str(&csp_with_nonce(n)).ok()) {
        res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
    }
    res
}

/// The redirect target of a command for a session that starts now (`restart`,
/// `new_session`): an action link in it is signed again for that session.
fn target_for(app: &App, fresh: &OpenSession, url: Option<&str>, interview_url: &str) -> String {
    let sign = |action: &str| action_token(&app.secret, &fresh.id, &fresh.epochs, action);
    engine::links::resign_action_link(url.unwrap_or(interview_url), &sign)
}

/// A command: end, leave or restart the session, then redirect.
async fn command(
    app: &App,
    visit: &Visit<'_>,
    session: &mut OpenSession,
    command: Command,
    url: Option<String>,
) -> Result<Response, AppError> {
    let reference = visit.reference;
    let cookie_name = cookie_name_for(reference, app.secure_cookies);
    let secure = app.secure_cookies;
    tracing::info!(interview = ?reference, command = %command, "command");
    let temporary = visit.runner.temporary_session();
    if command.ends_session() || (command.leaves() && temporary) {
        // The session row, its files and history, in one transaction. Nothing of a
        // temporary session outlives the visit.
        if session.version.is_some() {
            app.store.delete(&session.id).await?;
        }
        let target = url.unwrap_or_else(|| "/".into());
        return Ok(see_other(
            &target,
            Some(expired_cookie(&cookie_name, secure)),
        ));
    }
    if command.leaves() {
        // `leave` keeps the answers: redirect only.
        session::persist(app, reference, session).await?;
        let cookie = session
            .set_cookie
            .then(|| session.cookie(&cookie_name, secure));
        return Ok(see_other(&url.unwrap_or_else(|| "/".into()), cookie));
    }
    match command {
        Command::Restart => {
            // Delete everything of the old session; start a new one (new id, new keys)
            // keeping only the URL arguments.
            let url_args = std::mem::take(&mut session.state.url_args);
            if session.version.is_some() {
                app.store.delete(&session.id).await?;
            }
            let mut fresh = OpenSession::fresh(app, &visit.runner)?;
            fresh.state.url_args = url_args;
            session::persist(app, reference, &mut fresh).await?;
            let cookie = fresh.cookie(&cookie_name, secure);
            let target = target_for(app, &fresh, url.as_deref(), visit.interview_url);
            Ok(see_other(&target, Some(cookie)))
        }
        Command::NewSession => {
            session::persist(app, reference, session).await?;
            let mut fresh = OpenSession::fresh(app, &visit.runner)?;
            session::persist(app, reference, &mut fresh).await?;
            let cookie = fresh.cookie(&cookie_name, secure);
            let target = target_for(app, &fresh, url.as_deref(), visit.interview_url);
            Ok(see_other(&target, Some(cookie)))
        }
        _ => {
            // refresh, continue, and anything unknown: show the interview again.
            session::persist(app, reference, session).await?;
            let cookie = session
                .set_cookie
                .then(|| session.cookie(&cookie_name, secure));
            Ok(see_other(
                url.as_deref().unwrap_or(visit.interview_url),
                cookie,
            ))
        }
    }
}
