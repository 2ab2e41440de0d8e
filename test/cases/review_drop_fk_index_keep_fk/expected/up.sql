-- schemac migration 0001_migration (up) for database test
-- schema before: sha256:4aa0593ae1dcadd5f1654d14c742f5845b12f323174e7dc3f88553de657bc647
-- schema after:  sha256:f41cedfdb05f3788d8d06b11afb35ed5604001ec71452ebb9271182992d9874c
-- costs as predicted for MySQL 8.0.29

-- step 1: rename index ix_pos to fk_task_position_id_position on task
-- cost: INPLACE, writes allowed
ALTER TABLE `task`
RENAME INDEX `ix_pos` TO `fk_task_position_id_position`;
