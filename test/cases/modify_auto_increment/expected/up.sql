-- schemac migration 0001_change_id (up) for database test
-- schema before: sha256:9aa1baa12a0f972fff24fa1de619ed5959a33b05518547327521d0d65925082e
-- schema after:  sha256:dfcb1cec74ddbc0f140d5835aa77357ede44209dd73a9d02707d24cb818eeb15
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table counter: modify column id
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `counter`
MODIFY COLUMN `id` INT NOT NULL AUTO_INCREMENT;
