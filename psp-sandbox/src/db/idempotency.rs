//! The `idempotency_keys` table: a creating call's first answer, by
//! merchant and key.

use super::DbError;
use sqlx::SqlitePool;

#[derive(Debug, sqlx::FromRow)]
pub struct StoredResponse {
    pub request_hash: String,
    pub response_status: i64,
    pub response_body: Vec<u8>,
}

pub async fn find(
    pool: &SqlitePool,
    merchant: &str,
    key: &str,
    not_before: i64,
) -> Result<Option<StoredResponse>, DbError> {
    let stored = sqlx::query_as(
        "SELECT request_hash, response_status, response_body FROM idempotency_keys \
         WHERE merchant = ? AND key = ? AND created_at >= ?",
    )
    .bind(merchant)
    .bind(key)
    .bind(not_before)
    .fetch_optional(pool)
    .await?;
    Ok(stored)
}

pub struct NewResponse<'a> {
    pub merchant: &'a str,
    pub key: &'a str,
    pub request_hash: &'a str,
    pub status: u16,
    pub body: &'a [u8],
    pub created_at: i64,
}

/// Replaces a lapsed key's answer.
pub async fn store(pool: &SqlitePool, response: &NewResponse<'_>) -> Result<(), DbError> {
    sqlx::query(
        "INSERT OR REPLACE INTO idempotency_keys \
         (merchant, key, request_hash, response_status, response_body, created_at) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(response.merchant)
    .bind(response.key)
    .bind(response.request_hash)
    .bind(response.status)
    .bind(response.body)
    .bind(response.created_at)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn forget_older_than(pool: &SqlitePool, before: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM idempotency_keys WHERE created_at < ?")
        .bind(before)
        .execute(pool)
        .await?;
    Ok(())
}
