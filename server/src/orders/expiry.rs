//! Authorizations nearing their end: logged once, listed first for
//! operators.

use super::*;

impl Orders<'_> {
    /// Logs once per order each authorization that expires within the
    /// warning window, and answers the orders at risk for operators.
    pub async fn expiring(&self, now: i64) -> Result<Vec<OrderRow>, OrderError> {
        let mut at_risk = Vec::new();
        for row in self.db.authorized_orders().await? {
            let Some(expires_at) = row.authorization_expires_at else {
                continue;
            };
            if expires_at - now <= EXPIRY_WARNING_SECONDS {
                if self.db.mark_expiry_warned(&row.id).await? {
                    tracing::warn!(order = %row.id, expires_at, "card authorization expires soon: ship before it does");
                }
                at_risk.push(row);
            }
        }
        Ok(at_risk)
    }
}
