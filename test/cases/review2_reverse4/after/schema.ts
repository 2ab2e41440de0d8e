import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const t = table("t", {
  d: date(),
  c: decimal(6, 2),
  b: varchar(5),
  a: int().notNull().primaryKey(),
});
