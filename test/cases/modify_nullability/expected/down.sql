-- schemac migration 0001_change_a_b (down) for database test
-- schema before: sha256:8406eff0feaa902e054a3d82e50bf3d41a27eacf49a4b65af94a55723ab4ccf9
-- schema after:  sha256:ae4962277aabcd22c0b3332d26e5502602225c554734eab46d3e19e23692ea84
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table position: modify column a, modify column b
SELECT
  'position.b holds values that INT NOT NULL cannot' AS `schemac_check`,
  `id`,
  `b`
FROM
  `position`
WHERE
  `b` IS NULL
LIMIT
  10;

-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `position`
MODIFY COLUMN `a` INT NULL,
MODIFY COLUMN `b` INT NOT NULL DEFAULT 0;
