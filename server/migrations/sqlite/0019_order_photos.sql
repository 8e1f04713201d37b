-- Orders freeze their photos; the purge finds what has expired; known
-- browsers of an account.
--
-- What will be printed: each order line's photos as they were when the
-- order was made. Their files are in `order-photos/<order_id>/` (links to
-- the project's files of that moment: a later upload renames a new file
-- over the project's name and leaves these alone), so editing or deleting
-- the project never changes or removes them. They are deleted once the
-- order is delivered or cancelled and the retention period has passed
-- (`photos_purged_at`).
CREATE TABLE order_photos (
    order_id     TEXT    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line         INTEGER NOT NULL,
    position     INTEGER NOT NULL,
    photo_id     TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    bytes        INTEGER NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    PRIMARY KEY (order_id, line, position)
);

ALTER TABLE orders ADD COLUMN photos_purged_at INTEGER;

-- The periodic purge finds what has expired without reading every row.
CREATE INDEX sessions_by_last_seen ON sessions (last_seen_at);
CREATE INDEX sign_in_throttle_by_window ON sign_in_throttle (window_started_at);
CREATE INDEX psp_events_by_received ON psp_events (received_at);

-- Browsers where an account signed in before (the SHA-256 of a random
-- token in a long-lived cookie). Failed sign-ins from such a browser count
-- against it alone, not against the account: strangers who hammer an
-- account cannot lock its owner out of their own browser.
CREATE TABLE known_devices (
    token_hash   TEXT    PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL
);
CREATE INDEX known_devices_by_use ON known_devices (last_used_at);
