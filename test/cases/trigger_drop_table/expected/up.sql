-- schemac migration 0001_drop_member_and_drop_trigger_member_audit_member (up) for database test
-- schema before: sha256:b05ad0d82c37137bd1c36497f1022d3f274a500981c56c60f87ca7269b57adfa
-- schema after:  sha256:c36297aed7220ef2d852a31b25674f2e832fcc8fa80edfff7d87b6eac4311587
-- costs as predicted for MySQL 8.0.29

-- step 1: drop trigger member_audit on member
DROP TRIGGER `member_audit`;

-- step 2: drop trigger member_trim on member
DROP TRIGGER `member_trim`;

-- step 3: drop table member
DROP TABLE `member`;
