-- schemac migration 0001_drop_trigger_member_audit_member_trim (down) for database test
-- schema before: sha256:b05ad0d82c37137bd1c36497f1022d3f274a500981c56c60f87ca7269b57adfa
-- schema after:  sha256:8b075273cbd2bc50316086da6b3e0c39518dcd4867a57a94076cee817755ca67
-- costs as predicted for MySQL 8.0.29

-- undo step 2: drop trigger member_trim on member
CREATE TRIGGER `member_trim` BEFORE INSERT ON `member` FOR EACH ROW
SET NEW.name = TRIM(NEW.name);

-- undo step 1: drop trigger member_audit on member
DELIMITER ;;
CREATE TRIGGER `member_audit` AFTER UPDATE ON `member` FOR EACH ROW
BEGIN
  IF NEW.logins <> OLD.logins THEN
    INSERT INTO audit (note) VALUES (CONCAT('logins of ', NEW.id, ': ', NEW.logins));
  END IF;
END;;
DELIMITER ;
