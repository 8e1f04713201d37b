//! The PSP sandbox's merchant API (`psp-sandbox/API.md`) behind the
//! [`PaymentProvider`] trait: the only code in the shop that knows its
//! paths, fields and status names.

use super::{
    CaptureMode, CardSummary, DeclineReason, NewCardPayment, Payment, PaymentEvent,
    PaymentProvider, PaymentStatus, ProviderError, ProviderFuture, Wallet,
};
use reqwest::{Client, RequestBuilder, StatusCode};
use serde::{Deserialize, Serialize};
use std::time::Duration;

pub struct Sandbox {
    client: Client,
    base: String,
    merchant_secret: String,
}

impl Sandbox {
    /// `base` is the sandbox's origin, e.g. `http://127.0.0.1:9090`.
    pub fn new(base: &str, merchant_secret: &str) -> Result<Self, ProviderError> {
        let client = Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| ProviderError::Unreachable(e.to_string()))?;
        Ok(Self {
            client,
            base: base.trim_end_matches('/').to_owned(),
            merchant_secret: merchant_secret.to_owned(),
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/v1{path}", self.base)
    }

    async fn send(&self, request: RequestBuilder) -> Result<Payment, ProviderError> {
        let response = request
            .bearer_auth(&self.merchant_secret)
            .send()
            .await
            .map_err(|e| ProviderError::Unreachable(e.to_string()))?;
        let status = response.status();
        if status.is_success() {
            let wire: WirePayment = response
                .json()
                .await
                .map_err(|e| ProviderError::Refused(format!("unreadable payment: {e}")))?;
            return Ok(wire.into());
        }
        let code = response
            .json::<WireErrorBody>()
            .await
            .map(|body| body.error.code)
            .unwrap_or_default();
        Err(match (status, code.as_str()) {
            (StatusCode::NOT_FOUND, _) => ProviderError::NotFound,
            (StatusCode::UNPROCESSABLE_ENTITY, _) => ProviderError::Invalid(code),
            (_, "authorization_expired") => ProviderError::AuthorizationExpired,
            (_, "invalid_state") => ProviderError::InvalidState,
            (status, _) if status.is_server_error() => {
                ProviderError::Unreachable(format!("{status} {code}"))
            }
            (status, _) => ProviderError::Refused(format!("{status} {code}")),
        })
    }
}

#[derive(Serialize)]
struct WireNewPayment<'a> {
    amount: i64,
    currency: &'static str,
    capture_mode: &'static str,
    merchant_reference: &'a str,
    allowed_origin: &'a str,
    description: &'a str,
    /// Left out when false, so that a payment that stores nothing is
    /// asked in the same words as before the field existed (an idempotent
    /// retry must repeat its body exactly).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    store_card: bool,
}

/// A merchant-initiated payment on a stored card (no page, no origin).
#[derive(Serialize)]
struct WireMerchantInitiated<'a> {
    amount: i64,
    currency: &'static str,
    capture_mode: &'static str,
    merchant_reference: &'a str,
    description: &'a str,
    stored_card_id: &'a str,
    initiator: &'static str,
}

#[derive(Deserialize)]
struct WirePayment {
    id: String,
    status: String,
    amount: i64,
    #[serde(default)]
    captured_amount: i64,
    #[serde(default)]
    refunded_amount: i64,
    #[serde(default)]
    currency: String,
    #[serde(default)]
    merchant_reference: Option<String>,
    #[serde(default)]
    hosted_page_url: Option<String>,
    #[serde(default)]
    authorization_expires_at: Option<i64>,
    #[serde(default)]
    authorized_at: Option<i64>,
    #[serde(default)]
    decline_code: Option<String>,
    #[serde(default)]
    created_at: i64,
    #[serde(default)]
    updated_at: Option<i64>,
    #[serde(default)]
    stored_card_id: Option<String>,
    #[serde(default)]
    card: Option<WireCard>,
}

#[derive(Deserialize)]
struct WireCard {
    brand: String,
    #[serde(default)]
    last4: Option<String>,
}

#[derive(Deserialize)]
struct WireEvent {
    id: String,
    payment: WirePayment,
}

#[derive(Deserialize, Default)]
struct WireErrorBody {
    error: WireError,
}

#[derive(Deserialize, Default)]
struct WireError {
    code: String,
}

fn status(wire: &str) -> PaymentStatus {
    match wire {
        "authorized" => PaymentStatus::Authorized,
        "declined" => PaymentStatus::Declined,
        "captured" => PaymentStatus::Captured,
        "cancelled" => PaymentStatus::Cancelled,
        "expired" => PaymentStatus::Expired,
        "refunded" => PaymentStatus::Refunded,
        "partially_refunded" => PaymentStatus::PartiallyRefunded,
        // requires_payment_method, requires_challenge, and anything newer.
        _ => PaymentStatus::AwaitingShopper,
    }
}

fn decline(code: &str) -> DeclineReason {
    match code {
        "card_declined" => DeclineReason::Declined,
        "insufficient_funds" => DeclineReason::InsufficientFunds,
        "expired_card" => DeclineReason::ExpiredCard,
        "authentication_failed" => DeclineReason::AuthenticationFailed,
        "invalid_card" => DeclineReason::InvalidCard,
        _ => DeclineReason::Other,
    }
}

impl From<WirePayment> for Payment {
    fn from(wire: WirePayment) -> Self {
        Payment {
            status: status(&wire.status),
            decline: wire.decline_code.as_deref().map(decline),
            updated_at: wire.updated_at.unwrap_or(wire.created_at),
            id: wire.id,
            amount_cents: wire.amount,
            refunded_cents: wire.refunded_amount,
            currency: wire.currency,
            merchant_reference: wire.merchant_reference,
            hosted_page_url: wire.hosted_page_url,
            authorization_expires_at: wire.authorization_expires_at,
            authorized_at: wire.authorized_at,
            stored_card_id: wire.stored_card_id,
            card: wire.card.map(|card| CardSummary {
                brand: card.brand,
                last4: card.last4,
            }),
            captured_cents: wire.captured_amount,
        }
    }
}

impl PaymentProvider for Sandbox {
    fn parse_event(&self, body: &[u8]) -> Result<PaymentEvent, ProviderError> {
        let event: WireEvent = serde_json::from_slice(body)
            .map_err(|e| ProviderError::Refused(format!("unreadable event: {e}")))?;
        Ok(PaymentEvent {
            id: event.id,
            payment: event.payment.into(),
        })
    }

    fn create_card_payment<'a>(
        &'a self,
        payment: NewCardPayment<'a>,
        idempotency_key: &'a str,
    ) -> ProviderFuture<'a, Payment> {
        Box::pin(async move {
            let body = WireNewPayment {
                amount: payment.amount_cents,
                currency: "EUR",
                capture_mode: match payment.capture_mode {
                    CaptureMode::Manual => "manual",
                    CaptureMode::Automatic => "automatic",
                },
                merchant_reference: payment.merchant_reference,
                allowed_origin: payment.allowed_origin,
                description: payment.description,
                store_card: payment.store_card,
            };
            self.send(
                self.client
                    .post(self.url("/payments"))
                    .header("Idempotency-Key", idempotency_key)
                    .json(&body),
            )
            .await
        })
    }

    fn authorize_stored_card<'a>(
        &'a self,
        stored_card_id: &'a str,
        amount_cents: i64,
        merchant_reference: &'a str,
        description: &'a str,
        idempotency_key: &'a str,
    ) -> ProviderFuture<'a, Payment> {
        Box::pin(async move {
            let body = WireMerchantInitiated {
                amount: amount_cents,
                currency: "EUR",
                capture_mode: "manual",
                merchant_reference,
                description,
                stored_card_id,
                initiator: "merchant",
            };
            // A 404 (`stored_card_not_found`) is `NotFound`; a decline is a
            // payment like any other.
            self.send(
                self.client
                    .post(self.url("/payments"))
                    .header("Idempotency-Key", idempotency_key)
                    .json(&body),
            )
            .await
        })
    }

    fn payment<'a>(&'a self, id: &'a str) -> ProviderFuture<'a, Payment> {
        Box::pin(async move {
            self.send(self.client.get(self.url(&format!("/payments/{id}"))))
                .await
        })
    }

    fn capture<'a>(&'a self, id: &'a str, idempotency_key: &'a str) -> ProviderFuture<'a, Payment> {
        Box::pin(async move {
            self.send(
                self.client
                    .post(self.url(&format!("/payments/{id}/capture")))
                    .header("Idempotency-Key", idempotency_key)
                    .json(&serde_json::json!({})),
            )
            .await
        })
    }

    fn pay_with_wallet<'a>(
        &'a self,
        id: &'a str,
        wallet: Wallet,
        token_json: &'a str,
        idempotency_key: &'a str,
    ) -> ProviderFuture<'a, Payment> {
        Box::pin(async move {
            let token: serde_json::Value = serde_json::from_str(token_json)
                .map_err(|e| ProviderError::Invalid(format!("token is not JSON: {e}")))?;
            let method = match wallet {
                Wallet::ApplePay => "apple_pay",
                Wallet::GooglePay => "google_pay",
            };
            self.send(
                self.client
                    .post(self.url(&format!("/payments/{id}/wallet")))
                    .header("Idempotency-Key", idempotency_key)
                    .json(&serde_json::json!({"method": method, "token": token})),
            )
            .await
        })
    }

    fn apple_pay_session<'a>(
        &'a self,
        validation_url: &'a str,
        domain: &'a str,
        display_name: &'a str,
        idempotency_key: &'a str,
    ) -> ProviderFuture<'a, String> {
        Box::pin(async move {
            let response = self
                .client
                .post(self.url("/wallets/apple-pay/merchant-session"))
                .bearer_auth(&self.merchant_secret)
                .header("Idempotency-Key", idempotency_key)
                .json(&serde_json::json!({
                    "validation_url": validation_url,
                    "domain": domain,
                    "display_name": display_name,
                }))
                .send()
                .await
                .map_err(|e| ProviderError::Unreachable(e.to_string()))?;
            let status = response.status();
            let body: serde_json::Value = response
                .json()
                .await
                .map_err(|e| ProviderError::Refused(format!("unreadable session: {e}")))?;
            if status == StatusCode::UNPROCESSABLE_ENTITY {
                return Err(ProviderError::Invalid(body["error"]["code"].to_string()));
            }
            if !status.is_success() {
                return Err(ProviderError::Refused(format!("{status}")));
            }
            Ok(body["merchant_session"].to_string())
        })
    }

    fn refund<'a>(
        &'a self,
        id: &'a str,
        amount_cents: Option<i64>,
        idempotency_key: &'a str,
    ) -> ProviderFuture<'a, Payment> {
        Box::pin(async move {
            // No amount: `{}` as before, so a retried cancellation's body
            // (and its idempotent replay) is unchanged.
            let body = match amount_cents {
                Some(amount) => serde_json::json!({ "amount": amount }),
                None => serde_json::json!({}),
            };
            self.send(
                self.client
                    .post(self.url(&format!("/payments/{id}/refund")))
                    .header("Idempotency-Key", idempotency_key)
                    .json(&body),
            )
            .await
        })
    }

    fn cancel<'a>(&'a self, id: &'a str, idempotency_key: &'a str) -> ProviderFuture<'a, Payment> {
        Box::pin(async move {
            self.send(
                self.client
                    .post(self.url(&format!("/payments/{id}/cancel")))
                    .header("Idempotency-Key", idempotency_key)
                    .json(&serde_json::json!({})),
            )
            .await
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_payment_reads_into_the_shops_words() {
        let wire: WirePayment = serde_json::from_value(serde_json::json!({
            "id": "pay_1", "status": "declined", "amount": 4599, "currency": "EUR",
            "capture_mode": "manual", "hosted_page_url": "http://psp/pay/pay_1",
            "created_at": 10, "authorization_expires_at": null,
            "decline_code": "insufficient_funds", "card": null
        }))
        .unwrap();
        let payment = Payment::from(wire);
        assert_eq!(payment.status, PaymentStatus::Declined);
        assert_eq!(payment.decline, Some(DeclineReason::InsufficientFunds));
        assert_eq!(payment.updated_at, 10);
        assert_eq!((payment.card, payment.stored_card_id), (None, None));
        assert_eq!(payment.captured_cents, 0);
        assert_eq!(status("requires_challenge"), PaymentStatus::AwaitingShopper);
        assert_eq!(status("refunded"), PaymentStatus::Refunded);
        assert_eq!(
            status("partially_refunded"),
            PaymentStatus::PartiallyRefunded
        );
    }

    #[test]
    fn a_stored_card_payment_reads_its_card_and_captured_amount() {
        let wire: WirePayment = serde_json::from_value(serde_json::json!({
            "id": "pay_2", "status": "captured", "amount": 4599, "currency": "EUR",
            "capture_mode": "manual", "hosted_page_url": null, "initiator": "merchant",
            "store_card": false, "stored_card_id": "card_1", "created_at": 10,
            "updated_at": 12, "captured_amount": 4000, "refunded_amount": 0,
            "card": {"brand": "cartes_bancaires", "last4": "0006",
                     "expiry_month": 12, "expiry_year": 2030}
        }))
        .unwrap();
        let payment = Payment::from(wire);
        assert_eq!(payment.stored_card_id.as_deref(), Some("card_1"));
        assert_eq!(
            payment.card,
            Some(CardSummary {
                brand: "cartes_bancaires".into(),
                last4: Some("0006".into())
            })
        );
        assert_eq!(payment.captured_cents, 4000);
    }

    #[test]
    fn store_card_is_sent_only_when_asked() {
        let mut body = WireNewPayment {
            amount: 1,
            currency: "EUR",
            capture_mode: "manual",
            merchant_reference: "r",
            allowed_origin: "http://shop",
            description: "",
            store_card: false,
        };
        let plain = serde_json::to_value(&body).unwrap();
        assert!(plain.get("store_card").is_none(), "{plain}");
        body.store_card = true;
        assert_eq!(serde_json::to_value(&body).unwrap()["store_card"], true);
    }

    /// A real PSP is reached over https: the client speaks TLS to an
    /// `https` base (here to a listener that reads the greeting and hangs
    /// up, which the call reports as unreachable).
    #[tokio::test]
    async fn an_https_base_is_reached_over_tls() {
        use tokio::io::AsyncReadExt;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let greeting = tokio::spawn(async move {
            let (mut stream, _) = listener.accept().await.unwrap();
            let mut first = [0u8; 3];
            stream.read_exact(&mut first).await.unwrap();
            first
        });
        let sandbox = Sandbox::new(&format!("https://localhost:{port}"), "secret").unwrap();
        let answer = sandbox.payment("pay_1").await;
        assert!(
            matches!(answer, Err(ProviderError::Unreachable(_))),
            "{answer:?}"
        );
        // A TLS handshake record (22), version 3.x: not plain HTTP.
        let first = tokio::time::timeout(Duration::from_secs(5), greeting)
            .await
            .expect("the client never connected")
            .unwrap();
        assert_eq!(first[..2], [0x16, 0x03], "{first:?}");
    }

    /// Any body, once its signature passed: an event or a refusal, never a
    /// panic (a real PSP's format can change under the shop).
    #[test]
    fn fuzz_webhook_body() {
        use proptest::prelude::*;
        let event = serde_json::json!({
            "id": "evt_1", "type": "payment.authorized",
            "payment": {
                "id": "pay_2", "status": "captured", "amount": 4599, "currency": "EUR",
                "capture_mode": "manual", "hosted_page_url": null, "initiator": "merchant",
                "store_card": false, "stored_card_id": "card_1", "created_at": 10,
                "updated_at": 12, "captured_amount": 4000, "refunded_amount": 0,
                "authorization_expires_at": 99, "authorized_at": 11, "decline_code": null,
                "card": {"brand": "cartes_bancaires", "last4": "0006",
                         "expiry_month": 12, "expiry_year": 2030}
            }
        });
        let body = prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..200),
            crate::fuzz::json().prop_map(|value| value.to_string().into_bytes()),
            crate::fuzz::mutated(event).prop_map(|value| value.to_string().into_bytes()),
        ];
        let sandbox = Sandbox::new("http://127.0.0.1:9", "secret").unwrap();
        crate::fuzz::run(
            "webhook body (payments::sandbox::Sandbox::parse_event)",
            body,
            |body| {
                let _ = sandbox.parse_event(&body);
                Ok(())
            },
        );
    }
}
