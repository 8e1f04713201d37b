//! What the shop server's reconciler did, as operators read it:
//! `GET /api/v1/operator/reconciler` (recent actions and the PSP events
//! kept for payments no order had) and `POST /api/v1/operator/reconcile`
//! (one pass now, and its summary).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One kind of reconciler action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReconcileKind {
    /// A lost webhook made up for: the order's payment, read from the PSP,
    /// moved the order.
    LateNewsApplied,
    /// A kept event's payment turned out to be an order's current payment:
    /// applied to it.
    StrayApplied,
    /// A payment no live order has was authorized: voided.
    StrayVoided,
    /// A payment no live order has was captured: refunded.
    StrayRefunded,
    /// A kept event needed nothing (the payment holds no money, or the PSP
    /// does not know it).
    StraySettled,
    /// An order left unpaid for 24 hours: cancelled.
    UnpaidCancelled,
    /// An authorization nears its end and no card is kept on file to renew
    /// it (or renewing was refused): ship before it lapses.
    ReauthorizationDue,
    /// An authorization renewed on the card kept on file (the old one
    /// voided).
    Reauthorized,
    /// The PSP refused to authorize the kept card again: the shopper will
    /// be asked to pay when the authorization lapses.
    ReauthorizationRefused,
    /// An action the reconciler tried and could not complete (retried on
    /// the next pass).
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileAction {
    /// Unix seconds.
    pub at: i64,
    pub kind: ReconcileKind,
    pub order_id: Option<String>,
    pub payment_id: Option<String>,
    /// What happened, in plain words (for operators, English).
    pub detail: String,
}

/// A PSP event about a payment that was not an order's current payment
/// when it arrived, kept until a pass settles it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrayEvent {
    pub event_id: String,
    pub payment_id: String,
    pub received_at: i64,
    /// `None` while unresolved.
    pub resolved_at: Option<i64>,
    pub resolution: Option<String>,
}

/// `GET /api/v1/operator/reconciler`: newest first, at most 100 of each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcilerReport {
    pub actions: Vec<ReconcileAction>,
    pub stray_events: Vec<StrayEvent>,
}

/// `POST /api/v1/operator/reconcile`: what one pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileSummary {
    /// Unix seconds.
    pub started_at: i64,
    pub finished_at: i64,
    /// How many actions of each kind (kinds without any are absent).
    pub counts: BTreeMap<ReconcileKind, u32>,
    /// In the order they happened.
    pub actions: Vec<ReconcileAction>,
}

impl ReconcileSummary {
    /// How many actions of `kind` the pass took.
    pub fn count(&self, kind: ReconcileKind) -> u32 {
        self.counts.get(&kind).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_snake_case_words_and_counts_a_map_of_them() {
        let mut summary = ReconcileSummary::default();
        summary.counts.insert(ReconcileKind::StrayVoided, 2);
        let json = serde_json::to_value(&summary).unwrap();
        assert_eq!(json["counts"]["stray_voided"], 2);
        let back: ReconcileSummary = serde_json::from_value(json).unwrap();
        assert_eq!(back.count(ReconcileKind::StrayVoided), 2);
        assert_eq!(back.count(ReconcileKind::UnpaidCancelled), 0);
    }
}
