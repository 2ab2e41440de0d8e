-- schemac migration 0001_change_c_and_change_options_of_t (up) for database test
-- schema before: sha256:422898c67452b871a031634fb644f9d4c01eeae7623ebf03d0031673abc9f3f6
-- schema after:  sha256:5ae5a6ae194dc1af307d70d795fedb7e984e568fb568400e1561025803f68cf3
-- costs as predicted for MySQL 8.0.29

-- step 1: change the character set of t to utf8mb4
-- cost: INPLACE, writes allowed
ALTER TABLE `t` DEFAULT CHARSET = utf8mb4;

-- step 2: alter table t: modify column c
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `c` VARCHAR(20) NULL;
