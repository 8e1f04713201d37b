//! Time and concurrency bounds over real connections: a client that sends
//! its headers or its body too slowly is cut off, and requests beyond the
//! in-flight limit are refused at once with a JSON `503` and `Retry-After`.

use reqwest::StatusCode;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

mod support;
use support::TestServer;

/// Reads until the server closes or answers; how long that took.
async fn until_cut_off(stream: &mut TcpStream) -> (Duration, String) {
    let started = Instant::now();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "still open after 10 s");
    (
        started.elapsed(),
        String::from_utf8_lossy(&answer).into_owned(),
    )
}

async fn connect(server: &TestServer) -> TcpStream {
    TcpStream::connect(server.base.trim_start_matches("http://"))
        .await
        .unwrap()
}

/// A sign-in whose body stops after its first bytes.
async fn stalled_sign_in(server: &TestServer) -> TcpStream {
    let mut stream = connect(server).await;
    let head = format!(
        "POST /api/v1/session HTTP/1.1\r\nHost: shop\r\nOrigin: {}\r\n\
         Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"email\":",
        server.base
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}

#[tokio::test]
async fn headers_sent_too_slowly_lose_the_connection() {
    let server = TestServer::start_with(|config| config.header_timeout_seconds = 1).await;
    let mut stream = connect(&server).await;
    stream
        .write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: shop\r\n")
        .await
        .unwrap();
    let (after, _) = until_cut_off(&mut stream).await;
    assert!(after < Duration::from_secs(5), "cut off after {after:?}");
    server.stop().await;
}

#[tokio::test]
async fn a_stalled_body_ends_its_request() {
    let server = TestServer::start_with(|config| config.body_idle_timeout_seconds = 1).await;
    let mut stream = stalled_sign_in(&server).await;
    let (after, answer) = until_cut_off(&mut stream).await;
    assert!(after < Duration::from_secs(5), "answered after {after:?}");
    assert!(answer.starts_with("HTTP/1.1 4"), "{answer}");
    server.stop().await;
}

#[tokio::test]
async fn requests_beyond_the_limit_are_refused_at_once() {
    let server = TestServer::start_with(|config| config.max_in_flight = 2).await;
    // Two requests in flight: each waits for the rest of its body.
    let first = stalled_sign_in(&server).await;
    let second = stalled_sign_in(&server).await;
    let refused = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            let response = reqwest::get(server.url("/api/v1/health")).await.unwrap();
            if response.status() == StatusCode::SERVICE_UNAVAILABLE {
                return response;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("never refused");
    assert_eq!(refused.headers()["retry-after"], "1");
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], "server_busy");
    // The two leave; the shop serves again.
    drop((first, second));
    let served = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            let response = reqwest::get(server.url("/api/v1/health")).await.unwrap();
            if response.status() == StatusCode::OK {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
    assert!(served.is_ok(), "still refusing after the two left");
    server.stop().await;
}

#[tokio::test]
async fn a_handler_that_outlives_its_deadline_is_answered_for() {
    let server = TestServer::start_with(|config| config.request_timeout_seconds = 1).await;
    let started = Instant::now();
    let response = support::client()
        .post(server.url("/api/v1/test/stall"))
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .expect("no answer within 10 s");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "server_busy");
    server.stop().await;
}
