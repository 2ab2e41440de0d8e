-- schemac migration 0001_add_column_position_has_status_report_backfilled (down) for database test
-- schema before: sha256:438082eed0c219ae15690cc4e4b8fae7a73380bead0438c24e004f2ec9edc9ac
-- schema after:  sha256:984cd8551b9ef5e940ab815fa9d7009ecae92c30e53708c0fb758ff9ec31f838

ALTER TABLE `position`
DROP COLUMN `update_time`;

ALTER TABLE `position`
DROP COLUMN `has_status_report`;
