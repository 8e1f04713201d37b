-- PSP events about a payment that was not an order's current payment when
-- they arrived: acknowledged to the PSP, kept here until the reconciler
-- settles the payment (applies it to the order that now has it, voids or
-- refunds it, or finds nothing to do).
CREATE TABLE psp_stray_events (
    event_id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL,
    received_at INTEGER NOT NULL, -- Unix seconds
    resolved_at INTEGER,          -- NULL while unresolved
    resolution TEXT
);
CREATE INDEX psp_stray_events_unresolved ON psp_stray_events (resolved_at, received_at);

-- What the reconciler did, for operators (GET /api/v1/operator/reconciler).
CREATE TABLE reconciler_actions (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,  -- Unix seconds
    kind TEXT NOT NULL,   -- shop_api::reconcile::ReconcileKind
    order_id TEXT,
    payment_id TEXT,
    detail TEXT NOT NULL
);
CREATE INDEX reconciler_actions_at ON reconciler_actions (at);
CREATE INDEX reconciler_actions_order ON reconciler_actions (order_id, kind);
