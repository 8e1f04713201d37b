-- Accounts, server-side sessions and the sign-in throttle.
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE, -- trimmed and lower-cased
    password_hash TEXT    NOT NULL,        -- Argon2id PHC string
    created_at    INTEGER NOT NULL         -- Unix seconds
);

-- The cookie holds a random token; only its SHA-256 is stored, so a copy of
-- the database holds no usable session.
CREATE TABLE sessions (
    token_hash   TEXT    PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

-- Failed sign-ins per key ('account:<e-mail>' or 'client:<address>') within
-- a one-hour window, and until when the key must wait (Unix milliseconds).
CREATE TABLE sign_in_throttle (
    key               TEXT    PRIMARY KEY,
    window_started_at INTEGER NOT NULL,
    failures          INTEGER NOT NULL,
    blocked_until     INTEGER NOT NULL
);
