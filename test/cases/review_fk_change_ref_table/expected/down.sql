-- schemac migration 0001_change_fk_ref_id (down) for database test
-- schema before: sha256:deb752e4df9d1f04208a7ee85d20a986ebed9ade1ec5e34e1a24c8f694e3e019
-- schema after:  sha256:ddb64fb686ffbe59ccb85a3968e0362ac3ac78579ef596114a8c12bd89983734
-- costs as predicted for MySQL 8.0.29

-- undo step 2: add foreign key fk_t_ref on t
-- cost: INPLACE, writes allowed
ALTER TABLE `t`
DROP FOREIGN KEY `fk_t_ref`;

-- undo step 1: drop foreign key fk_t_ref on t
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
ADD CONSTRAINT `fk_t_ref` FOREIGN KEY (`ref_id`) REFERENCES `x` (`id`);
