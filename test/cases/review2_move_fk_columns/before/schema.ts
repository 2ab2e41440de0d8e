import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const p = table("p", {
  id: id(),
  code: varchar(10).notNull().unique(),
  name: varchar(20),
});
export const c = table("c", {
  id: id(),
  p_code: varchar(10).notNull().references(() => p.code),
  p_id: int().references(() => p.id),
  note: varchar(20),
});
