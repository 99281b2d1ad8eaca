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

/// The store closed and opened again on `dir`.
async fn restarted(store: Store, dir: &std::path::Path) -> Store {
    store.close().await;
    Store::open_dir(dir).await.unwrap()
}

#[tokio::test]
async fn wrong_secret_swapped_or_replayed_ciphertext_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(dir.path()).await.unwrap();
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

    // raw access to the database: copy b's ciphertext (and even b's wrapped key) into a;
    // each change is followed by a restart (a running store holds the file exclusively
    // and keeps the rows it wrote)
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
    store = restarted(store, dir.path()).await;
    assert!(matches!(
        store.load("a", KeyWrapper::Cookie(&sa)).await,
        Err(StoreError::Locked)
    ));
    sqlx::query("UPDATE sessions SET state = (SELECT state FROM sessions WHERE id = 'b'), wrapped_key = (SELECT wrapped_key FROM sessions WHERE id = 'b') WHERE id = 'a'")
        .execute(&pool)
        .await
        .unwrap();
    store = restarted(store, dir.path()).await;
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
    store = restarted(store, dir.path()).await;
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
    store = restarted(store, dir.path()).await;
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
            include_str!("../../migrations/0001_sessions.sql"),
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

#[tokio::test]
async fn server_wrapped_sessions_open_without_the_cookie_and_rewrap_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    let server = store::ServerKey::load_or_create(&dir.path().join("keys/wrap.key")).unwrap();
    let (secret, key) = keys();
    let other = CookieSecret::generate().unwrap();
    let v1 = store
        .create("s1", "i", b"{\"a\":1}", &key, KeyWrapper::Cookie(&secret))
        .await
        .unwrap();
    let cookie_only = store::Openers {
        cookie: Some(&other),
        server: Some(&server),
    };
    // Cookie-wrapped: another browser's secret (even with the server key on offer) fails.
    assert!(matches!(
        store.load_either("s1", cookie_only).await,
        Err(StoreError::Locked)
    ));
    // multi_user on: re-wrap with the server key; now anyone with the id (and the server)
    // opens it, with or without a cookie.
    let v2 = store
        .save_rewrapped(
            "s1",
            v1,
            b"{\"a\":2}",
            &key,
            Some(KeyWrapper::Server(&server)),
        )
        .await
        .unwrap();
    let s = store.load_either("s1", cookie_only).await.unwrap().unwrap();
    assert_eq!(s.state, b"{\"a\":2}");
    assert_eq!(s.wrapped_by, store::WrapKind::Server);
    let none = store::Openers {
        cookie: None,
        server: Some(&server),
    };
    assert!(store.load_either("s1", none).await.unwrap().is_some());
    // Without the server key it stays closed.
    let no_server = store::Openers {
        cookie: Some(&secret),
        server: None,
    };
    assert!(matches!(
        store.load_either("s1", no_server).await,
        Err(StoreError::Locked)
    ));
    // multi_user off: re-wrap with the cookie of the browser that turned it off.
    store
        .save_rewrapped(
            "s1",
            v2,
            b"{\"a\":3}",
            &s.key,
            Some(KeyWrapper::Cookie(&other)),
        )
        .await
        .unwrap();
    assert!(matches!(
        store.load_either("s1", none).await,
        Err(StoreError::Locked)
    ));
    let s = store.load_either("s1", cookie_only).await.unwrap().unwrap();
    assert_eq!(s.wrapped_by, store::WrapKind::Cookie);
    assert_eq!(s.state, b"{\"a\":3}");
    store.close().await;
}

#[tokio::test]
async fn delete_removes_the_session_and_its_files_and_leaves_no_ciphertext() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    let (secret, key) = keys();
    store
        .create(
            "s1",
            "i",
            b"{\"n\":\"BLOBMARK\"}",
            &key,
            KeyWrapper::Cookie(&secret),
        )
        .await
        .unwrap();
    store
        .put_blob("s1", store::Purpose::Upload, 1, b"BLOBMARK file", &key)
        .await
        .unwrap();
    assert_eq!(
        store
            .get_blob("s1", store::Purpose::Upload, 1, &key)
            .await
            .unwrap()
            .unwrap(),
        b"BLOBMARK file"
    );
    // Bound to its purpose and number.
    assert!(store
        .get_blob("s1", store::Purpose::Document, 1, &key)
        .await
        .unwrap()
        .is_none());
    assert!(store
        .put_blob("s1", store::Purpose::State, 1, b"x", &key)
        .await
        .is_err());
    // Stored once: a second writer of the same file keeps the first; no file for a
    // session that does not exist.
    assert!(store
        .put_blob_if_absent("s1", store::Purpose::Document, 7, b"BLOBMARK first", &key)
        .await
        .unwrap());
    assert!(!store
        .put_blob_if_absent("s1", store::Purpose::Document, 7, b"BLOBMARK second", &key)
        .await
        .unwrap());
    assert_eq!(
        store
            .get_blob("s1", store::Purpose::Document, 7, &key)
            .await
            .unwrap()
            .unwrap(),
        b"BLOBMARK first"
    );
    let blobs = store.blob_count().await.unwrap();
    assert!(!store
        .put_blob_if_absent("gone", store::Purpose::Document, 1, b"x", &key)
        .await
        .unwrap());
    assert_eq!(store.blob_count().await.unwrap(), blobs);
    assert!(dir_contains(dir.path(), b"BLOBMARK").is_empty());
    // A distinctive piece of the stored ciphertext: after delete it is nowhere on disk.
    let raw = sqlx::SqlitePool::connect(&format!(
        "sqlite://{}?mode=ro",
        dir.path().join("colloquy.sqlite3").display()
    ))
    .await
    .unwrap();
    let mut pieces = Vec::new();
    for q in [
        "SELECT state AS b FROM sessions",
        "SELECT wrapped_key AS b FROM sessions",
        "SELECT data AS b FROM session_blobs",
    ] {
        let row = sqlx::query(q).fetch_one(&raw).await.unwrap();
        let b: Vec<u8> = sqlx::Row::get(&row, "b");
        pieces.push(b[1..33].to_vec());
    }
    raw.close().await;
    for p in &pieces {
        assert!(!dir_contains(dir.path(), p).is_empty());
    }
    assert_eq!(store.blob_count().await.unwrap(), 2, "the upload and the document");
    assert!(store.delete("s1").await.unwrap());
    assert_eq!(store.session_count().await.unwrap(), 0);
    // secure_delete zeroes the pages, the checkpoint empties the WAL: not even the
    // ciphertext or the wrapped key is left anywhere in the data directory.
    for p in &pieces {
        assert_eq!(dir_contains(dir.path(), p), Vec::<String>::new());
    }
    assert_eq!(store.blob_count().await.unwrap(), 0);
    // Idle sweep removes files too.
    store
        .create("s2", "i", b"{}", &key, KeyWrapper::Cookie(&secret))
        .await
        .unwrap();
    store
        .put_blob("s2", store::Purpose::Document, 3, b"doc", &key)
        .await
        .unwrap();
    assert_eq!(store.delete_modified_before(i64::MAX).await.unwrap(), 1);
    assert_eq!(store.session_count().await.unwrap(), 0);
    assert_eq!(store.blob_count().await.unwrap(), 0);
    store.close().await;
}

#[tokio::test]
async fn idle_sessions_are_deleted_after_the_configured_age() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    let (secret, key) = keys();
    for id in ["old", "new"] {
        store
            .create(id, "i", b"{}", &key, KeyWrapper::Cookie(&secret))
            .await
            .unwrap();
    }
    store
        .put_blob("old", store::Purpose::Upload, 1, b"f", &key)
        .await
        .unwrap();
    // Age one row by 91 days (an attacker-free stand-in for time passing).
    let raw = sqlx::SqlitePool::connect(&format!(
        "sqlite://{}",
        dir.path().join("colloquy.sqlite3").display()
    ))
    .await
    .unwrap();
    sqlx::query("UPDATE sessions SET modified = modified - 91 * 86400 WHERE id = 'old'")
        .execute(&raw)
        .await
        .unwrap();
    raw.close().await;
    let day = std::time::Duration::from_secs(86_400);
    assert_eq!(store.delete_idle(day * 92).await.unwrap(), 0);
    assert_eq!(store.delete_idle(day * 90).await.unwrap(), 1);
    assert_eq!(store.session_count().await.unwrap(), 1);
    assert_eq!(store.blob_count().await.unwrap(), 0);
    // the swept session is gone for this store too (it had kept the row it wrote)
    assert!(store.load("old", KeyWrapper::Cookie(&secret)).await.unwrap().is_none());
    assert!(store
        .load("new", KeyWrapper::Cookie(&secret))
        .await
        .unwrap()
        .is_some());
    store.close().await;
}

/// An in-memory store whose clock reads the returned cell (Unix seconds, starting at `start`).
async fn clocked_store(start: i64) -> (Store, std::sync::Arc<std::sync::atomic::AtomicI64>) {
    use std::sync::atomic::{AtomicI64, Ordering};
    use std::sync::Arc;
    let now = Arc::new(AtomicI64::new(start));
    let clock = now.clone();
    let store = Store::open_memory()
        .await
        .unwrap()
        .with_clock(Arc::new(move || clock.load(Ordering::SeqCst)));
    (store, now)
}

/// Every save moves `modified` to the time of the save (no index of it to spare); a stale
/// version conflicts and changes nothing, and "not found" is told apart.
#[tokio::test]
async fn every_save_moves_modified_and_stale_versions_still_conflict() {
    use std::sync::atomic::Ordering;
    let (store, now) = clocked_store(1_000).await;
    let (secret, key) = keys();
    let at = |t: i64| now.store(t, Ordering::SeqCst);
    let load = || async { store.load("a", KeyWrapper::Cookie(&secret)).await.unwrap().unwrap() };
    let v1 = store.create("a", "i", b"{}", &key, KeyWrapper::Cookie(&secret)).await.unwrap();
    at(1_030);
    let v2 = store.save("a", v1, b"{\"n\":2}", &key).await.unwrap();
    let s = load().await;
    assert_eq!((s.version, s.modified, s.state.as_slice()), (v2, 1_030, b"{\"n\":2}".as_slice()));
    at(1_031);
    let v3 = store.save("a", v2, b"{\"n\":3}", &key).await.unwrap();
    assert_eq!(load().await.modified, 1_031, "a second later: moved");
    // a stale version conflicts and leaves the row as it was
    at(2_000);
    assert!(matches!(store.save("a", v2, b"{\"stale\":1}", &key).await, Err(StoreError::Conflict)));
    let s = load().await;
    assert_eq!((s.version, s.modified, s.state.as_slice()), (v3, 1_031, b"{\"n\":3}".as_slice()));
    // rewrapping moves it too
    let server = store::ServerKey::generate().unwrap();
    at(2_010);
    let v4 = store.save_rewrapped("a", v3, b"{\"n\":4}", &key, Some(KeyWrapper::Server(&server))).await.unwrap();
    let s = store.load("a", KeyWrapper::Server(&server)).await.unwrap().unwrap();
    assert_eq!((s.version, s.modified), (v4, 2_010));
    assert!(matches!(store.save("gone", 1, b"{}", &key).await, Err(StoreError::NotFound)));
}

#[tokio::test]
async fn the_store_reads_time_from_its_clock() {
    use std::sync::atomic::Ordering;
    let (store, now) = clocked_store(1_000).await;
    let (secret, key) = keys();
    let v = store
        .create("a", "i", b"{}", &key, KeyWrapper::Cookie(&secret))
        .await
        .unwrap();
    now.store(2_000, Ordering::SeqCst);
    store.save("a", v, b"{\"x\":1}", &key).await.unwrap();
    let s = store.load("a", KeyWrapper::Cookie(&secret)).await.unwrap().unwrap();
    assert_eq!((s.created, s.modified), (1_000, 2_000));
    // Idle for 500 s by the store's clock: kept at 400 s, swept at 600 s.
    now.store(2_400, Ordering::SeqCst);
    assert_eq!(store.delete_idle(std::time::Duration::from_secs(500)).await.unwrap(), 0);
    now.store(2_600, Ordering::SeqCst);
    assert_eq!(store.delete_idle(std::time::Duration::from_secs(500)).await.unwrap(), 1);
}

#[tokio::test]
async fn files_are_stored_with_the_state_in_one_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    let (secret, key) = keys();
    let doc = store::NewFile { purpose: store::Purpose::Document, number: 1, bytes: b"FILEMARK one" };
    let v = store
        .create_with_files("s1", "i", b"{}", &key, KeyWrapper::Cookie(&secret), &[doc])
        .await
        .unwrap();
    let second = store::NewFile { purpose: store::Purpose::Document, number: 2, bytes: b"FILEMARK two" };
    let v2 = store.save_with_files("s1", v, b"{\"a\":1}", &key, None, &[second]).await.unwrap();
    assert_eq!(v2, v + 1);
    assert_eq!(
        store.get_blob("s1", store::Purpose::Document, 2, &key).await.unwrap().unwrap(),
        b"FILEMARK two"
    );
    // A lost race stores neither the state nor its files.
    let third = store::NewFile { purpose: store::Purpose::Document, number: 3, bytes: b"FILEMARK three" };
    assert!(matches!(
        store.save_with_files("s1", v, b"{}", &key, None, &[third]).await,
        Err(StoreError::Conflict)
    ));
    assert!(store.get_blob("s1", store::Purpose::Document, 3, &key).await.unwrap().is_none());
    assert_eq!(store.blob_count().await.unwrap(), 2);
    assert!(dir_contains(dir.path(), b"FILEMARK").is_empty());
    assert!(store.delete("s1").await.unwrap());
    assert_eq!(store.blob_count().await.unwrap(), 0);
    store.close().await;
}

/// A commit goes to the WAL; the background checkpoint moves it into the database file
/// (one commit is far below SQLite's own automatic threshold, so nothing else would).
#[tokio::test]
async fn commits_reach_the_database_file_by_the_background_checkpoint() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    let (secret, key) = keys();
    let db = dir.path().join("colloquy.sqlite3");
    let in_db = |id: &str| std::fs::read(&db).unwrap().windows(id.len()).any(|w| w == id.as_bytes());
    let id = "walcheckpointprobe0123456789abcd";
    store.create(id, "pkg:a.yml", b"{}", &key, KeyWrapper::Cookie(&secret)).await.unwrap();
    let mut waited = 0;
    while !in_db(id) && waited < 50 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        waited += 1;
    }
    assert!(in_db(id), "the background checkpoint did not run");
    store.close().await;
}

/// Many sessions written and read at once on the threaded runtime (writes queue for the one
/// writer; reads go to it when free, else to a read connection): every read sees the last
/// committed version, and of two writers of one version exactly one wins.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writes_and_reads_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(Store::open_dir(dir.path()).await.unwrap());
    let (secret, key) = keys();
    let secret = std::sync::Arc::new(secret);
    let shared = "shared-session";
    store.create(shared, "i", b"0", &key, KeyWrapper::Cookie(&secret)).await.unwrap();
    let mut tasks = Vec::new();
    for t in 0..12 {
        let (store, secret, key) = (store.clone(), secret.clone(), key.clone());
        tasks.push(tokio::spawn(async move {
            let w = KeyWrapper::Cookie(&secret);
            let own = format!("own-{t}");
            store.create(&own, "i", b"0", &key, w).await.unwrap();
            let mut won = 0u32;
            for n in 1..=25i64 {
                // its own session: every read sees the write before it
                let s = store.load(&own, w).await.unwrap().unwrap();
                assert_eq!(s.version, n);
                assert_eq!(s.state, (n - 1).to_string().into_bytes());
                store.save(&own, n, n.to_string().as_bytes(), &s.key).await.unwrap();
                // the shared one: read, then write at the version read
                let s = store.load(shared, w).await.unwrap().unwrap();
                match store.save(shared, s.version, s.version.to_string().as_bytes(), &s.key).await {
                    Ok(v) => {
                        assert_eq!(v, s.version + 1);
                        won += 1;
                    }
                    Err(StoreError::Conflict) => {}
                    Err(e) => panic!("{e}"),
                }
            }
            won
        }));
    }
    let mut won = 0;
    for t in tasks {
        won += t.await.unwrap();
    }
    let s = store.load(shared, KeyWrapper::Cookie(&secret)).await.unwrap().unwrap();
    assert_eq!(s.version, 1 + i64::from(won), "every successful save moved the version once");
    assert_eq!(s.state, (s.version - 1).to_string().into_bytes());
    assert_eq!(store.session_count().await.unwrap(), 13);
    store.close().await;
}

/// Closing checkpoints the WAL into the database file and removes it (the last connection
/// to close does), and the store refuses work afterwards.
#[tokio::test]
async fn close_folds_the_wal_into_the_file_and_refuses_later_work() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    let (secret, key) = keys();
    let w = KeyWrapper::Cookie(&secret);
    store.create("c", "i", b"{}", &key, w).await.unwrap();
    let s = store.load("c", w).await.unwrap().unwrap();
    store.save("c", 1, b"{\"a\":1}", &s.key).await.unwrap();
    assert!(dir.path().join("colloquy.sqlite3-wal").exists());
    store.close().await;
    assert!(!dir.path().join("colloquy.sqlite3-wal").exists(), "the WAL outlived the store");
    assert!(matches!(store.load("c", w).await, Err(StoreError::Database(_))));
    assert!(matches!(store.save("c", 2, b"{}", &s.key).await, Err(StoreError::Database(_))));
    let again = Store::open_dir(dir.path()).await.unwrap();
    assert_eq!(again.load("c", w).await.unwrap().unwrap().state, b"{\"a\":1}");
    again.close().await;
}

/// Under a steady stream of writes the WAL is rewound after each background checkpoint, so
/// its file stops growing: it holds what one round's writes add, not everything written
/// since the server started (a checkpoint on a read connection alone never catches up with
/// the last frame, and the WAL grew without end).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wal_is_rewound_under_a_steady_stream_of_writes() {
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(Store::open_dir(dir.path()).await.unwrap());
    let (secret, key) = keys();
    let secret = std::sync::Arc::new(secret);
    let wal = dir.path().join("colloquy.sqlite3-wal");
    let wal_size = || std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut writers = Vec::new();
    for t in 0..2 {
        let (store, secret, key, stop) = (store.clone(), secret.clone(), key.clone(), stop.clone());
        writers.push(tokio::spawn(async move {
            let state = vec![b'x'; 2000];
            let mut n = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                store.create(&format!("w{t}-{n}"), "i", &state, &key, KeyWrapper::Cookie(&secret)).await.unwrap();
                n += 1;
                // a steady stream, not a flood: the test writes some 100 MB, not gigabytes
                tokio::time::sleep(std::time::Duration::from_millis(1)).await;
            }
            n
        }));
    }
    // a second and a half of writes (three checkpoint rounds), then three more
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let early = wal_size();
    tokio::time::sleep(std::time::Duration::from_millis(3000)).await;
    let late = wal_size();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut written = 0;
    for w in writers {
        written += w.await.unwrap();
    }
    let (e, l) = (early as f64, late as f64);
    assert!(written > 1000, "too few writes to tell ({written})");
    eprintln!("WAL {early} bytes after 1.5 s, {late} after 4.5 s ({written} sessions)");
    assert!(l < e * 1.6, "the WAL kept growing: {early} bytes after 1.5 s, {late} after 4.5 s ({written} sessions)");
    store.close().await;
}
