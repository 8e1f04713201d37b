//! Session rows, keyed by the hash of the cookie's token.

use super::words::word;
use super::{Database, DbError};
use shop_api::Language;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A session with what the shop shows of its account.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub account_id: i64,
    pub email: String,
    pub language: Language,
    pub email_verified: bool,
    pub created_at: i64,
    pub last_seen_at: i64,
}

impl<'r> sqlx::FromRow<'r, AnyRow> for SessionRow {
    fn from_row(row: &'r AnyRow) -> Result<Self, sqlx::Error> {
        let verified_at: Option<i64> = row.try_get("email_verified_at")?;
        Ok(Self {
            account_id: row.try_get("account_id")?,
            email: row.try_get("email")?,
            language: word(row, "language")?,
            email_verified: verified_at.is_some(),
            created_at: row.try_get("created_at")?,
            last_seen_at: row.try_get("last_seen_at")?,
        })
    }
}

impl Database {
    pub async fn create_session(
        &self,
        token_hash: &str,
        account_id: i64,
        device: &str,
        now: i64,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, device, created_at, last_seen_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(device)
        .bind(now)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>, DbError> {
        Ok(sqlx::query_as::<_, SessionRow>(
            "SELECT s.account_id, a.email, a.language, a.email_verified_at, s.created_at, \
             s.last_seen_at \
             FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn touch_session(&self, token_hash: &str, now: i64) -> Result<(), DbError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), DbError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
