-- schemac migration 0001_change_partitioning_of_shop (up) for database test
-- schema before: sha256:fb37ad08dd3967f09c31602c62bdd64c72cfcf3e68218daf486987d56a3749ca
-- schema after:  sha256:0f64a321faf30fedc68c7759ffe5e543191b6dfbb3b332cc85998b0a0c3747b0
-- costs as predicted for MySQL 8.0.29

-- step 1: reorganize partitions north, south of shop into north, south, west
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `shop` REORGANIZE PARTITION `north`,
`south` INTO (
  PARTITION `north`
  VALUES
    IN (1, 2, 5),
    PARTITION `south`
  VALUES
    IN (3, 4),
    PARTITION `west`
  VALUES
    IN (6, 7)
);
