-- schemac migration 0001_change_s (up) for database test
-- schema before: sha256:79b418c8dd185d7b13ef31adba5adb893034e9905e5eb6fa71c7870b9573ae83
-- schema after:  sha256:596b5048bd329ee5ff41fd67c20ee2d3475b227d2b8c343f82ab6ffd47bc6f58
-- costs as predicted for MySQL 8.0.29

-- step 1: fill t.s where NULL
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
MODIFY COLUMN `s` ENUM('a', 'b', 'c') NULL;

-- cost: writes every row it fills
UPDATE `t`
SET
  `s` = 'c'
WHERE
  `s` IS NULL;

-- step 2: alter table t: modify column s
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
MODIFY COLUMN `s` ENUM('a', 'b', 'c') NOT NULL;
