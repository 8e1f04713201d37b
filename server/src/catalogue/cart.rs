//! Cart totals: each line priced by the catalogue, then delivery (waived
//! from the free-delivery threshold for the options that allow it), the VAT
//! the total includes, and the total.

use super::{PricingError, quote};
use shop_api::Money;
use shop_api::cart::{CartContents, CartTotals, DeliveryCharge, MAX_CART_LINES, vat_part};
use shop_api::catalogue::Catalogue;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CartError {
    #[error("line {index}: {error}")]
    Line { index: usize, error: PricingError },
    #[error("no such delivery option")]
    UnknownDeliveryOption,
    #[error("more than {MAX_CART_LINES} lines")]
    TooManyLines,
    #[error("total too large")]
    Overflow,
}

pub fn totals(catalogue: &Catalogue, contents: &CartContents) -> Result<CartTotals, CartError> {
    if contents.lines.len() > MAX_CART_LINES {
        return Err(CartError::TooManyLines);
    }
    let lines = contents
        .lines
        .iter()
        .enumerate()
        .map(|(index, choice)| {
            quote(catalogue, choice).map_err(|error| CartError::Line { index, error })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let subtotal = lines
        .iter()
        .try_fold(Money::eur(0), |sum, line| sum.checked_add(line.total))
        .ok_or(CartError::Overflow)?;
    let threshold = catalogue.free_delivery_threshold;
    let reached = subtotal >= threshold;
    let delivery = match &contents.delivery_option_id {
        None => None,
        Some(id) => {
            let option = catalogue
                .delivery_options
                .iter()
                .find(|option| &option.id == id)
                .ok_or(CartError::UnknownDeliveryOption)?;
            let waived = reached && option.free_above_threshold;
            Some(DeliveryCharge {
                option_id: option.id.clone(),
                price: if waived { Money::eur(0) } else { option.price },
                waived,
            })
        }
    };
    let total = match &delivery {
        Some(charge) => subtotal
            .checked_add(charge.price)
            .ok_or(CartError::Overflow)?,
        None => subtotal,
    };
    let missing = (!reached && !lines.is_empty()).then(|| Money {
        cents: threshold.cents - subtotal.cents,
        currency: threshold.currency,
    });
    Ok(CartTotals {
        lines,
        subtotal,
        delivery,
        missing_for_free_delivery: missing,
        vat_included: vat_part(total),
        total,
    })
}
