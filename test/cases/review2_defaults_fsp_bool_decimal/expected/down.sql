-- schemac migration 0001_add_created_and_change_amt_ts_flag_dt_and_move_amt (down) for database test
-- schema before: sha256:0acfee1b18a72623a14b12c25bb7d642a03943cd4963162a97833578fffa3843
-- schema after:  sha256:42b44498bce3b6d272bc0db5396c0a65990db4ce1a32cc5718d6a5bbd5bd0de2
-- costs as predicted for MySQL 8.0.29

-- undo step 3: alter table t: add column created, modify column amt, modify column ts, modify column flag, modify column dt, move column amt
SELECT
  't.ts holds values that TIMESTAMP NOT NULL cannot' AS `schemac_check`,
  `id`,
  `ts`
FROM
  `t`
WHERE
  MICROSECOND(`ts`) % 1000000 <> 0
LIMIT
  10;

SELECT
  't.dt holds values that DATETIME cannot' AS `schemac_check`,
  `id`,
  `dt`
FROM
  `t`
WHERE
  MICROSECOND(`dt`) % 1000000 <> 0
LIMIT
  10;

-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `amt` DECIMAL(10, 3) NULL AFTER `flag`,
MODIFY COLUMN `ts` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
MODIFY COLUMN `flag` TINYINT(1) NULL,
MODIFY COLUMN `dt` DATETIME NULL,
DROP COLUMN `created`;

-- undo step 1: fill t.amt where NULL
SELECT
  't.amt holds values that DECIMAL(8, 2) cannot' AS `schemac_check`,
  `id`,
  `amt`
FROM
  `t`
WHERE
  `amt` NOT BETWEEN -999999.99 AND 999999.99
  OR `amt` <> ROUND(`amt`, 2)
LIMIT
  10;

-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `amt` DECIMAL(8, 2) NULL;
