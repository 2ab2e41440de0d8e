-- schemac migration 0001_add_created_and_change_amt_ts_flag_dt_and_move_amt (up) for database test
-- schema before: sha256:0acfee1b18a72623a14b12c25bb7d642a03943cd4963162a97833578fffa3843
-- schema after:  sha256:42b44498bce3b6d272bc0db5396c0a65990db4ce1a32cc5718d6a5bbd5bd0de2
-- costs as predicted for MySQL 8.0.29

-- step 1: fill t.amt where NULL
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `amt` DECIMAL(10, 3) NULL;

-- cost: writes every row it fills
UPDATE `t`
SET
  `amt` = 2.250,
  `ts` = `ts`
WHERE
  `amt` IS NULL;

-- step 2: fill t.flag where NULL
-- cost: writes every row it fills
UPDATE `t`
SET
  `flag` = 0,
  `ts` = `ts`
WHERE
  `flag` IS NULL;

-- step 3: alter table t: add column created, modify column amt, modify column ts, modify column flag, modify column dt, move column amt
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `amt` DECIMAL(10, 3) NOT NULL DEFAULT 1.500 AFTER `id`,
ADD COLUMN `created` TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) AFTER `dt`,
MODIFY COLUMN `ts` TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
MODIFY COLUMN `flag` TINYINT(1) NOT NULL DEFAULT 1,
MODIFY COLUMN `dt` DATETIME(6) NULL DEFAULT CURRENT_TIMESTAMP(6);
