-- schemac migration 0001_init (down) for database members
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:5be26d8636e79269fc9180cebdb1daeaa1327ba22f6c7653926af510fd4a3819

-- undo step 5: create table userposition
DROP TABLE `userposition`;

-- undo step 4: create table taskcompletion
DROP TABLE `taskcompletion`;

-- undo step 3: create table task
DROP TABLE `task`;

-- undo step 2: create table taskgroup
DROP TABLE `taskgroup`;

-- undo step 1: create table position
DROP TABLE `position`;
