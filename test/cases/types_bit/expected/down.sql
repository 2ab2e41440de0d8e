-- schemac migration 0001_add_wide_and_change_mask_one (down) for database test
-- schema before: sha256:36c2ddc824fd1887061f6a34e04ec1101e65ff64f626ed321589d0630531daf6
-- schema after:  sha256:1a3f4dafbc2ccdbcc337bc95854915786bed83e0ba7008fdf62c0cd1eafe8aed
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table flags: add column wide, modify column mask, modify column one
SELECT
  'flags.mask holds values that BIT(4) NOT NULL cannot' AS `schemac_check`,
  `id`,
  `mask`
FROM
  `flags`
WHERE
  `mask` >= 16
LIMIT
  10;

-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `flags`
MODIFY COLUMN `mask` BIT(4) NOT NULL DEFAULT 5,
MODIFY COLUMN `one` BIT(1) NULL,
DROP COLUMN `wide`;
