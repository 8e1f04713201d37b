-- What the shop's mail needs to know of an account, and the links it sends.
--
-- `language` is the one the shop writes in ('fr' or 'en'): the storefront's
-- at sign-up, at each sign-in and when the shopper switches. An address is
-- confirmed once its owner opened the link sent to it
-- (`email_verified_at`); an unconfirmed account can shop.
ALTER TABLE accounts ADD COLUMN language TEXT NOT NULL DEFAULT 'fr';
ALTER TABLE accounts ADD COLUMN email_verified_at INTEGER;
-- A deleted account (GDPR art. 17) keeps its row, emptied of the person
-- (`email` becomes `deleted:<id>`, which no address can match; no password
-- hash), so that its orders stay for the accounts without anyone's name.
ALTER TABLE accounts ADD COLUMN deleted_at INTEGER;

-- The browser a session was opened from, in a few words ("Firefox sur
-- Android"), for the account's list of its sessions.
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';

-- Links the shop e-mails: confirm an address (24 hours), reset a password
-- (1 hour), move the account to a new address (24 hours, sent there). The link carries a random token; only its SHA-256 is stored,
-- so a copy of the database opens nothing. A link serves once: using it
-- sets `used_at` in the statement that checks it is unused and on time.
-- `email` is the address the link was sent to: a confirmation counts only
-- while the account still has that address.
CREATE TABLE account_links (
    token_hash TEXT    PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL
               CHECK (purpose IN ('verify_email', 'reset_password', 'change_email')),
    email      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX account_links_by_account ON account_links (account_id, purpose);

-- The language a support request was written from: its acknowledgement
-- and its answer are sent in it.
ALTER TABLE support_requests ADD COLUMN language TEXT NOT NULL DEFAULT 'fr';
