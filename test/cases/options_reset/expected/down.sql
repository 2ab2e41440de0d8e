-- schemac migration 0001_change_options_of_t (down) for database test
-- schema before: sha256:3ff5a87900ef45f7366976e1c4d5eb49aa6c5ee30eb78c208ca0f62578cee162
-- schema after:  sha256:5a34174d0a77dd0c547ef9edf87062eb34f52293ab4bfa72306bdf2ed557874a
-- costs as predicted for MySQL 8.0.29

-- undo step 1: change options of t
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t` ROW_FORMAT = COMPRESSED,
KEY_BLOCK_SIZE = 4,
STATS_AUTO_RECALC = 1,
STATS_SAMPLE_PAGES = 30,
MAX_ROWS = 50,
MIN_ROWS = 2,
CHECKSUM = 1,
DELAY_KEY_WRITE = 1;
