//! Account rows.

use super::{Database, DbError};
use crate::accounts::email::Email;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountRow {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
}

#[derive(Debug, thiserror::Error)]
pub enum NewAccountError {
    #[error("an account with this e-mail exists")]
    EmailTaken,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl Database {
    pub async fn create_account(
        &self,
        email: &Email,
        password_hash: &str,
        now: i64,
    ) -> Result<AccountRow, NewAccountError> {
        let inserted = sqlx::query_as::<_, AccountRow>(
            "INSERT INTO accounts (email, password_hash, created_at) VALUES (?, ?, ?) \
             RETURNING id, email, password_hash",
        )
        .bind(email.as_str())
        .bind(password_hash)
        .bind(now)
        .fetch_one(&self.pool)
        .await;
        match inserted {
            Ok(row) => Ok(row),
            Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
                Err(NewAccountError::EmailTaken)
            }
            Err(error) => Err(NewAccountError::Db(error.into())),
        }
    }

    pub async fn account_by_email(&self, email: &Email) -> Result<Option<AccountRow>, DbError> {
        Ok(sqlx::query_as::<_, AccountRow>(
            "SELECT id, email, password_hash FROM accounts WHERE email = ?",
        )
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await?)
    }
}
