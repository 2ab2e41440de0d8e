-- schemac migration 0001_rename_name (up) for database test
-- schema before: sha256:ee600ab1a5c1de0b67a3f6b1bc3ecf15f03ac37aa0e9daa81ad88b26b13146d4
-- schema after:  sha256:7da6f570e5b619b4f8356b1f8a64d3e64b852b245931114b0495890c0e099130
-- costs as predicted for MySQL 8.0.29

-- step 1: rename column task.name to title
-- cost: INSTANT, writes allowed
ALTER TABLE `task`
RENAME COLUMN `name` TO `title`;

-- step 2: rename index ix_task_name to ix_task_title on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
RENAME INDEX `ix_task_name` TO `ix_task_title`;
