//! Stored cards (card on file), without HTTP or SQL: what the sandbox keeps
//! of a card the shopper agreed to leave with the merchant, and what the
//! issuer answers when the merchant charges it without the shopper (API.md,
//! "Stored cards and merchant-initiated payments"). A stored card is its
//! brand, last four digits and expiry, never its number or security code.

use crate::cards::{Brand, DeclineCode, Expiry, MerchantInitiated, YearMonth};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCard {
    /// `card_` + 24 lowercase hex characters.
    pub id: String,
    /// Whose card on file it is: only that merchant may use or read it.
    pub merchant: String,
    pub brand: Brand,
    pub last4: String,
    pub expiry: Expiry,
    /// The test card's behaviour on merchant-initiated use, kept in place
    /// of the number that decided it.
    pub merchant_initiated: MerchantInitiated,
    pub created_at: i64,
}

impl StoredCard {
    /// The issuer's answer to a merchant-initiated authorization in the
    /// month `today`: a card past its expiry is refused whatever it is.
    pub fn authorization(&self, today: YearMonth) -> Result<(), DeclineCode> {
        if self.expiry.is_past(today) {
            return Err(DeclineCode::ExpiredCard);
        }
        match self.merchant_initiated {
            MerchantInitiated::Approve => Ok(()),
            MerchantInitiated::Decline(code) => Err(code),
        }
    }
}

/// A stored card as `GET /v1/stored-cards/{id}` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct StoredCardView {
    pub id: String,
    pub brand: &'static str,
    pub last4: String,
    pub expiry_month: u32,
    pub expiry_year: i32,
    pub created_at: i64,
}

impl From<&StoredCard> for StoredCardView {
    fn from(card: &StoredCard) -> Self {
        Self {
            id: card.id.clone(),
            brand: card.brand.as_str(),
            last4: card.last4.clone(),
            expiry_month: card.expiry.month,
            expiry_year: card.expiry.year,
            created_at: card.created_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(merchant_initiated: MerchantInitiated) -> StoredCard {
        StoredCard {
            id: "card_000000000000000000000000".into(),
            merchant: "default".into(),
            brand: Brand::Visa,
            last4: "4242".into(),
            expiry: Expiry {
                month: 3,
                year: 2028,
            },
            merchant_initiated,
            created_at: 1_790_000_000,
        }
    }

    #[test]
    fn a_stored_card_authorizes_through_its_expiry_month_only() {
        let card = stored(MerchantInitiated::Approve);
        let march = YearMonth {
            year: 2028,
            month: 3,
        };
        let april = YearMonth {
            year: 2028,
            month: 4,
        };
        assert_eq!(card.authorization(march), Ok(()));
        assert_eq!(card.authorization(april), Err(DeclineCode::ExpiredCard));
    }

    #[test]
    fn the_issuer_refuses_what_the_test_card_says() {
        let today = YearMonth {
            year: 2027,
            month: 1,
        };
        let card = stored(MerchantInitiated::Decline(DeclineCode::InsufficientFunds));
        assert_eq!(
            card.authorization(today),
            Err(DeclineCode::InsufficientFunds)
        );
        let view = StoredCardView::from(&card);
        assert_eq!(
            (view.brand, view.expiry_month, view.expiry_year),
            ("visa", 3, 2028)
        );
    }
}
