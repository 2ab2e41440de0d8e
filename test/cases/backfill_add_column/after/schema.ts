import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const position = table('position', {
  id: id(),
  name: varchar(64).notNull().unique(),
  has_status_report: boolean().notNull().backfill(true),
  update_time: datetime().notNull().backfill(sql`NOW()`),
  status: varchar(10).notNull().default('new').backfill('legacy'),
  label: varchar(40).backfill(sql`CONCAT('position ', name)`),
});
