-- schemac migration 0001_change_options_of_position (up) for database test
-- schema before: sha256:438082eed0c219ae15690cc4e4b8fae7a73380bead0438c24e004f2ec9edc9ac
-- schema after:  sha256:097fe3648eb6815b8a02289ebcc195bbec5c9c91044b7c385e852ec9fbb5d70d
-- costs as predicted for MySQL 8.0.29

-- step 1: change the character set of position to utf8mb4_unicode_ci
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `position` DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci,
MODIFY COLUMN `name` VARCHAR(64) NOT NULL;

-- step 2: change options of position
-- cost: INPLACE, writes allowed
ALTER TABLE `position` COMMENT = 'club positions';
