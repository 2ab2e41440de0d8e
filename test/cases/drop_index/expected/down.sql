-- schemac migration 0001_drop_index_name (down) for database test
-- schema before: sha256:ee600ab1a5c1de0b67a3f6b1bc3ecf15f03ac37aa0e9daa81ad88b26b13146d4
-- schema after:  sha256:af41206d0888585e337655450f9a79ed21928a3c5ba111144b0b5baf7e07c7fd
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table task: drop index ix_task_name
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
ADD INDEX `ix_task_name` (`name`);
