import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const t = table("t", {
  id: id(),
  amt: decimal(10, 3).notNull().default(1.5).backfill(2.25),
  ts: timestamp(3).notNull().defaultNow().onUpdateNow(),
  flag: boolean().notNull().default(true).backfill(false),
  dt: datetime(6).default(sql`CURRENT_TIMESTAMP(6)`),
  created: timestamp(6).notNull().defaultNow(),
});
