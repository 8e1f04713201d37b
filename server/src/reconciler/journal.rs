//! What a pass did: each action logged with `tracing`, written to the
//! `reconciler_actions` table for operators, and kept for the pass's
//! summary.

use crate::db::Database;
use shop_api::reconcile::{ReconcileAction, ReconcileKind, ReconcileSummary};

pub(super) struct Journal<'a> {
    db: &'a Database,
    now: i64,
    actions: Vec<ReconcileAction>,
}

impl<'a> Journal<'a> {
    pub(super) fn new(db: &'a Database, now: i64) -> Self {
        Self {
            db,
            now,
            actions: Vec::new(),
        }
    }

    /// Logs and records one action. A journal row that cannot be written is
    /// logged, not fatal: the action itself happened.
    pub(super) async fn record(
        &mut self,
        kind: ReconcileKind,
        order_id: Option<&str>,
        payment_id: Option<&str>,
        detail: String,
    ) {
        let kind_word = crate::db::reconcile_kind_name(kind);
        if kind == ReconcileKind::Failed || kind == ReconcileKind::ReauthorizationDue {
            tracing::warn!(kind = %kind_word, order = ?order_id, payment = ?payment_id, %detail, "reconciler");
        } else {
            tracing::info!(kind = %kind_word, order = ?order_id, payment = ?payment_id, %detail, "reconciler");
        }
        let action = ReconcileAction {
            at: self.now,
            kind,
            order_id: order_id.map(str::to_owned),
            payment_id: payment_id.map(str::to_owned),
            detail,
        };
        if let Err(error) = self.db.record_reconciler_action(&action).await {
            tracing::error!(%error, "reconciler action not recorded");
        }
        self.actions.push(action);
    }

    pub(super) fn summary(self, started_at: i64, finished_at: i64) -> ReconcileSummary {
        let mut summary = ReconcileSummary {
            started_at,
            finished_at,
            ..ReconcileSummary::default()
        };
        for action in &self.actions {
            *summary.counts.entry(action.kind).or_default() += 1;
        }
        summary.actions = self.actions;
        summary
    }
}
