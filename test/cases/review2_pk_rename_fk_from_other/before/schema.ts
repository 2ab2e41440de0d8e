import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const parent = table("parent", {
  code: int().notNull(),
  region: int().notNull(),
  label: varchar(20),
}, (t) => [primaryKey(t.code)]);
export const child = table("child", {
  id: id(),
  parent_code: int().notNull().references(() => parent.code),
});
