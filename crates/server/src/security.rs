//! Session ids, cookies, CSRF tokens and the security headers.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
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

/// Content-Security-Policy of every response.
pub const CSP: &str = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

/// Middleware: the security headers on every response (pages, errors, static files).
pub async fn headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
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
    res
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
