-- schemac migration 0001_rename_old_t_b_and_move_b2_a (up) for database test
-- schema before: sha256:b3d6adc1fdd575790134492c3177e2110549d78832597f215f299f75b1ee678d
-- schema after:  sha256:630c4581b34be4181c969861551a5fddf23dfbb0c510f81bb1cef3cc8f9e8878
-- costs as predicted for MySQL 8.0.29

-- step 1: rename table old_t to new_t
RENAME TABLE `old_t` TO `new_t`;

-- step 2: rename column new_t.b to b2
-- cost: INSTANT, writes allowed
ALTER TABLE `new_t`
RENAME COLUMN `b` TO `b2`;

-- step 3: rename index ix_old_t_b_a to ix_new_t_b2_a on new_t
-- cost: INPLACE, writes allowed
ALTER TABLE `new_t`
RENAME INDEX `ix_old_t_b_a` TO `ix_new_t_b2_a`;

-- step 4: alter table new_t: move columns b2, a
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `new_t`
MODIFY COLUMN `b2` VARCHAR(8) NOT NULL DEFAULT 'q' AFTER `c`,
MODIFY COLUMN `a` INT NULL AFTER `b2`;
