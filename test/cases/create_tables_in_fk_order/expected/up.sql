-- schemac migration 0001_init (up) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:583da5c6a60fca57175baedc28dc4b83a0019d414521582300e357bb98e2df78
-- costs as predicted for MySQL 8.0.29

-- step 1: create table position
CREATE TABLE `position` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(64) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_position_name` (`name`)
);

-- step 2: create table task
CREATE TABLE `task` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(128) NOT NULL,
  `position_id` INT NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_task_position_id_position` (`position_id`),
  CONSTRAINT `fk_task_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`)
);

-- step 3: create table completion
CREATE TABLE `completion` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `task_id` INT NOT NULL,
  `parent_id` INT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_completion_parent_id_completion` (`parent_id`),
  KEY `fk_completion_task_id_task` (`task_id`),
  CONSTRAINT `fk_completion_parent_id_completion` FOREIGN KEY (`parent_id`) REFERENCES `completion` (`id`) ON DELETE SET NULL,
  CONSTRAINT `fk_completion_task_id_task` FOREIGN KEY (`task_id`) REFERENCES `task` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
);
