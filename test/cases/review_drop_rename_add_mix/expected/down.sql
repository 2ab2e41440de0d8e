-- schemac migration 0001_add_d_and_rename_b_and_drop_a_c (down) for database test
-- schema before: sha256:ca4f20ac3df09ad9a133b127f56f47e1cffb65c7492cbfd4a2f50f73aec1df3c
-- schema after:  sha256:57898b313f9ac9129c28f3ebee3a0283f8a63836f6291ec194789c9b6f5c28d2
-- costs as predicted for MySQL 8.0.29

-- undo step 2: alter table t: add column d, drop column a, drop column c
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
ADD COLUMN `a` INT NULL AFTER `id`,
ADD COLUMN `c` INT NULL AFTER `b2`,
DROP COLUMN `d`;

-- undo step 1: rename column t.b to b2
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
RENAME COLUMN `b2` TO `b`;
