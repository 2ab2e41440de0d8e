-- schemac migration 0001_change_score_label_amount_kind (down) for database test
-- schema before: sha256:dacdca7800e55150a862024a3b122152475ef5f1a11098bc2159643c4b3c4f99
-- schema after:  sha256:fe7b0c95286521ad0fe5bcd34d446dcba0f37b7149a16534e6e8bee415b6300e
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table position: modify column score, modify column label, modify column amount, modify column kind
SELECT
  'position.score holds values that INT cannot' AS `schemac_check`,
  `id`,
  `score`
FROM
  `position`
WHERE
  `score` NOT BETWEEN -2147483648 AND 2147483647
LIMIT
  10;

SELECT
  'position.label holds values that VARCHAR(20) cannot' AS `schemac_check`,
  `id`,
  `label`
FROM
  `position`
WHERE
  CHAR_LENGTH(`label`) > 20
LIMIT
  10;

SELECT
  'position.amount holds values that DECIMAL(10, 2) cannot' AS `schemac_check`,
  `id`,
  `amount`
FROM
  `position`
WHERE
  `amount` NOT BETWEEN -99999999.99 AND 99999999.99
  OR `amount` <> ROUND(`amount`, 2)
LIMIT
  10;

SELECT
  'position.kind holds values that ENUM(''a'', ''b'') cannot' AS `schemac_check`,
  `id`,
  `kind`
FROM
  `position`
WHERE
  `kind` NOT IN ('a', 'b')
LIMIT
  10;

-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `position`
MODIFY COLUMN `score` INT NULL,
MODIFY COLUMN `label` VARCHAR(20) NULL,
MODIFY COLUMN `amount` DECIMAL(10, 2) NULL,
MODIFY COLUMN `kind` ENUM('a', 'b') NULL;
