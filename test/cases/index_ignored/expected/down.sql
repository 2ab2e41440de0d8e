-- schemac migration 0001_add_index_lang_title_and_change_index_lang_title (down) for database test
-- schema before: sha256:d7693be25f0e6745b8ee40b91a44d5051ea63d026b3cdc86b01dffba4f427b96
-- schema after:  sha256:f5f024ceaff1b8a7eea3b457e16212401230c675c207acc4a7ee62adbbb104af
-- costs as predicted for MariaDB 10.11.0

-- undo step 1: alter table article: change index ix_article_lang, change index ix_article_title, add index ix_article_new
-- cost: INPLACE, writes allowed
ALTER TABLE `article`
DROP INDEX `ix_article_new`,
ALTER INDEX `ix_article_lang` NOT IGNORED,
ALTER INDEX `ix_article_title` IGNORED;
