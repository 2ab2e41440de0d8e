-- schemac migration 0001_create_trigger_member_audit_member_trim (down) for database test
-- schema before: sha256:8b075273cbd2bc50316086da6b3e0c39518dcd4867a57a94076cee817755ca67
-- schema after:  sha256:b05ad0d82c37137bd1c36497f1022d3f274a500981c56c60f87ca7269b57adfa
-- costs as predicted for MySQL 8.0.29

-- undo step 2: create trigger member_trim on member
DROP TRIGGER `member_trim`;

-- undo step 1: create trigger member_audit on member
DROP TRIGGER `member_audit`;
