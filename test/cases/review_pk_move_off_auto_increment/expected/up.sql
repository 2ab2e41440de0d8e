-- schemac migration 0001_add_unique_id_and_change_primary_key_of_t (up) for database test
-- schema before: sha256:335181a193aac12c822482c4ef14ce5f5c3fabe51e82353bb2929a34d7bccc78
-- schema after:  sha256:845b2dda4427339e7afc81587deed3dbd0437c7ac097bff84cb9bd5aa28fc761
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table t: change primary key, add unique key uq_t_id
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `t`
DROP PRIMARY KEY,
ADD PRIMARY KEY (`code`),
ADD UNIQUE INDEX `uq_t_id` (`id`);
