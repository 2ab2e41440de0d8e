-- schemac migration 0001_change_location (down) for database test
-- schema before: sha256:72e83a48bf7b035d5fdcf72b3cd02e9ec617c42bb70c9dc0f60d144838328fae
-- schema after:  sha256:5ef421e75709ddd2ca1e81b4b8c497d792af2c55f5f91aabfce753374a888d3d
-- costs as predicted for MariaDB 10.11.0

-- undo step 1: alter table place: modify column location
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `place`
MODIFY COLUMN `location` GEOMETRY NOT NULL;
