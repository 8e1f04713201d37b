//! Per-client limits that hold behind a reverse proxy and against a
//! client's own headers: `X-Forwarded-For` believed only from
//! `SHOP_TRUSTED_PROXIES`, IPv6 clients counted by their /64, operator
//! tokens throttled, sign-ups limited per client; wrong passwords from
//! many addresses held to the account's policy without locking its owner out.

use reqwest::StatusCode;
use serde_json::{Value, json};

mod support;
use support::{OPERATOR_TOKEN, STRONG, TestServer, client};

/// A tracking miss (an unknown number) sent as if through a proxy that
/// says it served `forwarded`.
async fn track_miss(server: &TestServer, forwarded: &str) -> StatusCode {
    client()
        .post(server.url("/api/v1/orders/track"))
        .header("origin", &server.base)
        .header("x-forwarded-for", forwarded)
        .json(&json!({"number": "SP-2345-6789", "email": "devine@exemple.fr"}))
        .send()
        .await
        .unwrap()
        .status()
}

/// Ten misses are free; the eleventh waits.
async fn use_up_tracking(server: &TestServer, forwarded: &str) {
    for attempt in 0..10 {
        let status = track_miss(server, forwarded).await;
        assert_eq!(status, StatusCode::OK, "attempt {attempt} from {forwarded}");
    }
    let status = track_miss(server, forwarded).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "from {forwarded}");
}

async fn behind_a_local_proxy() -> TestServer {
    TestServer::start_with(|config| {
        config.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    })
    .await
}

#[tokio::test]
async fn a_client_cannot_escape_its_limit_by_naming_another_address() {
    let server = TestServer::start().await;
    for attempt in 0..10 {
        let forged = format!("198.51.100.{attempt}");
        assert_eq!(track_miss(&server, &forged).await, StatusCode::OK);
    }
    // No proxy is trusted: the header is ignored, and the peer is limited.
    let status = track_miss(&server, "203.0.113.77").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    server.stop().await;
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_limit() {
    let server = behind_a_local_proxy().await;
    use_up_tracking(&server, "198.51.100.1").await;
    // Another shopper behind the same proxy is not slowed.
    assert_eq!(track_miss(&server, "198.51.100.2").await, StatusCode::OK);
    // The limited one cannot prepend another address: the proxy appended
    // the one it saw, and that one is read.
    assert_eq!(
        track_miss(&server, "192.0.2.50, 198.51.100.1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    server.stop().await;
}

#[tokio::test]
async fn ipv6_clients_are_limited_by_their_64_block() {
    let server = behind_a_local_proxy().await;
    use_up_tracking(&server, "2001:db8:1:2::a").await;
    assert_eq!(
        track_miss(&server, "2001:db8:1:2:ffff:ffff:ffff:ffff").await,
        StatusCode::TOO_MANY_REQUESTS,
        "a new address in the same /64 is the same subscriber"
    );
    assert_eq!(
        track_miss(&server, "2001:db8:1:3::a").await,
        StatusCode::OK,
        "the next /64 is someone else"
    );
    server.stop().await;
}

async fn operator_get(server: &TestServer, token: Option<&str>) -> (StatusCode, Value) {
    let mut request = client().get(server.url("/api/v1/operator/payment-holds"));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn wrong_operator_tokens_are_throttled_per_client() {
    let server = TestServer::start().await;
    assert_eq!(
        operator_get(&server, Some(OPERATOR_TOKEN)).await.0,
        StatusCode::OK
    );
    // A prefix, a longer token, none at all: each one is a failure.
    let prefix = &OPERATOR_TOKEN[..OPERATOR_TOKEN.len() - 1];
    let longer = format!("{OPERATOR_TOKEN}x");
    let wrong = [Some(prefix), Some(longer.as_str()), None, Some("")];
    for attempt in 0..10 {
        let (status, _) = operator_get(&server, wrong[attempt % wrong.len()]).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
    }
    let (status, _) = operator_get(&server, Some("still wrong")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the 11th starts a delay");
    // Now even the right token waits: a guesser learns nothing meanwhile.
    let (status, body) = operator_get(&server, Some(OPERATOR_TOKEN)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["error"]["code"], "too_many_attempts");
    server.stop().await;
}

async fn sign_up(server: &TestServer, email: &str) -> StatusCode {
    client()
        .post(server.url("/api/v1/account"))
        .header("origin", &server.base)
        .json(&json!({"email": email, "password": STRONG}))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn sign_ups_are_limited_per_client() {
    let server = TestServer::start().await;
    for n in 0..60 {
        let status = sign_up(&server, &format!("compte{n}@exemple.fr")).await;
        assert_eq!(status, StatusCode::CREATED, "account {n}");
    }
    // An e-mail already taken costs a hash too, and counts (its answer is
    // a new account's).
    assert_eq!(
        sign_up(&server, "compte0@exemple.fr").await,
        StatusCode::CREATED
    );
    assert_eq!(
        sign_up(&server, "compte61@exemple.fr").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    server.stop().await;
}

/// Strangers' wrong passwords for an account, from many addresses at once,
/// are held to the account's policy (a handful processed, not one per
/// address), and never lock the owner out of the browser they signed in
/// from before; a browser that never signed in waits like the strangers.
#[tokio::test]
async fn strangers_cannot_lock_the_owner_out_of_their_own_browser() {
    let server = behind_a_local_proxy().await;
    let mut owner = support::Shopper::new(&server);
    let created = owner.sign_up("proprio@exemple.fr", STRONG).await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert!(owner.cookie.as_deref().unwrap().contains("sp_device="));
    owner.sign_out().await;

    let guesses = (0..60).map(|attempt| {
        client()
            .post(server.url("/api/v1/session"))
            .header("origin", &server.base)
            .header("x-forwarded-for", format!("198.51.100.{}", attempt % 30))
            .json(&json!({"email": "proprio@exemple.fr", "password": "pas le sien du tout"}))
            .send()
    });
    let statuses: Vec<StatusCode> = futures_util::future::join_all(guesses)
        .await
        .into_iter()
        .map(|answer| answer.unwrap().status())
        .collect();
    let processed = statuses
        .iter()
        .filter(|status| **status == StatusCode::UNAUTHORIZED)
        .count();
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::UNAUTHORIZED || *s == StatusCode::TOO_MANY_REQUESTS)
    );
    assert_eq!(processed, 6, "five free, and the one that starts the delay");

    let fresh = support::Shopper::new(&server)
        .sign_in("proprio@exemple.fr", STRONG)
        .await;
    assert_eq!(fresh.status, StatusCode::TOO_MANY_REQUESTS);
    let back = owner.sign_in("proprio@exemple.fr", STRONG).await;
    assert_eq!(back.status, StatusCode::OK, "{:?}", back.body);
    server.stop().await;
}
