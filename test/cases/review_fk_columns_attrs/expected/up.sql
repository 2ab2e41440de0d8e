-- schemac migration 0001_change_id_position_id (up) for database test
-- schema before: sha256:f41cedfdb05f3788d8d06b11afb35ed5604001ec71452ebb9271182992d9874c
-- schema after:  sha256:a5e7f1d03c46050a97a553c1e164b1302755523de3608f33347cbc61a98fcb43
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table position: modify column id
-- cost: INPLACE, writes allowed
ALTER TABLE `position`
MODIFY COLUMN `id` INT NOT NULL AUTO_INCREMENT COMMENT 'pk';

-- step 2: alter table task: modify column position_id
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `task`
MODIFY COLUMN `position_id` INT NOT NULL DEFAULT 1 COMMENT 'fk';
