//! Fuzz properties of the API's parsers through the real router, in
//! process (`support::in_process`): the JSON body of every route that takes
//! one (noise, any JSON, and the route's own shape with one field changed,
//! removed or added), the PSP's webhooks (signature header and signed
//! bodies), `Origin` on state-changing requests, the session cookie, path
//! and query parameters, and uploaded photo bytes. Whatever arrives, the
//! answer is never a 5xx (the panic catcher's 500 included) and every 4xx
//! is JSON with an error code. Each property runs a fraction of
//! `FUZZ_CASES` (`cargo xtask fuzz` sets it; a short default otherwise).

mod support;

#[path = "../src/fuzz.rs"]
mod fuzz;

use axum::body::Body;
use axum::http::{Method, Request, header};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::net::IpAddr;
use std::sync::Mutex;
use support::in_process::{InProcess, ORIGIN, Reply};
use support::{OPERATOR_TOKEN, STRONG, WEBHOOK_SECRET};

/// Router cases cost a request each (SQLite included), about ten times a
/// pure parser's: this fraction of `FUZZ_CASES` per property.
const API_SHARE: u32 = 2;

fn api_cases(share: u32) -> u32 {
    fuzz::cases() / share
}

/// A runtime per property, outside proptest's closure (which is sync).
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// The answers' statuses, printed after a property (`fuzz-statuses: …`), so
/// that a run shows what the cases reached: refusals by the parsers, by
/// the rules behind them, and acceptances.
#[derive(Default)]
struct Statuses(Mutex<BTreeMap<u16, u64>>);

impl Statuses {
    fn count(&self, reply: &Reply) {
        *self
            .0
            .lock()
            .unwrap()
            .entry(reply.status.as_u16())
            .or_default() += 1;
    }

    fn print(&self, name: &str) {
        let seen: Vec<String> = self
            .0
            .lock()
            .unwrap()
            .iter()
            .map(|(status, count)| format!("{status}×{count}"))
            .collect();
        println!("fuzz-statuses: {name}: {}", seen.join(" "));
    }
}

/// Never a server error; a refusal is JSON with a code.
fn refused_properly(reply: &Reply, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        !reply.status.is_server_error(),
        "{what}: {} {}",
        reply.status,
        String::from_utf8_lossy(&reply.bytes)
    );
    if reply.status.is_client_error() {
        let body: Value = serde_json::from_slice(&reply.bytes).unwrap_or(Value::Null);
        prop_assert!(
            body["error"]["code"]
                .as_str()
                .is_some_and(|code| !code.is_empty()),
            "{what}: {} without a JSON code: {:?}",
            reply.status,
            String::from_utf8_lossy(&reply.bytes)
        );
    }
    Ok(())
}

/// `bytes` without those no HTTP header value holds (controls but tab):
/// what an HTTP client could send at all.
fn header_bytes(mut bytes: Vec<u8>) -> Vec<u8> {
    bytes.retain(|&b| b == b'\t' || (b' '..=b'~').contains(&b) || b >= 0x80);
    bytes
}

/// Any client address, so that per-client throttles stay out of the way.
fn peer() -> impl Strategy<Value = IpAddr> {
    prop_oneof![
        any::<[u8; 4]>().prop_map(IpAddr::from),
        any::<[u16; 8]>().prop_map(IpAddr::from),
    ]
}

/// Who a route wants.
#[derive(Debug, Clone, Copy)]
enum Caller {
    Guest,
    Shopper,
    Operator,
}

struct Route {
    method: Method,
    path: &'static str,
    caller: Caller,
    shape: fn() -> Value,
}

fn choice() -> Value {
    json!({"product_id": "tirages", "format_id": "10x15", "quantity": 3})
}

fn address() -> Value {
    json!({"name": "Camille Martin", "street": "12 rue des Lilas", "postcode": "35000",
           "city": "Rennes", "country": "FR", "phone": "06 12 34 56 78"})
}

fn cart() -> Value {
    json!({"lines": [{"project_id": "fuzz-1", "project_name": "Vacances", "choice": choice(), "copies": 2}],
           "delivery_option_id": "standard"})
}

/// Every route that reads a JSON body, with a body it accepts (or almost:
/// sign-up's would cost a password hash per case, so its shape is refused
/// for its e-mail and the fuzzing moves from there).
fn routes() -> Vec<Route> {
    vec![
        Route {
            method: Method::POST,
            path: "/api/v1/account",
            caller: Caller::Guest,
            shape: || json!({"email": "pas-une-adresse", "password": STRONG}),
        },
        Route {
            method: Method::POST,
            path: "/api/v1/quote",
            caller: Caller::Guest,
            shape: choice,
        },
        Route {
            method: Method::POST,
            path: "/api/v1/cart/totals",
            caller: Caller::Guest,
            shape: || json!({"lines": [choice(), {"product_id": "livre-photo", "format_id": "a4-portrait", "quantity": 1, "pages": 30, "cover_id": "rigide"}], "delivery_option_id": "standard"}),
        },
        Route {
            method: Method::POST,
            path: "/api/v1/orders/track",
            caller: Caller::Guest,
            shape: || json!({"number": "SP-2026-000001", "email": "camille@exemple.fr"}),
        },
        Route {
            method: Method::POST,
            path: "/api/v1/support",
            caller: Caller::Guest,
            shape: || json!({"topic": "order", "order_reference": "SP-2026-000001", "message": "Bonjour", "email": "camille@exemple.fr"}),
        },
        Route {
            method: Method::PUT,
            path: "/api/v1/projects/fuzz-1",
            caller: Caller::Shopper,
            shape: || json!({"name": "Vacances", "choice": choice(), "photo_ids": ["a", "b"]}),
        },
        Route {
            method: Method::PUT,
            path: "/api/v1/cart",
            caller: Caller::Shopper,
            shape: cart,
        },
        Route {
            method: Method::POST,
            path: "/api/v1/cart/merge",
            caller: Caller::Shopper,
            shape: cart,
        },
        Route {
            method: Method::PUT,
            path: "/api/v1/address",
            caller: Caller::Shopper,
            shape: address,
        },
        Route {
            method: Method::POST,
            path: "/api/v1/orders",
            caller: Caller::Shopper,
            shape: || {
                json!({"delivery_address": address(), "delivery_option_id": "standard",
                                 "accepted_terms": shop_api::order::TERMS_VERSION, "keep_card": true})
            },
        },
        Route {
            method: Method::POST,
            path: "/api/v1/orders/o1/wallet",
            caller: Caller::Shopper,
            shape: || json!({"method": "apple_pay", "token_json": "{}"}),
        },
        Route {
            method: Method::POST,
            path: "/api/v1/orders/o1/wallet/merchant-session",
            caller: Caller::Shopper,
            shape: || json!({"validation_url": "https://apple-pay-gateway.apple.com/paymentservices/startSession"}),
        },
        Route {
            method: Method::POST,
            path: "/api/v1/operator/orders/o1/refund",
            caller: Caller::Operator,
            shape: || json!({"amount_cents": 100, "reason": "geste commercial"}),
        },
        Route {
            method: Method::POST,
            path: "/api/v1/operator/support/AS-23456789/answer",
            caller: Caller::Operator,
            shape: || json!({"answer": "Bonjour"}),
        },
    ]
}

/// A body for `shape`'s route: noise, any JSON, or the shape mutated.
fn body(shape: Value) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..120),
        2 => fuzz::json().prop_map(|value| value.to_string().into_bytes()),
        5 => fuzz::mutated(shape).prop_map(|value| value.to_string().into_bytes()),
    ]
}

fn content_type() -> impl Strategy<Value = Option<&'static str>> {
    prop_oneof![
        8 => Just(Some("application/json")),
        1 => Just(Some("application/json; charset=utf-8")),
        1 => Just(Some("text/plain")),
        1 => Just(None),
    ]
}

/// An account made through the router: its session cookie.
async fn signed_in(app: &InProcess) -> String {
    let request = Request::post("/api/v1/account")
        .header(header::ORIGIN, ORIGIN)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            json!({"email": "fuzz@exemple.fr", "password": STRONG}).to_string(),
        ))
        .unwrap();
    let reply = app.call(request, "192.0.2.1".parse().unwrap()).await;
    assert_eq!(reply.status, 201, "{:?}", reply.bytes);
    let set = reply.headers[header::SET_COOKIE].to_str().unwrap();
    set.split(';').next().unwrap().to_owned()
}

#[test]
fn fuzz_api_json_bodies() {
    let runtime = runtime();
    let statuses = Statuses::default();
    let app = runtime.block_on(InProcess::start());
    let cookie = runtime.block_on(signed_in(&app));
    let routes = routes();
    let cases = (0..routes.len()).prop_flat_map(|index| {
        (
            Just(index),
            body((self::routes()[index].shape)()),
            content_type(),
            proptest::option::of(fuzz::text(40)),
            peer(),
        )
    });
    fuzz::run_cases(
        "API JSON bodies (14 routes, router in process)",
        api_cases(API_SHARE),
        cases,
        |(index, bytes, content_type, idempotency_key, peer)| {
            let route = &routes[index];
            let mut request = Request::builder()
                .method(route.method.clone())
                .uri(route.path)
                .header(header::ORIGIN, ORIGIN);
            if let Some(content_type) = content_type {
                request = request.header(header::CONTENT_TYPE, content_type);
            }
            match route.caller {
                Caller::Guest => {}
                Caller::Shopper => request = request.header(header::COOKIE, &cookie),
                Caller::Operator => {
                    request =
                        request.header(header::AUTHORIZATION, format!("Bearer {OPERATOR_TOKEN}"))
                }
            }
            if let Some(key) =
                idempotency_key.filter(|key| axum::http::HeaderValue::from_str(key).is_ok())
            {
                request = request.header(shop_api::order::IDEMPOTENCY_HEADER, key);
            }
            let reply = runtime.block_on(app.call(request.body(Body::from(bytes)).unwrap(), peer));
            statuses.count(&reply);
            refused_properly(&reply, route.path)
        },
    );
    statuses.print("API JSON bodies (14 routes, router in process)");
}

/// Sign-in costs a password hash whenever its body parses: fewer cases.
#[test]
fn fuzz_api_sign_in() {
    let runtime = runtime();
    let statuses = Statuses::default();
    let app = runtime.block_on(InProcess::start());
    let cases = (
        body(json!({"email": "camille@exemple.fr", "password": STRONG})),
        peer(),
    );
    fuzz::run_cases(
        "API sign-in bodies (router in process)",
        api_cases(API_SHARE * 20),
        cases,
        |(bytes, peer)| {
            let request = Request::post("/api/v1/session")
                .header(header::ORIGIN, ORIGIN)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(bytes))
                .unwrap();
            let reply = runtime.block_on(app.call(request, peer));
            statuses.count(&reply);
            prop_assert_ne!(reply.status, 200);
            refused_properly(&reply, "sign-in")
        },
    );
    statuses.print("API sign-in bodies (router in process)");
}

/// `Origin` on a state-changing request: served only when it is exactly
/// the shop's own; anything else is a JSON 403.
#[test]
fn fuzz_api_origin() {
    let runtime = runtime();
    let statuses = Statuses::default();
    let app = runtime.block_on(InProcess::start());
    let origin = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..60).prop_map(header_bytes),
        fuzz::text(40).prop_map(|text| header_bytes(text.into_bytes())),
        proptest::sample::select(vec![
            "http://127.0.0.1:8080/",
            "HTTP://127.0.0.1:8080",
            "http://127.0.0.1:8080 ",
            "http://127.0.0.1",
            "https://127.0.0.1:8080",
            "null",
            "http://127.0.0.1:8080, http://evil.example",
            "http://localhost:8080",
            "http://127.0.0.1:8080\t",
        ])
        .prop_map(|origin| origin.as_bytes().to_vec()),
        Just(ORIGIN.as_bytes().to_vec()),
    ];
    let cases = (proptest::option::of(origin), peer());
    fuzz::run_cases(
        "Origin header (same-origin check, router in process)",
        api_cases(API_SHARE),
        cases,
        |(origin, peer)| {
            let mut request =
                Request::post("/api/v1/quote").header(header::CONTENT_TYPE, "application/json");
            let mut exact = false;
            if let Some(origin) = origin {
                let value = axum::http::HeaderValue::from_bytes(&origin)
                    .map_err(|error| TestCaseError::fail(error.to_string()))?;
                exact = value == ORIGIN;
                request = request.header(header::ORIGIN, value);
            }
            let request = request.body(Body::from(choice().to_string())).unwrap();
            let reply = runtime.block_on(app.call(request, peer));
            statuses.count(&reply);
            refused_properly(&reply, "origin")?;
            if exact {
                prop_assert_eq!(reply.status, 200);
            } else {
                prop_assert_eq!(reply.status, 403);
            }
            Ok(())
        },
    );
    statuses.print("Origin header (same-origin check, router in process)");
}

/// Any `Cookie` header: a guest (`null`), never an error.
#[test]
fn fuzz_api_cookie() {
    let runtime = runtime();
    let statuses = Statuses::default();
    let app = runtime.block_on(InProcess::start());
    let cookie = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..80).prop_map(header_bytes),
        fuzz::text(60).prop_map(|value| header_bytes(format!("sp_session={value}").into_bytes())),
        "[A-Za-z0-9_-]{0,64}"
            .prop_map(|token| format!("a=1; sp_session={token}; b=2").into_bytes()),
    ];
    let cases = (proptest::collection::vec(cookie, 0..3), peer());
    fuzz::run_cases(
        "Cookie header (session lookup, router in process)",
        api_cases(API_SHARE),
        cases,
        |(cookies, peer)| {
            let mut request = Request::get("/api/v1/session");
            for cookie in cookies {
                if let Ok(value) = axum::http::HeaderValue::from_bytes(&cookie) {
                    request = request.header(header::COOKIE, value);
                }
            }
            let reply = runtime.block_on(app.call(request.body(Body::empty()).unwrap(), peer));
            statuses.count(&reply);
            prop_assert_eq!(reply.status, 200);
            prop_assert_eq!(&reply.bytes[..], b"null");
            Ok(())
        },
    );
    statuses.print("Cookie header (session lookup, router in process)");
}

/// The PSP's webhooks: any signature header with any body is refused; a
/// correctly signed body of any shape is read or refused, never a 5xx.
#[test]
fn fuzz_api_webhooks() {
    let runtime = runtime();
    let statuses = Statuses::default();
    let app = runtime.block_on(InProcess::start());
    let event = json!({
        "id": "evt_1", "type": "payment.authorized",
        "payment": {"id": "pay_1", "status": "authorized", "amount": 4599, "currency": "EUR",
                    "capture_mode": "manual", "created_at": 10, "updated_at": 12,
                    "authorization_expires_at": 99, "authorized_at": 11,
                    "card": {"brand": "visa", "last4": "4242", "expiry_month": 12, "expiry_year": 2030}}
    });
    let cases = (
        body(event),
        prop_oneof![
            1 => fuzz::text(80).prop_map(Some),
            1 => Just(None),
            4 => Just(Some("sign".to_owned())),
        ],
        peer(),
    );
    fuzz::run_cases(
        "PSP webhooks (signature and body, router in process)",
        api_cases(API_SHARE),
        cases,
        |(bytes, signature, peer)| {
            let signature = signature.map(|signature| match signature.as_str() {
                "sign" => shop_server::payments::webhook::sign(
                    &bytes,
                    WEBHOOK_SECRET.as_bytes(),
                    shop_server::accounts::now(),
                ),
                _ => signature,
            });
            let mut request = Request::post("/api/v1/psp/webhooks")
                .header(header::CONTENT_TYPE, "application/json");
            if let Some(value) = signature.and_then(|s| axum::http::HeaderValue::from_str(&s).ok())
            {
                request = request.header("PSP-Signature", value);
            }
            let reply = runtime.block_on(app.call(request.body(Body::from(bytes)).unwrap(), peer));
            statuses.count(&reply);
            refused_properly(&reply, "webhook")
        },
    );
    statuses.print("PSP webhooks (signature and body, router in process)");
}

/// Path and query parameters: ids of any text, operators' list filters.
#[test]
fn fuzz_api_paths() {
    let runtime = runtime();
    let statuses = Statuses::default();
    let app = runtime.block_on(InProcess::start());
    let cookie = runtime.block_on(signed_in(&app));
    let templates = vec![
        (Method::GET, "/api/v1/orders/{}"),
        (Method::POST, "/api/v1/orders/{}/cancel"),
        (Method::POST, "/api/v1/orders/{}/payment"),
        (Method::GET, "/api/v1/projects/{}"),
        (Method::DELETE, "/api/v1/projects/{}"),
        (Method::GET, "/api/v1/projects/{}/photos/{}"),
        (Method::GET, "/api/v1/operator/orders?status={}&page={}"),
        (Method::GET, "/api/v1/operator/orders/{}/payments"),
        (Method::POST, "/api/v1/operator/orders/{}/{}"),
        (Method::GET, "/api/v1/operator/support?page={}"),
        (Method::GET, "/api/v1/{}"),
        (Method::PATCH, "/api/v1/cart"),
    ];
    let cases = (
        proptest::sample::select(templates),
        fuzz::text(30),
        fuzz::text(10),
        peer(),
    );
    fuzz::run_cases(
        "path and query parameters (router in process)",
        api_cases(API_SHARE),
        cases,
        |((method, template), first, second, peer)| {
            let encode = |text: &str| -> String {
                text.bytes()
                    .map(|b| {
                        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
                            char::from(b).to_string()
                        } else {
                            format!("%{b:02X}")
                        }
                    })
                    .collect()
            };
            let uri =
                template
                    .replacen("{}", &encode(&first), 1)
                    .replacen("{}", &encode(&second), 1);
            let request = Request::builder()
                .method(method)
                .uri(&uri)
                .header(header::ORIGIN, ORIGIN)
                .header(header::COOKIE, &cookie)
                .header(header::AUTHORIZATION, format!("Bearer {OPERATOR_TOKEN}"))
                .body(Body::empty())
                .unwrap();
            let reply = runtime.block_on(app.call(request, peer));
            statuses.count(&reply);
            refused_properly(&reply, &uri)
        },
    );
    statuses.print("path and query parameters (router in process)");
}

/// Photo uploads: the sniffer behind the real route, for a project that
/// waits for its photos.
#[test]
fn fuzz_api_photo_upload() {
    let runtime = runtime();
    let statuses = Statuses::default();
    let app = runtime.block_on(InProcess::start());
    let cookie = runtime.block_on(signed_in(&app));
    let draft = json!({"name": "Photos", "choice": choice(), "photo_ids": ["p1", "p2", "p3"]});
    let request = Request::put("/api/v1/projects/fuzz-photos")
        .header(header::ORIGIN, ORIGIN)
        .header(header::COOKIE, &cookie)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(draft.to_string()))
        .unwrap();
    let made = runtime.block_on(app.call(request, "192.0.2.1".parse().unwrap()));
    assert!(made.status.is_success(), "{:?}", made.bytes);
    let real = vec![
        support::png(3, 2, 7),
        support::jpeg(4, 4),
        support::webp(2, 3),
    ];
    let bytes = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        (
            proptest::sample::select(real),
            proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 0..4),
            any::<proptest::sample::Index>(),
        )
            .prop_map(|(mut bytes, changes, cut)| {
                for (at, byte) in changes {
                    let at = at.index(bytes.len());
                    bytes[at] = byte;
                }
                bytes.truncate(cut.index(bytes.len() + 1));
                bytes
            }),
    ];
    let content_type = proptest::sample::select(vec![
        "image/png",
        "image/jpeg",
        "application/octet-stream",
        "text/html",
    ]);
    let cases = (
        bytes,
        content_type,
        proptest::sample::select(vec!["p1", "p2", "p3", "p4"]),
        peer(),
    );
    fuzz::run_cases(
        "photo upload bytes (router in process)",
        api_cases(API_SHARE),
        cases,
        |(bytes, content_type, photo, peer)| {
            let request = Request::put(format!("/api/v1/projects/fuzz-photos/photos/{photo}"))
                .header(header::ORIGIN, ORIGIN)
                .header(header::COOKIE, &cookie)
                .header(header::CONTENT_TYPE, content_type)
                .body(Body::from(bytes))
                .unwrap();
            let reply = runtime.block_on(app.call(request, peer));
            statuses.count(&reply);
            refused_properly(&reply, "upload")
        },
    );
    statuses.print("photo upload bytes (router in process)");
}
