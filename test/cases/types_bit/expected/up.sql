-- schemac migration 0001_add_wide_and_change_mask_one (up) for database test
-- schema before: sha256:36c2ddc824fd1887061f6a34e04ec1101e65ff64f626ed321589d0630531daf6
-- schema after:  sha256:1a3f4dafbc2ccdbcc337bc95854915786bed83e0ba7008fdf62c0cd1eafe8aed
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table flags: add column wide, modify column mask, modify column one
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `flags`
ADD COLUMN `wide` BIT(64) NOT NULL DEFAULT 18446744073709551615 AFTER `one`,
MODIFY COLUMN `mask` BIT(8) NOT NULL DEFAULT 5,
MODIFY COLUMN `one` BIT(1) NULL DEFAULT 1;
