-- schemac migration 0001_create_task_and_add_code_and_add_unique_code (up) for database test
-- schema before: sha256:07a903a193c0ade98b874862bb0803ea58cf1ed2c30a8470b2822deaf9fe585b
-- schema after:  sha256:f0f43e1cde92ecd1e0b74a22ab0ed4984f2890993dd0a86a4cc48db5b2e4a73f
-- costs as predicted for MySQL 8.0.29

-- step 1: create table task
CREATE TABLE `task` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `position_code` VARCHAR(10) NULL,
  PRIMARY KEY (`id`),
  KEY `fk_task_position_code_position` (`position_code`)
);

-- step 2: alter table position: add column code, add unique key uq_position_code
-- cost: INPLACE, writes allowed
ALTER TABLE `position`
ADD COLUMN `code` VARCHAR(10) NULL AFTER `name`,
ADD UNIQUE INDEX `uq_position_code` (`code`);

-- step 3: add foreign key fk_task_position_code_position on task
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `task`
ADD CONSTRAINT `fk_task_position_code_position` FOREIGN KEY (`position_code`) REFERENCES `position` (`code`);
