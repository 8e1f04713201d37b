-- The payment record: every PSP payment an order ever had (each attempt,
-- refused and replaced ones included), kept apart from the order's
-- fulfilment status. `orders.payment_id` still names the one the order
-- follows now. Status, method, initiator and decline hold the shop's words
-- (read back typed: an unknown word is an error). Amounts in cents:
-- authorized (held now), captured and refunded are three facts.
-- `updated_at` is the PSP's time of the state stored, so that stale news
-- never overwrites newer.
CREATE TABLE order_payments (
    payment_id               TEXT    PRIMARY KEY NOT NULL,
    order_id                 TEXT    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    attempt                  INTEGER NOT NULL,
    method                   TEXT    NOT NULL
        CHECK (method IN ('card', 'apple_pay', 'google_pay')),
    initiator                TEXT    NOT NULL CHECK (initiator IN ('shopper', 'merchant')),
    status                   TEXT    NOT NULL,
    amount_cents             INTEGER NOT NULL,
    currency                 TEXT    NOT NULL,
    authorized_cents         INTEGER NOT NULL DEFAULT 0,
    captured_cents           INTEGER NOT NULL DEFAULT 0,
    refunded_cents           INTEGER NOT NULL DEFAULT 0,
    card_brand               TEXT,
    card_last4               TEXT,
    decline                  TEXT,
    authorized_at            INTEGER,
    authorization_expires_at INTEGER,
    created_at               INTEGER NOT NULL,
    updated_at               INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX order_payments_by_order ON order_payments (order_id, created_at);

-- The current payment of every order made before this table, as the order
-- knows it (earlier attempts' payments were not kept: the PSP has them).
INSERT INTO order_payments (payment_id, order_id, attempt, method, initiator, status,
    amount_cents, currency, authorized_cents, captured_cents, refunded_cents,
    card_brand, card_last4, decline, authorized_at, authorization_expires_at,
    created_at, updated_at)
SELECT payment_id, id, payment_attempt, payment_method, 'shopper',
    CASE
        WHEN status = 'payment_failed' THEN 'declined'
        WHEN status = 'payment_expired' THEN 'expired'
        WHEN status = 'authorized' OR (status = 'in_production' AND debited = 0) THEN 'authorized'
        WHEN debited = 1 AND refunded_cents >= total_cents THEN 'refunded'
        WHEN debited = 1 AND refunded_cents > 0 THEN 'partially_refunded'
        WHEN debited = 1 THEN 'captured'
        WHEN status = 'cancelled' AND authorized_at IS NOT NULL THEN 'cancelled'
        ELSE 'awaiting_shopper'
    END,
    total_cents, 'EUR',
    CASE WHEN debited = 0 AND status IN ('authorized', 'in_production') THEN total_cents ELSE 0 END,
    CASE WHEN debited = 1 THEN total_cents ELSE 0 END,
    refunded_cents, card_brand, card_last4, last_decline,
    authorized_at, authorization_expires_at, created_at, psp_updated_at
FROM orders WHERE payment_id IS NOT NULL;

-- Refunds an operator made, with the reason given and the shop's time.
-- `number` counts the order's refunds from 1: the PSP idempotency key of
-- refund n is derived from it, so a request retried after a lost answer
-- replays at the PSP instead of refunding twice.
CREATE TABLE refunds (
    order_id     TEXT    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL,
    payment_id   TEXT    NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    reason       TEXT    NOT NULL,
    refunded_at  INTEGER NOT NULL,
    PRIMARY KEY (order_id, number)
);
