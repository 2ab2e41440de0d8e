-- schemac migration 0001_change_partitioning_of_bucket (up) for database test
-- schema before: sha256:be7915b706d5f3a93250dd02c405c31f8d589bb68ac9caf24e32e8b0d01b7f21
-- schema after:  sha256:8e724061d70957a485b5e2844b1f4017915a235b2c631d89c3423d04b0ef9051
-- costs as predicted for MySQL 8.0.29

-- step 1: repartition bucket by KEY
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `bucket`
PARTITION BY
  LINEAR KEY (`id`) PARTITIONS 4;
