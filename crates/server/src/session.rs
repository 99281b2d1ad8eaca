//! Sessions of one request: opening this browser's session of an interview (or joining a
//! shared `multi_user` one), starting a fresh one, and persisting the state — with the
//! data key wrapped by the server key while the answers ask for sharing, by the cookie
//! secret otherwise.

use std::sync::Arc;

use engine::SessionState;
use store::{CookieSecret, DataKey, KeyWrapper, NewFile, Openers, Purpose, StoreError, WrapKind};

use crate::cookies::{new_session_id, session_cookie};
use crate::error::AppError;
use crate::ports::Runner;
use crate::state::App;
use crate::tokens::LinkEpochs;

/// Bytes of a link epoch (hex-encoded in the state).
const EPOCH_BYTES: usize = 16;

/// A session as opened for one request.
pub struct OpenSession {
    /// The session id.
    pub id: String,
    /// The stored version; `None` when the session is new (not yet in the store).
    pub version: Option<i64>,
    /// The JSON the state had when loaded (to skip saving when nothing changed).
    original: String,
    /// The state.
    pub state: SessionState,
    /// Whether the cookie must be (re)set on the response.
    pub set_cookie: bool,
    /// The session's data key (zeroized on drop).
    key: DataKey,
    /// The cookie secret that wraps `key` (travels only in the cookie; zeroized on drop).
    secret: CookieSecret,
    /// What `key` is wrapped by in the store now.
    wrapped_by: WrapKind,
    /// The link epochs of this request (see [`crate::tokens`]).
    pub epochs: LinkEpochs,
    /// The session is new under the id and secret of the request's cookie, whose session
    /// was never stored ([`OpenSession::fresh_as`]).
    unstored_cookie: bool,
}

impl OpenSession {
    /// A new session not yet in the store, with a fresh id, data key and cookie secret.
    pub fn fresh(app: &App, runner: &Arc<dyn Runner>) -> Result<OpenSession, AppError> {
        let secret = CookieSecret::generate().map_err(|e| AppError::Keys(e.into()))?;
        OpenSession::new_unstored(app, runner, new_session_id(app.rng(), app.clock().millis())?, secret, false)
    }

    /// A new session not yet in the store under the id and secret of a cookie whose session
    /// was never stored (a first screen kept for every visitor stores nothing until the
    /// first answer: [`crate::first_screen`]), with a fresh data key.
    fn fresh_as(app: &App, runner: &Arc<dyn Runner>, id: String, secret: CookieSecret) -> Result<OpenSession, AppError> {
        OpenSession::new_unstored(app, runner, id, secret, true)
    }

    /// A new session `id` with cookie `secret` and a fresh data key, not yet in the store;
    /// `from_cookie`: the id and secret are those of the request's cookie (already set, as
    /// a cookie of a session not stored: it is set again once the session is stored).
    fn new_unstored(
        app: &App,
        runner: &Arc<dyn Runner>,
        id: String,
        secret: CookieSecret,
        from_cookie: bool,
    ) -> Result<OpenSession, AppError> {
        Ok(OpenSession {
            id,
            version: None,
            original: String::new(),
            state: runner.new_session(),
            set_cookie: true,
            key: DataKey::generate().map_err(|e| AppError::Keys(e.into()))?,
            secret,
            wrapped_by: WrapKind::Cookie,
            epochs: LinkEpochs {
                current: String::new(),
                next: app.random_hex(EPOCH_BYTES)?,
            },
            unstored_cookie: from_cookie,
        })
    }

    /// Whether the session is new under the id and secret of the request's cookie, whose
    /// session was never stored (or is gone).
    pub fn unstored_cookie(&self) -> bool {
        self.unstored_cookie
    }

    /// The session's data key (to open its files).
    pub fn key(&self) -> &DataKey {
        &self.key
    }

    /// The `Set-Cookie` value carrying this session's id and secret, and, while it is not
    /// stored, saying so.
    pub fn cookie(&self, name: &str, secure: bool) -> String {
        session_cookie(name, &self.id, &self.secret, self.version.is_some(), secure)
    }
}

/// Turns a loaded row into an [`OpenSession`], or `None` if its state does not parse.
async fn from_row(
    app: &App,
    reference: &str,
    s: store::Session,
    secret: CookieSecret,
    set_cookie: bool,
) -> Result<Option<OpenSession>, AppError> {
    let text = String::from_utf8(s.state).unwrap_or_default();
    match SessionState::from_json_str(&text) {
        Ok(state) => {
            let epochs = LinkEpochs {
                current: state.link_epoch.clone(),
                next: app.random_hex(EPOCH_BYTES)?,
            };
            Ok(Some(OpenSession {
                id: s.id,
                version: Some(s.version),
                original: text,
                state,
                set_cookie,
                key: s.key,
                secret,
                wrapped_by: s.wrapped_by,
                epochs,
                unstored_cookie: false,
            }))
        }
        Err(_) => {
            tracing::warn!(interview = ?reference, "stored session unreadable; starting afresh");
            let _ = app.store.delete(&s.id).await;
            Ok(None)
        }
    }
}

/// What a request does with a session cookie that says its session was never stored (a
/// kept first screen set it: [`crate::first_screen`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unstored {
    /// The cookie does not say so.
    No,
    /// Believe it and look nothing up: the session goes on, new, under the cookie's id and
    /// secret (a first answer). A cookie that says so wrongly (the response that set the
    /// stored cookie was lost, or its holder wrote it) opens nothing more: storing the
    /// session finds the id taken ([`StoreError::Exists`]), and that response sets the
    /// stored cookie, which opens the stored session from the next request on.
    Believe,
    /// Look the session up all the same (a page view); a stored one found sets the stored
    /// cookie.
    Check,
}

/// Opens this browser's session of the interview (`cookie`), or, with `join` (the
/// `session=<id>` of docassemble's `interview_url()`), a `multi_user` session another
/// browser shares — which opens only while that session's key is wrapped by the server
/// key. Anything that does not open (no cookie, a tampered or stale cookie, an id without
/// its secret) gives a new session, never an error.
///
/// `unstored`: what the request does with a cookie that says its session was never stored
/// ([`Unstored`]).
pub async fn open(
    app: &App,
    cookie: Option<(String, CookieSecret)>,
    unstored: Unstored,
    reference: &str,
    runner: &Arc<dyn Runner>,
    join: Option<&str>,
) -> Result<OpenSession, AppError> {
    let server = app.options.server_key.as_deref();
    if let Some(join_id) = join {
        if cookie.as_ref().map(|(id, _)| id.as_str()) != Some(join_id) {
            let openers = Openers {
                cookie: None,
                server,
            };
            match app.store.load_either(join_id, openers).await {
                Ok(Some(s)) if s.interview == reference => {
                    // This browser gets its own cookie secret for the shared session: it
                    // wraps the key again if this browser turns `multi_user` off.
                    let secret = CookieSecret::generate().map_err(|e| AppError::Keys(e.into()))?;
                    if let Some(open) = from_row(app, reference, s, secret, true).await? {
                        tracing::info!(interview = ?reference, "joined a multi_user session");
                        return Ok(open);
                    }
                }
                Ok(_) | Err(StoreError::Locked) | Err(StoreError::Sealed(_)) => {
                    tracing::warn!(interview = ?reference, "session parameter does not open a shared session; ignored");
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    if let Some((id, secret)) = cookie {
        if unstored == Unstored::Believe && join.is_none() {
            return OpenSession::fresh_as(app, runner, id, secret);
        }
        let openers = Openers {
            cookie: Some(&secret),
            server,
        };
        match app.store.load_either(&id, openers).await {
            Ok(Some(s)) if s.interview == reference => {
                // a cookie that said "never stored" is set again as the stored session's
                if let Some(open) = from_row(app, reference, s, secret, unstored == Unstored::Check).await? {
                    return Ok(open);
                }
            }
            // No row: the session was never stored (its first screen was one kept for
            // every visitor) or is gone (idle). It goes on under the cookie's id and secret,
            // so that a reload and another tab keep the same session and CSRF token. This
            // gives a cookie's holder nothing they did not have: the id opens no row of
            // anyone else's (a row with this id would be loaded above).
            Ok(None) => return OpenSession::fresh_as(app, runner, id, secret),
            Ok(Some(_)) => {}
            // A wrong or tampered secret, or state that does not authenticate: the holder
            // of this cookie cannot open the session. Start a new one; leave the row alone
            // (whoever has the right secret may still use it).
            Err(StoreError::Locked) | Err(StoreError::Sealed(_)) => {
                tracing::warn!(interview = ?reference, "session cookie does not open its session; starting afresh");
            }
            Err(e) => return Err(e.into()),
        }
    }
    OpenSession::fresh(app, runner)
}

/// The `Set-Cookie` value of `session` as a stored session's (its id and secret, without
/// "never stored").
pub fn stored_cookie(session: &OpenSession, name: &str, secure: bool) -> String {
    session_cookie(name, &session.id, &session.secret, true, secure)
}

/// Whether the answers ask for sharing (`multi_user = True`) and the server can honour it.
fn wants_server_key(app: &App, session: &OpenSession, reference: &str) -> bool {
    let asked = session.state.wants_sharing();
    if asked && app.options.server_key.is_none() {
        tracing::warn!(interview = ?reference, variable = "multi_user", "multi_user is set but the server has no server key; the session stays cookie-wrapped");
    }
    asked && app.options.server_key.is_some()
}

/// `state_json` (a state serialised with link epoch `from`) as it reads with epoch `to`.
fn epoch_advanced(state_json: &str, from: &str, to: &str) -> String {
    if from.is_empty() {
        return state_json.to_string();
    }
    state_json.replacen(&format!("\"link_epoch\":\"{from}\""), &format!("\"link_epoch\":\"{to}\""), 1)
}

/// Saves the state if it changed; a new session is created. The data key is wrapped by
/// the server key while the answers say `multi_user = True`, by the cookie secret
/// otherwise; a change re-wraps it in the same update. Each save stores the request's
/// next link epoch, so the action links of earlier pages stop working.
pub async fn persist(
    app: &App,
    reference: &str,
    session: &mut OpenSession,
) -> Result<(), StoreError> {
    let share = wants_server_key(app, session, reference);
    let server = app.options.server_key.clone();
    let wrapper = match (&server, share) {
        (Some(k), true) => KeyWrapper::Server(k),
        _ => KeyWrapper::Cookie(&session.secret),
    };
    let kind = if matches!(wrapper, KeyWrapper::Server(_)) {
        WrapKind::Server
    } else {
        WrapKind::Cookie
    };
    let produced = session.state.take_produced();
    // The state is serialised once, with the next link epoch. It is unchanged when that text
    // is the loaded text with its epoch advanced (a replacement that hit anything but the
    // epoch field leaves the texts different, which only costs a save).
    let current = std::mem::replace(&mut session.state.link_epoch, session.epochs.next.clone());
    let json = session.state.to_json_string();
    let unchanged = session.version.is_some()
        && produced.is_empty()
        && kind == session.wrapped_by
        && json.len() + current.len() == session.original.len() + session.epochs.next.len()
        && json == epoch_advanced(&session.original, &current, &session.epochs.next);
    if unchanged {
        session.state.link_epoch = current;
        return Ok(());
    }
    // documents made by this step are stored, sealed, in the same transaction as the state
    let files: Vec<NewFile<'_>> = produced
        .iter()
        .map(|f| NewFile { purpose: Purpose::Document, number: f.number, bytes: &f.bytes })
        .collect();
    match session.version {
        None => {
            let v = app
                .store
                .create_with_files(
                    &session.id,
                    reference,
                    json.as_bytes(),
                    &session.key,
                    wrapper,
                    &files,
                )
                .await?;
            session.version = Some(v);
        }
        Some(v) if kind != session.wrapped_by => {
            let nv = app
                .store
                .save_with_files(&session.id, v, json.as_bytes(), &session.key, Some(wrapper), &files)
                .await?;
            tracing::info!(interview = ?reference, variable = "multi_user", shared = share, "session key re-wrapped");
            session.version = Some(nv);
        }
        Some(v) => {
            let nv = app
                .store
                .save_with_files(&session.id, v, json.as_bytes(), &session.key, None, &files)
                .await?;
            session.version = Some(nv);
        }
    }
    session.wrapped_by = kind;
    session.original = json;
    Ok(())
}

/// Stores a new session with `json` as its state (a first screen made once, whose JSON
/// already holds this session's link epoch: [`crate::first_screen`]), its key wrapped by
/// the cookie secret.
pub async fn create(app: &App, reference: &str, session: &mut OpenSession, json: String) -> Result<(), StoreError> {
    let v = app
        .store
        .create_with_files(&session.id, reference, json.as_bytes(), &session.key, KeyWrapper::Cookie(&session.secret), &[])
        .await?;
    session.version = Some(v);
    session.wrapped_by = WrapKind::Cookie;
    session.original = json;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::epoch_advanced;

    #[test]
    fn the_epoch_field_is_advanced_and_nothing_else() {
        let a = "0123456789abcdef0123456789abcdef";
        let b = "fedcba9876543210fedcba9876543210";
        let text = format!(r#"{{"variables":{{"x":"\"link_epoch\":\"{a}\""}},"link_epoch":"{a}"}}"#);
        let want = format!(r#"{{"variables":{{"x":"\"link_epoch\":\"{a}\""}},"link_epoch":"{b}"}}"#);
        assert_eq!(epoch_advanced(&text, a, b), want);
        assert_eq!(epoch_advanced(r#"{"steps":1}"#, "", b), r#"{"steps":1}"#);
    }
}
