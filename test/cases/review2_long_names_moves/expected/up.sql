-- schemac migration 0001_add_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx (up) for database test
-- schema before: sha256:95940ca4c006ae127d7c58673d5876cecf3e8349cbd72598e1db6f2f7cff6246
-- schema after:  sha256:a1c77babdd3c98001224904abd3e11e5988a139c446b4b1ec91ba6b5f7283b20
-- costs as predicted for MySQL 8.0.29

-- step 1: add column t.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ddd (existing rows get its backfill as the default)
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
ADD COLUMN `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ddd` INT NOT NULL DEFAULT 1 AFTER `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_bbb`;

-- step 2: alter table t: modify column xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ddd, modify column xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_aaa, move columns xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ccc, xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_aaa
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ccc` INT NULL FIRST,
MODIFY COLUMN `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_aaa` BIGINT NULL AFTER `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ddd`,
MODIFY COLUMN `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ddd` INT NOT NULL;
