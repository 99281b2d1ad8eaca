//! Criterion benchmarks of what encryption costs per interview step: sealing and opening a
//! typical 10 KB session state, and wrapping / unwrapping a session's data key with the
//! cookie secret and the server key.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benches may unwrap

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use store::crypto::{open_with, seal_with, AssociatedData, Purpose};
use store::{CookieSecret, DataKey, KeyWrapper, ServerKey};

/// A JSON state of about 10 KB, shaped like the engine's (variables, answered, history).
fn typical_state() -> Vec<u8> {
    let mut s = String::from("{\"variables\":{");
    let mut i = 0;
    while s.len() < 10_000 {
        s.push_str(&format!(
            "\"var_{i}\":{{\"_class\":\"Individual\",\"name\":{{\"first\":\"Person {i}\",\"last\":\"Example\"}},\"income\":{}.5}},",
            i * 1000
        ));
        i += 1;
    }
    s.push_str("\"done\":true},\"answered\":[],\"steps\":12}");
    s.into_bytes()
}

fn bench(c: &mut Criterion) {
    let state = typical_state();
    let key = DataKey::generate().unwrap();
    let ad = AssociatedData {
        session_id: "0123456789abcdef0123456789abcdef",
        purpose: Purpose::State,
        version: 7,
    };
    let sealed = seal_with(&key, ad, &state).unwrap();
    c.bench_function("seal 10KB state", |b| {
        b.iter(|| seal_with(&key, black_box(ad), black_box(&state)).unwrap())
    });
    c.bench_function("open 10KB state", |b| {
        b.iter(|| open_with(&key, black_box(ad), black_box(&sealed)).unwrap())
    });
    c.bench_function("seal+open 10KB state", |b| {
        b.iter(|| {
            let s = seal_with(&key, black_box(ad), black_box(&state)).unwrap();
            open_with(&key, ad, &s).unwrap()
        })
    });
    let cookie = CookieSecret::generate().unwrap();
    let server = ServerKey::generate().unwrap();
    let id = "0123456789abcdef0123456789abcdef";
    let by_cookie = key.wrap(KeyWrapper::Cookie(&cookie), id).unwrap();
    let by_server = key.wrap(KeyWrapper::Server(&server), id).unwrap();
    c.bench_function("wrap data key (cookie)", |b| {
        b.iter(|| {
            key.wrap(KeyWrapper::Cookie(&cookie), black_box(id))
                .unwrap()
        })
    });
    c.bench_function("unwrap data key (cookie)", |b| {
        b.iter(|| {
            DataKey::unwrap_with(black_box(&by_cookie), KeyWrapper::Cookie(&cookie), id).unwrap()
        })
    });
    c.bench_function("unwrap data key (server)", |b| {
        b.iter(|| {
            DataKey::unwrap_with(black_box(&by_server), KeyWrapper::Server(&server), id).unwrap()
        })
    });
    c.bench_function("cookie value parse", |b| {
        let v = cookie.to_cookie_value();
        b.iter(|| CookieSecret::from_cookie_value(black_box(v.as_str())).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
