-- schemac migration 0001_add_n_and_move_a_n (down) for database test
-- schema before: sha256:ca4f20ac3df09ad9a133b127f56f47e1cffb65c7492cbfd4a2f50f73aec1df3c
-- schema after:  sha256:c81184cf83bcb8a87df7012aa8278662eb2b48af545d2fec37ac585f2df14f57
-- costs as predicted for MySQL 8.0.29

-- undo step 2: alter table t: modify column n, move columns a, n
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
MODIFY COLUMN `a` INT NULL AFTER `id`,
MODIFY COLUMN `n` INT NOT NULL DEFAULT 7 AFTER `a`;

-- undo step 1: add column t.n (existing rows get its backfill as the default)
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
DROP COLUMN `n`;
