-- schemac migration 0001_add_b_and_add_index_g_and_change_g (up) for database test
-- schema before: sha256:3caf11124f95c9e2b33fa379a6ae500bb431709fbb2f03ead48b467bd047823a
-- schema after:  sha256:92f57cef3289df470c7389d9fc1b9beaaf8f515a49eb236d3ff22536babd073d
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table t: add column b, modify column g, add index ix_t_g
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
ADD COLUMN `b` INT NOT NULL DEFAULT 5 AFTER `id`,
MODIFY COLUMN `g` INT GENERATED ALWAYS AS (b + 1) STORED,
ADD INDEX `ix_t_g` (`g`);

-- step 2: re-add column t.g as VIRTUAL
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
DROP INDEX `ix_t_g`,
DROP COLUMN `g`,
ADD COLUMN `g` INT GENERATED ALWAYS AS (b + 1) VIRTUAL AFTER `b`,
ADD INDEX `ix_t_g` (`g`);
