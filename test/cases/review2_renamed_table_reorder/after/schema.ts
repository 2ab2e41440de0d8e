import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const new_t = table("new_t", {
  id: id(),
  c: int(),
  b2: varchar(8).notNull().default("q").renamedFrom("b"),
  a: int(),
}, (t) => [index(t.b2, t.a)]).renamedFrom("old_t");
