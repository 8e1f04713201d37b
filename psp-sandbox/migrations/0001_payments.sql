-- The sandbox's own state. No column ever holds a card number or security
-- code: a card is its brand, last four digits and expiry.

CREATE TABLE payments (
    id TEXT PRIMARY KEY NOT NULL,
    status TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    capture_mode TEXT NOT NULL,
    merchant_reference TEXT NOT NULL,
    allowed_origin TEXT NOT NULL,
    description TEXT,
    created_at INTEGER NOT NULL,
    -- The last change, so that a merchant can tell a stale event.
    updated_at INTEGER NOT NULL,
    authorized_at INTEGER,
    authorization_expires_at INTEGER,
    captured_amount INTEGER NOT NULL DEFAULT 0,
    refunded_amount INTEGER NOT NULL DEFAULT 0,
    card_brand TEXT,
    card_last4 TEXT,
    card_expiry_month INTEGER,
    card_expiry_year INTEGER,
    decline_code TEXT,
    -- 3-D Secure pending: 1 when the right code passes, 0 when it never does.
    challenge_passes INTEGER
);

CREATE INDEX payments_lapsing ON payments (status, authorization_expires_at);

-- A creating call's answer, replayed for a retry with the same key.
CREATE TABLE idempotency_keys (
    merchant TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response_status INTEGER NOT NULL,
    response_body BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (merchant, key)
);

-- Webhook events; `seq` keeps one payment's events in the order they
-- happened, whatever their delivery retries.
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    payment_id TEXT NOT NULL REFERENCES payments (id),
    type TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    payload TEXT NOT NULL,
    delivery_attempts INTEGER NOT NULL DEFAULT 0,
    -- Unix milliseconds.
    next_attempt_at INTEGER NOT NULL,
    delivered_at INTEGER,
    abandoned_at INTEGER
);

CREATE INDEX events_pending ON events (payment_id, seq) WHERE delivered_at IS NULL AND abandoned_at IS NULL;
