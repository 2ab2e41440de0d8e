import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const t = table("t", {
  id: id(),
  price: int(),
  currency: varchar(3).notNull().default("EUR"),
  label: varchar(20).notNull().backfill(sql`CONCAT(price, " ", currency)`),
});
