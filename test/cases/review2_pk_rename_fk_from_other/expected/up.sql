-- schemac migration 0001_add_unique_pcode_and_rename_code_and_change (up) for database test
-- schema before: sha256:e6c23bd47a549a20186a2530b04278d99833fc307279b9e6f3c1c5b3915e714e
-- schema after:  sha256:c3099bb0409d4973ce112d7e47b02083a821778fceeff157bf0172a653716b29
-- costs as predicted for MySQL 8.0.29

-- step 1: rename column parent.code to pcode
-- cost: INSTANT, writes allowed
ALTER TABLE `parent`
RENAME COLUMN `code` TO `pcode`;

-- step 2: alter table parent: move column pcode, change primary key, add unique key uq_parent_pcode
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `parent`
MODIFY COLUMN `pcode` INT NOT NULL AFTER `region`,
DROP PRIMARY KEY,
ADD PRIMARY KEY (`pcode`, `region`),
ADD UNIQUE INDEX `uq_parent_pcode` (`pcode`);
