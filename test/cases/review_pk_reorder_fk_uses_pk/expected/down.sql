-- schemac migration 0001_add_index_a_and_change_primary_key_of_link (down) for database test
-- schema before: sha256:f37d361ac59aeb293d391fe4caaa4ca5c7c948eb2b5848231fae638c2ebe32aa
-- schema after:  sha256:44c0a4741554ba1cd3d53e480bcc3c25c253e0faa74654961a270ea59b8fc1d4
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table link: change primary key, drop index fk_link_b_y, add index fk_link_a_x
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `link`
DROP INDEX `fk_link_a_x`,
DROP PRIMARY KEY,
ADD PRIMARY KEY (`a`, `b`),
ADD INDEX `fk_link_b_y` (`b`);
