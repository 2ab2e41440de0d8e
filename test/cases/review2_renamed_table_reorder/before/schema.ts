import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const old_t = table("old_t", {
  id: id(),
  a: int(),
  b: varchar(8).notNull().default("q"),
  c: int(),
}, (t) => [index(t.b, t.a)]);
