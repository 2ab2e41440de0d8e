-- schemac migration 0001_add_fk_position_id_and_drop_fk_position_id (down) for database test
-- schema before: sha256:bf323ffafa271f620d8dfcafe10a6bcf8b627ff90ab8cb4ec7227cde0eaabc22
-- schema after:  sha256:31783752e94a51c4a497195888bd1b61037940fe0e51303afe952b96697c98f9
-- costs as predicted for MySQL 8.0.29

-- undo step 3: add foreign key fk_task_owner on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP FOREIGN KEY `fk_task_owner`;

-- undo step 2: rename index fk_task_position_id_position to fk_task_owner on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
RENAME INDEX `fk_task_owner` TO `fk_task_position_id_position`;

-- undo step 1: drop foreign key fk_task_position_id_position on task
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `task`
ADD CONSTRAINT `fk_task_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`);
