-- schemac migration 0001_change_changed (up) for database test
-- schema before: sha256:a12233bd77cc52e6f643c5aee4939843066d9471eb85ea89320c64dcf417eff7
-- schema after:  sha256:ed2e6c2b7f92431f66cc3ba350d47f814765ce4984bbb8563a9b980828cfe1ae
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table position: modify column changed
-- cost: INPLACE, writes allowed
ALTER TABLE `position`
MODIFY COLUMN `changed` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP;
