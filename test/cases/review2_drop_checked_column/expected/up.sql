-- schemac migration 0001_drop_a_and_drop_check_ab (up) for database test
-- schema before: sha256:e569f2edc15c6470b18dfe5d1fcbf148d0117975a866939f659f1428876469b7
-- schema after:  sha256:e9f5f49fc7b74fedb494dcce43acd5a8c48273f3778a494355f0baa3a6a43750
-- costs as predicted for MySQL 8.0.29

-- step 1: drop check ck_t_ab on t
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
DROP CONSTRAINT `ck_t_ab`;

-- step 2: alter table t: drop column a
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
DROP COLUMN `a`;
