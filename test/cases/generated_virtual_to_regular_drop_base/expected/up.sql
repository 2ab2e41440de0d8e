-- schemac migration 0001_change_g_and_drop_a (up) for database test
-- schema before: sha256:86c5405455c3fbdb67c5474a539f4ab8a12ef124edc3afe3d38e185de5eb9349
-- schema after:  sha256:61bc38eeb6677ef2f3fabbf339aca25c9d88a9448a0b3c9c26e481af811fdd97
-- costs as predicted for MySQL 8.0.29

-- step 1: re-add column t.g as STORED
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
DROP INDEX `ix_t_g`,
DROP COLUMN `g`,
ADD COLUMN `g` INT GENERATED ALWAYS AS (a * 2) STORED AFTER `a`,
ADD INDEX `ix_t_g` (`g`);

-- step 2: alter table t: modify column g, drop column a
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `g` INT NULL,
DROP COLUMN `a`;
