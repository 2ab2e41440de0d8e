-- schemac migration 0001_init (down) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:82cbdfa7ceee9c631424bfffc5949ee76b5e85ec338b0811112661d1a3f68625
-- costs as predicted for MySQL 8.0.29

-- undo step 4: add foreign key fk_a_b_id_b on a
-- cost: INPLACE, writes allowed
ALTER TABLE `a`
DROP FOREIGN KEY `fk_a_b_id_b`;

-- undo step 3: create table b
DROP TABLE `b`;

-- undo step 2: create table c
DROP TABLE `c`;

-- undo step 1: create table a
DROP TABLE `a`;
