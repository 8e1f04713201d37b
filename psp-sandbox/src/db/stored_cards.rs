//! The `stored_cards` table: a merchant's cards on file.

use super::DbError;
use crate::cards::{Brand, Expiry, MerchantInitiated};
use crate::stored_cards::StoredCard;
use sqlx::{Row, SqliteConnection, SqlitePool};

pub async fn insert(connection: &mut SqliteConnection, card: &StoredCard) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO stored_cards (id, merchant, brand, last4, expiry_month, expiry_year, \
         merchant_initiated, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&card.id)
    .bind(&card.merchant)
    .bind(card.brand.as_str())
    .bind(&card.last4)
    .bind(card.expiry.month)
    .bind(card.expiry.year)
    .bind(card.merchant_initiated.as_str())
    .bind(card.created_at)
    .execute(connection)
    .await?;
    Ok(())
}

/// The merchant's stored card `id`; another merchant's is not found.
pub async fn find(
    pool: &SqlitePool,
    merchant: &str,
    id: &str,
) -> Result<Option<StoredCard>, DbError> {
    let row = sqlx::query("SELECT * FROM stored_cards WHERE id = ? AND merchant = ?")
        .bind(id)
        .bind(merchant)
        .fetch_optional(pool)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let corrupt = |what: &str| DbError::Corrupt(what.to_owned());
    let brand: String = row.try_get("brand")?;
    let merchant_initiated: String = row.try_get("merchant_initiated")?;
    Ok(Some(StoredCard {
        id: row.try_get("id")?,
        merchant: row.try_get("merchant")?,
        brand: Brand::parse(&brand).ok_or_else(|| corrupt("stored card brand"))?,
        last4: row.try_get("last4")?,
        expiry: Expiry {
            month: row.try_get("expiry_month")?,
            year: row.try_get("expiry_year")?,
        },
        merchant_initiated: MerchantInitiated::parse(&merchant_initiated)
            .ok_or_else(|| corrupt("stored card merchant_initiated"))?,
        created_at: row.try_get("created_at")?,
    }))
}

/// Forgets a stored card (detach): the row goes, so nothing of the card is
/// kept. Answers whether there was one.
pub async fn delete(pool: &SqlitePool, merchant: &str, id: &str) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM stored_cards WHERE id = ? AND merchant = ?")
        .bind(id)
        .bind(merchant)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() > 0)
}
