-- schemac migration 0001_add_n_and_change_g (down) for database test
-- schema before: sha256:86f4ce80f04b452e109cac46f3f3a4f91cd3d79fee62289fe9797484d8e6c165
-- schema after:  sha256:0f1a154696f32aaa622a68bb187f7187361ee4ad4f3824dc28e4f94f43e575fa
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: add column n, modify column g
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
DROP COLUMN `g`,
ADD COLUMN `g` INT GENERATED ALWAYS AS (a * 2) VIRTUAL AFTER `a`,
DROP COLUMN `n`;
