//! Keys of a logged-in user: Argon2id password keys with their cost parameters, recovery
//! codes, and the user key wrapped by either.

use std::fmt;

use argon2::{Algorithm, Argon2, Params, Version};
use hkdf::Hkdf;
use sha2::Sha256;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::{
    constant_time_eq, fill_random, split_wrapped, unwrap_body, wrap_raw, CryptoError, PasswordKek,
    UserKey, WrapKind, CROCKFORD, KEY_LEN, MAX_M_KIB, MAX_P_COST, MAX_T_COST, RECOVERY_CODE_LEN,
    RECOVERY_INFO, SALT_LEN,
};

/// Argon2id cost parameters of a password key derivation (stored with the wrapped key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory cost in KiB.
    m_kib: u32,
    /// Time cost (passes over memory).
    t: u32,
    /// Parallelism (lanes).
    p: u32,
}

impl KdfParams {
    /// The OWASP Password Storage Cheat Sheet minimum for Argon2id: m=19 MiB, t=2, p=1.
    /// Lower settings are refused.
    pub const OWASP_MINIMUM: KdfParams = KdfParams {
        m_kib: 19 * 1024,
        t: 2,
        p: 1,
    };

    /// Parameters `m_kib` KiB, `t` passes, `p` lanes; refused below [`KdfParams::OWASP_MINIMUM`]
    /// or above 1 GiB / 64 passes / 16 lanes.
    pub fn new(m_kib: u32, t: u32, p: u32) -> Result<KdfParams, CryptoError> {
        let min = KdfParams::OWASP_MINIMUM;
        let ok = (min.m_kib..=MAX_M_KIB).contains(&m_kib)
            && (min.t..=MAX_T_COST).contains(&t)
            && (min.p..=MAX_P_COST).contains(&p)
            && m_kib >= 8 * p;
        if ok {
            Ok(KdfParams { m_kib, t, p })
        } else {
            Err(CryptoError::BadParams { m_kib, t, p })
        }
    }

    /// Memory cost in KiB.
    pub fn m_kib(&self) -> u32 {
        self.m_kib
    }

    /// Time cost (passes).
    pub fn t(&self) -> u32 {
        self.t
    }

    /// Parallelism (lanes).
    pub fn p(&self) -> u32 {
        self.p
    }

    /// The 12-byte big-endian encoding stored in a password-wrapped key.
    pub(super) fn to_bytes(self) -> [u8; 12] {
        let mut out = [0u8; 12];
        out[..4].copy_from_slice(&self.m_kib.to_be_bytes());
        out[4..8].copy_from_slice(&self.t.to_be_bytes());
        out[8..].copy_from_slice(&self.p.to_be_bytes());
        out
    }

    /// Reads (and range-checks) parameters stored by [`KdfParams::to_bytes`].
    pub(super) fn from_bytes(bytes: &[u8]) -> Result<KdfParams, CryptoError> {
        let word = |i: usize| -> Result<u32, CryptoError> {
            let b: [u8; 4] = bytes
                .get(i..i + 4)
                .and_then(|s| s.try_into().ok())
                .ok_or(CryptoError::Malformed)?;
            Ok(u32::from_be_bytes(b))
        };
        KdfParams::new(word(0)?, word(4)?, word(8)?)
    }
}

impl Default for KdfParams {
    fn default() -> Self {
        KdfParams::OWASP_MINIMUM
    }
}

/// Derives a key-encryption key from `password` with Argon2id (version 0x13), the per-user
/// `salt` and `params`.
pub fn derive_password_key(
    password: &[u8],
    salt: &[u8; SALT_LEN],
    params: KdfParams,
) -> Result<PasswordKek, CryptoError> {
    let argon_params =
        Params::new(params.m_kib, params.t, params.p, Some(KEY_LEN)).map_err(|_| {
            CryptoError::BadParams {
                m_kib: params.m_kib,
                t: params.t,
                p: params.p,
            }
        })?;
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params)
        .hash_password_into(password, salt, &mut *out)
        .map_err(|_| CryptoError::Kdf)?;
    Ok(PasswordKek::from_array(&out))
}

/// A recovery code: 160 random bits, shown to the user once as 8 groups of 4 Crockford
/// base32 characters; it wraps the same [`UserKey`] as the password does.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct RecoveryCode([u8; RECOVERY_CODE_LEN]);

impl RecoveryCode {
    /// Draws a fresh code from the operating system CSPRNG.
    pub fn generate() -> Result<RecoveryCode, CryptoError> {
        let mut code = RecoveryCode([0u8; RECOVERY_CODE_LEN]);
        fill_random(&mut code.0)?;
        Ok(code)
    }

    /// The code as shown to the user: `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`.
    pub fn to_display(&self) -> Zeroizing<String> {
        let mut out = Zeroizing::new(String::with_capacity(39));
        let mut acc: u64 = 0;
        let mut bits = 0u32;
        let mut n = 0usize;
        for &byte in &self.0 {
            acc = (acc << 8) | u64::from(byte);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                let idx = ((acc >> bits) & 31) as usize;
                if n > 0 && n.is_multiple_of(4) {
                    out.push('-');
                }
                out.push(char::from(CROCKFORD[idx]));
                n += 1;
            }
        }
        acc.zeroize();
        out
    }

    /// Reads a code typed by the user: case, spaces and hyphens are ignored; `O` reads as
    /// `0`, `I`/`L` as `1`; anything else, or a wrong length, is [`CryptoError::BadEncoding`].
    pub fn parse(text: &str) -> Result<RecoveryCode, CryptoError> {
        let mut code = RecoveryCode([0u8; RECOVERY_CODE_LEN]);
        let mut acc: u64 = 0;
        let mut bits = 0u32;
        let mut n = 0usize;
        let mut symbols = 0usize;
        for c in text.chars() {
            let v = match c.to_ascii_uppercase() {
                '-' | ' ' => continue,
                'O' => 0,
                'I' | 'L' => 1,
                c => match CROCKFORD.iter().position(|&s| char::from(s) == c) {
                    Some(v) => v as u64,
                    None => return Err(CryptoError::BadEncoding),
                },
            };
            symbols += 1;
            if symbols > RECOVERY_CODE_LEN * 8 / 5 {
                return Err(CryptoError::BadEncoding);
            }
            acc = (acc << 5) | v;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                if let Some(slot) = code.0.get_mut(n) {
                    *slot = ((acc >> bits) & 0xff) as u8;
                }
                n += 1;
            }
        }
        acc.zeroize();
        if n != RECOVERY_CODE_LEN {
            return Err(CryptoError::BadEncoding);
        }
        Ok(code)
    }

    /// The key-encryption key of this code with `salt` (HKDF-SHA256; the code has 160 bits
    /// of entropy, so no stretching is needed).
    fn kek(&self, salt: &[u8; SALT_LEN]) -> Result<Zeroizing<[u8; KEY_LEN]>, CryptoError> {
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        Hkdf::<Sha256>::new(Some(salt), &self.0)
            .expand(RECOVERY_INFO, &mut *out)
            .map_err(|_| CryptoError::Kdf)?;
        Ok(out)
    }
}

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode([redacted])")
    }
}

impl PartialEq for RecoveryCode {
    fn eq(&self, other: &Self) -> bool {
        constant_time_eq(&self.0, &other.0)
    }
}

impl Eq for RecoveryCode {}

/// A fresh random salt.
fn random_salt() -> Result<[u8; SALT_LEN], CryptoError> {
    let mut salt = [0u8; SALT_LEN];
    fill_random(&mut salt)?;
    Ok(salt)
}

/// Length of the header of a password-wrapped user key (params, salt).
const PASSWORD_HEADER_LEN: usize = 12 + SALT_LEN;

impl UserKey {
    /// Wraps this key with a key derived by Argon2id from `password` and a fresh per-user salt;
    /// the salt and parameters are stored in (and authenticated with) the blob.
    pub fn wrap_with_password(
        &self,
        user_id: &str,
        password: &[u8],
        params: KdfParams,
    ) -> Result<Vec<u8>, CryptoError> {
        let salt = random_salt()?;
        let kek = derive_password_key(password, &salt, params)?;
        let mut header = [0u8; PASSWORD_HEADER_LEN];
        header[..12].copy_from_slice(&params.to_bytes());
        header[12..].copy_from_slice(&salt);
        wrap_raw(&kek.0, WrapKind::Password, user_id, &header, &self.0)
    }

    /// Unwraps a key made by [`UserKey::wrap_with_password`] for `user_id`.
    pub fn unwrap_with_password(
        wrapped: &[u8],
        user_id: &str,
        password: &[u8],
    ) -> Result<UserKey, CryptoError> {
        let (header, body) = split_wrapped(wrapped, WrapKind::Password, PASSWORD_HEADER_LEN)?;
        let params = KdfParams::from_bytes(&header[..12])?;
        let salt: [u8; SALT_LEN] = header[12..]
            .try_into()
            .map_err(|_| CryptoError::Malformed)?;
        let kek = derive_password_key(password, &salt, params)?;
        Ok(UserKey::from_array(&*unwrap_body(
            &kek.0,
            WrapKind::Password,
            user_id,
            header,
            body,
        )?))
    }

    /// Password change: unwraps with the old password and re-wraps with the new one (new
    /// salt). Only this one key changes; no session data is re-encrypted.
    pub fn change_password(
        wrapped: &[u8],
        user_id: &str,
        old: &[u8],
        new: &[u8],
        params: KdfParams,
    ) -> Result<Vec<u8>, CryptoError> {
        UserKey::unwrap_with_password(wrapped, user_id, old)?
            .wrap_with_password(user_id, new, params)
    }

    /// Wraps this key with a recovery code (fresh salt stored in the blob).
    pub fn wrap_with_recovery_code(
        &self,
        user_id: &str,
        code: &RecoveryCode,
    ) -> Result<Vec<u8>, CryptoError> {
        let salt = random_salt()?;
        let kek = code.kek(&salt)?;
        wrap_raw(&kek, WrapKind::Recovery, user_id, &salt, &self.0)
    }

    /// Unwraps a key made by [`UserKey::wrap_with_recovery_code`] for `user_id`.
    pub fn unwrap_with_recovery_code(
        wrapped: &[u8],
        user_id: &str,
        code: &RecoveryCode,
    ) -> Result<UserKey, CryptoError> {
        let (header, body) = split_wrapped(wrapped, WrapKind::Recovery, SALT_LEN)?;
        let salt: [u8; SALT_LEN] = header.try_into().map_err(|_| CryptoError::Malformed)?;
        let kek = code.kek(&salt)?;
        Ok(UserKey::from_array(&*unwrap_body(
            &kek,
            WrapKind::Recovery,
            user_id,
            header,
            body,
        )?))
    }
}
