-- schemac migration 0001_change_a_b_c (up) for database test
-- schema before: sha256:caede7ac163fe55720dafe64cbaa824772ec59b7c4dde23c8ecb6e8a0bb5a7e6
-- schema after:  sha256:2a36572155c6a453df0258813c31c2c9b78825bda4db1c11c935f0ad4dfa00bf
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table position: modify column a, modify column b, modify column c
-- cost: INPLACE, writes allowed
ALTER TABLE `position`
MODIFY COLUMN `a` INT NULL DEFAULT 5,
MODIFY COLUMN `b` VARCHAR(10) NOT NULL,
MODIFY COLUMN `c` DATETIME NULL DEFAULT CURRENT_TIMESTAMP;
