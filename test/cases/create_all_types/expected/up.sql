-- schemac migration 0001_init (up) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:b310ce919817f619a6e512c38d185961926fe44c3880ab60635a9bf5da219485
-- costs as predicted for MySQL 8.0.29

-- step 1: create table kitchen
CREATE TABLE `kitchen` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `t` TINYINT NULL,
  `s` SMALLINT UNSIGNED NULL,
  `i` INT NOT NULL DEFAULT 7,
  `b` BIGINT NULL,
  `price` DECIMAL(10, 2) NOT NULL DEFAULT 1.50,
  `f` FLOAT NULL,
  `d` DOUBLE NULL,
  `flag` TINYINT(1) NOT NULL DEFAULT 1,
  `code` CHAR(3) NOT NULL DEFAULT 'abc',
  `title` VARCHAR(200) NOT NULL COMMENT 'it''s a title',
  `body` TEXT NULL,
  `long_body` MEDIUMTEXT NULL,
  `hash` BINARY(16) NULL,
  `bytes` VARBINARY(64) NULL,
  `data` BLOB NULL,
  `day` DATE NULL,
  `at` TIME(3) NULL,
  `created` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated` TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `yr` YEAR NULL,
  `doc` JSON NULL,
  `mood` ENUM('happy', 'sad') NOT NULL DEFAULT 'happy',
  `tags` SET('a', 'b', 'c') NULL,
  `latin` VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_swedish_ci NULL,
  `doubled` INT GENERATED ALWAYS AS (i * 2) VIRTUAL,
  `stored` INT GENERATED ALWAYS AS (i + 1) STORED,
  PRIMARY KEY (`id`)
) ENGINE = InnoDB COMMENT = 'every column type';
