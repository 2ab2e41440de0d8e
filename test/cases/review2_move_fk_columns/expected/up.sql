-- schemac migration 0001_move_note_p_id_code_id (up) for database test
-- schema before: sha256:c40927321339c1d1e2156aa9ec79d81737a5af9d164e699d0c02a8577dd38a0f
-- schema after:  sha256:721f782dfead534deb5043262db87d1bbb6b13c7ccd10043fd40abf6e1940e60
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table c: move columns note, p_id
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `c`
MODIFY COLUMN `note` VARCHAR(20) NULL FIRST,
MODIFY COLUMN `p_id` INT NULL AFTER `note`;

-- step 2: alter table p: move columns code, id
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `p`
MODIFY COLUMN `code` VARCHAR(10) NOT NULL AFTER `name`,
MODIFY COLUMN `id` INT NOT NULL AUTO_INCREMENT AFTER `code`;
