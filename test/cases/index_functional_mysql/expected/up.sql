-- schemac migration 0001_add_index_deleted_expr_and_add_unique_expr (up) for database test
-- schema before: sha256:6ba0087e2279ec6b45ac85ce015251682142e9bd31b2edb216d854c0ca0b8160
-- schema after:  sha256:e8f822788f63246562b5338ae9a30fe638e5809b0ad7bbaa87a52b81a2bb7bc3
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table account: add index ix_account_deleted_expr, add unique key uq_account_email_ci
-- cost: INPLACE, writes allowed
ALTER TABLE `account`
ADD INDEX `ix_account_deleted_expr` (`deleted`, (length(email)) DESC),
ADD UNIQUE INDEX `uq_account_email_ci` ((lower(email)));
