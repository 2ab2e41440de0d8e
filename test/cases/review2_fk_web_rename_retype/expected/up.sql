-- schemac migration 0001_create_c_and_add_fk_a_id_and_rename_a_id (up) for database test
-- schema before: sha256:c25c9b9be478a698f3eb69a61c8782f3e060158abddc52f149712ef2ec367af6
-- schema after:  sha256:d57fdcf8f721a9ad79f0fedf79760c879d28c5ab386a4fee502648e3039ba313
-- costs as predicted for MySQL 8.0.29

-- step 1: drop foreign key fk_b_a_id_a on b
-- cost: INPLACE, writes allowed
ALTER TABLE `b`
DROP FOREIGN KEY `fk_b_a_id_a`;

-- step 2: rename table a to a2
RENAME TABLE `a` TO `a2`;

-- step 3: rename column a2.id to aid
-- cost: INSTANT, writes allowed
ALTER TABLE `a2`
RENAME COLUMN `id` TO `aid`;

-- step 4: rename index fk_b_a_id_a to fk_b_a_id_a2 on b
-- cost: INPLACE, writes allowed
ALTER TABLE `b`
RENAME INDEX `fk_b_a_id_a` TO `fk_b_a_id_a2`;

-- step 5: create table c
CREATE TABLE `c` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `a_id` BIGINT NULL,
  `b_id` INT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_c_a_id_a2` (`a_id`),
  KEY `fk_c_b_id_b` (`b_id`),
  CONSTRAINT `fk_c_b_id_b` FOREIGN KEY (`b_id`) REFERENCES `b` (`id`)
);

-- step 6: alter table a2: modify column aid, move column aid
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `a2`
MODIFY COLUMN `aid` BIGINT NOT NULL AUTO_INCREMENT AFTER `name`;

-- step 7: alter table b: modify column a_id, move column a_id
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `b`
MODIFY COLUMN `a_id` BIGINT NOT NULL AFTER `tag`;

-- step 8: add foreign key fk_b_a_id_a2 on b
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `b`
ADD CONSTRAINT `fk_b_a_id_a2` FOREIGN KEY (`a_id`) REFERENCES `a2` (`aid`) ON DELETE CASCADE;

-- step 9: add foreign key fk_c_a_id_a2 on c
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `c`
ADD CONSTRAINT `fk_c_a_id_a2` FOREIGN KEY (`a_id`) REFERENCES `a2` (`aid`);
