-- schemac migration 0001_rename_index_ix_task_name (down) for database test
-- schema before: sha256:ee600ab1a5c1de0b67a3f6b1bc3ecf15f03ac37aa0e9daa81ad88b26b13146d4
-- schema after:  sha256:0144900a6a5f8c01a6357a429e56a32b04af7f9de2254a739bda152bc9bd1eb1
-- costs as predicted for MySQL 8.0.29

-- undo step 1: rename index ix_task_name to ix_task_by_name on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
RENAME INDEX `ix_task_by_name` TO `ix_task_name`;
