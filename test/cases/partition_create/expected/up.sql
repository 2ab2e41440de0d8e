-- schemac migration 0001_init (up) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:38c6052577f85604db26c18121dd0307a79ec1018eab24ca69fcd32abe0b8bf1
-- costs as predicted for MySQL 8.0.29

-- step 1: create table bucket
CREATE TABLE `bucket` (
  `id` INT NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (`id`)
)
PARTITION BY
  LINEAR HASH (id) PARTITIONS 3;

-- step 2: create table event
CREATE TABLE `event` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `happened` DATE NOT NULL,
  `kind` VARCHAR(10) NULL,
  PRIMARY KEY (`id`, `happened`)
)
PARTITION BY
  RANGE (year(happened)) SUBPARTITION BY HASH (id) SUBPARTITIONS 2 (
    PARTITION `p2023`
    VALUES
      LESS THAN (2024) COMMENT = 'before 2024',
      PARTITION `p2024`
    VALUES
      LESS THAN (2025),
      PARTITION `pmax`
    VALUES
      LESS THAN MAXVALUE
  );

-- step 3: create table keyed
CREATE TABLE `keyed` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `u` INT NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_keyed_id_u` (`id`, `u`)
)
PARTITION BY
  KEY () (PARTITION `one`, PARTITION `two`);

-- step 4: create table place
CREATE TABLE `place` (`country` VARCHAR(2) NULL, `zone` INT NULL)
PARTITION BY
  LIST COLUMNS (`country`, `zone`) (
    PARTITION `eu`
    VALUES
      IN (('de', 1), ('fr', 2)),
      PARTITION `us`
    VALUES
      IN (('us', 3))
  );

-- step 5: create table reading
CREATE TABLE `reading` (
  `sensor` VARCHAR(8) NOT NULL,
  `seq` INT NOT NULL,
  PRIMARY KEY (`sensor`, `seq`)
)
PARTITION BY
  RANGE COLUMNS (`sensor`, `seq`) (
    PARTITION `a`
    VALUES
      LESS THAN ('m', 100),
      PARTITION `b`
    VALUES
      LESS THAN (MAXVALUE, MAXVALUE)
  );

-- step 6: create table region
CREATE TABLE `region` (
  `id` INT NOT NULL,
  `code` INT NOT NULL,
  PRIMARY KEY (`id`, `code`)
)
PARTITION BY
  LIST (code) (
    PARTITION `low`
    VALUES
      IN (1, 2, 3),
      PARTITION `high`
    VALUES
      IN (4, 5, NULL)
  );
