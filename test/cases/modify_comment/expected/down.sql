-- schemac migration 0001_change_a (down) for database test
-- schema before: sha256:40b2612dad80f7a36fae3de79c30fa0ed0ea3dc84c79592e097ff029f39fca69
-- schema after:  sha256:42e45520fd4713b2c46ab18bf97968246d7ddffb799b1df5aed2f551d84f0e31
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table position: modify column a
-- cost: INPLACE, writes allowed
ALTER TABLE `position`
MODIFY COLUMN `a` INT NULL COMMENT 'a number';
