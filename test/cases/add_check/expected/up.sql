-- schemac migration 0001_add_check_score_positive (up) for database test
-- schema before: sha256:3398bc8380a502049ab204f107e74834b9ae7215cce4f65f7a65883b4a8188c2
-- schema after:  sha256:9b6b012512837d7169cf80d3085ae1af10833d8488ddeeccdd13333c291fdf2d
-- costs as predicted for MySQL 8.0.29

-- step 1: add check ck_position_score_positive on position
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `position`
ADD CONSTRAINT `ck_position_score_positive` CHECK (score >= 0);
