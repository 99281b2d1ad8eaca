//! Tests of the envelope-encryption module (`store::crypto`): every property SECURITY.md claims.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use store::crypto::{
    constant_time_eq, derive_password_key, open_with, random_token, seal_with, wrapped_kind,
    AssociatedData, CookieSecret, CryptoError, DataKey, KdfParams, KeyWrapper, Purpose,
    RecoveryCode, ServerKey, UserKey, WrapKind, SEAL_OVERHEAD,
};

const MARKER: &[u8] = b"MARKER-7f3a9c-social-security-123-45-6789";

fn ad(session_id: &str, purpose: Purpose, version: u64) -> AssociatedData<'_> {
    AssociatedData {
        session_id,
        purpose,
        version,
    }
}

/// A JSON-ish plaintext with the marker repeated, as interview state would hold it.
fn state_with_marker() -> Vec<u8> {
    let mut s = b"{\"client_name\":\"".to_vec();
    for _ in 0..20 {
        s.extend_from_slice(MARKER);
    }
    s.extend_from_slice(b"\"}");
    s
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn roundtrip_all_purposes_and_sizes() {
    let key = DataKey::generate().unwrap();
    for purpose in [
        Purpose::State,
        Purpose::Upload,
        Purpose::Document,
        Purpose::History,
    ] {
        for len in [0usize, 1, 15, 16, 17, 1000, 100_000] {
            let plain: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            let a = ad("sess-1", purpose, 42);
            let sealed = seal_with(&key, a, &plain).unwrap();
            assert_eq!(sealed.len(), len + SEAL_OVERHEAD);
            assert_eq!(open_with(&key, a, &sealed).unwrap(), plain);
        }
        assert_eq!(Purpose::parse(purpose.as_str()), Some(purpose));
    }
    assert_eq!(Purpose::parse("secrets"), None);
}

#[test]
fn marker_plaintext_never_appears_in_sealed_bytes() {
    let key = DataKey::generate().unwrap();
    let plain = state_with_marker();
    let sealed = seal_with(&key, ad("s", Purpose::State, 1), &plain).unwrap();
    assert!(!contains(&sealed, MARKER));
    assert!(!contains(&sealed, b"client_name"));
    // Nor in a wrapped key or the cookie value (they carry no plaintext at all), and the
    // data key's bytes do not appear in its wrapped form.
    let secret = CookieSecret::generate().unwrap();
    let wrapped = key.wrap(KeyWrapper::Cookie(&secret), "s").unwrap();
    assert!(!contains(&wrapped, MARKER));
}

#[test]
fn tampering_with_any_byte_fails() {
    let key = DataKey::generate().unwrap();
    let a = ad("s", Purpose::State, 3);
    let sealed = seal_with(&key, a, b"{\"answer\":\"yes\"}").unwrap();
    for i in 0..sealed.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut t = sealed.clone();
            t[i] ^= flip;
            assert!(open_with(&key, a, &t).is_err(), "byte {i} flip {flip:#x}");
        }
    }
    // Truncation and extension fail too.
    for cut in 0..sealed.len() {
        assert!(open_with(&key, a, &sealed[..cut]).is_err(), "cut at {cut}");
    }
    let mut longer = sealed.clone();
    longer.push(0);
    assert!(open_with(&key, a, &longer).is_err());
    // Flipping a ciphertext byte is an authentication failure, not a panic or garbage.
    let mut t = sealed.clone();
    t[30] ^= 1;
    assert!(matches!(
        open_with(&key, a, &t),
        Err(CryptoError::Unauthentic)
    ));
}

#[test]
fn swapping_session_purpose_or_version_fails() {
    let key = DataKey::generate().unwrap();
    let sealed = seal_with(&key, ad("alice", Purpose::State, 5), b"answers").unwrap();
    assert!(open_with(&key, ad("alice", Purpose::State, 5), &sealed).is_ok());
    for wrong in [
        ad("bob", Purpose::State, 5),
        ad("alice ", Purpose::State, 5),
        ad("", Purpose::State, 5),
        ad("alice", Purpose::Upload, 5),
        ad("alice", Purpose::Document, 5),
        ad("alice", Purpose::History, 5),
        ad("alice", Purpose::State, 4),
        ad("alice", Purpose::State, 6),
    ] {
        assert!(
            matches!(
                open_with(&key, wrong, &sealed),
                Err(CryptoError::Unauthentic)
            ),
            "{wrong:?}"
        );
    }
}

#[test]
fn replayed_old_version_fails() {
    let key = DataKey::generate().unwrap();
    let v1 = seal_with(&key, ad("s", Purpose::State, 1), b"{\"paid\":false}").unwrap();
    let v2 = seal_with(&key, ad("s", Purpose::State, 2), b"{\"paid\":true}").unwrap();
    // The row says version 2: the current blob opens, the old one put back does not.
    assert!(open_with(&key, ad("s", Purpose::State, 2), &v2).is_ok());
    assert!(open_with(&key, ad("s", Purpose::State, 2), &v1).is_err());
}

#[test]
fn other_sessions_key_fails() {
    let k1 = DataKey::generate().unwrap();
    let k2 = DataKey::generate().unwrap();
    assert_ne!(k1, k2);
    let sealed = seal_with(&k1, ad("s", Purpose::State, 1), b"x").unwrap();
    assert!(matches!(
        open_with(&k2, ad("s", Purpose::State, 1), &sealed),
        Err(CryptoError::Unauthentic)
    ));
}

#[test]
fn cookie_secret_wraps_data_key() {
    let dk = DataKey::generate().unwrap();
    let secret = CookieSecret::generate().unwrap();
    let wrapped = dk.wrap(KeyWrapper::Cookie(&secret), "sess").unwrap();
    assert_eq!(wrapped_kind(&wrapped), Some(WrapKind::Cookie));

    // The cookie value is URL-safe base64 (43 chars) and round-trips.
    let value = secret.to_cookie_value();
    assert_eq!(value.len(), CookieSecret::COOKIE_VALUE_LEN);
    assert!(value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    let back = CookieSecret::from_cookie_value(&value).unwrap();
    assert_eq!(back, secret);

    let unwrapped = DataKey::unwrap_with(&wrapped, KeyWrapper::Cookie(&back), "sess").unwrap();
    assert_eq!(unwrapped, dk);
    // The unwrapped key opens what the original sealed.
    let sealed = seal_with(&dk, ad("sess", Purpose::State, 1), MARKER).unwrap();
    assert_eq!(
        open_with(&unwrapped, ad("sess", Purpose::State, 1), &sealed).unwrap(),
        MARKER
    );
}

#[test]
fn wrong_cookie_secret_fails() {
    let dk = DataKey::generate().unwrap();
    let secret = CookieSecret::generate().unwrap();
    let other = CookieSecret::generate().unwrap();
    let wrapped = dk.wrap(KeyWrapper::Cookie(&secret), "sess").unwrap();
    assert!(matches!(
        DataKey::unwrap_with(&wrapped, KeyWrapper::Cookie(&other), "sess"),
        Err(CryptoError::Unauthentic)
    ));
    // The right secret but another session's wrapped key (copied row) fails.
    assert!(matches!(
        DataKey::unwrap_with(&wrapped, KeyWrapper::Cookie(&secret), "other-sess"),
        Err(CryptoError::Unauthentic)
    ));
    // Tampered wrapped key fails.
    for i in 0..wrapped.len() {
        let mut t = wrapped.clone();
        t[i] ^= 0x20;
        assert!(DataKey::unwrap_with(&t, KeyWrapper::Cookie(&secret), "sess").is_err());
    }
}

#[test]
fn bad_cookie_values_are_refused() {
    let good = CookieSecret::generate().unwrap().to_cookie_value();
    for bad in [
        String::new(),
        "x".to_string(),
        good[..42].to_string(),
        format!("{}A", good.as_str()),
        format!("{}=", &good[..42]),
        "+".repeat(43),
        "é".repeat(22),
    ] {
        assert!(
            matches!(
                CookieSecret::from_cookie_value(&bad),
                Err(CryptoError::BadEncoding)
            ),
            "{bad:?}"
        );
    }
}

#[test]
fn server_key_wraps_and_unwraps() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keys").join("server.key");
    let sk = ServerKey::load_or_create(&path).unwrap();
    let dk = DataKey::generate().unwrap();
    let wrapped = dk.wrap(KeyWrapper::Server(&sk), "shared-1").unwrap();
    assert_eq!(wrapped_kind(&wrapped), Some(WrapKind::Server));

    // After a "restart" the key is read back from the file and unwraps.
    let reloaded = ServerKey::load_or_create(&path).unwrap();
    assert_eq!(reloaded, sk);
    let back = DataKey::unwrap_with(&wrapped, KeyWrapper::Server(&reloaded), "shared-1").unwrap();
    assert_eq!(back, dk);

    // Another server's key does not.
    let other = ServerKey::generate().unwrap();
    assert!(DataKey::unwrap_with(&wrapped, KeyWrapper::Server(&other), "shared-1").is_err());
    // A server-wrapped key cannot be opened as if it were cookie-wrapped (kind is bound).
    let cs = CookieSecret::generate().unwrap();
    assert!(matches!(
        DataKey::unwrap_with(&wrapped, KeyWrapper::Cookie(&cs), "shared-1"),
        Err(CryptoError::WrongWrapKind { .. })
    ));
}

#[cfg(unix)]
#[test]
fn key_file_is_0600_and_reloads() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("server.key");
    let sk = ServerKey::load_or_create(&path).unwrap();
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let dir_mode = std::fs::metadata(path.parent().unwrap())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(dir_mode & 0o777, 0o700);
    assert_eq!(ServerKey::load(&path).unwrap(), sk);

    // The file holds the key as text, not the marker of any session, and is small.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("colloquy-server-key-v1 "));
    assert!(text.len() < 100);

    // A world-readable key file is refused, not silently used.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(matches!(
        ServerKey::load(&path),
        Err(CryptoError::KeyFilePermissions { mode: 0o644, .. })
    ));
    assert!(ServerKey::load_or_create(&path).is_err());

    // A corrupt key file is an error (never replaced by a fresh key, which would lose data).
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::write(&path, "not a key\n").unwrap();
    assert!(matches!(
        ServerKey::load_or_create(&path),
        Err(CryptoError::KeyFileFormat { .. })
    ));
    assert!(ServerKey::load(&dir.path().join("missing.key")).is_err());
}

#[test]
fn user_key_wraps_session_keys() {
    let uk = UserKey::generate().unwrap();
    let dk = DataKey::generate().unwrap();
    let wrapped = dk.wrap(KeyWrapper::User(&uk), "sess-9").unwrap();
    assert_eq!(wrapped_kind(&wrapped), Some(WrapKind::User));
    assert_eq!(
        DataKey::unwrap_with(&wrapped, KeyWrapper::User(&uk), "sess-9").unwrap(),
        dk
    );
    let other = UserKey::generate().unwrap();
    assert!(DataKey::unwrap_with(&wrapped, KeyWrapper::User(&other), "sess-9").is_err());
}

#[test]
fn argon2id_derivation_is_deterministic_and_salted() {
    let p = KdfParams::default();
    assert_eq!((p.m_kib(), p.t(), p.p()), (19456, 2, 1));
    let salt_a = [1u8; 16];
    let salt_b = [2u8; 16];
    let k1 = derive_password_key(b"correct horse", &salt_a, p).unwrap();
    let k2 = derive_password_key(b"correct horse", &salt_a, p).unwrap();
    let k3 = derive_password_key(b"correct horse", &salt_b, p).unwrap();
    let k4 = derive_password_key(b"correct horsf", &salt_a, p).unwrap();
    assert_eq!(k1, k2);
    assert_ne!(k1, k3);
    assert_ne!(k1, k4);
    assert_eq!(format!("{k1:?}"), "PasswordKek([redacted])");
}

#[test]
fn password_and_recovery_code_unwrap_the_same_user_key() {
    let uk = UserKey::generate().unwrap();
    let dk = DataKey::generate().unwrap();
    let session_wrap = dk.wrap(KeyWrapper::User(&uk), "sess").unwrap();

    let by_password = uk
        .wrap_with_password("user-1", b"a long passphrase", KdfParams::default())
        .unwrap();
    assert_eq!(wrapped_kind(&by_password), Some(WrapKind::Password));
    let code = RecoveryCode::generate().unwrap();
    let shown = code.to_display();
    let by_code = uk.wrap_with_recovery_code("user-1", &code).unwrap();
    assert_eq!(wrapped_kind(&by_code), Some(WrapKind::Recovery));

    let from_password =
        UserKey::unwrap_with_password(&by_password, "user-1", b"a long passphrase").unwrap();
    let typed = RecoveryCode::parse(&shown.to_lowercase()).unwrap();
    let from_code = UserKey::unwrap_with_recovery_code(&by_code, "user-1", &typed).unwrap();
    assert_eq!(from_password, uk);
    assert_eq!(from_code, uk);
    // Either path reaches the session's data key.
    assert_eq!(
        DataKey::unwrap_with(&session_wrap, KeyWrapper::User(&from_code), "sess").unwrap(),
        dk
    );

    // Wrong password, wrong code, other user id: refused.
    assert!(matches!(
        UserKey::unwrap_with_password(&by_password, "user-1", b"a long passphrasE"),
        Err(CryptoError::Unauthentic)
    ));
    assert!(UserKey::unwrap_with_password(&by_password, "user-2", b"a long passphrase").is_err());
    let wrong_code = RecoveryCode::generate().unwrap();
    assert!(matches!(
        UserKey::unwrap_with_recovery_code(&by_code, "user-1", &wrong_code),
        Err(CryptoError::Unauthentic)
    ));
    assert!(UserKey::unwrap_with_recovery_code(&by_code, "user-2", &code).is_err());
    // A password blob is not a recovery blob.
    assert!(matches!(
        UserKey::unwrap_with_recovery_code(&by_password, "user-1", &code),
        Err(CryptoError::WrongWrapKind { .. })
    ));
}

#[test]
fn password_change_rewraps_without_touching_data() {
    let uk = UserKey::generate().unwrap();
    let dk = DataKey::generate().unwrap();
    let session_wrap = dk.wrap(KeyWrapper::User(&uk), "sess").unwrap();
    let sealed = seal_with(&dk, ad("sess", Purpose::State, 7), MARKER).unwrap();

    let old = uk
        .wrap_with_password("u", b"old password", KdfParams::default())
        .unwrap();
    let new = UserKey::change_password(
        &old,
        "u",
        b"old password",
        b"new password",
        KdfParams::default(),
    )
    .unwrap();
    assert!(UserKey::change_password(&old, "u", b"wrong", b"x", KdfParams::default()).is_err());
    assert!(UserKey::unwrap_with_password(&new, "u", b"old password").is_err());
    let uk2 = UserKey::unwrap_with_password(&new, "u", b"new password").unwrap();
    // The untouched session wrap and sealed state still open.
    let dk2 = DataKey::unwrap_with(&session_wrap, KeyWrapper::User(&uk2), "sess").unwrap();
    assert_eq!(
        open_with(&dk2, ad("sess", Purpose::State, 7), &sealed).unwrap(),
        MARKER
    );
}

#[test]
fn tampered_kdf_params_or_salt_fail() {
    let uk = UserKey::generate().unwrap();
    let blob = uk
        .wrap_with_password("u", b"pw-pw-pw-pw", KdfParams::default())
        .unwrap();
    // Header: format, kind, m (4), t (4), p (4), salt (16). Raise t by one: refused by the
    // AD binding (params are authenticated) — a stored blob cannot be re-parameterised.
    let mut t = blob.clone();
    t[2 + 7] ^= 0x01; // t: 2 -> 3
    assert!(matches!(
        UserKey::unwrap_with_password(&t, "u", b"pw-pw-pw-pw"),
        Err(CryptoError::Unauthentic)
    ));
    // Lowering the memory cost below the minimum is refused before any work is done.
    let mut m = blob.clone();
    m[2..6].copy_from_slice(&8u32.to_be_bytes());
    assert!(matches!(
        UserKey::unwrap_with_password(&m, "u", b"pw-pw-pw-pw"),
        Err(CryptoError::BadParams { .. })
    ));
    // A huge memory cost (memory exhaustion) is refused too.
    m[2..6].copy_from_slice(&u32::MAX.to_be_bytes());
    assert!(matches!(
        UserKey::unwrap_with_password(&m, "u", b"pw-pw-pw-pw"),
        Err(CryptoError::BadParams { .. })
    ));
    // Salt byte flipped.
    let mut s = blob.clone();
    s[20] ^= 0x01;
    assert!(UserKey::unwrap_with_password(&s, "u", b"pw-pw-pw-pw").is_err());
}

#[test]
fn garbage_never_panics() {
    let dk = DataKey::generate().unwrap();
    let cs = CookieSecret::generate().unwrap();
    let code = RecoveryCode::generate().unwrap();
    let mut seed: u32 = 12345;
    for len in 0..120usize {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (seed >> 16) as u8
            })
            .collect();
        let mut variants = vec![bytes.clone()];
        for prefix in [[1u8, 1], [1, 2], [1, 3], [1, 4], [1, 5], [1, 9]] {
            let mut v = prefix.to_vec();
            v.extend_from_slice(&bytes);
            variants.push(v);
        }
        for v in &variants {
            let _ = open_with(&dk, ad("s", Purpose::State, 1), v);
            let _ = DataKey::unwrap_with(v, KeyWrapper::Cookie(&cs), "s");
            let _ = UserKey::unwrap_with_recovery_code(v, "u", &code);
            let _ = wrapped_kind(v);
            // Password unwrap of garbage: malformed/params errors come before Argon2 runs,
            // except for a blob with valid params, which is rare in random bytes.
            if v.len() != 2 + 28 + 24 + 32 + 16 {
                let _ = UserKey::unwrap_with_password(v, "u", b"pw");
            }
        }
        let _ = RecoveryCode::parse(&String::from_utf8_lossy(&bytes));
        let _ = CookieSecret::from_cookie_value(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn helpers() {
    assert!(constant_time_eq(b"abc", b"abc"));
    assert!(!constant_time_eq(b"abc", b"abd"));
    assert!(!constant_time_eq(b"abc", b"abcd"));
    let t1 = random_token(16).unwrap();
    let t2 = random_token(16).unwrap();
    assert_eq!(t1.len(), 22);
    assert_ne!(t1, t2);
}

#[test]
fn crypto_errors_convert_to_store_errors() {
    let e: store::StoreError = CryptoError::Unauthentic.into();
    assert!(matches!(e, store::StoreError::Sealed(_)));
}

#[cfg(unix)]
#[test]
fn mac_secret_file_is_0600_reloads_and_refuses_loose_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("server.key");
    let secret = store::crypto::load_or_create_mac_secret(&path).unwrap();
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    // 64 hex digits, the format older servers wrote: it reloads to the same secret.
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.trim().len(), 64);
    assert_eq!(*store::crypto::load_or_create_mac_secret(&path).unwrap(), *secret);

    // A group- or world-readable file is refused, not silently used.
    for mode in [0o640, 0o644] {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        assert!(matches!(
            store::crypto::load_or_create_mac_secret(&path),
            Err(CryptoError::KeyFilePermissions { .. })
        ));
    }
    // A corrupt file is an error (never replaced, which would void every token).
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::write(&path, "zz\n").unwrap();
    assert!(matches!(
        store::crypto::load_or_create_mac_secret(&path),
        Err(CryptoError::KeyFileFormat { .. })
    ));
}
