-- schemac migration 0001_change_a_and_move_a (down) for database test
-- schema before: sha256:ad6e45ddcdc85b2f3a73d792f24b0a1d685efe01a31d54d672df3f9264bd48b4
-- schema after:  sha256:5a9e06f5b1b0a241afaceaa4948cb3c0215a2dd2aa636608ed28e9e48911565e
-- costs as predicted for MySQL 8.0.29

-- undo step 2: alter table t: modify column a, move column a
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
MODIFY COLUMN `a` INT NULL AFTER `id`;

-- undo step 1: fill t.a where NULL
SELECT
  't.a holds values that SMALLINT cannot' AS `schemac_check`,
  `id`,
  `a`
FROM
  `t`
WHERE
  `a` NOT BETWEEN -32768 AND 32767
LIMIT
  10;

-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `a` SMALLINT NULL;
