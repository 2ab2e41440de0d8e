-- schemac migration 0001_change_primary_key_of_membership (down) for database test
-- schema before: sha256:ac17459d28de10a0f05b1b926f9b6ee0e67625900b13a23b4009b92999f75fb8
-- schema after:  sha256:2c90fa3c959b68e1bdd8af90ced3329db2341bccd92c00887abfb2a7681079e2
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table membership: change primary key
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `membership`
DROP PRIMARY KEY,
ADD PRIMARY KEY (`user_id`);
