-- schemac migration 0001_drop_a_g (up) for database test
-- schema before: sha256:86f4ce80f04b452e109cac46f3f3a4f91cd3d79fee62289fe9797484d8e6c165
-- schema after:  sha256:aaa761f5e9a5043b67ecf87f37964d41a7e2c23fdc3660b7d71d4a01437448ed
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table t: drop column a, drop column g
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
DROP COLUMN `a`,
DROP COLUMN `g`;
