//! Lost webhooks: an order whose payment can still move and of which the
//! PSP said nothing for [`LATE_NEWS_SECONDS`] is read from the PSP, and
//! the answer applied through the webhooks' own path (`Orders::apply`), so
//! the same rules hold: news never moves an order backwards, and a payment
//! that does not match its order is held, not applied.

use super::journal::Journal;
use super::{LATE_NEWS_SECONDS, PER_RUN, ReconcileError, Reconciler};
use crate::db::words::word_of;
use crate::payments::ProviderError;
use shop_api::reconcile::ReconcileKind;

impl Reconciler {
    pub(super) async fn late_news(
        &self,
        journal: &mut Journal<'_>,
        now: i64,
    ) -> Result<(), ReconcileError> {
        let db = &self.inner.db;
        let due = db
            .orders_with_late_news(now - LATE_NEWS_SECONDS, PER_RUN)
            .await?;
        for row in due {
            let Some(payment_id) = row.payment_id.as_deref() else {
                continue;
            };
            let payment = match self.inner.psp.payment(payment_id).await {
                Ok(payment) => payment,
                // The PSP is down: asking about the other orders now would
                // only fill the journal. The next pass starts again here.
                Err(error @ ProviderError::Unreachable(_)) => {
                    journal
                        .record(
                            ReconcileKind::Failed,
                            Some(&row.id),
                            Some(payment_id),
                            format!(
                                "the PSP did not answer ({error}): late news left for the next pass"
                            ),
                        )
                        .await;
                    break;
                }
                // Not marked checked: the next pass asks again.
                Err(error) => {
                    journal
                        .record(
                            ReconcileKind::Failed,
                            Some(&row.id),
                            Some(payment_id),
                            format!("could not read the payment at the PSP: {error}"),
                        )
                        .await;
                    continue;
                }
            };
            if let Err(error) = self.orders().apply(&row, &payment, now).await {
                journal
                    .record(
                        ReconcileKind::Failed,
                        Some(&row.id),
                        Some(payment_id),
                        format!("could not apply the PSP's answer: {error}"),
                    )
                    .await;
                continue;
            }
            db.mark_psp_checked(&row.id, now).await?;
            let after = db.order_by_id(&row.id).await?;
            if let Some(after) = after.filter(|after| after.status != row.status) {
                journal
                    .record(
                        ReconcileKind::LateNewsApplied,
                        Some(&row.id),
                        Some(payment_id),
                        format!(
                            "no PSP news for over {} minutes: read from the PSP, {} → {}",
                            LATE_NEWS_SECONDS / 60,
                            word_of(row.status),
                            word_of(after.status)
                        ),
                    )
                    .await;
            }
        }
        Ok(())
    }
}
