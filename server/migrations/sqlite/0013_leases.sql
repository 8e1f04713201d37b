-- Background tasks run in one server process at a time even when several
-- share the database: a task takes its named lease with one compare-and-set
-- (insert, or take over a lease that expired because its holder died) and
-- deletes it when done.
CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,     -- random id of the holding process
    expires_at INTEGER NOT NULL -- Unix seconds
);

-- When the reconciler last read an order's payment at the PSP (Unix
-- seconds, 0 never): an order it checked recently is not due again, so the
-- oldest news always comes first and no order starves.
ALTER TABLE orders ADD COLUMN psp_checked_at INTEGER NOT NULL DEFAULT 0;
