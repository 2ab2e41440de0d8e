-- schemac migration 0001_change_index_title_body_body_lang (up) for database test
-- schema before: sha256:210dba96473e8c3bb59213e67c8e4fb6ecf71f0408dd8fcefa135ef2b0c7bac0
-- schema after:  sha256:dbb9eb5ec8ccda3f4cef9b24286dba00adf4e0fa2489fd83b72f29bc76c4b874
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table article: change index ft_article, change index ft_article_body, change index ix_article_lang
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `article`
DROP INDEX `ft_article`,
DROP INDEX `ft_article_body`,
DROP INDEX `ix_article_lang`,
ADD FULLTEXT INDEX `ft_article` (`title`, `body`),
ADD INDEX `ft_article_body` (`body` (20)),
ADD FULLTEXT INDEX `ix_article_lang` (`lang`);
