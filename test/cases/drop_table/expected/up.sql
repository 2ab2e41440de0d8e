-- schemac migration 0001_drop_fk_position_id_and_drop_task (up) for database test
-- schema before: sha256:af41206d0888585e337655450f9a79ed21928a3c5ba111144b0b5baf7e07c7fd
-- schema after:  sha256:438082eed0c219ae15690cc4e4b8fae7a73380bead0438c24e004f2ec9edc9ac
-- costs as predicted for MySQL 8.0.29

-- step 1: drop foreign key fk_task_position_id_position on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP FOREIGN KEY `fk_task_position_id_position`;

-- step 2: drop table task
DROP TABLE `task`;
