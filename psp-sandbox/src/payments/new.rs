//! A merchant's request for a payment, checked field by field: a session
//! the shopper pays on the hosted page, or a merchant-initiated payment on
//! a stored card.

use super::{CaptureMode, Initiator, Payment, Status};
use crate::framing;
use serde::Deserialize;

pub const MAX_AMOUNT: i64 = 99_999_999;
pub const MAX_REFERENCE_CHARS: usize = 100;
pub const MAX_DESCRIPTION_CHARS: usize = 500;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewPayment {
    pub amount: i64,
    pub currency: String,
    pub capture_mode: String,
    pub merchant_reference: String,
    /// Required for a shopper's payment, refused for a merchant-initiated
    /// one (it has no page to frame).
    #[serde(default)]
    pub allowed_origin: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub store_card: bool,
    #[serde(default)]
    pub stored_card_id: Option<String>,
    /// `shopper` (the default) or `merchant`.
    #[serde(default)]
    pub initiator: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidRequest(pub String);

impl NewPayment {
    pub fn into_payment(self, id: String, now: i64) -> Result<Payment, InvalidRequest> {
        let invalid = |message: &str| Err(InvalidRequest(message.to_owned()));
        if !(1..=MAX_AMOUNT).contains(&self.amount) {
            return invalid("amount must be from 1 to 99999999 cents");
        }
        if self.currency != "EUR" {
            return invalid("currency must be EUR");
        }
        let Some(capture_mode) = CaptureMode::parse(&self.capture_mode) else {
            return invalid("capture_mode must be manual or automatic");
        };
        let reference_chars = self.merchant_reference.chars().count();
        if !(1..=MAX_REFERENCE_CHARS).contains(&reference_chars) {
            return invalid("merchant_reference must have 1 to 100 characters");
        }
        if self
            .description
            .as_ref()
            .is_some_and(|d| d.chars().count() > MAX_DESCRIPTION_CHARS)
        {
            return invalid("description must have at most 500 characters");
        }
        let Some(initiator) = Initiator::parse(self.initiator.as_deref().unwrap_or("shopper"))
        else {
            return invalid("initiator must be shopper or merchant");
        };
        let allowed_origin = match initiator {
            Initiator::Shopper => {
                if self.stored_card_id.is_some() {
                    return invalid("stored_card_id needs initiator merchant");
                }
                // A stored card is charged later in manual capture only: an
                // automatic payment has nothing left to re-authorize.
                if self.store_card && capture_mode != CaptureMode::Manual {
                    return invalid("store_card needs capture_mode manual");
                }
                // The origin goes verbatim into the page's CSP and postMessage.
                let Some(Ok(origin)) = self.allowed_origin.as_deref().map(framing::parse_origin)
                else {
                    return invalid("allowed_origin must be a bare http(s) origin");
                };
                Some(origin)
            }
            Initiator::Merchant => {
                if self.stored_card_id.is_none() {
                    return invalid("initiator merchant needs stored_card_id");
                }
                if self.store_card {
                    return invalid("store_card is for a shopper's payment");
                }
                if self.allowed_origin.is_some() {
                    return invalid("a merchant-initiated payment has no page: no allowed_origin");
                }
                None
            }
        };
        Ok(Payment {
            id,
            status: Status::RequiresPaymentMethod,
            amount: self.amount,
            currency: self.currency,
            capture_mode,
            merchant_reference: self.merchant_reference,
            allowed_origin,
            description: self.description,
            initiator,
            store_card: self.store_card,
            // Set once the card is stored, or once the stored card is found.
            stored_card_id: None,
            card_merchant_initiated: None,
            created_at: now,
            updated_at: now,
            authorized_at: None,
            authorization_expires_at: None,
            captured_amount: 0,
            refunded_amount: 0,
            card: None,
            decline_code: None,
            challenge_passes: None,
        })
    }
}
