import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const t = table("t", {
  id: id(),
  name: varchar(20),
  up: varchar(20).generatedAs(sql`UPPER(name)`),
  st: varchar(25).generatedAs(sql`CONCAT(name, "!")`, { stored: true }),
}, (t) => [index(t.up), index(t.st)]);
