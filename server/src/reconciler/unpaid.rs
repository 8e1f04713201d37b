//! Orders left unpaid: still `awaiting_payment` or `payment_failed`
//! [`UNPAID_SECONDS`] after they were made, they are cancelled through the
//! operators' cancellation (which closes the PSP session, so the shopper
//! cannot pay a cancelled order). The payment is read first: an order whose
//! webhook was lost but which the shopper did pay is brought up to date,
//! never cancelled.

use super::journal::Journal;
use super::{PER_RUN, ReconcileError, Reconciler, UNPAID_SECONDS};
use crate::db::words::word_of;
use crate::orders::lifecycle::OperatorAction;
use crate::payments::ProviderError;
use shop_api::order::OrderStatus;
use shop_api::reconcile::ReconcileKind;

impl Reconciler {
    pub(super) async fn unpaid(
        &self,
        journal: &mut Journal<'_>,
        now: i64,
    ) -> Result<(), ReconcileError> {
        let db = &self.inner.db;
        let orders = self.orders();
        for row in db
            .unpaid_orders_before(now - UNPAID_SECONDS, PER_RUN)
            .await?
        {
            let payment_id = row.payment_id.clone();
            if let Some(payment_id) = payment_id.as_deref() {
                let payment = match self.inner.psp.payment(payment_id).await {
                    Ok(payment) => payment,
                    Err(error) => {
                        let unreachable = matches!(error, ProviderError::Unreachable(_));
                        journal
                            .record(
                                ReconcileKind::Failed,
                                Some(&row.id),
                                Some(payment_id),
                                format!("unpaid for 24 hours but its payment could not be read, so not cancelled: {error}"),
                            )
                            .await;
                        // The PSP is down: the other orders wait for the
                        // next pass rather than each journalling it.
                        if unreachable {
                            break;
                        }
                        continue;
                    }
                };
                if let Err(error) = orders.apply(&row, &payment, now).await {
                    journal
                        .record(
                            ReconcileKind::Failed,
                            Some(&row.id),
                            Some(payment_id),
                            format!("unpaid for 24 hours but the PSP's answer could not be applied, so not cancelled: {error}"),
                        )
                        .await;
                    continue;
                }
            }
            let Some(row) = db.order_by_id(&row.id).await? else {
                continue;
            };
            if !matches!(
                row.status,
                OrderStatus::AwaitingPayment | OrderStatus::PaymentFailed
            ) {
                continue;
            }
            let from = word_of(row.status);
            match orders
                .operate(row.clone(), OperatorAction::Cancel, now)
                .await
            {
                Ok(_) => {
                    journal
                        .record(
                            ReconcileKind::UnpaidCancelled,
                            Some(&row.id),
                            payment_id.as_deref(),
                            format!(
                                "still {from} {} hours after it was made: cancelled",
                                UNPAID_SECONDS / 3600
                            ),
                        )
                        .await;
                }
                Err(error) => {
                    journal
                        .record(
                            ReconcileKind::Failed,
                            Some(&row.id),
                            payment_id.as_deref(),
                            format!("unpaid for 24 hours, but cancelling failed: {error}"),
                        )
                        .await;
                }
            }
        }
        Ok(())
    }
}
