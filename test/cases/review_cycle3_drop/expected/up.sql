-- schemac migration 0001_drop_fk_b_id_c_id_a_id_and_drop_a_b_c (up) for database test
-- schema before: sha256:1b575cfce8ef9389d24a8cd4ab45b16ac6b7fbab90fd3522bb76fbe5f35a8bb7
-- schema after:  sha256:f44da0b0f1f69db7ca6f0bad88df09123d7935067358fab57df428cb8b12f1e2
-- costs as predicted for MySQL 8.0.29

-- step 1: drop foreign key fk_a_b_id_b on a
-- cost: INPLACE, writes allowed
ALTER TABLE `a`
DROP FOREIGN KEY `fk_a_b_id_b`;

-- step 2: drop foreign key fk_b_c_id_c on b
-- cost: INPLACE, writes allowed
ALTER TABLE `b`
DROP FOREIGN KEY `fk_b_c_id_c`;

-- step 3: drop foreign key fk_c_a_id_a on c
-- cost: INPLACE, writes allowed
ALTER TABLE `c`
DROP FOREIGN KEY `fk_c_a_id_a`;

-- step 4: drop table a
DROP TABLE `a`;

-- step 5: drop table b
DROP TABLE `b`;

-- step 6: drop table c
DROP TABLE `c`;
