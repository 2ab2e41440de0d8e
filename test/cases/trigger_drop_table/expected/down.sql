-- schemac migration 0001_drop_member_and_drop_trigger_member_audit_member (down) for database test
-- schema before: sha256:b05ad0d82c37137bd1c36497f1022d3f274a500981c56c60f87ca7269b57adfa
-- schema after:  sha256:c36297aed7220ef2d852a31b25674f2e832fcc8fa80edfff7d87b6eac4311587
-- costs as predicted for MySQL 8.0.29

-- undo step 3: drop table member
CREATE TABLE `member` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(64) NOT NULL,
  `logins` INT NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`)
);

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
