-- schemac migration 0001_change_email (down) for database test
-- schema before: sha256:7b7debfd0205220e29e685c79ef6864ebfa17d59c227d79b6f9970b614c9d3b5
-- schema after:  sha256:69fbfea612b7dc94410a73e85dfcb5c23de374c28421aedcd8a817a3fa209870
-- costs as predicted for MySQL 8.0.29

-- undo step 2: alter table position: modify column email
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `position`
MODIFY COLUMN `email` VARCHAR(128) NULL;
