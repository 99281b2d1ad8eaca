//! Criterion benchmark of what storing a new session costs (a session's first answer) in a
//! database file that already holds many sessions, by the shape of the session ids:
//! wholly random (as issued until December 2026) or beginning with their time (as issued
//! now, `server::cookies::new_session_id`). A random id goes into the id index at a random
//! page, read from the file once the index outgrew SQLite's page cache; a time-ordered id
//! goes in at the index's end.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benches may unwrap

use std::time::{SystemTime, UNIX_EPOCH};

use criterion::{criterion_group, criterion_main, Criterion};
use store::{CookieSecret, DataKey, KeyWrapper, Store};

/// Sessions in the database before the measured inserts: an id index of some 5 MB, past
/// SQLite's 2 MiB page cache.
const SESSIONS_BEFORE: usize = 100_000;

const INTERVIEW: &str = "docassemble.base:data/questions/examples/fields.yml";

fn random_hex(bytes: usize) -> String {
    let mut b = vec![0u8; bytes];
    store::fill_unpredictable(&mut b).unwrap();
    hex::encode(b)
}

fn random_id() -> String {
    random_hex(16)
}

fn time_ordered_id() -> String {
    let millis = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as u64;
    format!("{:012x}{}", millis & 0xffff_ffff_ffff, random_hex(16))
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    // a fields.yml state after its first answer is about 1.1 KB
    let state = vec![b'x'; 1100];
    let key = DataKey::generate().unwrap();
    let secret = CookieSecret::generate().unwrap();
    let mut group = c.benchmark_group("store a new session");
    for (name, id) in [("random ids", random_id as fn() -> String), ("time-ordered ids", time_ordered_id)] {
        let dir = tempfile::tempdir().unwrap();
        let store = rt.block_on(Store::open_dir(dir.path())).unwrap();
        let create = |id: String| {
            rt.block_on(store.create(&id, INTERVIEW, &state, &key, KeyWrapper::Cookie(&secret))).unwrap();
        };
        for _ in 0..SESSIONS_BEFORE {
            create(id());
        }
        group.bench_function(format!("{name}, {SESSIONS_BEFORE} before"), |b| b.iter(|| create(id())));
        rt.block_on(store.close());
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
