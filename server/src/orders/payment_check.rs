//! The second lock on PSP news (after the webhook's signature): what the
//! PSP says of a payment is applied to an order only if it is that order's
//! payment — its amount, its currency and its reference. Anything else is
//! held for an operator and never marks the order paid, so a leaked or
//! default webhook secret cannot buy a poster for one cent.

use crate::db::OrderRow;
use crate::payments::Payment;

/// The shop prices in euros only.
pub const CURRENCY: &str = "EUR";

/// Why news cannot be applied to this order, `None` when it can.
pub fn mismatch(order: &OrderRow, payment: &Payment) -> Option<String> {
    if payment.amount_cents != order.total_cents {
        return Some(format!(
            "amount {} cents instead of {}",
            payment.amount_cents, order.total_cents
        ));
    }
    if payment.currency != CURRENCY {
        return Some(format!(
            "currency {:?} instead of {CURRENCY}",
            payment.currency
        ));
    }
    if payment.merchant_reference.as_deref() != Some(order.id.as_str()) {
        return Some(format!(
            "reference {:?} instead of the order's",
            payment.merchant_reference
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payments::PaymentStatus;

    fn order() -> OrderRow {
        OrderRow {
            id: "commande-1".into(),
            account_id: 1,
            status: shop_api::order::OrderStatus::AwaitingPayment,
            created_at: 0,
            address_json: String::new(),
            delivery_option_id: "standard".into(),
            lines_json: String::new(),
            totals_json: String::new(),
            total_cents: 1998,
            payment_id: Some("pay_1".into()),
            payment_attempt: 1,
            hosted_page_url: None,
            last_decline: None,
            authorization_expires_at: None,
            psp_updated_at: 0,
            debited: false,
            cart_emptied: false,
            payment_method: shop_api::order::PaymentMethod::Card,
            terms_version: None,
            terms_accepted_at: None,
            number: None,
            authorized_at: None,
            production_started_at: None,
            shipped_at: None,
            delivered_at: None,
            cancelled_at: None,
            carrier: None,
            tracking_number: None,
            estimated_delivery: None,
            refunded_cents: 0,
            keep_card: false,
            stored_card_id: None,
            card_brand: None,
            card_last4: None,
            reauthorization_declined_at: None,
        }
    }

    fn payment(amount: i64, currency: &str, reference: Option<&str>) -> Payment {
        Payment {
            id: "pay_1".into(),
            status: PaymentStatus::Authorized,
            amount_cents: amount,
            refunded_cents: 0,
            currency: currency.into(),
            merchant_reference: reference.map(Into::into),
            hosted_page_url: None,
            authorization_expires_at: None,
            authorized_at: None,
            decline: None,
            updated_at: 1,
            stored_card_id: None,
            card: None,
            captured_cents: 0,
        }
    }

    #[test]
    fn only_the_orders_own_amount_currency_and_reference_pass() {
        let order = order();
        assert_eq!(
            mismatch(&order, &payment(1998, "EUR", Some("commande-1"))),
            None
        );
        for wrong in [
            payment(1, "EUR", Some("commande-1")),
            payment(1999, "EUR", Some("commande-1")),
            payment(1998, "USD", Some("commande-1")),
            payment(1998, "", Some("commande-1")),
            payment(1998, "EUR", Some("commande-2")),
            payment(1998, "EUR", None),
        ] {
            assert!(mismatch(&order, &wrong).is_some(), "{wrong:?}");
        }
    }
}
