//! Claims on orders: the compare-and-set that lets one action at a time
//! move an order's money (see `orders::claims`).

use super::words::word_of;
use super::{Database, DbError};
use shop_api::order::OrderStatus;

impl Database {
    /// Takes the order for `token` if it is still in `status` and free (or
    /// its claim was taken before `stale_before`); answers whether it did.
    pub async fn claim_order(
        &self,
        id: &str,
        status: OrderStatus,
        token: &str,
        now: i64,
        stale_before: i64,
    ) -> Result<bool, DbError> {
        let result = sqlx::query(
            "UPDATE orders SET claim = $1, claimed_at = $2 \
             WHERE id = $3 AND status = $4 AND (claim IS NULL OR claimed_at < $5)",
        )
        .bind(token)
        .bind(now)
        .bind(id)
        .bind(word_of(status))
        .bind(stale_before)
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Frees the order if `token` still holds it (a claim taken over after
    /// it went stale belongs to its new holder).
    pub async fn release_order(&self, id: &str, token: &str) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE orders SET claim = NULL, claimed_at = NULL WHERE id = $1 AND claim = $2",
        )
        .bind(id)
        .bind(token)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
