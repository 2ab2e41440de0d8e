-- schemac migration 0001_add_extra_and_change_name_note_and_change_options (down) for database test
-- schema before: sha256:3091ed1d50f16226097b2d987650245285148c6e6b4fcf7b1b4717995054a0b7
-- schema after:  sha256:273534d30dac00d50cadd989e99a87e227779b93999d71fce078102ba60ab174
-- costs as predicted for MySQL 8.0.29

-- undo step 5: alter table t: modify column extra, modify column name, modify column note
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
MODIFY COLUMN `extra` TEXT NULL,
MODIFY COLUMN `name` VARCHAR(20) NULL,
MODIFY COLUMN `note` TEXT NULL;

-- undo step 2: add column t.extra (backfilled)
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
DROP COLUMN `extra`;

-- undo step 1: change the character set of t to latin1_swedish_ci
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t` DEFAULT CHARSET = DEFAULT,
MODIFY COLUMN `name` VARCHAR(20) NULL,
MODIFY COLUMN `note` TEXT NULL;
