//! The payment record (`order_payments`): every PSP payment an order ever
//! had, written when the shop opens it and updated from each piece of PSP
//! news the shop applies, never from older news than stored (the PSP's
//! `updated_at` decides); and the refunds operators make (`refunds`), with
//! their reasons. Also the operators' paginated list of orders.

use super::orders::{COLUMNS, OrderRow};
use super::words::{optional_word, word, word_of};
use super::{Database, DbError};
use shop_api::Money;
use shop_api::order::{
    OrderStatus, PaymentDecline, PaymentInitiator, PaymentMethod, PaymentRecord,
    PaymentRecordStatus, RefundRecord,
};
use sqlx::Row;
use sqlx::any::AnyRow;

/// What the shop knows of one PSP payment, to store.
#[derive(Debug, Clone)]
pub struct PaymentNews<'a> {
    pub payment_id: &'a str,
    pub order_id: &'a str,
    /// Kept from the first write: the attempt, method and initiator the
    /// shop opened the payment with.
    pub attempt: i64,
    pub method: PaymentMethod,
    pub initiator: PaymentInitiator,
    pub status: PaymentRecordStatus,
    pub amount_cents: i64,
    pub currency: &'a str,
    pub authorized_cents: i64,
    pub captured_cents: i64,
    pub refunded_cents: i64,
    pub card_brand: Option<&'a str>,
    pub card_last4: Option<&'a str>,
    pub decline: Option<PaymentDecline>,
    pub authorized_at: Option<i64>,
    pub authorization_expires_at: Option<i64>,
    /// The PSP's time of this state.
    pub updated_at: i64,
    /// The shop's time, kept as `created_at` on the first write.
    pub now: i64,
}

/// A refund about to be recorded.
/// A refund asked of the PSP whose answer never came.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PendingRefund {
    pub number: i64,
    pub payment_id: String,
    pub amount_cents: i64,
    pub reason: String,
}

pub struct NewRefund<'a> {
    pub order_id: &'a str,
    pub number: i64,
    pub payment_id: &'a str,
    pub amount_cents: i64,
    pub reason: &'a str,
    pub now: i64,
    /// Written before the PSP is asked, settled after.
    pub pending: bool,
}

/// How far a payment has gone, as SQL over a status column: the PSP's
/// times are seconds, so two states of one second (a refund's answer and
/// the webhook of the partial refund before it) are told apart by this, and
/// the later state is kept.
fn progress(column: &str) -> String {
    format!(
        "(CASE {column} WHEN 'awaiting_shopper' THEN 0 WHEN 'declined' THEN 1 \
         WHEN 'authorized' THEN 2 WHEN 'captured' THEN 3 WHEN 'partially_refunded' THEN 4 \
         ELSE 5 END)"
    )
}

/// Typed on read like the orders' words: an unknown status, method,
/// initiator or refusal is an error.
fn typed_record(row: &AnyRow) -> Result<PaymentRecord, sqlx::Error> {
    Ok(PaymentRecord {
        payment_id: row.try_get("payment_id")?,
        attempt: row.try_get("attempt")?,
        method: word(row, "method")?,
        initiator: word(row, "initiator")?,
        status: word(row, "status")?,
        amount: Money::eur(row.try_get("amount_cents")?),
        authorized: Money::eur(row.try_get("authorized_cents")?),
        captured: Money::eur(row.try_get("captured_cents")?),
        refunded: Money::eur(row.try_get("refunded_cents")?),
        brand: row.try_get("card_brand")?,
        last4: row.try_get("card_last4")?,
        decline: optional_word(row, "decline")?,
        authorized_at: row.try_get("authorized_at")?,
        authorization_expires_at: row.try_get("authorization_expires_at")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

impl Database {
    /// Stores what the shop knows of a payment: a new row, or the stored
    /// one brought up to this news unless the stored state is newer at the
    /// PSP. Brand, last four and refusal are kept when the news lacks them.
    pub async fn record_payment(&self, news: &PaymentNews<'_>) -> Result<(), DbError> {
        sqlx::query(&format!(
            "INSERT INTO order_payments (payment_id, order_id, attempt, method, initiator, status, \
             amount_cents, currency, authorized_cents, captured_cents, refunded_cents, card_brand, \
             card_last4, decline, authorized_at, authorization_expires_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) \
             ON CONFLICT (payment_id) DO UPDATE SET status = excluded.status, \
             amount_cents = excluded.amount_cents, currency = excluded.currency, \
             authorized_cents = excluded.authorized_cents, \
             captured_cents = excluded.captured_cents, \
             refunded_cents = CASE WHEN order_payments.refunded_cents > excluded.refunded_cents \
                 THEN order_payments.refunded_cents ELSE excluded.refunded_cents END, \
             card_brand = COALESCE(excluded.card_brand, order_payments.card_brand), \
             card_last4 = COALESCE(excluded.card_last4, order_payments.card_last4), \
             decline = COALESCE(excluded.decline, order_payments.decline), \
             authorized_at = COALESCE(excluded.authorized_at, order_payments.authorized_at), \
             authorization_expires_at = COALESCE(excluded.authorization_expires_at, \
                 order_payments.authorization_expires_at), \
             updated_at = excluded.updated_at \
             WHERE order_payments.order_id = excluded.order_id \
             AND (order_payments.updated_at < excluded.updated_at \
                  OR (order_payments.updated_at = excluded.updated_at \
                      AND {} >= {}))",
            progress("excluded.status"),
            progress("order_payments.status"),
        ))
        .bind(news.payment_id)
        .bind(news.order_id)
        .bind(news.attempt)
        .bind(word_of(news.method))
        .bind(word_of(news.initiator))
        .bind(word_of(news.status))
        .bind(news.amount_cents)
        .bind(news.currency)
        .bind(news.authorized_cents)
        .bind(news.captured_cents)
        .bind(news.refunded_cents)
        .bind(news.card_brand)
        .bind(news.card_last4)
        .bind(news.decline.map(word_of))
        .bind(news.authorized_at)
        .bind(news.authorization_expires_at)
        .bind(news.now)
        .bind(news.updated_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Whether this payment is one the order had (any attempt).
    pub async fn is_payment_of(&self, order_id: &str, payment_id: &str) -> Result<bool, DbError> {
        let found: Option<(i64,)> =
            sqlx::query_as("SELECT 1 FROM order_payments WHERE order_id = $1 AND payment_id = $2")
                .bind(order_id)
                .bind(payment_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(found.is_some())
    }

    /// The order that had this PSP payment in an earlier attempt (or has
    /// it now), by its record: news of it still updates the record.
    pub async fn order_of_earlier_payment(
        &self,
        payment_id: &str,
    ) -> Result<Option<OrderRow>, DbError> {
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE id = \
             (SELECT order_id FROM order_payments WHERE payment_id = $1)"
        ))
        .bind(payment_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// One payment as recorded.
    pub async fn payment_record(&self, payment_id: &str) -> Result<Option<PaymentRecord>, DbError> {
        let row = sqlx::query("SELECT * FROM order_payments WHERE payment_id = $1")
            .bind(payment_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(typed_record).transpose()?)
    }

    /// Every payment of the order, newest first.
    pub async fn payment_records(&self, order_id: &str) -> Result<Vec<PaymentRecord>, DbError> {
        let rows = sqlx::query(
            "SELECT * FROM order_payments WHERE order_id = $1 \
             ORDER BY attempt DESC, created_at DESC, payment_id",
        )
        .bind(order_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(typed_record).collect::<Result<_, _>>()?)
    }

    /// How many refunds operators made on the order.
    pub async fn refund_count(&self, order_id: &str) -> Result<i64, DbError> {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM refunds WHERE order_id = $1")
            .bind(order_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(count)
    }

    /// What the shop's own recorded refunds gave back of this payment (each
    /// recorded once the PSP answered it).
    pub async fn refunds_recorded(&self, order_id: &str, payment_id: &str) -> Result<i64, DbError> {
        let (total,): (i64,) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM refunds \
             WHERE order_id = $1 AND payment_id = $2 AND state <> 'refused'",
        )
        .bind(order_id)
        .bind(payment_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(total)
    }

    /// Records refund `number`; a second record of the same number (a
    /// replayed request) adds nothing. Answers whether it was added.
    pub async fn insert_refund(&self, refund: &NewRefund<'_>) -> Result<bool, DbError> {
        Ok(sqlx::query(
            "INSERT INTO refunds (order_id, number, payment_id, amount_cents, reason, refunded_at, state) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (order_id, number) DO NOTHING",
        )
        .bind(refund.order_id)
        .bind(refund.number)
        .bind(refund.payment_id)
        .bind(refund.amount_cents)
        .bind(refund.reason)
        .bind(refund.now)
        .bind(if refund.pending { "pending" } else { "done" })
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// The refund written but not yet answered by the PSP, if any.
    pub async fn pending_refund(&self, order_id: &str) -> Result<Option<PendingRefund>, DbError> {
        Ok(sqlx::query_as::<_, PendingRefund>(
            "SELECT number, payment_id, amount_cents, reason FROM refunds \
             WHERE order_id = $1 AND state = 'pending' ORDER BY number LIMIT 1",
        )
        .bind(order_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The PSP answered refund `number`: `done`, or `refused`. A refund
    /// settled done writes `notice` (its outbox key and message) in the
    /// same transaction; settled already, it writes nothing.
    pub async fn settle_refund(
        &self,
        order_id: &str,
        number: i64,
        done: bool,
        now: i64,
        notice: Option<(&str, &crate::mail::Mail)>,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        let settled = sqlx::query(
            "UPDATE refunds SET state = $1, refunded_at = $2 \
             WHERE order_id = $3 AND number = $4 AND state = 'pending'",
        )
        .bind(if done { "done" } else { "refused" })
        .bind(now)
        .bind(order_id)
        .bind(number)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if let Some((event_key, mail)) = notice.filter(|_| settled && done) {
            super::outbox::insert(&mut tx, event_key, mail, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The order's refunds, newest first.
    pub async fn refunds_of(&self, order_id: &str) -> Result<Vec<RefundRecord>, DbError> {
        let rows: Vec<(i64, String, i64, String, i64)> = sqlx::query_as(
            "SELECT number, payment_id, amount_cents, reason, refunded_at FROM refunds \
             WHERE order_id = $1 AND state = 'done' ORDER BY number DESC",
        )
        .bind(order_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(number, payment_id, amount_cents, reason, refunded_at)| RefundRecord {
                    number,
                    payment_id,
                    amount: Money::eur(amount_cents),
                    reason,
                    refunded_at,
                },
            )
            .collect())
    }

    /// One page of every order (or those in `status`), newest first, and
    /// how many there are in all.
    pub async fn orders_page(
        &self,
        status: Option<OrderStatus>,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<OrderRow>, i64), DbError> {
        // `$1 IS NULL` is portable: no status, no filter.
        let filter = "($1 IS NULL OR status = $1)";
        let status = status.map(word_of);
        let (total,): (i64,) =
            sqlx::query_as(&format!("SELECT COUNT(*) FROM orders WHERE {filter}"))
                .bind(status.as_deref())
                .fetch_one(&self.pool)
                .await?;
        let rows = sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE {filter} \
             ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
        ))
        .bind(status.as_deref())
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await?;
        Ok((rows, total))
    }
}

#[cfg(test)]
mod tests {
    use sqlx::migrate::Migrator;
    use sqlx::sqlite::SqlitePoolOptions;

    /// Orders made before migration 0017 get their current payment in the
    /// record, with the status their order implies.
    #[tokio::test]
    async fn the_migration_records_the_payment_of_every_earlier_order() {
        let all = sqlx::migrate!("./migrations/sqlite");
        let before = Migrator {
            migrations: all
                .migrations
                .iter()
                .filter(|m| m.version < 17)
                .cloned()
                .collect::<Vec<_>>()
                .into(),
            ..sqlx::migrate!("./migrations/sqlite")
        };
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect("sqlite::memory:")
            .await
            .unwrap();
        before.run(&pool).await.unwrap();
        sqlx::query("INSERT INTO accounts (id, email, password_hash, created_at) VALUES (1, 'a@b.fr', 'x', 0)")
            .execute(&pool)
            .await
            .unwrap();
        // (id, status, payment, method, debited, refunded)
        let orders = [
            ("unpaid", "awaiting_payment", Some("pay_1"), "card", 0, 0),
            ("held", "in_production", Some("pay_2"), "card", 0, 0),
            (
                "wallet",
                "in_production",
                Some("pay_3"),
                "apple_pay",
                1,
                500,
            ),
            ("shipped", "shipped", Some("pay_4"), "card", 1, 4599),
            ("voided", "cancelled", Some("pay_5"), "card", 0, 0),
            ("none", "awaiting_payment", None, "card", 0, 0),
        ];
        for (id, status, payment, method, debited, refunded) in orders {
            sqlx::query(
                "INSERT INTO orders (id, account_id, idempotency_key, status, created_at, updated_at, \
                 address_json, delivery_option_id, lines_json, totals_json, total_cents, payment_id, \
                 payment_method, debited, refunded_cents, authorized_at, number) \
                 VALUES ($1, 1, $2, $3, 10, 10, '{}', 'standard', '[]', '{}', 4599, $4, $5, $6, $7, $8, $9)",
            )
            .bind(id)
            .bind(id)
            .bind(status)
            .bind(payment)
            .bind(method)
            .bind(debited)
            .bind(refunded)
            .bind((id == "voided").then_some(5))
            .bind(format!("SP-{id}"))
            .execute(&pool)
            .await
            .unwrap();
        }
        all.run(&pool).await.unwrap();
        let rows: Vec<(String, String, String, i64, i64, i64)> = sqlx::query_as(
            "SELECT order_id, status, method, authorized_cents, captured_cents, refunded_cents \
             FROM order_payments ORDER BY payment_id",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        let expected = [
            ("unpaid", "awaiting_shopper", "card", 0, 0, 0),
            ("held", "authorized", "card", 4599, 0, 0),
            ("wallet", "partially_refunded", "apple_pay", 0, 4599, 500),
            ("shipped", "refunded", "card", 0, 4599, 4599),
            ("voided", "cancelled", "card", 0, 0, 0),
        ];
        let rows: Vec<_> = rows
            .iter()
            .map(|(o, s, m, a, c, r)| (o.as_str(), s.as_str(), m.as_str(), *a, *c, *r))
            .collect();
        assert_eq!(rows, expected);
    }
}
