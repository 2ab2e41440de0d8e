-- schemac migration 0001_add_index_a_and_drop_b_and_drop_index_a_b (down) for database test
-- schema before: sha256:55f2ee8e9420fa969a6f1af6e17cac335352e211d9e9a9afae9d3ce823704145
-- schema after:  sha256:9c5b098f5c3963bd26b277d00ddb06df033612c6d8484711ac144d39bbfbb26b
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: drop column b, drop index ix_t_a_b, add index ix_t_a
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
DROP INDEX `ix_t_a`,
ADD COLUMN `b` INT NULL AFTER `a`,
ADD INDEX `ix_t_a_b` (`a`, `b`);
