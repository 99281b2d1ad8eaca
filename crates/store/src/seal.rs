//! The one seam through which a session's plaintext state enters and leaves storage.
//!
//! Every byte of interview answers that the store writes goes through [`seal`], and every
//! byte it reads back comes out of [`open`]. Nothing else in the crate (or in any caller)
//! touches the stored `state` column. The sealed form is XChaCha20-Poly1305 under the
//! session's [`DataKey`] with associated data (session id, purpose, version) — see
//! [`crate::crypto::seal_with`]. The legacy plaintext format byte `0x00` (before
//! encryption was wired) is refused, never read.

use crate::crypto::{open_with, seal_with, AssociatedData, CryptoError, DataKey, Purpose};
use crate::StoreError;

/// Format tag of the plaintext identity used before encryption was wired (refused now).
const FORMAT_PLAIN: u8 = 0x00;

/// What a sealed blob is bound to (the AEAD's associated data).
#[derive(Clone, Copy, Debug)]
pub struct SealContext<'a> {
    /// The session the state belongs to.
    pub session_id: &'a str,
    /// What the bytes are ([`Purpose::State`] for the answers; uploads later).
    pub purpose: Purpose,
    /// The row version the bytes are written as (1 on create, `expected + 1` on save).
    pub version: u64,
}

impl<'a> SealContext<'a> {
    /// The associated data of this context.
    fn ad(&self) -> AssociatedData<'a> {
        AssociatedData {
            session_id: self.session_id,
            purpose: self.purpose,
            version: self.version,
        }
    }
}

/// Turns a session's plaintext (JSON) into the bytes written to the database.
pub fn seal(key: &DataKey, ctx: SealContext<'_>, plaintext: &[u8]) -> Result<Vec<u8>, StoreError> {
    Ok(seal_with(key, ctx.ad(), plaintext)?)
}

/// Turns stored bytes back into the session's plaintext (JSON); the inverse of [`seal`].
/// Fails with [`StoreError::Locked`] when the key or context does not authenticate.
pub fn open(key: &DataKey, ctx: SealContext<'_>, sealed: &[u8]) -> Result<Vec<u8>, StoreError> {
    match sealed.first() {
        None => return Err(StoreError::Sealed("empty state".into())),
        Some(&FORMAT_PLAIN) => {
            return Err(StoreError::Sealed(
                "unencrypted state from before encryption was wired (refused)".into(),
            ))
        }
        Some(_) => {}
    }
    open_with(key, ctx.ad(), sealed).map_err(|e| match e {
        CryptoError::Unauthentic => StoreError::Locked,
        other => other.into(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_binding() {
        let key = DataKey::generate().unwrap();
        let ctx = SealContext {
            session_id: "abc",
            purpose: Purpose::State,
            version: 1,
        };
        let sealed = seal(&key, ctx, b"{\"a\":1}").unwrap();
        assert!(!sealed.windows(5).any(|w| w == b"\"a\":1"));
        assert_eq!(open(&key, ctx, &sealed).unwrap(), b"{\"a\":1}");
        let other = DataKey::generate().unwrap();
        assert!(matches!(
            open(&other, ctx, &sealed),
            Err(StoreError::Locked)
        ));
        let v2 = SealContext { version: 2, ..ctx };
        assert!(matches!(open(&key, v2, &sealed), Err(StoreError::Locked)));
        let s2 = SealContext {
            session_id: "abd",
            ..ctx
        };
        assert!(matches!(open(&key, s2, &sealed), Err(StoreError::Locked)));
        assert!(open(&key, ctx, &[]).is_err());
        assert!(open(&key, ctx, b"\x00{}").is_err());
        assert!(open(&key, ctx, &[7, 1, 2]).is_err());
    }
}
