-- schemac migration 0001_add_index_title (up) for database test
-- schema before: sha256:d97b1269a8e01e4e91064fc1575ba8c31ea82d799d9242cd717f6e334a0ec4eb
-- schema after:  sha256:d54b16790c9ee81f905605dcfa4ac04d9e5559bcf28c8a3e1266f7e7e4b49334
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table article: add index ix_article_title
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `article`
ADD FULLTEXT INDEX `ix_article_title` (`title`) /*!50100 WITH PARSER `ngram` */;
