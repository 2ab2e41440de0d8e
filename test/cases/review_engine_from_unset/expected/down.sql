-- schemac migration 0001_change_options_of_t (down) for database test
-- schema before: sha256:5a34174d0a77dd0c547ef9edf87062eb34f52293ab4bfa72306bdf2ed557874a
-- schema after:  sha256:55b86375e450ff0cdcdad9e9d24e51fa6d6977b3fe0b1af68da4a296229362a5
-- costs as predicted for MySQL 8.0.29

-- undo step 1: change options of t
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t` ENGINE = InnoDB;
