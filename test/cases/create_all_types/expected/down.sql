-- schemac migration 0001_init (down) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:b310ce919817f619a6e512c38d185961926fe44c3880ab60635a9bf5da219485
-- costs as predicted for MySQL 8.0.29

-- undo step 1: create table kitchen
DROP TABLE `kitchen`;
