-- schemac migration 0001_change_partitioning_of_event (up) for database test
-- schema before: sha256:8651b6871da868cb0e4def2c2637fb2e5494042aa1438613fdc2d24776ad50f7
-- schema after:  sha256:4ebc65c681301a57d40dfd337b88601f40c357a8181817f6064703b78b3dbbf2
-- costs as predicted for MySQL 8.0.29

-- step 1: reorganize partition prest of event into p2021, p2022, prest
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `event` REORGANIZE PARTITION `prest` INTO (
  PARTITION `p2021`
  VALUES
    LESS THAN (2022),
    PARTITION `p2022`
  VALUES
    LESS THAN (2023),
    PARTITION `prest`
  VALUES
    LESS THAN MAXVALUE
);
