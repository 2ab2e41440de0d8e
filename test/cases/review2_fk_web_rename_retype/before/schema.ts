import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const a = table("a", {
  id: id(),
  name: varchar(20),
});
export const b = table("b", {
  id: id(),
  a_id: int().notNull().references(() => a.id, { onDelete: "cascade" }),
  tag: varchar(5),
}, (t) => [index(t.tag, t.a_id)]);
