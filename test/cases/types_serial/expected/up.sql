-- schemac migration 0001_init (up) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:1654d4cc745210f62cc61450d32b15937b43f201bb7ffdbc73677ed1a4037d09
-- costs as predicted for MySQL 8.0.29

-- step 1: create table ticket
CREATE TABLE `ticket` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `title` VARCHAR(100) NULL,
  UNIQUE KEY `uq_ticket_id` (`id`)
);

-- step 2: create table ticket_line
CREATE TABLE `ticket_line` (
  `line` INT NOT NULL,
  `ticket_id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (`line`),
  UNIQUE KEY `uq_ticket_line_ticket_id` (`ticket_id`),
  CONSTRAINT `fk_ticket_line_ticket_id_ticket` FOREIGN KEY (`ticket_id`) REFERENCES `ticket` (`id`) ON DELETE CASCADE
);
