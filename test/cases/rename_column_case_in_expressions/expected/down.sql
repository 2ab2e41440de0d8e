-- schemac migration 0001_rename_price_and_change_check_positive (down) for database test
-- schema before: sha256:96fb6b68a381df8ca8dfc803d51cd4c86231b4836f670ad4d2df73c705729ae2
-- schema after:  sha256:f1e7bdb106fde4e980036047599cb7d0531e9f0e7b7383200afc56b011b772d4
-- costs as predicted for MySQL 8.0.29

-- undo step 3: add check ck_t_positive on t
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
DROP CONSTRAINT `ck_t_positive`;

-- undo step 2: rename column t.price to cost
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
RENAME COLUMN `cost` TO `price`,
MODIFY COLUMN `twice` INT GENERATED ALWAYS AS (PRICE * 2) VIRTUAL;

-- undo step 1: drop check ck_t_positive on t
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
ADD CONSTRAINT `ck_t_positive` CHECK (Price > 0);
