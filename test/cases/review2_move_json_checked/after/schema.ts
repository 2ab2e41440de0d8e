import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const t = table("t", {
  id: id(),
  note: varchar(10),
  g: int().generatedAs(sql`qty + 1`),
  qty: int(),
  doc: json(),
}, (t) => [check("qty_small", sql`qty < 1000`)]);
