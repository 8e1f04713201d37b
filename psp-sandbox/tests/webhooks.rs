//! Webhooks to a tiny receiver: signed with the secret, in order per
//! payment, and sent again after a failure.

mod support;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::{Sandbox, WEBHOOK_SECRET};

#[derive(Clone, Default)]
struct Receiver {
    /// Each delivery's signature header and body, as received.
    received: Arc<Mutex<Vec<(String, String)>>>,
    /// How many deliveries to answer with a 500 first.
    failures_left: Arc<Mutex<usize>>,
}

async fn receive(State(receiver): State<Receiver>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let signature = headers
        .get("psp-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = String::from_utf8_lossy(&body).into_owned();
    receiver.received.lock().unwrap().push((signature, body));
    let mut failures_left = receiver.failures_left.lock().unwrap();
    if *failures_left > 0 {
        *failures_left -= 1;
        StatusCode::INTERNAL_SERVER_ERROR
    } else {
        StatusCode::NO_CONTENT
    }
}

async fn start_receiver(failures: usize) -> (Receiver, String) {
    let receiver = Receiver::default();
    *receiver.failures_left.lock().unwrap() = failures;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    let app = Router::new()
        .route("/hooks", post(receive))
        .with_state(receiver.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (receiver, url)
}

async fn wait_for(receiver: &Receiver, count: usize) -> Vec<(String, String)> {
    for _ in 0..200 {
        let received = receiver.received.lock().unwrap().clone();
        if received.len() >= count {
            return received;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{count} webhooks did not arrive in 10 s");
}

fn verified(signature: &str, body: &str) -> bool {
    let Some((t, v1)) = signature
        .strip_prefix("t=")
        .and_then(|rest| rest.split_once(",v1="))
    else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(WEBHOOK_SECRET.as_bytes()).unwrap();
    mac.update(format!("{t}.{body}").as_bytes());
    let Ok(expected) = hex::decode(v1) else {
        return false;
    };
    mac.verify_slice(&expected).is_ok()
}

#[tokio::test]
async fn events_are_signed_and_arrive_in_order() {
    let (receiver, url) = start_receiver(0).await;
    let sandbox = Sandbox::start_with(Some(url), true).await;
    let payment = sandbox.paid("4242424242424242", "authorized").await;
    let id = payment["id"].as_str().unwrap();
    sandbox
        .create(&format!("/v1/payments/{id}/capture"), None)
        .await;
    sandbox
        .create(
            &format!("/v1/payments/{id}/refund"),
            Some(json!({"amount": 100})),
        )
        .await;
    let received = wait_for(&receiver, 3).await;
    let mut types = Vec::new();
    let mut created = 0;
    for (signature, body) in &received {
        assert!(verified(signature, body), "{signature}");
        assert!(!verified(&signature.replace("v1=", "v1=0"), body));
        let event: Value = serde_json::from_str(body).unwrap();
        assert!(event["id"].as_str().unwrap().starts_with("evt_"));
        assert_eq!(event["payment"]["id"], id);
        assert!(event["created_at"].as_i64().unwrap() >= created);
        created = event["created_at"].as_i64().unwrap();
        types.push(event["type"].as_str().unwrap().to_owned());
    }
    assert_eq!(
        types,
        ["payment.authorized", "payment.captured", "payment.refunded"]
    );
    let last: Value = serde_json::from_str(&received[2].1).unwrap();
    assert_eq!(last["payment"]["status"], "partially_refunded");
    sandbox.stop().await;
}

#[tokio::test]
async fn a_refused_event_is_sent_again_before_the_next_one() {
    let (receiver, url) = start_receiver(1).await;
    let sandbox = Sandbox::start_with(Some(url), true).await;
    let payment = sandbox.paid("4242424242424242", "authorized").await;
    let id = payment["id"].as_str().unwrap();
    sandbox
        .create(&format!("/v1/payments/{id}/cancel"), None)
        .await;
    let received = wait_for(&receiver, 3).await;
    let events: Vec<Value> = received
        .iter()
        .map(|(_, body)| serde_json::from_str(body).unwrap())
        .collect();
    assert_eq!(events[0]["type"], "payment.authorized");
    assert_eq!(events[1]["id"], events[0]["id"], "the refused event again");
    assert_eq!(events[2]["type"], "payment.cancelled");
    sandbox.stop().await;
}

#[tokio::test]
async fn merchant_initiated_payments_send_their_events() {
    let (receiver, url) = start_receiver(0).await;
    let sandbox = Sandbox::start_with(Some(url), true).await;
    let mut storing = support::payment_request(4599, "manual");
    storing["store_card"] = json!(true);
    let mut stored_ids = Vec::new();
    for number in ["4242424242424242", "4000000000009979"] {
        let created = sandbox.create("/v1/payments", Some(storing.clone())).await;
        let id = created.body["id"].as_str().unwrap();
        sandbox.card(id, support::card(number, "123")).await;
        stored_ids.push(sandbox.get(id).await["stored_card_id"].clone());
    }
    let mut charged = Vec::new();
    for stored in &stored_ids {
        let created = sandbox
            .create(
                "/v1/payments",
                Some(
                    json!({"amount": 4599, "currency": "EUR", "capture_mode": "manual",
                    "merchant_reference": "order-0f3c", "stored_card_id": stored,
                    "initiator": "merchant"}),
                ),
            )
            .await;
        charged.push(created.body["id"].clone());
    }
    let received = wait_for(&receiver, 4).await;
    let events: Vec<Value> = received
        .iter()
        .map(|(signature, body)| {
            assert!(verified(signature, body));
            serde_json::from_str(body).unwrap()
        })
        .collect();
    let of = |payment: &Value| -> Vec<Value> {
        events
            .iter()
            .filter(|event| &event["payment"]["id"] == payment)
            .cloned()
            .collect()
    };
    let authorized = of(&charged[0]);
    assert_eq!(authorized.len(), 1);
    assert_eq!(authorized[0]["type"], "payment.authorized");
    assert_eq!(authorized[0]["payment"]["initiator"], "merchant");
    assert_eq!(authorized[0]["payment"]["stored_card_id"], stored_ids[0]);
    let declined = of(&charged[1]);
    assert_eq!(declined.len(), 1);
    assert_eq!(declined[0]["type"], "payment.declined");
    assert_eq!(declined[0]["payment"]["decline_code"], "insufficient_funds");
    // The shopper's authorization that stored the card names it too.
    let storing_events: Vec<&Value> = events
        .iter()
        .filter(|event| event["payment"]["initiator"] == "shopper")
        .collect();
    assert!(
        storing_events
            .iter()
            .all(|event| event["type"] == "payment.authorized"
                && event["payment"]["stored_card_id"].as_str().is_some())
    );
    sandbox.stop().await;
}
