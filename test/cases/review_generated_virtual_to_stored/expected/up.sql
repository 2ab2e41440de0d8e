-- schemac migration 0001_change_g (up) for database test
-- schema before: sha256:86f4ce80f04b452e109cac46f3f3a4f91cd3d79fee62289fe9797484d8e6c165
-- schema after:  sha256:c8fad6fccb51f255e98f953728a9293d8bad85c634b2428751f874601cfd6660
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table t: modify column g
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
DROP COLUMN `g`,
ADD COLUMN `g` INT GENERATED ALWAYS AS (a * 2) STORED AFTER `a`;
