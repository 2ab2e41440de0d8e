-- schemac migration 0001_add_fk_up_id_and_rename_node_parent_id_and_drop_fk (down) for database test
-- schema before: sha256:81434554dfd8581ea9538cdbfea95251c6c4659878e4d3c34fda2111eeedfa3f
-- schema after:  sha256:217d63b5ee16949902665674920910a18d317be447f0c4637288f2694672e466
-- costs as predicted for MySQL 8.0.29

-- undo step 5: add foreign key fk_tree_up_id_tree on tree
-- cost: INPLACE, writes allowed
ALTER TABLE `tree`
DROP FOREIGN KEY `fk_tree_up_id_tree`;

-- undo step 4: rename index fk_node_parent_id_node to fk_tree_up_id_tree on tree
-- cost: INPLACE, writes allowed
ALTER TABLE `tree`
RENAME INDEX `fk_tree_up_id_tree` TO `fk_node_parent_id_node`;

-- undo step 3: rename column tree.parent_id to up_id
-- cost: INSTANT, writes allowed
ALTER TABLE `tree`
RENAME COLUMN `up_id` TO `parent_id`;

-- undo step 2: rename table node to tree
RENAME TABLE `tree` TO `node`;

-- undo step 1: drop foreign key fk_node_parent_id_node on node
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `node`
ADD CONSTRAINT `fk_node_parent_id_node` FOREIGN KEY (`parent_id`) REFERENCES `node` (`id`);
