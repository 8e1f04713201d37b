//! What an order looks like from outside: the shopper's order and list,
//! the tracking answer for a number and an e-mail; pure, from the stored
//! row.

use super::*;

/// The steps the order has reached, oldest first.
pub(super) fn timeline(row: &OrderRow) -> Vec<TimelineEvent> {
    let mut events: Vec<TimelineEvent> = [
        (TimelineKind::Ordered, Some(row.created_at)),
        (TimelineKind::PaymentAuthorized, row.authorized_at),
        (TimelineKind::InProduction, row.production_started_at),
        (TimelineKind::Shipped, row.shipped_at),
        (TimelineKind::Delivered, row.delivered_at),
        (TimelineKind::Cancelled, row.cancelled_at),
    ]
    .into_iter()
    .filter_map(|(kind, at)| at.map(|at| TimelineEvent { kind, at }))
    .collect();
    // Stable: steps of the same second keep their natural order.
    events.sort_by_key(|event| event.at);
    events
}

/// The parcel, once the order has shipped.
pub(super) fn shipment(row: &OrderRow, status: OrderStatus) -> Option<Shipment> {
    if !matches!(status, OrderStatus::Shipped | OrderStatus::Delivered) {
        return None;
    }
    let carrier = row.carrier?;
    let tracking_number = row.tracking_number.clone()?;
    Some(Shipment {
        carrier,
        tracking_url: carrier.tracking_url(&tracking_number),
        tracking_number,
    })
}

/// What number + e-mail show: no address, no payment, no price, no id.
pub fn to_tracked(row: &OrderRow) -> TrackedOrder {
    let status = row.status;
    let lines: Vec<OrderLine> = serde_json::from_str(&row.lines_json).unwrap_or_default();
    TrackedOrder {
        number: row.number.clone().unwrap_or_default(),
        status,
        lines: lines
            .into_iter()
            .map(|line| TrackedLine {
                project_name: line.project_name,
                product_id: line.choice.product_id,
                copies: line.copies,
            })
            .collect(),
        timeline: timeline(row),
        shipment: shipment(row, status),
        estimated_delivery: row.estimated_delivery.as_deref().and_then(Date::parse),
    }
}
/// Whether a card authorization holds the order's total now (a wallet is
/// debited at once, a card at shipment).
fn held(row: &OrderRow) -> bool {
    row.payment_method == PaymentMethod::Card
        && !row.debited
        && matches!(
            row.status,
            OrderStatus::Authorized | OrderStatus::InProduction
        )
}

/// When the money was taken: a wallet's payment (the order's paid date),
/// a card's capture (its shipment).
fn debited_at(row: &OrderRow) -> Option<i64> {
    if !row.debited {
        return None;
    }
    match row.payment_method {
        PaymentMethod::Card => row.shipped_at,
        PaymentMethod::ApplePay | PaymentMethod::GooglePay => row.authorized_at,
    }
}

/// The API's view of a stored order.
pub fn to_order(row: &OrderRow) -> Order {
    let status = row.status;
    let totals: CartTotals = serde_json::from_str(&row.totals_json).unwrap_or(CartTotals {
        lines: Vec::new(),
        subtotal: Money::eur(0),
        delivery: None,
        missing_for_free_delivery: None,
        vat_included: Money::eur(0),
        total: Money::eur(row.total_cents),
    });
    Order {
        id: row.id.clone(),
        number: row.number.clone().unwrap_or_default(),
        status,
        created_at: row.created_at,
        lines: serde_json::from_str(&row.lines_json).unwrap_or_default(),
        totals,
        delivery_address: serde_json::from_str(&row.address_json).unwrap_or_default(),
        delivery_option_id: row.delivery_option_id.clone(),
        payment: OrderPayment {
            method: row.payment_method,
            hosted_page_url: if status.payable() {
                row.hosted_page_url.clone()
            } else {
                None
            },
            last_decline: row.last_decline,
            debited: row.debited,
            refunded: (row.refunded_cents > 0).then(|| Money::eur(row.refunded_cents)),
            brand: row.card_brand.clone(),
            last4: row.card_last4.clone(),
            authorized: held(row).then(|| Money::eur(row.total_cents)),
            debited_at: debited_at(row),
            // Set by `Orders::shopper_order`, which knows the refusals.
            retry_at: None,
        },
        accepted_terms: row.terms_version.clone().zip(row.terms_accepted_at).map(
            |(version, accepted_at)| AcceptedTerms {
                version,
                accepted_at,
            },
        ),
        timeline: timeline(row),
        shipment: shipment(row, status),
        estimated_delivery: row.estimated_delivery.as_deref().and_then(Date::parse),
    }
}

pub fn to_summary(row: &OrderRow) -> OrderSummary {
    OrderSummary {
        id: row.id.clone(),
        number: row.number.clone().unwrap_or_default(),
        status: row.status,
        created_at: row.created_at,
        total: Money::eur(row.total_cents),
    }
}
