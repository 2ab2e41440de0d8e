-- schemac migration 0001_change_code_position_code_and_change_fk_position (up) for database test
-- schema before: sha256:2d5dfb5bbf71b2fa077e574b8860ec859a5c443b174e648f3c5b40bde655f4b0
-- schema after:  sha256:e0f0f06b4f6e2d2aa2991c799ce175a847ccdc41b11d86387746f6d188733461
-- costs as predicted for MySQL 8.0.29

-- step 1: drop foreign key fk_task_position_code_position on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
DROP FOREIGN KEY `fk_task_position_code_position`;

-- step 2: alter table position: modify column code
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `position`
MODIFY COLUMN `code` VARCHAR(10) COLLATE utf8mb4_bin NOT NULL;

-- step 3: alter table task: modify column position_code
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `task`
MODIFY COLUMN `position_code` VARCHAR(10) COLLATE utf8mb4_bin NULL;

-- step 4: add foreign key fk_task_position_code_position on task
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `task`
ADD CONSTRAINT `fk_task_position_code_position` FOREIGN KEY (`position_code`) REFERENCES `position` (`code`);
