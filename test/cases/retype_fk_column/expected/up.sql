-- schemac migration 0001_change_id_position_id_and_change_fk_position_id (up) for database test
-- schema before: sha256:bf323ffafa271f620d8dfcafe10a6bcf8b627ff90ab8cb4ec7227cde0eaabc22
-- schema after:  sha256:49dd9ddc30202fe92a3bbcd100d917d760e0e6fe5d7c302263e035d5ca42c552
-- costs as predicted for MySQL 8.0.29

-- step 1: drop foreign key fk_task_position_id_position on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP FOREIGN KEY `fk_task_position_id_position`;

-- step 2: alter table position: modify column id
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `position`
MODIFY COLUMN `id` BIGINT NOT NULL AUTO_INCREMENT;

-- step 3: alter table task: modify column position_id
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `task`
MODIFY COLUMN `position_id` BIGINT NOT NULL;

-- step 4: add foreign key fk_task_position_id_position on task
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `task`
ADD CONSTRAINT `fk_task_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`);
