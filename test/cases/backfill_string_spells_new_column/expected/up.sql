-- schemac migration 0001_add_currency_label (up) for database test
-- schema before: sha256:6a6d9fff1d4ca3cdc5b8598a9930cbaab982c089698858f370a05e602b9a09b6
-- schema after:  sha256:691055b005b1c99f68c53d24c01f92212b109ee347ae05c84840c5abbb7aa244
-- costs as predicted for MySQL 8.0.29

-- step 1: add column t.label (backfilled)
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
ADD COLUMN `label` VARCHAR(20) NULL AFTER `price`;

-- cost: writes every row it fills
UPDATE `t`
SET
  `label` = (CONCAT(price, ' currency'))
WHERE
  `label` IS NULL;

-- step 2: alter table t: add column currency, modify column label
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
ADD COLUMN `currency` VARCHAR(3) NOT NULL DEFAULT 'EUR' AFTER `price`,
MODIFY COLUMN `label` VARCHAR(20) NOT NULL;
