//! Account rows: the address, the password's hash, the language the shop
//! writes in and whether the address is confirmed.

use super::words::{word, word_of};
use super::{Database, DbError, account_links, outbox};
use crate::accounts::email::Email;
use crate::mail::Mail;
use shop_api::Language;
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone)]
pub struct AccountRow {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
    pub language: Language,
    pub email_verified_at: Option<i64>,
}

impl<'r> sqlx::FromRow<'r, AnyRow> for AccountRow {
    fn from_row(row: &'r AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            email: row.try_get("email")?,
            password_hash: row.try_get("password_hash")?,
            language: word(row, "language")?,
            email_verified_at: row.try_get("email_verified_at")?,
        })
    }
}

pub(super) const ACCOUNT_COLUMNS: &str = "id, email, password_hash, language, email_verified_at";

#[derive(Debug, thiserror::Error)]
pub enum NewAccountError {
    #[error("an account with this e-mail exists")]
    EmailTaken,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// A new account, with the link confirming its address and the message
/// carrying it: all three or none.
pub struct NewAccount<'a> {
    pub email: &'a Email,
    pub password_hash: &'a str,
    pub language: Language,
    pub link: account_links::NewLink<'a>,
    pub mail: &'a Mail,
}

impl Database {
    pub async fn create_account(
        &self,
        account: NewAccount<'_>,
        now: i64,
    ) -> Result<AccountRow, NewAccountError> {
        let mut tx = self.begin_write().await?;
        let inserted = sqlx::query_as::<_, AccountRow>(&format!(
            "INSERT INTO accounts (email, password_hash, language, created_at) VALUES ($1, $2, $3, $4) \
             RETURNING {ACCOUNT_COLUMNS}"
        ))
        .bind(account.email.as_str())
        .bind(account.password_hash)
        .bind(word_of(account.language))
        .bind(now)
        .fetch_one(&mut *tx)
        .await;
        let row = match inserted {
            Ok(row) => row,
            Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
                return Err(NewAccountError::EmailTaken);
            }
            Err(error) => return Err(NewAccountError::Db(error.into())),
        };
        account_links::insert(&mut tx, row.id, &account.link, now).await?;
        outbox::insert(&mut tx, &account.link.event_key(), account.mail, now).await?;
        tx.commit().await.map_err(DbError::from)?;
        Ok(row)
    }

    pub async fn account_by_email(&self, email: &Email) -> Result<Option<AccountRow>, DbError> {
        Ok(sqlx::query_as::<_, AccountRow>(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = $1"
        ))
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn account(&self, id: i64) -> Result<Option<AccountRow>, DbError> {
        Ok(sqlx::query_as::<_, AccountRow>(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The language the shop writes to this account in from now on.
    pub async fn set_account_language(&self, id: i64, language: Language) -> Result<(), DbError> {
        sqlx::query("UPDATE accounts SET language = $1 WHERE id = $2 AND language <> $3")
            .bind(word_of(language))
            .bind(id)
            .bind(word_of(language))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
