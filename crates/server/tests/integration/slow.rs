#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]
//! A slow client cannot hold the server (issue 5, item 6): a POST whose body never
//! finishes arriving is answered 408 after the request timeout, with the security headers,
//! while other clients are served at once.

use crate::support;

use std::time::{Duration, Instant};

use support::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_never_arrives_gets_408_and_others_are_served_meanwhile() {
    let options = server::ServerOptions {
        request_timeout: Some(Duration::from_secs(2)),
        ..Default::default()
    };
    let app = app_with_options(store::Store::open_memory().await.unwrap(), None, options);
    let addr = serve(app).await;
    // warm the interview cache, so the timing below is the server's, not the loader's
    assert_eq!(http(addr, "GET", &url("xss.yml"), &[], b"").await.status, 200);

    // The slow client: headers promise 1,000 bytes, 10 arrive, then nothing.
    let mut slow = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n_csrf=0000",
        url("xss.yml")
    );
    slow.write_all(head.as_bytes()).await.unwrap();
    let started = Instant::now();

    // Meanwhile another client is served promptly.
    let r = http(addr, "GET", &url("xss.yml"), &[], b"").await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(started.elapsed() < Duration::from_millis(1500), "the other client waited");

    let mut buf = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), slow.read_to_end(&mut buf)).await;
    assert!(read.is_ok(), "the slow request was never answered");
    let text = String::from_utf8_lossy(&buf);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(text.to_ascii_lowercase().contains("content-security-policy:"), "{text}");
    assert!(started.elapsed() >= Duration::from_millis(1900), "answered before the timeout");
}
