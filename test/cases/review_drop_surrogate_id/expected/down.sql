-- schemac migration 0001_change_primary_key_of_t_and_drop_id (down) for database test
-- schema before: sha256:335181a193aac12c822482c4ef14ce5f5c3fabe51e82353bb2929a34d7bccc78
-- schema after:  sha256:d900f9aca9d70b5413940530d78e1223fc73378e8ae84dffe8d959f56abb5ea1
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table t: drop column id, change primary key
-- cost: INPLACE, rebuilds the table, blocks writes
ALTER TABLE `t`
ADD COLUMN `id` INT NOT NULL AUTO_INCREMENT FIRST,
DROP PRIMARY KEY,
ADD PRIMARY KEY (`id`);
