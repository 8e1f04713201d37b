//! The `payments` table.

use super::DbError;
use crate::cards::{Brand, DeclineCode, MerchantInitiated};
use crate::payments::{CaptureMode, Card, Initiator, Payment, Status};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection, SqlitePool};

/// The creation fields; a merchant-initiated payment's absent origin is
/// stored as `''` (the column predates them and is `NOT NULL`).
pub async fn insert(connection: &mut SqliteConnection, payment: &Payment) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO payments (id, status, amount, currency, capture_mode, merchant_reference, \
         allowed_origin, description, created_at, updated_at, initiator, store_card) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&payment.id)
    .bind(payment.status.as_str())
    .bind(payment.amount)
    .bind(&payment.currency)
    .bind(payment.capture_mode.as_str())
    .bind(&payment.merchant_reference)
    .bind(payment.allowed_origin.as_deref().unwrap_or(""))
    .bind(&payment.description)
    .bind(payment.created_at)
    .bind(payment.updated_at)
    .bind(payment.initiator.as_str())
    .bind(payment.store_card)
    .execute(connection)
    .await?;
    Ok(())
}

pub async fn find(pool: &SqlitePool, id: &str) -> Result<Option<Payment>, DbError> {
    let row = sqlx::query("SELECT * FROM payments WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await?;
    row.map(|row| from_row(&row)).transpose()
}

/// Writes what the rules may change; creation fields never change.
pub async fn update(connection: &mut SqliteConnection, payment: &Payment) -> Result<(), DbError> {
    let card = payment.card.as_ref();
    sqlx::query(
        "UPDATE payments SET status = ?, updated_at = ?, authorized_at = ?, authorization_expires_at = ?, \
         captured_amount = ?, refunded_amount = ?, card_brand = ?, card_last4 = ?, \
         card_expiry_month = ?, card_expiry_year = ?, decline_code = ?, challenge_passes = ?, \
         stored_card_id = ?, card_merchant_initiated = ? WHERE id = ?",
    )
    .bind(payment.status.as_str())
    .bind(payment.updated_at)
    .bind(payment.authorized_at)
    .bind(payment.authorization_expires_at)
    .bind(payment.captured_amount)
    .bind(payment.refunded_amount)
    .bind(card.map(|c| c.brand.as_str()))
    .bind(card.and_then(|c| c.last4.as_deref()))
    .bind(card.and_then(|c| c.expiry_month))
    .bind(card.and_then(|c| c.expiry_year))
    .bind(payment.decline_code.map(DeclineCode::as_str))
    .bind(payment.challenge_passes)
    .bind(&payment.stored_card_id)
    .bind(payment.card_merchant_initiated.map(MerchantInitiated::as_str))
    .bind(&payment.id)
    .execute(connection)
    .await?;
    Ok(())
}

/// Authorized payments whose authorization has lapsed at `now`.
pub async fn lapsed_ids(pool: &SqlitePool, now: i64) -> Result<Vec<String>, DbError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT id FROM payments WHERE status = 'authorized' AND authorization_expires_at <= ?",
    )
    .bind(now)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

fn from_row(row: &SqliteRow) -> Result<Payment, DbError> {
    let corrupt = |what: &str| DbError::Corrupt(what.to_owned());
    let status: String = row.try_get("status")?;
    let capture_mode: String = row.try_get("capture_mode")?;
    let brand: Option<String> = row.try_get("card_brand")?;
    let card = match brand {
        None => None,
        Some(brand) => Some(Card {
            brand: Brand::parse(&brand).ok_or_else(|| corrupt("card_brand"))?,
            last4: row.try_get("card_last4")?,
            expiry_month: row.try_get("card_expiry_month")?,
            expiry_year: row.try_get("card_expiry_year")?,
        }),
    };
    let decline_code: Option<String> = row.try_get("decline_code")?;
    let allowed_origin: String = row.try_get("allowed_origin")?;
    let initiator: String = row.try_get("initiator")?;
    let card_merchant_initiated: Option<String> = row.try_get("card_merchant_initiated")?;
    Ok(Payment {
        id: row.try_get("id")?,
        status: Status::parse(&status).ok_or_else(|| corrupt("status"))?,
        amount: row.try_get("amount")?,
        currency: row.try_get("currency")?,
        capture_mode: CaptureMode::parse(&capture_mode).ok_or_else(|| corrupt("capture_mode"))?,
        merchant_reference: row.try_get("merchant_reference")?,
        allowed_origin: (!allowed_origin.is_empty()).then_some(allowed_origin),
        description: row.try_get("description")?,
        initiator: Initiator::parse(&initiator).ok_or_else(|| corrupt("initiator"))?,
        store_card: row.try_get("store_card")?,
        stored_card_id: row.try_get("stored_card_id")?,
        card_merchant_initiated: card_merchant_initiated
            .map(|value| {
                MerchantInitiated::parse(&value).ok_or_else(|| corrupt("card_merchant_initiated"))
            })
            .transpose()?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        authorized_at: row.try_get("authorized_at")?,
        authorization_expires_at: row.try_get("authorization_expires_at")?,
        captured_amount: row.try_get("captured_amount")?,
        refunded_amount: row.try_get("refunded_amount")?,
        card,
        decline_code: decline_code
            .map(|code| DeclineCode::parse(&code).ok_or_else(|| corrupt("decline_code")))
            .transpose()?,
        challenge_passes: row.try_get("challenge_passes")?,
    })
}
