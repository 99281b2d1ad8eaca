#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A new session's first screen is made once per interview and URL when its run read
//! nothing of the request's own ([`server::first_screen`]): the page is then the one the
//! engine and the renderer make for each session, byte for byte but for the CSRF token,
//! the session it starts works like any other, different URL arguments get different
//! pages, and a screen that reads the clock is made for each session.

use crate::support;

use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use server::first_screen::FirstScreens;
use server::{Clock, ServerOptions};
use support::*;

/// `name` as a posted field name.
const NAME: &str = "bmFtZQ";

/// The nonce of a response's CSP header, if it has one.
fn nonce_of(r: &Resp) -> Option<String> {
    let csp = r.headers.get("content-security-policy")?.to_str().unwrap();
    let at = csp.find("'nonce-")? + "'nonce-".len();
    Some(csp[at..].split('\'').next().unwrap().to_string())
}

/// The page with its CSRF token and its nonce taken out (the parts that are the session's
/// and the response's).
fn without_token(r: &Resp) -> String {
    let body = r.body.replace(&csrf_of(&r.body), "TOKEN");
    match nonce_of(r) {
        Some(n) => {
            assert!(body.contains(&format!("nonce=\"{n}\"")), "the page has the header's nonce");
            body.replace(&n, "NONCE")
        }
        None => body,
    }
}

async fn fresh_page(app: &axum::Router, uri: &str) -> Resp {
    let r = send(app, get(uri, None)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r
}

#[tokio::test]
async fn a_new_session_gets_the_page_the_engine_makes_and_goes_on_from_it() {
    let store = store::Store::open_memory().await.unwrap();
    let kept = FirstScreens::default();
    let shared = app_with_first_screens(store.clone(), None, ServerOptions::default(), kept.clone());
    let each = app_with_first_screens(store, None, ServerOptions::default(), FirstScreens::off());
    let files = ["marker.yml", "greeting.yml", "xss.yml", "upload.yml", "signature.yml", "script.yml"];
    for (n, file) in files.into_iter().enumerate() {
        let uri = url(file);
        let made = fresh_page(&each, &uri).await;
        let first = fresh_page(&shared, &uri).await;
        let second = fresh_page(&shared, &uri).await;
        assert_eq!(without_token(&first), without_token(&made), "{file}");
        assert_eq!(without_token(&second), without_token(&made), "{file}");
        assert_eq!(nonce_of(&made).is_some(), file == "script.yml");
        if nonce_of(&made).is_some() {
            assert_ne!(nonce_of(&first), nonce_of(&second), "{file}: a nonce per response");
        }
        assert_ne!(cookie_of(&first), cookie_of(&second), "{file}: every visitor gets a session");
        assert_ne!(csrf_of(&first.body), csrf_of(&second.body), "{file}");
        assert_eq!(kept.len(), n + 1, "{file}: its first screen is kept");
    }
    // the session a kept first screen started takes its answer and goes on
    let uri = url("greeting.yml");
    for _ in 0..2 {
        let r = fresh_page(&shared, &uri).await;
        let cookie = cookie_of(&r);
        let question = attr_of_named(&r.body, "_question", "value").unwrap();
        let form = [("_csrf", csrf_of(&r.body)), ("_question", question), (NAME, "Ann".into())];
        let next = send(&shared, post(&uri, Some(&cookie), &form)).await;
        assert_eq!(next.status, StatusCode::OK, "{}", next.body);
        assert!(next.body.contains("Goodbye, Ann"), "{}", next.body);
        // and comes back to where it was
        let again = send(&shared, get(&uri, Some(&cookie))).await;
        assert!(again.body.contains("Goodbye, Ann"), "{}", again.body);
    }
}

#[tokio::test]
async fn each_url_gets_its_own_first_page() {
    let app = app_with(store::Store::open_memory().await.unwrap(), None);
    let uri = url("greeting.yml");
    for who in ["ann", "bob", "ann", "bob"] {
        let r = fresh_page(&app, &format!("{uri}&who={who}")).await;
        assert!(r.body.contains(&format!("Hello, {who}")), "{}", r.body);
    }
    assert!(fresh_page(&app, &uri).await.body.contains("Hello, nobody"));
}

/// A clock the test moves.
#[derive(Debug)]
struct Moving(Mutex<chrono::NaiveDateTime>);

impl Clock for Moving {
    fn now(&self) -> chrono::NaiveDateTime {
        *self.0.lock().unwrap()
    }
}

#[tokio::test]
async fn a_first_screen_that_reads_the_clock_is_made_for_each_session() {
    let day = |d| chrono::NaiveDate::from_ymd_opt(2030, 1, d).unwrap().and_hms_opt(12, 0, 0).unwrap();
    let clock = Arc::new(Moving(Mutex::new(day(2))));
    let options = ServerOptions { clock: Some(clock.clone()), ..Default::default() };
    let kept = FirstScreens::default();
    let app = app_with_first_screens(store::Store::open_memory().await.unwrap(), None, options, kept.clone());
    assert!(fresh_page(&app, &url("today.yml")).await.body.contains("Today is 2030-01-02"));
    assert!(kept.is_empty());
    *clock.0.lock().unwrap() = day(3);
    let r = fresh_page(&app, &url("today.yml")).await;
    assert!(r.body.contains("Today is 2030-01-03"), "{}", r.body);
}

/// Sessions stored in the store's database under `dir`.
async fn stored_sessions(dir: &std::path::Path) -> i64 {
    let opts = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(dir.join("colloquy.sqlite3"))
        .read_only(true);
    let pool = sqlx::SqlitePool::connect_with(opts).await.unwrap();
    let (n,): (i64,) = sqlx::query_as("SELECT count(*) FROM sessions").fetch_one(&pool).await.unwrap();
    pool.close().await;
    n
}

#[tokio::test]
async fn nothing_is_stored_before_the_first_answer_of_a_kept_first_screen() {
    let dir = tempfile::tempdir().unwrap();
    let store = store::Store::open_dir(dir.path()).await.unwrap();
    let app = app_with_first_screens(store.clone(), None, ServerOptions::default(), FirstScreens::default());
    let uri = url("greeting.yml");
    let r = fresh_page(&app, &uri).await;
    let cookie = cookie_of(&r);
    assert_eq!(stored_sessions(dir.path()).await, 0, "a bare visit stores nothing");
    // a reload (or another tab) goes on under the same cookie, so the first page's token
    // still works
    let again = send(&app, get(&uri, Some(&cookie))).await;
    assert!(again.body.contains("Hello, nobody"));
    assert_eq!(csrf_of(&again.body), csrf_of(&r.body));
    assert_eq!(stored_sessions(dir.path()).await, 0);
    // a server that no longer keeps the screen (restarted, another node) makes it again
    let other = app_with_first_screens(store.clone(), None, ServerOptions::default(), FirstScreens::default());
    let question = attr_of_named(&r.body, "_question", "value").unwrap();
    let form = [("_csrf", csrf_of(&r.body)), ("_question", question), (NAME, "Cy".to_string())];
    let next = send(&other, post(&uri, Some(&cookie), &form)).await;
    assert!(next.body.contains("Goodbye, Cy"), "{}", next.body);
    assert_eq!(stored_sessions(dir.path()).await, 1, "the first answer stores the session");
    let back = send(&app, get(&uri, Some(&cookie))).await;
    assert!(back.body.contains("Goodbye, Cy"), "{}", back.body);
    // with URL arguments (which a post does not carry) the session is stored at once
    fresh_page(&app, &format!("{uri}&who=ann")).await;
    assert_eq!(stored_sessions(dir.path()).await, 2);
    // a first screen that is made for each session is stored at once too
    fresh_page(&app, &url("today.yml")).await;
    assert_eq!(stored_sessions(dir.path()).await, 3);
    store.close().await;
}

/// Two tabs answer a kept first screen at the same moment, under the one cookie that
/// screen set: both find no stored session, both run the answer, and one insert finds
/// the id taken. That one gets the "changed in another window" page (409), never a
/// server error, and the session goes on from the answer that was stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_first_answers_at_once_store_one_and_tell_the_other_to_reload() {
    let dir = tempfile::tempdir().unwrap();
    let store = store::Store::open_dir(dir.path()).await.unwrap();
    let app = app_with_first_screens(store.clone(), None, ServerOptions::default(), FirstScreens::default());
    let uri = url("greeting.yml");
    let mut statuses = std::collections::BTreeMap::new();
    for round in 0..40 {
        let r = fresh_page(&app, &uri).await;
        let cookie = cookie_of(&r);
        let question = attr_of_named(&r.body, "_question", "value").unwrap();
        let tabs = ["Ann", "Bob"].map(|name| {
            let (app, uri, cookie) = (app.clone(), uri.clone(), cookie.clone());
            let form = [("_csrf", csrf_of(&r.body)), ("_question", question.clone()), (NAME, name.to_string())];
            tokio::spawn(async move { send(&app, post(&uri, Some(&cookie), &form)).await })
        });
        for tab in tabs {
            let answered = tab.await.unwrap();
            assert!(
                [StatusCode::OK, StatusCode::CONFLICT].contains(&answered.status),
                "round {round}: {} {}",
                answered.status,
                answered.body
            );
            *statuses.entry(answered.status.as_u16()).or_insert(0) += 1;
        }
        let now = send(&app, get(&uri, Some(&cookie))).await;
        assert!(now.body.contains("Goodbye, Ann") || now.body.contains("Goodbye, Bob"), "{}", now.body);
    }
    assert_eq!(stored_sessions(dir.path()).await, 40, "{statuses:?}");
    // with URL arguments a visit stores its session at once: two tabs opening such a URL at
    // once under a cookie never stored both get the page of the one session stored (the
    // first visit keeps that URL's first screen, and stores its own session)
    fresh_page(&app, &format!("{uri}&who=cy")).await;
    for round in 0..40 {
        let cookie = cookie_of(&fresh_page(&app, &uri).await);
        let tabs = [0, 1].map(|_| {
            let (app, uri, cookie) = (app.clone(), format!("{uri}&who=cy"), cookie.clone());
            tokio::spawn(async move { send(&app, get(&uri, Some(&cookie))).await })
        });
        for tab in tabs {
            let r = tab.await.unwrap();
            assert_eq!(r.status, StatusCode::OK, "round {round}: {}", r.body);
            assert!(r.body.contains("Hello, cy"), "{}", r.body);
        }
    }
    assert_eq!(stored_sessions(dir.path()).await, 40 + 1 + 40);
    store.close().await;
}

/// A kept first screen's cookie says its session is not stored (`….new`), so the first
/// answer looks nothing up; the response that stores the session sets the stored cookie.
/// A cookie that says "not stored" of a session that is stored (the response that set the
/// stored cookie was lost) opens the stored session as the stored cookie would, and sets
/// that cookie.
#[tokio::test]
async fn a_cookie_says_until_the_first_answer_that_its_session_is_not_stored() {
    let dir = tempfile::tempdir().unwrap();
    let store = store::Store::open_dir(dir.path()).await.unwrap();
    let app = app_with_first_screens(store.clone(), None, ServerOptions::default(), FirstScreens::default());
    let uri = url("greeting.yml");
    let answer = |r: &Resp, name: &str| {
        let question = attr_of_named(&r.body, "_question", "value").unwrap();
        [("_csrf", csrf_of(&r.body)), ("_question", question), (NAME, name.to_string())]
    };
    let first = fresh_page(&app, &uri).await;
    let new = cookie_of(&first);
    assert!(new.ends_with(".new"), "{new}");
    let stored_page = send(&app, post(&uri, Some(&new), &answer(&first, "Ann"))).await;
    assert!(stored_page.body.contains("Goodbye, Ann"), "{}", stored_page.body);
    let stored = cookie_of(&stored_page);
    assert_eq!(stored, new.trim_end_matches(".new"), "the same session, now stored");
    assert_eq!(stored_sessions(dir.path()).await, 1);
    // the stored cookie goes on as any stored session's (no cookie set again)
    let again = send(&app, get(&uri, Some(&stored))).await;
    assert!(again.body.contains("Goodbye, Ann") && again.headers.get("set-cookie").is_none());

    // the stored cookie was lost: a page view with the old cookie opens the stored session
    // and sets the stored cookie
    let view = send(&app, get(&uri, Some(&new))).await;
    assert!(view.body.contains("Goodbye, Ann"), "{}", view.body);
    assert_eq!(cookie_of(&view), stored);
    // an answer posted with the old cookie from the first page is taken on the stored
    // session (whose screen it does not answer: that screen again), with the stored cookie
    let late = send(&app, post(&uri, Some(&new), &answer(&first, "Bob"))).await;
    assert_eq!(late.status, StatusCode::OK, "{}", late.body);
    assert!(late.body.contains("Goodbye, Ann"), "{}", late.body);
    assert_eq!(cookie_of(&late), stored);
    let after = send(&app, get(&uri, Some(&stored))).await;
    assert!(after.body.contains("Goodbye, Ann") && !after.body.contains("Bob"), "{}", after.body);
    assert_eq!(stored_sessions(dir.path()).await, 1);

    // a "not stored" cookie made up for another's session id, with a wrong secret, opens
    // nothing: the answer finds the id taken and stores nothing
    let id = id_of(&stored);
    let forged = format!("{}={id}.{}.new", new.split('=').next().unwrap(), "A".repeat(43));
    let tried = send(&app, post(&uri, Some(&forged), &answer(&first, "Eve"))).await;
    assert_ne!(tried.status, StatusCode::OK, "{}", tried.body);
    assert!(!tried.body.contains("Ann"), "{}", tried.body);
    let after = send(&app, get(&uri, Some(&stored))).await;
    assert!(after.body.contains("Goodbye, Ann"), "{}", after.body);
    assert_eq!(stored_sessions(dir.path()).await, 1);
    store.close().await;
}
