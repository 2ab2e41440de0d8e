-- schemac migration 0001_change_options_of_t (up) for database test
-- schema before: sha256:b566f8788ac35b04cd33f0421a80d716a2ee71e44bdd46ed7c8e12d526073473
-- schema after:  sha256:02534b20950e96761a6204902835a0d93d0898d7dfba0c44be3cce71b66efe34
-- costs as predicted for MySQL 8.0.29

-- step 1: change options of t
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t` ROW_FORMAT = REDUNDANT,
STATS_PERSISTENT = 0,
MAX_ROWS = 0,
MIN_ROWS = 5,
CHECKSUM = 0,
PACK_KEYS = 0;
