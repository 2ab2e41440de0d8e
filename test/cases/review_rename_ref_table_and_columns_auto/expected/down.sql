-- schemac migration 0001_add_fk_role_id_and_rename_position_id_position_id (down) for database test
-- schema before: sha256:ad92e6d2e7909d06cb3e5fe14b318c21a59f8df1b46c5566b631568881bd7367
-- schema after:  sha256:eb63f32a8a4fe4806b62bf848e0702485de6ebb30ba0db97714bf5bca551154d
-- costs as predicted for MySQL 8.0.29

-- undo step 6: add foreign key fk_task_role_id_role on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP FOREIGN KEY `fk_task_role_id_role`;

-- undo step 5: rename index fk_task_position_id_position to fk_task_role_id_role on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
RENAME INDEX `fk_task_role_id_role` TO `fk_task_position_id_position`;

-- undo step 4: rename column task.position_id to role_id
-- cost: INSTANT, writes allowed
ALTER TABLE `task`
RENAME COLUMN `role_id` TO `position_id`;

-- undo step 3: rename column role.id to rid
-- cost: INSTANT, writes allowed
ALTER TABLE `role`
RENAME COLUMN `rid` TO `id`;

-- undo step 2: rename table position to role
RENAME TABLE `role` TO `position`;

-- undo step 1: drop foreign key fk_task_position_id_position on task
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `task`
ADD CONSTRAINT `fk_task_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`);
