import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const x = table("x", { id: id() });
export const link = table("link", {
  a: int().notNull().references(() => x.id),
  b: int().notNull(),
}, (t) => [primaryKey(t.a, t.b)]);
