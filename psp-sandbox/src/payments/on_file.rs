//! Card on file (API.md, "Stored cards and merchant-initiated payments"):
//! a shopper's payment made with `store_card` leaves its card stored once
//! authorized, and a merchant-initiated payment is authorized on a stored
//! card at once, without the shopper.

use super::{Card, Events, Initiator, Payment, PaymentError, Status};
use crate::cards::YearMonth;
use crate::stored_cards::StoredCard;

impl Payment {
    /// Whether this payment's card must be stored now: it was authorized
    /// with the shopper's consent and is not stored yet. A declined
    /// attempt never gets here, so it stores nothing.
    pub fn stores_card_now(&self) -> bool {
        self.store_card
            && self.initiator == Initiator::Shopper
            && self.status == Status::Authorized
            && self.stored_card_id.is_none()
    }

    /// The stored card (with the `id` the caller drew) that this payment
    /// leaves, recorded on the payment; `None` unless
    /// [`Self::stores_card_now`].
    pub fn store_card_as(&mut self, id: String, merchant: &str, now: i64) -> Option<StoredCard> {
        if !self.stores_card_now() {
            return None;
        }
        let card = self.card.as_ref()?;
        let stored = StoredCard {
            id: id.clone(),
            merchant: merchant.to_owned(),
            brand: card.brand,
            last4: card.last4.clone()?,
            expiry: crate::cards::Expiry {
                month: card.expiry_month?,
                year: card.expiry_year?,
            },
            merchant_initiated: self.card_merchant_initiated.take()?,
            created_at: now,
        };
        self.stored_card_id = Some(id);
        Some(stored)
    }

    /// A merchant-initiated payment, just created, authorized on `card`:
    /// the issuer answers at once (no 3-D Secure: the shopper is absent).
    pub fn authorize_on_file(
        &mut self,
        card: &StoredCard,
        today: YearMonth,
        now: i64,
        authorization_days: i64,
    ) -> Events {
        if self.initiator != Initiator::Merchant || self.status != Status::RequiresPaymentMethod {
            return Err(PaymentError::InvalidState);
        }
        self.stored_card_id = Some(card.id.clone());
        self.card = Some(Card {
            brand: card.brand,
            last4: Some(card.last4.clone()),
            expiry_month: Some(card.expiry.month),
            expiry_year: Some(card.expiry.year),
        });
        Ok(match card.authorization(today) {
            Ok(()) => self.authorize(now, authorization_days),
            Err(code) => self.decline(code),
        })
    }
}
