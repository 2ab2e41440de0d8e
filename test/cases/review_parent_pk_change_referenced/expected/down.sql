-- schemac migration 0001_add_unique_id_and_change_primary_key_of_parent (down) for database test
-- schema before: sha256:7a6f0586c1306efecd18f4d0ae44ec0c6f9e3b8fd6ab330954f9d17e5a643d7a
-- schema after:  sha256:67f5835bef62534e834b9c97f916af49fa8940e351a7d01aab526b8bb2a624a2
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table parent: change primary key, add unique key uq_parent_id
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `parent`
DROP INDEX `uq_parent_id`,
DROP PRIMARY KEY,
ADD PRIMARY KEY (`id`);
