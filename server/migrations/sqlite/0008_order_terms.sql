-- The CGV a shopper accepted at checkout: which version, and when. Orders
-- made before the checkout asked keep NULL.
ALTER TABLE orders ADD COLUMN terms_version TEXT;
ALTER TABLE orders ADD COLUMN terms_accepted_at INTEGER;
