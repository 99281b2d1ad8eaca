//! Route handlers: the front page and `GET/POST /interview?i=…`.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use engine::{ActionSigner, OwnInputs, RequestContext, Screen, SessionState};
use store::{KeyWrapper, StoreError};

use crate::cookies::{cookie_name_for, expired_cookie};
use crate::error::{see_other, with_headers, AppError};
use crate::extract::{BaseUrl, CsrfForm, InterviewQuery, SessionCookie};
use crate::ports::Runner;
use crate::render::{self, FormContext};
use crate::first_screen::{FirstKey, FirstScreen};
use crate::respond::{self, respond, Visit};
use crate::session::{self, OpenSession, Unstored};
use crate::state::App;
use crate::tokens::{action_token, action_token_ok, csrf_token};

/// Form field of the confirmation page's button that deletes the session.
const DELETE_FIELD: &str = "_delete_answers";

/// How often a GET retries when another request saved the session first.
const GET_ATTEMPTS: usize = 3;

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

/// The loaded interview: from the engine's cache on this thread when it is there, else
/// loaded on a blocking thread (files are read and compiled).
async fn load_runner(app: &App, reference: &str) -> Result<Arc<dyn Runner>, AppError> {
    if let Some(runner) = app.engine.cached(reference) {
        return Ok(runner);
    }
    let engine = app.engine.clone();
    let r = reference.to_string();
    Ok(blocking(move || engine.load(&r)).await??)
}

/// Runs engine work that may take a while (loading an interview, a step) without stalling
/// other connections. A panic is [`AppError::EnginePanicked`].
///
/// On the multi-threaded runtime, while fewer steps than workers less one run on workers,
/// the work runs right on this worker: a step is short (a fraction of a millisecond), and
/// handing the worker's core to another thread for it (`block_in_place`) costs thread
/// wake-ups that a step at a time pays in full (at one connection, a fifth of the request's
/// kernel time). At least one worker is always left free, so a long step (up to the
/// evaluation deadline) delays no other connection: its worker's queued tasks are stolen by
/// the free one. Past that limit the work runs in place with `block_in_place` (the runtime
/// hands this worker's other tasks to another thread). On a single-threaded runtime (tests)
/// it runs on the blocking pool. `colloquy serve` starts twice as many workers as cores
/// (`--workers`), so on a small machine several steps run in place at once.
pub(crate) async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tokio::runtime::{Handle, RuntimeFlavor};

    /// Engine work running on a worker right now (not handed over).
    static ON_WORKERS: AtomicUsize = AtomicUsize::new(0);
    struct Leave;
    impl Drop for Leave {
        fn drop(&mut self) {
            ON_WORKERS.fetch_sub(1, Ordering::AcqRel);
        }
    }

    let handle = Handle::current();
    if handle.runtime_flavor() != RuntimeFlavor::MultiThread {
        return tokio::task::spawn_blocking(work).await.map_err(|_| AppError::EnginePanicked);
    }
    let run = move || std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|_| AppError::EnginePanicked);
    let free_workers = handle.metrics().num_workers().saturating_sub(1);
    if ON_WORKERS.fetch_add(1, Ordering::AcqRel) < free_workers {
        let _leave = Leave;
        run()
    } else {
        ON_WORKERS.fetch_sub(1, Ordering::AcqRel);
        tokio::task::block_in_place(run)
    }
}

/// The engine's context for one request of `session`: the server's time, the URLs, the
/// URL arguments, a random seed, and a signer for the action links the engine makes.
fn context(
    app: &App,
    base_url: &str,
    interview_url: &str,
    action: Option<String>,
    url_args: Vec<(String, String)>,
    session: &OpenSession,
) -> Result<RequestContext, AppError> {
    let secret = app.secret;
    let id = session.id.clone();
    let epochs = session.epochs.clone();
    Ok(RequestContext {
        now: app.clock().now(),
        base_url: base_url.to_string(),
        interview_url: interview_url.to_string(),
        action,
        session_id: Some(session.id.clone()),
        url_args,
        seed: app.random_u64()?,
        sign_action: Some(ActionSigner::new(move |action| {
            action_token(&secret, &id, &epochs, action)
        })),
        deadline: std::time::Instant::now()
            .checked_add(app.options.eval_timeout.unwrap_or(crate::state::EVAL_TIMEOUT)),
        debug: app.options.debug,
        typeset_pdf: cfg!(feature = "pdf"),
        uploads: Vec::new(),
        file_reader: Some(file_reader(app, session)),
    })
}

/// Reads the session's stored files for the engine (`slurp()`, `num_pages()` …), opening
/// the sealed blobs with the session's key; the engine runs on a blocking thread, where
/// waiting for the store is allowed.
fn file_reader(app: &App, session: &OpenSession) -> engine::upload::FileReader {
    let store = app.store.clone();
    let id = session.id.clone();
    let key = session.key().clone();
    let handle = tokio::runtime::Handle::current();
    engine::upload::FileReader::new(move |number| {
        handle
            .block_on(store.get_blob(&id, store::Purpose::Document, number, &key))
            .ok()
            .flatten()
    })
}

enum Step {
    Show,
    Back,
    Submit(Vec<(String, String)>),
}

/// Runs the engine for one request on a blocking thread. Returns the screen, the state,
/// whether the state should be stored, and what the run read of the request's own inputs.
async fn run_engine(
    runner: Arc<dyn Runner>,
    mut state: SessionState,
    ctx: RequestContext,
    step: Step,
) -> Result<(Screen, SessionState, bool, OwnInputs), AppError> {
    blocking(move || {
        match step {
            Step::Show => {
                let (screen, reads) = runner.next_screen_noting(&mut state, &ctx);
                return (screen, state, true, reads);
            }
            Step::Back => {
                runner.back(&mut state);
            }
            Step::Submit(form) => {
                let (screen, stored) = runner.answer(&mut state, &form, &ctx);
                return (screen, state, stored, OwnInputs::ALL);
            }
        }
        let screen = runner.next_screen(&mut state, &ctx);
        (screen, state, true, OwnInputs::ALL)
    })
    .await
}

/// `GET /interview?i=…&reset=1`: forget this browser's session of the interview, then
/// show a clean URL (so a reload does not reset again). Only the holder of the secret may
/// delete: an id alone opens nothing.
async fn reset(app: &App, q: &InterviewQuery, reference: &str, cookie: SessionCookie) -> Response {
    if let SessionCookie(Some((id, secret)), _) = cookie {
        if let Ok(Some(_)) = app.store.load(&id, KeyWrapper::Cookie(&secret)).await {
            if let Err(e) = app.store.delete(&id).await {
                tracing::error!(error = %e, "session delete failed");
            }
        }
    }
    let mut url = render::start_url(reference);
    for (k, v) in &q.args {
        url.push('&');
        url.push_str(
            &form_urlencoded::Serializer::new(String::new())
                .append_pair(k, v)
                .finish(),
        );
    }
    let name = cookie_name_for(reference, app.secure_cookies);
    see_other(&url, Some(expired_cookie(&name, app.secure_cookies)))
}

/// `GET /interview?i=…[&reset=1|2][&action=…&action_sig=…][&session=…][&_delete=1]`.
///
/// A GET changes no answers by itself: an `action` runs only with a valid signature
/// ([`crate::tokens::action_token`]) for this session as it is now; anything else is
/// ignored and the current screen is shown.
pub async fn interview_get(
    State(app): State<App>,
    q: InterviewQuery,
    BaseUrl(base_url): BaseUrl,
    cookie: SessionCookie,
) -> Result<Response, AppError> {
    let Some(reference) = q.reference().map(str::to_string) else {
        return Ok(see_other("/", None));
    };
    if q.reset {
        return Ok(reset(&app, &q, &reference, cookie).await);
    }
    let interview_url = render::start_url(&reference);
    let runner = load_runner(&app, &reference).await?;
    let visit = Visit {
        reference: &reference,
        interview_url: &interview_url,
        runner: runner.clone(),
    };
    let mut last = AppError::Store(StoreError::Conflict);
    for _ in 0..GET_ATTEMPTS {
        let mut session = session::open(
            &app,
            cookie.0.clone(),
            if cookie.1 { Unstored::Check } else { Unstored::No },
            &reference,
            &runner,
            q.session.as_deref(),
        )
        .await?;
        if q.delete {
            return Ok(delete_confirmation(
                &app,
                &reference,
                &interview_url,
                &session,
            ));
        }
        let action = match (&q.action, session.version) {
            (None, _) => None,
            (Some(a), Some(_))
                if q.action_sig.as_deref().is_some_and(|t| {
                    action_token_ok(&app.secret, &session.id, &session.epochs.current, a, t)
                }) =>
            {
                Some(a.clone())
            }
            (Some(_), _) => {
                tracing::warn!(interview = ?reference, "action link without a valid signature ignored");
                None
            }
        };
        if runner.temporary_session() && action.is_none() && session.version.is_some() {
            // `temporary session`: a visit never resumes an old session.
            app.store.delete(&session.id).await?;
            session = OpenSession::fresh(&app, &runner)?;
        }
        // a new session's first screen is made once when it reads nothing of its own; without
        // URL arguments nothing of the session is stored before its first answer (a POST
        // makes the same state again from the kept screen: `first_state`)
        let first_key = (session.version.is_none() && action.is_none() && app.first_screens.is_on())
            .then(|| FirstKey::new(&reference, &base_url, &q.args));
        let store_first = !q.args.is_empty();
        if let Some(first) = first_key.as_ref().and_then(|k| app.first_screens.get(k, &runner)) {
            match respond::first_screen(&app, &visit, &mut session, &first, store_first).await {
                // stored meanwhile by the same visit in another tab: open it again
                Err(AppError::Store(e @ StoreError::Exists)) => {
                    last = AppError::Store(e);
                    continue;
                }
                other => return other,
            }
        }
        if session.unstored_cookie() {
            // only a kept first screen goes on under a cookie without a stored session
            session = OpenSession::fresh(&app, &runner)?;
        }
        let ctx = context(
            &app,
            &base_url,
            &interview_url,
            action,
            q.args.clone(),
            &session,
        )?;
        let state = std::mem::take(&mut session.state);
        let (screen, state, _, reads) = run_engine(runner.clone(), state, ctx, Step::Show).await?;
        if let Some(first) = first_key.and_then(|key| keep_first_screen(&app, &visit, key, &screen, &state, reads)) {
            match respond::first_screen(&app, &visit, &mut session, &first, store_first).await {
                Err(AppError::Store(e @ StoreError::Exists)) => {
                    last = AppError::Store(e);
                    continue;
                }
                other => return other,
            }
        }
        session.state = state;
        match respond(&app, &visit, &mut session, screen, true).await {
            // saved meanwhile by another request (`Exists`: a visit with URL arguments
            // stored it first): open it again
            Err(AppError::Store(e @ (StoreError::Conflict | StoreError::Exists))) => last = AppError::Store(e),
            other => return other,
        }
    }
    Err(last)
}

/// The "Erase my answers" confirmation page (a GET that changes nothing).
fn delete_confirmation(
    app: &App,
    reference: &str,
    interview_url: &str,
    session: &OpenSession,
) -> Response {
    if session.version.is_none() {
        return see_other(interview_url, None);
    }
    let csrf = csrf_token(&app.secret, &session.id);
    let html = render::delete_confirm_page(&FormContext {
        action: interview_url,
        csrf: &csrf,
    });
    let name = cookie_name_for(reference, app.secure_cookies);
    let c = session
        .set_cookie
        .then(|| session.cookie(&name, app.secure_cookies));
    with_headers(Html(html).into_response(), c)
}

/// `POST /interview?i=…`: an answer, a button, or Back.
///
/// A cookie that says its session was never stored (a kept first screen's) is believed
/// for a plain answer: nothing is looked up, and the answer is taken on the kept first
/// screen's state. Should the session be stored after all (its insert finds the id
/// taken), or should the answer do more than store (a command), it is taken again as if
/// the cookie had not said so.
pub async fn interview_post(
    State(app): State<App>,
    q: InterviewQuery,
    BaseUrl(base_url): BaseUrl,
    cookie: SessionCookie,
    form: CsrfForm,
) -> Result<Response, AppError> {
    let SessionCookie(cookie, unstored) = cookie;
    let plain = !form.posts_any(&[DELETE_FIELD, "_email_attachments", "_download_attachments"]);
    if let Some(again) = form.again().filter(|_| unstored && plain) {
        match Box::pin(answer(&app, &q, &base_url, cookie.clone(), Unstored::Believe, form)).await {
            Err(AppError::Store(StoreError::Exists)) => {}
            other => return other,
        }
        return Box::pin(answer(&app, &q, &base_url, cookie, Unstored::Check, again)).await;
    }
    let unstored = if unstored { Unstored::Check } else { Unstored::No };
    // boxed: the step's future is large, and the layers above move this one about
    Box::pin(answer(&app, &q, &base_url, cookie, unstored, form)).await
}

/// [`interview_post`] with the session cookie read and what to do with one that says its
/// session was never stored; with [`Unstored::Believe`], [`StoreError::Exists`] when the
/// answer must be taken again with the session looked up.
async fn answer(
    app: &App,
    q: &InterviewQuery,
    base_url: &str,
    cookie: Option<(String, store::CookieSecret)>,
    unstored: Unstored,
    form: CsrfForm,
) -> Result<Response, AppError> {
    let Some(reference) = q.reference().map(str::to_string) else {
        return Ok(see_other("/", None));
    };
    let interview_url = render::start_url(&reference);
    let runner = load_runner(app, &reference).await?;
    // nothing of a temporary session's is believed: its last screen deletes what is stored
    let unstored = match unstored {
        Unstored::Believe if runner.temporary_session() => Unstored::Check,
        other => other,
    };
    let believed = unstored == Unstored::Believe;
    let mut session = session::open(app, cookie, unstored, &reference, &runner, None).await?;
    if session.version.is_none() {
        let first = match session.unstored_cookie() {
            true => first_state(app, &reference, &interview_url, base_url, &runner, &session).await?,
            false => None,
        };
        match first {
            // the first answer of a session whose first screen was kept for every visitor
            Some(state) => session.state = state,
            // No session (expired, exited, or cookies off): show the interview from the start.
            None => return Ok(see_other(&interview_url, None)),
        }
    }
    let mut form = form;
    if let Some(message) = form.refused.take() {
        // an upload over the limit (or a body that cannot be read): nothing is stored, the
        // screen comes back with the message
        let visit = Visit { reference: &reference, interview_url: &interview_url, runner };
        return refused_post(app, &visit, base_url, session, message).await;
    }
    let uploads = std::mem::take(&mut form.uploads);
    let mut form = form.fields_for(&session.id)?;
    if form.iter().any(|(k, _)| k == DELETE_FIELD) {
        // "Erase my answers": the session row, its files and history, in one transaction.
        app.store.delete(&session.id).await?;
        tracing::info!(interview = ?reference, "answers deleted by the user");
        let name = cookie_name_for(&reference, app.secure_cookies);
        let res = Html(render::message_page(
            "Your answers have been erased",
            "Everything you entered in this interview has been erased.",
        ))
        .into_response();
        return Ok(with_headers(
            res,
            Some(expired_cookie(&name, app.secure_cookies)),
        ));
    }
    // A multi-select list posts the field names of its chosen options (see render).
    for (k, v) in form.iter_mut() {
        if k == render::MULTISELECT {
            *k = std::mem::take(v);
            *v = "True".to_string();
        }
    }
    if form
        .iter()
        .any(|(k, _)| k == "_email_attachments" || k == "_download_attachments")
    {
        let visit = Visit {
            reference: &reference,
            interview_url: &interview_url,
            runner,
        };
        return attachments_post(app, &visit, base_url, session, &form).await;
    }
    let step = if form.iter().any(|(k, _)| k == "_back_one") {
        Step::Back
    } else {
        Step::Submit(form)
    };
    let mut ctx = context(app, base_url, &interview_url, None, Vec::new(), &session)?;
    ctx.uploads = uploads;
    let state = std::mem::take(&mut session.state);
    let (screen, state, store_it, _) = run_engine(runner.clone(), state, ctx, step).await?;
    if believed && (!store_it || !matches!(screen, Screen::Question(_) | Screen::Response { .. })) {
        // Believed only when the answer is stored, whose insert finds out whether the
        // session was stored after all; an answer refused (or one meant for a later
        // screen), an error, or a command (which ends, leaves or restarts the session) is
        // taken again with the session looked up.
        return Err(AppError::Store(StoreError::Exists));
    }
    session.state = state;
    let visit = Visit {
        reference: &reference,
        interview_url: &interview_url,
        runner,
    };
    match respond(app, &visit, &mut session, screen, store_it).await {
        // another request saved (or deleted) the session first
        Err(AppError::Store(StoreError::Conflict | StoreError::NotFound)) => {
            Err(AppError::Conflict)
        }
        // The session of a cookie that says it was never stored is stored after all: two
        // first answers at once (two tabs of a kept first screen), or the response that
        // set the stored cookie was lost. The reload page, with the stored cookie: the
        // next request opens the stored session.
        Err(AppError::Store(StoreError::Exists)) if believed => Err(AppError::Store(StoreError::Exists)),
        Err(AppError::Store(StoreError::Exists)) => {
            let name = cookie_name_for(&reference, app.secure_cookies);
            let stored = session::stored_cookie(&session, &name, app.secure_cookies);
            Ok(with_headers(AppError::Conflict.into_response(), Some(stored)))
        }
        other => other,
    }
}

/// The state of `session` (new, not stored) as the first screen kept for every visitor
/// of `reference` without URL arguments left it, made again if it is no longer kept;
/// `None` when that first screen is not one kept for every visitor (the session would
/// have been stored at its first screen, so it is gone).
async fn first_state(
    app: &App,
    reference: &str,
    interview_url: &str,
    base_url: &str,
    runner: &Arc<dyn Runner>,
    session: &OpenSession,
) -> Result<Option<SessionState>, AppError> {
    if !app.first_screens.is_on() {
        return Ok(None);
    }
    let key = FirstKey::new(reference, base_url, &[]);
    let first = match app.first_screens.get(&key, runner) {
        Some(first) => first,
        None => {
            let ctx = context(app, base_url, interview_url, None, Vec::new(), session)?;
            let (screen, state, _, reads) = run_engine(runner.clone(), runner.new_session(), ctx, Step::Show).await?;
            let visit = Visit { reference, interview_url, runner: runner.clone() };
            match keep_first_screen(app, &visit, key, &screen, &state, reads) {
                Some(first) => first,
                None => return Ok(None),
            }
        }
    };
    Ok(Some(first.fresh_state()))
}

/// Keeps the first screen a fresh session's run made (`screen`, `state`) for every visitor
/// under `key`, when the run read nothing of the request's own (`reads`) and the screen is
/// a question that can be shared ([`crate::first_screen::FirstScreens::make`]).
fn keep_first_screen(
    app: &App,
    visit: &Visit<'_>,
    key: FirstKey,
    screen: &Screen,
    state: &SessionState,
    reads: OwnInputs,
) -> Option<Arc<FirstScreen>> {
    let Screen::Question(q) = screen else { return None };
    if !reads.is_empty() {
        return None;
    }
    let render = |csrf: &str, nonce: Option<&str>| respond::question_html(visit, q, csrf, nonce, true);
    app.first_screens.make(key, &visit.runner, q, state, render)
}

/// A post whose body was refused ([`crate::upload`]): the current screen again, with
/// `message`, nothing stored from the post.
async fn refused_post(app: &App, visit: &Visit<'_>, base_url: &str, mut session: OpenSession, message: String) -> Result<Response, AppError> {
    let ctx = context(app, base_url, visit.interview_url, None, Vec::new(), &session)?;
    let state = std::mem::take(&mut session.state);
    let (mut screen, state, _, _) = run_engine(visit.runner.clone(), state, ctx, Step::Show).await?;
    session.state = state;
    if let Screen::Question(q) = &mut screen {
        q.errors.push(message);
    }
    respond(app, visit, &mut session, screen, true).await
}

/// The attachment box's own forms: "E-mail this document" (e-mail is not available: the
/// screen comes back with docassemble's failure message) and "Download … as a ZIP file" (the
/// screen's documents zipped in memory).
async fn attachments_post(
    app: &App,
    visit: &Visit<'_>,
    base_url: &str,
    mut session: OpenSession,
    form: &[(String, String)],
) -> Result<Response, AppError> {
    let value = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let ctx = context(app, base_url, visit.interview_url, None, Vec::new(), &session)?;
    let state = std::mem::take(&mut session.state);
    let (screen, state, _, _) = run_engine(visit.runner.clone(), state, ctx, Step::Show).await?;
    session.state = state;
    let Screen::Question(mut q) = screen else {
        return respond(app, visit, &mut session, screen, true).await;
    };
    let has_documents = q.attachments.as_ref().is_some_and(|b| !b.attachments.is_empty());
    if value("_download_attachments").is_some() && has_documents {
        session::persist(app, visit.reference, &mut session).await?;
        let include_editable = value("_attachment_include_editable") == Some("True");
        if let Some(b) = &q.attachments {
            let files = crate::files::zip_of_screen(app, &session.id, session.key(), &session.state, b, include_editable).await?;
            if !files.is_empty() {
                let zip = crate::files::zip_archive(&files).map_err(|e| AppError::Packing(e.to_string()))?;
                tracing::info!(interview = ?visit.reference, files = files.len(), "documents downloaded as a ZIP file");
                return Ok(crate::files::file_response(zip, "application/zip", &b.zip_filename, true));
            }
        }
        q.errors.push("Unable to find documents to download.".to_string());
    } else if value("_email_attachments").is_some() {
        let address = value("_attachment_email_address").unwrap_or("").trim().to_string();
        q.errors.push(if has_documents {
            format!("Unable to e-mail your documents to {}.", engine::html::html_escape(&address))
        } else {
            "Unable to find documents to e-mail.".to_string()
        });
    }
    respond(app, visit, &mut session, Screen::Question(q), true).await
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use std::time::{Duration, Instant};

    use super::blocking;
    use crate::AppError;

    /// Steps that block their thread (as a long one does, up to the evaluation deadline):
    /// while they run, other tasks are still served, whether the step runs on its worker or
    /// was handed over; and a panic is an error, not a lost worker.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn long_steps_leave_a_worker_for_everything_else() {
        let started = Instant::now();
        let long = |ms| tokio::spawn(blocking(move || std::thread::sleep(Duration::from_millis(ms))));
        let (a, b, c) = (long(600), long(600), long(600));
        tokio::time::sleep(Duration::from_millis(20)).await;
        let quick = tokio::spawn(async { 7 }).await.unwrap();
        assert_eq!(quick, 7);
        assert!(started.elapsed() < Duration::from_millis(300), "a quick task waited for the steps: {:?}", started.elapsed());
        for t in [a, b, c] {
            t.await.unwrap().unwrap();
        }
        let panicked = blocking(|| -> u8 { panic!("engine bug") }).await;
        assert!(matches!(panicked, Err(AppError::EnginePanicked)));
        // the slots taken by the steps (and the panic) were given back: work runs again
        assert_eq!(blocking(|| 3).await.unwrap(), 3);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_single_threaded_runtime_uses_the_blocking_pool() {
        assert_eq!(blocking(|| 5).await.unwrap(), 5);
        assert!(matches!(blocking(|| -> u8 { panic!("engine bug") }).await, Err(AppError::EnginePanicked)));
    }
}
