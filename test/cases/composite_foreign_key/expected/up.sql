-- schemac migration 0001_add_index_pa_pb_and_add_fk_pa_pb (up) for database test
-- schema before: sha256:88ff5313995dbd4de48ec5a196cc92056496c81b3827ff8eaec2c78c01417a4e
-- schema after:  sha256:eb619a29b46d1bd874d6aa7a3945f84a2620799a953b42878f1677f97dc0836c
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table ref: add index fk_ref_pair
-- cost: INPLACE, writes allowed
ALTER TABLE `ref`
ADD INDEX `fk_ref_pair` (`pa`, `pb`);

-- step 2: add foreign key fk_ref_pair on ref
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `ref`
ADD CONSTRAINT `fk_ref_pair` FOREIGN KEY (`pa`, `pb`) REFERENCES `pair` (`a`, `b`) ON DELETE CASCADE;
