-- schemac migration 0001_init (up) for database test
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:c3f89647c2ad174b7f0ac4ca128e9330d3eb8e0e1ef967d557ad9791b8c071b4
-- costs as predicted for MySQL 8.0.29

-- step 1: create table author
CREATE TABLE `author` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `favorite_book_id` INT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_author_favorite_book_id_book` (`favorite_book_id`)
);

-- step 2: create table book
CREATE TABLE `book` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `author_id` INT NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_book_author_id_author` (`author_id`),
  CONSTRAINT `fk_book_author_id_author` FOREIGN KEY (`author_id`) REFERENCES `author` (`id`)
);

-- step 3: add foreign key fk_author_favorite_book_id_book on author
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `author`
ADD CONSTRAINT `fk_author_favorite_book_id_book` FOREIGN KEY (`favorite_book_id`) REFERENCES `book` (`id`) ON DELETE SET NULL;
