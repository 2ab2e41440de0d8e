-- schemac migration 0001_drop_name (down) for database test
-- schema before: sha256:af41206d0888585e337655450f9a79ed21928a3c5ba111144b0b5baf7e07c7fd
-- schema after:  sha256:bf323ffafa271f620d8dfcafe10a6bcf8b627ff90ab8cb4ec7227cde0eaabc22
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table task: drop column name
-- cost: INSTANT, writes allowed
ALTER TABLE `task`
ADD COLUMN `name` VARCHAR(128) NOT NULL AFTER `id`;
