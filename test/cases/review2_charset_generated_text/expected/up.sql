-- schemac migration 0001_change_options_of_t (up) for database test
-- schema before: sha256:98bf4f0f7898f401913cc8234c9f190bbd3758ed72b74d2854cf33cf17c14838
-- schema after:  sha256:9129f95111dd8c7c7af645d01ca8a54aa72f2390df9c3c8d3387dbd9f7a222d8
-- costs as predicted for MySQL 8.0.29

-- step 1: change the character set of t to latin1_swedish_ci
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t` DEFAULT CHARSET = latin1 COLLATE = latin1_swedish_ci,
MODIFY COLUMN `name` VARCHAR(20) NULL,
MODIFY COLUMN `up` VARCHAR(20) GENERATED ALWAYS AS (UPPER(name)) VIRTUAL,
MODIFY COLUMN `st` VARCHAR(25) GENERATED ALWAYS AS (CONCAT(name, "!")) STORED;
