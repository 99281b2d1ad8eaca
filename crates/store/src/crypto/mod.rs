//! Envelope encryption of everything a user enters: the key types and their wrapping,
//! sealing and opening, the server key file, passwords and recovery codes.
//!
//! The key hierarchy (see `SECURITY.md` at the repository root):
//!
//! ```text
//!  cookie secret (anonymous)  ─┐
//!  server key file (multi_user) ├─ wraps ─▶ DataKey (one per session) ─ seals ─▶ state, uploads,
//!  UserKey (accounts)          ─┘                                               documents, history
//!     ▲ wrapped by  PasswordKek = Argon2id(password, per-user salt)
//!     ▲ wrapped by  RecoveryCode (160 random bits, shown once) via HKDF-SHA256
//! ```
//!
//! Every ciphertext is XChaCha20-Poly1305 with a fresh random 192-bit nonce and associated
//! data that names what the bytes are (session, purpose, version, or wrapper kind and
//! owner), so a ciphertext moved to another place fails to open with a typed error. All
//! key types are zeroized on drop, print no bytes in `Debug`, and compare in constant time.
//!
//! Sealed data: `0x01 ‖ nonce[24] ‖ ciphertext ‖ tag[16]` (format byte `0x00` is the
//! plaintext identity of `seal.rs` and is never produced here).
//! Wrapped key: `0x01 ‖ kind ‖ kind-specific header ‖ nonce[24] ‖ key[32] ‖ tag[16]`.
//!
//! Wiring (see `seal.rs` and `Store`): on session creation, `DataKey::generate()`, wrap it with
//! [`DataKey::wrap`] (`KeyWrapper::Cookie` for anonymous sessions, whose
//! [`CookieSecret::to_cookie_value`] goes to the browser; `KeyWrapper::Server` for
//! `multi_user`) and store the wrapped bytes in the session row; `seal.rs` then calls
//! [`seal_with`] / [`open_with`] with `AssociatedData { session_id, purpose, version }`, where
//! `version` is the row version the bytes are written as (1 on create, `expected + 1` on save).

mod key_file;
mod password;
mod unpredictable;

pub use unpredictable::fill_unpredictable;

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

pub use key_file::load_or_create_mac_secret;
pub use password::{derive_password_key, KdfParams, RecoveryCode};

/// Length in bytes of every symmetric key (256 bits).
pub const KEY_LEN: usize = 32;
/// Length in bytes of the XChaCha20 nonce (192 bits, random per message).
pub const NONCE_LEN: usize = 24;
/// Length in bytes of the Poly1305 authentication tag.
pub const TAG_LEN: usize = 16;
/// Format byte of data sealed with XChaCha20-Poly1305 by [`seal_with`] (scheme version 1).
pub const FORMAT_XCHACHA20POLY1305_V1: u8 = 0x01;
/// Bytes [`seal_with`] adds to a plaintext (format byte, nonce, tag).
pub const SEAL_OVERHEAD: usize = 1 + NONCE_LEN + TAG_LEN;
/// Length in bytes of a per-user salt for the password key derivation.
pub const SALT_LEN: usize = 16;
/// Length in bytes of a recovery code (160 bits of entropy).
pub const RECOVERY_CODE_LEN: usize = 20;

/// Domain-separation prefix of the associated data of sealed data.
const SEAL_DOMAIN: &[u8] = b"colloquy/seal/v1";
/// Domain-separation prefix of the associated data of wrapped keys.
const WRAP_DOMAIN: &[u8] = b"colloquy/wrap/v1";
/// HKDF info string of the recovery-code key-encryption key.
const RECOVERY_INFO: &[u8] = b"colloquy/recovery-kek/v1";
/// First token of a server key file.
const KEY_FILE_MAGIC: &str = "colloquy-server-key-v1";
/// Highest Argon2 memory cost accepted from a stored blob (1 GiB), against memory exhaustion.
const MAX_M_KIB: u32 = 1 << 20;
/// Highest Argon2 time cost accepted from a stored blob.
const MAX_T_COST: u32 = 64;
/// Highest Argon2 parallelism accepted from a stored blob.
const MAX_P_COST: u32 = 16;
/// Crockford base32 alphabet used to display recovery codes.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Errors of the crypto module. Opening never says *why* authentication failed.
#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    /// The bytes are too short or structurally wrong to be sealed data or a wrapped key.
    #[error("sealed data is malformed")]
    Malformed,
    /// The format byte is not one this version understands.
    #[error("unknown sealed format {0:#04x}")]
    UnknownFormat(u8),
    /// Authentication failed: wrong key, wrong session/purpose/version/owner, or tampering.
    #[error("sealed data could not be opened (wrong key or context, or tampered)")]
    Unauthentic,
    /// A wrapped key was presented to a wrapper of another kind.
    #[error("wrapped key is of kind {found:?}, expected {expected:?}")]
    WrongWrapKind {
        /// The kind the caller tried to unwrap with.
        expected: WrapKind,
        /// The kind recorded in the blob (`None` if unknown).
        found: Option<WrapKind>,
    },
    /// The operating system's random number generator failed.
    #[error("operating system random number generator failed")]
    Random,
    /// The AEAD refused the input (plaintext or associated data too long).
    #[error("encryption failed")]
    Encrypt,
    /// A secret (cookie value, recovery code, key file body) is not validly encoded.
    #[error("secret is not validly encoded")]
    BadEncoding,
    /// Argon2id parameters out of the accepted range.
    #[error("key-derivation parameters out of range (m={m_kib} KiB, t={t}, p={p})")]
    BadParams {
        /// Memory cost in KiB.
        m_kib: u32,
        /// Time cost (passes).
        t: u32,
        /// Parallelism (lanes).
        p: u32,
    },
    /// The key-derivation function failed.
    #[error("key derivation failed")]
    Kdf,
    /// Reading or writing the server key file failed.
    #[error("server key file {path}: {source}")]
    KeyFileIo {
        /// The key file's path.
        path: String,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The server key file may be read by other users of the machine.
    #[error("server key file {path} has mode {mode:o}; it must not be accessible to group or others (chmod 600)")]
    KeyFilePermissions {
        /// The key file's path.
        path: String,
        /// Its permission bits.
        mode: u32,
    },
    /// The server key file exists but does not hold a Colloquy server key.
    #[error("server key file {path} is not a Colloquy server key")]
    KeyFileFormat {
        /// The key file's path.
        path: String,
    },
}

impl From<CryptoError> for crate::StoreError {
    fn from(e: CryptoError) -> Self {
        crate::StoreError::Sealed(e.to_string())
    }
}

/// Fills `buf` from the operating system CSPRNG.
fn fill_random(buf: &mut [u8]) -> Result<(), CryptoError> {
    getrandom::fill(buf).map_err(|_| CryptoError::Random)
}

/// A fresh random token of `n_bytes` bytes from the OS CSPRNG, URL-safe base64 without padding
/// (for session ids: use at least 16 bytes, i.e. 128 bits).
pub fn random_token(n_bytes: usize) -> Result<String, CryptoError> {
    let mut buf = Zeroizing::new(vec![0u8; n_bytes]);
    fill_random(&mut buf)?;
    Ok(URL_SAFE_NO_PAD.encode(&*buf))
}

/// Compares two byte strings in time independent of where they differ (for tokens, MACs).
///
/// The length is not secret: strings of different lengths compare unequal at once.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

/// Declares a 256-bit secret key type: zeroized on drop, redacted `Debug`, constant-time `==`.
macro_rules! secret_key {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Zeroize, ZeroizeOnDrop)]
        pub struct $name([u8; KEY_LEN]);

        impl $name {
            /// Draws a fresh random key from the operating system CSPRNG.
            pub fn generate() -> Result<Self, CryptoError> {
                let mut key = Self([0u8; KEY_LEN]);
                fill_random(&mut key.0)?;
                Ok(key)
            }

            /// Builds the key from bytes the caller already holds (and should zeroize).
            fn from_array(bytes: &[u8; KEY_LEN]) -> Self {
                Self(*bytes)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), "([redacted])"))
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                constant_time_eq(&self.0, &other.0)
            }
        }

        impl Eq for $name {}
    };
}

secret_key!(
    /// The random key that seals one session's state, uploads, documents and history.
    DataKey
);
secret_key!(
    /// A per-session secret that lives only in the anonymous user's cookie and wraps the
    /// session's [`DataKey`]; the server stores only the wrapped key.
    CookieSecret
);
secret_key!(
    /// The server's key-encryption key (for `multi_user` interviews), kept in a key file
    /// outside the database; see [`ServerKey::load_or_create`].
    ServerKey
);
secret_key!(
    /// A logged-in user's key: wraps that user's sessions' data keys; itself wrapped by the
    /// password key and by the recovery code, so a password change re-wraps only this key.
    UserKey
);
secret_key!(
    /// A key-encryption key derived with Argon2id from a password ([`derive_password_key`]).
    PasswordKek
);

/// What a sealed blob is: part of the associated data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// The interview answers (the session's state).
    State,
    /// An uploaded file.
    Upload,
    /// An assembled document.
    Document,
    /// A history (back-button) snapshot.
    History,
}

impl Purpose {
    /// The purpose's name as bound into the associated data.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::State => "state",
            Purpose::Upload => "upload",
            Purpose::Document => "document",
            Purpose::History => "history",
        }
    }

    /// The purpose named `name` (the inverse of [`Purpose::as_str`]).
    pub fn parse(name: &str) -> Option<Purpose> {
        match name {
            "state" => Some(Purpose::State),
            "upload" => Some(Purpose::Upload),
            "document" => Some(Purpose::Document),
            "history" => Some(Purpose::History),
            _ => None,
        }
    }
}

impl fmt::Display for Purpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a sealed blob is bound to; opening with any other value fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssociatedData<'a> {
    /// The session the bytes belong to.
    pub session_id: &'a str,
    /// What the bytes are.
    pub purpose: Purpose,
    /// The state version the bytes were written as (the session row's version after the
    /// write; for uploads/documents/history: the item's number), so old bytes cannot be
    /// replayed where a newer version is expected.
    pub version: u64,
}

impl AssociatedData<'_> {
    /// The canonical, unambiguous (length-prefixed) encoding fed to the AEAD.
    fn encode(&self, format: u8) -> Vec<u8> {
        let purpose = self.purpose.as_str().as_bytes();
        let mut ad = Vec::with_capacity(
            SEAL_DOMAIN.len() + 1 + 8 + self.session_id.len() + 8 + 8 + purpose.len(),
        );
        ad.extend_from_slice(SEAL_DOMAIN);
        ad.push(format);
        push_field(&mut ad, self.session_id.as_bytes());
        push_field(&mut ad, purpose);
        ad.extend_from_slice(&self.version.to_be_bytes());
        ad
    }
}

/// Appends a length-prefixed field to associated data.
fn push_field(ad: &mut Vec<u8>, field: &[u8]) {
    ad.extend_from_slice(&(field.len() as u64).to_be_bytes());
    ad.extend_from_slice(field);
}

/// The AEAD instance for a 256-bit key (zeroizes its key copy on drop).
fn cipher(key: &[u8; KEY_LEN]) -> Result<XChaCha20Poly1305, CryptoError> {
    XChaCha20Poly1305::new_from_slice(key).map_err(|_| CryptoError::Malformed)
}

/// Encrypts `plaintext` under `key` with `ad`, appending `nonce ‖ ciphertext ‖ tag` to `out`.
fn encrypt_into(
    key: &[u8; KEY_LEN],
    ad: &[u8],
    plaintext: &[u8],
    out: &mut Vec<u8>,
) -> Result<(), CryptoError> {
    let mut nonce = [0u8; NONCE_LEN];
    // unique, not secret: from the thread's generator (a 192-bit random nonce)
    fill_unpredictable(&mut nonce)?;
    let ct = cipher(key)?
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: plaintext,
                aad: ad,
            },
        )
        .map_err(|_| CryptoError::Encrypt)?;
    out.reserve(NONCE_LEN + ct.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&ct);
    Ok(())
}

/// Decrypts `nonce ‖ ciphertext ‖ tag` under `key` with `ad`.
fn decrypt(key: &[u8; KEY_LEN], ad: &[u8], body: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if body.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Malformed);
    }
    let (nonce, ct) = body.split_at(NONCE_LEN);
    let nonce = XNonce::try_from(nonce).map_err(|_| CryptoError::Malformed)?;
    cipher(key)?
        .decrypt(&nonce, Payload { msg: ct, aad: ad })
        .map_err(|_| CryptoError::Unauthentic)
}

/// Seals `plaintext` with the session's data key, bound to `ad` (session, purpose, version).
///
/// Output: `0x01 ‖ nonce[24] ‖ ciphertext ‖ tag[16]` ([`SEAL_OVERHEAD`] bytes longer).
pub fn seal_with(
    key: &DataKey,
    ad: AssociatedData<'_>,
    plaintext: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let format = FORMAT_XCHACHA20POLY1305_V1;
    let mut out = Vec::with_capacity(plaintext.len() + SEAL_OVERHEAD);
    out.push(format);
    encrypt_into(&key.0, &ad.encode(format), plaintext, &mut out)?;
    Ok(out)
}

/// Opens bytes made by [`seal_with`]; fails with [`CryptoError::Unauthentic`] if the key or
/// any part of `ad` differs from sealing time, or if a single byte was changed.
pub fn open_with(
    key: &DataKey,
    ad: AssociatedData<'_>,
    sealed: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    match sealed.split_first() {
        Some((&FORMAT_XCHACHA20POLY1305_V1, body)) => {
            decrypt(&key.0, &ad.encode(FORMAT_XCHACHA20POLY1305_V1), body)
        }
        Some((&tag, _)) => Err(CryptoError::UnknownFormat(tag)),
        None => Err(CryptoError::Malformed),
    }
}

/// What wrapped a key; recorded in the wrapped blob and bound into its associated data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WrapKind {
    /// A data key wrapped by the anonymous user's [`CookieSecret`].
    Cookie,
    /// A data key wrapped by the [`ServerKey`] (`multi_user` interviews).
    Server,
    /// A data key wrapped by a logged-in user's [`UserKey`].
    User,
    /// A [`UserKey`] wrapped by the Argon2id [`PasswordKek`].
    Password,
    /// A [`UserKey`] wrapped by the user's [`RecoveryCode`].
    Recovery,
}

impl WrapKind {
    /// The byte recorded in a wrapped blob.
    fn tag(self) -> u8 {
        match self {
            WrapKind::Cookie => 1,
            WrapKind::Server => 2,
            WrapKind::User => 3,
            WrapKind::Password => 4,
            WrapKind::Recovery => 5,
        }
    }

    /// The kind recorded by `tag`.
    fn from_tag(tag: u8) -> Option<WrapKind> {
        match tag {
            1 => Some(WrapKind::Cookie),
            2 => Some(WrapKind::Server),
            3 => Some(WrapKind::User),
            4 => Some(WrapKind::Password),
            5 => Some(WrapKind::Recovery),
            _ => None,
        }
    }

    /// The kind's name, bound into the associated data.
    pub fn as_str(self) -> &'static str {
        match self {
            WrapKind::Cookie => "cookie",
            WrapKind::Server => "server",
            WrapKind::User => "user",
            WrapKind::Password => "password",
            WrapKind::Recovery => "recovery",
        }
    }
}

/// The kind of a wrapped key blob (so the store knows which secret to ask for), if valid.
pub fn wrapped_kind(wrapped: &[u8]) -> Option<WrapKind> {
    match wrapped {
        [FORMAT_XCHACHA20POLY1305_V1, tag, ..] => WrapKind::from_tag(*tag),
        _ => None,
    }
}

/// Associated data of a wrapped key: domain, format, kind, owner (session or user id), header.
fn wrap_ad(kind: WrapKind, owner: &str, header: &[u8]) -> Vec<u8> {
    let mut ad = Vec::with_capacity(WRAP_DOMAIN.len() + 2 + 16 + owner.len() + header.len() + 8);
    ad.extend_from_slice(WRAP_DOMAIN);
    ad.push(FORMAT_XCHACHA20POLY1305_V1);
    ad.push(kind.tag());
    push_field(&mut ad, kind.as_str().as_bytes());
    push_field(&mut ad, owner.as_bytes());
    push_field(&mut ad, header);
    ad
}

/// Wraps `key` under `kek`: `0x01 ‖ kind ‖ header ‖ nonce ‖ E(key) ‖ tag`.
fn wrap_raw(
    kek: &[u8; KEY_LEN],
    kind: WrapKind,
    owner: &str,
    header: &[u8],
    key: &[u8; KEY_LEN],
) -> Result<Vec<u8>, CryptoError> {
    let mut out = Vec::with_capacity(2 + header.len() + NONCE_LEN + KEY_LEN + TAG_LEN);
    out.push(FORMAT_XCHACHA20POLY1305_V1);
    out.push(kind.tag());
    out.extend_from_slice(header);
    encrypt_into(kek, &wrap_ad(kind, owner, header), key, &mut out)?;
    Ok(out)
}

/// Splits a wrapped blob of `kind` into its kind-specific header (`header_len` bytes) and body.
fn split_wrapped(
    wrapped: &[u8],
    kind: WrapKind,
    header_len: usize,
) -> Result<(&[u8], &[u8]), CryptoError> {
    let (format, rest) = wrapped.split_first().ok_or(CryptoError::Malformed)?;
    if *format != FORMAT_XCHACHA20POLY1305_V1 {
        return Err(CryptoError::UnknownFormat(*format));
    }
    let (tag, rest) = rest.split_first().ok_or(CryptoError::Malformed)?;
    if *tag != kind.tag() {
        return Err(CryptoError::WrongWrapKind {
            expected: kind,
            found: WrapKind::from_tag(*tag),
        });
    }
    if rest.len() != header_len + NONCE_LEN + KEY_LEN + TAG_LEN {
        return Err(CryptoError::Malformed);
    }
    Ok(rest.split_at(header_len))
}

/// Unwraps a key wrapped by [`wrap_raw`] whose header has already been split off.
fn unwrap_body(
    kek: &[u8; KEY_LEN],
    kind: WrapKind,
    owner: &str,
    header: &[u8],
    body: &[u8],
) -> Result<Zeroizing<[u8; KEY_LEN]>, CryptoError> {
    let plain = Zeroizing::new(decrypt(kek, &wrap_ad(kind, owner, header), body)?);
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    if plain.len() != KEY_LEN {
        return Err(CryptoError::Malformed);
    }
    key.copy_from_slice(&plain);
    Ok(key)
}

/// The secret that wraps a session's [`DataKey`].
#[derive(Clone, Copy, Debug)]
pub enum KeyWrapper<'a> {
    /// Anonymous session: the secret from the user's cookie.
    Cookie(&'a CookieSecret),
    /// `multi_user` interview: the server key.
    Server(&'a ServerKey),
    /// Logged-in user: the user's key.
    User(&'a UserKey),
}

impl KeyWrapper<'_> {
    /// The wrapper's kind and key bytes.
    fn parts(&self) -> (WrapKind, &[u8; KEY_LEN]) {
        match self {
            KeyWrapper::Cookie(k) => (WrapKind::Cookie, &k.0),
            KeyWrapper::Server(k) => (WrapKind::Server, &k.0),
            KeyWrapper::User(k) => (WrapKind::User, &k.0),
        }
    }
}

impl DataKey {
    /// Wraps this key for storage next to the session `session_id` (74 bytes).
    pub fn wrap(&self, by: KeyWrapper<'_>, session_id: &str) -> Result<Vec<u8>, CryptoError> {
        let (kind, kek) = by.parts();
        wrap_raw(kek, kind, session_id, &[], &self.0)
    }

    /// Unwraps a key made by [`DataKey::wrap`] for the same session with the same wrapper.
    pub fn unwrap_with(
        wrapped: &[u8],
        by: KeyWrapper<'_>,
        session_id: &str,
    ) -> Result<DataKey, CryptoError> {
        let (kind, kek) = by.parts();
        let (header, body) = split_wrapped(wrapped, kind, 0)?;
        Ok(DataKey::from_array(&*unwrap_body(
            kek, kind, session_id, header, body,
        )?))
    }
}

impl CookieSecret {
    /// Length of the cookie value (URL-safe base64 of 32 bytes, no padding).
    pub const COOKIE_VALUE_LEN: usize = 43;

    /// The value to put in the cookie: URL-safe base64 without padding, 43 characters.
    pub fn to_cookie_value(&self) -> Zeroizing<String> {
        Zeroizing::new(URL_SAFE_NO_PAD.encode(self.0))
    }

    /// Reads the secret back from a cookie value; anything but a canonical 43-character
    /// encoding of 32 bytes is [`CryptoError::BadEncoding`].
    pub fn from_cookie_value(value: &str) -> Result<CookieSecret, CryptoError> {
        decode_key_b64(value).map(|k| CookieSecret::from_array(&k))
    }
}

/// Decodes a canonical URL-safe base64 (no padding) 32-byte key.
fn decode_key_b64(value: &str) -> Result<Zeroizing<[u8; KEY_LEN]>, CryptoError> {
    if value.len() != CookieSecret::COOKIE_VALUE_LEN {
        return Err(CryptoError::BadEncoding);
    }
    let decoded = Zeroizing::new(
        URL_SAFE_NO_PAD
            .decode(value)
            .map_err(|_| CryptoError::BadEncoding)?,
    );
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    if decoded.len() != KEY_LEN {
        return Err(CryptoError::BadEncoding);
    }
    key.copy_from_slice(&decoded);
    Ok(key)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn ad(version: u64) -> AssociatedData<'static> {
        AssociatedData {
            session_id: "s1",
            purpose: Purpose::State,
            version,
        }
    }

    #[test]
    fn seal_layout_and_roundtrip() {
        let key = DataKey::generate().unwrap();
        let sealed = seal_with(&key, ad(1), b"hello").unwrap();
        assert_eq!(sealed.len(), 5 + SEAL_OVERHEAD);
        assert_eq!(sealed[0], FORMAT_XCHACHA20POLY1305_V1);
        assert_eq!(open_with(&key, ad(1), &sealed).unwrap(), b"hello");
        // Two seals of the same plaintext differ (random nonce).
        assert_ne!(seal_with(&key, ad(1), b"hello").unwrap(), sealed);
    }

    #[test]
    fn ad_encoding_is_unambiguous() {
        let a = AssociatedData {
            session_id: "ab",
            purpose: Purpose::State,
            version: 1,
        }
        .encode(1);
        let b = AssociatedData {
            session_id: "a",
            purpose: Purpose::State,
            version: 1,
        }
        .encode(1);
        assert_ne!(a, b);
    }

    #[test]
    fn truncated_and_unknown_format() {
        let key = DataKey::generate().unwrap();
        assert!(matches!(
            open_with(&key, ad(1), &[]),
            Err(CryptoError::Malformed)
        ));
        assert!(matches!(
            open_with(&key, ad(1), &[1, 2, 3]),
            Err(CryptoError::Malformed)
        ));
        assert!(matches!(
            open_with(&key, ad(1), &[0, 2, 3]),
            Err(CryptoError::UnknownFormat(0))
        ));
    }

    #[test]
    fn debug_is_redacted() {
        let key = DataKey::generate().unwrap();
        assert_eq!(format!("{key:?}"), "DataKey([redacted])");
        let code = RecoveryCode::generate().unwrap();
        assert_eq!(format!("{code:?}"), "RecoveryCode([redacted])");
    }

    #[test]
    fn recovery_code_text_roundtrip() {
        let code = RecoveryCode::generate().unwrap();
        let shown = code.to_display();
        assert_eq!(shown.len(), 39);
        assert_eq!(RecoveryCode::parse(&shown).unwrap(), code);
        let sloppy = shown.to_lowercase().replace('-', " ");
        assert_eq!(RecoveryCode::parse(&sloppy).unwrap(), code);
        assert!(RecoveryCode::parse(&shown[..38]).is_err());
        assert!(RecoveryCode::parse(&format!("{}0", shown.as_str())).is_err());
        assert!(RecoveryCode::parse("U").is_err());
    }

    #[test]
    fn kdf_params_limits() {
        assert!(KdfParams::new(19 * 1024, 2, 1).is_ok());
        assert!(KdfParams::new(19 * 1024 - 1, 2, 1).is_err());
        assert!(KdfParams::new(19 * 1024, 1, 1).is_err());
        assert!(KdfParams::new(u32::MAX, 2, 1).is_err());
        assert_eq!(
            KdfParams::from_bytes(&KdfParams::default().to_bytes()).unwrap(),
            KdfParams::default()
        );
    }

    #[test]
    fn wrapped_kind_is_recorded() {
        let dk = DataKey::generate().unwrap();
        let sk = ServerKey::generate().unwrap();
        let w = dk.wrap(KeyWrapper::Server(&sk), "s").unwrap();
        assert_eq!(w.len(), 2 + NONCE_LEN + KEY_LEN + TAG_LEN);
        assert_eq!(wrapped_kind(&w), Some(WrapKind::Server));
        let cs = CookieSecret::generate().unwrap();
        assert!(matches!(
            DataKey::unwrap_with(&w, KeyWrapper::Cookie(&cs), "s"),
            Err(CryptoError::WrongWrapKind {
                expected: WrapKind::Cookie,
                found: Some(WrapKind::Server)
            })
        ));
    }
}
