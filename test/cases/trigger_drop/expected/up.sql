-- schemac migration 0001_drop_trigger_member_audit_member_trim (up) for database test
-- schema before: sha256:b05ad0d82c37137bd1c36497f1022d3f274a500981c56c60f87ca7269b57adfa
-- schema after:  sha256:8b075273cbd2bc50316086da6b3e0c39518dcd4867a57a94076cee817755ca67
-- costs as predicted for MySQL 8.0.29

-- step 1: drop trigger member_audit on member
DROP TRIGGER `member_audit`;

-- step 2: drop trigger member_trim on member
DROP TRIGGER `member_trim`;
