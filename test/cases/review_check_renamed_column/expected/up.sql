-- schemac migration 0001_rename_a_and_change_check_pos (up) for database test
-- schema before: sha256:3f0d0e68e7ea9ef09b892fc06124d1b84b572d6b7586a3f9f510cb38eb107ee0
-- schema after:  sha256:1656f764ff41a9a120f6ea9c193969744cb4da43332ed648648d9f45186a05f3
-- costs as predicted for MySQL 8.0.29

-- step 1: drop check ck_t_pos on t
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
DROP CONSTRAINT `ck_t_pos`;

-- step 2: rename column t.a to b
-- cost: INSTANT, writes allowed
ALTER TABLE `t`
RENAME COLUMN `a` TO `b`;

-- step 3: add check ck_t_pos on t
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
ADD CONSTRAINT `ck_t_pos` CHECK (b > 0);
