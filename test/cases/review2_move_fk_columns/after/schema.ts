import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const p = table("p", {
  name: varchar(20),
  code: varchar(10).notNull().unique(),
  id: id(),
});
export const c = table("c", {
  note: varchar(20),
  p_id: int().references(() => p.id),
  id: id(),
  p_code: varchar(10).notNull().references(() => p.code),
});
