//! Random interleavings of everything that moves an order's money — the
//! shopper (pay by card or wallet, read, cancel, pay again), the operator
//! (production, shipping, delivery, cancellation), the PSP's news
//! (delivered fresh, duplicated, stale and out of order, or lost), the
//! clock (days pass: authorizations lapse) and the reconciler — against
//! the real sandbox. After every step: no payment captures more than it
//! authorized or refunds more than it captured; never two live debits for
//! one order; a card is captured only by shipping. After the news is in
//! and a reconciliation pass: the order's status and the PSP's money
//! agree, and every order is finished or has a next action.

use proptest::prelude::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

mod support;
use support::psp::{Psp, operator, order_project_keeping_card, pay, shop_and_psp, signed_event};
use support::{Answer, OPERATOR_TOKEN, STRONG, Shopper, TestServer, client};

#[derive(Debug, Clone)]
enum Step {
    PayCard {
        accepted: bool,
    },
    PayWallet {
        accepted: bool,
    },
    ShopperRead,
    ShopperCancel,
    PayAgain,
    Produce,
    Ship,
    Deliver,
    OperatorCancel,
    /// The PSP's webhook with each payment as it is now.
    FreshNews,
    /// An earlier webhook again: a duplicate (same event id) or a stale
    /// snapshot arriving late (a new id).
    OldNews {
        pick: usize,
        duplicate: bool,
    },
    Days(u8),
    Reconcile,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => any::<bool>().prop_map(|accepted| Step::PayCard { accepted }),
        1 => any::<bool>().prop_map(|accepted| Step::PayWallet { accepted }),
        2 => Just(Step::ShopperRead),
        1 => Just(Step::ShopperCancel),
        1 => Just(Step::PayAgain),
        2 => Just(Step::Produce),
        2 => Just(Step::Ship),
        1 => Just(Step::Deliver),
        1 => Just(Step::OperatorCancel),
        2 => Just(Step::FreshNews),
        2 => (any::<usize>(), any::<bool>())
            .prop_map(|(pick, duplicate)| Step::OldNews { pick, duplicate }),
        1 => (1u8..=9).prop_map(Step::Days),
        1 => Just(Step::Reconcile),
    ]
}

/// One shop and one sandbox for every case (each case has its own
/// shopper and order), on one runtime that outlives the cases.
struct Stack {
    shop: TestServer,
    psp: Psp,
}

static RUNTIME: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
});

static STACK: LazyLock<&'static Stack> = LazyLock::new(|| {
    RUNTIME.block_on(async {
        // Webhooks are the test's to deliver, lose, repeat and reorder.
        let (shop, psp) = shop_and_psp(false).await;
        &*Box::leak(Box::new(Stack { shop, psp }))
    })
});

static CASE: AtomicUsize = AtomicUsize::new(0);

/// A payment as the sandbox holds it now (reading applies lapses).
#[derive(Debug)]
struct Held {
    id: String,
    status: String,
    manual: bool,
    amount: i64,
    captured: i64,
    refunded: i64,
}

impl Held {
    fn holds_money(&self) -> bool {
        self.status == "authorized" || self.captured > self.refunded
    }
}

struct Case<'a> {
    stack: &'static Stack,
    shopper: Shopper<'a>,
    email: String,
    order: Value,
    /// Every webhook body sent so far, to send again.
    sent: Vec<(String, Value)>,
    events: usize,
}

impl Case<'_> {
    fn id(&self) -> String {
        self.order["id"].as_str().unwrap().to_owned()
    }

    /// The shopper's request, signing in again when days passed beyond
    /// the session's life.
    async fn shopper_call(
        &mut self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> Answer {
        let answer = self.shopper.send(method.clone(), path, body.clone()).await;
        if answer.status != StatusCode::UNAUTHORIZED {
            return answer;
        }
        let email = self.email.clone();
        assert_eq!(
            self.shopper.sign_in(&email, STRONG).await.status,
            StatusCode::OK
        );
        self.shopper.send(method, path, body).await
    }

    async fn read(&mut self) -> Value {
        let path = format!("/api/v1/orders/{}", self.id());
        let answer = self.shopper_call(reqwest::Method::GET, &path, None).await;
        assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.body);
        answer.body
    }

    /// The order's status as stored, without asking the PSP.
    async fn stored_status(&self) -> String {
        let db = self.stack.shop.raw_database().await;
        let (status,): (String,) = sqlx::query_as("SELECT status FROM orders WHERE id = $1")
            .bind(self.id())
            .fetch_one(&db)
            .await
            .unwrap();
        db.close().await;
        status
    }

    /// Every PSP payment made for this order, as the sandbox has it now.
    async fn payments(&self) -> Vec<Held> {
        let db = sqlx::SqlitePool::connect(&format!(
            "sqlite://{}",
            self.stack.psp.database_path().display()
        ))
        .await
        .unwrap();
        let ids: Vec<(String,)> = sqlx::query_as(
            "SELECT id FROM payments WHERE merchant_reference = $1 ORDER BY created_at",
        )
        .bind(self.id())
        .fetch_all(&db)
        .await
        .unwrap();
        db.close().await;
        let mut held = Vec::new();
        for (id,) in ids {
            let payment = self.stack.psp.payment(&id).await;
            held.push(Held {
                id,
                status: payment["status"].as_str().unwrap().to_owned(),
                manual: payment["capture_mode"] == "manual",
                amount: payment["amount"].as_i64().unwrap(),
                captured: payment["captured_amount"].as_i64().unwrap(),
                refunded: payment["refunded_amount"].as_i64().unwrap(),
            });
        }
        held
    }

    async fn deliver(&mut self, event_id: String, payment: Value) {
        let status = signed_event(&self.stack.shop, &event_id, payment).await;
        assert_eq!(status, StatusCode::OK, "a webhook is always acknowledged");
    }

    async fn fresh_news(&mut self) {
        for held in self.payments().await {
            let payment = self.stack.psp.payment(&held.id).await;
            self.events += 1;
            let event_id = format!("evt_{}_{}", self.id(), self.events);
            self.sent.push((event_id.clone(), payment.clone()));
            self.deliver(event_id, payment).await;
        }
    }

    async fn advance(&self, days: u8) {
        let seconds = i64::from(days) * 86_400;
        assert_eq!(self.stack.psp.advance_clock(seconds).await, StatusCode::OK);
        let shop = client()
            .post(self.stack.shop.url("/api/v1/test/clock"))
            .json(&json!({"advance_seconds": seconds}))
            .send()
            .await
            .unwrap();
        assert_eq!(shop.status(), StatusCode::OK);
    }

    async fn reconcile(&self) {
        // Another case's pass may hold the lease for a moment.
        for _ in 0..50 {
            let answer = client()
                .post(self.stack.shop.url("/api/v1/operator/reconcile"))
                .bearer_auth(OPERATOR_TOKEN)
                .send()
                .await
                .unwrap();
            if answer.status() == StatusCode::OK {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        panic!("the reconciler never ran");
    }

    async fn run(&mut self, step: &Step) {
        let id = self.id();
        match step {
            Step::PayCard { accepted } => {
                let now = self.read().await;
                if now["payment"]["hosted_page_url"].is_string() {
                    let card = if *accepted {
                        "4242424242424242"
                    } else {
                        "4000000000000002"
                    };
                    pay(&self.stack.psp, &now, card).await;
                }
            }
            Step::PayWallet { accepted } => {
                let outcome = if *accepted {
                    "approve"
                } else {
                    "card_declined"
                };
                let token = json!({"type": "CARD", "info": {"cardNetwork": "VISA", "cardDetails": "4242"},
                    "tokenizationData": {"type": "PAYMENT_GATEWAY", "token": json!({"sandbox": outcome}).to_string()}})
                .to_string();
                let answer = self
                    .shopper_call(
                        reqwest::Method::POST,
                        &format!("/api/v1/orders/{id}/wallet"),
                        Some(json!({"method": "google_pay", "token_json": token})),
                    )
                    .await;
                assert!(
                    answer.status.is_success() || answer.status.is_client_error(),
                    "{:?}",
                    answer.body
                );
            }
            Step::ShopperRead => {
                self.read().await;
            }
            Step::ShopperCancel => {
                let answer = self
                    .shopper_call(
                        reqwest::Method::POST,
                        &format!("/api/v1/orders/{id}/cancel"),
                        Some(json!({})),
                    )
                    .await;
                assert!(!answer.status.is_server_error(), "{:?}", answer.body);
            }
            Step::PayAgain => {
                let answer = self
                    .shopper_call(
                        reqwest::Method::POST,
                        &format!("/api/v1/orders/{id}/payment"),
                        Some(json!({})),
                    )
                    .await;
                assert!(!answer.status.is_server_error(), "{:?}", answer.body);
            }
            Step::Produce | Step::Ship | Step::Deliver | Step::OperatorCancel => {
                let action = match step {
                    Step::Produce => "production",
                    Step::Ship => "ship",
                    Step::Deliver => "deliver",
                    _ => "cancel",
                };
                let answer = operator(&self.stack.shop, &self.order, action).await;
                assert!(
                    !answer.status().is_server_error(),
                    "{action}: {:?}",
                    answer.text().await
                );
            }
            Step::FreshNews => self.fresh_news().await,
            Step::OldNews { pick, duplicate } => {
                if !self.sent.is_empty() {
                    let (event_id, payment) = self.sent[pick % self.sent.len()].clone();
                    let event_id = if *duplicate {
                        event_id
                    } else {
                        self.events += 1;
                        format!("evt_{id}_{}_late", self.events)
                    };
                    self.deliver(event_id, payment).await;
                }
            }
            Step::Days(days) => self.advance(*days).await,
            Step::Reconcile => self.reconcile().await,
        }
    }

    /// What must hold after any step.
    async fn check_money(&self, step: &Step) {
        let held = self.payments().await;
        for payment in &held {
            assert!(payment.captured <= payment.amount, "{step:?}: {payment:?}");
            assert!(
                payment.refunded <= payment.captured,
                "{step:?}: {payment:?}"
            );
        }
        let live = held.iter().filter(|p| p.captured > p.refunded).count();
        assert!(live <= 1, "{step:?}: two live debits {held:?}");
        let status = self.stored_status().await;
        if held.iter().any(|p| p.manual && p.captured > 0) {
            assert!(
                status == "shipped" || status == "delivered",
                "{step:?}: a card captured on an order {status}: {held:?}"
            );
        }
    }

    /// What must hold once the news is in and the reconciler has passed.
    async fn check_agreement(&mut self) {
        self.fresh_news().await;
        self.reconcile().await;
        let order = self.read().await;
        let status = order["status"].as_str().unwrap().to_owned();
        let held = self.payments().await;
        let holding: Vec<&Held> = held.iter().filter(|p| p.holds_money()).collect();
        match status.as_str() {
            "cancelled" | "awaiting_payment" | "payment_failed" | "payment_expired" => {
                assert!(holding.is_empty(), "{status} yet money held: {held:?}");
            }
            "authorized" | "in_production" if order["payment"]["debited"] == false => {
                assert_eq!(holding.len(), 1, "{status}: {held:?}");
                assert_eq!(holding[0].status, "authorized", "{status}: {held:?}");
            }
            _ => {
                assert_eq!(holding.len(), 1, "{status}: {held:?}");
                assert!(holding[0].captured > 0, "{status}: {held:?}");
            }
        }
        // Finished, or something can happen next.
        if matches!(
            status.as_str(),
            "awaiting_payment" | "payment_failed" | "payment_expired"
        ) {
            assert!(
                order["payment"]["hosted_page_url"].is_string()
                    || order["payment"]["retry_at"].is_i64()
                    || status == "payment_expired",
                "a payable order offers a way to pay: {order:?}"
            );
        }
    }
}

async fn run_case(stack: &'static Stack, keep_card: bool, steps: Vec<Step>) {
    let n = CASE.fetch_add(1, Ordering::Relaxed);
    let email = format!("cas{n}@exemple.fr");
    let mut shopper = Shopper::signed_up(&stack.shop, &email).await;
    let made =
        order_project_keeping_card(&stack.shop, &mut shopper, "phare", &email, keep_card).await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let order: Value = made.json().await.unwrap();
    let mut case = Case {
        stack,
        shopper,
        email,
        order,
        sent: Vec::new(),
        events: 0,
    };
    for step in &steps {
        case.run(step).await;
        case.check_money(step).await;
    }
    case.check_agreement().await;
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 40,
        max_shrink_iters: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn money_and_status_agree_whatever_the_order_of_events(
        keep_card in any::<bool>(),
        steps in proptest::collection::vec(step(), 1..12)
    ) {
        // The stack starts on the runtime, outside any `block_on`.
        let stack = *STACK;
        RUNTIME.block_on(run_case(stack, keep_card, steps));
    }
}
