-- Authorizations that outlive production. With the shopper's consent
-- (`keep_card`, an unticked box at checkout) the PSP keeps the card for
-- this order's payment; the shop stores only the PSP's reference to it
-- (`stored_card_id`), never card data. Brand and last four digits are what
-- the PSP reports, shown to the shopper.
ALTER TABLE orders ADD COLUMN keep_card INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN stored_card_id TEXT;
ALTER TABLE orders ADD COLUMN card_brand TEXT;
ALTER TABLE orders ADD COLUMN card_last4 TEXT;
-- Set when the PSP refused to authorize again on the stored card: the
-- shop does not ask again, and the shopper is asked to pay once the
-- authorization lapses.
ALTER TABLE orders ADD COLUMN reauthorization_declined_at INTEGER;

-- How long an authorization holds, per card brand, as the shop's acquirer
-- states it (the PSP may report a later end; the earlier one counts).
CREATE TABLE authorization_deadlines (
    brand TEXT PRIMARY KEY NOT NULL,
    days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 30)
);

INSERT INTO authorization_deadlines (brand, days) VALUES
    ('visa', 7),
    ('mastercard', 7),
    ('maestro', 7),
    ('amex', 7),
    ('cartes_bancaires', 7);
