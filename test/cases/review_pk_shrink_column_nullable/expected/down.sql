-- schemac migration 0001_change_b_and_change_primary_key_of_t (down) for database test
-- schema before: sha256:bef03ad4239a647f85d4f07184e60413d950410b7d4f786879c296656ad8c831
-- schema after:  sha256:366b89181c57d40cc4d5a4f7a260e9630541d3fb82e991b261966137ea2febc2
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: modify column b, change primary key
SELECT
  't.b holds values that INT NOT NULL cannot' AS `schemac_check`,
  `a`,
  `b`
FROM
  `t`
WHERE
  `b` IS NULL
LIMIT
  10;

-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
MODIFY COLUMN `b` INT NOT NULL,
DROP PRIMARY KEY,
ADD PRIMARY KEY (`a`, `b`);
