//! A merchant's request for a payment session, checked field by field.

use super::{CaptureMode, Payment, Status};
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
    pub allowed_origin: String,
    #[serde(default)]
    pub description: Option<String>,
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
        // The origin goes verbatim into the page's CSP and postMessage.
        let Ok(allowed_origin) = framing::parse_origin(&self.allowed_origin) else {
            return invalid("allowed_origin must be a bare http(s) origin");
        };
        if self
            .description
            .as_ref()
            .is_some_and(|d| d.chars().count() > MAX_DESCRIPTION_CHARS)
        {
            return invalid("description must have at most 500 characters");
        }
        Ok(Payment {
            id,
            status: Status::RequiresPaymentMethod,
            amount: self.amount,
            currency: self.currency,
            capture_mode,
            merchant_reference: self.merchant_reference,
            allowed_origin,
            description: self.description,
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
