-- schemac migration 0001_move_c_b_a (down) for database test
-- schema before: sha256:489a9831610ade107ed373f3ccd9a1dcac9c0ca632fb8f8f7f50ea9d4272da26
-- schema after:  sha256:886e633b2a327acc60da0fa402c6564a8b0ce7b76fbd9de67db08d8e0765ea7f
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: move columns c, b, a
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
MODIFY COLUMN `a` INT NOT NULL FIRST,
MODIFY COLUMN `b` VARCHAR(5) NULL AFTER `a`,
MODIFY COLUMN `c` DECIMAL(6, 2) NULL AFTER `b`;
