-- schemac migration 0001_change_partitioning_of_event (down) for database test
-- schema before: sha256:42cffbbb969a39c882f81da1dc604f22530821aa4910b99b6b22eb2aec643f7b
-- schema after:  sha256:ebaa6d02dab937f2cca8d7b27b01d94c2562329ec85b5baa1997168bf90e421c
-- costs as predicted for MySQL 8.0.29

-- undo step 1: add partitions p2022, pmax to event
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `event`
DROP PARTITION `p2022`,
`pmax`;
