-- schemac migration 0001_rename_name_and_change_title (up) for database test
-- schema before: sha256:374b5e3c2adf68d61009f610481e7b0d7ab9d42801374802c1e28d6a6a3d2bca
-- schema after:  sha256:6a3753d83ba1d71896576f86821324266f1f9f49cbfc0d08fa9b36894addbb2e
-- costs as predicted for MySQL 8.0.29

-- step 1: rename column t.name to title
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
RENAME COLUMN `name` TO `title`;

-- step 2: rename index ix_t_name to ix_t_title on t
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
RENAME INDEX `ix_t_name` TO `ix_t_title`;

-- step 3: alter table t: modify column title
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
MODIFY COLUMN `title` VARCHAR(50) NULL;
