-- schemac migration 0001_init (down) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:38c6052577f85604db26c18121dd0307a79ec1018eab24ca69fcd32abe0b8bf1
-- costs as predicted for MySQL 8.0.29

-- undo step 6: create table region
DROP TABLE `region`;

-- undo step 5: create table reading
DROP TABLE `reading`;

-- undo step 4: create table place
DROP TABLE `place`;

-- undo step 3: create table keyed
DROP TABLE `keyed`;

-- undo step 2: create table event
DROP TABLE `event`;

-- undo step 1: create table bucket
DROP TABLE `bucket`;
