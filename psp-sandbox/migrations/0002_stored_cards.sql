-- Card on file: cards stored with the shopper's consent, and the payments
-- that store one or are made on one. As in 0001, no column holds a card
-- number or security code: a stored card is its brand, last four digits,
-- expiry, and what the issuer answers merchant-initiated use of it.

CREATE TABLE stored_cards (
    id TEXT PRIMARY KEY NOT NULL,
    merchant TEXT NOT NULL,
    brand TEXT NOT NULL,
    last4 TEXT NOT NULL,
    expiry_month INTEGER NOT NULL,
    expiry_year INTEGER NOT NULL,
    -- 'approve', or the decline code merchant-initiated use gets.
    merchant_initiated TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- 'shopper' (the hosted page) or 'merchant' (on a stored card). A
-- merchant-initiated payment has no page: its allowed_origin is ''.
ALTER TABLE payments ADD COLUMN initiator TEXT NOT NULL DEFAULT 'shopper';
ALTER TABLE payments ADD COLUMN store_card INTEGER NOT NULL DEFAULT 0;
-- No foreign key: a deleted stored card leaves its payments as they were.
ALTER TABLE payments ADD COLUMN stored_card_id TEXT;
-- Kept between a 3-D Secure challenge and the authorization that stores
-- the card; NULL once stored.
ALTER TABLE payments ADD COLUMN card_merchant_initiated TEXT;
