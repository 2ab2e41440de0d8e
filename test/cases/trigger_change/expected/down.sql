-- schemac migration 0001_change_trigger_member_trim (down) for database test
-- schema before: sha256:b05ad0d82c37137bd1c36497f1022d3f274a500981c56c60f87ca7269b57adfa
-- schema after:  sha256:96fe7f9bf42a03f5856bd0074ed227f046b92d4dd1f987c2985d9808a97e7555
-- costs as predicted for MySQL 8.0.29

-- undo step 2: create trigger member_trim on member (changed)
DROP TRIGGER `member_trim`;

-- undo step 1: drop trigger member_trim on member (to create it again changed)
CREATE TRIGGER `member_trim` BEFORE INSERT ON `member` FOR EACH ROW
SET NEW.name = TRIM(NEW.name);
