//! Support requests from the help centre's contact form, and the operator
//! API that lists and answers them, over real HTTP with a real SQLite file.

use reqwest::StatusCode;
use serde_json::{Value, json};
use shop_api::support::{MESSAGE_MAX_CHARS, REQUESTS_PER_HOUR, is_reference};

mod support;
use support::{OPERATOR_TOKEN, Shopper, TestServer, client, code};

fn request(message: &str, email: &str) -> Value {
    json!({
        "topic": "claim",
        "order_reference": " 4F2A-91 ",
        "message": message,
        "email": email,
    })
}

async fn operator_list(server: &TestServer, query: &str) -> Value {
    let answer = client()
        .get(server.url(&format!("/api/v1/operator/support{query}")))
        .bearer_auth(OPERATOR_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    answer.json().await.unwrap()
}

#[tokio::test]
async fn a_request_is_stored_with_a_reference_the_operator_sees() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::new(&server);
    let sent = shopper
        .post(
            "/api/v1/support",
            request("  Mon colis est arrivé abîmé.  ", " Marie@Exemple.FR "),
        )
        .await;
    assert_eq!(sent.status, StatusCode::CREATED, "{:?}", sent.body);
    let reference = sent.body["reference"].as_str().unwrap().to_owned();
    assert!(is_reference(&reference), "{reference}");

    let listed = operator_list(&server, "").await;
    let stored = &listed["requests"][0];
    assert_eq!(stored["reference"], reference.as_str());
    assert_eq!(stored["topic"], "claim");
    assert_eq!(stored["order_reference"], "4F2A-91");
    assert_eq!(stored["message"], "Mon colis est arrivé abîmé.");
    assert_eq!(stored["email"], "marie@exemple.fr");
    assert_eq!(stored["answer"], Value::Null);
    assert_eq!(listed["next_before"], Value::Null);
    server.stop().await;
}

#[tokio::test]
async fn empty_or_too_long_messages_and_bad_addresses_are_refused() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::new(&server);
    let too_long = "é".repeat(MESSAGE_MAX_CHARS + 1);
    let cases = [
        (
            request(" \n ", "marie@exemple.fr"),
            "invalid_support_message",
        ),
        (
            request(&too_long, "marie@exemple.fr"),
            "invalid_support_message",
        ),
        (request("Bonjour", "marie@exemple"), "invalid_email"),
        (request("Bonjour", ""), "invalid_email"),
    ];
    for (body, expected) in cases {
        let refused = shopper.post("/api/v1/support", body).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST);
        assert_eq!(code(&refused), expected);
    }
    let mut unknown_topic = request("Bonjour", "marie@exemple.fr");
    unknown_topic["topic"] = json!("teapot");
    let refused = shopper.post("/api/v1/support", unknown_topic).await;
    assert_eq!(code(&refused), "invalid_json");
    // Beyond 16 KiB the body is not even read.
    let huge = shopper
        .post(
            "/api/v1/support",
            request(&"a".repeat(20_000), "marie@exemple.fr"),
        )
        .await;
    assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(operator_list(&server, "").await["requests"], json!([]));
    server.stop().await;
}

#[tokio::test]
async fn a_browser_on_another_site_cannot_send_a_request() {
    let server = TestServer::start().await;
    let refused = client()
        .post(server.url("/api/v1/support"))
        .header("origin", "https://ailleurs.example")
        .json(&request("Bonjour", "marie@exemple.fr"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    server.stop().await;
}

#[tokio::test]
async fn an_address_is_throttled_after_its_hourly_allowance() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::new(&server);
    // Refused requests are not stored, so they do not count.
    let refused = shopper.post("/api/v1/support", request("", "a@b.fr")).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    for n in 0..REQUESTS_PER_HOUR {
        let sent = shopper
            .post(
                "/api/v1/support",
                request(&format!("Question {n}"), "a@b.fr"),
            )
            .await;
        assert_eq!(sent.status, StatusCode::CREATED);
    }
    let throttled = shopper
        .post("/api/v1/support", request("Encore une", "a@b.fr"))
        .await;
    assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(code(&throttled), "too_many_support_requests");
    let wait = throttled.body["error"]["retry_after_seconds"]
        .as_u64()
        .unwrap();
    assert!((3500..=3600).contains(&wait), "{wait}");
    assert_eq!(throttled.headers["retry-after"], wait.to_string().as_str());
    let listed = operator_list(&server, "").await;
    assert_eq!(
        listed["requests"].as_array().unwrap().len(),
        REQUESTS_PER_HOUR
    );
    server.stop().await;
}

#[tokio::test]
async fn operators_page_through_requests_newest_first_and_answer_them() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::new(&server);
    let mut references = Vec::new();
    for n in 0..3 {
        let sent = shopper
            .post(
                "/api/v1/support",
                request(&format!("Question {n}"), "a@b.fr"),
            )
            .await;
        references.push(sent.body["reference"].as_str().unwrap().to_owned());
    }
    let first = operator_list(&server, "?limit=2").await;
    let page: Vec<&str> = first["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["message"].as_str().unwrap())
        .collect();
    assert_eq!(page, ["Question 2", "Question 1"]);
    let before = first["next_before"].as_i64().unwrap();
    let second = operator_list(&server, &format!("?limit=2&before={before}")).await;
    assert_eq!(second["requests"].as_array().unwrap().len(), 1);
    assert_eq!(second["requests"][0]["message"], "Question 0");
    assert_eq!(second["next_before"], Value::Null);

    // Typed in lower case, as an operator might copy it from a phone call.
    let url = server.url(&format!(
        "/api/v1/operator/support/{}/answer",
        references[0].to_lowercase()
    ));
    let answered = client()
        .post(&url)
        .bearer_auth(OPERATOR_TOKEN)
        .json(&json!({"answer": "  Nous renvoyons votre commande.  "}))
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status(), StatusCode::OK);
    let answered: Value = answered.json().await.unwrap();
    assert_eq!(answered["reference"], references[0].as_str());
    assert_eq!(answered["answer"], "Nous renvoyons votre commande.");
    assert!(answered["answered_at"].as_i64().unwrap() > 0);
    let listed = operator_list(&server, "").await;
    assert_eq!(
        listed["requests"][2]["answer"],
        "Nous renvoyons votre commande."
    );

    let empty = client()
        .post(&url)
        .bearer_auth(OPERATOR_TOKEN)
        .json(&json!({"answer": "  "}))
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status(), StatusCode::BAD_REQUEST);
    let unknown = client()
        .post(server.url("/api/v1/operator/support/AS-2222-2222/answer"))
        .bearer_auth(OPERATOR_TOKEN)
        .json(&json!({"answer": "Bonjour"}))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    server.stop().await;
}

#[tokio::test]
async fn the_operator_support_api_needs_the_token() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::new(&server);
    let sent = shopper
        .post("/api/v1/support", request("Bonjour", "a@b.fr"))
        .await;
    let reference = sent.body["reference"].as_str().unwrap().to_owned();
    let list = client()
        .get(server.url("/api/v1/operator/support"))
        .send()
        .await
        .unwrap();
    assert_eq!(list.status(), StatusCode::UNAUTHORIZED);
    let wrong = client()
        .get(server.url("/api/v1/operator/support"))
        .bearer_auth("wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let answer = client()
        .post(server.url(&format!("/api/v1/operator/support/{reference}/answer")))
        .json(&json!({"answer": "Bonjour"}))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::UNAUTHORIZED);
    // A shopper's own cookie is no operator token either.
    let as_shopper = shopper.get("/api/v1/operator/support").await;
    assert_eq!(as_shopper.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        operator_list(&server, "").await["requests"][0]["answer"],
        Value::Null
    );
    server.stop().await;
}
