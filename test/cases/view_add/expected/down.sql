-- schemac migration 0001_create_view_active_member_short_name (down) for database test
-- schema before: sha256:d5c1bb5220ee4fcb4fedd46d3b847469058ef8a9230aded54bdbf7769adcad08
-- schema after:  sha256:5298b10c2e1e49f6c302b3c997210220813decf007e9f6e8eee4ae8790a51445
-- costs as predicted for MySQL 8.0.29

-- undo step 2: create view short_name
DROP VIEW `short_name`;

-- undo step 1: create view active_member
DROP VIEW `active_member`;
