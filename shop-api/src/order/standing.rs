//! Where an order stands, as the shopper reads it: its **fulfilment**
//! (placed → in production → shipped → delivered, or cancelled) and its
//! **payment** (unpaid, refused, authorized, debited, refunded in part or
//! whole, lapsed) are two facts, derived here from the order's status and
//! its money, and never one status. One pure function, shared by the
//! storefront (which turns the [`Headline`] into words) and the server
//! (which asks whether an order is [`settled`]), so that the two cannot
//! disagree on what a status means.

use super::{Order, OrderStatus};
use serde::{Deserialize, Serialize};

/// How far the products have gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fulfilment {
    /// Ordered; nothing made yet (paid or not).
    Placed,
    InProduction,
    Shipped,
    Delivered,
    Cancelled,
}

/// Where the shopper's money is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentState {
    /// Nothing taken nor held (not paid yet, or an authorization voided by
    /// a cancellation).
    Unpaid,
    /// The last card was refused: another may be tried.
    Refused,
    /// Held on the card, debited at shipment.
    Authorized,
    Debited,
    PartiallyRefunded,
    Refunded,
    /// The authorization lapsed before shipment: the shopper pays again.
    Lapsed,
}

/// The one phrase the storefront shows for an order (its words are in the
/// storefront's i18n tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Headline {
    AwaitingPayment,
    PaymentRefused,
    /// Card authorized: debited at shipment.
    ConfirmedDebitAtShipment,
    /// Wallet: debited already.
    ConfirmedDebited,
    InProduction,
    Shipped,
    Delivered,
    /// Shipped or delivered, and all the money given back.
    Refunded,
    /// Cancelled before any money was taken (or the hold was voided).
    CancelledNothingDebited,
    /// Cancelled after the money was taken: given back.
    CancelledRefunded,
    PayAgain,
}

/// The order's two facts and the phrase that sums them up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub fulfilment: Fulfilment,
    pub payment: PaymentState,
    pub headline: Headline,
}

/// What the shop knows of the order's money besides its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MoneyFacts {
    /// The money was taken (wallet at once, card at shipment).
    pub debited: bool,
    /// Given back so far, in cents.
    pub refunded_cents: i64,
    /// The order's total, in cents.
    pub total_cents: i64,
    /// Production started once (its step is dated), even if the status
    /// went back to paying when the authorization lapsed: what is being
    /// made stays in production.
    pub production_started: bool,
}

/// Whether nothing the PSP says can move this order any more (shipped,
/// delivered, cancelled): the server stops polling it. Refunds on a
/// shipped order change its money, never its fulfilment.
pub fn settled(status: OrderStatus) -> bool {
    matches!(
        standing(status, MoneyFacts::default()).fulfilment,
        Fulfilment::Shipped | Fulfilment::Delivered | Fulfilment::Cancelled
    )
}

/// The fulfilment a status means.
fn fulfilment(status: OrderStatus) -> Fulfilment {
    use OrderStatus as S;
    match status {
        S::AwaitingPayment | S::PaymentFailed | S::Authorized | S::Paid | S::PaymentExpired => {
            Fulfilment::Placed
        }
        S::InProduction => Fulfilment::InProduction,
        S::Shipped => Fulfilment::Shipped,
        S::Delivered => Fulfilment::Delivered,
        S::Cancelled => Fulfilment::Cancelled,
    }
}

/// Where the order stands. `money.debited` counts for the statuses where
/// it is not implied (in production, cancelled); a shipped order is
/// debited whatever the flag says (its capture is what shipped it).
pub fn standing(status: OrderStatus, money: MoneyFacts) -> Standing {
    use OrderStatus as S;
    let fulfilment = match fulfilment(status) {
        Fulfilment::Placed if money.production_started => Fulfilment::InProduction,
        other => other,
    };
    let taken = match status {
        S::Paid | S::Shipped | S::Delivered => true,
        S::InProduction | S::Cancelled => money.debited,
        S::AwaitingPayment | S::PaymentFailed | S::Authorized | S::PaymentExpired => false,
    };
    let payment = if taken {
        if money.refunded_cents <= 0 {
            PaymentState::Debited
        } else if money.refunded_cents >= money.total_cents {
            PaymentState::Refunded
        } else {
            PaymentState::PartiallyRefunded
        }
    } else {
        match status {
            S::PaymentFailed => PaymentState::Refused,
            S::PaymentExpired => PaymentState::Lapsed,
            S::Authorized | S::InProduction => PaymentState::Authorized,
            _ => PaymentState::Unpaid,
        }
    };
    let headline = match status {
        S::AwaitingPayment => Headline::AwaitingPayment,
        S::PaymentFailed => Headline::PaymentRefused,
        S::PaymentExpired => Headline::PayAgain,
        S::Authorized => Headline::ConfirmedDebitAtShipment,
        S::Paid if payment == PaymentState::Refunded => Headline::CancelledRefunded,
        S::Paid => Headline::ConfirmedDebited,
        S::InProduction => Headline::InProduction,
        S::Shipped | S::Delivered if payment == PaymentState::Refunded => Headline::Refunded,
        S::Shipped => Headline::Shipped,
        S::Delivered => Headline::Delivered,
        S::Cancelled if taken => Headline::CancelledRefunded,
        S::Cancelled => Headline::CancelledNothingDebited,
    };
    Standing {
        fulfilment,
        payment,
        headline,
    }
}

/// Where an order known only by its status stands (a list line, a
/// tracking answer): its money is what the status implies, no refund.
pub fn standing_of_status(status: OrderStatus) -> Standing {
    standing(status, MoneyFacts::default())
}

impl Order {
    /// Where this order stands, from its status and its payment.
    pub fn standing(&self) -> Standing {
        standing(
            self.status,
            MoneyFacts {
                debited: self.payment.debited,
                refunded_cents: self.payment.refunded.map_or(0, |m| m.cents),
                total_cents: self.totals.total.cents,
                production_started: self
                    .timeline
                    .iter()
                    .any(|event| event.kind == super::tracking::TimelineKind::InProduction),
            },
        )
    }
}

/// A card brand as the PSP names it (`visa`, `cartes_bancaires`…), in the
/// words shoppers know; `None` for a brand the shop does not know.
pub fn brand_name(brand: &str) -> Option<&'static str> {
    Some(match brand {
        "visa" => "Visa",
        "mastercard" => "Mastercard",
        "maestro" => "Maestro",
        "amex" => "American Express",
        "cartes_bancaires" => "CB",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus as S;

    const ALL: [OrderStatus; 9] = [
        S::AwaitingPayment,
        S::PaymentFailed,
        S::Authorized,
        S::Paid,
        S::InProduction,
        S::Shipped,
        S::Delivered,
        S::Cancelled,
        S::PaymentExpired,
    ];

    /// Nothing refunded, a part, all of it.
    const REFUNDS: [i64; 3] = [0, 1000, 4599];

    fn money(debited: bool, refunded_cents: i64) -> MoneyFacts {
        MoneyFacts {
            debited,
            refunded_cents,
            total_cents: 4599,
            production_started: false,
        }
    }

    #[test]
    fn an_order_whose_authorization_lapsed_in_production_is_still_in_production() {
        let lapsed = standing(
            OrderStatus::PaymentExpired,
            MoneyFacts {
                production_started: true,
                ..money(false, 0)
            },
        );
        assert_eq!(lapsed.fulfilment, Fulfilment::InProduction);
        assert_eq!(lapsed.payment, PaymentState::Lapsed);
        assert_eq!(
            standing(OrderStatus::PaymentExpired, money(false, 0)).fulfilment,
            Fulfilment::Placed
        );
    }

    #[test]
    fn every_combination_has_one_sensible_answer() {
        for status in ALL {
            for debited in [false, true] {
                for refunded in REFUNDS {
                    let got = standing(status, money(debited, refunded));
                    let case = format!("{status:?} debited={debited} refunded={refunded}");
                    // Fulfilment follows the status alone.
                    assert_eq!(got.fulfilment, fulfilment(status), "{case}");
                    // Money is refunded only once it was taken.
                    let refund_shown = matches!(
                        got.payment,
                        PaymentState::Refunded | PaymentState::PartiallyRefunded
                    );
                    if refund_shown {
                        assert!(refunded > 0, "{case}");
                        assert!(
                            matches!(
                                status,
                                S::Paid
                                    | S::InProduction
                                    | S::Shipped
                                    | S::Delivered
                                    | S::Cancelled
                            ),
                            "{case}"
                        );
                    }
                    if refunded == 4599 && got.payment != PaymentState::Refunded {
                        assert!(!refund_shown, "a full refund reads as full: {case}");
                    }
                    // A shipped order was debited, whatever else happened.
                    if matches!(status, S::Shipped | S::Delivered) {
                        assert!(
                            matches!(
                                got.payment,
                                PaymentState::Debited
                                    | PaymentState::PartiallyRefunded
                                    | PaymentState::Refunded
                            ),
                            "{case}"
                        );
                    }
                    // Unpaid orders never read as confirmed.
                    if status.payable() {
                        assert!(
                            matches!(
                                got.headline,
                                Headline::AwaitingPayment
                                    | Headline::PaymentRefused
                                    | Headline::PayAgain
                            ),
                            "{case}"
                        );
                    }
                    // A cancelled order says whether money came back.
                    if status == S::Cancelled {
                        let expected = if debited {
                            Headline::CancelledRefunded
                        } else {
                            Headline::CancelledNothingDebited
                        };
                        assert_eq!(got.headline, expected, "{case}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_usual_journeys_read_as_expected() {
        let card = |status| standing(status, money(status == S::Shipped, 0));
        assert_eq!(
            card(S::AwaitingPayment),
            Standing {
                fulfilment: Fulfilment::Placed,
                payment: PaymentState::Unpaid,
                headline: Headline::AwaitingPayment
            }
        );
        assert_eq!(card(S::PaymentFailed).payment, PaymentState::Refused);
        assert_eq!(card(S::Authorized).payment, PaymentState::Authorized);
        assert_eq!(
            card(S::Authorized).headline,
            Headline::ConfirmedDebitAtShipment
        );
        assert_eq!(card(S::InProduction).payment, PaymentState::Authorized);
        assert_eq!(card(S::Shipped).payment, PaymentState::Debited);
        assert_eq!(card(S::Shipped).headline, Headline::Shipped);
        assert_eq!(card(S::PaymentExpired).payment, PaymentState::Lapsed);
        assert_eq!(card(S::PaymentExpired).headline, Headline::PayAgain);
        assert_eq!(
            standing(S::Cancelled, money(false, 0)).payment,
            PaymentState::Unpaid
        );

        let wallet = |status, refunded| standing(status, money(true, refunded));
        assert_eq!(wallet(S::Paid, 0).headline, Headline::ConfirmedDebited);
        assert_eq!(wallet(S::InProduction, 0).payment, PaymentState::Debited);
        assert_eq!(
            wallet(S::Paid, 1000).payment,
            PaymentState::PartiallyRefunded
        );
        assert_eq!(wallet(S::Cancelled, 4599).payment, PaymentState::Refunded);
        assert_eq!(
            wallet(S::Cancelled, 4599).headline,
            Headline::CancelledRefunded
        );
    }

    #[test]
    fn a_refunded_shipment_stays_shipped() {
        let refunded = standing(S::Shipped, money(true, 4599));
        assert_eq!(refunded.fulfilment, Fulfilment::Shipped);
        assert_eq!(refunded.payment, PaymentState::Refunded);
        assert_eq!(refunded.headline, Headline::Refunded);
        let part = standing(S::Delivered, money(true, 1000));
        assert_eq!(part.fulfilment, Fulfilment::Delivered);
        assert_eq!(part.payment, PaymentState::PartiallyRefunded);
        assert_eq!(part.headline, Headline::Delivered);
    }

    #[test]
    fn settled_orders_are_shipped_delivered_or_cancelled() {
        let settled_ones: Vec<_> = ALL.into_iter().filter(|s| settled(*s)).collect();
        assert_eq!(settled_ones, [S::Shipped, S::Delivered, S::Cancelled]);
    }

    #[test]
    fn a_status_alone_reads_without_refunds() {
        for status in ALL {
            assert_eq!(
                standing_of_status(status),
                standing(status, MoneyFacts::default())
            );
        }
        assert_eq!(standing_of_status(S::Paid).payment, PaymentState::Debited);
    }

    #[test]
    fn brands_have_their_shoppers_names() {
        assert_eq!(brand_name("visa"), Some("Visa"));
        assert_eq!(brand_name("mastercard"), Some("Mastercard"));
        assert_eq!(brand_name("maestro"), Some("Maestro"));
        assert_eq!(brand_name("amex"), Some("American Express"));
        assert_eq!(brand_name("cartes_bancaires"), Some("CB"));
        assert_eq!(brand_name("discover"), None);
    }
}
