-- schemac migration 0001_change_event_purge_sessions (up) for database test
-- schema before: sha256:cadc8e7fb172455c279723b76d8c556cdf3756014e064c6d23ddb48d8b4623c7
-- schema after:  sha256:65abc4318ec18dac220f639c88747451b365a6fee43f787b2b31ea97aee66d2a
-- costs as predicted for MySQL 8.0.29

-- step 1: drop event purge_sessions (to create it again changed)
DROP EVENT `purge_sessions`;

-- step 2: create event purge_sessions (changed)
CREATE EVENT `purge_sessions`
ON SCHEDULE EVERY 30 MINUTE
COMMENT 'drops expired sessions'
DO DELETE FROM session WHERE expires < NOW();
