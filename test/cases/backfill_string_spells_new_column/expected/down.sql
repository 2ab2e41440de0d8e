-- schemac migration 0001_add_currency_label (down) for database test
-- schema before: sha256:6a6d9fff1d4ca3cdc5b8598a9930cbaab982c089698858f370a05e602b9a09b6
-- schema after:  sha256:691055b005b1c99f68c53d24c01f92212b109ee347ae05c84840c5abbb7aa244
-- costs as predicted for MySQL 8.0.29

-- undo step 2: alter table t: add column currency, modify column label
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
MODIFY COLUMN `label` VARCHAR(20) NULL,
DROP COLUMN `currency`;

-- undo step 1: add column t.label (backfilled)
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
DROP COLUMN `label`;
