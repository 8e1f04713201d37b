-- PSP news that does not match its order (another amount, currency or
-- order reference) is not applied: it waits here for an operator. One row
-- per order, payment and reason; a repeated event adds nothing.
CREATE TABLE payment_holds (
    order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    payment_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    held_at INTEGER NOT NULL,
    PRIMARY KEY (order_id, payment_id, reason)
);
CREATE INDEX payment_holds_held_at ON payment_holds (held_at);
