import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const position = table("position", {
  id: id(),
  name: varchar(64).notNull(),
  code: varchar(10).unique(),
});

export const task = table("task", {
  id: id(),
  position_code: varchar(10).references(() => position.code),
});
