-- schemac migration 0001_add_id_and_add_unique_code_and_change_primary_key (down) for database test
-- schema before: sha256:3ea974d4087c9bbc12b11792bcb1a459344680068a7fc0295ef27be124e6d170
-- schema after:  sha256:60e4faede9fefe08a2eb51787de0d23dd2acf88d68d4b462341530112739b0bb
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: add column id, change primary key, add unique key uq_t_code
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
DROP INDEX `uq_t_code`,
DROP PRIMARY KEY,
ADD PRIMARY KEY (`code`),
DROP COLUMN `id`;
