-- schemac migration 0001_drop_index_position_id_and_drop_fk_position_id (up) for database test
-- schema before: sha256:af41206d0888585e337655450f9a79ed21928a3c5ba111144b0b5baf7e07c7fd
-- schema after:  sha256:0527491905fb547d7ce9fa9d2517166367458bfdae8842098c9602e786c07f08
-- costs as predicted for MySQL 8.0.29

-- step 1: drop foreign key fk_task_position_id_position on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP FOREIGN KEY `fk_task_position_id_position`;

-- step 2: alter table task: drop index fk_task_position_id_position
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP INDEX `fk_task_position_id_position`;
