-- schemac migration 0001_rename_name_qty_and_change_title_price_quantity (down) for database test
-- schema before: sha256:df329b5c3c596a80cd29c835048483fb58642998b81c82e37b91520fa9a7186d
-- schema after:  sha256:f93884833695dade08149500d43bb3f5ca2c8c0122897149fbeafbcb71de67dc
-- costs as predicted for MySQL 8.0.29

-- undo step 6: add check ck_t_qty_pos on t
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
DROP CONSTRAINT `ck_t_qty_pos`;

-- undo step 5: alter table t: modify column title, modify column price, modify column quantity, move columns price, quantity
SELECT
  't.title holds values that VARCHAR(10) cannot' AS `schemac_check`,
  `id`,
  `title`
FROM
  `t`
WHERE
  CHAR_LENGTH(`title`) > 10
LIMIT
  10;

SELECT
  't.price holds values that DECIMAL(6, 2) cannot' AS `schemac_check`,
  `id`,
  `price`
FROM
  `t`
WHERE
  `price` NOT BETWEEN -9999.99 AND 9999.99
LIMIT
  10;

-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `quantity` INT NULL AFTER `id`,
MODIFY COLUMN `price` DECIMAL(6, 2) NULL AFTER `quantity`,
MODIFY COLUMN `title` VARCHAR(10) NULL;

-- undo step 4: fill t.quantity where NULL
SELECT
  't.quantity holds values that SMALLINT cannot' AS `schemac_check`,
  `id`,
  `quantity`
FROM
  `t`
WHERE
  `quantity` NOT BETWEEN -32768 AND 32767
LIMIT
  10;

-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `quantity` SMALLINT NULL;

-- undo step 3: rename index ix_t_name_qty to ix_t_title_quantity on t
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
RENAME INDEX `ix_t_title_quantity` TO `ix_t_name_qty`;

-- undo step 2: rename columns of t: name to title, qty to quantity
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
RENAME COLUMN `title` TO `name`,
RENAME COLUMN `quantity` TO `qty`;

-- undo step 1: drop check ck_t_qty_pos on t
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
ADD CONSTRAINT `ck_t_qty_pos` CHECK (qty >= 0);
