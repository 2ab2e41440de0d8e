-- schemac migration 0001_create_audit_and_add_touched_and_change_secret (down) for database test
-- schema before: sha256:526b28d7a92f48217a8e7cdb028d0569ff68b6c38d1082516ae1f40a1e5f1d54
-- schema after:  sha256:bac636f87cb0e817fe9ffa5b22bf2706171c47cea22de5282d34a9225bba9e26
-- costs as predicted for MySQL 8.0.29

-- undo step 2: alter table account: add column touched, modify column secret, modify column legacy
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `account`
MODIFY COLUMN `secret` VARCHAR(64) NULL,
MODIFY COLUMN `legacy` INT NOT NULL INVISIBLE DEFAULT 0,
DROP COLUMN `touched`;

-- undo step 1: create table audit
DROP TABLE `audit`;
