-- schemac migration 0001_add_has_status_report_update_time_status_label (up) for database test
-- schema before: sha256:438082eed0c219ae15690cc4e4b8fae7a73380bead0438c24e004f2ec9edc9ac
-- schema after:  sha256:aa8f77a9985d447f01b15132f671f65d918237468410dcb9cab0d327947c4e4b
-- costs as predicted for MySQL 8.0.29

-- step 1: add column position.has_status_report (existing rows get its backfill as the default)
-- cost: INSTANT, writes allowed
ALTER TABLE `position`
ADD COLUMN `has_status_report` TINYINT(1) NOT NULL DEFAULT 1 AFTER `name`;

-- step 2: add column position.update_time (existing rows get its backfill as the default)
-- cost: INSTANT, writes allowed
ALTER TABLE `position`
ADD COLUMN `update_time` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP AFTER `has_status_report`;

-- step 3: add column position.status (existing rows get its backfill as the default)
-- cost: INSTANT, writes allowed
ALTER TABLE `position`
ADD COLUMN `status` VARCHAR(10) NOT NULL DEFAULT 'legacy' AFTER `update_time`;

-- step 4: add column position.label (backfilled)
-- cost: INSTANT, writes allowed
ALTER TABLE `position`
ADD COLUMN `label` VARCHAR(40) NULL AFTER `status`;

-- cost: writes every row it fills
UPDATE `position`
SET
  `label` = (CONCAT('position ', name))
WHERE
  `label` IS NULL;

-- step 5: alter table position: modify column has_status_report, modify column update_time, modify column status
-- cost: INPLACE, writes allowed
ALTER TABLE `position`
MODIFY COLUMN `has_status_report` TINYINT(1) NOT NULL,
MODIFY COLUMN `update_time` DATETIME NOT NULL,
MODIFY COLUMN `status` VARCHAR(10) NOT NULL DEFAULT 'new';
