-- schemac migration 0001_rename_table_task_to_job (down) for database test
-- schema before: sha256:ee600ab1a5c1de0b67a3f6b1bc3ecf15f03ac37aa0e9daa81ad88b26b13146d4
-- schema after:  sha256:26f109865ca203ba4b9a76b7fb626f34456f7d4de2e3b9cace167f607a9791ac

ALTER TABLE `job`
DROP FOREIGN KEY `fk_job_position_id_position`;

ALTER TABLE `job`
RENAME INDEX `ix_job_name` TO `ix_task_name`;

ALTER TABLE `job`
RENAME INDEX `fk_job_position_id_position` TO `fk_task_position_id_position`;

RENAME TABLE `job` TO `task`;

ALTER TABLE `task`
ADD CONSTRAINT `fk_task_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`);
