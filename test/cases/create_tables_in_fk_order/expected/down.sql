-- schemac migration 0001_init (down) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:583da5c6a60fca57175baedc28dc4b83a0019d414521582300e357bb98e2df78
-- costs as predicted for MySQL 8.0.29

-- undo step 3: create table completion
DROP TABLE `completion`;

-- undo step 2: create table task
DROP TABLE `task`;

-- undo step 1: create table position
DROP TABLE `position`;
