-- The catalogue, seeded at first start. Prices are integer cents, euro,
-- VAT (20 %) included. The server is the only place prices are computed.

CREATE TABLE products (
    id             TEXT    PRIMARY KEY,
    kind           TEXT    NOT NULL CHECK (kind IN ('prints', 'photo_book', 'calendar', 'poster')),
    position       INTEGER NOT NULL,
    name_fr        TEXT    NOT NULL,
    name_en        TEXT    NOT NULL,
    description_fr TEXT    NOT NULL,
    description_en TEXT    NOT NULL,
    max_quantity   INTEGER NOT NULL CHECK (max_quantity > 0)
);

-- A format and its price for one unit (a print, a book with its base pages,
-- a calendar, a poster). Photo books add a price per extra page.
CREATE TABLE product_formats (
    product_id       TEXT    NOT NULL REFERENCES products (id),
    id               TEXT    NOT NULL,
    position         INTEGER NOT NULL,
    label            TEXT    NOT NULL,
    unit_cents       INTEGER NOT NULL CHECK (unit_cents > 0),
    base_pages       INTEGER,
    max_pages        INTEGER,
    extra_page_cents INTEGER,
    PRIMARY KEY (product_id, id)
);

-- Volume prices: from `min_quantity` units of the format, each costs
-- `unit_cents` instead.
CREATE TABLE volume_tiers (
    product_id   TEXT    NOT NULL,
    format_id    TEXT    NOT NULL,
    min_quantity INTEGER NOT NULL CHECK (min_quantity > 1),
    unit_cents   INTEGER NOT NULL CHECK (unit_cents > 0),
    PRIMARY KEY (product_id, format_id, min_quantity),
    FOREIGN KEY (product_id, format_id) REFERENCES product_formats (product_id, id)
);

CREATE TABLE cover_options (
    product_id TEXT    NOT NULL REFERENCES products (id),
    id         TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    label_fr   TEXT    NOT NULL,
    label_en   TEXT    NOT NULL,
    cents      INTEGER NOT NULL CHECK (cents >= 0),
    PRIMARY KEY (product_id, id)
);

CREATE TABLE delivery_options (
    id                TEXT    PRIMARY KEY,
    position          INTEGER NOT NULL,
    name_fr           TEXT    NOT NULL,
    name_en           TEXT    NOT NULL,
    cents             INTEGER NOT NULL CHECK (cents >= 0),
    min_days          INTEGER NOT NULL,
    max_days          INTEGER NOT NULL,
    -- Free once the products' subtotal reaches the shop's threshold.
    free_above_threshold INTEGER NOT NULL CHECK (free_above_threshold IN (0, 1))
);

CREATE TABLE shop_settings (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

INSERT INTO shop_settings (key, value) VALUES ('free_delivery_threshold_cents', 4900);

INSERT INTO products VALUES
    ('tirages', 'prints', 1, 'Tirages photo', 'Photo prints',
     'Vos photos sur papier photo brillant ou mat, une photo par tirage.',
     'Your photos on glossy or matte photo paper, one photo per print.', 2000),
    ('livre-photo', 'photo_book', 2, 'Livre photo', 'Photo book',
     'Un livre relié de 24 à 100 pages, couverture souple ou rigide.',
     'A bound book of 24 to 100 pages, soft or hard cover.', 50),
    ('calendrier', 'calendar', 3, 'Calendrier', 'Calendar',
     'Douze mois, douze photos, sur papier épais.',
     'Twelve months, twelve photos, on thick paper.', 50),
    ('poster', 'poster', 4, 'Poster', 'Poster',
     'Une photo en grand format, prête à encadrer.',
     'One photo, large, ready to frame.', 20);

INSERT INTO product_formats (product_id, id, position, label, unit_cents, base_pages, max_pages, extra_page_cents) VALUES
    ('tirages', '10x15', 1, '10 × 15 cm', 19, NULL, NULL, NULL),
    ('tirages', '13x18', 2, '13 × 18 cm', 39, NULL, NULL, NULL),
    ('tirages', '20x30', 3, '20 × 30 cm', 199, NULL, NULL, NULL),
    ('livre-photo', 'a4-portrait', 1, 'A4 portrait (21 × 29,7 cm)', 2999, 24, 100, 99),
    ('livre-photo', '30x30', 2, '30 × 30 cm', 3999, 24, 100, 129),
    ('calendrier', 'a4', 1, 'A4 (21 × 29,7 cm)', 1999, NULL, NULL, NULL),
    ('calendrier', 'a3', 2, 'A3 (29,7 × 42 cm)', 2999, NULL, NULL, NULL),
    ('poster', '50x70', 1, '50 × 70 cm', 1499, NULL, NULL, NULL),
    ('poster', '60x90', 2, '60 × 90 cm', 2499, NULL, NULL, NULL);

INSERT INTO volume_tiers (product_id, format_id, min_quantity, unit_cents) VALUES
    ('tirages', '10x15', 50, 15),
    ('tirages', '10x15', 200, 12),
    ('tirages', '13x18', 50, 32),
    ('tirages', '13x18', 200, 27),
    ('tirages', '20x30', 50, 169);

INSERT INTO cover_options VALUES
    ('livre-photo', 'souple', 1, 'Couverture souple', 'Soft cover', 0),
    ('livre-photo', 'rigide', 2, 'Couverture rigide', 'Hard cover', 500);

INSERT INTO delivery_options VALUES
    ('standard', 1, 'Livraison standard', 'Standard delivery', 499, 3, 5, 1),
    ('point-relais', 2, 'Point relais', 'Pick-up point', 399, 3, 6, 1),
    ('express', 3, 'Livraison express', 'Express delivery', 999, 1, 2, 0);
