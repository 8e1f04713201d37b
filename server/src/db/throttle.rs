//! Sign-in throttle records (see `accounts::throttle` for the rules).

use super::{Database, DbError};
use crate::accounts::throttle::Record;

impl Database {
    pub async fn throttle_record(&self, key: &str) -> Result<Record, DbError> {
        let row: Option<(i64, i64, i64)> = sqlx::query_as(
            "SELECT window_started_at, failures, blocked_until FROM sign_in_throttle WHERE key = ?",
        )
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row
            .map(|(window_started_at, failures, blocked_until)| Record {
                window_started_at,
                failures,
                blocked_until,
            })
            .unwrap_or_default())
    }

    pub async fn save_throttle_record(&self, key: &str, record: Record) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO sign_in_throttle (key, window_started_at, failures, blocked_until) \
             VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET \
             window_started_at = excluded.window_started_at, failures = excluded.failures, \
             blocked_until = excluded.blocked_until",
        )
        .bind(key)
        .bind(record.window_started_at)
        .bind(record.failures)
        .bind(record.blocked_until)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn clear_throttle(&self, key: &str) -> Result<(), DbError> {
        sqlx::query("DELETE FROM sign_in_throttle WHERE key = ?")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
