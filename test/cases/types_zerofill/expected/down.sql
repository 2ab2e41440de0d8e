-- schemac migration 0001_add_big_and_change_number_branch_flag (down) for database test
-- schema before: sha256:566a4b62c01a4c0ecaffb9418676d03b11320948195a2cd71ff7da3f528eb00b
-- schema after:  sha256:116682920e3ae23aed01955b5b6e19eefa1a739541efb8cd3785605c69bcab64
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table invoice: add column big, modify column number, modify column branch, modify column flag
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `invoice`
MODIFY COLUMN `number` INT(10) UNSIGNED ZEROFILL NOT NULL,
MODIFY COLUMN `branch` SMALLINT UNSIGNED NULL,
MODIFY COLUMN `flag` TINYINT(1) UNSIGNED ZEROFILL NULL,
DROP COLUMN `big`;
