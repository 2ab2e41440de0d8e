-- schemac migration 0001_add_index_a_and_change_primary_key_of_link (up) for database test
-- schema before: sha256:606719133433fff95eb2dd6767053ae8fc5f71f1644cb43c56c4f3037eea29e0
-- schema after:  sha256:a5f0d73e982f9ff944c6d9d8ba8c42e8eb2797c72f31c155a728ebd7626eb8a5
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table link: change primary key, add index fk_link_a_x
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `link`
DROP PRIMARY KEY,
ADD INDEX `fk_link_a_x` (`a`);
