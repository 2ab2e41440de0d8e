-- schemac migration 0001_create_task_and_change_id (down) for database test
-- schema before: sha256:07a903a193c0ade98b874862bb0803ea58cf1ed2c30a8470b2822deaf9fe585b
-- schema after:  sha256:054183d6416e6c9c73ec67b613e877b217ff3c93560bb3aa4c893765cb1218dd
-- costs as predicted for MySQL 8.0.29

-- undo step 3: add foreign key fk_task_position_id_position on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP FOREIGN KEY `fk_task_position_id_position`;

-- undo step 2: alter table position: modify column id
SELECT
  'position.id holds values that INT NOT NULL cannot' AS `schemac_check`,
  `id`
FROM
  `position`
WHERE
  `id` NOT BETWEEN -2147483648 AND 2147483647
LIMIT
  10;

-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `position`
MODIFY COLUMN `id` INT NOT NULL AUTO_INCREMENT;

-- undo step 1: create table task
DROP TABLE `task`;
