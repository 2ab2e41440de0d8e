-- schemac migration 0001_init (down) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:1654d4cc745210f62cc61450d32b15937b43f201bb7ffdbc73677ed1a4037d09
-- costs as predicted for MySQL 8.0.29

-- undo step 2: create table ticket_line
DROP TABLE `ticket_line`;

-- undo step 1: create table ticket
DROP TABLE `ticket`;
