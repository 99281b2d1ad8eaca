//! The server's MACs: CSRF tokens of forms and the signatures of action links.
//!
//! An action link (`url_action()`, menu items, review links, action buttons) is signed
//! when the engine makes it, through the [`engine::ActionSigner`] the server puts in the
//! request context. The signature binds the session id, the `action` value and the
//! session's *link epoch*: a random mark the server stores with the state each time the
//! state is saved. A link made during a request carries one tag for the epoch the session
//! had when the request began and one for the epoch the request's save (if any) stores,
//! so it works until the state is saved again, and never in another session.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::state::{Rng, RngFailed};

type HmacSha256 = Hmac<Sha256>;

/// Bytes of one epoch's tag in an action signature (128 bits).
const TAG_LEN: usize = 16;

/// 32 fresh random bytes (server secrets).
pub fn new_secret(rng: &dyn Rng) -> Result<[u8; 32], RngFailed> {
    let mut bytes = [0u8; 32];
    rng.fill(&mut bytes)?;
    Ok(bytes)
}

/// HMAC-SHA256 keyed with `secret`. Keying costs two SHA-256 blocks (the padded key, inner
/// and outer), as much as the message of a token; the keyed state of the server's secret is
/// made once per process and copied for each MAC.
fn keyed(secret: &[u8; 32]) -> Option<HmacSha256> {
    static KEYED: std::sync::OnceLock<([u8; 32], HmacSha256)> = std::sync::OnceLock::new();
    if let Some((key, mac)) = KEYED.get() {
        if key == secret {
            return Some(mac.clone());
        }
    }
    // HMAC accepts keys of any length, so this never fails in practice.
    let mac = <HmacSha256 as KeyInit>::new_from_slice(secret).ok()?;
    // the first secret used is kept (a server has one; tests may use others, keyed each time)
    let _ = KEYED.set((*secret, mac.clone()));
    Some(mac)
}

fn csrf_mac(secret: &[u8; 32], session_id: &str) -> Option<HmacSha256> {
    let mut mac = keyed(secret)?;
    mac.update(b"colloquy-csrf\0");
    mac.update(session_id.as_bytes());
    Some(mac)
}

/// The CSRF token of a session: HMAC-SHA256(secret, session id), hex.
pub fn csrf_token(secret: &[u8; 32], session_id: &str) -> String {
    csrf_mac(secret, session_id)
        .map(|m| crate::state::to_hex(&m.finalize().into_bytes()))
        .unwrap_or_default()
}

/// Checks a posted CSRF token in constant time.
pub fn csrf_ok(secret: &[u8; 32], session_id: &str, token: &str) -> bool {
    match (hex::decode(token), csrf_mac(secret, session_id)) {
        (Ok(bytes), Some(mac)) => mac.verify_slice(&bytes).is_ok(),
        _ => false,
    }
}

/// The tag of `action` in session `session_id` at link epoch `epoch`.
fn action_tag(
    secret: &[u8; 32],
    session_id: &str,
    epoch: &str,
    action: &str,
) -> Option<[u8; TAG_LEN]> {
    let mut mac = keyed(secret)?;
    mac.update(b"colloquy-action\0");
    mac.update(session_id.as_bytes());
    mac.update(b"\0");
    mac.update(epoch.as_bytes());
    mac.update(b"\0");
    mac.update(action.as_bytes());
    let full = mac.finalize().into_bytes();
    let mut tag = [0u8; TAG_LEN];
    tag.copy_from_slice(full.get(..TAG_LEN)?);
    Some(tag)
}

/// The link epochs of one request: the session's when the request began, and the one its
/// save will store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkEpochs {
    /// The epoch the session had when the request began (empty for a new session).
    pub current: String,
    /// The epoch stored if this request saves the state.
    pub next: String,
}

/// The signature (`action_sig`) of an action link made during a request with `epochs`:
/// HMAC-SHA256 over the session id, the epoch and the `action` value, for both epochs,
/// each truncated to 128 bits, hex.
pub fn action_token(
    secret: &[u8; 32],
    session_id: &str,
    epochs: &LinkEpochs,
    action: &str,
) -> String {
    match (
        action_tag(secret, session_id, &epochs.current, action),
        action_tag(secret, session_id, &epochs.next, action),
    ) {
        (Some(a), Some(b)) => {
            let mut s = crate::state::to_hex(&a);
            s.push_str(&crate::state::to_hex(&b));
            s
        }
        _ => String::new(),
    }
}

/// Checks an action link's signature against the session's epoch `epoch` now, in constant
/// time.
pub fn action_token_ok(
    secret: &[u8; 32],
    session_id: &str,
    epoch: &str,
    action: &str,
    token: &str,
) -> bool {
    let Ok(bytes) = hex::decode(token) else {
        return false;
    };
    let Some(want) = action_tag(secret, session_id, epoch, action) else {
        return false;
    };
    if bytes.len() != 2 * TAG_LEN {
        return false;
    }
    let (a, b) = bytes.split_at(TAG_LEN);
    // Both halves are compared, so the time does not tell which matched.
    let first = store::crypto::constant_time_eq(a, &want);
    let second = store::crypto::constant_time_eq(b, &want);
    first | second
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use engine::links::resign_action_link as resign_url;
    use crate::state::OsRng;

    #[test]
    fn csrf_tokens() {
        let secret = new_secret(&OsRng).unwrap();
        let t = csrf_token(&secret, "s1");
        assert!(csrf_ok(&secret, "s1", &t));
        assert!(!csrf_ok(&secret, "s2", &t));
        assert!(!csrf_ok(&secret, "s1", "zz"));
        assert!(!csrf_ok(&secret, "s1", ""));
    }

    #[test]
    fn each_secret_makes_its_own_tokens_whichever_was_keyed_first() {
        let (a, b) = ([1u8; 32], [2u8; 32]);
        for _ in 0..2 {
            for secret in [&a, &b] {
                let mut direct = <HmacSha256 as KeyInit>::new_from_slice(secret).unwrap();
                direct.update(b"colloquy-csrf\0s1");
                assert_eq!(csrf_token(secret, "s1"), hex::encode(direct.finalize().into_bytes()));
            }
        }
        assert!(!csrf_ok(&b, "s1", &csrf_token(&a, "s1")));
    }

    #[test]
    fn action_tokens_bind_session_epoch_and_action() {
        let secret = new_secret(&OsRng).unwrap();
        let epochs = LinkEpochs {
            current: "e1".into(),
            next: "e2".into(),
        };
        let t = action_token(&secret, "s1", &epochs, "x");
        // Valid whether or not the request that made it saved the state …
        assert!(action_token_ok(&secret, "s1", "e1", "x", &t));
        assert!(action_token_ok(&secret, "s1", "e2", "x", &t));
        // … and not after another save, in another session, or for another action.
        assert!(!action_token_ok(&secret, "s1", "e3", "x", &t));
        assert!(!action_token_ok(&secret, "s2", "e1", "x", &t));
        assert!(!action_token_ok(&secret, "s1", "e1", "y", &t));
        assert!(!action_token_ok(&secret, "s1", "e1", "x", "zz"));
        assert!(!action_token_ok(&secret, "s1", "e1", "x", &t[..32]));
    }

    #[test]
    fn resigning_replaces_only_the_signature_of_signed_action_links() {
        let sign = |a: &str| format!("SIG({a})");
        assert_eq!(
            resign_url(
                "/interview?i=a%3Ab.yml&action=eyJ4Ijo%3D&action_sig=old#f",
                &sign
            ),
            "/interview?i=a%3Ab.yml&action=eyJ4Ijo%3D&action_sig=SIG%28eyJ4Ijo%3D%29#f"
        );
        for other in [
            "/interview?i=a&action=x",
            "/interview?i=a",
            "https://example.com/",
            "/x?action_sig=y",
        ] {
            assert_eq!(resign_url(other, &sign), other);
        }
    }
}
