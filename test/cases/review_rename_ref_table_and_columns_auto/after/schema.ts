import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const role = table("role", {
  rid: int().notNull().autoIncrement().primaryKey().renamedFrom("id"),
  name: varchar(64).notNull(),
}).renamedFrom("position");
export const task = table("task", {
  id: id(),
  role_id: int().notNull().references(() => role.rid).renamedFrom("position_id"),
});
