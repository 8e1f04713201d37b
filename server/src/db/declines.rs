//! Card refusals counted against card testing (see `orders::declines` for
//! the limits): one row per refusal, recorded once however many times the
//! shop hears of it.

use super::{Database, DbError};

/// A refusal the PSP reported for an order's payment.
pub struct NewDecline<'a> {
    pub order_id: &'a str,
    pub account_id: i64,
    pub payment_id: &'a str,
    /// The PSP payment's `updated_at`: each attempt changes it.
    pub psp_updated_at: i64,
    /// Brand and last four digits as the PSP names them, `""` when unnamed.
    pub card: &'a str,
    pub now: i64,
}

/// An order of the account whose card page may still take a card.
pub struct OpenCardPage {
    pub order_id: String,
    pub payment_id: String,
    pub payment_attempt: i64,
}

impl Database {
    /// Records a refusal; `false` when it was recorded before (the same
    /// refusal by webhook and by poll, or a redelivered event).
    pub async fn record_decline(&self, decline: &NewDecline<'_>) -> Result<bool, DbError> {
        Ok(sqlx::query(
            "INSERT INTO payment_declines \
             (order_id, account_id, payment_id, psp_updated_at, card, declined_at) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (payment_id, psp_updated_at, card) DO NOTHING",
        )
        .bind(decline.order_id)
        .bind(decline.account_id)
        .bind(decline.payment_id)
        .bind(decline.psp_updated_at)
        .bind(decline.card)
        .bind(decline.now)
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// When the order's and the account's refusals since `since` (excluded)
    /// were recorded, each list oldest first.
    pub async fn decline_times(
        &self,
        order_id: &str,
        account_id: i64,
        since: i64,
    ) -> Result<(Vec<i64>, Vec<i64>), DbError> {
        let order: Vec<(i64,)> = sqlx::query_as(
            "SELECT declined_at FROM payment_declines \
             WHERE order_id = $1 AND declined_at > $2 ORDER BY declined_at",
        )
        .bind(order_id)
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        let account: Vec<(i64,)> = sqlx::query_as(
            "SELECT declined_at FROM payment_declines \
             WHERE account_id = $1 AND declined_at > $2 ORDER BY declined_at",
        )
        .bind(account_id)
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        Ok((
            order.into_iter().map(|(at,)| at).collect(),
            account.into_iter().map(|(at,)| at).collect(),
        ))
    }

    /// The account's unpaid orders with a card page open at the PSP.
    pub async fn open_card_pages(&self, account_id: i64) -> Result<Vec<OpenCardPage>, DbError> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT id, payment_id, payment_attempt FROM orders \
             WHERE account_id = $1 AND payment_method = 'card' AND payment_id IS NOT NULL \
             AND status IN ('awaiting_payment', 'payment_failed')",
        )
        .bind(account_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(order_id, payment_id, payment_attempt)| OpenCardPage {
                order_id,
                payment_id,
                payment_attempt,
            })
            .collect())
    }
}
