//! Orders, saved addresses and applied PSP events. Status changes are
//! compare-and-set (`WHERE status = old`), so a webhook and a poll arriving
//! together cannot both apply the same change or undo each other.

use super::words::{optional_word, word, word_of};
use super::{Database, DbError};
use crate::mail::Mail;
use shop_api::Language;
use shop_api::order::{Address, Carrier, OrderLine, OrderStatus, PaymentDecline, PaymentMethod};
use shop_api::page::Page;
use sqlx::any::AnyRow;
use sqlx::{FromRow as _, Row};

/// An order as stored; `orders.rs` turns it into the API's `Order`.
#[derive(Debug, Clone)]
pub struct OrderRow {
    pub id: String,
    pub account_id: i64,
    pub status: OrderStatus,
    pub created_at: i64,
    pub address_json: String,
    pub delivery_option_id: String,
    pub lines_json: String,
    pub totals_json: String,
    pub total_cents: i64,
    pub payment_id: Option<String>,
    pub payment_attempt: i64,
    pub hosted_page_url: Option<String>,
    pub last_decline: Option<PaymentDecline>,
    pub authorization_expires_at: Option<i64>,
    pub psp_updated_at: i64,
    pub debited: bool,
    pub cart_emptied: bool,
    pub payment_method: PaymentMethod,
    pub terms_version: Option<String>,
    pub terms_accepted_at: Option<i64>,
    pub refunded_cents: i64,
    /// `None` only between migration 0009 and the start-up backfill.
    pub number: Option<String>,
    pub authorized_at: Option<i64>,
    pub production_started_at: Option<i64>,
    pub shipped_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub carrier: Option<Carrier>,
    pub tracking_number: Option<String>,
    /// `YYYY-MM-DD`.
    pub estimated_delivery: Option<String>,
    pub keep_card: bool,
    pub stored_card_id: Option<String>,
    pub card_brand: Option<String>,
    pub card_last4: Option<String>,
    pub reauthorization_declined_at: Option<i64>,
}

/// Status, method, refusal and carrier columns hold words the shop wrote
/// (`super::words`); a word it does not know is a decoding error, never a
/// default (an unknown status read as payable would take money).
impl<'r> sqlx::FromRow<'r, AnyRow> for OrderRow {
    fn from_row(row: &'r AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            account_id: row.try_get("account_id")?,
            status: word(row, "status")?,
            created_at: row.try_get("created_at")?,
            address_json: row.try_get("address_json")?,
            delivery_option_id: row.try_get("delivery_option_id")?,
            lines_json: row.try_get("lines_json")?,
            totals_json: row.try_get("totals_json")?,
            total_cents: row.try_get("total_cents")?,
            payment_id: row.try_get("payment_id")?,
            payment_attempt: row.try_get("payment_attempt")?,
            hosted_page_url: row.try_get("hosted_page_url")?,
            last_decline: optional_word(row, "last_decline")?,
            authorization_expires_at: row.try_get("authorization_expires_at")?,
            psp_updated_at: row.try_get("psp_updated_at")?,
            debited: row.try_get::<i64, _>("debited")? != 0,
            cart_emptied: row.try_get::<i64, _>("cart_emptied")? != 0,
            payment_method: word(row, "payment_method")?,
            terms_version: row.try_get("terms_version")?,
            terms_accepted_at: row.try_get("terms_accepted_at")?,
            refunded_cents: row.try_get("refunded_cents")?,
            number: row.try_get("number")?,
            authorized_at: row.try_get("authorized_at")?,
            production_started_at: row.try_get("production_started_at")?,
            shipped_at: row.try_get("shipped_at")?,
            delivered_at: row.try_get("delivered_at")?,
            cancelled_at: row.try_get("cancelled_at")?,
            carrier: optional_word(row, "carrier")?,
            tracking_number: row.try_get("tracking_number")?,
            estimated_delivery: row.try_get("estimated_delivery")?,
            keep_card: row.try_get::<i64, _>("keep_card")? != 0,
            stored_card_id: row.try_get("stored_card_id")?,
            card_brand: row.try_get("card_brand")?,
            card_last4: row.try_get("card_last4")?,
            reauthorization_declined_at: row.try_get("reauthorization_declined_at")?,
        })
    }
}

pub(super) const COLUMNS: &str = "id, account_id, status, created_at, address_json, delivery_option_id, \
    lines_json, totals_json, total_cents, payment_id, payment_attempt, hosted_page_url, \
    last_decline, authorization_expires_at, psp_updated_at, debited, cart_emptied, payment_method, \
    terms_version, terms_accepted_at, refunded_cents, number, authorized_at, production_started_at, shipped_at, \
    delivered_at, cancelled_at, carrier, tracking_number, estimated_delivery, keep_card, \
    stored_card_id, card_brand, card_last4, reauthorization_declined_at";

/// The column dating the step an order reaches with this status (its first
/// time only): the timeline's dates are set by the status change itself.
fn step_column(status: OrderStatus) -> Option<&'static str> {
    match status {
        OrderStatus::Authorized | OrderStatus::Paid => Some("authorized_at"),
        OrderStatus::InProduction => Some("production_started_at"),
        OrderStatus::Shipped => Some("shipped_at"),
        OrderStatus::Delivered => Some("delivered_at"),
        OrderStatus::Cancelled => Some("cancelled_at"),
        _ => None,
    }
}

/// Whether an insert failed on a UNIQUE constraint (here: the order
/// number, the idempotency key being handled by `ON CONFLICT`).
fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}

pub struct NewOrderRow<'a> {
    pub id: &'a str,
    pub account_id: i64,
    pub idempotency_key: &'a str,
    pub status: OrderStatus,
    pub now: i64,
    pub address_json: &'a str,
    pub delivery_option_id: &'a str,
    pub lines_json: &'a str,
    pub totals_json: &'a str,
    pub total_cents: i64,
    pub terms_version: &'a str,
    pub number: &'a str,
    /// `YYYY-MM-DD`.
    pub estimated_delivery: &'a str,
    pub keep_card: bool,
    /// The photos the order will print, frozen (`projects::files::freeze`).
    pub photos: &'a [OrderPhotoRow],
}

/// One frozen photo of an order line: its place and what it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OrderPhotoRow {
    pub line: u32,
    pub position: u32,
    pub photo: shop_api::project::Photo,
}

/// A change learnt from the PSP, applied only if the order is still in
/// `from` and the news is not older than what was applied before.
pub struct PaymentChange {
    /// The payment the news is about: applied only while the order still
    /// follows it (a renewal or a wallet may have moved it on since the
    /// news was read). `None` for an operator's step.
    pub payment_id: Option<String>,
    pub from: OrderStatus,
    pub to: OrderStatus,
    pub psp_updated_at: i64,
    pub last_decline: Option<PaymentDecline>,
    pub authorization_expires_at: Option<i64>,
    pub debited: bool,
    pub now: i64,
}

/// Who an order's messages go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressee {
    pub email: String,
    pub language: Language,
}

/// The message a status change sends, given the status it left and the
/// order as it is now: its outbox key and the message, or `None`.
pub type Notice<'a> =
    &'a (dyn Fn(OrderStatus, &OrderRow, &Addressee) -> Option<(String, Mail)> + Sync);

/// The cart line of an ordered line: the same project with the same choice
/// (a project changed since is another product to make). Portable SQL: no
/// `IS ?` on the nullable columns.
/// Its values are `$2` to `$8`, after the statement's own `$1`.
const SAME_CART_LINE: &str = "account_id = $2 AND project_id = $3 AND product_id = $4 \
    AND format_id = $5 AND quantity = $6 AND COALESCE(pages, 0) = $7 AND COALESCE(cover_id, '') = $8";

fn same_cart_line<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    account_id: i64,
    line: &'q OrderLine,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    let choice = &line.choice;
    query
        .bind(account_id)
        .bind(line.project_id.as_str())
        .bind(choice.product_id.as_str())
        .bind(choice.format_id.as_str())
        .bind(i64::from(choice.quantity))
        .bind(i64::from(choice.pages.unwrap_or(0)))
        .bind(choice.cover_id.as_deref().unwrap_or(""))
}

/// Takes an order's lines out of its account's cart, once (`cart_emptied`).
/// Only what was ordered leaves: lines added since, and extra copies of an
/// ordered project, stay for the next order (a line with no copy left goes).
async fn trim_ordered_lines(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    order_id: &str,
) -> Result<(), DbError> {
    let marked =
        sqlx::query("UPDATE orders SET cart_emptied = 1 WHERE id = $1 AND cart_emptied = 0")
            .bind(order_id)
            .execute(&mut **tx)
            .await?
            .rows_affected();
    if marked == 0 {
        return Ok(());
    }
    let (account_id, lines_json): (i64, String) =
        sqlx::query_as("SELECT account_id, lines_json FROM orders WHERE id = $1")
            .bind(order_id)
            .fetch_one(&mut **tx)
            .await?;
    let ordered: Vec<OrderLine> = serde_json::from_str(&lines_json).unwrap_or_default();
    for line in &ordered {
        let copies = i64::from(line.copies);
        same_cart_line(
            sqlx::query(&format!(
                "DELETE FROM cart_lines WHERE copies <= $1 AND {SAME_CART_LINE}"
            ))
            .bind(copies),
            account_id,
            line,
        )
        .execute(&mut **tx)
        .await?;
        same_cart_line(
            sqlx::query(&format!(
                "UPDATE cart_lines SET copies = copies - $1 WHERE {SAME_CART_LINE}"
            ))
            .bind(copies),
            account_id,
            line,
        )
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query(
        "DELETE FROM carts WHERE account_id = $1 \
         AND NOT EXISTS (SELECT 1 FROM cart_lines WHERE account_id = $2)",
    )
    .bind(account_id)
    .bind(account_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Database {
    /// Creates the order, or answers the one this key already made.
    /// `created` tells which; `None` when the order number is taken (the
    /// caller draws another).
    pub async fn insert_order(
        &self,
        new: &NewOrderRow<'_>,
    ) -> Result<Option<(OrderRow, bool)>, DbError> {
        // The order and its photos' rows at once: never an order without
        // what it prints. The account locked: its deletion waits, or this
        // waits for it and fails on the deleted account.
        let mut tx = self.begin_write().await?;
        self.lock_account(&mut tx, new.account_id).await?;
        let inserted = sqlx::query(
            "INSERT INTO orders (id, account_id, idempotency_key, status, created_at, updated_at, \
             address_json, delivery_option_id, lines_json, totals_json, total_cents, \
             terms_version, terms_accepted_at, number, estimated_delivery, keep_card) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) \
             ON CONFLICT (account_id, idempotency_key) DO NOTHING",
        )
        .bind(new.id)
        .bind(new.account_id)
        .bind(new.idempotency_key)
        .bind(word_of(new.status))
        .bind(new.now)
        .bind(new.now)
        .bind(new.address_json)
        .bind(new.delivery_option_id)
        .bind(new.lines_json)
        .bind(new.totals_json)
        .bind(new.total_cents)
        .bind(new.terms_version)
        .bind(new.now)
        .bind(new.number)
        .bind(new.estimated_delivery)
        .bind(i64::from(new.keep_card))
        .execute(&mut *tx)
        .await;
        let inserted = match inserted {
            Ok(done) => done.rows_affected() == 1,
            Err(error) if is_unique_violation(&error) => return Ok(None),
            Err(error) => return Err(error.into()),
        };
        if inserted {
            for frozen in new.photos {
                sqlx::query(
                    "INSERT INTO order_photos (order_id, line, position, photo_id, content_type, \
                     bytes, width, height) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(new.id)
                .bind(i64::from(frozen.line))
                .bind(i64::from(frozen.position))
                .bind(&frozen.photo.id)
                .bind(&frozen.photo.content_type)
                .bind(i64::try_from(frozen.photo.bytes).unwrap_or(i64::MAX))
                .bind(i64::from(frozen.photo.width))
                .bind(i64::from(frozen.photo.height))
                .execute(&mut *tx)
                .await?;
            }
        }
        let row = sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE account_id = $1 AND idempotency_key = $2"
        ))
        .bind(new.account_id)
        .bind(new.idempotency_key)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some((row, inserted)))
    }

    /// The photos an order prints, line by line, in order; empty once they
    /// are purged.
    pub async fn order_photos(&self, order_id: &str) -> Result<Vec<OrderPhotoRow>, DbError> {
        let rows: Vec<(i64, i64, String, String, i64, i64, i64)> = sqlx::query_as(
            "SELECT p.line, p.position, p.photo_id, p.content_type, p.bytes, p.width, p.height \
             FROM order_photos p JOIN orders o ON o.id = p.order_id \
             WHERE p.order_id = $1 AND o.photos_purged_at IS NULL ORDER BY p.line, p.position",
        )
        .bind(order_id)
        .fetch_all(&self.pool)
        .await?;
        let count = |value: i64| u32::try_from(value).unwrap_or(0);
        Ok(rows
            .into_iter()
            .map(
                |(line, position, id, content_type, bytes, width, height)| OrderPhotoRow {
                    line: count(line),
                    position: count(position),
                    photo: shop_api::project::Photo {
                        id,
                        content_type,
                        bytes: u64::try_from(bytes).unwrap_or(0),
                        width: count(width),
                        height: count(height),
                    },
                },
            )
            .collect())
    }

    /// Orders made before numbers existed (migration 0009).
    pub async fn order_ids_without_number(&self) -> Result<Vec<String>, DbError> {
        let ids: Vec<(String,)> = sqlx::query_as("SELECT id FROM orders WHERE number IS NULL")
            .fetch_all(&self.pool)
            .await?;
        Ok(ids.into_iter().map(|(id,)| id).collect())
    }

    /// Gives an order without one its number; `false` when the number is
    /// taken (the caller draws another).
    pub async fn set_order_number(&self, id: &str, number: &str) -> Result<bool, DbError> {
        let result = sqlx::query("UPDATE orders SET number = $1 WHERE id = $2 AND number IS NULL")
            .bind(number)
            .bind(id)
            .execute(&self.pool)
            .await;
        match result {
            Ok(_) => Ok(true),
            Err(error) if is_unique_violation(&error) => Ok(false),
            Err(error) => Err(error.into()),
        }
    }

    /// The order with this number placed from the account with this
    /// (canonical) e-mail. One query whichever of the two is wrong, so that
    /// a wrong e-mail and an unknown number cost the same.
    pub async fn order_by_number_and_email(
        &self,
        number: &str,
        email: &str,
    ) -> Result<Option<OrderRow>, DbError> {
        let columns = COLUMNS
            .split(", ")
            .map(|column| format!("o.{}", column.trim()))
            .collect::<Vec<_>>()
            .join(", ");
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {columns} FROM orders o JOIN accounts a ON a.id = o.account_id \
             WHERE o.number = $1 AND a.email = $2"
        ))
        .bind(number)
        .bind(email)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Records the parcel of an order about to ship (before the capture, so
    /// that a shipped order always has it; a retried shipment replaces it).
    pub async fn set_shipment(
        &self,
        id: &str,
        carrier: Carrier,
        tracking_number: &str,
    ) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE orders SET carrier = $1, tracking_number = $2 \
             WHERE id = $3 AND status IN ('authorized', 'paid', 'in_production')",
        )
        .bind(word_of(carrier))
        .bind(tracking_number)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The order an idempotency key made, if any.
    pub async fn order_by_key(
        &self,
        account_id: i64,
        key: &str,
    ) -> Result<Option<OrderRow>, DbError> {
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE account_id = $1 AND idempotency_key = $2"
        ))
        .bind(account_id)
        .bind(key)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// An account's order; `None` for another account's.
    pub async fn order(&self, account_id: i64, id: &str) -> Result<Option<OrderRow>, DbError> {
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE account_id = $1 AND id = $2"
        ))
        .bind(account_id)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Any order, for operators.
    pub async fn order_by_id(&self, id: &str) -> Result<Option<OrderRow>, DbError> {
        Ok(
            sqlx::query_as::<_, OrderRow>(&format!("SELECT {COLUMNS} FROM orders WHERE id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// The order a PSP payment belongs to.
    pub async fn order_by_payment(&self, payment_id: &str) -> Result<Option<OrderRow>, DbError> {
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE payment_id = $1"
        ))
        .bind(payment_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn orders_of(&self, account_id: i64) -> Result<Vec<OrderRow>, DbError> {
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE account_id = $1 ORDER BY created_at DESC, id DESC"
        ))
        .bind(account_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// One page of the account's orders, newest first: `limit` of them made
    /// before the cursor `before` (the order's row number, which only grows),
    /// with the next cursor.
    pub async fn account_orders_page(
        &self,
        account_id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> Result<Page<OrderRow>, DbError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS}, rowid AS cursor FROM orders WHERE account_id = $1 AND rowid < $2 \
             ORDER BY rowid DESC LIMIT $3"
        ))
        .bind(account_id)
        .bind(before.unwrap_or(i64::MAX))
        .bind(i64::from(limit) + 1)
        .fetch_all(&self.pool)
        .await?;
        let rows = rows
            .iter()
            .map(|row| Ok((OrderRow::from_row(row)?, row.try_get::<i64, _>("cursor")?)))
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        let page = Page::from_one_more(rows, limit, |(_, cursor)| *cursor);
        Ok(Page {
            items: page.items.into_iter().map(|(row, _)| row).collect(),
            next_before: page.next_before,
        })
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
        method: PaymentMethod,
        now: i64,
    ) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE orders SET payment_id = $1, payment_attempt = $2, hosted_page_url = $3, \
             payment_method = $4, authorization_expires_at = NULL, updated_at = $5 WHERE id = $6",
        )
        .bind(payment_id)
        .bind(attempt)
        .bind(hosted_page_url)
        .bind(word_of(method))
        .bind(now)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records what the PSP refunded of the order's current payment; the
    /// amount only grows (stale news of a smaller refund changes nothing).
    pub async fn record_refund(&self, id: &str, refunded_cents: i64) -> Result<bool, DbError> {
        Ok(sqlx::query(
            "UPDATE orders SET refunded_cents = $1 WHERE id = $2 AND refunded_cents < $3",
        )
        .bind(refunded_cents)
        .bind(id)
        .bind(refunded_cents)
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// Applies a payment change if the order is still where the caller saw
    /// it; answers whether it did. Reaching `authorized` or `paid` also
    /// takes what was ordered out of the account's cart, in the same
    /// transaction: no reader sees a paid order with its lines still in the
    /// cart, and no crash between the two leaves them there.
    ///
    /// The message the change sends, if any (`notice`, asked with the
    /// order as changed and its account's address and language), goes to
    /// the outbox in the same transaction: a change is never without its
    /// message, nor a message without its change.
    pub async fn change_order_status(
        &self,
        id: &str,
        change: &PaymentChange,
        notice: Notice<'_>,
    ) -> Result<bool, DbError> {
        // The step's date goes in the same UPDATE as the status: a change
        // and its date are one fact.
        let stamp = match step_column(change.to).filter(|_| change.to != change.from) {
            Some(column) => format!("{column} = COALESCE({column}, $6), "),
            None => String::new(),
        };
        let sql = format!(
            "UPDATE orders SET {stamp}status = $1, \
             psp_updated_at = CASE WHEN psp_updated_at > $2 THEN psp_updated_at ELSE $2 END, \
             last_decline = COALESCE($3, last_decline), \
             authorization_expires_at = COALESCE($4, authorization_expires_at), \
             debited = CASE WHEN $5 = 1 THEN 1 ELSE debited END, updated_at = $6 \
             WHERE id = $7 AND status = $8 AND psp_updated_at <= $9 \
             AND ($10 IS NULL OR payment_id = $11)"
        );
        let query = sqlx::query(&sql);
        // The UPDATE comes first: SQLite takes the write lock there.
        let mut tx = self.begin_write().await?;
        let changed = query
            .bind(word_of(change.to))
            .bind(change.psp_updated_at)
            .bind(change.last_decline.map(word_of))
            .bind(change.authorization_expires_at)
            .bind(i64::from(change.debited))
            .bind(change.now)
            .bind(id)
            .bind(word_of(change.from))
            .bind(change.psp_updated_at)
            .bind(change.payment_id.as_deref())
            .bind(change.payment_id.as_deref())
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        if changed && matches!(change.to, OrderStatus::Authorized | OrderStatus::Paid) {
            trim_ordered_lines(&mut tx, id).await?;
        }
        // Only a new status can send a message (a new refusal reason on a
        // refused order is no news to write about).
        if changed && change.to != change.from {
            let row = sqlx::query_as::<_, OrderRow>(&format!(
                "SELECT {COLUMNS} FROM orders WHERE id = $1"
            ))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let account = sqlx::query("SELECT email, language FROM accounts WHERE id = $1")
                .bind(row.account_id)
                .fetch_one(&mut *tx)
                .await?;
            let addressee = Addressee {
                email: account.try_get("email")?,
                language: word(&account, "language")?,
            };
            if let Some((event_key, mail)) = notice(change.from, &row, &addressee) {
                super::outbox::insert(&mut tx, &event_key, &mail, change.now).await?;
            }
        }
        tx.commit().await?;
        Ok(changed)
    }

    /// Notes that operators were warned of an expiring authorization;
    /// answers whether this call was the first.
    pub async fn mark_expiry_warned(&self, id: &str) -> Result<bool, DbError> {
        Ok(
            sqlx::query("UPDATE orders SET expiry_warned = 1 WHERE id = $1 AND expiry_warned = 0")
                .bind(id)
                .execute(&self.pool)
                .await?
                .rows_affected()
                == 1,
        )
    }

    pub async fn psp_event_seen(&self, event_id: &str) -> Result<bool, DbError> {
        let seen: Option<(i64,)> = sqlx::query_as("SELECT 1 FROM psp_events WHERE id = $1")
            .bind(event_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(seen.is_some())
    }

    /// Remembers a PSP event; `false` if it was already applied.
    pub async fn record_psp_event(&self, event_id: &str, now: i64) -> Result<bool, DbError> {
        Ok(sqlx::query(
            "INSERT INTO psp_events (id, received_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
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
            "SELECT name, street, postcode, city, country, phone FROM addresses WHERE account_id = $1",
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
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
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
