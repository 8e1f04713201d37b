//! Authorizations nearing their end (`Orders::expiring`: within
//! `EXPIRY_WARNING_SECONDS`). The design re-authorizes them with the
//! shopper's stored card (merchant-initiated) before they lapse;
//! [`Reconciler::reauthorize_due`] is where that goes. Until then it warns
//! and journals each order once, so operators ship in time.

use super::journal::Journal;
use super::{ReconcileError, Reconciler};
use crate::db::OrderRow;
use shop_api::reconcile::ReconcileKind;

impl Reconciler {
    pub(super) async fn expiring(
        &self,
        journal: &mut Journal<'_>,
        now: i64,
    ) -> Result<(), ReconcileError> {
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
        self.reauthorize_due(journal, &at_risk, now).await
    }

    /// The seam for re-authorization: `due` are the orders whose
    /// authorization expires within the warning window, soonest first.
    /// Today it only warns (once per order in the journal); re-authorizing
    /// with a stored card replaces the body, keeping this signature.
    pub(super) async fn reauthorize_due(
        &self,
        journal: &mut Journal<'_>,
        due: &[OrderRow],
        now: i64,
    ) -> Result<(), ReconcileError> {
        for row in due {
            let expires_at = row.authorization_expires_at.unwrap_or(now);
            tracing::warn!(order = %row.id, expires_at, "authorization expires soon and re-authorization is not implemented: ship it before");
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
                        "authorization expires in {} hours; re-authorization is not implemented yet: ship before it lapses",
                        (expires_at - now).max(0) / 3600
                    ),
                )
                .await;
        }
        Ok(())
    }
}
