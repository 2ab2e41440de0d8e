-- schemac migration 0001_add_fk_position_id_and_rename_task_and_drop_fk (up) for database test
-- schema before: sha256:c0c51617cdf8a1555929dcfe35b8146a3e29191dbb9911c5be8442498cc857a2
-- schema after:  sha256:de8be0fd13c110a1167bacba03da90d7396e787d58432aa5b12efd2b8df563e8
-- costs as predicted for MySQL 8.0.29

-- step 1: drop foreign key fk_task_position_id_position on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP FOREIGN KEY `fk_task_position_id_position`;

-- step 2: rename table task to duty
RENAME TABLE `task` TO `duty`;

-- step 3: rename index fk_task_position_id_position to fk_duty_position_id_position on duty
-- cost: INPLACE, writes allowed
ALTER TABLE `duty`
RENAME INDEX `fk_task_position_id_position` TO `fk_duty_position_id_position`;

-- step 4: rename unique key uq_task_name to uq_duty_name on duty
-- cost: INPLACE, writes allowed
ALTER TABLE `duty`
RENAME INDEX `uq_task_name` TO `uq_duty_name`;

-- step 5: add foreign key fk_duty_position_id_position on duty
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `duty`
ADD CONSTRAINT `fk_duty_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`);
