-- Order tracking: the number shoppers see, the date of each fulfilment
-- step, the parcel, the estimated delivery, and each product's production
-- time. (0007 and 0008 belong to other work; sqlx applies what is missing.)

-- `SP-XXXX-XXXX`, drawn at random by the server. Orders made before this
-- migration get theirs at the server's next start (`db::orders`'s
-- `orders_without_number`, filled with the same CSPRNG and uniqueness
-- retry as new orders), hence a nullable column: SQLite cannot add a
-- NOT NULL column without a default. A NULL is never shown: every row has
-- its number before the server answers its first request.
ALTER TABLE orders ADD COLUMN number TEXT;
CREATE UNIQUE INDEX orders_by_number ON orders (number);

-- Unix seconds of each step, set in the same compare-and-set UPDATE that
-- moves the status (the first time only). Unknown (NULL) for steps taken
-- before this migration: those orders show a shorter timeline.
ALTER TABLE orders ADD COLUMN authorized_at INTEGER;
ALTER TABLE orders ADD COLUMN production_started_at INTEGER;
ALTER TABLE orders ADD COLUMN shipped_at INTEGER;
ALTER TABLE orders ADD COLUMN delivered_at INTEGER;
ALTER TABLE orders ADD COLUMN cancelled_at INTEGER;

-- The parcel, as the operator gave it when shipping (the tracking page is
-- built from the carrier's template when read, never stored).
ALTER TABLE orders ADD COLUMN carrier TEXT;
ALTER TABLE orders ADD COLUMN tracking_number TEXT;

-- `YYYY-MM-DD`, computed once when the order is placed. Unknown for older
-- orders.
ALTER TABLE orders ADD COLUMN estimated_delivery TEXT;

-- Working days to make a product before it ships.
ALTER TABLE products ADD COLUMN production_days INTEGER NOT NULL DEFAULT 1
    CHECK (production_days >= 0);
UPDATE products SET production_days = 1 WHERE id = 'tirages';
UPDATE products SET production_days = 2 WHERE id = 'poster';
UPDATE products SET production_days = 3 WHERE id = 'calendrier';
UPDATE products SET production_days = 4 WHERE id = 'livre-photo';
