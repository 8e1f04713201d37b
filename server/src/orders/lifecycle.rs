//! How an order's status follows its payment at the PSP. Pure, so that
//! webhooks, polls and the operator's actions all go through the same rules:
//! news never moves an order backwards, and a stale or repeated event
//! changes nothing.

use crate::payments::PaymentStatus;
use shop_api::order::OrderStatus;

/// The status an order takes on hearing that its payment is `payment`, or
/// `None` when that news changes nothing.
pub fn after_payment(order: OrderStatus, payment: PaymentStatus) -> Option<OrderStatus> {
    use OrderStatus as O;
    use PaymentStatus as P;
    let next = match (order, payment) {
        // Paying: the shopper's card was authorized or refused (they may
        // try another card, and be authorized after a refusal).
        (O::AwaitingPayment | O::PaymentFailed | O::PaymentExpired, P::Authorized) => O::Authorized,
        (O::AwaitingPayment, P::Declined) => O::PaymentFailed,
        // A wallet payment is captured at once: paid, debited already.
        (O::AwaitingPayment | O::PaymentFailed | O::PaymentExpired, P::Captured) => O::Paid,
        // A card's capture means shipped: only the shipping action captures.
        (O::Authorized | O::InProduction, P::Captured) => O::Shipped,
        // Voided: cancelled before shipment. An unpaid order's closed
        // session is no cancellation: the shop closes sessions to open
        // others (a wallet, a fresh card page), and cancels orders itself.
        (O::Authorized | O::InProduction, P::Cancelled) => O::Cancelled,
        // A paid order cancelled is refunded.
        (O::Paid | O::InProduction, P::Refunded) => O::Cancelled,
        // The authorization lapsed before shipment.
        (O::Authorized | O::InProduction, P::Expired) => O::PaymentExpired,
        _ => return None,
    };
    (next != order).then_some(next)
}

/// What an operator may do next with an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperatorAction {
    StartProduction,
    /// Captures the payment: the card is debited now.
    Ship,
    MarkDelivered,
    /// Voids the authorization.
    Cancel,
}

impl OperatorAction {
    /// The action's name in logs and claims.
    pub fn name(self) -> &'static str {
        match self {
            OperatorAction::StartProduction => "production",
            OperatorAction::Ship => "ship",
            OperatorAction::MarkDelivered => "deliver",
            OperatorAction::Cancel => "cancel",
        }
    }
}

/// Whether `action` applies to an order in `status`.
pub fn allows(status: OrderStatus, action: OperatorAction) -> bool {
    use OrderStatus as O;
    match action {
        OperatorAction::StartProduction => matches!(status, O::Authorized | O::Paid),
        OperatorAction::Ship => matches!(status, O::Authorized | O::Paid | O::InProduction),
        OperatorAction::MarkDelivered => status == O::Shipped,
        OperatorAction::Cancel => matches!(
            status,
            O::AwaitingPayment
                | O::PaymentFailed
                | O::PaymentExpired
                | O::Authorized
                | O::Paid
                | O::InProduction
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus as O;
    use PaymentStatus as P;

    #[test]
    fn paying_moves_forward_and_a_refusal_can_be_followed_by_success() {
        assert_eq!(
            after_payment(O::AwaitingPayment, P::Authorized),
            Some(O::Authorized)
        );
        assert_eq!(
            after_payment(O::AwaitingPayment, P::Declined),
            Some(O::PaymentFailed)
        );
        assert_eq!(
            after_payment(O::PaymentFailed, P::Authorized),
            Some(O::Authorized)
        );
        assert_eq!(after_payment(O::PaymentFailed, P::AwaitingShopper), None);
    }

    #[test]
    fn late_or_repeated_news_changes_nothing() {
        // A refusal of an earlier card, delivered after the authorization.
        assert_eq!(after_payment(O::Authorized, P::Declined), None);
        assert_eq!(after_payment(O::Authorized, P::Authorized), None);
        assert_eq!(after_payment(O::Shipped, P::Authorized), None);
        assert_eq!(after_payment(O::Cancelled, P::Authorized), None);
        assert_eq!(after_payment(O::Delivered, P::Captured), None);
    }

    #[test]
    fn capture_void_and_expiry_follow_the_authorization() {
        assert_eq!(
            after_payment(O::InProduction, P::Captured),
            Some(O::Shipped)
        );
        assert_eq!(
            after_payment(O::Authorized, P::Cancelled),
            Some(O::Cancelled)
        );
        assert_eq!(
            after_payment(O::InProduction, P::Expired),
            Some(O::PaymentExpired)
        );
        assert_eq!(after_payment(O::Cancelled, P::Captured), None);
        assert_eq!(after_payment(O::AwaitingPayment, P::Cancelled), None);
        assert_eq!(after_payment(O::PaymentFailed, P::Cancelled), None);
    }

    #[test]
    fn a_wallet_capture_pays_the_order_and_a_refund_cancels_it() {
        assert_eq!(
            after_payment(O::AwaitingPayment, P::Captured),
            Some(O::Paid)
        );
        assert_eq!(after_payment(O::PaymentFailed, P::Captured), Some(O::Paid));
        assert_eq!(after_payment(O::Paid, P::Captured), None);
        assert_eq!(after_payment(O::Paid, P::Authorized), None);
        assert_eq!(after_payment(O::Paid, P::Refunded), Some(O::Cancelled));
        assert!(allows(O::Paid, OperatorAction::Ship));
        assert!(allows(O::Paid, OperatorAction::Cancel));
    }

    #[test]
    fn operators_ship_only_authorized_orders_and_never_cancel_a_shipped_one() {
        assert!(allows(O::Authorized, OperatorAction::Ship));
        assert!(allows(O::InProduction, OperatorAction::Ship));
        assert!(!allows(O::AwaitingPayment, OperatorAction::Ship));
        assert!(!allows(O::PaymentExpired, OperatorAction::Ship));
        assert!(!allows(O::Shipped, OperatorAction::Cancel));
        assert!(allows(O::Shipped, OperatorAction::MarkDelivered));
    }
}
