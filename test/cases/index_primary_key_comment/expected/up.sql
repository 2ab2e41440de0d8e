-- schemac migration 0001_change_primary_key_of_friends (up) for database test
-- schema before: sha256:07299cc0180c83f1da99091403b33abbc661f397aff6ad2bac0a9a9dcd832eaf
-- schema after:  sha256:5645ba1afb1ba3253ac26afb1f5b57127a11fa2d46ab160e0e47ca3fa6563c93
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table friends: change primary key
-- cost: INPLACE, rebuilds the table, writes allowed
ALTER TABLE `friends`
DROP PRIMARY KEY,
ADD PRIMARY KEY (`user_id`, `friend_id`) COMMENT 'who knows whom';
