-- schemac migration 0001_rename_table_task_to_duty (down) for database test
-- schema before: sha256:c0c51617cdf8a1555929dcfe35b8146a3e29191dbb9911c5be8442498cc857a2
-- schema after:  sha256:de8be0fd13c110a1167bacba03da90d7396e787d58432aa5b12efd2b8df563e8

ALTER TABLE `duty`
DROP FOREIGN KEY `fk_duty_position_id_position`;

ALTER TABLE `duty`
RENAME INDEX `uq_duty_name` TO `uq_task_name`;

ALTER TABLE `duty`
RENAME INDEX `fk_duty_position_id_position` TO `fk_task_position_id_position`;

RENAME TABLE `duty` TO `task`;

ALTER TABLE `task`
ADD CONSTRAINT `fk_task_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`);
