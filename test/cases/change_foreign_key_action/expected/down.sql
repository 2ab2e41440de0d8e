-- schemac migration 0001_change_fk_position_id (down) for database test
-- schema before: sha256:af41206d0888585e337655450f9a79ed21928a3c5ba111144b0b5baf7e07c7fd
-- schema after:  sha256:9b4813582475d947dcdcfbb12fb17491787d34227daec2e3401876e27a10344e
-- costs as predicted for MySQL 8.0.29

-- undo step 2: add foreign key fk_task_position_id_position on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP FOREIGN KEY `fk_task_position_id_position`;

-- undo step 1: drop foreign key fk_task_position_id_position on task
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `task`
ADD CONSTRAINT `fk_task_position_id_position` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`);
