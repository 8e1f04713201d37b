//! What an account does to itself: its sessions listed and ended, its
//! password changed, itself deleted (GDPR art. 17: the person's data gone,
//! its orders kept without them).

use super::words::word_of;
use super::{Database, DbError, account_links, outbox};
use crate::mail::Mail;
use shop_api::order::{Address, OrderStatus};

/// One of the account's sessions, keyed by the hash the database keeps.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionListing {
    pub token_hash: String,
    pub device: String,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// Why an account was not deleted.
#[derive(Debug, thiserror::Error)]
pub enum DeletionError {
    /// An order still moves (the shop holds money or owes a parcel).
    #[error("an order is still open: {number}")]
    OpenOrder { number: String },
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for DeletionError {
    fn from(error: sqlx::Error) -> Self {
        DeletionError::Db(error.into())
    }
}

impl Database {
    /// The account's sessions, last used first.
    pub async fn sessions_of(&self, account_id: i64) -> Result<Vec<SessionListing>, DbError> {
        Ok(sqlx::query_as(
            "SELECT token_hash, device, created_at, last_seen_at FROM sessions \
             WHERE account_id = $1 ORDER BY last_seen_at DESC, created_at DESC",
        )
        .bind(account_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Ends every session of the account but `keep`; answers how many.
    pub async fn end_other_sessions(&self, account_id: i64, keep: &str) -> Result<u64, DbError> {
        Ok(
            sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
                .bind(account_id)
                .bind(keep)
                .execute(&self.pool)
                .await?
                .rows_affected(),
        )
    }

    /// A new password: every other session ends, unused reset links die,
    /// and `notice` (key and message) is written with it.
    pub async fn change_password(
        &self,
        account_id: i64,
        password_hash: &str,
        keep_session: &str,
        notice: (&str, &Mail),
        now: i64,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
            .bind(account_id)
            .bind(keep_session)
            .execute(&mut *tx)
            .await?;
        account_links::end_reset_links(&mut tx, account_id).await?;
        outbox::insert(&mut tx, notice.0, notice.1, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deletes the person from the account, in one transaction: projects
    /// (their photo rows), cart, address, sessions, known browsers and
    /// links go; the account row stays, emptied (`deleted:<id>`, no
    /// password), so that its orders stay for the accounts; their
    /// addresses keep only the postcode, town and country (where the sale
    /// was taxed). Refused while an order still moves. `goodbye` (key and
    /// message, to the address the account had) is written with it. The
    /// photo files are the caller's to remove, after.
    pub async fn delete_account(
        &self,
        account_id: i64,
        goodbye: (&str, &Mail),
        now: i64,
    ) -> Result<(), DeletionError> {
        let mut tx = self.begin_write().await?;
        // The write first: SQLite takes the lock here, so no order can be
        // made for the account between the check and the deletion.
        sqlx::query(
            "UPDATE accounts SET email = 'deleted:' || id, password_hash = '', \
             email_verified_at = NULL, deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL",
        )
        .bind(now)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        let settled = [
            OrderStatus::Shipped,
            OrderStatus::Delivered,
            OrderStatus::Cancelled,
        ]
        .map(word_of);
        let open: Option<(Option<String>,)> = sqlx::query_as(
            "SELECT number FROM orders WHERE account_id = $1 AND status NOT IN ($2, $3, $4) LIMIT 1",
        )
        .bind(account_id)
        .bind(&settled[0])
        .bind(&settled[1])
        .bind(&settled[2])
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((number,)) = open {
            // Dropped: the transaction rolls back.
            return Err(DeletionError::OpenOrder {
                number: number.unwrap_or_default(),
            });
        }
        for table in [
            "projects",
            "project_photo_order",
            "project_photos",
            "cart_lines",
            "carts",
            "addresses",
            "sessions",
            "known_devices",
            "account_links",
        ] {
            sqlx::query(&format!("DELETE FROM {table} WHERE account_id = $1"))
                .bind(account_id)
                .execute(&mut *tx)
                .await?;
        }
        // Rewritten here rather than with SQLite's JSON functions: the
        // queries stay portable.
        let addresses: Vec<(String, String)> =
            sqlx::query_as("SELECT id, address_json FROM orders WHERE account_id = $1")
                .bind(account_id)
                .fetch_all(&mut *tx)
                .await?;
        for (id, json) in addresses {
            let kept = serde_json::from_str::<Address>(&json)
                .map(|address| Address {
                    postcode: address.postcode,
                    city: address.city,
                    country: address.country,
                    ..Address::default()
                })
                .unwrap_or_default();
            sqlx::query("UPDATE orders SET address_json = $1 WHERE id = $2")
                .bind(serde_json::to_string(&kept).unwrap_or_default())
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        outbox::insert(&mut tx, goodbye.0, goodbye.1, now).await?;
        tx.commit().await?;
        Ok(())
    }
}
