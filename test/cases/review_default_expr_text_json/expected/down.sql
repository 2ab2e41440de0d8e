-- schemac migration 0001_change_body_doc (down) for database test
-- schema before: sha256:d20d81175fb9b0ca622a08d7aac3d26bbe677089c7d840a1ce345864a0846331
-- schema after:  sha256:9a3e3783e86438895e84971d9a74612c8ac39b971cc375b508a6ba592cf471bd
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: modify column body, modify column doc
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
MODIFY COLUMN `body` TEXT NULL,
MODIFY COLUMN `doc` JSON NULL;
