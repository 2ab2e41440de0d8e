-- schemac migration 0001_add_x_and_rename_b_and_move_b2_a_and_drop_c (up) for database test
-- schema before: sha256:19dddf82f61af7e5e1b30a057304cfb50f41b2281197df5259a618ed20bd469e
-- schema after:  sha256:26eb73d3716456db4efb75b90d171c130abcb299d3aa6c14a4014674b680bada
-- costs as predicted for MySQL 8.0.29

-- step 1: rename column t.b to b2
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
RENAME COLUMN `b` TO `b2`;

-- step 2: alter table t: add column x, move columns b2, a, drop column c
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
ADD COLUMN `x` INT NULL DEFAULT 5 AFTER `d`,
MODIFY COLUMN `b2` INT NULL AFTER `x`,
MODIFY COLUMN `a` INT NULL AFTER `b2`,
DROP COLUMN `c`;
