//! The card an order is paid with, as the PSP reports it (brand, last four
//! digits, its reference to a card kept on file), authorization deadlines
//! per brand, and switching an order to a new authorization.

use super::orders::OrderRow;
use super::{Database, DbError};

impl Database {
    /// Records what the PSP says of the card of the order's current
    /// payment; a report about another payment changes nothing.
    pub async fn record_card(
        &self,
        order_id: &str,
        payment_id: &str,
        brand: &str,
        last4: Option<&str>,
        stored_card_id: Option<&str>,
    ) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE orders SET card_brand = $1, card_last4 = COALESCE($2, card_last4), \
             stored_card_id = COALESCE($3, stored_card_id) WHERE id = $4 AND payment_id = $5",
        )
        .bind(brand)
        .bind(last4)
        .bind(stored_card_id)
        .bind(order_id)
        .bind(payment_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Days an authorization holds for this brand, when the shop knows.
    pub async fn authorization_days(&self, brand: &str) -> Result<Option<i64>, DbError> {
        let days: Option<(i64,)> =
            sqlx::query_as("SELECT days FROM authorization_deadlines WHERE brand = $1")
                .bind(brand)
                .fetch_optional(&self.pool)
                .await?;
        Ok(days.map(|(days,)| days))
    }

    /// Sets how long an authorization holds for a brand (operators, tests).
    pub async fn set_authorization_days(&self, brand: &str, days: i64) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO authorization_deadlines (brand, days) VALUES ($1, $2) \
             ON CONFLICT (brand) DO UPDATE SET days = excluded.days",
        )
        .bind(brand)
        .bind(days)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Card orders holding an authorization that ends before `before`, with
    /// a card kept on file and no refusal to authorize again yet.
    pub async fn orders_to_reauthorize(&self, before: i64) -> Result<Vec<OrderRow>, DbError> {
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {} FROM orders WHERE status IN ('authorized', 'in_production') \
             AND payment_method = 'card' AND debited = 0 AND keep_card = 1 \
             AND stored_card_id IS NOT NULL AND reauthorization_declined_at IS NULL \
             AND authorization_expires_at IS NOT NULL AND authorization_expires_at < $1 \
             ORDER BY authorization_expires_at LIMIT 100",
            super::orders::COLUMNS
        ))
        .bind(before)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Moves the order from its authorization `old_payment_id` to a new one
    /// made on the stored card; answers whether it did (the order moved on
    /// meanwhile otherwise).
    pub async fn switch_authorization(
        &self,
        order_id: &str,
        old_payment_id: &str,
        attempt: i64,
        payment_id: &str,
        expires_at: Option<i64>,
        now: i64,
    ) -> Result<bool, DbError> {
        let result = sqlx::query(
            "UPDATE orders SET payment_id = $1, payment_attempt = $2, hosted_page_url = NULL, \
             authorization_expires_at = $3, expiry_warned = 0, updated_at = $4 \
             WHERE id = $5 AND payment_id = $6 AND status IN ('authorized', 'in_production')",
        )
        .bind(payment_id)
        .bind(attempt)
        .bind(expires_at)
        .bind(now)
        .bind(order_id)
        .bind(old_payment_id)
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// The PSP refused to authorize the stored card again.
    pub async fn mark_reauthorization_declined(
        &self,
        order_id: &str,
        now: i64,
    ) -> Result<(), DbError> {
        sqlx::query("UPDATE orders SET reauthorization_declined_at = $1 WHERE id = $2")
            .bind(now)
            .bind(order_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
