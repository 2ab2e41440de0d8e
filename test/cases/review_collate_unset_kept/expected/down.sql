-- schemac migration 0001_add_b_and_change_options_of_t (down) for database test
-- schema before: sha256:e4b6af12d239ef3e1d8635b042423d0fdb63de97e551e3414d928e6a007c0ed6
-- schema after:  sha256:a4b3ff4653acbd1ab533e4addf17869c685226c09e2e0e67c5f7771aa02f7130
-- costs as predicted for MySQL 8.0.29

-- undo step 2: alter table t: add column b
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
DROP COLUMN `b`;

-- undo step 1: change the character set of t to utf8mb4
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t` DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin,
MODIFY COLUMN `a` VARCHAR(10) NULL;
