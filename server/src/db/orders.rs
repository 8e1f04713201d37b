//! Orders, saved addresses and applied PSP events. Status changes are
//! compare-and-set (`WHERE status = old`), so a webhook and a poll arriving
//! together cannot both apply the same change or undo each other.

use super::{Database, DbError};
use shop_api::order::Address;

/// An order as stored; `orders.rs` turns it into the API's `Order`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrderRow {
    pub id: String,
    pub account_id: i64,
    pub status: String,
    pub created_at: i64,
    pub address_json: String,
    pub delivery_option_id: String,
    pub lines_json: String,
    pub totals_json: String,
    pub total_cents: i64,
    pub payment_id: Option<String>,
    pub payment_attempt: i64,
    pub hosted_page_url: Option<String>,
    pub last_decline: Option<String>,
    pub authorization_expires_at: Option<i64>,
    pub psp_updated_at: i64,
    pub debited: bool,
    pub cart_emptied: bool,
    pub payment_method: String,
    pub terms_version: Option<String>,
    pub terms_accepted_at: Option<i64>,
}

const COLUMNS: &str = "id, account_id, status, created_at, address_json, delivery_option_id, \
    lines_json, totals_json, total_cents, payment_id, payment_attempt, hosted_page_url, \
    last_decline, authorization_expires_at, psp_updated_at, debited, cart_emptied, payment_method, \
    terms_version, terms_accepted_at";

pub struct NewOrderRow<'a> {
    pub id: &'a str,
    pub account_id: i64,
    pub idempotency_key: &'a str,
    pub status: &'a str,
    pub now: i64,
    pub address_json: &'a str,
    pub delivery_option_id: &'a str,
    pub lines_json: &'a str,
    pub totals_json: &'a str,
    pub total_cents: i64,
    pub terms_version: &'a str,
}

/// A change learnt from the PSP, applied only if the order is still in
/// `from` and the news is not older than what was applied before.
pub struct PaymentChange<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub psp_updated_at: i64,
    pub last_decline: Option<&'a str>,
    pub authorization_expires_at: Option<i64>,
    pub debited: bool,
    pub now: i64,
}

impl Database {
    /// Creates the order, or answers the one this key already made.
    /// `created` tells which.
    pub async fn insert_order(&self, new: &NewOrderRow<'_>) -> Result<(OrderRow, bool), DbError> {
        let inserted = sqlx::query(
            "INSERT INTO orders (id, account_id, idempotency_key, status, created_at, updated_at, \
             address_json, delivery_option_id, lines_json, totals_json, total_cents, \
             terms_version, terms_accepted_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (account_id, idempotency_key) DO NOTHING",
        )
        .bind(new.id)
        .bind(new.account_id)
        .bind(new.idempotency_key)
        .bind(new.status)
        .bind(new.now)
        .bind(new.now)
        .bind(new.address_json)
        .bind(new.delivery_option_id)
        .bind(new.lines_json)
        .bind(new.totals_json)
        .bind(new.total_cents)
        .bind(new.terms_version)
        .bind(new.now)
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1;
        let row = sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE account_id = ? AND idempotency_key = ?"
        ))
        .bind(new.account_id)
        .bind(new.idempotency_key)
        .fetch_one(&self.pool)
        .await?;
        Ok((row, inserted))
    }

    /// The order an idempotency key made, if any.
    pub async fn order_by_key(
        &self,
        account_id: i64,
        key: &str,
    ) -> Result<Option<OrderRow>, DbError> {
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE account_id = ? AND idempotency_key = ?"
        ))
        .bind(account_id)
        .bind(key)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// An account's order; `None` for another account's.
    pub async fn order(&self, account_id: i64, id: &str) -> Result<Option<OrderRow>, DbError> {
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE account_id = ? AND id = ?"
        ))
        .bind(account_id)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Any order, for operators.
    pub async fn order_by_id(&self, id: &str) -> Result<Option<OrderRow>, DbError> {
        Ok(
            sqlx::query_as::<_, OrderRow>(&format!("SELECT {COLUMNS} FROM orders WHERE id = ?"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// The order a PSP payment belongs to.
    pub async fn order_by_payment(&self, payment_id: &str) -> Result<Option<OrderRow>, DbError> {
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE payment_id = ?"
        ))
        .bind(payment_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn orders_of(&self, account_id: i64) -> Result<Vec<OrderRow>, DbError> {
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE account_id = ? ORDER BY created_at DESC, id DESC"
        ))
        .bind(account_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Orders with a live authorization, soonest expiry first.
    pub async fn authorized_orders(&self) -> Result<Vec<OrderRow>, DbError> {
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE status IN ('authorized', 'in_production') \
             AND debited = 0 ORDER BY authorization_expires_at"
        ))
        .fetch_all(&self.pool)
        .await?)
    }

    /// Records the PSP payment of the order's current attempt.
    pub async fn set_order_payment(
        &self,
        id: &str,
        attempt: i64,
        payment_id: &str,
        hosted_page_url: Option<&str>,
        method: &str,
        now: i64,
    ) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE orders SET payment_id = ?, payment_attempt = ?, hosted_page_url = ?, \
             payment_method = ?, authorization_expires_at = NULL, updated_at = ? WHERE id = ?",
        )
        .bind(payment_id)
        .bind(attempt)
        .bind(hosted_page_url)
        .bind(method)
        .bind(now)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Applies a payment change if the order is still where the caller saw
    /// it; answers whether it did.
    pub async fn change_order_status(
        &self,
        id: &str,
        change: &PaymentChange<'_>,
    ) -> Result<bool, DbError> {
        let result = sqlx::query(
            "UPDATE orders SET status = ?, psp_updated_at = MAX(psp_updated_at, ?), \
             last_decline = COALESCE(?, last_decline), \
             authorization_expires_at = COALESCE(?, authorization_expires_at), \
             debited = MAX(debited, ?), updated_at = ? \
             WHERE id = ? AND status = ? AND psp_updated_at <= ?",
        )
        .bind(change.to)
        .bind(change.psp_updated_at)
        .bind(change.last_decline)
        .bind(change.authorization_expires_at)
        .bind(change.debited)
        .bind(change.now)
        .bind(id)
        .bind(change.from)
        .bind(change.psp_updated_at)
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// The order's payment was authorized: its account's cart is emptied,
    /// once, in the same transaction that marks it done.
    pub async fn empty_cart_for_order(
        &self,
        order_id: &str,
        account_id: i64,
    ) -> Result<(), DbError> {
        let mut tx = self.pool.begin().await?;
        let marked =
            sqlx::query("UPDATE orders SET cart_emptied = 1 WHERE id = ? AND cart_emptied = 0")
                .bind(order_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if marked == 1 {
            sqlx::query("DELETE FROM cart_lines WHERE account_id = ?")
                .bind(account_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM carts WHERE account_id = ?")
                .bind(account_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Notes that operators were warned of an expiring authorization;
    /// answers whether this call was the first.
    pub async fn mark_expiry_warned(&self, id: &str) -> Result<bool, DbError> {
        Ok(
            sqlx::query("UPDATE orders SET expiry_warned = 1 WHERE id = ? AND expiry_warned = 0")
                .bind(id)
                .execute(&self.pool)
                .await?
                .rows_affected()
                == 1,
        )
    }

    pub async fn psp_event_seen(&self, event_id: &str) -> Result<bool, DbError> {
        let seen: Option<(i64,)> = sqlx::query_as("SELECT 1 FROM psp_events WHERE id = ?")
            .bind(event_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(seen.is_some())
    }

    /// Remembers a PSP event; `false` if it was already applied.
    pub async fn record_psp_event(&self, event_id: &str, now: i64) -> Result<bool, DbError> {
        Ok(sqlx::query(
            "INSERT INTO psp_events (id, received_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
        )
        .bind(event_id)
        .bind(now)
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1)
    }

    pub async fn address(&self, account_id: i64) -> Result<Option<Address>, DbError> {
        let row: Option<(String, String, String, String, String, String)> = sqlx::query_as(
            "SELECT name, street, postcode, city, country, phone FROM addresses WHERE account_id = ?",
        )
        .bind(account_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(
            row.map(|(name, street, postcode, city, country, phone)| Address {
                name,
                street,
                postcode,
                city,
                country,
                phone,
            }),
        )
    }

    pub async fn save_address(
        &self,
        account_id: i64,
        address: &Address,
        now: i64,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO addresses (account_id, name, street, postcode, city, country, phone, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (account_id) DO UPDATE SET name = excluded.name, street = excluded.street, \
             postcode = excluded.postcode, city = excluded.city, country = excluded.country, \
             phone = excluded.phone, updated_at = excluded.updated_at",
        )
        .bind(account_id)
        .bind(&address.name)
        .bind(&address.street)
        .bind(&address.postcode)
        .bind(&address.city)
        .bind(&address.country)
        .bind(&address.phone)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
