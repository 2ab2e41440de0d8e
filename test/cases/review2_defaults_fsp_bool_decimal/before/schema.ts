import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const t = table("t", {
  id: id(),
  ts: timestamp().notNull().defaultNow().onUpdateNow(),
  flag: boolean(),
  amt: decimal(8, 2),
  dt: datetime(),
});
