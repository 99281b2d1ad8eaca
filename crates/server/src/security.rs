//! Session ids, cookies, CSRF tokens and the security headers.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use http::header::{self, HeaderMap, HeaderValue};
use rand::RngCore;
use sha2::{Digest, Sha256};
use store::CookieSecret;

type HmacSha256 = Hmac<Sha256>;

/// Length in hex characters of a session id (128 random bits).
pub const SESSION_ID_LEN: usize = 32;

/// A fresh session id: 128 bits from the operating system's CSPRNG, as lowercase hex.
pub fn new_session_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// 32 fresh random bytes (server secrets).
pub fn new_secret() -> [u8; 32] {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
}

/// Whether `s` looks like a session id we issued (so junk never reaches the database).
pub fn valid_session_id(s: &str) -> bool {
    s.len() == SESSION_ID_LEN
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    let val = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    };
    s.as_bytes()
        .chunks(2)
        .map(|p| Some(val(p[0])? << 4 | val(p[1])?))
        .collect()
}

/// The cookie that holds the session id of one interview (one cookie per interview).
pub fn cookie_name(interview: &str) -> String {
    let digest = Sha256::digest(interview.as_bytes());
    format!("colloquy_{}", hex(&digest[..8]))
}

/// The session cookie's name as used by the server: with the `__Host-` prefix when cookies
/// are `Secure` (served over TLS), so the browser only accepts it from this exact host,
/// over HTTPS, with `Path=/` and no `Domain` (no subdomain can set or shadow it).
pub fn cookie_name_for(interview: &str, secure: bool) -> String {
    if secure {
        format!("__Host-{}", cookie_name(interview))
    } else {
        cookie_name(interview)
    }
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn read_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    for value in headers.get_all(header::COOKIE) {
        let Ok(text) = value.to_str() else { continue };
        for part in text.split(';') {
            if let Some((k, v)) = part.trim().split_once('=') {
                if k.trim() == name {
                    return Some(v.trim().trim_matches('"').to_string());
                }
            }
        }
    }
    None
}

/// A `Set-Cookie` value carrying a session id and the secret that unwraps the session's
/// data key, as `id.secret` (HttpOnly, SameSite=Lax, whole site; Secure when configured).
pub fn session_cookie(name: &str, id: &str, secret: &CookieSecret, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    let secret = secret.to_cookie_value();
    format!(
        "{name}={id}.{}; Path=/; HttpOnly; SameSite=Lax{secure}",
        secret.as_str()
    )
}

/// The session id and cookie secret of session cookie `name` (`id.secret`), if the cookie
/// is present and well-formed (an id we could have issued and a canonical 32-byte secret).
pub fn read_session_cookie(headers: &HeaderMap, name: &str) -> Option<(String, CookieSecret)> {
    let value = zeroize::Zeroizing::new(read_cookie(headers, name)?);
    let (id, secret) = value.split_once('.')?;
    if !valid_session_id(id) {
        return None;
    }
    let secret = CookieSecret::from_cookie_value(secret).ok()?;
    Some((id.to_string(), secret))
}

/// A `Set-Cookie` value that removes the cookie.
pub fn expired_cookie(name: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

fn csrf_mac(secret: &[u8; 32], session_id: &str) -> Option<HmacSha256> {
    // HMAC accepts keys of any length, so this never fails in practice.
    let mut mac = HmacSha256::new_from_slice(secret).ok()?;
    mac.update(b"colloquy-csrf\0");
    mac.update(session_id.as_bytes());
    Some(mac)
}

/// The CSRF token of a session: HMAC-SHA256(secret, session id), hex.
pub fn csrf_token(secret: &[u8; 32], session_id: &str) -> String {
    csrf_mac(secret, session_id)
        .map(|m| hex(&m.finalize().into_bytes()))
        .unwrap_or_default()
}

/// Checks a posted CSRF token in constant time.
pub fn csrf_ok(secret: &[u8; 32], session_id: &str, token: &str) -> bool {
    match (unhex(token), csrf_mac(secret, session_id)) {
        (Some(bytes), Some(mac)) => mac.verify_slice(&bytes).is_ok(),
        _ => false,
    }
}

fn action_mac(
    secret: &[u8; 32],
    session_id: &str,
    version: i64,
    action: &str,
) -> Option<HmacSha256> {
    let mut mac = HmacSha256::new_from_slice(secret).ok()?;
    mac.update(b"colloquy-action\0");
    mac.update(session_id.as_bytes());
    mac.update(b"\0");
    mac.update(&version.to_be_bytes());
    mac.update(action.as_bytes());
    Some(mac)
}

/// Query parameter that carries the signature of an `action` link.
pub const ACTION_SIG: &str = "action_sig";

/// The signature of an action link (`url_action()`, menu items, review links, action
/// buttons): HMAC-SHA256 over the session id, the session's stored version when the link
/// was shown, and the `action` value, hex. A link therefore works only in its own session,
/// and only until the session's state changes (once), and cannot be made by anyone who
/// does not hold the server's secret.
pub fn action_token(secret: &[u8; 32], session_id: &str, version: i64, action: &str) -> String {
    action_mac(secret, session_id, version, action)
        .map(|m| hex(&m.finalize().into_bytes()))
        .unwrap_or_default()
}

/// Checks an action link's signature in constant time.
pub fn action_token_ok(
    secret: &[u8; 32],
    session_id: &str,
    version: i64,
    action: &str,
    token: &str,
) -> bool {
    match (
        unhex(token),
        action_mac(secret, session_id, version, action),
    ) {
        (Some(bytes), Some(mac)) => mac.verify_slice(&bytes).is_ok(),
        _ => false,
    }
}

/// The `action` value of a URL that points at the interview `interview_path` (a
/// site-relative `/interview?…` URL, or an absolute one on any host — the host is checked by
/// the browser, not here), decoded from the query string.
fn action_of(url: &str) -> Option<String> {
    let rest = match url.find("/interview?") {
        Some(at) => {
            let before = &url[..at];
            // Site-relative, or scheme://host before the path (no other path prefix).
            let host = before
                .strip_prefix("http://")
                .or_else(|| before.strip_prefix("https://"));
            let ok = before.is_empty() || host.is_some_and(|h| !h.is_empty() && !h.contains('/'));
            if !ok {
                return None;
            }
            &url[at + "/interview?".len()..]
        }
        None => return None,
    };
    let query = rest.split('#').next().unwrap_or("");
    let mut action = None;
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        if k == ACTION_SIG {
            return None; // already signed
        }
        if k == "action" {
            action = Some(v.into_owned());
        }
    }
    action
}

/// Adds [`ACTION_SIG`] to `url` if it is an action link of the interview.
pub fn sign_url(url: &str, sign: &dyn Fn(&str) -> String) -> String {
    let Some(action) = action_of(url) else {
        return url.to_string();
    };
    let (base, frag) = match url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (url, None),
    };
    let mut out = format!("{base}&{ACTION_SIG}={}", sign(&action));
    if let Some(f) = frag {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// Signs every action link (`href="…"` with an `action` parameter pointing at the
/// interview) in rendered HTML; other links are left alone. Attribute values are
/// HTML-escaped (`&amp;`), as the renderer and the sanitiser write them.
pub fn sign_action_links(html: &str, sign: &dyn Fn(&str) -> String) -> String {
    const HREF: &str = "href=\"";
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(at) = rest.find(HREF) {
        let start = at + HREF.len();
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(end) = after.find('"') else {
            rest = after;
            break;
        };
        let value = &after[..end];
        if value.contains("action=") {
            let url = unescape_attr(value);
            let signed = sign_url(&url, sign);
            if signed != url {
                out.push_str(&crate::markdown::escape(&signed));
            } else {
                out.push_str(value);
            }
        } else {
            out.push_str(value);
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Undoes the HTML escaping of an attribute value (the entities the renderer and
/// ammonia produce).
fn unescape_attr(v: &str) -> String {
    v.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A fresh CSP nonce (128 random bits, hex) for one response.
pub fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// Content-Security-Policy of every response without author scripts or styles.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

/// The Content-Security-Policy of a page that carries the interview author's own
/// `script:`/`css:` blocks, allowed by a per-response nonce (never `unsafe-inline`).
pub fn csp_with_nonce(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'"
    )
}

/// Value of the `Strict-Transport-Security` header when HSTS is on (one year, subdomains).
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// The id of one request: shown on error pages, logged with every message of the request.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

tokio::task_local! {
    static REQUEST_ID: String;
}

/// The id of the request being handled (empty outside a request).
pub fn request_id() -> String {
    REQUEST_ID.try_with(Clone::clone).unwrap_or_default()
}

/// A fresh request id (64 random bits, hex).
fn new_request_id() -> String {
    let mut bytes = [0u8; 8];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// Middleware: gives every request an id (logged in a span, shown on error pages, sent as
/// `X-Request-Id`), puts the security headers on every response (pages, errors, static
/// files, redirects, 404, 405, 413), and replaces any error body that is not one of our
/// HTML pages (axum's plain-text rejections) with the generic error page.
pub async fn headers(State(app): State<crate::App>, req: Request, next: Next) -> Response {
    let id = new_request_id();
    let span = tracing::info_span!("request", request_id = %id);
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let mut res = {
        use tracing::Instrument;
        REQUEST_ID
            .scope(id.clone(), next.run(req).instrument(span.clone()))
            .await
    };
    let status = res.status();
    if status.is_client_error() || status.is_server_error() {
        let _enter = span.enter();
        tracing::info!(%method, path = ?path, status = status.as_u16(), "error response");
        let html = res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        if !html {
            let page = REQUEST_ID.sync_scope(id.clone(), || generic_error_page(status));
            let mut replaced = (status, axum::response::Html(page)).into_response();
            for (name, value) in res.headers() {
                if name == header::ALLOW {
                    replaced.headers_mut().insert(name, value.clone());
                }
            }
            res = replaced;
        }
    }
    let h = res.headers_mut();
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static("SAMEORIGIN"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if app.options.hsts {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    if let Ok(v) = HeaderValue::from_str(&id) {
        h.insert("x-request-id", v);
    }
    res
}

/// The generic page of an error status (no internals; the request id for support).
fn generic_error_page(status: http::StatusCode) -> String {
    let (title, message) = match status.as_u16() {
        404 => ("Not found", "There is no page at this address."),
        405 => ("Not allowed", "This page cannot be used that way."),
        413 => ("Too large", "What was sent is too large."),
        400..=499 => ("Bad request", "The request could not be understood."),
        _ => (
            "Error",
            "An internal error occurred. Please try again later.",
        ),
    };
    crate::render::message_page(title, message)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_tokens() {
        let a = new_session_id();
        let b = new_session_id();
        assert_ne!(a, b);
        assert!(valid_session_id(&a));
        assert!(!valid_session_id("../etc"));
        assert!(!valid_session_id(&a.to_uppercase()));
        let secret = new_secret();
        let t = csrf_token(&secret, &a);
        assert!(csrf_ok(&secret, &a, &t));
        assert!(!csrf_ok(&secret, &b, &t));
        assert!(!csrf_ok(&secret, &a, "zz"));
        assert!(!csrf_ok(&secret, &a, ""));
    }

    #[test]
    fn action_links_are_signed_only_when_they_point_at_the_interview() {
        let sign = |a: &str| format!("SIG({a})");
        let ours = "/interview?i=a%3Ab.yml&action=eyJ4Ijo%3D";
        assert_eq!(
            sign_url(ours, &sign),
            format!("{ours}&action_sig=SIG(eyJ4Ijo=)")
        );
        let abs = "http://localhost:8080/interview?i=a&action=x#frag";
        assert_eq!(
            sign_url(abs, &sign),
            "http://localhost:8080/interview?i=a&action=x&action_sig=SIG(x)#frag"
        );
        for other in [
            "https://evil.example/x/interview?i=a&action=x",
            "/other/interview?i=a&action=x",
            "/interview?i=a",
            "http:///interview?i=a&action=x",
            "http://",
            "/interview?i=a&action=x&action_sig=y",
            "mailto:x?action=y",
        ] {
            assert_eq!(sign_url(other, &sign), other, "{other}");
        }
        let html = "<a href=\"/interview?i=a&amp;action=x\">x</a> <a href=\"/y?action=1\">y</a> <a href=\"";
        assert_eq!(
            sign_action_links(html, &sign),
            "<a href=\"/interview?i=a&amp;action=x&amp;action_sig=SIG(x)\">x</a> <a href=\"/y?action=1\">y</a> <a href=\""
        );
        let secret = new_secret();
        let t = action_token(&secret, "s1", 3, "x");
        assert!(action_token_ok(&secret, "s1", 3, "x", &t));
        assert!(!action_token_ok(&secret, "s2", 3, "x", &t));
        assert!(!action_token_ok(&secret, "s1", 4, "x", &t));
        assert!(!action_token_ok(&secret, "s1", 3, "y", &t));
        assert!(!action_token_ok(&secret, "s1", 3, "x", "zz"));
    }

    #[test]
    fn cookies() {
        let mut h = HeaderMap::new();
        h.append(
            header::COOKIE,
            HeaderValue::from_static("x=1; colloquy_ab=xyz"),
        );
        assert_eq!(read_cookie(&h, "colloquy_ab").as_deref(), Some("xyz"));
        assert_eq!(read_cookie(&h, "nope"), None);
        assert!(cookie_name("a:b.yml").starts_with("colloquy_"));
        let id = new_session_id();
        let secret = CookieSecret::generate().unwrap();
        let set = session_cookie("colloquy_cd", &id, &secret, true);
        assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Secure"));
        let pair = set.split(';').next().unwrap().to_string();
        let mut h = HeaderMap::new();
        h.append(header::COOKIE, HeaderValue::from_str(&pair).unwrap());
        let (got_id, got_secret) = read_session_cookie(&h, "colloquy_cd").unwrap();
        assert_eq!(got_id, id);
        assert_eq!(got_secret, secret);
        for bad in [
            id.clone(),
            format!("{id}."),
            format!("{id}.abc"),
            format!("x.{}", &pair[pair.len() - 43..]),
        ] {
            let mut h = HeaderMap::new();
            h.append(
                header::COOKIE,
                HeaderValue::from_str(&format!("colloquy_cd={bad}")).unwrap(),
            );
            assert!(read_session_cookie(&h, "colloquy_cd").is_none(), "{bad}");
        }
        assert_ne!(cookie_name("a:b.yml"), cookie_name("a:c.yml"));
    }
}
