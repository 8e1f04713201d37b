//! Where payment rules meet storage: a change loads the payment, applies
//! a lapsed authorization's expiry first, then the rule, and saves the
//! payment with its webhook events in one transaction. Changes run one at a
//! time (a sandbox's load is tiny), so two captures can never both succeed.

use crate::cards::CheckedCard;
use crate::clock::Clock;
use crate::db::{self, Database, DbError};
use crate::ids::{self, RandomnessError};
use crate::payments::{EventType, NewPayment, Payment, PaymentError, PaymentView};
use crate::wallets::CheckedWallet;
use serde::Serialize;
use std::sync::Arc;
use tokio::sync::{Mutex, Notify};

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("no such payment")]
    NotFound,
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
        let payment = request.into_payment(ids::payment_id()?, self.clock.now())?;
        db::payments::insert(self.db.pool(), &payment).await?;
        Ok(payment)
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
        if payment != before {
            self.save(&mut payment, &events, now).await?;
        }
        Ok(payment)
    }

    async fn save(
        &self,
        payment: &mut Payment,
        events: &[EventType],
        now: i64,
    ) -> Result<(), LedgerError> {
        payment.updated_at = now;
        let mut transaction = self.db.pool().begin().await.map_err(DbError::from)?;
        db::payments::update(&mut transaction, payment).await?;
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
            db::events::insert(&mut transaction, &event).await?;
        }
        transaction.commit().await.map_err(DbError::from)?;
        if !events.is_empty() {
            self.events_stored.notify_one();
        }
        Ok(())
    }
}
