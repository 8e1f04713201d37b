-- The shop's messages to its shoppers, written in the same transaction as
-- the event that causes them (an order paid, a password reset asked); the
-- sender (`mail::sender`) delivers them through SMTP.
--
-- `event_key` names the event ("order-confirmed:<order id>"): writing the
-- same event again is ignored, so no event ever makes two messages. A
-- message waits with `next_attempt_at` set; the sender takes it by moving
-- that time a lease ahead (a sender killed while sending leaves it to be
-- taken again when the lease ends), then marks it sent, or due again
-- later, or failed for good. `next_attempt_at` is NULL once it is sent or
-- failed.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    event_key       TEXT    NOT NULL UNIQUE,
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    text_body       TEXT    NOT NULL,
    html_body       TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    next_attempt_at INTEGER,
    attempts        INTEGER NOT NULL DEFAULT 0,
    sent_at         INTEGER,
    failed_at       INTEGER,
    last_error      TEXT
);

CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
