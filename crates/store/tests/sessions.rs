#![allow(clippy::unwrap_used, clippy::expect_used)]
use store::{Store, StoreError};

#[tokio::test]
async fn create_load_save_delete() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    assert!(store.load("nope").await.unwrap().is_none());

    let v = store
        .create("s1", "pkg:data/questions/a.yml", b"{\"x\":1}")
        .await
        .unwrap();
    assert_eq!(v, 1);
    assert!(matches!(
        store.create("s1", "pkg:a.yml", b"{}").await,
        Err(StoreError::Exists)
    ));

    let s = store.load("s1").await.unwrap().unwrap();
    assert_eq!(s.interview, "pkg:data/questions/a.yml");
    assert_eq!(s.state, b"{\"x\":1}");
    assert_eq!(s.version, 1);

    let v2 = store.save("s1", 1, b"{\"x\":2}").await.unwrap();
    assert_eq!(v2, 2);
    // a stale writer loses
    assert!(matches!(
        store.save("s1", 1, b"{\"x\":3}").await,
        Err(StoreError::Conflict)
    ));
    let s = store.load("s1").await.unwrap().unwrap();
    assert_eq!(s.state, b"{\"x\":2}");
    assert_eq!(s.version, 2);

    assert!(store.delete("s1").await.unwrap());
    assert!(!store.delete("s1").await.unwrap());
    assert!(store.load("s1").await.unwrap().is_none());
    assert!(matches!(
        store.save("s1", 2, b"{}").await,
        Err(StoreError::NotFound)
    ));
    store.close().await;
}

#[tokio::test]
async fn reopen_keeps_data_and_migrations_are_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open_dir(dir.path()).await.unwrap();
        store.create("abc", "i", b"{}").await.unwrap();
        store.close().await;
    }
    let store = Store::open_dir(dir.path()).await.unwrap();
    assert_eq!(store.load("abc").await.unwrap().unwrap().state, b"{}");
    store.close().await;
}

#[tokio::test]
async fn pragmas_are_set() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    // WAL file appears after a write
    store.create("w", "i", b"{}").await.unwrap();
    assert!(dir.path().join("colloquy.sqlite3-wal").exists());
    store.close().await;
}

#[tokio::test]
async fn deleted_answers_leave_no_trace_in_the_database_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    let marker = b"{\"name\":\"MARKER-7f3a9c\"}";
    store.create("m", "i", marker).await.unwrap();
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
async fn in_memory_and_idle_cleanup() {
    let store = Store::open_memory().await.unwrap();
    store.create("a", "i", b"{}").await.unwrap();
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
    assert!(store.load("a").await.unwrap().is_some());
}
