-- schemac migration 0001_add_c_and_move_a (down) for database test
-- schema before: sha256:1846d87218139dc2a3908bc8aa14860dee2a805de0a03e4d61333dfd3e75e726
-- schema after:  sha256:5cc89dfe3747bb5b1c0a20c49e3744afb7cd501457a5b99b97cae234ef05a033
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: add column c, move column a
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
MODIFY COLUMN `a` INT NULL AFTER `id`,
DROP COLUMN `c`;
