-- schemac migration 0001_rename_name_and_change_view_active_member (down) for database test
-- schema before: sha256:3a03f0b85156dac7d195683c95787ae07ddc31434a6bfbcf62a47a44f04a9fbc
-- schema after:  sha256:979efdcbc51c7e272e18d941b9839581e8d9c7ec4b2f4d8d7ce6c68b4fa9ffd3
-- costs as predicted for MySQL 8.0.29

-- undo step 3: create view active_member (changed)
DROP VIEW `active_member`;

-- undo step 2: rename column member.name to full_name
-- cost: INSTANT, writes allowed
ALTER TABLE `member`
RENAME COLUMN `full_name` TO `name`;

-- undo step 1: drop view active_member (to create it again changed)
CREATE VIEW `active_member` AS
SELECT
  id,
  name
FROM
  member
WHERE
  active;
