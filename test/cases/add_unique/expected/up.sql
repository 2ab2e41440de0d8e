-- schemac migration 0001_add_unique_name_position_id_name_and_drop_index (up) for database test
-- schema before: sha256:af41206d0888585e337655450f9a79ed21928a3c5ba111144b0b5baf7e07c7fd
-- schema after:  sha256:94f1ab6bb433efbc36e6029a251e93bbaa9e09e07772034fef15a5c3e1768d51
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table task: drop index fk_task_position_id_position, add unique key uq_task_name, add unique key uq_task_position_id_name
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP INDEX `fk_task_position_id_position`,
ADD UNIQUE INDEX `uq_task_name` (`name`),
ADD UNIQUE INDEX `uq_task_position_id_name` (`position_id`, `name`);
