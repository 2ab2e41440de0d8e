-- schemac migration 0001_change_partitioning_of_event (down) for database test
-- schema before: sha256:e3ca42cadf21f52e6ed5cbbd04146ce650e8f2f05dd46303d407b1d7f75a11bd
-- schema after:  sha256:b45f55295c3516a14f0b1f40ffbc2425a845126bb8031aa8eb3f3e68d6bc83bc
-- costs as predicted for MySQL 8.0.29

-- undo step 1: drop partition p2020 of event
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `event` REORGANIZE PARTITION `p2021` INTO (
  PARTITION `p2020`
  VALUES
    LESS THAN (2021),
    PARTITION `p2021`
  VALUES
    LESS THAN (2022)
);
