#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Session isolation (issue 5, item 7): a second client that copies only the session id
//! (not the secret), guesses ids, tampers with the cookie, moves a cookie to another
//! interview, or rolls the ciphertext back gets a fresh session (200/303, no internals) and
//! never sees the first client's marker answer; the first client's row is untouched.
//! Positive controls (the owner's cookie shows the marker) make every negative meaningful.

use crate::support;

use axum::http::{header, StatusCode};
use support::*;

const MARKER: &str = "ZZISOLATIONMARKER42";
const SECRET: &str = "c2VjcmV0X2Fuc3dlcg";
const SECOND: &str = "c2Vjb25kX2Fuc3dlcg";

type Row = (Vec<u8>, Vec<u8>, i64);

async fn row(pool: &sqlx::SqlitePool, id: &str) -> Option<Row> {
    sqlx::query_as::<_, Row>("SELECT state, wrapped_key, version FROM sessions WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await
        .unwrap()
}

async fn pool(dir: &std::path::Path) -> sqlx::SqlitePool {
    let opts = sqlx::sqlite::SqliteConnectOptions::new().filename(dir.join("colloquy.sqlite3"));
    sqlx::SqlitePool::connect_with(opts).await.unwrap()
}

/// Answers the first question of `marker.yml` with `answer`; returns the cookie pair.
async fn owner(app: &axum::Router, answer: &str) -> String {
    let u = url("marker.yml");
    let r = send(app, get(&u, None)).await;
    let cookie = cookie_of(&r);
    let csrf = csrf_of(&r.body);
    let q = attr_of_named(&r.body, "_question", "value").unwrap();
    let r = send(
        app,
        post(
            &u,
            Some(&cookie),
            &[
                ("_csrf", csrf.as_str()),
                ("_question", &q),
                (SECRET, answer),
            ],
        ),
    )
    .await;
    assert!(
        r.body.contains(&format!("Second, after {answer}")),
        "{}",
        r.body
    );
    cookie
}

/// What an intruder's response must look like: no marker, no internals, a fresh start.
fn shut_out(r: &Resp, what: &str) {
    assert!(
        r.status == StatusCode::OK || r.status == StatusCode::SEE_OTHER,
        "{what}: status {}: {}",
        r.status,
        r.body
    );
    assert!(
        !r.body.contains(MARKER),
        "{what}: the marker leaked: {}",
        r.body
    );
    for leak in [
        "panicked",
        "sqlx",
        "rusqlite",
        "SqliteFailure",
        "Sealed",
        "Locked",
        "decrypt",
        "StoreError",
        "src/",
        ".rs:",
        "Internal",
        "internal error",
    ] {
        assert!(
            !r.body.contains(leak),
            "{what}: internals ({leak}): {}",
            r.body
        );
    }
    if r.status == StatusCode::OK {
        assert!(
            r.body.contains("Your secret"),
            "{what}: a fresh session: {}",
            r.body
        );
    }
}

fn cookie_parts(cookie: &str) -> (String, String, String) {
    let (name, value) = cookie.split_once('=').unwrap();
    let (id, secret) = value.split_once('.').unwrap();
    (name.to_string(), id.to_string(), secret.to_string())
}

fn random_bytes(n: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).unwrap();
    bytes
}

fn random_hex(n: usize) -> String {
    random_bytes(n)
        .into_iter()
        .map(|b| char::from(b"0123456789abcdef"[usize::from(b % 16)]))
        .collect()
}

fn random_secret() -> String {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    random_bytes(43)
        .into_iter()
        .map(|b| char::from(alphabet[usize::from(b % 64)]))
        .collect()
}

#[tokio::test]
async fn copied_guessed_and_tampered_cookies_get_a_fresh_session() {
    let OnDisk { dir, store, app } = app_on_disk().await;
    let u = url("marker.yml");
    let alice = owner(&app, MARKER).await;
    let (name, id, secret) = cookie_parts(&alice);
    let db = pool(dir.path()).await;
    let before = row(&db, &id).await.expect("alice's row");

    // Positive control: Alice's own cookie shows her marker.
    let r = send(&app, get(&u, Some(&alice))).await;
    assert!(r.body.contains(MARKER), "{}", r.body);

    // Mallory has her own session; she pairs Alice's id with her own secret.
    let mallory = owner(&app, "mallory").await;
    let (_, _, mallory_secret) = cookie_parts(&mallory);
    let mut flipped = secret.clone().into_bytes();
    flipped[5] = if flipped[5] == b'A' { b'B' } else { b'A' };
    let flipped = String::from_utf8(flipped).unwrap();
    let mut neighbour = id.clone().into_bytes();
    let last = neighbour.len() - 1;
    neighbour[last] = if neighbour[last] == b'0' { b'1' } else { b'0' };
    let neighbour = String::from_utf8(neighbour).unwrap();

    let mut forged: Vec<(String, String)> = vec![
        ("id only".into(), format!("{name}={id}")),
        ("id and empty secret".into(), format!("{name}={id}.")),
        (
            "id with mallory's secret".into(),
            format!("{name}={id}.{mallory_secret}"),
        ),
        (
            "id with a random secret".into(),
            format!("{name}={id}.{}", random_secret()),
        ),
        (
            "secret with one character changed".into(),
            format!("{name}={id}.{flipped}"),
        ),
        (
            "secret truncated".into(),
            format!("{name}={id}.{}", &secret[..42]),
        ),
        ("secret too long".into(), format!("{name}={id}.{secret}A")),
        ("secret padded".into(), format!("{name}={id}.{secret}=")),
        (
            "id uppercased".into(),
            format!("{name}={}.{secret}", id.to_uppercase()),
        ),
        (
            "neighbouring id, right secret".into(),
            format!("{name}={neighbour}.{secret}"),
        ),
        (
            "id with traversal".into(),
            format!("{name}=../../{id}.{secret}"),
        ),
        (
            "sql in the id".into(),
            format!("{name}=' OR 1=1 --.{secret}"),
        ),
        (
            "percent-encoded junk".into(),
            format!("{name}=%00%ff%2e.{secret}"),
        ),
        ("quoted".into(), format!("{name}=\"{id}\"")),
        ("huge cookie".into(), format!("{name}={}", "A".repeat(6000))),
        ("no value".into(), format!("{name}=")),
        ("junk".into(), format!("{name}=....;;;===")),
        ("two dots".into(), format!("{name}={id}.{secret}.{secret}")),
        (
            "non-ASCII".into(),
            format!("{name}={id}.{}é", &secret[..41]),
        ),
    ];
    // Guessed ids with random secrets.
    for n in 0..50 {
        forged.push((
            format!("guess {n}"),
            format!("{name}={}.{}", random_hex(32), random_secret()),
        ));
    }
    for (what, cookie) in &forged {
        let r = send(&app, get(&u, Some(cookie))).await;
        shut_out(&r, &format!("GET, {what}"));
        if r.status == StatusCode::OK {
            let fresh = cookie_of(&r);
            assert_ne!(id_of(&fresh), id, "{what}: a new session id is issued");
        }
        // Posting with it does not reach Alice's session either (no CSRF token fits, and
        // there is no session to post to).
        let r = send(
            &app,
            post(&u, Some(cookie), &[("_question", "x"), (SECOND, "EVIL")]),
        )
        .await;
        assert!(!r.body.contains(MARKER), "POST, {what}: {}", r.body);
        // A reset with it does not delete Alice's session.
        let r = send(&app, get(&format!("{u}&reset=1"), Some(cookie))).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "reset, {what}");
    }
    // The marker never reached anyone else, Alice's row is byte-identical, and she still
    // has her session.
    assert_eq!(
        row(&db, &id).await.as_ref(),
        Some(&before),
        "alice's row changed"
    );
    let r = send(&app, get(&u, Some(&alice))).await;
    assert!(
        r.body.contains(&format!("Second, after {MARKER}")),
        "{}",
        r.body
    );
    db.close().await;
    drop(app);
    store.close().await;
}

#[tokio::test]
async fn a_cookie_moved_to_another_interview_opens_nothing() {
    let app = app().await;
    let alice = owner(&app, MARKER).await;
    let (_, id, secret) = cookie_parts(&alice);
    // The same id.secret under the cookie name of another interview.
    let other = server::cookies::cookie_name("fixtures:xss.yml");
    let moved = format!("{other}={id}.{secret}");
    let r = send(&app, get(&url("xss.yml"), Some(&moved))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(!r.body.contains(MARKER));
    assert!(r.body.contains("Every datatype"), "{}", r.body);
    assert_ne!(id_of(&cookie_of(&r)), id);
    // Several cookies at once (Alice's among junk ones of the same name): never an error.
    let (name, _, _) = cookie_parts(&alice);
    let r = send(
        &app,
        get(
            &url("marker.yml"),
            Some(&format!(
                "{name}=junk; {alice}; {name}={id}.{}",
                random_secret()
            )),
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    shut_out_or_owner(&r);
}

/// With several cookies of the same name the server may pick any: it shows either a fresh
/// session or the owner's own — never an error.
fn shut_out_or_owner(r: &Resp) {
    assert!(
        r.body.contains("Your secret") || r.body.contains(&format!("Second, after {MARKER}")),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn a_rolled_back_ciphertext_is_rejected_cleanly() {
    let OnDisk { dir, store, app } = app_on_disk().await;
    let u = url("marker.yml");
    let alice = owner(&app, MARKER).await;
    let id = id_of(&alice);
    let db = pool(dir.path()).await;
    let old = row(&db, &id).await.unwrap();
    // Alice answers the second question: a new version.
    let r = send(&app, get(&u, Some(&alice))).await;
    let csrf = csrf_of(&r.body);
    let q = attr_of_named(&r.body, "_question", "value").unwrap();
    let r = send(
        &app,
        post(
            &u,
            Some(&alice),
            &[
                ("_csrf", csrf.as_str()),
                ("_question", &q),
                (SECOND, "later"),
            ],
        ),
    )
    .await;
    assert!(r.body.contains("Finished"), "{}", r.body);
    let new = row(&db, &id).await.unwrap();
    assert!(new.2 > old.2);
    // An attacker with write access puts the old ciphertext back under the new version
    // (the version is in the associated data): it does not open.
    sqlx::query("UPDATE sessions SET state = ? WHERE id = ?")
        .bind(&old.0)
        .bind(&id)
        .execute(&db)
        .await
        .unwrap();
    let OnDisk { dir: _dir, store, app } = OnDisk { dir, store, app }.restarted(Default::default()).await;
    let r = send(&app, get(&u, Some(&alice))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(
        r.body.contains("Your secret"),
        "the replayed state is refused, a fresh session starts: {}",
        r.body
    );
    assert!(!r.body.contains(MARKER) && !r.body.contains("Internal"));
    assert!(r.headers.get(header::SET_COOKIE).is_some());
    db.close().await;
    drop(app);
    store.close().await;
}

#[tokio::test]
async fn over_tcp_a_copied_id_opens_nothing() {
    let app = app().await;
    let addr = serve(app).await;
    let u = url("marker.yml");
    // Alice, over real TCP.
    let r = http(addr, "GET", &u, &[], b"").await;
    let alice = cookie_of(&r);
    let csrf = csrf_of(&r.body);
    let q = attr_of_named(&r.body, "_question", "value").unwrap();
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("_csrf", &csrf)
        .append_pair("_question", &q)
        .append_pair(SECRET, MARKER)
        .finish();
    let r = http(
        addr,
        "POST",
        &u,
        &[
            ("Cookie", &alice),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        body.as_bytes(),
    )
    .await;
    assert!(r.body.contains(MARKER), "{}", r.body);
    let (name, id, _) = cookie_parts(&alice);
    for forged in [
        format!("{name}={id}"),
        format!("{name}={id}.{}", random_secret()),
    ] {
        let r = http(addr, "GET", &u, &[("Cookie", &forged)], b"").await;
        shut_out(&r, &format!("TCP {forged}"));
    }
    let r = http(addr, "GET", &u, &[("Cookie", &alice)], b"").await;
    assert!(
        r.body.contains(MARKER),
        "the owner still reads it: {}",
        r.body
    );
}
