//! Cart totals as the server computes them: the storefront sends what is in
//! the cart (choices, delivery option) and shows what comes back.

use crate::Money;
use crate::catalogue::{ProductChoice, Quote};
use serde::{Deserialize, Serialize};

/// Most lines a cart may hold.
pub const MAX_CART_LINES: usize = 100;

/// Body of `POST /api/v1/cart/totals`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartContents {
    pub lines: Vec<ProductChoice>,
    /// `None` until the shopper picks one: totals then leave delivery out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_option_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartTotals {
    /// One quote per line, in the order sent.
    pub lines: Vec<Quote>,
    pub subtotal: Money,
    pub delivery: Option<DeliveryCharge>,
    /// What is missing for free delivery; `None` once reached.
    pub missing_for_free_delivery: Option<Money>,
    /// The VAT (20 %) the total includes.
    pub vat_included: Money,
    pub total: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryCharge {
    pub option_id: String,
    pub price: Money,
    /// True when the free-delivery threshold waived the option's price.
    pub waived: bool,
}

/// French VAT on photo products and their delivery.
pub const VAT_PERCENT: i64 = 20;

/// The VAT part of a VAT-inclusive amount, rounded to the nearest cent.
pub fn vat_part(inclusive: Money) -> Money {
    let cents = inclusive.cents;
    let divisor = 100 + VAT_PERCENT;
    // Half away from zero, in integers.
    let rounded = (cents * VAT_PERCENT * 2 + cents.signum() * divisor) / (2 * divisor);
    Money {
        cents: rounded,
        currency: inclusive.currency,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_is_the_included_fifth_of_a_sixth() {
        assert_eq!(vat_part(Money::eur(12_000)), Money::eur(2_000));
        assert_eq!(vat_part(Money::eur(2_999)), Money::eur(500)); // 499.83 → 500
        assert_eq!(vat_part(Money::eur(19)), Money::eur(3)); // 3.17 → 3
        assert_eq!(vat_part(Money::eur(3)), Money::eur(1)); // 0.5 → 1
        assert_eq!(vat_part(Money::eur(0)), Money::eur(0));
    }
}
