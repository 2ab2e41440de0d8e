-- schemac migration 0001_create_shapes_and_add_shape_and_change_location (up) for database test
-- schema before: sha256:458c0267ac04b0b33c92b3becdc6215e8e67ad660bc96958722b426d871205da
-- schema after:  sha256:f63ba2e1ebbf3186c72d3de3b40d4b9b6ec4e10bcd0cecdd4a4cf83453c68603
-- costs as predicted for MariaDB 10.11.0

-- step 1: create table shapes
CREATE TABLE `shapes` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `g` GEOMETRY NOT NULL,
  `p` POINT NULL,
  `l` LINESTRING NULL,
  `a` POLYGON NULL,
  `mp` MULTIPOINT NULL,
  `ml` MULTILINESTRING NULL,
  `ma` MULTIPOLYGON NULL,
  `gc` GEOMETRYCOLLECTION REF_SYSTEM_ID = 4326 NULL,
  PRIMARY KEY (`id`)
);

-- step 2: alter table place: add column shape, modify column location, modify column route, modify column area
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `place`
ADD COLUMN `shape` GEOMETRY REF_SYSTEM_ID = 4326 NULL AFTER `area`,
MODIFY COLUMN `location` POINT REF_SYSTEM_ID = 3857 NOT NULL,
MODIFY COLUMN `route` GEOMETRY NULL,
MODIFY COLUMN `area` POLYGON NULL;
