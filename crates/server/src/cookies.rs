//! Session ids and the session cookie: its name per interview, reading it from the
//! request, and the `Set-Cookie` values that set and remove it.

use http::header::{self, HeaderMap};
use sha2::{Digest, Sha256};
use store::CookieSecret;

use crate::state::{random_hex, Rng, RngFailed};

/// Length in hex characters of a session id: its creation time (12: milliseconds on the
/// server's clock) then 128 random bits (32).
pub const SESSION_ID_LEN: usize = TIME_LEN + RANDOM_LEN;

/// Hex characters of a session id's creation time (48 bits of milliseconds).
const TIME_LEN: usize = 12;

/// Hex characters of a session id's random part, and the whole of an id issued before ids
/// began with their time (those are still read).
const RANDOM_LEN: usize = 32;

/// A fresh session id: the time `millis` (the server's clock: [`crate::state::Clock::millis`]),
/// then 128 bits from the server's random source, as lowercase hex.
///
/// Why the time first: the database keeps an index of session ids, and a new session's
/// row goes into it at its first answer. Ids that grow with time land at the index's end,
/// in pages already in memory; wholly random ids each landed at a random page, read from
/// the file once the index outgrew SQLite's cache, and split pages anywhere. The random
/// part alone keeps an id unguessable (it is what a `multi_user` link carries); the time
/// tells the id's holder only when the session began, which its row holds too.
pub fn new_session_id(rng: &dyn Rng, millis: i64) -> Result<String, RngFailed> {
    // 48 bits hold milliseconds until the year 10889; a time before 1970 counts as 1970
    let millis = u64::try_from(millis).unwrap_or(0) & 0xffff_ffff_ffff;
    let mut id = String::with_capacity(SESSION_ID_LEN);
    use std::fmt::Write as _;
    let _ = write!(id, "{millis:0TIME_LEN$x}");
    id.push_str(&random_hex(rng, RANDOM_LEN / 2)?);
    Ok(id)
}

/// Whether `s` looks like a session id we issued, now or before ids began with their time
/// (so junk never reaches the database).
pub fn valid_session_id(s: &str) -> bool {
    (s.len() == SESSION_ID_LEN || s.len() == RANDOM_LEN)
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
    use crate::state::Clock as _;

    #[test]
    fn session_ids() {
        let now = crate::state::SystemClock.millis();
        let a = new_session_id(&crate::state::OsRng, now).unwrap();
        let b = new_session_id(&crate::state::OsRng, now).unwrap();
        assert_ne!(a, b);
        assert!(valid_session_id(&a));
        assert!(!valid_session_id("../etc"));
        assert!(!valid_session_id(&a.to_uppercase()));
        assert_eq!(a.len(), SESSION_ID_LEN);
        // ids issued before ids began with their time are still read; other lengths are not
        assert!(valid_session_id(&a[TIME_LEN..]));
        assert!(!valid_session_id(&a[1..]));
        assert!(!valid_session_id(&a[..RANDOM_LEN - 1]));
    }

    #[test]
    fn session_ids_grow_with_time_and_end_in_128_random_bits() {
        let rng = crate::state::OsRng;
        let at = |ms: i64| new_session_id(&rng, ms).unwrap();
        let (early, late) = (at(1_765_000_000_000), at(1_765_000_000_001));
        assert!(early < late, "{early} {late}");
        assert_eq!(&early[..TIME_LEN], "019af232b200");
        assert_eq!(&late[..TIME_LEN], "019af232b201");
        // a thousand ids of one millisecond: all different in their random part
        let same: std::collections::HashSet<String> = (0..1000).map(|_| at(7)[TIME_LEN..].to_string()).collect();
        assert_eq!(same.len(), 1000);
        assert!(at(7).starts_with("000000000007"));
        assert!(valid_session_id(&at(i64::MAX)));
        // before 1970: as 1970
        assert!(at(-5).starts_with("000000000000"));
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
        let id = new_session_id(&crate::state::OsRng, 1).unwrap();
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
