-- schemac migration 0001_change_index_lang_title (up) for database test
-- schema before: sha256:597e36a8c4cfe3ece9e5c92221bd15b0249ac7fda47cefb44d22b337b43e41b6
-- schema after:  sha256:8f6b68556d5cfa26d438591743a833a44fc6e39a584391dc56fb9ca31ae96bab
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table article: change index ix_article_lang, change index ix_article_title
-- cost: INPLACE, writes allowed
ALTER TABLE `article`
DROP INDEX `ix_article_lang`,
DROP INDEX `ix_article_title`,
ADD INDEX `ix_article_lang` (`lang`) COMMENT 'new note: it''s here',
ADD INDEX `ix_article_title` (`title` (10)) COMMENT 'added';
