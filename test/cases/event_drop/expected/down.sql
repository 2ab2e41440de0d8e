-- schemac migration 0001_drop_event_purge_sessions_weekly_report (down) for database test
-- schema before: sha256:cadc8e7fb172455c279723b76d8c556cdf3756014e064c6d23ddb48d8b4623c7
-- schema after:  sha256:0951f4912fe9587b3b41d34a1ea84f9d75b490fe0fa86ee3f99fc91ad0821036
-- costs as predicted for MySQL 8.0.29

-- undo step 2: drop event weekly_report
DELIMITER ;;
CREATE EVENT `weekly_report`
ON SCHEDULE EVERY 1 WEEK STARTS '2030-01-07 03:00:00'
ON COMPLETION PRESERVE
DISABLE
DO BEGIN
  DELETE FROM session WHERE expires < NOW() - INTERVAL 7 DAY;
  DELETE FROM session WHERE token = '';
END;;
DELIMITER ;

-- undo step 1: drop event purge_sessions
CREATE EVENT `purge_sessions`
ON SCHEDULE EVERY 1 HOUR
COMMENT 'drops expired sessions'
DO DELETE FROM session WHERE expires < NOW();
