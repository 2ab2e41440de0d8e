-- schemac migration 0001_change_position_id (up) for database test
-- schema before: sha256:f41cedfdb05f3788d8d06b11afb35ed5604001ec71452ebb9271182992d9874c
-- schema after:  sha256:0cc0ad3fefb6be7d82fde6197decf7b6a626710ae69cf67f4b27e81362bcfa89
-- costs as predicted for MySQL 8.0.29

-- step 1: fill task.position_id where NULL
-- cost: writes every row it fills
UPDATE `task`
SET
  `position_id` = 1
WHERE
  `position_id` IS NULL;

-- step 2: alter table task: modify column position_id
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `task`
MODIFY COLUMN `position_id` INT NOT NULL;
