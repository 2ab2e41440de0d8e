-- schemac migration 0001_change_g (down) for database test
-- schema before: sha256:156acd07c03818caecb0ac2e387c2b1f60ada0d0604d77a9095fde66366d671f
-- schema after:  sha256:c8fad6fccb51f255e98f953728a9293d8bad85c634b2428751f874601cfd6660
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: modify column g
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `g` INT NULL;
