import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const a2 = table("a2", {
  name: varchar(20),
  aid: id({ type: "bigint" }).renamedFrom("id"),
}).renamedFrom("a");
export const b = table("b", {
  id: id(),
  tag: varchar(5),
  a_id: bigint().notNull().references(() => a2.aid, { onDelete: "cascade" }),
}, (t) => [index(t.tag, t.a_id)]);
export const c = table("c", {
  id: id(),
  a_id: bigint().references(() => a2.aid),
  b_id: int().references(() => b.id),
});
