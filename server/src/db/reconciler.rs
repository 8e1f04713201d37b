//! The reconciler's queries: orders whose PSP news is late, orders left
//! unpaid, PSP events kept for payments no order had, and the journal of
//! what the reconciler did.

use super::orders::COLUMNS;
use super::{Database, DbError, OrderRow};
use shop_api::reconcile::{ReconcileAction, ReconcileKind, StrayEvent};

/// Orders whose payment can still move at the PSP.
const MOVABLE: &str =
    "status IN ('awaiting_payment', 'payment_failed', 'authorized', 'paid', 'in_production')";

/// When the shop last heard of the order's payment: its last PSP news, or
/// (none yet) when the payment was recorded, or the reconciler's last read,
/// whichever is latest. Portable SQL: `CASE`, not SQLite's `MAX(a, b)`.
const LAST_HEARD: &str = "CASE WHEN psp_checked_at > \
    (CASE WHEN psp_updated_at > 0 THEN psp_updated_at ELSE updated_at END) \
    THEN psp_checked_at \
    ELSE (CASE WHEN psp_updated_at > 0 THEN psp_updated_at ELSE updated_at END) END";

#[derive(sqlx::FromRow)]
struct ActionRow {
    at: i64,
    kind: String,
    order_id: Option<String>,
    payment_id: Option<String>,
    detail: String,
}

#[derive(sqlx::FromRow)]
struct StrayRow {
    event_id: String,
    payment_id: String,
    received_at: i64,
    resolved_at: Option<i64>,
    resolution: Option<String>,
}

/// How a kind is written in `reconciler_actions.kind`: its wire word.
pub fn kind_name(kind: ReconcileKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn parse_kind(name: &str) -> ReconcileKind {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .unwrap_or(ReconcileKind::Failed)
}

impl Database {
    /// Orders with a payment that can still move and nothing heard of it
    /// since `heard_before`, the longest silent first, at most `limit`.
    pub async fn orders_with_late_news(
        &self,
        heard_before: i64,
        limit: i64,
    ) -> Result<Vec<OrderRow>, DbError> {
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE {MOVABLE} AND payment_id IS NOT NULL \
             AND {LAST_HEARD} < $1 ORDER BY {LAST_HEARD}, id LIMIT $2"
        ))
        .bind(heard_before)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Notes that the reconciler read the order's payment at the PSP.
    pub async fn mark_psp_checked(&self, order_id: &str, now: i64) -> Result<(), DbError> {
        sqlx::query("UPDATE orders SET psp_checked_at = $1 WHERE id = $2")
            .bind(now)
            .bind(order_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Orders still unpaid that were made before `created_before`, oldest
    /// first, at most `limit`.
    pub async fn unpaid_orders_before(
        &self,
        created_before: i64,
        limit: i64,
    ) -> Result<Vec<OrderRow>, DbError> {
        Ok(sqlx::query_as::<_, OrderRow>(&format!(
            "SELECT {COLUMNS} FROM orders WHERE status IN ('awaiting_payment', 'payment_failed') \
             AND created_at < $1 ORDER BY created_at, id LIMIT $2"
        ))
        .bind(created_before)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Keeps an event about a payment no order had; the same event again
    /// adds nothing.
    pub async fn keep_stray_event(
        &self,
        event_id: &str,
        payment_id: &str,
        now: i64,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO psp_stray_events (event_id, payment_id, received_at) VALUES ($1, $2, $3) \
             ON CONFLICT (event_id) DO NOTHING",
        )
        .bind(event_id)
        .bind(payment_id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Payments with unresolved kept events, first received before
    /// `received_before`, the oldest first, at most `limit`.
    pub async fn unresolved_stray_payments(
        &self,
        received_before: i64,
        limit: i64,
    ) -> Result<Vec<String>, DbError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT payment_id FROM psp_stray_events WHERE resolved_at IS NULL \
             GROUP BY payment_id HAVING MIN(received_at) < $1 \
             ORDER BY MIN(received_at), payment_id LIMIT $2",
        )
        .bind(received_before)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// Settles every unresolved kept event of the payment.
    pub async fn resolve_stray_payment(
        &self,
        payment_id: &str,
        now: i64,
        resolution: &str,
    ) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE psp_stray_events SET resolved_at = $1, resolution = $2 \
             WHERE payment_id = $3 AND resolved_at IS NULL",
        )
        .bind(now)
        .bind(resolution)
        .bind(payment_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Kept events, the newest first, at most `limit`.
    pub async fn stray_events(&self, limit: i64) -> Result<Vec<StrayEvent>, DbError> {
        let rows: Vec<StrayRow> = sqlx::query_as(
            "SELECT event_id, payment_id, received_at, resolved_at, resolution \
             FROM psp_stray_events ORDER BY received_at DESC, event_id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| StrayEvent {
                event_id: row.event_id,
                payment_id: row.payment_id,
                received_at: row.received_at,
                resolved_at: row.resolved_at,
                resolution: row.resolution,
            })
            .collect())
    }

    pub async fn record_reconciler_action(&self, action: &ReconcileAction) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO reconciler_actions (at, kind, order_id, payment_id, detail) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(action.at)
        .bind(kind_name(action.kind))
        .bind(action.order_id.as_deref())
        .bind(action.payment_id.as_deref())
        .bind(&action.detail)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Whether an action of `kind` was ever recorded for the order.
    pub async fn reconciler_action_recorded(
        &self,
        kind: ReconcileKind,
        order_id: &str,
    ) -> Result<bool, DbError> {
        let found: Option<(i64,)> = sqlx::query_as(
            "SELECT 1 FROM reconciler_actions WHERE order_id = $1 AND kind = $2 LIMIT 1",
        )
        .bind(order_id)
        .bind(kind_name(kind))
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }

    /// The newest actions first, at most `limit`.
    pub async fn reconciler_actions(&self, limit: i64) -> Result<Vec<ReconcileAction>, DbError> {
        let rows: Vec<ActionRow> = sqlx::query_as(
            "SELECT at, kind, order_id, payment_id, detail FROM reconciler_actions \
             ORDER BY at DESC, id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| ReconcileAction {
                at: row.at,
                kind: parse_kind(&row.kind),
                order_id: row.order_id,
                payment_id: row.payment_id,
                detail: row.detail,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_stored_as_their_wire_words() {
        for kind in [
            ReconcileKind::LateNewsApplied,
            ReconcileKind::StrayVoided,
            ReconcileKind::UnpaidCancelled,
            ReconcileKind::ReauthorizationDue,
        ] {
            assert_eq!(parse_kind(&kind_name(kind)), kind);
        }
        assert_eq!(kind_name(ReconcileKind::StrayRefunded), "stray_refunded");
        assert_eq!(parse_kind("something new"), ReconcileKind::Failed);
    }
}
