-- schemac migration 0001_add_index_position_id_name_name_and_drop_index (up) for database test
-- schema before: sha256:af41206d0888585e337655450f9a79ed21928a3c5ba111144b0b5baf7e07c7fd
-- schema after:  sha256:0695aae90f2b89c046cb247a798d0d434f79fb9d4117d96fa2ddfebc8ffe39b3
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table task: drop index fk_task_position_id_position, add index ix_task_lookup, add index ix_task_name
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP INDEX `fk_task_position_id_position`,
ADD INDEX `ix_task_lookup` (`position_id`, `name`),
ADD INDEX `ix_task_name` (`name`);
