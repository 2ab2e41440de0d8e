import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const person = table("person", { id: id() });
export const msg = table("msg", {
  id: id(),
  from_id: int().notNull().references(() => person.id),
  to_id: int().notNull().references(() => person.id),
});
