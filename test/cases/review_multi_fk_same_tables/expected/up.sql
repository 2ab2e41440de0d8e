-- schemac migration 0001_add_index_to_id_sender_id_and_add_fk_sender_id (up) for database test
-- schema before: sha256:79125d0b9cbfc97bbf199189cc35b36c449862f9e686039e5a13830dfa1b585f
-- schema after:  sha256:550ce1e6ad95a858e07b405f4f44cfc7aeca16b2671dcc605a791bef12e3145c
-- costs as predicted for MySQL 8.0.29

-- step 1: drop foreign key fk_msg_from_id_person on msg
-- cost: INPLACE, writes allowed
ALTER TABLE `msg`
DROP FOREIGN KEY `fk_msg_from_id_person`;

-- step 2: drop foreign key fk_msg_to_id_person on msg
-- cost: INPLACE, writes allowed
ALTER TABLE `msg`
DROP FOREIGN KEY `fk_msg_to_id_person`;

-- step 3: rename column msg.from_id to sender_id
-- cost: INSTANT, writes allowed
ALTER TABLE `msg`
RENAME COLUMN `from_id` TO `sender_id`;

-- step 4: rename index fk_msg_from_id_person to fk_msg_sender_id_person on msg
-- cost: INPLACE, writes allowed
ALTER TABLE `msg`
RENAME INDEX `fk_msg_from_id_person` TO `fk_msg_sender_id_person`;

-- step 5: alter table msg: drop index fk_msg_to_id_person, add index ix_msg_to_id_sender_id
-- cost: INPLACE, writes allowed
ALTER TABLE `msg`
DROP INDEX `fk_msg_to_id_person`,
ADD INDEX `ix_msg_to_id_sender_id` (`to_id`, `sender_id`);

-- step 6: add foreign key fk_msg_sender_id_person on msg
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `msg`
ADD CONSTRAINT `fk_msg_sender_id_person` FOREIGN KEY (`sender_id`) REFERENCES `person` (`id`) ON DELETE CASCADE;
