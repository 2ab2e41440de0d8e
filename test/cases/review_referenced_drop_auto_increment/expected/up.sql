-- schemac migration 0001_change_id (up) for database test
-- schema before: sha256:f41cedfdb05f3788d8d06b11afb35ed5604001ec71452ebb9271182992d9874c
-- schema after:  sha256:2c2f3f34ebbdc229854a3e55a740e9a8fc5197a7724f7b9ee6f799a62ea320a6
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table position: modify column id
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `position`
MODIFY COLUMN `id` INT NOT NULL;
