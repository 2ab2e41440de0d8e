-- schemac migration 0001_add_fk_position_id_and_rename_task_and_drop_fk (up) for database test
-- schema before: sha256:ee600ab1a5c1de0b67a3f6b1bc3ecf15f03ac37aa0e9daa81ad88b26b13146d4
-- schema after:  sha256:26f109865ca203ba4b9a76b7fb626f34456f7d4de2e3b9cace167f607a9791ac
-- costs as predicted for MySQL 8.0.29

-- step 1: drop foreign key fk_task_position_id_position on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP FOREIGN KEY `fk_task_position_id_position`;

-- step 2: rename table task to job
RENAME TABLE `task` TO `job`;

-- step 3: rename index fk_task_position_id_position to fk_job_position_id_position on job
-- cost: INPLACE, writes allowed
ALTER TABLE `job`
RENAME INDEX `fk_task_position_id_position` TO `fk_job_position_id_position`;

-- step 4: rename index ix_task_name to ix_job_name on job
-- cost: INPLACE, writes allowed
ALTER TABLE `job`
RENAME INDEX `ix_task_name` TO `ix_job_name`;

-- step 5: add foreign key fk_job_position_id_position on job
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `job`
ADD CONSTRAINT `fk_job_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`);
