-- schemac migration 0001_init (up) for database members
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:5be26d8636e79269fc9180cebdb1daeaa1327ba22f6c7653926af510fd4a3819

-- step 1: create table position
CREATE TABLE `position` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(64) NOT NULL,
  `description` TEXT NULL,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_position_name` (`name`)
);

-- step 2: create table taskgroup
CREATE TABLE `taskgroup` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(64) NOT NULL,
  `description` VARCHAR(512) NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_taskgroup_name` (`name`)
);

-- step 3: create table task
CREATE TABLE `task` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `task` VARCHAR(64) NOT NULL,
  `description` VARCHAR(512) NULL,
  `priority` INT NOT NULL DEFAULT 1,
  `period` ENUM('once', 'weekly', 'monthly', 'yearly') NOT NULL DEFAULT 'yearly',
  `expirysoon` INT NOT NULL DEFAULT 30,
  `taskgroup_id` INT NULL,
  `position_id` INT NULL,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `fk_task_position_id_position` (`position_id`),
  KEY `fk_task_taskgroup_id_taskgroup` (`taskgroup_id`),
  KEY `ix_task_priority` (`priority`),
  UNIQUE KEY `uq_task_task` (`task`),
  CONSTRAINT `fk_task_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`),
  CONSTRAINT `fk_task_taskgroup_id_taskgroup` FOREIGN KEY (`taskgroup_id`) REFERENCES `taskgroup` (`id`) ON DELETE SET NULL,
  CONSTRAINT `ck_task_priority_range` CHECK (priority between 1 and 10)
);

-- step 4: create table taskcompletion
CREATE TABLE `taskcompletion` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `task_id` INT NOT NULL,
  `position_id` INT NULL,
  `user_id` INT NOT NULL,
  `completion` DATE NOT NULL,
  `notes` TEXT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_taskcompletion_position_id_position` (`position_id`),
  KEY `fk_taskcompletion_task_id_task` (`task_id`),
  KEY `ix_taskcompletion_user_id_completion` (`user_id`, `completion`),
  CONSTRAINT `fk_taskcompletion_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`),
  CONSTRAINT `fk_taskcompletion_task_id_task` FOREIGN KEY (`task_id`) REFERENCES `task` (`id`) ON DELETE CASCADE
);

-- step 5: create table userposition
CREATE TABLE `userposition` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `position_id` INT NOT NULL,
  `user_id` INT NOT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_userposition_user_id` (`user_id`),
  UNIQUE KEY `uq_userposition_position_id_user_id` (`position_id`, `user_id`),
  CONSTRAINT `fk_userposition_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`) ON DELETE CASCADE
);
