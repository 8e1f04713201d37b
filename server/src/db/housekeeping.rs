//! What the periodic purge (`crate::housekeeping`) deletes, one statement
//! per kind of row, each bounded by its own age.

use super::{Database, DbError, words};

/// Orders that will print nothing more: their photos are purged once the
/// retention period has passed.
const DONE_STATUSES: [shop_api::order::OrderStatus; 2] = [
    shop_api::order::OrderStatus::Delivered,
    shop_api::order::OrderStatus::Cancelled,
];

/// What an order's folder of frozen photos is to the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderOwner {
    /// No such order: the order was never made (a crash between the
    /// freeze and the insert).
    NoOrder,
    /// The order's photos were purged; the folder is a leftover.
    Purged,
    /// The order still prints from it.
    Live,
}

impl Database {
    /// Sessions idle since `idle_before`, or signed in before
    /// `created_before` (Unix seconds).
    pub async fn purge_sessions(
        &self,
        idle_before: i64,
        created_before: i64,
    ) -> Result<u64, DbError> {
        Ok(
            sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
                .bind(idle_before)
                .bind(created_before)
                .execute(&self.pool)
                .await?
                .rows_affected(),
        )
    }

    /// E-mailed links used or past their end before `ended_before`: kept a
    /// while so that a late click is told "used", then gone.
    pub async fn purge_account_links(&self, ended_before: i64) -> Result<u64, DbError> {
        Ok(
            sqlx::query("DELETE FROM account_links WHERE expires_at < $1 OR used_at < $2")
                .bind(ended_before)
                .bind(ended_before)
                .execute(&self.pool)
                .await?
                .rows_affected(),
        )
    }

    /// Throttle rows whose window started before `window_before` and whose
    /// delay is over at `now_ms`: they no longer count for anything.
    pub async fn purge_throttle_rows(
        &self,
        window_before: i64,
        now_ms: i64,
    ) -> Result<u64, DbError> {
        Ok(sqlx::query(
            "DELETE FROM sign_in_throttle WHERE window_started_at < $1 AND blocked_until <= $2",
        )
        .bind(window_before)
        .bind(now_ms)
        .execute(&self.pool)
        .await?
        .rows_affected())
    }

    /// PSP events received before `before` (Unix seconds).
    pub async fn purge_psp_events(&self, before: i64) -> Result<u64, DbError> {
        Ok(sqlx::query("DELETE FROM psp_events WHERE received_at < $1")
            .bind(before)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }

    /// Orders delivered or cancelled before `before` whose photos are kept.
    pub async fn orders_with_photos_to_purge(&self, before: i64) -> Result<Vec<String>, DbError> {
        let ids: Vec<(String,)> = sqlx::query_as(
            "SELECT id FROM orders WHERE photos_purged_at IS NULL AND updated_at < $1 \
             AND status IN ($2, $3)",
        )
        .bind(before)
        .bind(words::word_of(DONE_STATUSES[0]))
        .bind(words::word_of(DONE_STATUSES[1]))
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().map(|(id,)| id).collect())
    }

    /// Records that the order's photos are gone (after their files are).
    pub async fn mark_order_photos_purged(&self, order_id: &str, now: i64) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE orders SET photos_purged_at = $1 WHERE id = $2")
            .bind(now)
            .bind(order_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM order_photos WHERE order_id = $1")
            .bind(order_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn order_folder_owner(&self, order_id: &str) -> Result<FolderOwner, DbError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT CASE WHEN photos_purged_at IS NULL THEN 0 ELSE 1 END FROM orders WHERE id = $1",
        )
        .bind(order_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match row {
            None => FolderOwner::NoOrder,
            Some((0,)) => FolderOwner::Live,
            Some(_) => FolderOwner::Purged,
        })
    }
}
