-- schemac migration 0001_add_check_name_not_empty_and_drop_check_name_not (down) for database test
-- schema before: sha256:bee39f2e8583f61d90983ad6ffff9c78d37de0323863a4b1a74ac3578b53471b
-- schema after:  sha256:c9a6cce3069e396a6482440117a03019121d789dd2657141cd7b215e950dd635
-- costs as predicted for MySQL 8.0.29

-- undo step 2: add check ck_position_name on position
-- cost: INPLACE, writes allowed
ALTER TABLE `position`
DROP CONSTRAINT `ck_position_name`;

-- undo step 1: drop check ck_position_name_not_empty on position
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `position`
ADD CONSTRAINT `ck_position_name_not_empty` CHECK (name <> '');
