-- schemac migration 0001_add_extra_and_change_name_note_and_change_options (up) for database test
-- schema before: sha256:3091ed1d50f16226097b2d987650245285148c6e6b4fcf7b1b4717995054a0b7
-- schema after:  sha256:273534d30dac00d50cadd989e99a87e227779b93999d71fce078102ba60ab174
-- costs as predicted for MySQL 8.0.29

-- step 1: change the character set of t to latin1_swedish_ci
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t` DEFAULT CHARSET = latin1 COLLATE = latin1_swedish_ci,
MODIFY COLUMN `name` VARCHAR(20) NULL,
MODIFY COLUMN `note` TEXT NULL;

-- step 2: add column t.extra (backfilled)
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
ADD COLUMN `extra` TEXT NULL AFTER `note`;

-- cost: writes every row it fills
UPDATE `t`
SET
  `extra` = (CONCAT(name, "?"))
WHERE
  `extra` IS NULL;

-- step 3: fill t.name where NULL
-- cost: writes every row it fills
UPDATE `t`
SET
  `name` = 'nobody'
WHERE
  `name` IS NULL;

-- step 4: fill t.note where NULL
-- cost: writes every row it fills
UPDATE `t`
SET
  `note` = (CONCAT(name, "!"))
WHERE
  `note` IS NULL;

-- step 5: alter table t: modify column extra, modify column name, modify column note
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
MODIFY COLUMN `extra` TEXT NOT NULL,
MODIFY COLUMN `name` VARCHAR(20) NOT NULL,
MODIFY COLUMN `note` TEXT NOT NULL;
