//! The reconciler: a background task that keeps the shop and the PSP in
//! agreement whatever webhooks were lost or processes crashed. It runs at
//! start-up and every minute — one pass at a time across every server
//! process sharing the database, by a lease row (`db/leases.rs`) — and an
//! operator may ask for a pass at once (`POST /api/v1/operator/reconcile`).
//!
//! Each pass, in this order (so that an order is read at the PSP before it
//! may be cancelled for want of payment):
//! 1. `late_news.rs`: orders whose payment can still move and whose last
//!    PSP news is older than five minutes are read from the PSP and the
//!    answer applied as a webhook's would be (`Orders::apply`);
//! 2. `strays.rs`: PSP events kept because their payment was no order's
//!    current payment are settled: applied if an order has the payment now,
//!    otherwise the payment is voided or refunded so that no shopper is
//!    charged for nothing;
//! 3. `unpaid.rs`: orders left unpaid 24 hours after they were made are
//!    cancelled (the PSP session closed);
//! 4. `expiring.rs`: authorizations nearing their end: renewed on the card
//!    kept on file (`Orders::reauthorize_due`), the rest warned of.
//!
//! Every action is logged and written to `reconciler_actions`
//! (`journal.rs`), which operators read at `GET /api/v1/operator/reconciler`.

mod expiring;
mod journal;
mod late_news;
mod strays;
mod unpaid;

use crate::clock::Clock;
use crate::db::{Database, DbError};
use crate::mail::letters::Letters;
use crate::orders::Orders;
use crate::payments::PaymentProvider;
use journal::Journal;
use shop_api::reconcile::ReconcileSummary;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, watch};
use tokio::task::JoinHandle;

/// The lease's name in the `leases` table.
pub const LEASE_NAME: &str = "reconciler";
/// How often the background task runs a pass.
pub const EVERY: Duration = Duration::from_secs(60);
/// How long a lease lasts: longer than a pass (bounded by [`PER_RUN`] PSP
/// calls per step), so that only a dead holder's lease is taken over.
pub const LEASE_SECONDS: i64 = 10 * 60;
/// PSP news older than this is late: the webhook may be lost.
pub const LATE_NEWS_SECONDS: i64 = 5 * 60;
/// An order still unpaid this long after it was made is cancelled.
pub const UNPAID_SECONDS: i64 = 24 * 3600;
/// A kept event is settled only this long after it arrived: room for an
/// order that is recording the payment at that moment.
pub const STRAY_GRACE_SECONDS: i64 = 60;
/// At most this many orders (or payments) per step and pass.
pub const PER_RUN: i64 = 200;

#[derive(Debug, thiserror::Error)]
pub enum ReconcileError {
    #[error("another server process is reconciling (its lease runs until {until})")]
    Busy { until: i64 },
    #[error(transparent)]
    Db(#[from] DbError),
}

/// The reconciler of one server process; clones share it (the background
/// task and the operator's route).
#[derive(Clone)]
pub struct Reconciler {
    inner: Arc<Inner>,
}

struct Inner {
    db: Database,
    psp: Arc<dyn PaymentProvider>,
    clock: Clock,
    /// The words of the messages the orders it moves send.
    letters: Letters,
    /// This process's lease holder id: random, so that two processes never
    /// take each other's lease for their own.
    holder: String,
    /// One pass at a time within the process: an operator's pass waits for
    /// the background one instead of being refused.
    running: Mutex<()>,
}

impl Reconciler {
    pub fn new(
        db: Database,
        psp: Arc<dyn PaymentProvider>,
        clock: Clock,
        letters: Letters,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                db,
                psp,
                clock,
                letters,
                holder: new_holder_id(),
                running: Mutex::new(()),
            }),
        }
    }

    /// This process's lease holder id.
    pub fn holder(&self) -> &str {
        &self.inner.holder
    }

    /// Runs one pass now: waits for a pass of this process to end, and
    /// answers [`ReconcileError::Busy`] when another process holds the
    /// lease.
    pub async fn pass(&self) -> Result<ReconcileSummary, ReconcileError> {
        let _running = self.inner.running.lock().await;
        let db = &self.inner.db;
        let now = self.inner.clock.now();
        if !db
            .take_lease(LEASE_NAME, self.holder(), now, now + LEASE_SECONDS)
            .await?
        {
            let until = db.lease(LEASE_NAME).await?.map_or(now, |(_, until)| until);
            return Err(ReconcileError::Busy { until });
        }
        let outcome = self.steps(now).await;
        // Released whatever the outcome: the next pass need not wait for
        // the lease to expire.
        if let Err(error) = db.release_lease(LEASE_NAME, self.holder()).await {
            tracing::error!(%error, "reconciler lease not released; it expires by itself");
        }
        let journal = outcome?;
        Ok(journal.summary(now, self.inner.clock.now()))
    }

    async fn steps(&self, now: i64) -> Result<Journal<'_>, ReconcileError> {
        let mut journal = Journal::new(&self.inner.db, now);
        self.late_news(&mut journal, now).await?;
        self.strays(&mut journal, now).await?;
        self.unpaid(&mut journal, now).await?;
        self.expiring(&mut journal, now).await?;
        Ok(journal)
    }

    fn orders(&self) -> Orders<'_> {
        Orders {
            db: &self.inner.db,
            psp: self.inner.psp.as_ref(),
            letters: &self.inner.letters,
        }
    }

    /// Runs a pass at once and then every [`EVERY`] until `stop` changes
    /// (or its sender is dropped). A pass in flight at shutdown is dropped
    /// and its lease released: every PSP call it makes is idempotent, so
    /// the next pass (here or in another process) resumes safely.
    pub fn spawn(self, mut stop: watch::Receiver<bool>) -> JoinHandle<()> {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(EVERY);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = stop.changed() => break,
                    _ = tick.tick() => {}
                }
                tokio::select! {
                    _ = stop.changed() => {
                        let _ = self.inner.db.release_lease(LEASE_NAME, self.holder()).await;
                        break;
                    }
                    outcome = self.pass() => match outcome {
                        Ok(summary) if !summary.actions.is_empty() => {
                            tracing::info!(counts = ?summary.counts, "reconciliation pass done");
                        }
                        Ok(_) => tracing::debug!("reconciliation pass: nothing to do"),
                        Err(ReconcileError::Busy { until }) => {
                            tracing::debug!(until, "another process is reconciling");
                        }
                        Err(error) => tracing::error!(%error, "reconciliation pass failed"),
                    },
                }
            }
            tracing::debug!("reconciler stopped");
        })
    }
}

/// A lease holder id for this process: random, so that two processes (or
/// two tasks of one) never take each other's lease for their own.
pub(crate) fn new_holder_id() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 12];
    OsRng.fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("shop-{}-{hex}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holder_ids_differ_between_reconcilers() {
        assert_ne!(new_holder_id(), new_holder_id());
        assert!(new_holder_id().starts_with("shop-"));
    }
}
