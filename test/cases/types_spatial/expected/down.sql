-- schemac migration 0001_create_shapes_and_add_shape_and_change_location (down) for database test
-- schema before: sha256:458c0267ac04b0b33c92b3becdc6215e8e67ad660bc96958722b426d871205da
-- schema after:  sha256:f63ba2e1ebbf3186c72d3de3b40d4b9b6ec4e10bcd0cecdd4a4cf83453c68603
-- costs as predicted for MariaDB 10.11.0

-- undo step 2: alter table place: add column shape, modify column location, modify column route, modify column area
SELECT
  'place.location holds values that POINT SRID 4326 NOT NULL cannot' AS `schemac_check`,
  `id`,
  `location`
FROM
  `place`
WHERE
  ST_GeometryType(`location`) NOT IN ('POINT')
  OR ST_SRID(`location`) <> 4326
LIMIT
  10;

SELECT
  'place.route holds values that LINESTRING cannot' AS `schemac_check`,
  `id`,
  `route`
FROM
  `place`
WHERE
  ST_GeometryType(`route`) NOT IN ('LINESTRING')
LIMIT
  10;

SELECT
  'place.area holds values that POLYGON SRID 4326 cannot' AS `schemac_check`,
  `id`,
  `area`
FROM
  `place`
WHERE
  ST_GeometryType(`area`) NOT IN ('POLYGON')
  OR ST_SRID(`area`) <> 4326
LIMIT
  10;

-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `place`
MODIFY COLUMN `location` POINT REF_SYSTEM_ID = 4326 NOT NULL,
MODIFY COLUMN `route` LINESTRING NULL,
MODIFY COLUMN `area` POLYGON REF_SYSTEM_ID = 4326 NULL,
DROP COLUMN `shape`;

-- undo step 1: create table shapes
DROP TABLE `shapes`;
