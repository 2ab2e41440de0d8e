-- schemac migration 0001_create_view_active_member_active_names (up) for database test
-- schema before: sha256:d5c1bb5220ee4fcb4fedd46d3b847469058ef8a9230aded54bdbf7769adcad08
-- schema after:  sha256:0068831b687275622780bf10d5a3ac80a9e24460a4f1f92d20a03e496bc35fc4
-- costs as predicted for MySQL 8.0.29

-- step 1: create view active_member
CREATE VIEW `active_member` AS
SELECT
  id,
  name
FROM
  member
WHERE
  active;

-- step 2: create view active_names
CREATE VIEW `active_names` AS
SELECT
  name
FROM
  active_member
WHERE
  id > 0;
