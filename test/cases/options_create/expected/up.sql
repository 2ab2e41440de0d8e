-- schemac migration 0001_init (up) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:23858ec04d4d8e24e6df40c523f6b19456d284e10e90d4aa539e84b660132f77
-- costs as predicted for MySQL 8.0.29

-- step 1: create table archive
CREATE TABLE `archive` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `body` VARCHAR(255) NULL,
  PRIMARY KEY (`id`)
) AUTO_INCREMENT = 1000 ROW_FORMAT = COMPRESSED KEY_BLOCK_SIZE = 8 STATS_PERSISTENT = 1 STATS_AUTO_RECALC = 0 STATS_SAMPLE_PAGES = 12 MAX_ROWS = 100000 MIN_ROWS = 10 CHECKSUM = 1;

-- step 2: create table log
CREATE TABLE `log` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `option` INT NULL,
  PRIMARY KEY (`id`)
) ROW_FORMAT = REDUNDANT DELAY_KEY_WRITE = 1 PACK_KEYS = 1;
