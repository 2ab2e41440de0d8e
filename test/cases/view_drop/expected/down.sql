-- schemac migration 0001_drop_view_active_member_short_name (down) for database test
-- schema before: sha256:5298b10c2e1e49f6c302b3c997210220813decf007e9f6e8eee4ae8790a51445
-- schema after:  sha256:d5c1bb5220ee4fcb4fedd46d3b847469058ef8a9230aded54bdbf7769adcad08
-- costs as predicted for MySQL 8.0.29

-- undo step 2: drop view active_member
CREATE VIEW `active_member` AS
SELECT
  id,
  name
FROM
  member
WHERE
  active;

-- undo step 1: drop view short_name
CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `short_name` AS
SELECT
  id,
  name
FROM
  member
WHERE
  CHAR_LENGTH(name) < 10
WITH
  LOCAL CHECK OPTION;
