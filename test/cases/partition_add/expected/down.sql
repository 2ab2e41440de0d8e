-- schemac migration 0001_change_primary_key_of_event_and_partition_event (down) for database test
-- schema before: sha256:9c1330ad817fc992454f00af91223ea65578d59efed79aa507860fac202881f5
-- schema after:  sha256:8f1907465d3c6209b7361037e9bcf338eded1e1dc84972c8095cd971af3b3510
-- costs as predicted for MySQL 8.0.29

-- undo step 2: partition event by RANGE
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `event` REMOVE PARTITIONING;

-- undo step 1: alter table event: change primary key
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `event`
DROP PRIMARY KEY,
ADD PRIMARY KEY (`id`);
