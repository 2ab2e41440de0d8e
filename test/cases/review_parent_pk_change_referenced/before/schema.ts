import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const parent = table("parent", {
  id: int().notNull().primaryKey(),
  v: int().notNull(),
});
export const child = table("child", {
  id: id(),
  parent_id: int().references(() => parent.id),
});
