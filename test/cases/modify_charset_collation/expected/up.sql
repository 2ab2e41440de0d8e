-- schemac migration 0001_change_a_b (up) for database test
-- schema before: sha256:7413566c240086cfac7f23083ed6a6caa9728993b2362c502eb4744abf8be059
-- schema after:  sha256:1c2524de0b760e02adaebd71f6de0ef4a37ec8d44b1645284db67aa09aec35eb
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table position: modify column a, modify column b
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `position`
MODIFY COLUMN `a` VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_general_ci NULL,
MODIFY COLUMN `b` VARCHAR(20) COLLATE utf8mb4_bin NULL;
