//! Session ids and the session cookie: its name per interview, reading it from the
//! request, and the `Set-Cookie` values that set and remove it.

use http::header::{self, HeaderMap};
use sha2::{Digest, Sha256};
use store::CookieSecret;

use crate::state::{random_hex, Rng, RngFailed};

/// Length in hex characters of a session id (128 random bits).
pub const SESSION_ID_LEN: usize = 32;

/// A fresh session id: 128 bits from the server's random source, as lowercase hex.
pub fn new_session_id(rng: &dyn Rng) -> Result<String, RngFailed> {
    random_hex(rng, SESSION_ID_LEN / 2)
}

/// Whether `s` looks like a session id we issued (so junk never reaches the database).
pub fn valid_session_id(s: &str) -> bool {
    s.len() == SESSION_ID_LEN
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The cookie that holds the session id of one interview (one cookie per interview).
pub fn cookie_name(interview: &str) -> String {
    if let Some(name) = known_names().get(interview) {
        return name.clone();
    }
    let digest = Sha256::digest(interview.as_bytes());
    let name = format!("colloquy_{}", hex::encode(&digest[..8]));
    let mut known = known_names();
    if known.len() < KNOWN_NAMES {
        known.insert(interview.to_string(), name.clone());
    }
    name
}

/// How many interviews' cookie names are remembered (the reference comes from the URL, so
/// the memo is bounded; past it, names are worked out each time).
const KNOWN_NAMES: usize = 1024;

/// The cookie names worked out so far, by interview reference (a request needs its name up
/// to four times: reading the cookie, setting it, removing it).
fn known_names() -> std::sync::MutexGuard<'static, std::collections::HashMap<String, String>> {
    static NAMES: std::sync::LazyLock<std::sync::Mutex<std::collections::HashMap<String, String>>> =
        std::sync::LazyLock::new(Default::default);
    NAMES.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
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

/// What a session cookie of a session not stored yet ends with (`id.secret.new`): a
/// first screen kept for every visitor stores nothing before the first answer
/// ([`crate::first_screen`]), and that answer need not look for a stored row.
const UNSTORED: &str = "new";

/// A `Set-Cookie` value carrying a session id and the secret that unwraps the session's
/// data key, as `id.secret`, or `id.secret.new` while the session is not `stored`
/// (HttpOnly, SameSite=Lax, whole site; Secure when configured).
pub fn session_cookie(name: &str, id: &str, secret: &CookieSecret, stored: bool, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    let secret = secret.to_cookie_value();
    let unstored = if stored { "" } else { ".new" };
    format!(
        "{name}={id}.{}{unstored}; Path=/; HttpOnly; SameSite=Lax{secure}",
        secret.as_str()
    )
}

/// The session id and cookie secret of session cookie `name` (`id.secret`), if the cookie
/// is present and well-formed (an id we could have issued and a canonical 32-byte secret),
/// and whether the cookie says its session was never stored (`id.secret.new`). That says
/// only where to look first, never what may be opened: the cookie's holder chooses it.
pub fn read_session_cookie(headers: &HeaderMap, name: &str) -> Option<(String, CookieSecret, bool)> {
    let value = zeroize::Zeroizing::new(read_cookie(headers, name)?);
    let (id, rest) = value.split_once('.')?;
    if !valid_session_id(id) {
        return None;
    }
    let (secret, unstored) = match rest.split_once('.') {
        None => (rest, false),
        Some((secret, UNSTORED)) => (secret, true),
        Some(_) => return None,
    };
    let secret = CookieSecret::from_cookie_value(secret).ok()?;
    Some((id.to_string(), secret, unstored))
}

/// A `Set-Cookie` value that removes the cookie.
pub fn expired_cookie(name: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use http::HeaderValue;

    #[test]
    fn session_ids() {
        let a = new_session_id(&crate::state::OsRng).unwrap();
        let b = new_session_id(&crate::state::OsRng).unwrap();
        assert_ne!(a, b);
        assert!(valid_session_id(&a));
        assert!(!valid_session_id("../etc"));
        assert!(!valid_session_id(&a.to_uppercase()));
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
        let id = new_session_id(&crate::state::OsRng).unwrap();
        let secret = CookieSecret::generate().unwrap();
        let set = session_cookie("colloquy_cd", &id, &secret, true, true);
        assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Secure"));
        let pair = set.split(';').next().unwrap().to_string();
        let mut h = HeaderMap::new();
        h.append(header::COOKIE, HeaderValue::from_str(&pair).unwrap());
        let (got_id, got_secret, unstored) = read_session_cookie(&h, "colloquy_cd").unwrap();
        assert_eq!(got_id, id);
        assert_eq!(got_secret, secret);
        assert!(!unstored);
        // a session not stored yet says so after its secret
        let new = session_cookie("colloquy_cd", &id, &secret, false, false);
        let new_pair = new.split(';').next().unwrap().to_string();
        assert!(new_pair.ends_with(".new") && !new.contains("Secure"), "{new}");
        let mut h = HeaderMap::new();
        h.append(header::COOKIE, HeaderValue::from_str(&new_pair).unwrap());
        assert_eq!(read_session_cookie(&h, "colloquy_cd"), Some((id.clone(), secret.clone(), true)));
        for bad in [
            id.clone(),
            format!("{id}."),
            format!("{id}.abc"),
            format!("x.{}", &pair[pair.len() - 43..]),
            format!("{}.old", &pair["colloquy_cd=".len()..]),
            format!("{}.new.new", &pair["colloquy_cd=".len()..]),
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

    #[test]
    fn a_remembered_name_is_the_name_worked_out() {
        let reference = "docassemble.test:data/questions/remembered.yml";
        let digest = Sha256::digest(reference.as_bytes());
        let expected = format!("colloquy_{}", hex::encode(&digest[..8]));
        assert_eq!(cookie_name(reference), expected, "first time: worked out");
        assert_eq!(cookie_name(reference), expected, "then: remembered");
        assert_eq!(cookie_name_for(reference, true), format!("__Host-{expected}"));
    }
}
