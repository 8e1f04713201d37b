-- Saved creation projects, their photos, and the carts of signed-in
-- shoppers. Project and photo ids are made by the browser (an unsaved
-- project keeps its id once saved; a retried upload is recognised), so they
-- are unique per account, not globally.

CREATE TABLE projects (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    id         TEXT    NOT NULL,
    name       TEXT    NOT NULL, -- trimmed, 1 to 80 characters
    -- The product as configured; checked against the catalogue when saved.
    product_id TEXT    NOT NULL,
    format_id  TEXT    NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    pages      INTEGER,
    cover_id   TEXT,
    -- Unix milliseconds, strictly increasing per account, so that the list
    -- of projects is in save order even for saves within one millisecond.
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX projects_by_update ON projects (account_id, updated_at);

-- The draft's photo order, ids not uploaded yet included: the single source
-- of a project's order.
CREATE TABLE project_photo_order (
    account_id INTEGER NOT NULL,
    project_id TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    photo_id   TEXT    NOT NULL,
    PRIMARY KEY (account_id, project_id, position),
    UNIQUE (account_id, project_id, photo_id),
    FOREIGN KEY (account_id, project_id) REFERENCES projects (account_id, id) ON DELETE CASCADE
);

-- Uploaded photos, validated from their bytes. The file itself lives in the
-- data folder (photos/<account_id>/<project_id>/<id>); this row is the
-- truth about it. A photo uploaded before the draft lists it has no
-- position until the next save lists it, or deletes it.
CREATE TABLE project_photos (
    account_id   INTEGER NOT NULL,
    project_id   TEXT    NOT NULL,
    id           TEXT    NOT NULL,
    content_type TEXT    NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    bytes        INTEGER NOT NULL CHECK (bytes > 0),
    width        INTEGER NOT NULL CHECK (width > 0),
    height       INTEGER NOT NULL CHECK (height > 0),
    uploaded_at  INTEGER NOT NULL, -- Unix seconds
    PRIMARY KEY (account_id, project_id, id),
    FOREIGN KEY (account_id, project_id) REFERENCES projects (account_id, id) ON DELETE CASCADE
);

-- One cart per account, shared by all the shopper's browsers. Prices are
-- never stored: the server prices the lines whenever it is asked.
CREATE TABLE carts (
    account_id         INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    delivery_option_id TEXT,
    updated_at         INTEGER NOT NULL -- Unix seconds
);

-- A line names a project that may live only in the browser: no foreign key
-- to projects. Deleting a saved project removes its lines.
CREATE TABLE cart_lines (
    account_id   INTEGER NOT NULL REFERENCES carts (account_id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    project_id   TEXT    NOT NULL,
    project_name TEXT    NOT NULL,
    product_id   TEXT    NOT NULL,
    format_id    TEXT    NOT NULL,
    quantity     INTEGER NOT NULL CHECK (quantity > 0), -- units in one copy
    pages        INTEGER,
    cover_id     TEXT,
    copies       INTEGER NOT NULL CHECK (copies > 0),
    PRIMARY KEY (account_id, position),
    UNIQUE (account_id, project_id)
);
