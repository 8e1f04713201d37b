//! Sign-in throttle records (see `accounts::throttle` for the rules).

use super::{Database, DbError};
use crate::accounts::throttle::{Policy, Record};

impl Database {
    pub async fn throttle_record(&self, key: &str) -> Result<Record, DbError> {
        let mut connection = self.pool.acquire().await?;
        read(&mut connection, key).await
    }

    /// Counts one more failure and returns the new record. Read and write
    /// are one transaction that holds the key's lock from the start, so
    /// parallel failures on one key queue up and each one counts (read
    /// apart, two would both write "one more" over the same count).
    pub async fn record_throttle_failure(
        &self,
        key: &str,
        policy: Policy,
        now_ms: i64,
    ) -> Result<Record, DbError> {
        let mut tx = self.begin_write().await?;
        self.lock_key(&mut tx, key).await?;
        let record = read(&mut tx, key).await?.after_failure(policy, now_ms);
        save(&mut tx, key, record).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// Counts an attempt against every key before its work is done, so
    /// that N attempts at once count N and those beyond the policy wait,
    /// however long the work (a hash) takes; all keys or none: `Some(wait)`
    /// in seconds, and nothing counted, when one of them must wait first.
    /// A success then gives its count back (`clear_throttle`,
    /// `forgive_failure`).
    pub async fn take_attempt(
        &self,
        keys: &[(&str, Policy)],
        now_ms: i64,
    ) -> Result<Option<u64>, DbError> {
        let mut tx = self.begin_write().await?;
        let mut records = Vec::with_capacity(keys.len());
        for (key, _) in keys {
            self.lock_key(&mut tx, key).await?;
            records.push(read(&mut tx, key).await?);
        }
        if let Some(wait) = records.iter().filter_map(|r| r.wait(now_ms)).max() {
            return Ok(Some(wait));
        }
        for ((key, policy), record) in keys.iter().zip(records) {
            save(&mut tx, key, record.after_failure(*policy, now_ms)).await?;
        }
        tx.commit().await?;
        Ok(None)
    }

    /// Locks a key's record until the transaction ends, creating it as a
    /// record never counted (zeros, what reading a missing key gives): on
    /// PostgreSQL a row must exist to be locked, and two first failures at
    /// once must not both start from nothing. SQLite's transaction already
    /// holds the database's lock.
    async fn lock_key(&self, tx: &mut sqlx::AnyConnection, key: &str) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO sign_in_throttle (key, window_started_at, failures, blocked_until) \
             VALUES ($1, 0, 0, 0) ON CONFLICT (key) DO NOTHING",
        )
        .bind(key)
        .execute(&mut *tx)
        .await?;
        sqlx::query(&format!(
            "SELECT key FROM sign_in_throttle WHERE key = $1{}",
            self.for_update()
        ))
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        Ok(())
    }

    /// Gives back the attempt a success had counted (`take_attempt`): the
    /// count only, a delay already running is left to end.
    pub async fn forgive_failure(&self, key: &str) -> Result<(), DbError> {
        sqlx::query("UPDATE sign_in_throttle SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END \
             WHERE key = $1")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn clear_throttle(&self, key: &str) -> Result<(), DbError> {
        sqlx::query("DELETE FROM sign_in_throttle WHERE key = $1")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// A key's record; a key never counted is a default one.
async fn read(connection: &mut sqlx::AnyConnection, key: &str) -> Result<Record, DbError> {
    let row: Option<(i64, i64, i64)> = sqlx::query_as(
        "SELECT window_started_at, failures, blocked_until FROM sign_in_throttle WHERE key = $1",
    )
    .bind(key)
    .fetch_optional(connection)
    .await?;
    Ok(row
        .map(|(window_started_at, failures, blocked_until)| Record {
            window_started_at,
            failures,
            blocked_until,
        })
        .unwrap_or_default())
}

async fn save(
    connection: &mut sqlx::AnyConnection,
    key: &str,
    record: Record,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO sign_in_throttle (key, window_started_at, failures, blocked_until) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO UPDATE SET \
         window_started_at = excluded.window_started_at, failures = excluded.failures, \
         blocked_until = excluded.blocked_until",
    )
    .bind(key)
    .bind(record.window_started_at)
    .bind(record.failures)
    .bind(record.blocked_until)
    .execute(connection)
    .await?;
    Ok(())
}
