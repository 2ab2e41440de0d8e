-- schemac migration 0001_change_s (up) for database test
-- schema before: sha256:5b73d16bc12890a8eb03a2635e6c6834ce8460b8cf2a444545403c325054e452
-- schema after:  sha256:33a063d74fdcfbdcd04da1cf7be8c383cd391b0cf128d711a95ae3e40a3ab966
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table t: modify column s
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `s` ENUM('c', 'b', 'a') NULL;
