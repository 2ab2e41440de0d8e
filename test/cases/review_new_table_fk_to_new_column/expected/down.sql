-- schemac migration 0001_create_task_and_add_code_and_add_unique_code (down) for database test
-- schema before: sha256:07a903a193c0ade98b874862bb0803ea58cf1ed2c30a8470b2822deaf9fe585b
-- schema after:  sha256:f0f43e1cde92ecd1e0b74a22ab0ed4984f2890993dd0a86a4cc48db5b2e4a73f
-- costs as predicted for MySQL 8.0.29

-- undo step 3: add foreign key fk_task_position_code_position on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP FOREIGN KEY `fk_task_position_code_position`;

-- undo step 2: alter table position: add column code, add unique key uq_position_code
-- cost: INPLACE, writes allowed
ALTER TABLE `position`
DROP INDEX `uq_position_code`,
DROP COLUMN `code`;

-- undo step 1: create table task
DROP TABLE `task`;
