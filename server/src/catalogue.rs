//! The catalogue and its pricing rules: the only place in the shop where a
//! price is computed. Loaded from the database (seeded by migration) once at
//! start-up and kept in memory (`cache.rs`), priced here in integer cents
//! with overflow checks.

pub mod cache;
pub mod cart;

use shop_api::Money;
use shop_api::catalogue::{Catalogue, ProductChoice, ProductKind, Quote};

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PricingError {
    #[error("no such product")]
    UnknownProduct,
    #[error("no such format or cover, or an option this product does not take")]
    UnknownOption,
    #[error("quantity outside 1 and the product's maximum")]
    InvalidQuantity,
    #[error("page count not even, or outside the format's range")]
    InvalidPages,
}

/// The price of one configured product.
pub fn quote(catalogue: &Catalogue, choice: &ProductChoice) -> Result<Quote, PricingError> {
    let product = catalogue
        .products
        .iter()
        .find(|p| p.id == choice.product_id)
        .ok_or(PricingError::UnknownProduct)?;
    let format = product
        .formats
        .iter()
        .find(|f| f.id == choice.format_id)
        .ok_or(PricingError::UnknownOption)?;
    if choice.quantity == 0 || choice.quantity > product.max_quantity {
        return Err(PricingError::InvalidQuantity);
    }
    let is_book = product.kind == ProductKind::PhotoBook;
    if !is_book && (choice.pages.is_some() || choice.cover_id.is_some()) {
        return Err(PricingError::UnknownOption);
    }
    // Volume prices apply to the units of one format ordered together.
    let mut unit = format
        .volume_prices
        .iter()
        .filter(|tier| choice.quantity >= tier.min_quantity)
        .map(|tier| tier.unit_price)
        .min()
        .unwrap_or(format.unit_price)
        .min(format.unit_price);
    if is_book {
        let rule = format.pages.ok_or(PricingError::UnknownOption)?;
        let pages = choice.pages.ok_or(PricingError::InvalidPages)?;
        if !pages.is_multiple_of(2) || pages < rule.base || pages > rule.max {
            return Err(PricingError::InvalidPages);
        }
        let cover_id = choice
            .cover_id
            .as_deref()
            .ok_or(PricingError::UnknownOption)?;
        let cover = product
            .covers
            .iter()
            .find(|c| c.id == cover_id)
            .ok_or(PricingError::UnknownOption)?;
        let extra_pages = rule
            .extra_page_price
            .checked_mul(i64::from(pages - rule.base))
            .ok_or(PricingError::InvalidPages)?;
        unit = unit
            .checked_add(extra_pages)
            .and_then(|u| u.checked_add(cover.price))
            .ok_or(PricingError::InvalidPages)?;
    }
    let total = unit
        .checked_mul(i64::from(choice.quantity))
        .ok_or(PricingError::InvalidQuantity)?;
    Ok(Quote {
        unit_price: unit,
        quantity: choice.quantity,
        total,
    })
}

/// The lowest unit price a product can reach, for "à partir de".
pub fn from_price(
    formats: &[shop_api::catalogue::Format],
    covers: &[shop_api::catalogue::Cover],
) -> Money {
    let cheapest_cover = covers.iter().map(|c| c.price).min();
    formats
        .iter()
        .flat_map(|f| {
            std::iter::once(f.unit_price).chain(f.volume_prices.iter().map(|t| t.unit_price))
        })
        .min()
        .map(|unit| match cheapest_cover {
            Some(cover) => unit.checked_add(cover).unwrap_or(unit),
            None => unit,
        })
        .unwrap_or(Money::eur(0))
}

#[cfg(test)]
mod tests;
