-- schemac migration 0001_create_client_and_add_ip4_and_add_unique_token (down) for database test
-- schema before: sha256:4237d5a8037ad543c626d58bd5e5d9286793b12623ac8bf24ce2fe745e8e340c
-- schema after:  sha256:82796f840790555b6968fa6403f857f66e7e607ad3491c4b4475745c0c04751f
-- costs as predicted for MariaDB 10.11.0

-- undo step 3: add foreign key fk_client_session_token_session on client
-- cost: INSTANT, writes allowed
ALTER TABLE `client`
DROP FOREIGN KEY `fk_client_session_token_session`;

-- undo step 2: alter table session: add column ip4, modify column ip, add unique key uq_session_token
-- cost: INPLACE, writes allowed
ALTER TABLE `session`
DROP INDEX `uq_session_token`,
MODIFY COLUMN `ip` INET6 NULL,
DROP COLUMN `ip4`;

-- undo step 1: create table client
DROP TABLE `client`;
