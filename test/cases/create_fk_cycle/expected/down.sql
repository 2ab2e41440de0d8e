-- schemac migration 0001_init (down) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:c3f89647c2ad174b7f0ac4ca128e9330d3eb8e0e1ef967d557ad9791b8c071b4
-- costs as predicted for MySQL 8.0.29

-- undo step 3: add foreign key fk_author_favorite_book_id_book on author
-- cost: INPLACE, writes allowed
ALTER TABLE `author`
DROP FOREIGN KEY `fk_author_favorite_book_id_book`;

-- undo step 2: create table book
DROP TABLE `book`;

-- undo step 1: create table author
DROP TABLE `author`;
