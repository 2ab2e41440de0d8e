-- schemac migration 0001_rename_position_id (down) for database test
-- schema before: sha256:db8a0516db8535093af7d02005a86554e7bf9b713b1cc10aef372acafbd466f2
-- schema after:  sha256:bed0245cc63b0c6e7a2a348ce4ed5f80cc810e0da56851b018ceefb8e544726e
-- costs as predicted for MySQL 8.0.29

-- undo step 2: rename column role.id to rid
-- cost: INSTANT, writes allowed
ALTER TABLE `role`
RENAME COLUMN `rid` TO `id`;

-- undo step 1: rename table position to role
RENAME TABLE `role` TO `position`;
