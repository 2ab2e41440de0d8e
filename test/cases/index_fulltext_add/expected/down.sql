-- schemac migration 0001_add_index_body_title_body (down) for database test
-- schema before: sha256:d97b1269a8e01e4e91064fc1575ba8c31ea82d799d9242cd717f6e334a0ec4eb
-- schema after:  sha256:4ea9fc85c031bdba164a9bf6407eb35d651c0683962a7a1200a7c0ab50a480d3
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table article: add index ft_article_body, add index ix_article_title_body
-- cost: INPLACE, writes allowed
ALTER TABLE `article`
DROP INDEX `ft_article_body`,
DROP INDEX `ix_article_title_body`;
