//! Where payment rules meet storage: a change loads the payment, applies
//! a lapsed authorization's expiry first, then the rule, and saves the
//! payment with its webhook events in one transaction. Changes run one at a
//! time (a sandbox's load is tiny), so two captures can never both succeed.
//! A card is stored in the transaction of the authorization that stores it,
//! and a merchant-initiated payment is created already authorized or
//! declined, so no one ever sees it half made.

use crate::cards::CheckedCard;
use crate::clock::Clock;
use crate::db::{self, Database, DbError};
use crate::ids::{self, RandomnessError};
use crate::payments::{EventType, Initiator, NewPayment, Payment, PaymentError, PaymentView};
use crate::stored_cards::StoredCard;
use crate::wallets::CheckedWallet;
use serde::Serialize;
use sqlx::SqliteConnection;
use std::sync::Arc;
use tokio::sync::{Mutex, Notify};

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("no such payment")]
    NotFound,
    #[error("no such stored card")]
    StoredCardNotFound,
    #[error(transparent)]
    Invalid(#[from] crate::payments::InvalidRequest),
    #[error(transparent)]
    Rule(#[from] PaymentError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Randomness(#[from] RandomnessError),
}

pub struct Ledger {
    db: Database,
    clock: Arc<Clock>,
    public_url: String,
    authorization_days: i64,
    writes: Mutex<()>,
    /// Woken when an event is stored, so that webhooks leave at once.
    events_stored: Arc<Notify>,
}

#[derive(Serialize)]
struct EventPayload<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    event_type: &'static str,
    created_at: i64,
    payment: PaymentView,
}

impl Ledger {
    pub fn new(
        db: Database,
        clock: Arc<Clock>,
        public_url: String,
        authorization_days: i64,
    ) -> Self {
        Self {
            db,
            clock,
            public_url,
            authorization_days,
            writes: Mutex::new(()),
            events_stored: Arc::new(Notify::new()),
        }
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub fn database(&self) -> &Database {
        &self.db
    }

    pub fn events_stored(&self) -> Arc<Notify> {
        Arc::clone(&self.events_stored)
    }

    pub fn view(&self, payment: &Payment) -> PaymentView {
        PaymentView::new(payment, &self.public_url)
    }

    pub async fn create(&self, request: NewPayment) -> Result<Payment, LedgerError> {
        let stored_card_id = request.stored_card_id.clone();
        let payment = request.into_payment(ids::payment_id()?, self.clock.now())?;
        if let (Initiator::Merchant, Some(card_id)) = (payment.initiator, stored_card_id) {
            return self.create_merchant_initiated(payment, &card_id).await;
        }
        let mut connection = self.db.pool().acquire().await.map_err(DbError::from)?;
        db::payments::insert(&mut connection, &payment).await?;
        Ok(payment)
    }

    /// A merchant-initiated payment on the merchant's stored card
    /// `card_id`: inserted with the issuer's answer and its event at once.
    async fn create_merchant_initiated(
        &self,
        mut payment: Payment,
        card_id: &str,
    ) -> Result<Payment, LedgerError> {
        // Under the lock, so that a detach cannot slip in between.
        let _one_writer = self.writes.lock().await;
        let card = self.stored_card(card_id).await?;
        let now = self.clock.now();
        let events = payment.authorize_on_file(
            &card,
            self.clock.this_month(),
            now,
            self.authorization_days,
        )?;
        payment.updated_at = now;
        let mut transaction = self.db.pool().begin().await.map_err(DbError::from)?;
        db::payments::insert(&mut transaction, &payment).await?;
        self.record(&mut transaction, &payment, &events, now, None)
            .await?;
        transaction.commit().await.map_err(DbError::from)?;
        self.events_stored.notify_one();
        Ok(payment)
    }

    /// The merchant's stored card `id`; an id of the wrong shape is not
    /// looked for.
    pub async fn stored_card(&self, id: &str) -> Result<StoredCard, LedgerError> {
        if !ids::looks_like("card_", id) {
            return Err(LedgerError::StoredCardNotFound);
        }
        db::stored_cards::find(self.db.pool(), crate::MERCHANT, id)
            .await?
            .ok_or(LedgerError::StoredCardNotFound)
    }

    /// Detaches a stored card: later merchant-initiated use is refused.
    pub async fn delete_stored_card(&self, id: &str) -> Result<(), LedgerError> {
        let _one_writer = self.writes.lock().await;
        let found = ids::looks_like("card_", id)
            && db::stored_cards::delete(self.db.pool(), crate::MERCHANT, id).await?;
        if found {
            Ok(())
        } else {
            Err(LedgerError::StoredCardNotFound)
        }
    }

    /// The payment as it stands now: reading applies a lapsed expiry.
    pub async fn get(&self, id: &str) -> Result<Payment, LedgerError> {
        self.change(id, |_, _| Ok(Vec::new())).await
    }

    pub async fn submit_card(&self, id: &str, card: &CheckedCard) -> Result<Payment, LedgerError> {
        let days = self.authorization_days;
        self.change(id, |p, now| p.submit_card(card, now, days))
            .await
    }

    pub async fn answer_challenge(&self, id: &str, code: &str) -> Result<Payment, LedgerError> {
        let days = self.authorization_days;
        self.change(id, |p, now| p.answer_challenge(code, now, days))
            .await
    }

    pub async fn pay_with_wallet(
        &self,
        id: &str,
        wallet: &CheckedWallet,
    ) -> Result<Payment, LedgerError> {
        let days = self.authorization_days;
        self.change(id, |p, now| p.pay_with_wallet(wallet, now, days))
            .await
    }

    pub async fn capture(&self, id: &str, amount: Option<i64>) -> Result<Payment, LedgerError> {
        self.change(id, |p, _| p.capture(amount)).await
    }

    pub async fn cancel(&self, id: &str) -> Result<Payment, LedgerError> {
        self.change(id, |p, _| p.cancel()).await
    }

    pub async fn refund(&self, id: &str, amount: Option<i64>) -> Result<Payment, LedgerError> {
        self.change(id, |p, _| p.refund(amount)).await
    }

    /// The periodic sweep: lapsed authorizations expire (and say so by
    /// webhook) even when nobody reads them.
    pub async fn expire_lapsed(&self) -> Result<(), LedgerError> {
        for id in db::payments::lapsed_ids(self.db.pool(), self.clock.now()).await? {
            self.get(&id).await?;
        }
        Ok(())
    }

    async fn change(
        &self,
        id: &str,
        rule: impl FnOnce(&mut Payment, i64) -> Result<Vec<EventType>, PaymentError>,
    ) -> Result<Payment, LedgerError> {
        let _one_writer = self.writes.lock().await;
        let mut payment = db::payments::find(self.db.pool(), id)
            .await?
            .ok_or(LedgerError::NotFound)?;
        let now = self.clock.now();
        // The expiry is saved even when the rule then refuses: a capture of
        // a lapsed authorization answers `authorization_expired` and leaves
        // the payment `expired`.
        let expired = payment.expire_if_lapsed(now);
        if !expired.is_empty() {
            self.save(&mut payment, &expired, now).await?;
        }
        let before = payment.clone();
        let events = rule(&mut payment, now)?;
        // Before saving, so that the authorization's event names the card.
        let stored_card = if payment.stores_card_now() {
            payment.store_card_as(ids::stored_card_id()?, crate::MERCHANT, now)
        } else {
            None
        };
        if payment != before {
            self.save_with(&mut payment, &events, now, stored_card.as_ref())
                .await?;
        }
        Ok(payment)
    }

    async fn save(
        &self,
        payment: &mut Payment,
        events: &[EventType],
        now: i64,
    ) -> Result<(), LedgerError> {
        self.save_with(payment, events, now, None).await
    }

    /// Saves a changed payment, its events and the card it stores, if any.
    async fn save_with(
        &self,
        payment: &mut Payment,
        events: &[EventType],
        now: i64,
        stored_card: Option<&StoredCard>,
    ) -> Result<(), LedgerError> {
        payment.updated_at = now;
        let mut transaction = self.db.pool().begin().await.map_err(DbError::from)?;
        db::payments::update(&mut transaction, payment).await?;
        self.record(&mut transaction, payment, events, now, stored_card)
            .await?;
        transaction.commit().await.map_err(DbError::from)?;
        if !events.is_empty() {
            self.events_stored.notify_one();
        }
        Ok(())
    }

    /// Within a payment's transaction: the card it stores, then its events
    /// (each carrying the payment as it now stands).
    async fn record(
        &self,
        connection: &mut SqliteConnection,
        payment: &Payment,
        events: &[EventType],
        now: i64,
        stored_card: Option<&StoredCard>,
    ) -> Result<(), LedgerError> {
        if let Some(card) = stored_card {
            db::stored_cards::insert(&mut *connection, card).await?;
        }
        for event_type in events {
            let id = ids::event_id()?;
            let payload = EventPayload {
                id: &id,
                event_type: event_type.as_str(),
                created_at: now,
                payment: self.view(payment),
            };
            let payload = serde_json::to_string(&payload)
                .map_err(|error| DbError::Corrupt(error.to_string()))?;
            let event = db::events::NewEvent {
                id: &id,
                payment_id: &payment.id,
                event_type: event_type.as_str(),
                created_at: now,
                payload: &payload,
                first_attempt_at: crate::clock::system_millis(),
            };
            db::events::insert(&mut *connection, &event).await?;
        }
        Ok(())
    }
}
