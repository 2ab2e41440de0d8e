-- schemac migration 0001_change_g (up) for database test
-- schema before: sha256:bbaa7c487f5f02b58ff1034f2ac85a86689be17142cd6489733b218260641e7d
-- schema after:  sha256:9611df4b2e5a88052bd5423190412c8e90f3a4d6b3dd1e3b5115a0599b4af298
-- costs as predicted for MySQL 8.0.29

-- step 1: re-add column t.g as STORED
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
DROP INDEX `ix_t_a_g`,
DROP INDEX `ix_t_g`,
DROP COLUMN `g`,
ADD COLUMN `g` INT GENERATED ALWAYS AS (a * 2) STORED AFTER `a`,
ADD INDEX `ix_t_a_g` (`a`, `g`),
ADD INDEX `ix_t_g` (`g`);

-- step 2: alter table t: modify column g
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `g` INT NULL;
