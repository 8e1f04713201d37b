//! The links the shop e-mails to an account (see
//! `migrations/0021_account_mail.sql`): written with their message, used
//! once by a compare-and-set on `used_at`.

use super::accounts::ACCOUNT_COLUMNS;
use super::words::word_of;
use super::{AccountRow, Database, DbError, outbox};
use crate::mail::Mail;
use serde::{Deserialize, Serialize};

/// What a link does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkPurpose {
    VerifyEmail,
    ResetPassword,
    /// Sent to the new address; its `email` is that address.
    ChangeEmail,
}

/// A link to store: the hash of its token, never the token.
#[derive(Debug, Clone)]
pub struct NewLink<'a> {
    pub token_hash: &'a str,
    pub purpose: LinkPurpose,
    /// The address it is sent to.
    pub email: &'a str,
    pub expires_at: i64,
}

impl NewLink<'_> {
    /// The outbox's name for the message carrying this link: one message
    /// per link.
    pub fn event_key(&self) -> String {
        format!("{}:{}", word_of(self.purpose), self.token_hash)
    }
}

pub(super) async fn insert(
    tx: &mut sqlx::AnyConnection,
    account_id: i64,
    link: &NewLink<'_>,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO account_links (token_hash, account_id, purpose, email, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(link.token_hash)
    .bind(account_id)
    .bind(word_of(link.purpose))
    .bind(link.email)
    .bind(now)
    .bind(link.expires_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Every unused reset link of the account dies (its password changed).
pub(super) async fn end_reset_links(
    tx: &mut sqlx::AnyConnection,
    account_id: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "DELETE FROM account_links WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL",
    )
    .bind(account_id)
    .bind(word_of(LinkPurpose::ResetPassword))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Uses the link if it is still unused and on time; answers its account
/// and the address it was sent to.
async fn use_link(
    tx: &mut sqlx::AnyConnection,
    token_hash: &str,
    purpose: LinkPurpose,
    now: i64,
) -> Result<Option<(i64, String)>, DbError> {
    Ok(sqlx::query_as(
        "UPDATE account_links SET used_at = $1 \
         WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $4 \
         RETURNING account_id, email",
    )
    .bind(now)
    .bind(token_hash)
    .bind(word_of(purpose))
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?)
}

impl Database {
    /// Stores a link and its message together.
    pub async fn send_link(
        &self,
        account_id: i64,
        link: &NewLink<'_>,
        mail: &Mail,
        now: i64,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        insert(&mut tx, account_id, link, now).await?;
        outbox::insert(&mut tx, &link.event_key(), mail, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether the link can still be used (checked before the slow work
    /// its use needs; the use itself checks again).
    pub async fn link_is_live(
        &self,
        token_hash: &str,
        purpose: LinkPurpose,
        now: i64,
    ) -> Result<bool, DbError> {
        Ok(sqlx::query(
            "SELECT 1 FROM account_links \
             WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        )
        .bind(token_hash)
        .bind(word_of(purpose))
        .bind(now)
        .fetch_optional(&self.pool)
        .await?
        .is_some())
    }

    /// Confirms the address a verification link was sent to, if the
    /// account still has it; answers whether it did.
    pub async fn confirm_email(&self, token_hash: &str, now: i64) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let Some((account_id, email)) =
            use_link(&mut tx, token_hash, LinkPurpose::VerifyEmail, now).await?
        else {
            return Ok(false);
        };
        let confirmed = sqlx::query(
            "UPDATE accounts SET email_verified_at = COALESCE(email_verified_at, $1) \
             WHERE id = $2 AND email = $3",
        )
        .bind(now)
        .bind(account_id)
        .bind(&email)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        tx.commit().await?;
        Ok(confirmed)
    }

    /// Moves the account to the address a change link was sent to, now
    /// confirmed; `notice` makes the message to the address it leaves
    /// (written in the same transaction). `None` when the link cannot be
    /// used or another account has the address now.
    pub async fn change_email(
        &self,
        token_hash: &str,
        now: i64,
        notice: &(dyn Fn(&AccountRow, &str) -> (String, Mail) + Sync),
    ) -> Result<Option<AccountRow>, DbError> {
        let mut tx = self.begin_write().await?;
        let Some((account_id, new_email)) =
            use_link(&mut tx, token_hash, LinkPurpose::ChangeEmail, now).await?
        else {
            return Ok(None);
        };
        let before = sqlx::query_as::<_, AccountRow>(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1 AND deleted_at IS NULL"
        ))
        .bind(account_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(before) = before else {
            return Ok(None);
        };
        let moved = sqlx::query_as::<_, AccountRow>(&format!(
            "UPDATE accounts SET email = $1, email_verified_at = $2 WHERE id = $3 \
             RETURNING {ACCOUNT_COLUMNS}"
        ))
        .bind(&new_email)
        .bind(now)
        .bind(account_id)
        .fetch_one(&mut *tx)
        .await;
        let account = match moved {
            Ok(account) => account,
            // Taken by another account since the link was sent.
            Err(sqlx::Error::Database(error)) if error.is_unique_violation() => return Ok(None),
            Err(error) => return Err(error.into()),
        };
        let (event_key, mail) = notice(&before, &new_email);
        outbox::insert(&mut tx, &event_key, &mail, now).await?;
        tx.commit().await?;
        Ok(Some(account))
    }

    /// Sets a new password through a reset link: the link is used, every
    /// other reset link of the account dies, every session ends (the
    /// caller opens the new one), and the address counts as confirmed (the
    /// link reached it). `None` when the link cannot be used.
    pub async fn reset_password(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: i64,
    ) -> Result<Option<AccountRow>, DbError> {
        let mut tx = self.begin_write().await?;
        let Some((account_id, email)) =
            use_link(&mut tx, token_hash, LinkPurpose::ResetPassword, now).await?
        else {
            return Ok(None);
        };
        let account = sqlx::query_as::<_, AccountRow>(&format!(
            "UPDATE accounts SET password_hash = $1, \
             email_verified_at = CASE WHEN email = $2 THEN COALESCE(email_verified_at, $3) \
             ELSE email_verified_at END \
             WHERE id = $4 RETURNING {ACCOUNT_COLUMNS}"
        ))
        .bind(password_hash)
        .bind(&email)
        .bind(now)
        .bind(account_id)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        end_reset_links(&mut tx, account_id).await?;
        tx.commit().await?;
        Ok(Some(account))
    }
}
