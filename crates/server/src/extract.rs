//! Request extractors of the interview routes: the query parsed once ([`InterviewQuery`]),
//! the session cookie of the interview ([`SessionCookie`]), the posted form with its CSRF
//! token taken out and checked ([`CsrfForm`]) and the site's base URL ([`BaseUrl`]).

use std::convert::Infallible;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use engine::links::{is_reserved_query, ACTION_SIG};
use store::CookieSecret;

use crate::cookies::{cookie_name_for, read_session_cookie, valid_session_id};
use crate::error::AppError;
use crate::state::App;
use crate::tokens::csrf_ok;

/// Most form fields accepted in one post.
pub const MAX_FORM_FIELDS: usize = 2000;

/// Query parameter of the "Erase my answers" confirmation page (`…&_delete=1`).
pub const DELETE_PARAM: &str = "_delete";

/// Form field carrying the CSRF token.
pub const CSRF_FIELD: &str = "_csrf";

/// The query of `/interview?i=…`, parsed once per request.
#[derive(Clone, Debug, Default)]
pub struct InterviewQuery {
    /// The interview reference (`i`), trimmed.
    pub i: Option<String>,
    /// `reset=…`: forget this browser's session.
    pub reset: bool,
    /// The `action` value.
    pub action: Option<String>,
    /// The signature of `action` ([`ACTION_SIG`]).
    pub action_sig: Option<String>,
    /// `session=<id>`: join a `multi_user` session (docassemble's `interview_url()`).
    pub session: Option<String>,
    /// `_delete=1`: show the "Erase my answers" confirmation.
    pub delete: bool,
    /// The parameters that are not reserved (they become `url_args`).
    pub args: Vec<(String, String)>,
}

impl InterviewQuery {
    /// Parses a raw query string.
    pub fn parse(raw: &str) -> InterviewQuery {
        let mut q = InterviewQuery::default();
        for (k, v) in form_urlencoded::parse(raw.as_bytes()) {
            match k.as_ref() {
                "i" => q.i = Some(v.trim().to_string()),
                "reset" => q.reset = true,
                "action" => q.action = Some(v.into_owned()),
                ACTION_SIG => q.action_sig = Some(v.into_owned()),
                "session" => q.session = Some(v.into_owned()).filter(|s| valid_session_id(s)),
                DELETE_PARAM => q.delete = true,
                k if is_reserved_query(k) => {}
                _ => q.args.push((k.into_owned(), v.into_owned())),
            }
        }
        q
    }

    /// The interview reference, if one is given.
    pub fn reference(&self) -> Option<&str> {
        self.i.as_deref().filter(|r| !r.is_empty())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for InterviewQuery {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        if let Some(q) = parts.extensions.get::<InterviewQuery>() {
            return Ok(q.clone());
        }
        let q = InterviewQuery::parse(parts.uri.query().unwrap_or(""));
        parts.extensions.insert(q.clone());
        Ok(q)
    }
}

/// The session cookie of the requested interview: the session id and its cookie secret,
/// if the browser sent a well-formed one; and whether the cookie says its session was
/// never stored ([`crate::cookies::read_session_cookie`]).
/// Read once per request (the posted form's extractor reads it too).
#[derive(Clone)]
pub struct SessionCookie(pub Option<(String, CookieSecret)>, pub bool);

impl FromRequestParts<App> for SessionCookie {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        if let Some(c) = parts.extensions.get::<SessionCookie>() {
            return Ok(c.clone());
        }
        let q = InterviewQuery::from_request_parts(parts, app).await?;
        let Some(reference) = q.reference() else {
            return Ok(SessionCookie(None, false));
        };
        let name = cookie_name_for(reference, app.secure_cookies);
        let cookie = match read_session_cookie(&parts.headers, &name) {
            Some((id, secret, unstored)) => SessionCookie(Some((id, secret)), unstored),
            None => SessionCookie(None, false),
        };
        parts.extensions.insert(cookie.clone());
        Ok(cookie)
    }
}

/// The site's base URL (`http://host`), from the `Host` header, reduced to host characters.
pub struct BaseUrl(pub String);

impl<S: Send + Sync> FromRequestParts<S> for BaseUrl {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let host = parts
            .headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("127.0.0.1");
        let host: String = host
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(*c))
            .collect();
        Ok(BaseUrl(format!("http://{host}")))
    }
}

/// A posted form (at most [`MAX_FORM_FIELDS`] fields) without its CSRF token, which was
/// checked against the session id of the request's session cookie; URL-encoded, or
/// multipart with files ([`crate::upload`]).
pub struct CsrfForm {
    fields: Vec<(String, String)>,
    /// The session the token is valid for (the cookie's), if it is valid.
    valid_for: Option<String>,
    /// The files posted (multipart forms only).
    pub uploads: Vec<engine::upload::Upload>,
    /// Why the body could not be used (an upload over the limit, a malformed body): the
    /// screen is shown again with this message and nothing is stored.
    pub refused: Option<String>,
}

impl CsrfForm {
    /// Whether a field of one of `names` was posted.
    pub fn posts_any(&self, names: &[&str]) -> bool {
        self.fields.iter().any(|(k, _)| names.contains(&k.as_str()))
    }

    /// The same form again (to take an answer a second time), if it has no files and was
    /// not refused.
    pub fn again(&self) -> Option<CsrfForm> {
        (self.uploads.is_empty() && self.refused.is_none()).then(|| CsrfForm {
            fields: self.fields.clone(),
            valid_for: self.valid_for.clone(),
            uploads: Vec::new(),
            refused: None,
        })
    }

    /// The fields, if the token is the one of session `session_id` (the session the
    /// request opened); [`AppError::Csrf`] otherwise.
    pub fn fields_for(self, session_id: &str) -> Result<Vec<(String, String)>, AppError> {
        if self.valid_for.as_deref() == Some(session_id) {
            Ok(self.fields)
        } else {
            Err(AppError::Csrf)
        }
    }
}

impl FromRequest<App> for CsrfForm {
    type Rejection = Response;

    async fn from_request(req: Request, app: &App) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let q = InterviewQuery::from_request_parts(&mut parts, app)
            .await
            .unwrap_or_default();
        let SessionCookie(cookie, _) = match SessionCookie::from_request_parts(&mut parts, app).await {
            Ok(c) => c,
            Err(never) => match never {},
        };
        let (posted, uploads, refused) = if crate::upload::is_multipart(&parts.headers) {
            let limit = app.options.max_upload_size.unwrap_or(crate::upload::DEFAULT_MAX_UPLOAD);
            let p = crate::upload::read_multipart(&parts.headers, body, limit, MAX_FORM_FIELDS).await;
            (p.fields, p.uploads, p.refused)
        } else {
            let body = Bytes::from_request(Request::from_parts(parts, body), app)
                .await
                .map_err(IntoResponse::into_response)?;
            let posted: Vec<(String, String)> = form_pairs(&body).take(MAX_FORM_FIELDS.saturating_add(1)).collect();
            (posted, Vec::new(), None)
        };
        if posted.len() > MAX_FORM_FIELDS {
            let reference = q.reference().map(str::to_string);
            return Err(AppError::TooManyFields { reference }.into_response());
        }
        let mut fields: Vec<(String, String)> = Vec::new();
        let mut token: Option<String> = None;
        for (k, v) in posted {
            if k == CSRF_FIELD {
                token.get_or_insert(v);
                continue;
            }
            fields.push((k, v));
        }
        let token = token.unwrap_or_default();
        let valid_for = cookie
            .map(|(id, _)| id)
            .filter(|id| csrf_ok(&app.secret, id, &token));
        Ok(CsrfForm { fields, valid_for, uploads, refused })
    }
}

/// The name–value pairs of a URL-encoded body, as [`form_urlencoded::parse`] gives them.
/// A name or value with nothing encoded (no `%`, no `+`: the base64 field names, the
/// token, most answers) is taken as it is; the rest is decoded by `form_urlencoded`, which
/// goes byte by byte.
fn form_pairs(body: &[u8]) -> impl Iterator<Item = (String, String)> + '_ {
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    body.split(|&b| b == b'&').filter(|pair| !pair.is_empty()).map(move |pair| {
        if pair.iter().any(|&b| b == b'%' || b == b'+') {
            form_urlencoded::parse(pair)
                .next()
                .map_or_else(|| (String::new(), String::new()), |(k, v)| (k.into_owned(), v.into_owned()))
        } else {
            match pair.iter().position(|&b| b == b'=') {
                Some(eq) => (text(&pair[..eq]), text(&pair[eq + 1..])),
                None => (text(pair), String::new()),
            }
        }
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn form_pairs_are_what_form_urlencoded_gives() {
        let bodies: &[&[u8]] = &[
            b"",
            b"a=1&b=2",
            b"a=1&&b=&=c&d&e==f&",
            b"x%20y=a+b&plain=v%2Bw&c=%zz%4&%C3%A9=\xc3\xa9",
            b"bad=\xff\xfe&ok=1",
            b"dXNlcl9lbWFpbA=me%40example.com&_csrf=8efcd9da",
            b"k=v=w&k2=+",
        ];
        for body in bodies {
            let ours: Vec<(String, String)> = form_pairs(body).collect();
            let theirs: Vec<(String, String)> =
                form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
            assert_eq!(ours, theirs, "body {:?}", String::from_utf8_lossy(body));
        }
    }

    #[test]
    fn query_parsing() {
        let q = InterviewQuery::parse(
            "i=docassemble.base%3Adata%2Fquestions%2Fx.yml&reset=2&foo=bar&utm_source=x&lang=fr&action_sig=ab",
        );
        assert_eq!(q.reference(), Some("docassemble.base:data/questions/x.yml"));
        assert!(q.reset);
        assert_eq!(q.action_sig.as_deref(), Some("ab"));
        assert_eq!(q.args, vec![("foo".to_string(), "bar".to_string())]);
    }
}
