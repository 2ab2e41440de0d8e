-- schemac migration 0001_move_g_qty_doc (up) for database test
-- schema before: sha256:5a0a38b4b689dca7a4711c55b0acfdff07521a8ecc042d125a158674d9fee10e
-- schema after:  sha256:86237596730d00f6b75baf9561f55f14f808c0368db03a57ab7464e3b381be6c
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table t: move columns g, qty, doc
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
MODIFY COLUMN `g` INT GENERATED ALWAYS AS (qty + 1) VIRTUAL AFTER `note`,
MODIFY COLUMN `qty` INT NULL AFTER `g`,
MODIFY COLUMN `doc` JSON NULL AFTER `qty`;
