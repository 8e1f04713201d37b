-- A refund is written before the PSP is asked (`pending`), then settled
-- (`done`), or `refused` when the PSP refused its amount. A pending refund
-- whose answer was lost is completed, under its own key, before any other
-- is made: its reason is never lost, and no key is reused with another
-- amount. Rows from before were all answered.
ALTER TABLE refunds ADD COLUMN state TEXT NOT NULL DEFAULT 'done'
    CHECK (state IN ('pending', 'done', 'refused'));
