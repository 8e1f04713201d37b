-- An action in progress on an order (shipping, cancelling, paying with a
-- wallet): taken by compare-and-set before the PSP is called, so two
-- actions cannot both move money; `claimed_at` lets a claim left by a
-- process that died be taken over.
ALTER TABLE orders ADD COLUMN claim TEXT;
ALTER TABLE orders ADD COLUMN claimed_at INTEGER;
