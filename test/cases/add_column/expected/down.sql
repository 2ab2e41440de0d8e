-- schemac migration 0001_add_notes_priority_done (down) for database test
-- schema before: sha256:af41206d0888585e337655450f9a79ed21928a3c5ba111144b0b5baf7e07c7fd
-- schema after:  sha256:5b68009f1fa8b3d09ff136bfc9cbf6f7a1af70fa47003c44c62d89f6631b9230
-- costs as predicted for MySQL 8.0.29

-- undo step 1: alter table task: add column notes, add column priority, add column done
-- cost: INSTANT, writes allowed
ALTER TABLE `task`
DROP COLUMN `notes`,
DROP COLUMN `priority`,
DROP COLUMN `done`;
