//! A payment as the merchant API and webhooks show it (API.md).

use super::Payment;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct PaymentView {
    pub id: String,
    pub status: &'static str,
    pub amount: i64,
    pub currency: String,
    pub capture_mode: &'static str,
    pub merchant_reference: String,
    pub description: Option<String>,
    /// `None` for a merchant-initiated payment: the shopper sees no page.
    pub hosted_page_url: Option<String>,
    pub initiator: &'static str,
    pub store_card: bool,
    pub stored_card_id: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub authorized_at: Option<i64>,
    pub authorization_expires_at: Option<i64>,
    pub captured_amount: i64,
    pub refunded_amount: i64,
    pub card: Option<CardView>,
    pub decline_code: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CardView {
    pub brand: &'static str,
    /// `None` (and no expiry) for a wallet that did not say.
    pub last4: Option<String>,
    pub expiry_month: Option<u32>,
    pub expiry_year: Option<i32>,
}

impl PaymentView {
    /// `public_url`: the sandbox's own origin, where its pages are.
    pub fn new(payment: &Payment, public_url: &str) -> Self {
        Self {
            id: payment.id.clone(),
            status: payment.status.as_str(),
            amount: payment.amount,
            currency: payment.currency.clone(),
            capture_mode: payment.capture_mode.as_str(),
            merchant_reference: payment.merchant_reference.clone(),
            description: payment.description.clone(),
            hosted_page_url: payment
                .allowed_origin
                .is_some()
                .then(|| format!("{public_url}/pay/{}", payment.id)),
            initiator: payment.initiator.as_str(),
            store_card: payment.store_card,
            stored_card_id: payment.stored_card_id.clone(),
            created_at: payment.created_at,
            updated_at: payment.updated_at,
            authorized_at: payment.authorized_at,
            authorization_expires_at: payment.authorization_expires_at,
            captured_amount: payment.captured_amount,
            refunded_amount: payment.refunded_amount,
            card: payment.card.as_ref().map(|card| CardView {
                brand: card.brand.as_str(),
                last4: card.last4.clone(),
                expiry_month: card.expiry_month,
                expiry_year: card.expiry_year,
            }),
            decline_code: payment.decline_code.map(|code| code.as_str()),
        }
    }
}
