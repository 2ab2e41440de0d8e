-- schemac migration 0001_change_index_a_b (up) for database test
-- schema before: sha256:f7c2b36b99c8ff6d1dd274b742a89c19516dedc12de8c15eda8b0d40bc1b886d
-- schema after:  sha256:353ff301b942778d7704753af1cc9d24322369c6337cd0dd5183c26754b36084
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table t: change index k
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
DROP INDEX `k`,
ADD INDEX `k` (`a`, `b`);
