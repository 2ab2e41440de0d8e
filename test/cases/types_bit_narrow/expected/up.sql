-- schemac migration 0001_change_mask (up) for database test
-- schema before: sha256:cbf57a2f689559b38b18029ad3793340047b3b5f3fad49b7b5e214278bc0b2f2
-- schema after:  sha256:2a06d1d168add4df469f202beb8332188c1ae49b9493d26c1bb88598d71fdff8
-- costs as predicted for MySQL 8.0.29

-- step 1: alter table flags: modify column mask
-- cost: COPY, rebuilds the table, blocks writes
ALTER TABLE `flags`
MODIFY COLUMN `mask` BIT(4) NOT NULL DEFAULT 5;
