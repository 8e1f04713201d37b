//! How order statuses, refusal reasons and carriers are written in the
//! orders table's text columns, and read back.

use super::*;

pub fn status_name(status: OrderStatus) -> &'static str {
    match status {
        OrderStatus::AwaitingPayment => "awaiting_payment",
        OrderStatus::PaymentFailed => "payment_failed",
        OrderStatus::Authorized => "authorized",
        OrderStatus::Paid => "paid",
        OrderStatus::InProduction => "in_production",
        OrderStatus::Shipped => "shipped",
        OrderStatus::Delivered => "delivered",
        OrderStatus::Cancelled => "cancelled",
        OrderStatus::PaymentExpired => "payment_expired",
    }
}

pub(super) fn parse_status(name: &str) -> OrderStatus {
    [
        OrderStatus::AwaitingPayment,
        OrderStatus::PaymentFailed,
        OrderStatus::Authorized,
        OrderStatus::Paid,
        OrderStatus::InProduction,
        OrderStatus::Shipped,
        OrderStatus::Delivered,
        OrderStatus::Cancelled,
        OrderStatus::PaymentExpired,
    ]
    .into_iter()
    .find(|s| status_name(*s) == name)
    .unwrap_or(OrderStatus::AwaitingPayment)
}

pub(super) fn decline_name(reason: DeclineReason) -> &'static str {
    match reason {
        DeclineReason::Declined => "declined",
        DeclineReason::InsufficientFunds => "insufficient_funds",
        DeclineReason::ExpiredCard => "expired_card",
        DeclineReason::AuthenticationFailed => "authentication_failed",
        DeclineReason::InvalidCard => "invalid_card",
        DeclineReason::Other => "other",
    }
}

pub(super) fn parse_decline(name: &str) -> PaymentDecline {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .unwrap_or(PaymentDecline::Other)
}

pub(super) fn carrier_name(carrier: Carrier) -> String {
    serde_json::to_value(carrier)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub(super) fn parse_carrier(name: &str) -> Carrier {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).unwrap_or(Carrier::Other)
}
