-- schemac migration 0001_change_token_ip_ip4 (down) for database test
-- schema before: sha256:58fb0ab89b4911784d9a4c2366818306d5928b7d39318eea737b70fb3357ffad
-- schema after:  sha256:11cec26edcbcefd07edece1df7285f5ae90e42accc8fbed9e7dc02f300e87ace
-- costs as predicted for MariaDB 10.11.0

-- undo step 1: alter table login: modify column token, modify column ip, modify column ip4
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `login`
MODIFY COLUMN `token` UUID NOT NULL,
MODIFY COLUMN `ip` INET6 NULL,
MODIFY COLUMN `ip4` INET4 NULL;
