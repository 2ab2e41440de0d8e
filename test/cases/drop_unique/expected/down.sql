-- schemac migration 0001_drop_unique_name (down) for database test
-- schema before: sha256:438082eed0c219ae15690cc4e4b8fae7a73380bead0438c24e004f2ec9edc9ac
-- schema after:  sha256:07a903a193c0ade98b874862bb0803ea58cf1ed2c30a8470b2822deaf9fe585b
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table position: drop unique key uq_position_name
-- cost: INPLACE, writes allowed
ALTER TABLE `position`
ADD UNIQUE INDEX `uq_position_name` (`name`);
