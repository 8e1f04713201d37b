-- How an order is paid: by card (authorized, captured at shipment) or with
-- a wallet (Apple Pay, Google Pay: captured at once).
ALTER TABLE orders ADD COLUMN payment_method TEXT NOT NULL DEFAULT 'card'
    CHECK (payment_method IN ('card', 'apple_pay', 'google_pay'));
