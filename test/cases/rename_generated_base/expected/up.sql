-- schemac migration 0001_rename_a_c_label (up) for database test
-- schema before: sha256:aab1b8d7c2013eee0a36888c70f80629e9d7ada71f3feb7ab508252c1a2ffc79
-- schema after:  sha256:fb28430655f266bf77fca3f5228d58a3dbe655d708eb05d4d9f3dbc17ee1de52
-- costs as predicted for MySQL 8.0.29

-- step 1: rename columns of t: a to b, c to d, label to title
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `t`
RENAME COLUMN `a` TO `b`,
RENAME COLUMN `c` TO `d`,
RENAME COLUMN `label` TO `title`,
MODIFY COLUMN `g` INT GENERATED ALWAYS AS (b * 2 + d) VIRTUAL,
MODIFY COLUMN `s` INT GENERATED ALWAYS AS (b + 1) STORED;
