-- schemac migration 0001_drop_index_title_body (up) for database test
-- schema before: sha256:0e98f85d4c1d25bf64f96ecaf00b9dd6e8afb0aa75a79d777743cd33d57eb69c
-- schema after:  sha256:d97b1269a8e01e4e91064fc1575ba8c31ea82d799d9242cd717f6e334a0ec4eb
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table article: drop index ix_article_title_body
-- cost: INPLACE, writes allowed
ALTER TABLE `article`
DROP INDEX `ix_article_title_body`;
