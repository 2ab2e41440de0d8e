-- schemac migration 0001_add_fk_owner_position_id_and_rename_position_id (down) for database test
-- schema before: sha256:af41206d0888585e337655450f9a79ed21928a3c5ba111144b0b5baf7e07c7fd
-- schema after:  sha256:86f6abef047bc578dc7c518911f1860dbdacc72399c7691f37d264c7b35a283f
-- costs as predicted for MySQL 8.0.29

-- undo step 4: add foreign key fk_task_owner_position_id_position on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP FOREIGN KEY `fk_task_owner_position_id_position`;

-- undo step 3: rename index fk_task_position_id_position to fk_task_owner_position_id_position on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
RENAME INDEX `fk_task_owner_position_id_position` TO `fk_task_position_id_position`;

-- undo step 2: rename column task.position_id to owner_position_id
-- cost: INSTANT, writes allowed
ALTER TABLE `task`
RENAME COLUMN `owner_position_id` TO `position_id`;

-- undo step 1: drop foreign key fk_task_position_id_position on task
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `task`
ADD CONSTRAINT `fk_task_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`);
