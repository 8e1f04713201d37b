-- Every card refusal the shop learns of (webhook or poll), counted against
-- card testing: at most 5 per order and 20 per account in an hour
-- (`orders::declines`). One row per refusal: the PSP payment, its
-- `updated_at` and the refused card as the PSP names it (brand and last
-- four digits, never more; '' when it names none) tell a refusal apart,
-- so a webhook and a poll of the same refusal count once, while several
-- cards refused within the same second count each.
CREATE TABLE payment_declines (
    order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL,
    payment_id TEXT NOT NULL,
    psp_updated_at INTEGER NOT NULL,
    card TEXT NOT NULL DEFAULT '',
    -- The shop's clock when it learnt of the refusal: the hour is counted
    -- from here.
    declined_at INTEGER NOT NULL,
    UNIQUE (payment_id, psp_updated_at, card)
);
CREATE INDEX payment_declines_order ON payment_declines (order_id, declined_at);
CREATE INDEX payment_declines_account ON payment_declines (account_id, declined_at);
