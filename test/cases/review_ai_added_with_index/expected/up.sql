-- schemac migration 0001_add_index_seq_and_change_seq (up) for database test
-- schema before: sha256:2a1904c45774bc7b2f20d1f041d87e6122705eb54873632b410d2175e9a8a1d5
-- schema after:  sha256:655dd5df5533cc8c993eda64134eccf5f3fe35097c2f2c18a2ffdce7cb2c99d5
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table t: modify column seq, add index ix_t_seq
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `seq` INT NOT NULL AUTO_INCREMENT,
ADD INDEX `ix_t_seq` (`seq`);
