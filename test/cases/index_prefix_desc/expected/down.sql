-- schemac migration 0001_add_unique_lang_title_and_change_index_title_lang (down) for database test
-- schema before: sha256:24f3e81e12e846a541b220909c3bf7061f1b2ae1c8c384061eba0d2791334ac9
-- schema after:  sha256:09c67bb41d4201c59231bcd6c88505e9cbb8330f9fe286357e617ae9bd07f5fc
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table article: change index ix_article_title, add unique key uq_article_lang_title
-- cost: INPLACE, writes allowed
ALTER TABLE `article`
DROP INDEX `uq_article_lang_title`,
DROP INDEX `ix_article_title`,
ADD INDEX `ix_article_title` (`title` (10), `lang`);
