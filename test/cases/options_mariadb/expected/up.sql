-- schemac migration 0001_create_u_and_change_options_of_t (up) for database test
-- schema before: sha256:18b55bb03cf51a1e2a1efbfd06c5fa85d96c0b75a25e426f0bf5da7b438b4053
-- schema after:  sha256:634afdde6338ff3d75430507bd9d70cb1bd2f188be9a7542b040cfb2666ddf90
-- costs as predicted for MariaDB 10.11.0

-- step 1: create table u
CREATE TABLE `u` (
  `id` INT NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (`id`)
) PAGE_COMPRESSED = 1 ENCRYPTED = NO;

-- step 2: change options of t
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t` PAGE_COMPRESSED = 1,
PAGE_COMPRESSION_LEVEL = 3,
ENCRYPTED = NO;
