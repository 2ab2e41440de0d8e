-- schemac schema for database members
-- schema: sha256:166d0c0916b237c5c13f340eb685a3086185473da24d9de65ac604af501e03b4
-- newest migration: 0002_status_report

CREATE TABLE `position` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(64) NOT NULL,
  `description` TEXT NULL,
  `has_status_report` TINYINT(1) NOT NULL DEFAULT 1,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_position_name` (`name`)
);

CREATE TABLE `statusreport` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `position_id` INT NOT NULL,
  `title` VARCHAR(128) NOT NULL,
  `content` TEXT NULL,
  `update_time` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `fk_statusreport_position_id_position` (`position_id`),
  CONSTRAINT `fk_statusreport_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`)
) COMMENT = 'Status reports each position files before a meeting';

CREATE TABLE `taskgroup` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(64) NOT NULL,
  `description` VARCHAR(512) NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_taskgroup_name` (`name`)
);

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

CREATE TABLE `taskcompletion` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `task_id` INT NOT NULL,
  `position_id` INT NULL,
  `user_id` INT NOT NULL,
  `completion` DATE NOT NULL,
  `update_time` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `notes` TEXT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_taskcompletion_position_id_position` (`position_id`),
  KEY `fk_taskcompletion_task_id_task` (`task_id`),
  KEY `ix_taskcompletion_user_id_completion` (`user_id`, `completion`),
  CONSTRAINT `fk_taskcompletion_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`),
  CONSTRAINT `fk_taskcompletion_task_id_task` FOREIGN KEY (`task_id`) REFERENCES `task` (`id`) ON DELETE CASCADE
);

CREATE TABLE `userposition` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `position_id` INT NOT NULL,
  `user_id` INT NOT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_userposition_user_id` (`user_id`),
  UNIQUE KEY `uq_userposition_position_id_user_id` (`position_id`, `user_id`),
  CONSTRAINT `fk_userposition_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`) ON DELETE CASCADE
);
