-- schemac migration 0001_add_status (up) for database test
-- schema before: sha256:5001e76eaf0c4caa525355f5ad4c1ae964bd89307ca13b366e37a0cc2e1fda44
-- schema after:  sha256:7d863dee1078cab86ab331d4c581afa8de92c7160bd11991a1d98184561a751c
-- costs as predicted for MySQL 8.0.29

-- step 1: add column t.status (existing rows get its backfill as the default)
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
ADD COLUMN `status` VARCHAR(10) NOT NULL DEFAULT 'active' AFTER `name`;

-- step 2: alter table t: modify column status
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
MODIFY COLUMN `status` VARCHAR(10) NOT NULL;
