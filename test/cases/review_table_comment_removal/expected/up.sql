-- schemac migration 0001_change_options_of_t (up) for database test
-- schema before: sha256:4ec3e1d3c6442fd3f87aec28911c409dc411469aa31040119d106bad9b67b668
-- schema after:  sha256:aaa761f5e9a5043b67ecf87f37964d41a7e2c23fdc3660b7d71d4a01437448ed
-- costs as predicted for MySQL 8.0.29

-- step 1: change options of t
-- cost: INPLACE, writes allowed
ALTER TABLE `t` COMMENT = '';
