import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const t = table("t", {
  id: id(),
  title: varchar(30).renamedFrom("name"),
  price: decimal(8, 2),
  quantity: int().notNull().default(0).backfill(0).renamedFrom("qty"),
}, (t) => [check("qty_pos", sql`quantity >= 0`), index(t.title, t.quantity)]);
