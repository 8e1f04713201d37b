-- One row recording when this shop's database was created; the health check
-- reads it to prove the schema is in place, not just that a file exists.
CREATE TABLE shop_instance (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO shop_instance (id) VALUES (1);
