//! Authorizations nearing their end. First those whose card is kept on
//! file are renewed (`Orders::reauthorize_due`: a merchant-initiated
//! authorization a day before the end, the old one voided); then every
//! authorization still expiring within `EXPIRY_WARNING_SECONDS`
//! (`Orders::expiring`) is warned of, once per order in the journal, so
//! that operators ship in time.

use super::journal::Journal;
use super::{ReconcileError, Reconciler};
use crate::db::OrderRow;
use crate::orders::reauthorize::Renewal;
use shop_api::reconcile::ReconcileKind;

impl Reconciler {
    pub(super) async fn expiring(
        &self,
        journal: &mut Journal<'_>,
        now: i64,
    ) -> Result<(), ReconcileError> {
        match self.orders().reauthorize_due(now).await {
            Ok(renewals) => {
                for renewal in renewals {
                    match renewal {
                        Renewal::Renewed {
                            order_id,
                            payment_id,
                        } => {
                            journal
                                .record(
                                    ReconcileKind::Reauthorized,
                                    Some(&order_id),
                                    Some(&payment_id),
                                    "authorization renewed on the card kept on file; the old one voided".into(),
                                )
                                .await;
                        }
                        Renewal::Refused { order_id } => {
                            journal
                                .record(
                                    ReconcileKind::ReauthorizationRefused,
                                    Some(&order_id),
                                    None,
                                    "the PSP refused to authorize the kept card again: the shopper is asked to pay when the authorization lapses".into(),
                                )
                                .await;
                        }
                        // Busy or moved on: the next pass tries again.
                        Renewal::Skipped { .. } => {}
                    }
                }
            }
            Err(error) => {
                journal
                    .record(
                        ReconcileKind::Failed,
                        None,
                        None,
                        format!("could not renew the authorizations due: {error}"),
                    )
                    .await;
            }
        }
        let at_risk = match self.orders().expiring(now).await {
            Ok(rows) => rows,
            Err(error) => {
                journal
                    .record(
                        ReconcileKind::Failed,
                        None,
                        None,
                        format!("could not list the expiring authorizations: {error}"),
                    )
                    .await;
                return Ok(());
            }
        };
        self.warn_expiring(journal, &at_risk, now).await
    }

    /// `due` are the orders whose authorization expires within the warning
    /// window, soonest first, after renewals: each is warned of (logged
    /// every pass, journalled once per order).
    async fn warn_expiring(
        &self,
        journal: &mut Journal<'_>,
        due: &[OrderRow],
        now: i64,
    ) -> Result<(), ReconcileError> {
        for row in due {
            let expires_at = row.authorization_expires_at.unwrap_or(now);
            tracing::warn!(order = %row.id, expires_at, "authorization expires soon and was not renewed: ship it before");
            if self
                .inner
                .db
                .reconciler_action_recorded(ReconcileKind::ReauthorizationDue, &row.id)
                .await?
            {
                continue;
            }
            journal
                .record(
                    ReconcileKind::ReauthorizationDue,
                    Some(&row.id),
                    row.payment_id.as_deref(),
                    format!(
                        "authorization expires in {} hours and was not renewed: ship before it lapses",
                        (expires_at - now).max(0) / 3600
                    ),
                )
                .await;
        }
        Ok(())
    }
}
