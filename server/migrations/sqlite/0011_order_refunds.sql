-- What the PSP refunded of the order's payment, in cents: a partial refund
-- is recorded as such and never cancels the order.
ALTER TABLE orders ADD COLUMN refunded_cents INTEGER NOT NULL DEFAULT 0;
