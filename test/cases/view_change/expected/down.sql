-- schemac migration 0001_change_view_active_member_short_name (down) for database test
-- schema before: sha256:5298b10c2e1e49f6c302b3c997210220813decf007e9f6e8eee4ae8790a51445
-- schema after:  sha256:a80bda6dcf4b23f4b2421dbe5db27449464b7723c020967acdf277d77178b64f
-- costs as predicted for MySQL 8.0.29

-- undo step 2: replace view short_name
CREATE
OR
REPLACE
  ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `short_name` AS
SELECT
  id,
  name
FROM
  member
WHERE
  CHAR_LENGTH(name) < 10
WITH
  LOCAL CHECK OPTION;

-- undo step 1: replace view active_member
CREATE OR REPLACE VIEW `active_member` AS
SELECT
  id,
  name
FROM
  member
WHERE
  active;
