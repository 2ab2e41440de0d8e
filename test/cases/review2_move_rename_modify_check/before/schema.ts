import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const t = table("t", {
  id: id(),
  qty: smallint(),
  price: decimal(6, 2),
  name: varchar(10),
}, (t) => [check("qty_pos", sql`qty >= 0`), index(t.name, t.qty)]);
