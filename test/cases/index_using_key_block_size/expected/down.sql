-- schemac migration 0001_change_index_k_n_note (down) for database test
-- schema before: sha256:dc54e17c388d2c0cc93f2e23161625d1d93ca2ef2c8a918986557dfcfeb9b04e
-- schema after:  sha256:3dce0f0e37fe9c39864821b6897f3c368997c6977a2eb1fd907f8d49b63479f6
-- costs as predicted for MySQL 8.0.29

-- undo step 2: alter table legacy: change index ix_legacy_note
-- cost: INPLACE, writes allowed
ALTER TABLE `legacy`
DROP INDEX `ix_legacy_note`,
ADD INDEX `ix_legacy_note` (`note`);

-- undo step 1: alter table cache: change index ix_cache_k, change index ix_cache_n
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `cache`
DROP INDEX `ix_cache_k`,
DROP INDEX `ix_cache_n`,
ADD INDEX `ix_cache_k` (`k`),
ADD INDEX `ix_cache_n` (`n`) USING BTREE;
