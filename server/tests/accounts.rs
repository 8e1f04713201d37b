//! Accounts and sessions over real HTTP, with a real SQLite file.

use reqwest::header::SET_COOKIE;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::time::Duration;

mod support;
use support::{STRONG, Shopper, TestServer, client, code};

#[tokio::test]
async fn creating_an_account_signs_in_with_a_safe_cookie() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::new(&server);
    let created = shopper.sign_up("  Marie.Curie@Exemple.FR ", STRONG).await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.body["account"]["email"], "marie.curie@exemple.fr");
    let cookie = created.headers[SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("sp_session="));
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("sp_session=");
    assert!(token.len() >= 22, "at least 128 bits: {token}");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain-http loopback: {cookie}");

    let guest = Shopper::new(&server).who_am_i().await;
    assert_eq!(
        guest.status,
        StatusCode::OK,
        "a guest is an answer, not a 401"
    );
    assert_eq!(guest.bytes, b"null");

    let me = shopper.who_am_i().await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["account"]["email"], "marie.curie@exemple.fr");

    let again = Shopper::new(&server)
        .sign_up("MARIE.curie@exemple.fr", STRONG)
        .await;
    // The address is known: the same answer as a new account (no 409 that
    // would tell), a session that does not exist (`messages.rs` follows
    // the owner's message).
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.body["account"]["email"], "marie.curie@exemple.fr");
    assert_eq!(me.body["account"]["email_verified"], false);
    server.stop().await;
}

#[tokio::test]
async fn password_rules_length_strength_and_unicode() {
    let server = TestServer::start().await;
    let short = Shopper::new(&server)
        .sign_up("a@exemple.fr", "k9#Vq2!mZr7")
        .await;
    assert_eq!(short.status, StatusCode::BAD_REQUEST);
    assert_eq!(code(&short), "password_too_short");
    let twelve = Shopper::new(&server).sign_up("b@exemple.fr", STRONG).await;
    assert_eq!(twelve.status, StatusCode::CREATED);
    let common = Shopper::new(&server)
        .sign_up("c@exemple.fr", "password1234")
        .await;
    assert_eq!(common.status, StatusCode::BAD_REQUEST);
    assert_eq!(code(&common), "password_too_weak");
    let bad_email = Shopper::new(&server)
        .sign_up("pas-une-adresse", STRONG)
        .await;
    assert_eq!(code(&bad_email), "invalid_email");

    let passphrase = format!(
        "{} ; 日本の夏、海辺の写真 🌊",
        "Les vacances à Étretat avec mamie Josette".repeat(3)
    );
    assert!(passphrase.chars().count() > 100);
    let created = Shopper::new(&server)
        .sign_up("d@exemple.fr", &passphrase)
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let signed_in = Shopper::new(&server)
        .sign_in("d@exemple.fr", &passphrase)
        .await;
    assert_eq!(signed_in.status, StatusCode::OK);
    // Never truncated: the passphrase minus its last character is wrong.
    let mut truncated = passphrase.clone();
    truncated.pop();
    let wrong = Shopper::new(&server)
        .sign_in("d@exemple.fr", &truncated)
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    server.stop().await;
}

#[tokio::test]
async fn passwords_are_stored_as_argon2id_hashes_only() {
    let server = TestServer::start().await;
    Shopper::new(&server).sign_up("e@exemple.fr", STRONG).await;
    let all = if server.database_url.starts_with("sqlite:") {
        let database = std::fs::read(server.data.path().join("shop.sqlite3")).unwrap();
        let wal = std::fs::read(server.data.path().join("shop.sqlite3-wal")).unwrap_or_default();
        String::from_utf8_lossy(&[database, wal].concat()).into_owned()
    } else {
        every_row_as_text(&server).await
    };
    assert!(!all.contains(STRONG));
    assert!(all.contains("$argon2id$v=19$m=19456,t=2,p=1$"));
    server.stop().await;
}

/// Every row of every table of the shop's PostgreSQL database, as text.
async fn every_row_as_text(server: &TestServer) -> String {
    let db = server.raw_database().await;
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
         WHERE table_schema = 'public'",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    let mut all = String::new();
    for (table,) in tables {
        let rows: Vec<(String,)> =
            sqlx::query_as(&format!("SELECT CAST(t AS TEXT) FROM \"{table}\" t"))
                .fetch_all(&db)
                .await
                .unwrap();
        for (row,) in rows {
            all.push_str(&row);
        }
    }
    all
}

#[tokio::test]
async fn wrong_password_and_unknown_email_answer_alike() {
    let server = TestServer::start().await;
    Shopper::new(&server).sign_up("f@exemple.fr", STRONG).await;
    let wrong = Shopper::new(&server)
        .sign_in("f@exemple.fr", "not the password")
        .await;
    let unknown = Shopper::new(&server)
        .sign_in("nobody@exemple.fr", "not the password")
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.status, unknown.status);
    assert_eq!(wrong.body, unknown.body);
    assert_eq!(code(&wrong), "invalid_credentials");
    assert!(wrong.headers.get(SET_COOKIE).is_none());
    server.stop().await;
}

#[tokio::test]
async fn failed_sign_ins_are_throttled_and_the_delay_lifts() {
    let server = TestServer::start().await;
    Shopper::new(&server).sign_up("g@exemple.fr", STRONG).await;
    // Five free failures; the sixth starts a 1 s delay.
    for attempt in 1..=6 {
        let answer = Shopper::new(&server)
            .sign_in("g@exemple.fr", "wrong wrong wrong")
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
    }
    // Now the account waits, even with the right password.
    let blocked = Shopper::new(&server).sign_in("G@exemple.fr", STRONG).await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(code(&blocked), "too_many_attempts");
    let wait = blocked.body["error"]["retry_after_seconds"]
        .as_u64()
        .unwrap();
    assert_eq!(wait, 1);
    assert_eq!(blocked.headers["retry-after"], wait.to_string().as_str());
    // Unknown e-mails are throttled the same way.
    for _ in 0..6 {
        Shopper::new(&server)
            .sign_in("ghost@exemple.fr", "wrong wrong wrong")
            .await;
    }
    let ghost = Shopper::new(&server)
        .sign_in("ghost@exemple.fr", "wrong wrong wrong")
        .await;
    assert_eq!(ghost.status, StatusCode::TOO_MANY_REQUESTS);

    tokio::time::sleep(Duration::from_millis(wait * 1000 + 100)).await;
    let owner = Shopper::new(&server).sign_in("g@exemple.fr", STRONG).await;
    assert_eq!(owner.status, StatusCode::OK, "{:?}", owner.body);
    server.stop().await;
}

#[tokio::test]
async fn parallel_wrong_passwords_each_count() {
    let server = TestServer::start().await;
    Shopper::new(&server).sign_up("p@exemple.fr", STRONG).await;
    let mut shoppers: Vec<Shopper> = (0..12).map(|_| Shopper::new(&server)).collect();
    let answers = futures_util::future::join_all(
        shoppers
            .iter_mut()
            .map(|shopper| shopper.sign_in("p@exemple.fr", "wrong wrong wrong")),
    )
    .await;
    // Each attempt counts before its hash: the five free ones and the one
    // that starts the delay are processed, all the others refused
    // unprocessed, however many arrive at once.
    let processed = answers
        .iter()
        .filter(|answer| answer.status == StatusCode::UNAUTHORIZED)
        .count() as u32;
    assert_eq!(processed, 6);
    let blocked = Shopper::new(&server).sign_in("p@exemple.fr", STRONG).await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    let wait = blocked.body["error"]["retry_after_seconds"]
        .as_u64()
        .unwrap();
    // Five free failures, then 1 s doubling: the last one counted set this.
    let expected = 1u64 << (processed - 6);
    assert!(
        wait + 2 >= expected && wait <= expected,
        "{processed} failures should wait about {expected} s, not {wait} s"
    );
    server.stop().await;
}

#[tokio::test]
async fn sign_in_gives_a_new_session_and_sign_out_ends_it_on_the_server() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::new(&server);
    let created = shopper.sign_up("h@exemple.fr", STRONG).await;
    assert_eq!(created.status, StatusCode::CREATED);
    let first = shopper.cookie.clone().unwrap();
    shopper.sign_in("h@exemple.fr", STRONG).await;
    let second = shopper.cookie.clone().unwrap();
    assert_ne!(first, second, "a new session id at sign-in");
    let mut replay_first = Shopper {
        server: &server,
        cookie: Some(first),
    };
    let replayed = replay_first.who_am_i().await;
    assert_eq!(replayed.status, StatusCode::OK, "signed out is an answer");
    assert_eq!(replayed.bytes, b"null", "the old session is unknown");

    let out = shopper.sign_out().await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    assert_eq!(out.headers["clear-site-data"], "\"storage\"");
    let cleared = out.headers[SET_COOKIE].to_str().unwrap();
    assert!(
        cleared.starts_with("sp_session=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    let mut replay = Shopper {
        server: &server,
        cookie: Some(second),
    };
    let answer = replay.who_am_i().await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.bytes, b"null", "the session ended on the server");
    // A route that needs a shopper still refuses the ended session.
    let refused = replay.send(Method::GET, "/api/v1/cart", None).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(code(&refused), "unauthenticated");
    server.stop().await;
}

#[tokio::test]
async fn cross_origin_state_changes_are_refused() {
    let server = TestServer::start().await;
    let body = json!({"email": "i@exemple.fr", "password": STRONG});
    for origin in [Some("http://evil.example"), Some("null"), None] {
        let mut request = client().post(server.url("/api/v1/account")).json(&body);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{origin:?}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "cross_site_request");
    }
    // Nothing was created.
    let created = Shopper::new(&server).sign_up("i@exemple.fr", STRONG).await;
    assert_eq!(created.status, StatusCode::CREATED);
    server.stop().await;
}

#[tokio::test]
async fn bad_input_gets_a_json_4xx_never_a_500() {
    let server = TestServer::start().await;
    let post = |body: String, content_type: &'static str| {
        client()
            .post(server.url("/api/v1/session"))
            .header("origin", &server.base)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let cases = [
        (
            post("{\"email\":\"a@b.fr\"}".into(), "application/json")
                .await
                .unwrap(),
            400,
            "invalid_json",
        ),
        (
            post("{not json".into(), "application/json").await.unwrap(),
            400,
            "invalid_json",
        ),
        (
            post("[1,2]".into(), "application/json").await.unwrap(),
            400,
            "invalid_json",
        ),
        (
            post("email=a".into(), "application/x-www-form-urlencoded")
                .await
                .unwrap(),
            415,
            "unsupported_media_type",
        ),
        (
            post(
                format!(
                    "{{\"email\":\"a@b.fr\",\"password\":\"{}\"}}",
                    "x".repeat(100_000)
                ),
                "application/json",
            )
            .await
            .unwrap(),
            413,
            "payload_too_large",
        ),
    ];
    for (response, status, expected) in cases {
        assert_eq!(response.status().as_u16(), status, "{expected}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], expected);
    }
    server.stop().await;
}
