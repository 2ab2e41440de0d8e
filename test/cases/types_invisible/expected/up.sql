-- schemac migration 0001_create_audit_and_add_touched_and_change_secret (up) for database test
-- schema before: sha256:526b28d7a92f48217a8e7cdb028d0569ff68b6c38d1082516ae1f40a1e5f1d54
-- schema after:  sha256:bac636f87cb0e817fe9ffa5b22bf2706171c47cea22de5282d34a9225bba9e26
-- costs as predicted for MySQL 8.0.29

-- step 1: create table audit
CREATE TABLE `audit` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `note` VARCHAR(100) NULL,
  `note_length` INT GENERATED ALWAYS AS (char_length(note)) VIRTUAL INVISIBLE,
  PRIMARY KEY (`id`)
);

-- step 2: alter table account: add column touched, modify column secret, modify column legacy
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `account`
ADD COLUMN `touched` DATETIME NOT NULL INVISIBLE DEFAULT CURRENT_TIMESTAMP AFTER `legacy`,
MODIFY COLUMN `secret` VARCHAR(64) NULL INVISIBLE,
MODIFY COLUMN `legacy` INT NOT NULL DEFAULT 0;
