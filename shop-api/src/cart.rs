//! Cart totals as the server computes them: the storefront sends what is in
//! the cart (choices, delivery option) and shows what comes back.

use crate::Money;
use crate::catalogue::{ProductChoice, Quote};
use serde::{Deserialize, Serialize};

/// Most lines a cart may hold.
pub const MAX_CART_LINES: usize = 100;

/// One project in the cart, as the guest's browser and the server keep it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    pub project_id: String,
    /// Shown in the cart; the project may live only in the browser.
    pub project_name: String,
    /// The project's options; `quantity` is the units in one copy (see
    /// [`crate::project::ProjectDraft::choice`]).
    pub choice: ProductChoice,
    /// Copies of the project ordered, from 1.
    pub copies: u32,
}

impl CartLine {
    /// The line as priced: units per copy times copies, `None` on overflow.
    pub fn priced_choice(&self) -> Option<ProductChoice> {
        Some(ProductChoice {
            quantity: self.choice.quantity.checked_mul(self.copies)?,
            ..self.choice.clone()
        })
    }
}

/// A cart: a guest's in the browser, a signed-in shopper's on the server
/// (`GET`/`PUT /api/v1/cart`, `POST /api/v1/cart/merge`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cart {
    pub lines: Vec<CartLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_option_id: Option<String>,
}

impl Cart {
    /// Copies in the cart, for the header's count.
    pub fn item_count(&self) -> u32 {
        self.lines
            .iter()
            .fold(0u32, |sum, line| sum.saturating_add(line.copies))
    }

    /// What `POST /api/v1/cart/totals` prices; `None` when a line overflows.
    pub fn contents(&self) -> Option<CartContents> {
        Some(CartContents {
            lines: self
                .lines
                .iter()
                .map(CartLine::priced_choice)
                .collect::<Option<_>>()?,
            delivery_option_id: self.delivery_option_id.clone(),
        })
    }

    /// The guest's cart folded into the account's at sign-in: a project in
    /// both keeps the larger number of copies; the guest's other lines are
    /// added after the account's, up to [`MAX_CART_LINES`].
    pub fn merged_with(mut self, guest: Cart) -> Cart {
        for line in guest.lines {
            let kept = self
                .lines
                .iter()
                .position(|kept| kept.project_id == line.project_id);
            match kept {
                Some(index) if line.copies > self.lines[index].copies => self.lines[index] = line,
                Some(_) => {}
                None if self.lines.len() < MAX_CART_LINES => self.lines.push(line),
                None => {}
            }
        }
        if self.delivery_option_id.is_none() {
            self.delivery_option_id = guest.delivery_option_id;
        }
        self
    }
}

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

    fn line(project: &str, quantity: u32, copies: u32) -> CartLine {
        CartLine {
            project_id: project.into(),
            project_name: project.into(),
            choice: ProductChoice {
                product_id: "tirages".into(),
                format_id: "10x15".into(),
                quantity,
                pages: None,
                cover_id: None,
            },
            copies,
        }
    }

    #[test]
    fn copies_multiply_the_units_of_a_project() {
        let cart = Cart {
            lines: vec![line("a", 12, 2), line("b", 1, 3)],
            delivery_option_id: None,
        };
        let contents = cart.contents().unwrap();
        assert_eq!(contents.lines[0].quantity, 24);
        assert_eq!(contents.lines[1].quantity, 3);
        assert_eq!(cart.item_count(), 5);
        assert_eq!(line("x", u32::MAX, 2).priced_choice(), None);
    }

    #[test]
    fn merging_keeps_the_larger_copy_count_and_adds_the_rest() {
        let account = Cart {
            lines: vec![line("a", 10, 1), line("b", 1, 4)],
            delivery_option_id: Some("express".into()),
        };
        let guest = Cart {
            lines: vec![line("b", 1, 2), line("a", 10, 3), line("c", 1, 1)],
            delivery_option_id: Some("standard".into()),
        };
        let merged = account.merged_with(guest);
        let copies: Vec<(&str, u32)> = merged
            .lines
            .iter()
            .map(|l| (l.project_id.as_str(), l.copies))
            .collect();
        assert_eq!(copies, [("a", 3), ("b", 4), ("c", 1)]);
        assert_eq!(merged.delivery_option_id.as_deref(), Some("express"));
    }

    #[test]
    fn vat_is_the_included_fifth_of_a_sixth() {
        assert_eq!(vat_part(Money::eur(12_000)), Money::eur(2_000));
        assert_eq!(vat_part(Money::eur(2_999)), Money::eur(500)); // 499.83 → 500
        assert_eq!(vat_part(Money::eur(19)), Money::eur(3)); // 3.17 → 3
        assert_eq!(vat_part(Money::eur(3)), Money::eur(1)); // 0.5 → 1
        assert_eq!(vat_part(Money::eur(0)), Money::eur(0));
    }
}
