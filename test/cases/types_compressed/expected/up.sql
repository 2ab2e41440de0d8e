-- schemac migration 0001_add_raw_meta_digest_and_change_body_title (up) for database test
-- schema before: sha256:1221374a758d3e98817ce8189170a138b8c1fdb2e204ecddf71463f13781e7fe
-- schema after:  sha256:e00eb0cdb08b5a7abad308c352e6b7f9a4bb31a12da2ddc02fdce21afb60254b
-- costs as predicted for MariaDB 10.11.0

-- step 1: alter table doc: add column raw, add column meta, add column digest, modify column body, modify column title
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `doc`
ADD COLUMN `raw` BLOB COMPRESSED NULL AFTER `title`,
ADD COLUMN `meta` JSON COMPRESSED NULL AFTER `raw`,
ADD COLUMN `digest` VARBINARY(64) COMPRESSED NULL AFTER `meta`,
MODIFY COLUMN `body` TEXT COMPRESSED NULL,
MODIFY COLUMN `title` VARCHAR(200) NOT NULL DEFAULT 'untitled';
