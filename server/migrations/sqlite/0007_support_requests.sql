-- Requests sent through the help centre's contact form, and the operators'
-- answers. The client address is kept only to throttle senders (a few
-- requests an hour per address); see the privacy page for how long.
CREATE TABLE support_requests (
    id              INTEGER PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE, -- AS-XXXX-XXXX, shown to the shopper
    topic           TEXT    NOT NULL,        -- shop_api::support::SupportTopic
    order_reference TEXT,                    -- free text, as typed
    message         TEXT    NOT NULL,
    email           TEXT    NOT NULL,        -- canonical form (trimmed, lower case)
    client_address  TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,        -- Unix seconds
    answer          TEXT,
    answered_at     INTEGER
);
CREATE INDEX support_requests_by_client ON support_requests (client_address, created_at);
