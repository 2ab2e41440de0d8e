-- schemac migration 0001_change_score_label (up) for database test
-- schema before: sha256:b1fd5cdceb893f5996d0e6432462bdde6e438f4eedfb3c8ec865ec220259ede9
-- schema after:  sha256:bc516665f3825da22d14721da51939696a26fc6daa7424c07e10f0de8e89b260
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table position: modify column score, modify column label
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `position`
MODIFY COLUMN `score` SMALLINT NULL,
MODIFY COLUMN `label` VARCHAR(10) NULL;
