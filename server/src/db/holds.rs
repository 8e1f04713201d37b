//! Payment holds: PSP news kept aside because it does not match its order
//! (see `crate::orders::payment_check`).

use super::{Database, DbError};

/// One held piece of news, for operators.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PaymentHold {
    pub order_id: String,
    pub payment_id: String,
    pub reason: String,
    /// Unix seconds.
    pub held_at: i64,
}

impl Database {
    /// Records a hold; the same order, payment and reason again adds nothing.
    pub async fn hold_payment(
        &self,
        order_id: &str,
        payment_id: &str,
        reason: &str,
        now: i64,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO payment_holds (order_id, payment_id, reason, held_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (order_id, payment_id, reason) DO NOTHING",
        )
        .bind(order_id)
        .bind(payment_id)
        .bind(reason)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The newest holds first, at most `limit`.
    pub async fn payment_holds(&self, limit: i64) -> Result<Vec<PaymentHold>, DbError> {
        Ok(sqlx::query_as::<_, PaymentHold>(
            "SELECT order_id, payment_id, reason, held_at FROM payment_holds \
             ORDER BY held_at DESC, order_id, payment_id, reason LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}
