-- schemac migration 0001_add_unique_position_id_name_and_drop_index (down) for database test
-- schema before: sha256:af41206d0888585e337655450f9a79ed21928a3c5ba111144b0b5baf7e07c7fd
-- schema after:  sha256:9974a023537bd49cb809a3282c776434377da144dcade748bf4e35d2ae4564d7
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table task: drop index fk_task_position_id_position, add unique key uq_task_position_id_name
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP INDEX `uq_task_position_id_name`,
ADD INDEX `fk_task_position_id_position` (`position_id`);
