-- schemac migration 0001_change_unique_a (down) for database test
-- schema before: sha256:7a2b9e98371339c80a9b628ea35811cce8a7f9852a122774adaebaffc20ce67c
-- schema after:  sha256:258f0aaeb486293a85dbeb110c4317b7d2f1fdf18e39c7c0fd4563f5c0bea47e
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: change unique key ix_a
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
DROP INDEX `ix_a`,
ADD INDEX `ix_a` (`a`);
