#![allow(clippy::unwrap_used, clippy::expect_used)]
use store::{CookieSecret, DataKey, KeyWrapper, Store, StoreError};

/// A cookie secret and a data key, as the server makes them for an anonymous session.
fn keys() -> (CookieSecret, DataKey) {
    (
        CookieSecret::generate().unwrap(),
        DataKey::generate().unwrap(),
    )
}

/// Whether `needle` occurs in any file of `dir` (database, WAL, shm).
fn dir_contains(dir: &std::path::Path, needle: &[u8]) -> Vec<String> {
    let mut hits = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if let Ok(bytes) = std::fs::read(&path) {
            if bytes.windows(needle.len()).any(|w| w == needle) {
                hits.push(path.display().to_string());
            }
        }
    }
    hits
}

#[tokio::test]
async fn create_load_save_delete() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    let (secret, key) = keys();
    let w = KeyWrapper::Cookie(&secret);
    assert!(store.load("nope", w).await.unwrap().is_none());

    let v = store
        .create("s1", "pkg:data/questions/a.yml", b"{\"x\":1}", &key, w)
        .await
        .unwrap();
    assert_eq!(v, 1);
    assert!(matches!(
        store.create("s1", "pkg:a.yml", b"{}", &key, w).await,
        Err(StoreError::Exists)
    ));

    let s = store.load("s1", w).await.unwrap().unwrap();
    assert_eq!(s.interview, "pkg:data/questions/a.yml");
    assert_eq!(s.state, b"{\"x\":1}");
    assert_eq!(s.version, 1);
    assert_eq!(s.key, key);

    let v2 = store.save("s1", 1, b"{\"x\":2}", &s.key).await.unwrap();
    assert_eq!(v2, 2);
    // a stale writer loses
    assert!(matches!(
        store.save("s1", 1, b"{\"x\":3}", &s.key).await,
        Err(StoreError::Conflict)
    ));
    let s = store.load("s1", w).await.unwrap().unwrap();
    assert_eq!(s.state, b"{\"x\":2}");
    assert_eq!(s.version, 2);

    assert!(store.delete("s1").await.unwrap());
    assert!(!store.delete("s1").await.unwrap());
    assert!(store.load("s1", w).await.unwrap().is_none());
    assert!(matches!(
        store.save("s1", 2, b"{}", &key).await,
        Err(StoreError::NotFound)
    ));
    store.close().await;
}

#[tokio::test]
async fn reopen_keeps_data_and_migrations_are_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let (secret, key) = keys();
    {
        let store = Store::open_dir(dir.path()).await.unwrap();
        store
            .create("abc", "i", b"{}", &key, KeyWrapper::Cookie(&secret))
            .await
            .unwrap();
        store.close().await;
    }
    let store = Store::open_dir(dir.path()).await.unwrap();
    let s = store
        .load("abc", KeyWrapper::Cookie(&secret))
        .await
        .unwrap();
    assert_eq!(s.unwrap().state, b"{}");
    store.close().await;
}

#[tokio::test]
async fn pragmas_are_set() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    let (secret, key) = keys();
    // WAL file appears after a write
    store
        .create("w", "i", b"{}", &key, KeyWrapper::Cookie(&secret))
        .await
        .unwrap();
    assert!(dir.path().join("colloquy.sqlite3-wal").exists());
    store.close().await;
}

#[tokio::test]
async fn deleted_answers_leave_no_trace_in_the_database_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    let (secret, key) = keys();
    let marker = b"{\"name\":\"MARKER-7f3a9c\"}";
    store
        .create("m", "i", marker, &key, KeyWrapper::Cookie(&secret))
        .await
        .unwrap();
    store.delete("m").await.unwrap();
    store.close().await; // checkpoints the WAL into the main file
    let bytes = std::fs::read(dir.path().join("colloquy.sqlite3")).unwrap();
    let needle = b"MARKER-7f3a9c";
    assert!(
        !bytes.windows(needle.len()).any(|w| w == needle),
        "secure_delete must scrub the row"
    );
}

#[tokio::test]
async fn answers_are_encrypted_at_rest() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    let (secret, key) = keys();
    let w = KeyWrapper::Cookie(&secret);
    store
        .create("m", "i", b"{\"name\":\"ZZMARKER123\"}", &key, w)
        .await
        .unwrap();
    let s = store.load("m", w).await.unwrap().unwrap();
    store
        .save("m", s.version, b"{\"name\":\"ZZMARKER123 again\"}", &s.key)
        .await
        .unwrap();
    // while open (WAL and shm present) and after closing
    assert_eq!(
        dir_contains(dir.path(), b"ZZMARKER123"),
        Vec::<String>::new()
    );
    store.close().await;
    assert_eq!(
        dir_contains(dir.path(), b"ZZMARKER123"),
        Vec::<String>::new()
    );
    let secret_b64 = secret.to_cookie_value();
    assert!(dir_contains(dir.path(), secret_b64.as_bytes()).is_empty());
}

#[tokio::test]
async fn wrong_secret_swapped_or_replayed_ciphertext_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    let (sa, ka) = keys();
    let (sb, kb) = keys();
    store
        .create("a", "i", b"{\"who\":\"a\"}", &ka, KeyWrapper::Cookie(&sa))
        .await
        .unwrap();
    store
        .create("b", "i", b"{\"who\":\"b\"}", &kb, KeyWrapper::Cookie(&sb))
        .await
        .unwrap();
    // the right id with another browser's secret
    assert!(matches!(
        store.load("a", KeyWrapper::Cookie(&sb)).await,
        Err(StoreError::Locked)
    ));
    // a server key cannot open a cookie-wrapped row
    let server = store::ServerKey::generate().unwrap();
    assert!(matches!(
        store.load("a", KeyWrapper::Server(&server)).await,
        Err(StoreError::Locked)
    ));

    // raw access to the database: copy b's ciphertext (and even b's wrapped key) into a
    let pool = sqlx::SqlitePool::connect(&format!(
        "sqlite://{}",
        dir.path().join("colloquy.sqlite3").display()
    ))
    .await
    .unwrap();
    let (a_state, a_wrapped): (Vec<u8>, Vec<u8>) =
        sqlx::query_as("SELECT state, wrapped_key FROM sessions WHERE id = 'a'")
            .fetch_one(&pool)
            .await
            .unwrap();
    sqlx::query(
        "UPDATE sessions SET state = (SELECT state FROM sessions WHERE id = 'b') WHERE id = 'a'",
    )
    .execute(&pool)
    .await
    .unwrap();
    assert!(matches!(
        store.load("a", KeyWrapper::Cookie(&sa)).await,
        Err(StoreError::Locked)
    ));
    sqlx::query("UPDATE sessions SET state = (SELECT state FROM sessions WHERE id = 'b'), wrapped_key = (SELECT wrapped_key FROM sessions WHERE id = 'b') WHERE id = 'a'")
        .execute(&pool)
        .await
        .unwrap();
    // even with b's own secret: the key and state are bound to session b
    assert!(matches!(
        store.load("a", KeyWrapper::Cookie(&sb)).await,
        Err(StoreError::Locked)
    ));
    // restore a, save a newer version, then replay the old ciphertext into the newer row
    sqlx::query("UPDATE sessions SET state = ?, wrapped_key = ? WHERE id = 'a'")
        .bind(&a_state)
        .bind(&a_wrapped)
        .execute(&pool)
        .await
        .unwrap();
    let s = store
        .load("a", KeyWrapper::Cookie(&sa))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.state, b"{\"who\":\"a\"}");
    store
        .save("a", 1, b"{\"who\":\"a2\"}", &s.key)
        .await
        .unwrap();
    sqlx::query("UPDATE sessions SET state = ? WHERE id = 'a'")
        .bind(&a_state)
        .execute(&pool)
        .await
        .unwrap();
    assert!(matches!(
        store.load("a", KeyWrapper::Cookie(&sa)).await,
        Err(StoreError::Locked)
    ));
    pool.close().await;
    store.close().await;
}

#[tokio::test]
async fn legacy_plaintext_rows_are_dropped_by_the_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("colloquy.sqlite3");
    {
        let opts = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true);
        let pool = sqlx::SqlitePool::connect_with(opts).await.unwrap();
        for stmt in [
            "CREATE TABLE colloquy_migrations (version INTEGER PRIMARY KEY NOT NULL, applied INTEGER NOT NULL)",
            "INSERT INTO colloquy_migrations VALUES (1, 0)",
            include_str!("../migrations/0001_sessions.sql"),
            "INSERT INTO sessions VALUES ('old', 'i', X'007B7D', 1, 0, 0)",
        ] {
            sqlx::raw_sql(stmt).execute(&pool).await.unwrap();
        }
        pool.close().await;
    }
    let store = Store::open_dir(dir.path()).await.unwrap();
    let (secret, _) = keys();
    assert!(store
        .load("old", KeyWrapper::Cookie(&secret))
        .await
        .unwrap()
        .is_none());
    store.close().await;
}

#[tokio::test]
async fn in_memory_and_idle_cleanup() {
    let store = Store::open_memory().await.unwrap();
    let (secret, key) = keys();
    store
        .create("a", "i", b"{}", &key, KeyWrapper::Cookie(&secret))
        .await
        .unwrap();
    assert_eq!(
        store
            .delete_idle(std::time::Duration::from_secs(3600))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store.delete_idle(std::time::Duration::ZERO).await.unwrap(),
        0
    ); // modified == now, not < now
    assert!(store
        .load("a", KeyWrapper::Cookie(&secret))
        .await
        .unwrap()
        .is_some());
}
