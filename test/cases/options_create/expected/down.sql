-- schemac migration 0001_init (down) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:23858ec04d4d8e24e6df40c523f6b19456d284e10e90d4aa539e84b660132f77
-- costs as predicted for MySQL 8.0.29

-- undo step 2: create table log
DROP TABLE `log`;

-- undo step 1: create table archive
DROP TABLE `archive`;
