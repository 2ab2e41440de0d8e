-- schemac migration 0001_init (up) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:82cbdfa7ceee9c631424bfffc5949ee76b5e85ec338b0811112661d1a3f68625
-- costs as predicted for MySQL 8.0.29

-- step 1: create table a
CREATE TABLE `a` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `b_id` INT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_a_b_id_b` (`b_id`)
);

-- step 2: create table c
CREATE TABLE `c` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `a_id` INT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_c_a_id_a` (`a_id`),
  CONSTRAINT `fk_c_a_id_a` FOREIGN KEY (`a_id`) REFERENCES `a` (`id`)
);

-- step 3: create table b
CREATE TABLE `b` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `c_id` INT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_b_c_id_c` (`c_id`),
  CONSTRAINT `fk_b_c_id_c` FOREIGN KEY (`c_id`) REFERENCES `c` (`id`)
);

-- step 4: add foreign key fk_a_b_id_b on a
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `a`
ADD CONSTRAINT `fk_a_b_id_b` FOREIGN KEY (`b_id`) REFERENCES `b` (`id`);
