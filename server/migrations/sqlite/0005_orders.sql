-- Orders and their card payment, saved delivery addresses, and the PSP
-- events already applied (so that a webhook delivered twice counts once).
-- An order keeps a snapshot of what was bought, where it goes and what it
-- cost (JSON of the shop API's own types): later catalogue or address
-- changes do not rewrite a past order.

CREATE TABLE addresses (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    street     TEXT    NOT NULL,
    postcode   TEXT    NOT NULL,
    city       TEXT    NOT NULL,
    country    TEXT    NOT NULL,
    phone      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE orders (
    id                       TEXT    PRIMARY KEY,
    account_id               INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- The storefront's key: a retried "create order" finds this order.
    idempotency_key          TEXT    NOT NULL,
    status                   TEXT    NOT NULL,
    created_at               INTEGER NOT NULL,
    updated_at               INTEGER NOT NULL,
    address_json             TEXT    NOT NULL,
    delivery_option_id       TEXT    NOT NULL,
    lines_json               TEXT    NOT NULL,
    totals_json              TEXT    NOT NULL,
    total_cents              INTEGER NOT NULL CHECK (total_cents > 0),
    -- The PSP payment of the current attempt (a new one after expiry).
    payment_id               TEXT,
    payment_attempt          INTEGER NOT NULL DEFAULT 1,
    hosted_page_url          TEXT,
    last_decline             TEXT,
    authorization_expires_at INTEGER,
    -- The PSP's time of the last state applied: older news is ignored.
    psp_updated_at           INTEGER NOT NULL DEFAULT 0,
    debited                  INTEGER NOT NULL DEFAULT 0 CHECK (debited IN (0, 1)),
    cart_emptied             INTEGER NOT NULL DEFAULT 0 CHECK (cart_emptied IN (0, 1)),
    expiry_warned            INTEGER NOT NULL DEFAULT 0 CHECK (expiry_warned IN (0, 1)),
    UNIQUE (account_id, idempotency_key)
);

CREATE INDEX orders_by_account ON orders (account_id, created_at);
CREATE INDEX orders_by_payment ON orders (payment_id);

CREATE TABLE psp_events (
    id          TEXT    PRIMARY KEY,
    received_at INTEGER NOT NULL
);
