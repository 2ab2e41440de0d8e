-- schemac migration 0001_change_g (down) for database test
-- schema before: sha256:3061c8ca5082cba5dae05dcc3d6f8a83c5b75503d3149b52ec0aabb001f5bf32
-- schema after:  sha256:8f3e6cb6244860bd81a70d1c6460eceb4434bbb1fc386f99ad866e20bce28cfa
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: modify column g
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `g` INT GENERATED ALWAYS AS (a * 2) STORED;
