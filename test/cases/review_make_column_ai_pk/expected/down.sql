-- schemac migration 0001_change_id_and_change_primary_key_of_t (down) for database test
-- schema before: sha256:9068b5d9362ac9c2d89baae93c50ee74173318250124fba0791403d1fb973965
-- schema after:  sha256:515fa151dda7593647d1ef973a4aaae99b6bf0a6f87342d475141c2d7ddacd76
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: modify column id, change primary key
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `id` INT NOT NULL,
DROP PRIMARY KEY;
