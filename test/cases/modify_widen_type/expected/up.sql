-- schemac migration 0001_change_score_label_amount_kind (up) for database test
-- schema before: sha256:dacdca7800e55150a862024a3b122152475ef5f1a11098bc2159643c4b3c4f99
-- schema after:  sha256:fe7b0c95286521ad0fe5bcd34d446dcba0f37b7149a16534e6e8bee415b6300e
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table position: modify column score, modify column label, modify column amount, modify column kind
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `position`
MODIFY COLUMN `score` BIGINT NULL,
MODIFY COLUMN `label` VARCHAR(200) NULL,
MODIFY COLUMN `amount` DECIMAL(12, 3) NULL,
MODIFY COLUMN `kind` ENUM('a', 'b', 'c') NULL;
