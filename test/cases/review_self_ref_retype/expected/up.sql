-- schemac migration 0001_change_id_parent_id_and_change_fk_parent_id (up) for database test
-- schema before: sha256:81434554dfd8581ea9538cdbfea95251c6c4659878e4d3c34fda2111eeedfa3f
-- schema after:  sha256:b334c933c7e91f1a6317b6d251b7c189fe02c3ee0db972eb1ca747956f1fcc2e
-- costs as predicted for MySQL 8.0.29

-- step 1: drop foreign key fk_node_parent_id_node on node
-- cost: INPLACE, writes allowed
ALTER TABLE `node`
DROP FOREIGN KEY `fk_node_parent_id_node`;

-- step 2: alter table node: modify column id, modify column parent_id
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `node`
MODIFY COLUMN `id` BIGINT NOT NULL AUTO_INCREMENT,
MODIFY COLUMN `parent_id` BIGINT NULL;

-- step 3: add foreign key fk_node_parent_id_node on node
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `node`
ADD CONSTRAINT `fk_node_parent_id_node` FOREIGN KEY (`parent_id`) REFERENCES `node` (`id`);
