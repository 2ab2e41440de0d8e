-- schemac migration 0001_add_fk_up_id_and_rename_node_parent_id_and_drop_fk (up) for database test
-- schema before: sha256:81434554dfd8581ea9538cdbfea95251c6c4659878e4d3c34fda2111eeedfa3f
-- schema after:  sha256:217d63b5ee16949902665674920910a18d317be447f0c4637288f2694672e466
-- costs as predicted for MySQL 8.0.29

-- step 1: drop foreign key fk_node_parent_id_node on node
-- cost: INPLACE, writes allowed
ALTER TABLE `node`
DROP FOREIGN KEY `fk_node_parent_id_node`;

-- step 2: rename table node to tree
RENAME TABLE `node` TO `tree`;

-- step 3: rename column tree.parent_id to up_id
-- cost: INSTANT, writes allowed
ALTER TABLE `tree`
RENAME COLUMN `parent_id` TO `up_id`;

-- step 4: rename index fk_node_parent_id_node to fk_tree_up_id_tree on tree
-- cost: INPLACE, writes allowed
ALTER TABLE `tree`
RENAME INDEX `fk_node_parent_id_node` TO `fk_tree_up_id_tree`;

-- step 5: add foreign key fk_tree_up_id_tree on tree
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `tree`
ADD CONSTRAINT `fk_tree_up_id_tree` FOREIGN KEY (`up_id`) REFERENCES `tree` (`id`);
