-- schemac schema for database users
-- schema: sha256:f6e8686aa2295c70e3df698abd34f7c5698a954ec841b61d0758b3eddb1b8682
-- newest migration: 0001_init

CREATE TABLE `role` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(80) NOT NULL,
  `description` VARCHAR(255) NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_role_name` (`name`)
);

CREATE TABLE `user` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `email` VARCHAR(255) NOT NULL,
  `password` VARCHAR(255) NOT NULL,
  `name` VARCHAR(128) NULL,
  `active` TINYINT(1) NOT NULL DEFAULT 1,
  `confirmed_at` DATETIME NULL,
  `last_login_at` DATETIME NULL,
  `login_count` INT NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_user_email` (`email`)
);

CREATE TABLE `roles_users` (
  `user_id` INT NOT NULL,
  `role_id` INT NOT NULL,
  PRIMARY KEY (`user_id`, `role_id`),
  KEY `ix_roles_users_role_id` (`role_id`),
  CONSTRAINT `fk_roles_users_role_id_role` FOREIGN KEY (`role_id`) REFERENCES `role` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_roles_users_user_id_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE
);
