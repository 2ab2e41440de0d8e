-- schemac migration 0001_create_task_and_change_id (up) for database test
-- schema before: sha256:07a903a193c0ade98b874862bb0803ea58cf1ed2c30a8470b2822deaf9fe585b
-- schema after:  sha256:054183d6416e6c9c73ec67b613e877b217ff3c93560bb3aa4c893765cb1218dd
-- costs as predicted for MySQL 8.0.29

-- step 1: create table task
CREATE TABLE `task` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `position_id` BIGINT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_task_position_id_position` (`position_id`)
);

-- step 2: alter table position: modify column id
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `position`
MODIFY COLUMN `id` BIGINT NOT NULL AUTO_INCREMENT;

-- step 3: add foreign key fk_task_position_id_position on task
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `task`
ADD CONSTRAINT `fk_task_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`);
