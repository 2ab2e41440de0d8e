-- schemac migration 0001_create_client_and_add_ip4_and_add_unique_token (up) for database test
-- schema before: sha256:4237d5a8037ad543c626d58bd5e5d9286793b12623ac8bf24ce2fe745e8e340c
-- schema after:  sha256:82796f840790555b6968fa6403f857f66e7e607ad3491c4b4475745c0c04751f
-- costs as predicted for MariaDB 10.11.0

-- step 1: create table client
CREATE TABLE `client` (
  `id` UUID NOT NULL,
  `session_token` UUID NULL,
  `last_ip` INET6 NOT NULL DEFAULT '2001:db8::1',
  PRIMARY KEY (`id`),
  KEY `fk_client_session_token_session` (`session_token`)
);

-- step 2: alter table session: add column ip4, modify column ip, add unique key uq_session_token
-- cost: INPLACE, writes allowed
ALTER TABLE `session`
ADD COLUMN `ip4` INET4 NOT NULL DEFAULT '10.0.0.1' AFTER `ip`,
MODIFY COLUMN `ip` INET6 NULL DEFAULT '::ffff:10.0.0.1',
ADD UNIQUE INDEX `uq_session_token` (`token`);

-- step 3: add foreign key fk_client_session_token_session on client
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `client`
ADD CONSTRAINT `fk_client_session_token_session` FOREIGN KEY (`session_token`) REFERENCES `session` (`token`);
