#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The clock and the random source come from the server's options: with a fixed clock and
//! a fixed random source, the engine sees that time and seed, and session ids, request
//! ids and cookies are what the random source gave. The URL arguments reach the engine
//! through the request context, reserved parameters left out.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use engine::{QuestionScreen, RequestContext, Screen, SessionState, Submitted};
use http_body_util::BodyExt;
use server::{Clock, Config, DirPackageFiles, Engine, LoadFailure, Rng, RngFailed, Runner};
use tower::ServiceExt;

#[derive(Debug)]
struct FixedClock;

impl Clock for FixedClock {
    fn now(&self) -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2030, 1, 2)
            .unwrap()
            .and_hms_opt(3, 4, 5)
            .unwrap()
    }
}

#[derive(Debug)]
struct FixedRng;

impl Rng for FixedRng {
    fn fill(&self, buf: &mut [u8]) -> Result<(), RngFailed> {
        buf.fill(0x11);
        Ok(())
    }
}

struct Shows;

impl Engine for Shows {
    fn load(&self, _reference: &str) -> Result<Arc<dyn Runner>, LoadFailure> {
        Ok(Arc::new(Shows))
    }
}

impl Runner for Shows {
    fn new_session(&self) -> SessionState {
        SessionState::new()
    }
    fn next_screen(&self, _state: &mut SessionState, ctx: &RequestContext) -> Screen {
        let args: Vec<String> = ctx
            .url_args
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        Screen::Question(QuestionScreen {
            question: format!("now={} seed={} args={}", ctx.now, ctx.seed, args.join(",")),
            continue_label: Some("Continue".into()),
            token: "q".into(),
            ..Default::default()
        })
    }
    fn submit(
        &self,
        _: &mut SessionState,
        _: &[(String, String)],
        _: &RequestContext,
    ) -> Submitted {
        Submitted::Accepted
    }
    fn back(&self, _: &mut SessionState) -> bool {
        false
    }
}

#[tokio::test]
async fn time_and_randomness_come_from_the_options() {
    let app = server::router(Config {
        engine: Arc::new(Shows),
        store: store::Store::open_memory().await.unwrap(),
        files: Arc::new(DirPackageFiles { roots: vec![] }),
        secret: [3u8; 32],
        featured: vec![],
        listed: vec![],
        secure_cookies: false,
        options: server::ServerOptions {
            clock: Some(Arc::new(FixedClock)),
            rng: Some(Arc::new(FixedRng)),
            ..Default::default()
        },
        first_screens: Default::default(),
    });
    let req = Request::get("/interview?i=a%3Ab.yml&foo=bar&lang=fr&utm_source=x&action_sig=1")
        .header(header::HOST, "localhost")
        .body(Body::empty())
        .unwrap();
    let res = app.oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let request_id = res
        .headers()
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let cookie = res
        .headers()
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let body =
        String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    assert!(body.contains("now=2030-01-02 03:04:05"), "{body}");
    assert!(
        body.contains(&format!("seed={}", u64::from_le_bytes([0x11; 8]))),
        "{body}"
    );
    assert!(body.contains("args=foo=bar<"), "{body}");
    assert_eq!(request_id, "11".repeat(8));
    assert!(
        // the id: the clock's time (2030-01-02 03:04:05 in milliseconds), then the random part
        cookie.contains(&format!("=01b8e0949888{}.", "11".repeat(16))),
        "{cookie}"
    );
}
