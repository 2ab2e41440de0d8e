-- schemac migration 0001_add_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx (down) for database test
-- schema before: sha256:95940ca4c006ae127d7c58673d5876cecf3e8349cbd72598e1db6f2f7cff6246
-- schema after:  sha256:a1c77babdd3c98001224904abd3e11e5988a139c446b4b1ec91ba6b5f7283b20
-- costs as predicted for MySQL 8.0.29

-- undo step 2: alter table t: modify column xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ddd, modify column xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_aaa, move columns xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ccc, xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_aaa
SELECT
  't.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_aaa holds values that INT cannot' AS `schemac_check`,
  `id`,
  `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_aaa`
FROM
  `t`
WHERE
  `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_aaa` NOT BETWEEN -2147483648 AND 2147483647
LIMIT
  10;

-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_aaa` INT NULL AFTER `id`,
MODIFY COLUMN `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ccc` INT NULL AFTER `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ddd`,
MODIFY COLUMN `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ddd` INT NOT NULL DEFAULT 1;

-- undo step 1: add column t.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ddd (existing rows get its backfill as the default)
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
DROP COLUMN `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_ddd`;
