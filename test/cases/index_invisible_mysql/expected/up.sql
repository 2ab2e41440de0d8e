-- schemac migration 0001_change_index_lang (up) for database test
-- schema before: sha256:7b14a3289fd547eaaa8162eac505722cb370fce41b04dea2715946be74bb0a60
-- schema after:  sha256:42994077dfabd0206efbd5a6c2152f3ad70a57040d48f9ff08d5a6cfcb753068
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table article: change index ix_article_lang
-- cost: INPLACE, writes allowed
ALTER TABLE `article`
ALTER INDEX `ix_article_lang` INVISIBLE;
