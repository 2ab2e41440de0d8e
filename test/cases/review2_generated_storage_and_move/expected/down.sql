-- schemac migration 0001_change_g_and_move_g (down) for database test
-- schema before: sha256:e3ab1303b5bbdd0f067ba4931fb235f26510a5a120c2b63a5092ad9ef74333f4
-- schema after:  sha256:4e4df50a1091e9988dce1b8ce25e701a24f02bbc5c3ae7cb38b57ec62c960828
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: modify column g, move column g
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
DROP COLUMN `g`,
ADD COLUMN `g` INT GENERATED ALWAYS AS (a * 2) VIRTUAL AFTER `b`;
