-- schemac migration 0001_rename_name_qty_and_change_title_price_quantity (up) for database test
-- schema before: sha256:df329b5c3c596a80cd29c835048483fb58642998b81c82e37b91520fa9a7186d
-- schema after:  sha256:f93884833695dade08149500d43bb3f5ca2c8c0122897149fbeafbcb71de67dc
-- costs as predicted for MySQL 8.0.29

-- step 1: drop check ck_t_qty_pos on t
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
DROP CONSTRAINT `ck_t_qty_pos`;

-- step 2: rename columns of t: name to title, qty to quantity
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
RENAME COLUMN `name` TO `title`,
RENAME COLUMN `qty` TO `quantity`;

-- step 3: rename index ix_t_name_qty to ix_t_title_quantity on t
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
RENAME INDEX `ix_t_name_qty` TO `ix_t_title_quantity`;

-- step 4: fill t.quantity where NULL
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `quantity` INT NULL;

-- cost: writes every row it fills
UPDATE `t`
SET
  `quantity` = 0
WHERE
  `quantity` IS NULL;

-- step 5: alter table t: modify column title, modify column price, modify column quantity, move columns price, quantity
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `price` DECIMAL(8, 2) NULL AFTER `title`,
MODIFY COLUMN `quantity` INT NOT NULL DEFAULT 0 AFTER `price`,
MODIFY COLUMN `title` VARCHAR(30) NULL;

-- step 6: add check ck_t_qty_pos on t
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
ADD CONSTRAINT `ck_t_qty_pos` CHECK (quantity >= 0);
