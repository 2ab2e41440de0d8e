-- schemac migration 0001_change_g_and_change_index_a_g_g (up) for database test
-- schema before: sha256:bbaa7c487f5f02b58ff1034f2ac85a86689be17142cd6489733b218260641e7d
-- schema after:  sha256:81064fb480c9a18cba130239131f4aa275fa8339b21d20c9f2fee5089617b1d7
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table t: modify column g, change index ix_t_a_g, change index ix_t_g
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
DROP INDEX `ix_t_a_g`,
DROP INDEX `ix_t_g`,
DROP COLUMN `g`,
ADD COLUMN `g` INT GENERATED ALWAYS AS (a * 2) STORED AFTER `a`,
ADD INDEX `ix_t_a_g` (`a`, `g`),
ADD INDEX `ix_t_g` (`g`);
