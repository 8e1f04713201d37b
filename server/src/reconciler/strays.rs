//! PSP events kept because their payment was no order's current payment
//! when they arrived (`psp_webhooks.rs` keeps them in `psp_stray_events`).
//! A payment an order has now (it was recording the payment as the event
//! came) is applied to it; any other payment belongs to no live order — its
//! reference names no order, or an order paid by another payment — and the
//! shopper must not be charged for it: an authorization is voided, a
//! capture refunded. An order's current payment is never touched here.

use super::journal::Journal;
use super::{PER_RUN, ReconcileError, Reconciler, STRAY_GRACE_SECONDS};
use crate::db::words::word_of;
use crate::payments::{Payment, PaymentStatus, ProviderError};
use shop_api::reconcile::ReconcileKind;

impl Reconciler {
    pub(super) async fn strays(
        &self,
        journal: &mut Journal<'_>,
        now: i64,
    ) -> Result<(), ReconcileError> {
        let db = &self.inner.db;
        let payments = db
            .unresolved_stray_payments(now - STRAY_GRACE_SECONDS, PER_RUN)
            .await?;
        for payment_id in payments {
            let payment = match self.inner.psp.payment(&payment_id).await {
                Ok(payment) => payment,
                Err(ProviderError::NotFound) => {
                    self.settle(
                        journal,
                        now,
                        ReconcileKind::StraySettled,
                        None,
                        &payment_id,
                        "the PSP knows no such payment: nothing to do".into(),
                    )
                    .await?;
                    continue;
                }
                // The PSP is down: the other kept events wait for the next
                // pass too, rather than each journalling the same failure.
                Err(error @ ProviderError::Unreachable(_)) => {
                    journal
                        .record(
                            ReconcileKind::Failed,
                            None,
                            Some(&payment_id),
                            format!("the PSP did not answer ({error}): kept events left for the next pass"),
                        )
                        .await;
                    break;
                }
                // Left unresolved: the next pass tries again.
                Err(error) => {
                    journal
                        .record(
                            ReconcileKind::Failed,
                            None,
                            Some(&payment_id),
                            format!("could not read the stray payment at the PSP: {error}"),
                        )
                        .await;
                    continue;
                }
            };
            if let Some(row) = db.order_by_payment(&payment.id).await? {
                if let Err(error) = self.orders().apply(&row, &payment, now).await {
                    journal
                        .record(
                            ReconcileKind::Failed,
                            Some(&row.id),
                            Some(&payment_id),
                            format!("could not apply the kept event to its order: {error}"),
                        )
                        .await;
                    continue;
                }
                self.settle(
                    journal,
                    now,
                    ReconcileKind::StrayApplied,
                    Some(&row.id),
                    &payment_id,
                    "the order recorded this payment after its event came: applied".into(),
                )
                .await?;
                continue;
            }
            let owner = self.owner(&payment).await?;
            match payment.status {
                PaymentStatus::Authorized => {
                    let key = format!("stray-{payment_id}-void");
                    let done = self.inner.psp.cancel(&payment_id, &key).await;
                    self.after_release(journal, now, &payment, &owner, done, true)
                        .await?;
                }
                PaymentStatus::Captured | PaymentStatus::PartiallyRefunded => {
                    let key = format!("stray-{payment_id}-refund");
                    let done = self.inner.psp.refund(&payment_id, None, &key).await;
                    self.after_release(journal, now, &payment, &owner, done, false)
                        .await?;
                }
                status => {
                    self.settle(
                        journal,
                        now,
                        ReconcileKind::StraySettled,
                        None,
                        &payment_id,
                        format!("{owner}; the payment is {status:?}: nothing to do"),
                    )
                    .await?;
                }
            }
        }
        Ok(())
    }

    /// Whom the payment's reference names, in words, for the journal.
    async fn owner(&self, payment: &Payment) -> Result<String, ReconcileError> {
        let Some(reference) = payment.merchant_reference.as_deref() else {
            return Ok("no order reference".into());
        };
        Ok(match self.inner.db.order_by_id(reference).await? {
            Some(order) => format!(
                "order {} is {} with payment {}",
                order.id,
                word_of(order.status),
                order.payment_id.as_deref().unwrap_or("none")
            ),
            None => format!("reference {reference:?} is no order"),
        })
    }

    /// Records the void (`void`) or refund of a stray payment, or what the
    /// PSP's refusal means: a payment that can no longer be released holds
    /// nothing, which is read again, not assumed.
    async fn after_release(
        &self,
        journal: &mut Journal<'_>,
        now: i64,
        payment: &Payment,
        owner: &str,
        done: Result<Payment, ProviderError>,
        void: bool,
    ) -> Result<(), ReconcileError> {
        let (kind, verb) = if void {
            (ReconcileKind::StrayVoided, "voided")
        } else {
            (ReconcileKind::StrayRefunded, "refunded")
        };
        match done {
            Ok(after) => {
                self.settle(
                    journal,
                    now,
                    kind,
                    None,
                    &payment.id,
                    format!(
                        "belongs to no live order ({owner}): {verb} {} cents, now {:?}",
                        payment.amount_cents, after.status
                    ),
                )
                .await
            }
            Err(ProviderError::InvalidState | ProviderError::AuthorizationExpired) => {
                match self.inner.psp.payment(&payment.id).await {
                    Ok(again)
                        if !matches!(
                            again.status,
                            PaymentStatus::Authorized
                                | PaymentStatus::Captured
                                | PaymentStatus::PartiallyRefunded
                        ) =>
                    {
                        self.settle(
                            journal,
                            now,
                            ReconcileKind::StraySettled,
                            None,
                            &payment.id,
                            format!(
                                "{owner}; the payment became {:?}: nothing to do",
                                again.status
                            ),
                        )
                        .await
                    }
                    _ => {
                        journal
                            .record(
                                ReconcileKind::Failed,
                                None,
                                Some(&payment.id),
                                format!("the PSP refused to release the stray payment ({owner})"),
                            )
                            .await;
                        Ok(())
                    }
                }
            }
            Err(error) => {
                journal
                    .record(
                        ReconcileKind::Failed,
                        None,
                        Some(&payment.id),
                        format!("could not release the stray payment ({owner}): {error}"),
                    )
                    .await;
                Ok(())
            }
        }
    }

    /// Marks the payment's kept events resolved and journals how.
    async fn settle(
        &self,
        journal: &mut Journal<'_>,
        now: i64,
        kind: ReconcileKind,
        order_id: Option<&str>,
        payment_id: &str,
        resolution: String,
    ) -> Result<(), ReconcileError> {
        // Journal first: a reader that finds the event resolved finds its
        // action too (a crash between the two settles it again next pass,
        // with the same PSP keys, and journals it twice at worst).
        journal
            .record(kind, order_id, Some(payment_id), resolution.clone())
            .await;
        self.inner
            .db
            .resolve_stray_payment(payment_id, now, &resolution)
            .await?;
        Ok(())
    }
}
