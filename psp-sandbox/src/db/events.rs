//! The `events` table: webhook events and their delivery state.

use super::DbError;
use sqlx::{SqliteConnection, SqlitePool};

pub struct NewEvent<'a> {
    pub id: &'a str,
    pub payment_id: &'a str,
    pub event_type: &'a str,
    pub created_at: i64,
    pub payload: &'a str,
    /// Unix milliseconds.
    pub first_attempt_at: i64,
}

pub async fn insert(
    connection: &mut SqliteConnection,
    event: &NewEvent<'_>,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO events (id, payment_id, type, created_at, payload, next_attempt_at) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(event.id)
    .bind(event.payment_id)
    .bind(event.event_type)
    .bind(event.created_at)
    .bind(event.payload)
    .bind(event.first_attempt_at)
    .execute(connection)
    .await?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
pub struct PendingEvent {
    pub seq: i64,
    pub id: String,
    pub payload: String,
    pub delivery_attempts: i64,
    pub created_at: i64,
}

/// Each payment's oldest undelivered event, when its time has come: a
/// later event of the same payment waits for it, so that events arrive in
/// order.
pub async fn due(pool: &SqlitePool, now_millis: i64) -> Result<Vec<PendingEvent>, DbError> {
    let events = sqlx::query_as(
        "SELECT seq, id, payload, delivery_attempts, created_at FROM events AS e \
         WHERE delivered_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= ? \
         AND seq = (SELECT MIN(seq) FROM events WHERE payment_id = e.payment_id \
                    AND delivered_at IS NULL AND abandoned_at IS NULL) \
         ORDER BY seq",
    )
    .bind(now_millis)
    .fetch_all(pool)
    .await?;
    Ok(events)
}

pub async fn delivered(pool: &SqlitePool, seq: i64, now: i64) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE events SET delivered_at = ?, delivery_attempts = delivery_attempts + 1 WHERE seq = ?",
    )
    .bind(now)
    .bind(seq)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn retry_at(
    pool: &SqlitePool,
    seq: i64,
    next_attempt_millis: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE events SET next_attempt_at = ?, delivery_attempts = delivery_attempts + 1 WHERE seq = ?",
    )
    .bind(next_attempt_millis)
    .bind(seq)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn abandoned(pool: &SqlitePool, seq: i64, now: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE events SET abandoned_at = ? WHERE seq = ?")
        .bind(now)
        .bind(seq)
        .execute(pool)
        .await?;
    Ok(())
}
