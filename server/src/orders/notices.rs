//! Which status change tells the shopper what: the policy of the order's
//! messages (their words are `mail::letters`). Each message has an outbox
//! key of its own event, so a change heard twice (webhook and poll) writes
//! one message.

use super::view::to_order;
use crate::db::{Addressee, OrderRow};
use crate::mail::Mail;
use crate::mail::letters::Letters;
use shop_api::order::OrderStatus;

/// The message the change from `from` to the order's status now sends.
pub fn for_change(
    letters: &Letters,
    from: OrderStatus,
    row: &OrderRow,
    to: &Addressee,
) -> Option<(String, Mail)> {
    if from == row.status {
        return None;
    }
    let order = to_order(row);
    let (email, language) = (to.email.as_str(), to.language);
    let id = &row.id;
    match row.status {
        // Once per order: a renewed authorization does not confirm again.
        OrderStatus::Authorized | OrderStatus::Paid => Some((
            format!("order-confirmed:{id}"),
            letters.order_confirmed(language, email, &order),
        )),
        OrderStatus::Shipped => Some((
            format!("order-shipped:{id}"),
            letters.order_shipped(language, email, &order),
        )),
        // Each lapse of its own payment asks again.
        OrderStatus::PaymentExpired => Some((
            format!("order-payment-expired:{id}:{}", row.payment_attempt),
            letters.order_needs_payment(language, email, &order),
        )),
        // An order never paid was never confirmed: its end is no news.
        OrderStatus::Cancelled if row.authorized_at.is_some() => Some((
            format!("order-cancelled:{id}"),
            letters.order_cancelled(language, email, &order),
        )),
        _ => None,
    }
}
