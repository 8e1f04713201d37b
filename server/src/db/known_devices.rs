//! Known browsers of an account (`accounts::known_device`).

use super::{Database, DbError};

impl Database {
    pub async fn remember_device(
        &self,
        token_hash: &str,
        account_id: i64,
        now: i64,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO known_devices (token_hash, account_id, created_at, last_used_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (token_hash) DO UPDATE SET last_used_at = excluded.last_used_at",
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(now)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The account that signed in from this browser, if any.
    pub async fn device_account(&self, token_hash: &str) -> Result<Option<i64>, DbError> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT account_id FROM known_devices WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(account_id,)| account_id))
    }

    /// Browsers not used to sign in since `before` (Unix seconds).
    pub async fn purge_devices(&self, before: i64) -> Result<u64, DbError> {
        Ok(
            sqlx::query("DELETE FROM known_devices WHERE last_used_at < $1")
                .bind(before)
                .execute(&self.pool)
                .await?
                .rows_affected(),
        )
    }
}
