-- schemac migration 0001_init (down) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:842973363a0ea1f323a2fbc27e60ef1aed3448586491e28a179af12d54050ce6
-- costs as predicted for MySQL 8.0.29

-- undo step 1: create table a_table_with_a_rather_long_name_that_goes_on_and_on
DROP TABLE `a_table_with_a_rather_long_name_that_goes_on_and_on`;
