-- schemac migration 0001_add_index_to_id_sender_id_and_add_fk_sender_id (down) for database test
-- schema before: sha256:79125d0b9cbfc97bbf199189cc35b36c449862f9e686039e5a13830dfa1b585f
-- schema after:  sha256:550ce1e6ad95a858e07b405f4f44cfc7aeca16b2671dcc605a791bef12e3145c
-- costs as predicted for MySQL 8.0.29

-- undo step 6: add foreign key fk_msg_sender_id_person on msg
-- cost: INPLACE, writes allowed
ALTER TABLE `msg`
DROP FOREIGN KEY `fk_msg_sender_id_person`;

-- undo step 5: alter table msg: drop index fk_msg_to_id_person, add index ix_msg_to_id_sender_id
-- cost: INPLACE, writes allowed
ALTER TABLE `msg`
DROP INDEX `ix_msg_to_id_sender_id`,
ADD INDEX `fk_msg_to_id_person` (`to_id`);

-- undo step 4: rename index fk_msg_from_id_person to fk_msg_sender_id_person on msg
-- cost: INPLACE, writes allowed
ALTER TABLE `msg`
RENAME INDEX `fk_msg_sender_id_person` TO `fk_msg_from_id_person`;

-- undo step 3: rename column msg.from_id to sender_id
-- cost: INSTANT, writes allowed
ALTER TABLE `msg`
RENAME COLUMN `sender_id` TO `from_id`;

-- undo step 2: drop foreign key fk_msg_to_id_person on msg
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `msg`
ADD CONSTRAINT `fk_msg_to_id_person` FOREIGN KEY (`to_id`) REFERENCES `person` (`id`);

-- undo step 1: drop foreign key fk_msg_from_id_person on msg
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `msg`
ADD CONSTRAINT `fk_msg_from_id_person` FOREIGN KEY (`from_id`) REFERENCES `person` (`id`);
