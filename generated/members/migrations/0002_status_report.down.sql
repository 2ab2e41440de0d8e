-- schemac migration 0002_status_report (down) for database members
-- schema before: sha256:5be26d8636e79269fc9180cebdb1daeaa1327ba22f6c7653926af510fd4a3819
-- schema after:  sha256:166d0c0916b237c5c13f340eb685a3086185473da24d9de65ac604af501e03b4

-- undo step 5: alter table taskcompletion: modify column update_time
ALTER TABLE `taskcompletion`
MODIFY COLUMN `update_time` DATETIME NULL;

-- undo step 4: alter table position: modify column has_status_report
ALTER TABLE `position`
MODIFY COLUMN `has_status_report` TINYINT(1) NULL;

-- undo step 3: add column taskcompletion.update_time (backfilled)
ALTER TABLE `taskcompletion`
DROP COLUMN `update_time`;

-- undo step 2: add column position.has_status_report (backfilled)
ALTER TABLE `position`
DROP COLUMN `has_status_report`;

-- undo step 1: create table statusreport
DROP TABLE `statusreport`;
