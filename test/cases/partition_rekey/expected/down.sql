-- schemac migration 0001_change_primary_key_of_t_and_change_partitioning_of (down) for database test
-- schema before: sha256:9b84c8974c6d8f167852d030f82e36844f18c7d5d6ab20ba9ad538b29268b9e1
-- schema after:  sha256:ee033d212a3351e1f589760c72cd3af47f3bcbde4cf7114cfbdc6edbf1d256b2
-- costs as predicted for MySQL 8.0.29

-- undo step 3: partition t by KEY
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t` REMOVE PARTITIONING;

-- undo step 2: alter table t: change primary key
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
DROP PRIMARY KEY,
ADD PRIMARY KEY (`a`);

-- undo step 1: remove partitioning of t
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
PARTITION BY
  HASH (a) PARTITIONS 2;
