-- schemac migration 0001_init (up) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:842973363a0ea1f323a2fbc27e60ef1aed3448586491e28a179af12d54050ce6
-- costs as predicted for MySQL 8.0.29

-- step 1: create table a_table_with_a_rather_long_name_that_goes_on_and_on
CREATE TABLE `a_table_with_a_rather_long_name_that_goes_on_and_on` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `another_quite_long_column_name_for_the_reference` INT NOT NULL,
  `yet_another_long_column_name_to_overflow_the_limit` VARCHAR(20) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_a_table_with_a_rather_long_name_that_goes_on_and_on__23c69794` (
    `another_quite_long_column_name_for_the_reference`
  ),
  UNIQUE KEY `uq_a_table_with_a_rather_long_name_that_goes_on_and_on__f9cc1b77` (
    `yet_another_long_column_name_to_overflow_the_limit`
  ),
  CONSTRAINT `fk_a_table_with_a_rather_long_name_that_goes_on_and_on__23c69794` FOREIGN KEY (
    `another_quite_long_column_name_for_the_reference`
  ) REFERENCES `a_table_with_a_rather_long_name_that_goes_on_and_on` (`id`),
  CONSTRAINT `ck_a_table_with_a_rather_long_name_that_goes_on_and_on__14449e6e` CHECK (
    yet_another_long_column_name_to_overflow_the_limit <> ''
  )
);
