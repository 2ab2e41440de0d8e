-- schemac migration 0001_drop_fk_b_id_c_id_a_id_and_drop_a_b_c (down) for database test
-- schema before: sha256:1b575cfce8ef9389d24a8cd4ab45b16ac6b7fbab90fd3522bb76fbe5f35a8bb7
-- schema after:  sha256:f44da0b0f1f69db7ca6f0bad88df09123d7935067358fab57df428cb8b12f1e2
-- costs as predicted for MySQL 8.0.29

-- undo step 6: drop table c
CREATE TABLE `c` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `a_id` INT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_c_a_id_a` (`a_id`)
);

-- undo step 5: drop table b
CREATE TABLE `b` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `c_id` INT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_b_c_id_c` (`c_id`)
);

-- undo step 4: drop table a
CREATE TABLE `a` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `b_id` INT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_a_b_id_b` (`b_id`)
);

-- undo step 3: drop foreign key fk_c_a_id_a on c
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `c`
ADD CONSTRAINT `fk_c_a_id_a` FOREIGN KEY (`a_id`) REFERENCES `a` (`id`);

-- undo step 2: drop foreign key fk_b_c_id_c on b
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `b`
ADD CONSTRAINT `fk_b_c_id_c` FOREIGN KEY (`c_id`) REFERENCES `c` (`id`);

-- undo step 1: drop foreign key fk_a_b_id_b on a
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `a`
ADD CONSTRAINT `fk_a_b_id_b` FOREIGN KEY (`b_id`) REFERENCES `b` (`id`);
