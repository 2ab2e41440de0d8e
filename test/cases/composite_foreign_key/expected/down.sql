-- schemac migration 0001_add_index_pa_pb_and_add_fk_pa_pb (down) for database test
-- schema before: sha256:88ff5313995dbd4de48ec5a196cc92056496c81b3827ff8eaec2c78c01417a4e
-- schema after:  sha256:eb619a29b46d1bd874d6aa7a3945f84a2620799a953b42878f1677f97dc0836c
-- costs as predicted for MySQL 8.0.29

-- undo step 2: add foreign key fk_ref_pair on ref
-- cost: INPLACE, writes allowed
ALTER TABLE `ref`
DROP FOREIGN KEY `fk_ref_pair`;

-- undo step 1: alter table ref: add index fk_ref_pair
-- cost: INPLACE, writes allowed
ALTER TABLE `ref`
DROP INDEX `fk_ref_pair`;
