-- schemac migration 0001_change_index_name_id (down) for database test
-- schema before: sha256:ee600ab1a5c1de0b67a3f6b1bc3ecf15f03ac37aa0e9daa81ad88b26b13146d4
-- schema after:  sha256:42dc4dd58ffc89d00f3cbeb8130bd93b5ceef247161f6052c267c929f21993c9
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table task: change index ix_task_name
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP INDEX `ix_task_name`,
ADD INDEX `ix_task_name` (`name`);
