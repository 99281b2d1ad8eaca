//! The one seam through which a session's plaintext state enters and leaves storage.
//!
//! Every byte of interview answers that the store writes goes through [`seal`], and every
//! byte it reads back comes out of [`open`]. Nothing else in the crate (or in any caller)
//! touches the stored `state` column. Today the sealed form is the plaintext behind a
//! one-byte format tag (`0x00`, identity); the security issue replaces the body of this
//! pair with an AEAD (associated data = session id, purpose, version) without changing
//! any caller: the tag byte lets old rows still be read or refused cleanly.

use crate::StoreError;

/// Format tag of a state stored without encryption (the current identity seam).
const FORMAT_PLAIN: u8 = 0x00;

/// What a sealed blob is bound to (the future AEAD's associated data).
#[derive(Clone, Copy, Debug)]
pub struct SealContext<'a> {
    /// The session the state belongs to.
    pub session_id: &'a str,
    /// What the bytes are ("state" for the answers; uploads later).
    pub purpose: &'a str,
}

/// Turns a session's plaintext (JSON) into the bytes written to the database.
pub fn seal(ctx: SealContext<'_>, plaintext: &[u8]) -> Result<Vec<u8>, StoreError> {
    let _ = ctx; // bound into the associated data once encryption lands
    let mut out = Vec::with_capacity(plaintext.len() + 1);
    out.push(FORMAT_PLAIN);
    out.extend_from_slice(plaintext);
    Ok(out)
}

/// Turns stored bytes back into the session's plaintext (JSON); the inverse of [`seal`].
pub fn open(ctx: SealContext<'_>, sealed: &[u8]) -> Result<Vec<u8>, StoreError> {
    let _ = ctx;
    match sealed.split_first() {
        Some((&FORMAT_PLAIN, body)) => Ok(body.to_vec()),
        Some((tag, _)) => Err(StoreError::Sealed(format!(
            "unknown state format {tag:#04x}"
        ))),
        None => Err(StoreError::Sealed("empty state".into())),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip() {
        let ctx = SealContext {
            session_id: "abc",
            purpose: "state",
        };
        let sealed = seal(ctx, b"{\"a\":1}").unwrap();
        assert_eq!(open(ctx, &sealed).unwrap(), b"{\"a\":1}");
        assert!(open(ctx, &[]).is_err());
        assert!(open(ctx, &[7, 1, 2]).is_err());
    }
}
