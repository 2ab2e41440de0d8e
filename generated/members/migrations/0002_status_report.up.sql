-- schemac migration 0002_status_report (up) for database members
-- schema before: sha256:5be26d8636e79269fc9180cebdb1daeaa1327ba22f6c7653926af510fd4a3819
-- schema after:  sha256:166d0c0916b237c5c13f340eb685a3086185473da24d9de65ac604af501e03b4

-- step 1: create table statusreport
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

-- step 2: add column position.has_status_report (backfilled)
ALTER TABLE `position`
ADD COLUMN `has_status_report` TINYINT(1) NULL AFTER `description`;

UPDATE `position`
SET
  `has_status_report` = 1
WHERE
  `has_status_report` IS NULL;

-- step 3: add column taskcompletion.update_time (backfilled)
ALTER TABLE `taskcompletion`
ADD COLUMN `update_time` DATETIME NULL AFTER `completion`;

UPDATE `taskcompletion`
SET
  `update_time` = CURRENT_TIMESTAMP
WHERE
  `update_time` IS NULL;

-- step 4: alter table position: modify column has_status_report
ALTER TABLE `position`
MODIFY COLUMN `has_status_report` TINYINT(1) NOT NULL DEFAULT 1;

-- step 5: alter table taskcompletion: modify column update_time
ALTER TABLE `taskcompletion`
MODIFY COLUMN `update_time` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP;
