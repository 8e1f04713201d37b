//! An order's money as operators see it: every PSP payment it ever had
//! (each attempt, refused ones included), the refunds made with their
//! reasons, the refund request, and the paginated list of orders.

use super::{Order, PaymentDecline, PaymentMethod};
use crate::Money;
use serde::{Deserialize, Serialize};

/// The longest reason a refund may give, in characters.
pub const REFUND_REASON_MAX_CHARS: usize = 500;

/// The most orders one page of the operators' list holds.
pub const ORDERS_PER_PAGE_MAX: u32 = 100;

/// Body of `POST /api/v1/operator/orders/{id}/refund`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundRequest {
    /// What to give back, in cents; absent: all that is left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_cents: Option<i64>,
    /// Why (kept with the refund): 1 to [`REFUND_REASON_MAX_CHARS`]
    /// characters, not only spaces.
    pub reason: String,
}

impl RefundRequest {
    /// The reason as kept (trimmed), or `None` when it is empty, too long
    /// or holds control characters other than line breaks.
    pub fn checked_reason(&self) -> Option<&str> {
        let reason = self.reason.trim();
        let length = reason.chars().count();
        let clean = !reason
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r');
        ((1..=REFUND_REASON_MAX_CHARS).contains(&length) && clean).then_some(reason)
    }
}

/// Who started a payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentInitiator {
    /// The shopper, on the card page or with a wallet.
    Shopper,
    /// The shop, on the card the PSP keeps (a re-authorization).
    Merchant,
}

/// A PSP payment's status, in the shop's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentRecordStatus {
    AwaitingShopper,
    Authorized,
    Declined,
    Captured,
    Cancelled,
    Expired,
    PartiallyRefunded,
    Refunded,
}

/// One PSP payment of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentRecord {
    pub payment_id: String,
    /// The order's attempt this payment was opened for (1, 2…).
    pub attempt: i64,
    pub method: PaymentMethod,
    pub initiator: PaymentInitiator,
    pub status: PaymentRecordStatus,
    pub amount: Money,
    /// Held by the authorization now (zero once captured, voided, lapsed).
    pub authorized: Money,
    pub captured: Money,
    pub refunded: Money,
    pub brand: Option<String>,
    pub last4: Option<String>,
    pub decline: Option<PaymentDecline>,
    pub authorized_at: Option<i64>,
    pub authorization_expires_at: Option<i64>,
    /// Unix seconds the shop opened it.
    pub created_at: i64,
    /// The PSP's time of the state shown.
    pub updated_at: i64,
}

/// A refund an operator made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundRecord {
    /// 1 for the order's first refund, 2 for the next…
    pub number: i64,
    pub payment_id: String,
    pub amount: Money,
    pub reason: String,
    /// Unix seconds, the shop's time.
    pub refunded_at: i64,
}

/// `GET /api/v1/operator/orders/{id}/payments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentHistory {
    pub order_id: String,
    /// Newest first.
    pub payments: Vec<PaymentRecord>,
    /// Newest first.
    pub refunds: Vec<RefundRecord>,
}

/// `GET /api/v1/operator/orders?status=&page=&per_page=`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderPage {
    /// Newest first.
    pub orders: Vec<Order>,
    /// Orders matching the filter, on every page.
    pub total: i64,
    /// From 1.
    pub page: u32,
    pub per_page: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(reason: &str) -> RefundRequest {
        RefundRequest {
            amount_cents: None,
            reason: reason.into(),
        }
    }

    #[test]
    fn a_refund_needs_a_reason_of_at_most_500_characters() {
        assert_eq!(
            request("  Poster abîmé au transport  ").checked_reason(),
            Some("Poster abîmé au transport")
        );
        assert_eq!(
            request("é".repeat(500).as_str())
                .checked_reason()
                .map(str::len),
            Some(1000)
        );
        assert_eq!(request(&"x".repeat(501)).checked_reason(), None);
        assert_eq!(request("   ").checked_reason(), None);
        assert_eq!(request("").checked_reason(), None);
        assert_eq!(request("a\u{0}b").checked_reason(), None);
        assert!(request("ligne 1\nligne 2").checked_reason().is_some());
    }

    #[test]
    fn the_amount_is_optional_on_the_wire() {
        let read: RefundRequest = serde_json::from_str(r#"{"reason": "geste"}"#).unwrap();
        assert_eq!(read.amount_cents, None);
        let read: RefundRequest =
            serde_json::from_str(r#"{"amount_cents": 500, "reason": "geste"}"#).unwrap();
        assert_eq!(read.amount_cents, Some(500));
    }
}
