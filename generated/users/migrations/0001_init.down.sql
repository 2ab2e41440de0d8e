-- schemac migration 0001_init (down) for database users
-- schema before: sha256:37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570
-- schema after:  sha256:f6e8686aa2295c70e3df698abd34f7c5698a954ec841b61d0758b3eddb1b8682

-- undo step 3: create table roles_users
DROP TABLE `roles_users`;

-- undo step 2: create table user
DROP TABLE `user`;

-- undo step 1: create table role
DROP TABLE `role`;
