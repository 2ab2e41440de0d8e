-- schemac migration 0001_create_c_and_add_fk_a_id_and_rename_a_id (down) for database test
-- schema before: sha256:c25c9b9be478a698f3eb69a61c8782f3e060158abddc52f149712ef2ec367af6
-- schema after:  sha256:d57fdcf8f721a9ad79f0fedf79760c879d28c5ab386a4fee502648e3039ba313
-- costs as predicted for MySQL 8.0.29

-- undo step 9: add foreign key fk_c_a_id_a2 on c
-- cost: INPLACE, writes allowed
ALTER TABLE `c`
DROP FOREIGN KEY `fk_c_a_id_a2`;

-- undo step 8: add foreign key fk_b_a_id_a2 on b
-- cost: INPLACE, writes allowed
ALTER TABLE `b`
DROP FOREIGN KEY `fk_b_a_id_a2`;

-- undo step 7: alter table b: modify column a_id, move column a_id
SELECT
  'b.a_id holds values that INT NOT NULL cannot' AS `schemac_check`,
  `id`,
  `a_id`
FROM
  `b`
WHERE
  `a_id` NOT BETWEEN -2147483648 AND 2147483647
LIMIT
  10;

-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `b`
MODIFY COLUMN `a_id` INT NOT NULL AFTER `id`;

-- undo step 6: alter table a2: modify column aid, move column aid
SELECT
  'a2.aid holds values that INT NOT NULL cannot' AS `schemac_check`,
  `aid`
FROM
  `a2`
WHERE
  `aid` NOT BETWEEN -2147483648 AND 2147483647
LIMIT
  10;

-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `a2`
MODIFY COLUMN `aid` INT NOT NULL AUTO_INCREMENT FIRST;

-- undo step 5: create table c
DROP TABLE `c`;

-- undo step 4: rename index fk_b_a_id_a to fk_b_a_id_a2 on b
-- cost: INPLACE, writes allowed
ALTER TABLE `b`
RENAME INDEX `fk_b_a_id_a2` TO `fk_b_a_id_a`;

-- undo step 3: rename column a2.id to aid
-- cost: INSTANT, writes allowed
ALTER TABLE `a2`
RENAME COLUMN `aid` TO `id`;

-- undo step 2: rename table a to a2
RENAME TABLE `a2` TO `a`;

-- undo step 1: drop foreign key fk_b_a_id_a on b
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `b`
ADD CONSTRAINT `fk_b_a_id_a` FOREIGN KEY (`a_id`) REFERENCES `a` (`id`) ON DELETE CASCADE;
