-- schemac migration 0001_drop_a_b (down) for database test
-- schema before: sha256:ca4f20ac3df09ad9a133b127f56f47e1cffb65c7492cbfd4a2f50f73aec1df3c
-- schema after:  sha256:af9746b9cfee23ca3c1642b0c40703e52c8196fa31179432a56f78587670767e
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: drop column a, drop column b
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
ADD COLUMN `a` INT NULL AFTER `id`,
ADD COLUMN `b` INT NULL AFTER `a`;
